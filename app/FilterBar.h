#pragma once
// The filter above the case table: the search field, the run, answer, finding-class and
// review-state choices, and the refinements added by clicking the overview or the
// projection, shown as removable chips. It only composes the query; the window applies it
// to the table and the views whenever changed() fires.
#include "ProjectStore.h"

#include <QWidget>

#include <vector>

class QComboBox;
class QHBoxLayout;
class QLineEdit;

namespace rs {

class FilterBar : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY(FilterBar)
public:
    explicit FilterBar(QWidget* parent = nullptr);

    // The chosen filter with every chip ANDed in; sorting is left to the caller.
    CaseQuery query() const;
    // The runs to choose from, a run whose analysis was interrupted marked so. Without
    // keepChoice (a new project) the choice goes back to "All runs"; with it (the runs were
    // edited) the chosen run stays chosen while it exists. Never fires changed().
    void setRuns(const std::vector<ProjectStore::RunInfo>& runs, bool keepChoice = false);
    // The run chosen in the run filter, -1 for "All runs".
    qint64 chosenRun() const;
    // The run filter's entry for a run: its label, and " (interrupted)" when it is.
    static QString runEntryText(const ProjectStore::RunInfo& run);
    // A chip for a dashboard or projection selection; fires changed().
    void addRefinement(const CaseQuery& refinement, const QString& label);
    // Drops the chips without firing changed() (a project was opened).
    void clearRefinements();
    // Every choice back to "all", no chips, no search text; fires changed() once.
    void clearAll();

signals:
    void changed();
    // A context menu was asked for on the run filter (runId -1: "All runs" is chosen).
    void runMenuRequested(qint64 runId, const QPoint& globalPos);

private:
    void rebuildChips();

    QLineEdit* search_ = nullptr;
    QComboBox* runFilter_ = nullptr;
    QComboBox* correctFilter_ = nullptr;
    QComboBox* classFilter_ = nullptr;
    QComboBox* reviewFilter_ = nullptr;
    QWidget* chipBar_ = nullptr;
    QHBoxLayout* chipLayout_ = nullptr;

    struct Chip {
        CaseQuery refinement;
        QString label;
    };
    std::vector<Chip> chips_;
};

} // namespace rs
