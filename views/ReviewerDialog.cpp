#include "ReviewerDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace rs {

ReviewerDialog::ReviewerDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Who is reviewing?"));
    auto* form = new QFormLayout(this);
    auto* intro = new QLabel(tr("Every verdict records the reviewer's name, role and time."), this);
    intro->setWordWrap(true);
    form->addRow(intro);
    name_ = new QLineEdit(this);
    name_->setObjectName("reviewerName");
    name_->setPlaceholderText(tr("e.g. Dr. Ada Byrne"));
    form->addRow(tr("&Name:"), name_);
    role_ = new QComboBox(this);
    role_->setObjectName("reviewerRole");
    role_->setEditable(true);
    role_->addItems({QString(), tr("physician"), tr("resident"), tr("nurse"), tr("developer"), tr("auditor")});
    form->addRow(tr("&Role (optional):"), role_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    QPushButton* ok = buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(false);
    connect(name_, &QLineEdit::textChanged, this,
            [ok](const QString& text) { ok->setEnabled(!text.trimmed().isEmpty()); });
}

void ReviewerDialog::setReviewer(const QString& name, const QString& role) {
    name_->setText(name);
    role_->setCurrentText(role);
}

QString ReviewerDialog::name() const { return name_->text().trimmed(); }
QString ReviewerDialog::role() const { return role_->currentText().trimmed(); }

bool ReviewerDialog::ask(QWidget* parent, QString* name, QString* role) {
    ReviewerDialog dialog(parent);
    dialog.setReviewer(*name, *role);
    if (dialog.exec() != QDialog::Accepted || dialog.name().isEmpty())
        return false;
    *name = dialog.name();
    *role = dialog.role();
    return true;
}

} // namespace rs
