#pragma once
// The debugger's window: the case table in the centre, the overview dashboard, the path
// view and the instance view in docks around it, all driven by one filter (CaseQuery) and
// one current case. What is not layout lives in its own class: the filter (FilterBar),
// the open project with its jobs (ProjectSession), report export (ReportExporter) and the
// reviewer's name (ReviewerIdentity); all work off the GUI thread goes through
// runOnWorker() (WindowWorker.h).
#include "CaseResult.h"
#include "ProjectStore.h"
#include "ReportCommand.h"

#include <QMainWindow>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

class QAction;
class QLabel;
class QTableView;

namespace rs {

class CaseImagesView;
class CaseTableModel;
class CompareMode;
class DashboardView;
class FilterBar;
class InstanceView;
class KgExplorer;
class PathView;
class ProjectSession;
class ProjectionView;
class ReportExporter;
class ReviewKeyController;
class ReviewPanel;
class ReviewerIdentity;
class RunActions;
struct PipelineRequest;

class MainWindow : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY(MainWindow)
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens a project file; false (with a message box unless quiet) when it cannot be read.
    bool openProject(const QString& path, bool quiet = false);
    // Selects a case by its id (and run label when the id repeats across runs).
    bool showCase(const QString& key, const QString& run = {});
    // Runs the analysis off the GUI thread with a cancellable progress dialog, then opens
    // the project.
    void runAnalysis(const PipelineRequest& request, const QString& title);
    // Review > Start reviewing (F2): the review tab in front, the first unreviewed case of
    // the queue, the keys on its findings. False when there is no project or no queue.
    bool startReviewing();

    // Compare mode (CompareMode.h): the runs of these labels side by side, question by
    // question; false with *error when there is no such run or they cannot be compared.
    bool enterCompareMode(const QString& baseRun, const QString& headRun, QString* error = nullptr);
    void leaveCompareMode();
    CompareMode* compareMode() const { return compare_; }
    // In compare mode: selects the question (a question id, or the key of one of its cases).
    bool showComparedQuestion(const QString& questionOrCaseKey);

    const ProjectStore* store() const;
    CaseTableModel* caseModel() const { return model_; }
    // The overview or the concept map is still reading the store for the current filter.
    bool isUpdatingViews() const;
    ReviewPanel* reviewPanel() const { return reviewPanel_; }
    RunActions* runActions() const { return runActions_; }
    qint64 currentCaseId() const { return currentCase_; }

    // The search field's text to the matching case ids of the open project, instead of the
    // file's FTS5 (a team server's full-text index, TeamSync). Throws to fall back to FTS5.
    using SearchResolver = std::function<std::vector<std::int64_t>(const std::string& text)>;
    void setSearchResolver(SearchResolver resolver);

    // Writes an audit report of the current filter on a worker (File > Export report… after
    // its dialog); reportFinished() tells the outcome, the status bar tells the user.
    void exportReportTo(const QString& path, ReportFormat format, bool redact);

signals:
    void reportFinished(bool ok, const QString& pathOrError, bool cancelled);
    void currentCaseChanged(qint64 caseId);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    // The constructor's parts, in the order the window is put together.
    void buildCentre();
    void buildOverviewDocks();
    void buildCaseDocks();
    void buildReview();
    void buildActions();
    void restoreLayout();
    void connectSession();
    void connectCompare(); // MainWindowCompare.cpp

    // The views let go of the store (before it closes) and take the session's new one.
    void detachViews();
    void attachViews(ProjectStore* store);
    void keepOrSelectFirst(qint64 keep);
    void applyFilter();
    void setCurrentCase(qint64 caseId);
    void updateStatus();
    // "<case title> — <project file> — ReasonScope"
    void updateWindowTitle();
    void selectOpeningCase();
    void raiseReviewDock();
    void chooseAndOpenProject();
    void chooseAndImport(bool knowledgeGraph);
    void selectCaseClearingFilters(qint64 caseId);
    // The table, dashboard and review panel re-read the file, keeping the current case
    // (after a verdict here, or when another instance wrote to the file).
    void refreshAfterReviews();
    // After a run was renamed, described or deleted here: the run filter and every view.
    void refreshAfterRunEdit();
    void exportReport();

    ProjectSession* session_ = nullptr;
    ReportExporter* reportExporter_ = nullptr;
    ReviewerIdentity* reviewer_ = nullptr;
    ReviewKeyController* keys_ = nullptr;
    RunActions* runActions_ = nullptr;
    FilterBar* filterBar_ = nullptr;
    CompareMode* compare_ = nullptr;
    QAction* compareAction_ = nullptr;
    CaseTableModel* model_ = nullptr;
    QTableView* table_ = nullptr;
    QLabel* emptyState_ = nullptr;
    PathView* pathView_ = nullptr;
    InstanceView* instanceView_ = nullptr;
    CaseImagesView* imagesView_ = nullptr;
    QStringList
        pendingBoxFiles_; // NIH box lists for the next import (File > Import outputs with boxes)
    DashboardView* dashboard_ = nullptr;
    KgExplorer* kgExplorer_ = nullptr;
    ProjectionView* projection_ = nullptr;
    QLabel* statusLabel_ = nullptr;
    ReviewPanel* reviewPanel_ = nullptr;

    SearchResolver searchResolver_;
    qint64 currentCase_ = -1;
    QString currentTitle_, projectName_;      // for the window title
    std::optional<CaseResult> currentResult_; // of the current case, when analysed
};

} // namespace rs
