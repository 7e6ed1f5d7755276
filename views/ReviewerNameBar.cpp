#include "ReviewerNameBar.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>

namespace rs {

ReviewerNameBar::ReviewerNameBar(QWidget* parent) : QWidget(parent) {
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(6);
    grid->setVerticalSpacing(2);
    auto* label = new QLabel(tr("&Reviewer:"), this);
    name_ = new QLineEdit(this);
    name_->setObjectName(QLatin1String(kName));
    name_->setPlaceholderText(tr("your name, e.g. Dr. Ada Byrne"));
    // Only a click or the panel's request puts the cursor here: review keys stay keys.
    name_->setFocusPolicy(Qt::ClickFocus);
    label->setBuddy(name_);
    role_ = new QComboBox(this);
    role_->setObjectName(QLatin1String(kRole));
    role_->setEditable(true);
    role_->setFocusPolicy(Qt::ClickFocus);
    role_->addItems(
        {QString(), tr("physician"), tr("resident"), tr("nurse"), tr("developer"), tr("auditor")});
    role_->setToolTip(tr("Role (optional), recorded with the name"));
    grid->addWidget(label, 0, 0);
    grid->addWidget(name_, 0, 1);
    grid->addWidget(role_, 0, 2);
    note_ = new QLabel(this);
    note_->setObjectName("reviewerNote");
    note_->setWordWrap(true);
    note_->setStyleSheet("color: #555;");
    grid->addWidget(note_, 1, 0, 1, 3);
    grid->setColumnStretch(1, 1);

    connect(name_, &QLineEdit::returnPressed, this, &ReviewerNameBar::commit);
    connect(name_, &QLineEdit::editingFinished, this, &ReviewerNameBar::commit);
    connect(role_->lineEdit(), &QLineEdit::returnPressed, this, &ReviewerNameBar::commit);
    connect(role_, &QComboBox::activated, this, &ReviewerNameBar::commit);
    showState();
}

void ReviewerNameBar::setReviewer(const QString& name, const QString& role) {
    committedName_ = name.trimmed();
    committedRole_ = role.trimmed();
    name_->setText(committedName_);
    role_->setCurrentText(committedRole_);
    showState();
}

void ReviewerNameBar::setFixed(const QString& why) {
    fixedWhy_ = why;
    name_->setReadOnly(true);
    role_->setEnabled(false);
    showState();
}

void ReviewerNameBar::askForName(const QString& why) {
    note_->setText(
        why + QLatin1Char(' ') +
        tr("Type it and press Enter: it is recorded with every verdict and printed in the reports. "
           "Esc goes back to the review keys."));
    note_->setStyleSheet("color: #a33; font-weight: bold;");
    name_->setFocus(Qt::OtherFocusReason);
    name_->selectAll();
}

void ReviewerNameBar::commit() {
    const QString name = name_->text().trimmed(), role = role_->currentText().trimmed();
    if (name == committedName_ && role == committedRole_) {
        showState();
        return;
    }
    committedName_ = name;
    committedRole_ = role;
    showState();
    emit changed(name, role);
}

void ReviewerNameBar::showState() {
    note_->setStyleSheet("color: #555;");
    if (!fixedWhy_.isEmpty()) {
        note_->setText(fixedWhy_);
        return;
    }
    note_->setText(
        committedName_.isEmpty()
            ? tr("Needed before the first verdict. Recorded with every verdict in the project file "
                 "and printed in its reports; remembered on this computer for the next session.")
            : tr("Recorded with every verdict in the project file and printed in its reports; "
                 "remembered on this computer (settings) for the next session."));
}

} // namespace rs
