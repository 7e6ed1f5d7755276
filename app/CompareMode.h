#pragma once
// The window's compare mode: two runs of the same questions side by side. It puts the
// CompareBar and a table of paired questions (ComparisonTableModel over core's
// compareRuns) in place of the filter bar and the case table, and shows three docks as
// tabs beside their everyday counterparts: the comparison overview (ComparisonDashboard)
// by the overview, the two answers side by side (ComparisonInstanceView) by the instance
// view, and the two reasoning paths (ComparisonPathView) by the path view. Leaving hides
// them and gives the normal table back. The window keeps following the head case
// (headCaseChanged), so the review panel and the single views show the head's answer.
#include "CaseResult.h"
#include "ComparisonTableModel.h"
#include "ProjectStore.h"
#include "RunComparison.h"

#include <QObject>

#include <optional>

class QDockWidget;
class QMainWindow;
class QTableView;
class QVBoxLayout;

namespace rs {

class CompareBar;
class ComparisonDashboard;
class ComparisonInstanceView;
class ComparisonPathView;

class CompareMode : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY(CompareMode)
public:
    // Adds the bar and the table to centre (hidden).
    CompareMode(QMainWindow* window, QVBoxLayout* centre);
    ~CompareMode() override;
    // Adds the docks to the window (hidden), each tabbed with its everyday counterpart;
    // the first enter() does it, so a window that never compares has none of their
    // widgets (and findChild<InstanceView*>() finds the everyday one).
    void buildDocks();

    bool isActive() const { return active_; }
    // Compares two runs of store (ids) and shows it; false with *error when they cannot be
    // compared (the same run, an unknown id, a store failure).
    bool enter(const ProjectStore* store, std::int64_t base, std::int64_t head, QString* error);
    void leave();
    // Reads the same two runs again (verdicts recorded here or by another instance),
    // keeping the filter, the sort and the current question; the docks stay as they are.
    void refresh();
    // Selects the question's row (clearing a filter that hides it); false when it is not
    // among the paired questions.
    bool showQuestion(const QString& questionId);

    const RunComparison* comparison() const { return comparison_ ? &*comparison_ : nullptr; }
    CompareBar* bar() const { return bar_; }
    QTableView* table() const { return table_; }
    ComparisonTableModel* model() const { return model_; }
    // nullptr until the first enter().
    ComparisonDashboard* dashboard() const { return dashboard_; }
    ComparisonInstanceView* caseView() const { return caseView_; }
    ComparisonPathView* pathView() const { return pathView_; }

signals:
    void entered();
    void leaveRequested();
    void headCaseChanged(qint64 caseId);
    void failed(const QString& message);

private:
    void compare(std::int64_t base, std::int64_t head);
    bool load(const ProjectStore* store, std::int64_t base, std::int64_t head, QString* error);
    void showRow(int row);
    void selectFirstOr(std::int64_t headCase);
    QDockWidget* addDock(QWidget* widget, const QString& title, const char* name,
                         const char* besideName);

    QMainWindow* window_ = nullptr;
    const ProjectStore* store_ = nullptr;
    bool active_ = false;
    std::optional<RunComparison> comparison_;
    CompareBar* bar_ = nullptr;
    QTableView* table_ = nullptr;
    ComparisonTableModel* model_ = nullptr;
    ComparisonDashboard* dashboard_ = nullptr;
    ComparisonInstanceView* caseView_ = nullptr;
    ComparisonPathView* pathView_ = nullptr;
    std::vector<QDockWidget*> docks_;
};

} // namespace rs
