#include "CompareMode.h"

#include "CaseResultCodec.h"
#include "CompareBar.h"
#include "ComparisonDashboard.h"
#include "ComparisonInstanceView.h"
#include "ComparisonPathView.h"

#include <QDockWidget>
#include <QHeaderView>
#include <QMainWindow>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <unordered_map>

namespace rs {

namespace {

using Change = ComparisonTableModel::Change;

struct LoadedCase {
    std::optional<ProjectStore::StoredCase> stored;
    std::optional<CaseResult> result;
};

LoadedCase loadCase(const ProjectStore& store, std::int64_t caseId) {
    LoadedCase c;
    c.stored = store.loadCase(caseId);
    if (c.stored && !c.stored->analysis.is_null())
        c.result = decodeCaseResult(c.stored->analysis);
    return c;
}

// The start of each question's text, parallel to the questions (the head's case rows).
std::vector<std::string> previews(const ProjectStore& store, const RunComparison& c) {
    CaseQuery q;
    q.runId = c.head.id;
    std::unordered_map<std::int64_t, std::string> byCase;
    for (CaseRow& row : store.caseRows(q, 0, 0))
        byCase.emplace(row.id, std::move(row.questionPreview));
    std::vector<std::string> out;
    out.reserve(c.questions.size());
    for (const ComparedQuestion& question : c.questions) {
        auto it = byCase.find(question.head.caseId);
        out.push_back(it == byCase.end() ? std::string() : it->second);
    }
    return out;
}

QString summaryOf(const RunComparison& c) {
    const PairedAccuracy& a = c.accuracy;
    QStringList parts;
    if (a.scoredPairs > 0)
        parts << CompareMode::tr("accuracy %1% \u2192 %2% (%3%4 points)")
                     .arg(a.base * 100, 0, 'f', 1)
                     .arg(a.head * 100, 0, 'f', 1)
                     .arg(a.difference >= 0 ? QStringLiteral("+") : QString())
                     .arg(a.difference * 100, 0, 'f', 1);
    parts << CompareMode::tr("%1 regressions").arg(c.regressions())
          << CompareMode::tr("%1 fixes").arg(c.fixes());
    return parts.join(QStringLiteral("  \u2022  "));
}

} // namespace

CompareMode::CompareMode(QMainWindow* window, QVBoxLayout* centre)
    : QObject(window), window_(window) {
    QWidget* parent = centre->parentWidget();
    bar_ = new CompareBar(parent);
    centre->insertWidget(0, bar_);
    bar_->hide();
    model_ = new ComparisonTableModel(this);
    table_ = new QTableView(parent);
    table_->setObjectName("compareTable");
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setSortingEnabled(true);
    table_->sortByColumn(ComparisonTableModel::QuestionColumn, Qt::AscendingOrder);
    table_->verticalHeader()->hide();
    table_->verticalHeader()->setDefaultSectionSize(22);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setAlternatingRowColors(true);
    table_->setColumnWidth(ComparisonTableModel::QuestionColumn, 190);
    table_->setColumnWidth(ComparisonTableModel::TitleColumn, 230);
    table_->setColumnWidth(ComparisonTableModel::ChangeColumn, 160);
    for (int c = ComparisonTableModel::BaseCorrectColumn;
         c < ComparisonTableModel::BaseReviewColumn; ++c)
        table_->setColumnWidth(c, c < ComparisonTableModel::FirstClassColumn ? 48 : 76);
    centre->insertWidget(1, table_, 1);
    table_->hide();

    connect(bar_, &CompareBar::runsChosen, this, &CompareMode::compare);
    connect(bar_, &CompareBar::changeChosen, this, [this](Change change) {
        const ComparedQuestion* current = model_->question(table_->currentIndex().row());
        const std::int64_t keep = current ? current->head.caseId : -1;
        model_->setChange(change);
        selectFirstOr(keep);
    });
    connect(bar_, &CompareBar::leaveRequested, this, &CompareMode::leaveRequested);
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { showRow(current.row()); });
}

CompareMode::~CompareMode() = default;

void CompareMode::buildDocks() {
    if (!docks_.empty())
        return;
    dashboard_ = new ComparisonDashboard(window_);
    caseView_ = new ComparisonInstanceView(window_);
    pathView_ = new ComparisonPathView(window_);
    connect(dashboard_, &ComparisonDashboard::cellActivated, this, [this](CorrectnessCell cell) {
        if (cell == CorrectnessCell::RightWrong)
            bar_->setChange(Change::Regressions);
        else if (cell == CorrectnessCell::WrongRight)
            bar_->setChange(Change::Fixes);
    });
    addDock(dashboard_, tr("Comparison"), "compareDashboardDock", "dashboardDock");
    addDock(caseView_, tr("Compared answers"), "compareCaseDock", "instanceDock");
    addDock(pathView_, tr("Compared paths"), "comparePathDock", "pathDock");
}

QDockWidget* CompareMode::addDock(QWidget* widget, const QString& title, const char* name,
                                  const char* besideName) {
    auto* dock = new QDockWidget(title, window_);
    dock->setObjectName(QLatin1String(name));
    dock->setWidget(widget);
    auto* beside = window_->findChild<QDockWidget*>(QLatin1String(besideName));
    window_->addDockWidget(beside ? window_->dockWidgetArea(beside) : Qt::BottomDockWidgetArea,
                           dock);
    if (beside)
        window_->tabifyDockWidget(beside, dock);
    dock->hide();
    docks_.push_back(dock);
    return dock;
}

bool CompareMode::enter(const ProjectStore* store, std::int64_t base, std::int64_t head,
                        QString* error) {
    if (!load(store, base, head, error))
        return false;
    active_ = true;
    bar_->show();
    table_->show();
    // Raised now and once more after the events already queued: the window raises its
    // everyday tabs from the event loop when it is first shown.
    for (QDockWidget* dock : docks_) {
        dock->show();
        dock->raise();
        QTimer::singleShot(0, dock, [this, dock] {
            if (active_)
                dock->raise();
        });
    }
    selectFirstOr(-1);
    table_->setFocus();
    emit entered();
    return true;
}

bool CompareMode::load(const ProjectStore* store, std::int64_t base, std::int64_t head,
                       QString* error) {
    if (!store) {
        *error = tr("No project is open.");
        return false;
    }
    buildDocks();
    try {
        comparison_ = compareRuns(*store, base, head);
        store_ = store;
        model_->setRows(comparison_->questions, previews(*store, *comparison_),
                        QString::fromStdString(comparison_->base.label),
                        QString::fromStdString(comparison_->head.label));
    } catch (const std::exception& e) {
        *error = QString::fromStdString(e.what());
        return false;
    }
    bar_->setRuns(store->runs(), base, head);
    bar_->setCounts(*model_);
    bar_->setSummary(summaryOf(*comparison_));
    dashboard_->setComparison(*comparison_);
    return true;
}

void CompareMode::refresh() {
    if (!active_ || !store_ || !comparison_)
        return;
    const ComparedQuestion* current = model_->question(table_->currentIndex().row());
    const std::int64_t keep = current ? current->head.caseId : -1;
    QString error;
    if (!load(store_, comparison_->base.id, comparison_->head.id, &error)) {
        emit failed(error);
        return;
    }
    selectFirstOr(keep);
}

// Another pair chosen in the bar.
void CompareMode::compare(std::int64_t base, std::int64_t head) {
    if (!active_ || !store_)
        return;
    if (base == head) {
        emit failed(tr("Choose two different runs to compare."));
        return;
    }
    QString error;
    if (!enter(store_, base, head, &error))
        emit failed(error);
}

void CompareMode::leave() {
    active_ = false;
    store_ = nullptr;
    comparison_.reset();
    model_->setRows({}, {}, {}, {});
    if (!docks_.empty()) {
        caseView_->clear();
        pathView_->clear();
        dashboard_->clear();
    }
    bar_->hide();
    table_->hide();
    for (QDockWidget* dock : docks_)
        dock->hide();
}

void CompareMode::selectFirstOr(std::int64_t headCase) {
    const int row = headCase >= 0 ? model_->rowOfHeadCase(headCase) : -1;
    if (row >= 0) {
        table_->selectRow(row);
    } else if (model_->rowCount() > 0) {
        table_->selectRow(0);
    } else if (!docks_.empty()) {
        caseView_->clear();
        pathView_->clear();
    }
}

bool CompareMode::showQuestion(const QString& questionId) {
    int row = model_->rowOfQuestion(questionId);
    if (row < 0 && model_->change() != Change::All) {
        bar_->setChange(Change::All);
        row = model_->rowOfQuestion(questionId);
    }
    if (row < 0)
        return false;
    table_->selectRow(row);
    table_->scrollTo(model_->index(row, 0));
    return true;
}

void CompareMode::showRow(int row) {
    const ComparedQuestion* q = model_->question(row);
    if (docks_.empty())
        return;
    if (!q || !store_ || !comparison_) {
        caseView_->clear();
        pathView_->clear();
        return;
    }
    LoadedCase base, head;
    try {
        base = loadCase(*store_, q->base.caseId);
        head = loadCase(*store_, q->head.caseId);
    } catch (const std::exception& e) {
        emit failed(QString::fromStdString(e.what()));
        return;
    }
    const QString baseLabel = QString::fromStdString(comparison_->base.label);
    const QString headLabel = QString::fromStdString(comparison_->head.label);
    const auto side = [](const LoadedCase& c, const QString& label) {
        return ComparisonInstanceView::Side{c.stored ? &c.stored->data : nullptr,
                                            c.result ? &*c.result : nullptr, label};
    };
    caseView_->showPair(side(base, baseLabel), side(head, headLabel));
    const auto output = [](const LoadedCase& c) {
        return c.stored ? QByteArray::fromStdString(c.stored->data.output) : QByteArray();
    };
    pathView_->showPair(base.result ? &*base.result : nullptr, output(base), baseLabel,
                        head.result ? &*head.result : nullptr, output(head), headLabel);
    emit headCaseChanged(q->head.caseId);
}

} // namespace rs
