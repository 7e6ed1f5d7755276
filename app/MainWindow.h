#pragma once
// The debugger's window: the case table in the centre, the overview dashboard, the path
// view and the instance view in docks around it, all driven by one filter (CaseQuery) and
// one current case.
#include "CaseResult.h"
#include "ProjectStore.h"
#include "ReportCommand.h"

#include <QMainWindow>

#include <memory>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QTableView;

namespace rs {

class AnalysisJob;
class CaseImagesView;
class CaseTableModel;
class DashboardView;
class InstanceView;
class KgExplorer;
class KnowledgeGraph;
class PathView;
class ProjectionView;
class ReviewPanel;
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

    const ProjectStore* store() const { return store_.get(); }
    CaseTableModel* caseModel() const { return model_; }
    // The overview or the concept map is still reading the store for the current filter.
    bool isUpdatingViews() const;
    ReviewPanel* reviewPanel() const { return reviewPanel_; }
    qint64 currentCaseId() const { return currentCase_; }

    // Writes an audit report of the current filter on a worker (File > Export report… after
    // its dialog); reportFinished() tells the outcome, the status bar tells the user.
    void exportReportTo(const QString& path, ReportFormat format, bool redact);

signals:
    void reportFinished(bool ok, const QString& pathOrError, bool cancelled);
    void currentCaseChanged(qint64 caseId);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildActions();
    void keepOrSelectFirst(qint64 keep);
    void buildFilterBar(QWidget* host, QHBoxLayout* layout);
    void applyFilter();
    void addRefinement(const CaseQuery& refinement, const QString& label);
    void rebuildChips();
    void reloadRunChoices();
    void setCurrentCase(qint64 caseId);
    void updateStatus();
    void chooseAndOpenProject();
    void chooseAndImport(bool knowledgeGraph);
    // Loads the KG the project was analysed with (from the cache when it can) off the GUI
    // thread, for the KG explorer.
    void loadKnowledgeGraph(const QStringList& files);
    void selectCaseClearingFilters(qint64 caseId);
    // --- review and reports (issue 5) ---
    void buildReview();
    // Asks for the reviewer's name and role (remembered in QSettings); false when cancelled.
    bool askReviewer();
    void showReviewer();
    // The table, dashboard and review panel re-read the file, keeping the current case
    // (after a verdict here, or when another instance wrote to the file).
    void refreshAfterReviews();
    void pollForExternalChanges();
    void exportReport();

    std::unique_ptr<ProjectStore> store_;
    CaseTableModel* model_ = nullptr;
    QTableView* table_ = nullptr;
    QLineEdit* search_ = nullptr;
    QComboBox* runFilter_ = nullptr;
    QComboBox* correctFilter_ = nullptr;
    QComboBox* classFilter_ = nullptr;
    QWidget* chipBar_ = nullptr;
    QHBoxLayout* chipLayout_ = nullptr;
    QLabel* emptyState_ = nullptr;
    PathView* pathView_ = nullptr;
    InstanceView* instanceView_ = nullptr;
    CaseImagesView* imagesView_ = nullptr;
    QStringList pendingBoxFiles_; // NIH box lists for the next import (File > Import outputs with boxes)
    DashboardView* dashboard_ = nullptr;
    KgExplorer* kgExplorer_ = nullptr;
    ProjectionView* projection_ = nullptr;
    std::shared_ptr<const KnowledgeGraph> graph_;
    int graphLoadGeneration_ = 0;
    QLabel* statusLabel_ = nullptr;
    ReviewPanel* reviewPanel_ = nullptr;
    QLabel* reviewerLabel_ = nullptr;
    QComboBox* reviewFilter_ = nullptr;
    std::int64_t lastExternalChange_ = -1;

    // Filters added by clicking the dashboard, shown as removable chips.
    struct Chip {
        CaseQuery refinement;
        QString label;
    };
    std::vector<Chip> chips_;
    qint64 currentCase_ = -1;
    std::optional<CaseResult> currentResult_; // of the current case, when analysed
    QString projectPath_;
};

} // namespace rs
