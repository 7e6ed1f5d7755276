#include "MainWindow.h"

#include "CaseImagesView.h"
#include "CaseResultCodec.h"
#include "CaseTableModel.h"
#include "CaseTitle.h"
#include "CompareMode.h"
#include "DashboardView.h"
#include "FilterBar.h"
#include "ImageView.h"
#include "InstanceView.h"
#include "KgExplorer.h"
#include "PathView.h"
#include "ProjectSession.h"
#include "ProjectionView.h"
#include "ReportCommand.h"
#include "ReportExporter.h"
#include "ResourceLocator.h"
#include "ReviewKeyController.h"
#include "ReviewPanel.h"
#include "ReviewerIdentity.h"
#include "RunActions.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <iterator>

namespace rs {

namespace {

QString settingsKey(const char* key) {
    return QStringLiteral("window/") + QLatin1String(key);
}

} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(tr("ReasonScope"));
    setObjectName("MainWindow");
    session_ = new ProjectSession(this);
    reportExporter_ = new ReportExporter(this);

    buildCentre();
    buildOverviewDocks();
    buildCaseDocks();
    statusLabel_ = new QLabel(this);
    statusBar()->addPermanentWidget(statusLabel_);
    buildReview();
    connectCompare();
    buildActions();
    restoreLayout();
    connectSession();
    updateStatus();
}

MainWindow::~MainWindow() {
    // The models read through the store: detach them before the store goes.
    reviewPanel_->setStore(nullptr);
    model_->setParent(nullptr);
    delete model_;
}

const ProjectStore* MainWindow::store() const {
    return session_->store();
}

// Centre: filter bar (with its chips), the case table (or its empty state).
void MainWindow::buildCentre() {
    auto* centre = new QWidget(this);
    auto* column = new QVBoxLayout(centre);
    column->setContentsMargins(4, 4, 4, 4);
    filterBar_ = new FilterBar(centre);
    column->addWidget(filterBar_);
    connect(filterBar_, &FilterBar::changed, this, &MainWindow::applyFilter);

    model_ = new CaseTableModel(nullptr, this);
    table_ = new QTableView(centre);
    table_->setObjectName("caseTable");
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setSortingEnabled(true);
    table_->sortByColumn(CaseTableModel::IdColumn, Qt::AscendingOrder);
    table_->verticalHeader()->hide();
    table_->verticalHeader()->setDefaultSectionSize(22);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setAlternatingRowColors(true);
    // Room for a title a person reads ("49-year-old woman, fever and flank pain…").
    table_->setColumnWidth(CaseTableModel::IdColumn, 110);
    table_->setColumnWidth(CaseTableModel::TitleColumn, 300);
    column->addWidget(table_, 1);
    emptyState_ = new QLabel(
        tr("No project open. File \u2192 Open project\u2026 or Import outputs\u2026"), centre);
    emptyState_->setAlignment(Qt::AlignCenter);
    emptyState_->setStyleSheet("color: #666; font-size: 14px;");
    column->addWidget(emptyState_, 1);
    table_->hide();
    compare_ = new CompareMode(this, column);
    setCentralWidget(centre);
    // The window opens with the keys on the table, never in the search box.
    table_->setFocus();

    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { setCurrentCase(model_->caseId(current.row())); });
    connect(model_, &CaseTableModel::queryFailed, this,
            [this](const QString& message) { statusBar()->showMessage(message, 8000); });
    connect(table_, &QTableView::activated, this, [this](const QModelIndex& index) {
        setCurrentCase(model_->caseId(index.row()));
        if (auto* dock = findChild<QDockWidget*>("instanceDock"))
            dock->raise();
    });
}

// Left: the overview, the projection and the KG explorer, tabbed.
void MainWindow::buildOverviewDocks() {
    dashboard_ = new DashboardView(this);
    dashboard_->setDeferredWhileHidden(true);
    // Facets of 100k cases take longer than a keystroke; the table answers at once and the
    // charts follow from a worker.
    dashboard_->setBackgroundReading(true);
    auto* dashDock = new QDockWidget(tr("Overview"), this);
    dashDock->setObjectName("dashboardDock");
    dashDock->setWidget(dashboard_);
    addDockWidget(Qt::LeftDockWidgetArea, dashDock);
    connect(dashboard_, &DashboardView::filterRequested, filterBar_, &FilterBar::addRefinement);

    projection_ = new ProjectionView(this);
    projection_->setDeferredWhileHidden(true);
    projection_->setBackgroundReading(true);
    auto* projectionDock = new QDockWidget(tr("Projection"), this);
    projectionDock->setObjectName("projectionDock");
    projectionDock->setWidget(projection_);
    addDockWidget(Qt::LeftDockWidgetArea, projectionDock);
    tabifyDockWidget(dashDock, projectionDock);
    connect(projection_, &ProjectionView::casesSelected, this,
            [this](const std::vector<qint64>& ids, const QString& label) {
                CaseQuery selection;
                selection.caseIds.assign(ids.begin(), ids.end());
                filterBar_->addRefinement(selection, label);
            });

    kgExplorer_ = new KgExplorer(this);
    auto* kgDock = new QDockWidget(tr("Knowledge graph"), this);
    kgDock->setObjectName("kgDock");
    kgDock->setWidget(kgExplorer_);
    addDockWidget(Qt::LeftDockWidgetArea, kgDock);
    tabifyDockWidget(dashDock, kgDock);
    // Tabs pick their current page when the window is first shown; the overview is the
    // page to start on (and the only one of the three that must compute on every filter).
    QTimer::singleShot(0, dashDock, &QDockWidget::raise);
    connect(kgExplorer_, &KgExplorer::caseActivated, this, &MainWindow::selectCaseClearingFilters);
    connect(kgExplorer_, &KgExplorer::loadRequested, this, [this] {
        const QStringList files =
            QFileDialog::getOpenFileNames(this, tr("Load knowledge graph files"));
        if (!files.isEmpty())
            session_->loadKnowledgeGraph(files);
    });
}

// Below: the current case as a path diagram, as text and as images.
void MainWindow::buildCaseDocks() {
    auto* kgDock = findChild<QDockWidget*>("kgDock");
    auto openConcept = [this, kgDock](const QString& name) {
        kgDock->show();
        kgDock->raise();
        kgExplorer_->showConcept(name);
    };
    connect(projection_, &ProjectionView::conceptActivated, this, openConcept);

    pathView_ = new PathView(this);
    auto* pathDock = new QDockWidget(tr("Path view"), this);
    pathDock->setObjectName("pathDock");
    pathDock->setWidget(pathView_);
    addDockWidget(Qt::BottomDockWidgetArea, pathDock);
    connect(pathView_, &PathView::nodeActivated, this, openConcept);

    instanceView_ = new InstanceView(this);
    auto* instanceDock = new QDockWidget(tr("Instance view"), this);
    instanceDock->setObjectName("instanceDock");
    instanceDock->setWidget(instanceView_);
    addDockWidget(Qt::BottomDockWidgetArea, instanceDock);
    // A finding chosen in the text brings its concepts forward in the diagram.
    connect(instanceView_, &InstanceView::findingSelected, this, [this](int index) {
        QStringList names;
        if (const CaseResult::Finding* f =
                currentResult_ ? currentResult_->finding(index) : nullptr)
            for (const std::string& n : f->nodes)
                names << QString::fromStdString(n);
        pathView_->highlightNodes(names);
    });
    splitDockWidget(pathDock, instanceDock, Qt::Horizontal);

    // The current case's images with model and reference boxes, a tab beside the text.
    auto* imageDock = new QDockWidget(tr("Image view"), this);
    imageDock->setObjectName("imageDock");
    if (ImageView::isOpenGLAvailable()) {
        imagesView_ = new CaseImagesView(this);
        imageDock->setWidget(imagesView_);
    } else {
        auto* noGl = new QLabel(tr("Images need OpenGL, which this display does not offer "
                                   "(Qt platform \u201c%1\u201d). Every other view works.")
                                    .arg(QGuiApplication::platformName()),
                                imageDock);
        noGl->setObjectName("imageViewUnavailable");
        noGl->setAlignment(Qt::AlignCenter);
        noGl->setWordWrap(true);
        imageDock->setWidget(noGl);
    }
    addDockWidget(Qt::BottomDockWidgetArea, imageDock);
    tabifyDockWidget(instanceDock, imageDock);
    QTimer::singleShot(0, instanceDock, &QDockWidget::raise);
}

// Default layout: overview beside the table on top; path and text of the current case side
// by side below, where there is room for a diagram. A saved layout wins.
void MainWindow::restoreLayout() {
    resize(1500, 950);
    resizeDocks({findChild<QDockWidget*>("dashboardDock")}, {640}, Qt::Horizontal);
    auto* pathDock = findChild<QDockWidget*>("pathDock");
    resizeDocks({pathDock}, {470}, Qt::Vertical);
    resizeDocks({pathDock, findChild<QDockWidget*>("instanceDock")}, {800, 700}, Qt::Horizontal);
    QSettings settings;
    restoreGeometry(settings.value(settingsKey("geometry")).toByteArray());
    restoreState(settings.value(settingsKey("state")).toByteArray());
}

void MainWindow::connectSession() {
    connect(session_, &ProjectSession::storeAboutToChange, this, &MainWindow::detachViews);
    connect(session_, &ProjectSession::storeChanged, this, &MainWindow::attachViews);
    connect(session_, &ProjectSession::graphChanged, kgExplorer_, &KgExplorer::setGraph);
    connect(session_, &ProjectSession::graphLoadFailed, this, [this](const QString& message) {
        statusBar()->showMessage(tr("Knowledge graph: %1").arg(message), 10000);
    });
    connect(session_, &ProjectSession::externalChange, this, [this] {
        // Another instance or `reasonscope runs` may have renamed or deleted a run; when the
        // filter's run went, the filter falls back to all runs.
        const qint64 chosen = filterBar_->chosenRun();
        if (session_->store())
            filterBar_->setRuns(session_->store()->runs(), true);
        if (filterBar_->chosenRun() != chosen)
            applyFilter();
        refreshAfterReviews();
        reviewPanel_->refresh();
    });
    connect(session_, &ProjectSession::pollFailed, this,
            [this](const QString& message) { statusBar()->showMessage(message, 8000); });
    connect(reportExporter_, &ReportExporter::finished, this, &MainWindow::reportFinished);
    connect(
        reportExporter_, &ReportExporter::statusMessage, this,
        [this](const QString& text, int timeoutMs) { statusBar()->showMessage(text, timeoutMs); });
}

void MainWindow::buildActions() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open =
        file->addAction(tr("&Open project\u2026"), this, &MainWindow::chooseAndOpenProject);
    open->setShortcut(QKeySequence::Open);
    file->addAction(tr("&Import outputs\u2026"), this, [this] { chooseAndImport(false); });
    file->addAction(tr("Import outputs with reference &boxes\u2026"), this, [this] {
        // An NIH ChestX-ray14 box list first; its boxes join the images of the outputs chosen next.
        const QStringList lists =
            QFileDialog::getOpenFileNames(this, tr("NIH box list (BBox_List_2017.csv)"), QString(),
                                          tr("CSV files (*.csv);;All files (*)"));
        if (lists.isEmpty())
            return;
        pendingBoxFiles_ = lists;
        chooseAndImport(false);
        pendingBoxFiles_.clear();
    });
    file->addAction(tr("Load &knowledge graph\u2026"), this, [this] { chooseAndImport(true); });
    file->addSeparator();
    QAction* exportAction =
        file->addAction(tr("&Export report\u2026"), this, &MainWindow::exportReport);
    exportAction->setObjectName("exportReport");
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        view->addAction(dock->toggleViewAction());
    view->addSeparator();
    view->addAction(tr("Clear filters"), filterBar_, &FilterBar::clearAll);
    // The first two runs to start with; the compare bar chooses others.
    compareAction_ = view->addAction(tr("&Compare runs"), this, [this](bool on) {
        if (!on) {
            leaveCompareMode();
            return;
        }
        const auto runs =
            session_->store() ? session_->store()->runs() : std::vector<ProjectStore::RunInfo>{};
        QString error = tr("Comparing needs a project with two runs.");
        if (runs.size() < 2 || !enterCompareMode(QString::fromStdString(runs[0].label),
                                                 QString::fromStdString(runs[1].label), &error)) {
            compareAction_->setChecked(false);
            statusBar()->showMessage(error, 8000);
        }
    });
    compareAction_->setObjectName("compareRuns");
    compareAction_->setCheckable(true);
    compareAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    compareAction_->setToolTip(tr("Two runs side by side, question by question"));

    QMenu* review = menuBar()->addMenu(tr("&Review"));
    QAction* start = review->addAction(tr("&Start reviewing"), this, &MainWindow::startReviewing);
    start->setObjectName("startReviewing");
    start->setShortcut(QKeySequence(Qt::Key_F2));
    start->setToolTip(tr("The first unreviewed case of the queue, with the keys on its findings"));
    review->addAction(tr("Set &reviewer\u2026"), this, [this] {
        raiseReviewDock();
        reviewer_->ask();
    });
    review->addSeparator();
    review->addActions(reviewPanel_->reviewActions());

    runActions_ = new RunActions(this);
    menuBar()->addMenu(runActions_->menu());
    connect(runActions_, &RunActions::runsChanged, this, &MainWindow::refreshAfterRunEdit);
    connect(runActions_, &RunActions::done, this,
            [this](const QString& message) { statusBar()->showMessage(message, 10000); });
    connect(filterBar_, &FilterBar::runMenuRequested, runActions_, &RunActions::popupRunMenu);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard shortcuts"), this, [this] {
        QMessageBox::information(
            this, tr("Keyboard shortcuts"),
            tr("/  search (Esc leaves it)\nUp/Down  previous/next case\nEnter  open the case in "
               "the "
               "instance view\nCtrl+O  open a project\n+ / - / 0  zoom the path view\n"
               "F2  start reviewing: the first unreviewed case of the queue") +
                QStringLiteral("\n\n") + tr("Review panel:") + QLatin1Char('\n') +
                ReviewPanel::shortcutHelp() + QLatin1Char('\n') +
                tr("Ctrl+E  export a report of the current filter"));
    });
    help->addAction(tr("&About ReasonScope"), this, [this] {
        QMessageBox::about(
            this, tr("About ReasonScope"),
            tr("ReasonScope %1\nA visual-analytics debugger for the diagnostic reasoning of "
               "medical language models.")
                .arg(QStringLiteral(RS_VERSION)));
    });
}

void MainWindow::detachViews() {
    if (compare_->isActive())
        leaveCompareMode();
    model_->setStore(nullptr);
    dashboard_->setStore(nullptr);
    projection_->setStore(nullptr);
    kgExplorer_->setStore(nullptr);
    reviewPanel_->setStore(nullptr);
    runActions_->setStore(nullptr);
}

void MainWindow::attachViews(ProjectStore* store) {
    model_->setStore(store);
    dashboard_->setStore(store);
    projection_->setStore(store);
    kgExplorer_->setStore(store);
    reviewPanel_->setStore(store);
    runActions_->setStore(store);
}

bool MainWindow::openProject(const QString& path, bool quiet) {
    std::string error;
    // The session detaches the views from the old store and attaches them to the new one.
    if (!session_->open(path, &error)) {
        if (!quiet)
            QMessageBox::warning(this, tr("Cannot open project"), QString::fromStdString(error));
        return false;
    }
    filterBar_->clearRefinements();
    filterBar_->setRuns(session_->store()->runs());
    applyFilter();
    table_->setVisible(true);
    emptyState_->setVisible(false);
    projectName_ = QFileInfo(path).fileName();
    updateWindowTitle();
    QSettings().setValue("lastProject", path);
    QStringList kgFiles;
    for (const auto& source : session_->store()->kgSources())
        kgFiles << QString::fromStdString(source.path);
    session_->loadKnowledgeGraph(kgFiles);
    selectOpeningCase();
    table_->setFocus();
    updateStatus();
    return true;
}

void MainWindow::applyFilter() {
    if (!session_->store())
        return;
    CaseQuery q = filterBar_->query();
    q.sort = model_->query().sort;
    q.descending = model_->query().descending;
    if (searchResolver_ && !q.search.empty()) {
        try {
            std::vector<std::int64_t> ids = searchResolver_(q.search);
            std::sort(ids.begin(), ids.end());
            if (!q.caseIds.empty()) { // a selection too: both
                std::vector<std::int64_t> chosen = q.caseIds, both;
                std::sort(chosen.begin(), chosen.end());
                std::set_intersection(ids.begin(), ids.end(), chosen.begin(), chosen.end(),
                                      std::back_inserter(both));
                ids = std::move(both);
            }
            if (ids.empty())
                ids.push_back(-1); // no case has it: an empty selection would mean all
            q.caseIds = std::move(ids);
            q.search.clear();
        } catch (const std::exception& e) {
            statusBar()->showMessage(
                tr("Searching the window's copy: %1").arg(QString::fromUtf8(e.what())), 8000);
        }
    }

    const qint64 keep = currentCase_;
    model_->setQuery(q);
    dashboard_->setQuery(q);
    projection_->setQuery(q);
    reviewPanel_->setFilter(q);
    keepOrSelectFirst(keep);
    updateStatus();
}

void MainWindow::setSearchResolver(SearchResolver resolver) {
    searchResolver_ = std::move(resolver);
    applyFilter();
}

void MainWindow::setCurrentCase(qint64 caseId) {
    if (caseId == currentCase_ && caseId >= 0)
        return;
    currentCase_ = caseId;
    std::optional<ProjectStore::StoredCase> stored;
    if (session_->store() && caseId >= 0) {
        try {
            stored = session_->store()->loadCase(std::int64_t(caseId));
        } catch (const std::exception& e) {
            statusBar()->showMessage(QString::fromStdString(e.what()), 8000);
        }
    }
    currentResult_.reset();
    if (stored && !stored->analysis.is_null())
        currentResult_ = decodeCaseResult(stored->analysis);
    const CaseResult* result = currentResult_ ? &*currentResult_ : nullptr;
    if (imagesView_) {
        if (stored)
            imagesView_->setCase(stored->data, result);
        else
            imagesView_->clear();
    }
    if (!result) {
        pathView_->clearCase();
        instanceView_->clear();
    } else {
        pathView_->setCase(*result, QByteArray::fromStdString(stored->data.output));
        instanceView_->showCase(stored->data, result);
    }
    currentTitle_ = stored ? QString::fromStdString(caseTitle(stored->data.question)) : QString();
    if (stored && currentTitle_.isEmpty())
        currentTitle_ = QString::fromStdString(stored->data.key);
    updateWindowTitle();
    emit currentCaseChanged(caseId);
    updateStatus();
}

void MainWindow::updateWindowTitle() {
    QStringList parts;
    if (!currentTitle_.isEmpty())
        parts << currentTitle_;
    if (!projectName_.isEmpty())
        parts << projectName_;
    parts << tr("ReasonScope");
    setWindowTitle(parts.join(QStringLiteral(" \u2014 ")));
}

// A project opens on the case a reviewer would start with: the first of the review queue
// without a verdict (the queue's first when all have one); the table's first row only when
// the queue is empty.
void MainWindow::selectOpeningCase() {
    qint64 first = -1;
    if (const ReviewQueue* queue = reviewPanel_->queue()) {
        try {
            first = queue->nextUnreviewed(0);
            if (first < 0)
                first = queue->next(-1);
        } catch (const std::exception& e) {
            statusBar()->showMessage(QString::fromStdString(e.what()), 8000);
        }
    }
    const int row = first >= 0 ? model_->rowOfCase(first) : -1;
    if (row >= 0) {
        table_->selectRow(row);
        table_->scrollTo(model_->index(row, 0));
    } else if (model_->rowCount() > 0) {
        table_->selectRow(0);
    }
}

void MainWindow::raiseReviewDock() {
    if (auto* dock = findChild<QDockWidget*>("reviewDock")) {
        dock->show();
        dock->raise();
    }
}

bool MainWindow::startReviewing() {
    if (!session_->store())
        return false;
    raiseReviewDock();
    const bool started = reviewPanel_->startReviewing();
    reviewPanel_->keyHome()->setFocus(Qt::ShortcutFocusReason);
    if (!started)
        statusBar()->showMessage(tr("The review queue is empty under this filter."), 8000);
    return started;
}

bool MainWindow::showCase(const QString& key, const QString& run) {
    if (!session_->store())
        return false;
    const auto stored = session_->store()->loadCase(key.toStdString(), run.toStdString());
    if (!stored)
        return false;
    selectCaseClearingFilters(stored->id);
    if (model_->rowOfCase(stored->id) < 0)
        return false;
    setCurrentCase(stored->id);
    return true;
}

// After the table's rows changed: the same case if it is still listed, else the first row.
void MainWindow::keepOrSelectFirst(qint64 keep) {
    const int row = keep >= 0 ? model_->rowOfCase(keep) : -1;
    if (row >= 0)
        table_->selectRow(row);
    else if (model_->rowCount() > 0)
        table_->selectRow(0);
    else
        setCurrentCase(-1);
}

bool MainWindow::isUpdatingViews() const {
    return dashboard_->isUpdating() || projection_->isUpdating();
}

void MainWindow::updateStatus() {
    if (!session_->store()) {
        statusLabel_->setText(tr("No project"));
        return;
    }
    if (compare_->isActive())
        statusLabel_->setText(tr("%1 paired questions shown  \u2022  %2")
                                  .arg(compare_->model()->rowCount())
                                  .arg(session_->path()));
    else
        statusLabel_->setText(
            tr("%1 cases shown  \u2022  %2").arg(model_->rowCount()).arg(session_->path()));
}

void MainWindow::chooseAndOpenProject() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open project"), QString(), tr("ReasonScope projects (*.rsproj);;All files (*)"));
    if (!path.isEmpty())
        openProject(path);
}

void MainWindow::chooseAndImport(bool knowledgeGraph) {
    QSettings settings;
    PipelineRequest req;
    req.resourcesDir = resourcesDir();
    req.cacheDir = cacheDir();
    req.projectPath = session_->path().toStdString();
    for (const QString& kg : settings.value("kgFiles").toStringList())
        req.kgFiles.push_back(kg.toStdString());
    if (knowledgeGraph) {
        const QStringList files =
            QFileDialog::getOpenFileNames(this, tr("Load knowledge graph files"));
        if (files.isEmpty())
            return;
        req.kgFiles.clear();
        for (const QString& f : files)
            req.kgFiles.push_back(f.toStdString());
        settings.setValue("kgFiles", files);
        session_->loadKnowledgeGraph(files); // explore it now; imports use it from here on
        statusBar()->showMessage(tr("Knowledge graph loading; the next import of outputs uses it."),
                                 8000);
        return;
    }
    if (req.kgFiles.empty()) {
        QMessageBox::information(
            this, tr("No knowledge graph loaded"),
            tr("Load a knowledge graph first (File \u2192 Load knowledge graph\u2026)."));
        return;
    }
    const QStringList inputs = QFileDialog::getOpenFileNames(this, tr("Import model outputs"));
    if (inputs.isEmpty())
        return;
    for (const QString& f : inputs)
        req.inputFiles.push_back(f.toStdString());
    for (const QString& f : pendingBoxFiles_)
        req.boxFiles.push_back(f.toStdString());
    if (req.projectPath.empty()) {
        const QString project = QFileDialog::getSaveFileName(this, tr("New project"), QString(),
                                                             tr("ReasonScope projects (*.rsproj)"));
        if (project.isEmpty())
            return;
        req.projectPath = project.toStdString();
    }
    runAnalysis(req, tr("Importing model outputs"));
}

void MainWindow::runAnalysis(const PipelineRequest& request, const QString& title) {
    auto* dialog = new QProgressDialog(title, tr("Cancel"), 0, 100, this);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setMinimumDuration(300);
    connect(session_, &ProjectSession::analysisProgress, dialog,
            [dialog](const QString& stage, int percent) {
                dialog->setLabelText(stage);
                dialog->setValue(percent);
            });
    connect(dialog, &QProgressDialog::canceled, session_, &ProjectSession::cancelAnalysis);
    connect(
        session_, &ProjectSession::analysisFinished, this,
        [this, dialog](const PipelineResult& r, const QString& project) {
            dialog->close();
            dialog->deleteLater();
            if (!r.ok && !r.cancelled)
                QMessageBox::warning(this, tr("Analysis failed"),
                                     QString::fromStdString(r.fatalError));
            else if (!r.importErrors.empty())
                statusBar()->showMessage(
                    tr("%1 records could not be imported; see the project's import errors")
                        .arg(r.importErrors.size()),
                    10000);
            // Whatever was committed is in the file, also after a cancel or a failure.
            openProject(project, true);
        },
        Qt::SingleShotConnection);
    session_->startAnalysis(request);
}

void MainWindow::selectCaseClearingFilters(qint64 caseId) {
    if (!session_->store() || caseId < 0)
        return;
    int row = model_->rowOfCase(caseId);
    if (row < 0) {
        filterBar_->clearAll(); // applies the filter
        row = model_->rowOfCase(caseId);
    }
    if (row < 0)
        return;
    table_->selectRow(row);
    table_->scrollTo(model_->index(row, 0));
}

void MainWindow::closeEvent(QCloseEvent* event) {
    QSettings settings;
    settings.setValue(settingsKey("geometry"), saveGeometry());
    settings.setValue(settingsKey("state"), saveState());
    event->accept();
}

// --- review and reports --------------------------------------------------------------

void MainWindow::buildReview() {
    reviewPanel_ = new ReviewPanel(this);
    reviewPanel_->setDeferredWhileHidden(true);
    auto* reviewDock = new QDockWidget(tr("Review"), this);
    reviewDock->setObjectName("reviewDock");
    reviewDock->setWidget(reviewPanel_);
    // A tab beside the overview rather than a fourth column: the window then still fits a
    // 1600-pixel screen. A developer keeps the overview in front; the first review key brings
    // the queue forward, next to the instance view a clinician reads the case in.
    addDockWidget(Qt::LeftDockWidgetArea, reviewDock);
    if (auto* dashDock = findChild<QDockWidget*>("dashboardDock"))
        tabifyDockWidget(dashDock, reviewDock);
    if (auto* dashDock = findChild<QDockWidget*>("dashboardDock"))
        dashDock->raise();
    for (QAction* action : reviewPanel_->reviewActions())
        connect(action, &QAction::triggered, reviewDock, &QDockWidget::raise);

    connect(this, &MainWindow::currentCaseChanged, reviewPanel_, &ReviewPanel::setCurrentCase);
    connect(reviewPanel_, &ReviewPanel::caseActivated, this,
            &MainWindow::selectCaseClearingFilters);
    connect(reviewPanel_, &ReviewPanel::reviewRecorded, this, [this] {
        refreshAfterReviews();
        // Our own commit: the next poll need not refresh again for it.
        session_->acknowledgeOwnWrite();
    });
    connect(reviewPanel_, &ReviewPanel::failed, this,
            [this](const QString& message) { statusBar()->showMessage(message, 10000); });
    reviewer_ = new ReviewerIdentity(reviewPanel_, statusBar(), this);
    keys_ = new ReviewKeyController(this, reviewPanel_, statusBar());
}

void MainWindow::refreshAfterReviews() {
    if (!session_->store())
        return;
    const qint64 keep = currentCase_;
    // A model reset clears the view's current index without signals; selecting the same
    // case again then changes nothing else.
    model_->refresh();
    keepOrSelectFirst(keep);
    dashboard_->refresh();
    compare_->refresh();
    updateStatus();
}

void MainWindow::refreshAfterRunEdit() {
    if (!session_->store())
        return;
    session_->acknowledgeOwnWrite();
    filterBar_->setRuns(session_->store()->runs(), true);
    // The query may be the same while the rows under it changed (labels, deleted cases).
    model_->refresh();
    applyFilter(); // keeps the current case, or the first row when its run went
    dashboard_->refresh();
    projection_->refresh();
    reviewPanel_->refresh();
}

void MainWindow::exportReport() {
    if (!session_->store()) {
        QMessageBox::information(this, tr("No project"), tr("Open a project first."));
        return;
    }
    reportExporter_->askAndExport(*session_->store(), session_->path(), model_->query(),
                                  model_->rowCount());
}

void MainWindow::exportReportTo(const QString& path, ReportFormat format, bool redact) {
    if (!session_->store())
        return;
    reportExporter_->exportTo(session_->path(), model_->query(), model_->rowCount(), path, format,
                              redact);
}

} // namespace rs
