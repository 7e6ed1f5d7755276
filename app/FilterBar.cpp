#include "FilterBar.h"

#include "FindingKinds.h"
#include "RunColors.h"

#include <QColor>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QShortcut>
#include <QSignalBlocker>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace rs {

namespace {

// Merges a dashboard refinement into a query: each facet list is ANDed with what is
// already there by appending (the store ORs inside one list, so a second click on the
// same facet kind widens that facet, which is what the chips then show).
void merge(CaseQuery& into, const CaseQuery& r) {
    into.runIds.insert(into.runIds.end(), r.runIds.begin(), r.runIds.end());
    into.findingTypes.insert(into.findingTypes.end(), r.findingTypes.begin(), r.findingTypes.end());
    into.findingSubtypes.insert(into.findingSubtypes.end(), r.findingSubtypes.begin(),
                                r.findingSubtypes.end());
    into.signatures.insert(into.signatures.end(), r.signatures.begin(), r.signatures.end());
    into.caseIds.insert(into.caseIds.end(), r.caseIds.begin(), r.caseIds.end());
    if (r.correctness != StoreCorrectness::Any)
        into.correctness = r.correctness;
    if (r.reviewState)
        into.reviewState = r.reviewState;
}

} // namespace

FilterBar::FilterBar(QWidget* parent) : QWidget(parent) {
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    auto* row = new QHBoxLayout;
    column->addLayout(row);

    search_ = new QLineEdit(this);
    search_->setObjectName("search");
    search_->setPlaceholderText(tr("Search question and output (/)"));
    search_->setClearButtonEnabled(true);
    // Only a click or "/" puts the cursor here: a review key typed into the search would
    // filter the table under the reviewer instead of recording a verdict.
    search_->setFocusPolicy(Qt::ClickFocus);
    row->addWidget(search_, 3);
    // Filtering on every keystroke would re-query for each letter typed.
    auto* debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(150);
    connect(search_, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(debounce, &QTimer::timeout, this, &FilterBar::changed);
    auto* slash = new QShortcut(QKeySequence(Qt::Key_Slash), this);
    connect(slash, &QShortcut::activated, this, [this] {
        search_->setFocus();
        search_->selectAll();
    });

    runFilter_ = new QComboBox(this);
    runFilter_->setObjectName("runFilter");
    runFilter_->addItem(tr("All runs"), QVariant());
    runFilter_->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(runFilter_, &QWidget::customContextMenuRequested, this, [this](const QPoint& at) {
        emit runMenuRequested(chosenRun(), runFilter_->mapToGlobal(at));
    });
    row->addWidget(runFilter_, 1);

    correctFilter_ = new QComboBox(this);
    correctFilter_->setObjectName("correctFilter");
    correctFilter_->addItem(tr("Any answer"), int(StoreCorrectness::Any));
    correctFilter_->addItem(tr("Correct"), int(StoreCorrectness::Correct));
    correctFilter_->addItem(tr("Incorrect"), int(StoreCorrectness::Incorrect));
    correctFilter_->addItem(tr("Not scored"), int(StoreCorrectness::Unscored));
    row->addWidget(correctFilter_);

    classFilter_ = new QComboBox(this);
    classFilter_->setObjectName("classFilter");
    classFilter_->addItem(tr("Any finding"), QString());
    for (FindingType type : kAllFindingTypes) {
        const QString name = QLatin1String(findingTypeName(type));
        classFilter_->addItem(tr("%1 errors").arg(name), name);
    }
    row->addWidget(classFilter_);

    reviewFilter_ = new QComboBox(this);
    reviewFilter_->setObjectName("reviewFilter");
    reviewFilter_->addItem(tr("Any review state"), QString());
    reviewFilter_->addItem(tr("Not reviewed"), QStringLiteral("unreviewed"));
    for (const char* verdict : {"confirmed", "rejected", "unsure"})
        reviewFilter_->addItem(tr("Reviewed: %1").arg(QLatin1String(verdict)),
                               QLatin1String(verdict));
    row->addWidget(reviewFilter_);

    for (QComboBox* box : {runFilter_, correctFilter_, classFilter_, reviewFilter_})
        connect(box, &QComboBox::currentIndexChanged, this, &FilterBar::changed);

    chipBar_ = new QWidget(this);
    chipLayout_ = new QHBoxLayout(chipBar_);
    chipLayout_->setContentsMargins(0, 0, 0, 0);
    chipBar_->hide();
    column->addWidget(chipBar_);
}

CaseQuery FilterBar::query() const {
    CaseQuery q;
    q.search = search_->text().trimmed().toStdString();
    if (runFilter_->currentData().isValid())
        q.runIds.push_back(runFilter_->currentData().value<qint64>());
    q.correctness = StoreCorrectness(correctFilter_->currentData().toInt());
    const QString type = classFilter_->currentData().toString();
    if (!type.isEmpty())
        q.findingTypes.push_back(type.toStdString());
    if (const QString review = reviewFilter_->currentData().toString(); !review.isEmpty())
        q.reviewState = review.toStdString();
    for (const Chip& chip : chips_)
        merge(q, chip.refinement);
    return q;
}

QString FilterBar::runEntryText(const ProjectStore::RunInfo& run) {
    const QString label = QString::fromStdString(run.label);
    return run.complete ? label : tr("%1 (interrupted)").arg(label);
}

void FilterBar::setRuns(const std::vector<ProjectStore::RunInfo>& runs, bool keepChoice) {
    const qint64 chosen = keepChoice ? chosenRun() : -1;
    const QSignalBlocker block(runFilter_);
    runFilter_->clear();
    runFilter_->addItem(tr("All runs"), QVariant());
    for (const auto& run : runs) {
        runFilter_->addItem(runEntryText(run), QVariant::fromValue<qint64>(run.id));
        const int at = runFilter_->count() - 1;
        QString tip = QString::fromStdString(run.description);
        if (!run.complete) {
            runFilter_->setItemData(at, interruptedRunColor(), Qt::ForegroundRole);
            tip = tr("Interrupted: the analysis storing this run stopped before the end of its "
                     "file, so its %1 cases are a part of it. Running the same import again "
                     "completes it.")
                      .arg(run.cases) +
                  (tip.isEmpty() ? QString() : QStringLiteral("\n\n") + tip);
        }
        if (!tip.isEmpty())
            runFilter_->setItemData(at, tip, Qt::ToolTipRole);
        if (run.id == chosen)
            runFilter_->setCurrentIndex(at);
    }
}

qint64 FilterBar::chosenRun() const {
    const QVariant v = runFilter_->currentData();
    return v.isValid() ? v.value<qint64>() : -1;
}

void FilterBar::addRefinement(const CaseQuery& refinement, const QString& label) {
    chips_.push_back({refinement, label});
    rebuildChips();
    emit changed();
}

void FilterBar::clearRefinements() {
    chips_.clear();
    rebuildChips();
}

void FilterBar::clearAll() {
    {
        // One change for the whole reset, not one per field.
        const QSignalBlocker blockSearch(search_);
        const QSignalBlocker blockRun(runFilter_), blockCorrect(correctFilter_),
            blockClass(classFilter_), blockReview(reviewFilter_);
        search_->clear();
        for (QComboBox* box : {runFilter_, correctFilter_, classFilter_, reviewFilter_})
            box->setCurrentIndex(0);
    }
    clearRefinements();
    emit changed();
}

void FilterBar::rebuildChips() {
    while (QLayoutItem* item = chipLayout_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (std::size_t i = 0; i < chips_.size(); ++i) {
        auto* chip = new QToolButton(chipBar_);
        chip->setText(chips_[i].label + QStringLiteral("  \u2715"));
        chip->setToolTip(tr("Remove this filter"));
        chip->setStyleSheet(
            "QToolButton { border: 1px solid #8aa; border-radius: 9px; padding: 1px 8px; "
            "background: #eef5f5; }");
        connect(chip, &QToolButton::clicked, this, [this, i] {
            if (i < chips_.size())
                chips_.erase(chips_.begin() + std::ptrdiff_t(i));
            rebuildChips();
            emit changed();
        });
        chipLayout_->addWidget(chip);
    }
    chipLayout_->addStretch(1);
    chipBar_->setVisible(!chips_.empty());
}

} // namespace rs
