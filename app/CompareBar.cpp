#include "CompareBar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QToolButton>
#include <QVBoxLayout>

namespace rs {

namespace {

using Change = ComparisonTableModel::Change;

struct ChangeChoice {
    Change change;
    const char* text;
};
constexpr ChangeChoice kChoices[] = {
    {Change::All, QT_TRANSLATE_NOOP("rs::CompareBar", "All paired questions")},
    {Change::Changed, QT_TRANSLATE_NOOP("rs::CompareBar", "Changed")},
    {Change::Regressions, QT_TRANSLATE_NOOP("rs::CompareBar", "Regressions (right \u2192 wrong)")},
    {Change::Fixes, QT_TRANSLATE_NOOP("rs::CompareBar", "Fixes (wrong \u2192 right)")},
    {Change::NewFindings, QT_TRANSLATE_NOOP("rs::CompareBar", "New findings in the head")},
};

} // namespace

CompareBar::CompareBar(QWidget* parent) : QWidget(parent) {
    setObjectName("compareBar");
    // Two rows, so the bar is no wider than the filter bar it stands in for.
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    auto* row = new QHBoxLayout;
    column->addLayout(row);
    auto* title = new QLabel(tr("<b>Compare</b> base"), this);
    row->addWidget(title);
    base_ = new QComboBox(this);
    base_->setObjectName("compareBase");
    base_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    base_->setMinimumContentsLength(16);
    row->addWidget(base_);
    row->addWidget(new QLabel(tr("with head"), this));
    head_ = new QComboBox(this);
    head_->setObjectName("compareHead");
    head_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    head_->setMinimumContentsLength(16);
    row->addWidget(head_);
    row->addStretch(1);
    auto* leave = new QToolButton(this);
    leave->setObjectName("leaveCompare");
    leave->setText(tr("Leave compare mode"));
    leave->setToolTip(tr("Back to the case table of every run"));
    row->addWidget(leave);
    row = new QHBoxLayout;
    column->addLayout(row);
    change_ = new QComboBox(this);
    change_->setObjectName("compareChange");
    change_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    change_->setMinimumContentsLength(22);
    for (const ChangeChoice& c : kChoices)
        change_->addItem(tr(c.text), int(c.change));
    row->addWidget(change_);
    summary_ = new QLabel(this);
    summary_->setObjectName("compareSummary");
    summary_->setTextFormat(Qt::PlainText);
    // Never wider than the room left: the window must still fit a 1600-pixel screen.
    summary_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    summary_->setMinimumWidth(60);
    row->addWidget(summary_, 1);

    const auto runs = [this] { emit runsChosen(baseRun(), headRun()); };
    connect(base_, &QComboBox::currentIndexChanged, this, runs);
    connect(head_, &QComboBox::currentIndexChanged, this, runs);
    connect(change_, &QComboBox::currentIndexChanged, this,
            [this] { emit changeChosen(change()); });
    connect(leave, &QToolButton::clicked, this, &CompareBar::leaveRequested);
}

void CompareBar::setRuns(const std::vector<ProjectStore::RunInfo>& runs, std::int64_t base,
                         std::int64_t head) {
    const QSignalBlocker b1(base_), b2(head_);
    base_->clear();
    head_->clear();
    for (const ProjectStore::RunInfo& r : runs) {
        const QString label = QString::fromStdString(r.label);
        base_->addItem(label, QVariant::fromValue<qint64>(r.id));
        head_->addItem(label, QVariant::fromValue<qint64>(r.id));
    }
    base_->setCurrentIndex(base_->findData(QVariant::fromValue<qint64>(base)));
    head_->setCurrentIndex(head_->findData(QVariant::fromValue<qint64>(head)));
}

std::int64_t CompareBar::baseRun() const {
    return base_->currentIndex() < 0 ? -1 : base_->currentData().toLongLong();
}

std::int64_t CompareBar::headRun() const {
    return head_->currentIndex() < 0 ? -1 : head_->currentData().toLongLong();
}

ComparisonTableModel::Change CompareBar::change() const {
    return Change(change_->currentData().toInt());
}

void CompareBar::setChange(ComparisonTableModel::Change change) {
    change_->setCurrentIndex(change_->findData(int(change)));
}

void CompareBar::setCounts(const ComparisonTableModel& model) {
    for (int i = 0; i < change_->count(); ++i) {
        const auto c = Change(change_->itemData(i).toInt());
        change_->setItemText(i, tr("%1: %2").arg(tr(kChoices[i].text)).arg(model.countOf(c)));
    }
}

void CompareBar::setSummary(const QString& text) {
    summary_->setText(text);
}

} // namespace rs
