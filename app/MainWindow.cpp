#include "MainWindow.h"

#include "AnalysisJob.h"
#include "CaseImagesView.h"
#include "ImageView.h"
#include "CaseTableModel.h"
#include "DashboardView.h"
#include "InstanceView.h"
#include "KgExplorer.h"
#include "KnowledgeGraphLoader.h"
#include "PathView.h"
#include "ProjectionView.h"
#include "CaseFilterSpec.h"
#include "CaseResultCodec.h"
#include "FindingKinds.h"
#include "ReportCommand.h"
#include "ReportDialog.h"
#include "ReviewPanel.h"
#include "ReviewerDialog.h"
#include "ResourceLocator.h"

#include <QAction>
#include <QElapsedTimer>
#include <QStandardPaths>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QSettings>
#include <QShortcut>
#include <QStatusBar>
#include <QTableView>
#include <QFile>
#include <QThread>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

namespace rs {

namespace {

// Merges a dashboard refinement into a query: each facet list is ANDed with what is
// already there by appending (the store ORs inside one list, so a second click on the
// same facet kind widens that facet, which is what the chips then show).
void merge(CaseQuery& into, const CaseQuery& r)
{
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

QString settingsKey(const char* key) { return QStringLiteral("window/") + QLatin1String(key); }

} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("ReasonScope"));
    setObjectName("MainWindow");

    // Centre: filter bar, chips, the case table (or its empty state).
    auto* centre = new QWidget(this);
    auto* column = new QVBoxLayout(centre);
    column->setContentsMargins(4, 4, 4, 4);
    auto* filterRow = new QHBoxLayout;
    buildFilterBar(centre, filterRow);
    column->addLayout(filterRow);
    chipBar_ = new QWidget(centre);
    chipLayout_ = new QHBoxLayout(chipBar_);
    chipLayout_->setContentsMargins(0, 0, 0, 0);
    chipBar_->hide();
    column->addWidget(chipBar_);

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
    column->addWidget(table_, 1);
    emptyState_ = new QLabel(tr("No project open. File \u2192 Open project\u2026 or Import outputs\u2026"), centre);
    emptyState_->setAlignment(Qt::AlignCenter);
    emptyState_->setStyleSheet("color: #666; font-size: 14px;");
    column->addWidget(emptyState_, 1);
    table_->hide();
    setCentralWidget(centre);

    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { setCurrentCase(model_->caseId(current.row())); });
    connect(model_, &CaseTableModel::queryFailed, this,
            [this](const QString& message) { statusBar()->showMessage(message, 8000); });
    connect(table_, &QTableView::activated, this, [this](const QModelIndex& index) {
        setCurrentCase(model_->caseId(index.row()));
        if (auto* dock = findChild<QDockWidget*>("instanceDock"))
            dock->raise();
    });

    // Docks around it.
    dashboard_ = new DashboardView(this);
    dashboard_->setDeferredWhileHidden(true);
    // Facets of 100k cases take longer than a keystroke; the table answers at once and the
    // charts follow from a worker.
    dashboard_->setBackgroundReading(true);
    auto* dashDock = new QDockWidget(tr("Overview"), this);
    dashDock->setObjectName("dashboardDock");
    dashDock->setWidget(dashboard_);
    addDockWidget(Qt::LeftDockWidgetArea, dashDock);
    connect(dashboard_, &DashboardView::filterRequested, this, &MainWindow::addRefinement);

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
                addRefinement(selection, label);
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
    auto openConcept = [this, kgDock](const QString& name) {
        kgDock->show();
        kgDock->raise();
        kgExplorer_->showConcept(name);
    };
    connect(projection_, &ProjectionView::conceptActivated, this, openConcept);
    connect(kgExplorer_, &KgExplorer::caseActivated, this, &MainWindow::selectCaseClearingFilters);
    connect(kgExplorer_, &KgExplorer::loadRequested, this, [this] {
        const QStringList files = QFileDialog::getOpenFileNames(this, tr("Load knowledge graph files"));
        if (!files.isEmpty())
            loadKnowledgeGraph(files);
    });

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
        if (const CaseResult::Finding* f = currentResult_ ? currentResult_->finding(index) : nullptr)
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

    statusLabel_ = new QLabel(this);
    statusBar()->addPermanentWidget(statusLabel_);
    buildReview();

    buildActions();
    resize(1500, 950);
    // Default layout: overview beside the table on top; path and text of the current case
    // side by side below, where there is room for a diagram. A saved layout wins.
    resizeDocks({dashDock}, {640}, Qt::Horizontal);
    resizeDocks({pathDock}, {470}, Qt::Vertical);
    resizeDocks({pathDock, instanceDock}, {800, 700}, Qt::Horizontal);
    QSettings settings;
    restoreGeometry(settings.value(settingsKey("geometry")).toByteArray());
    restoreState(settings.value(settingsKey("state")).toByteArray());
    updateStatus();
}

MainWindow::~MainWindow()
{
    // The models read through the store: detach them before the store goes.
    reviewPanel_->setStore(nullptr);
    model_->setParent(nullptr);
    delete model_;
}

void MainWindow::buildFilterBar(QWidget* host, QHBoxLayout* row)
{
    search_ = new QLineEdit(host);
    search_->setObjectName("search");
    search_->setPlaceholderText(tr("Search question and output (/)"));
    search_->setClearButtonEnabled(true);
    row->addWidget(search_, 3);
    auto* debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(150);
    connect(search_, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(debounce, &QTimer::timeout, this, &MainWindow::applyFilter);
    auto* slash = new QShortcut(QKeySequence(Qt::Key_Slash), this);
    connect(slash, &QShortcut::activated, this, [this] {
        search_->setFocus();
        search_->selectAll();
    });

    runFilter_ = new QComboBox(host);
    runFilter_->setObjectName("runFilter");
    runFilter_->addItem(tr("All runs"), QVariant());
    row->addWidget(runFilter_, 1);

    correctFilter_ = new QComboBox(host);
    correctFilter_->setObjectName("correctFilter");
    correctFilter_->addItem(tr("Any answer"), int(StoreCorrectness::Any));
    correctFilter_->addItem(tr("Correct"), int(StoreCorrectness::Correct));
    correctFilter_->addItem(tr("Incorrect"), int(StoreCorrectness::Incorrect));
    correctFilter_->addItem(tr("Not scored"), int(StoreCorrectness::Unscored));
    row->addWidget(correctFilter_);

    classFilter_ = new QComboBox(host);
    classFilter_->setObjectName("classFilter");
    classFilter_->addItem(tr("Any finding"), QString());
    for (FindingType type : kAllFindingTypes) {
        const QString name = QLatin1String(findingTypeName(type));
        classFilter_->addItem(tr("%1 errors").arg(name), name);
    }
    row->addWidget(classFilter_);

    reviewFilter_ = new QComboBox(host);
    reviewFilter_->setObjectName("reviewFilter");
    reviewFilter_->addItem(tr("Any review state"), QString());
    reviewFilter_->addItem(tr("Not reviewed"), QStringLiteral("unreviewed"));
    for (const char* verdict : {"confirmed", "rejected", "unsure"})
        reviewFilter_->addItem(tr("Reviewed: %1").arg(QLatin1String(verdict)), QLatin1String(verdict));
    row->addWidget(reviewFilter_);

    for (QComboBox* box : {runFilter_, correctFilter_, classFilter_, reviewFilter_})
        connect(box, &QComboBox::currentIndexChanged, this, &MainWindow::applyFilter);
}

void MainWindow::buildActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open project\u2026"), this, &MainWindow::chooseAndOpenProject);
    open->setShortcut(QKeySequence::Open);
    file->addAction(tr("&Import outputs\u2026"), this, [this] { chooseAndImport(false); });
    file->addAction(tr("Import outputs with reference &boxes\u2026"), this, [this] {
        // An NIH ChestX-ray14 box list first; its boxes join the images of the outputs chosen next.
        const QStringList lists = QFileDialog::getOpenFileNames(this, tr("NIH box list (BBox_List_2017.csv)"), QString(),
                                                               tr("CSV files (*.csv);;All files (*)"));
        if (lists.isEmpty())
            return;
        pendingBoxFiles_ = lists;
        chooseAndImport(false);
        pendingBoxFiles_.clear();
    });
    file->addAction(tr("Load &knowledge graph\u2026"), this, [this] { chooseAndImport(true); });
    file->addSeparator();
    QAction* exportAction = file->addAction(tr("&Export report\u2026"), this, &MainWindow::exportReport);
    exportAction->setObjectName("exportReport");
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        view->addAction(dock->toggleViewAction());
    view->addSeparator();
    view->addAction(tr("Clear filters"), this, [this] {
        chips_.clear();
        search_->clear();
        runFilter_->setCurrentIndex(0);
        correctFilter_->setCurrentIndex(0);
        classFilter_->setCurrentIndex(0);
        reviewFilter_->setCurrentIndex(0);
        rebuildChips();
        applyFilter();
    });

    QMenu* review = menuBar()->addMenu(tr("&Review"));
    review->addAction(tr("Set &reviewer\u2026"), this, &MainWindow::askReviewer);
    review->addSeparator();
    review->addActions(reviewPanel_->reviewActions());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard shortcuts"), this, [this] {
        QMessageBox::information(this, tr("Keyboard shortcuts"),
                                 tr("/  search\nUp/Down  previous/next case\nEnter  open the case in the "
                                    "instance view\nCtrl+O  open a project\n+ / - / 0  zoom the path view") +
                                     QStringLiteral("\n\n") + tr("Review panel:") + QLatin1Char('\n') +
                                     ReviewPanel::shortcutHelp() + QLatin1Char('\n') +
                                     tr("Ctrl+E  export a report of the current filter"));
    });
    help->addAction(tr("&About ReasonScope"), this, [this] {
        QMessageBox::about(this, tr("About ReasonScope"),
                           tr("ReasonScope %1\nA visual-analytics debugger for the diagnostic reasoning of "
                              "medical language models.")
                               .arg(QStringLiteral(RS_VERSION)));
    });
}

bool MainWindow::openProject(const QString& path, bool quiet)
{
    std::string error;
    auto store = ProjectStore::open(path.toStdString(), &error);
    if (!store) {
        if (!quiet)
            QMessageBox::warning(this, tr("Cannot open project"), QString::fromStdString(error));
        return false;
    }
    // Views first forget the old store, then the new one replaces it.
    model_->setStore(nullptr);
    dashboard_->setStore(nullptr);
    projection_->setStore(nullptr);
    kgExplorer_->setStore(nullptr);
    reviewPanel_->setStore(nullptr);
    store_ = std::move(store);
    projectPath_ = path;
    chips_.clear();
    rebuildChips();
    model_->setStore(store_.get());
    dashboard_->setStore(store_.get());
    projection_->setStore(store_.get());
    kgExplorer_->setStore(store_.get());
    reviewPanel_->setStore(store_.get());
    lastExternalChange_ = store_->externalChangeCounter();
    reloadRunChoices();
    applyFilter();
    table_->setVisible(true);
    emptyState_->setVisible(false);
    setWindowTitle(tr("%1 \u2014 ReasonScope").arg(QFileInfo(path).fileName()));
    QSettings().setValue("lastProject", path);
    QStringList kgFiles;
    for (const auto& source : store_->kgSources())
        kgFiles << QString::fromStdString(source.path);
    loadKnowledgeGraph(kgFiles);
    if (model_->rowCount() > 0)
        table_->selectRow(0);
    updateStatus();
    return true;
}

void MainWindow::reloadRunChoices()
{
    const QSignalBlocker block(runFilter_);
    runFilter_->clear();
    runFilter_->addItem(tr("All runs"), QVariant());
    if (!store_)
        return;
    for (const auto& run : store_->runs())
        runFilter_->addItem(QString::fromStdString(run.label), QVariant::fromValue<qint64>(run.id));
}

void MainWindow::applyFilter()
{
    if (!store_)
        return;
    CaseQuery q;
    q.sort = model_->query().sort;
    q.descending = model_->query().descending;
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

    const qint64 keep = currentCase_;
    model_->setQuery(q);
    dashboard_->setQuery(q);
    projection_->setQuery(q);
    reviewPanel_->setFilter(q);
    keepOrSelectFirst(keep);
    updateStatus();
}

void MainWindow::addRefinement(const CaseQuery& refinement, const QString& label)
{
    chips_.push_back({refinement, label});
    rebuildChips();
    applyFilter();
}

void MainWindow::rebuildChips()
{
    while (QLayoutItem* item = chipLayout_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (std::size_t i = 0; i < chips_.size(); ++i) {
        auto* chip = new QToolButton(chipBar_);
        chip->setText(chips_[i].label + QStringLiteral("  \u2715"));
        chip->setToolTip(tr("Remove this filter"));
        chip->setStyleSheet("QToolButton { border: 1px solid #8aa; border-radius: 9px; padding: 1px 8px; "
                            "background: #eef5f5; }");
        connect(chip, &QToolButton::clicked, this, [this, i] {
            if (i < chips_.size())
                chips_.erase(chips_.begin() + std::ptrdiff_t(i));
            rebuildChips();
            applyFilter();
        });
        chipLayout_->addWidget(chip);
    }
    chipLayout_->addStretch(1);
    chipBar_->setVisible(!chips_.empty());
}

void MainWindow::setCurrentCase(qint64 caseId)
{
    if (caseId == currentCase_ && caseId >= 0)
        return;
    currentCase_ = caseId;
    std::optional<ProjectStore::StoredCase> stored;
    if (store_ && caseId >= 0) {
        try {
            stored = store_->loadCase(std::int64_t(caseId));
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
    emit currentCaseChanged(caseId);
    updateStatus();
}

bool MainWindow::showCase(const QString& key, const QString& run)
{
    if (!store_)
        return false;
    const auto stored = store_->loadCase(key.toStdString(), run.toStdString());
    if (!stored)
        return false;
    selectCaseClearingFilters(stored->id);
    if (model_->rowOfCase(stored->id) < 0)
        return false;
    setCurrentCase(stored->id);
    return true;
}

// After the table's rows changed: the same case if it is still listed, else the first row.
void MainWindow::keepOrSelectFirst(qint64 keep)
{
    const int row = keep >= 0 ? model_->rowOfCase(keep) : -1;
    if (row >= 0)
        table_->selectRow(row);
    else if (model_->rowCount() > 0)
        table_->selectRow(0);
    else
        setCurrentCase(-1);
}

bool MainWindow::isUpdatingViews() const
{
    return dashboard_->isUpdating() || projection_->isUpdating();
}

void MainWindow::updateStatus()
{
    if (!store_) {
        statusLabel_->setText(tr("No project"));
        return;
    }
    statusLabel_->setText(tr("%1 cases shown  \u2022  %2").arg(model_->rowCount()).arg(projectPath_));
}

void MainWindow::chooseAndOpenProject()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open project"), QString(),
                                                      tr("ReasonScope projects (*.rsproj);;All files (*)"));
    if (!path.isEmpty())
        openProject(path);
}

void MainWindow::chooseAndImport(bool knowledgeGraph)
{
    QSettings settings;
    PipelineRequest req;
    req.resourcesDir = resourcesDir();
    req.cacheDir = cacheDir();
    req.projectPath = projectPath_.toStdString();
    for (const QString& kg : settings.value("kgFiles").toStringList())
        req.kgFiles.push_back(kg.toStdString());
    if (knowledgeGraph) {
        const QStringList files = QFileDialog::getOpenFileNames(this, tr("Load knowledge graph files"));
        if (files.isEmpty())
            return;
        req.kgFiles.clear();
        for (const QString& f : files)
            req.kgFiles.push_back(f.toStdString());
        settings.setValue("kgFiles", files);
        loadKnowledgeGraph(files); // explore it now; imports use it from here on
        statusBar()->showMessage(tr("Knowledge graph loading; the next import of outputs uses it."), 8000);
        return;
    }
    if (req.kgFiles.empty()) {
        QMessageBox::information(this, tr("No knowledge graph loaded"),
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

void MainWindow::runAnalysis(const PipelineRequest& request, const QString& title)
{
    // The window's connection must not hold the file while the job writes to it.
    model_->setStore(nullptr);
    dashboard_->setStore(nullptr);
    projection_->setStore(nullptr);
    kgExplorer_->setStore(nullptr);
    reviewPanel_->setStore(nullptr);
    store_.reset();

    auto* job = new AnalysisJob(request, this);
    auto* dialog = new QProgressDialog(title, tr("Cancel"), 0, 100, this);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setMinimumDuration(300);
    connect(job, &AnalysisJob::progress, dialog, [dialog](const QString& stage, int percent) {
        dialog->setLabelText(stage);
        dialog->setValue(percent);
    });
    connect(dialog, &QProgressDialog::canceled, job, &AnalysisJob::cancel);
    const QString project = QString::fromStdString(request.projectPath);
    connect(job, &AnalysisJob::finished, this, [this, job, dialog, project] {
        dialog->close();
        dialog->deleteLater();
        const PipelineResult& r = job->result();
        if (!r.ok && !r.cancelled)
            QMessageBox::warning(this, tr("Analysis failed"), QString::fromStdString(r.fatalError));
        else if (!r.importErrors.empty())
            statusBar()->showMessage(tr("%1 records could not be imported; see the project's import errors")
                                         .arg(r.importErrors.size()),
                                     10000);
        // Whatever was committed is in the file, also after a cancel or a failure.
        openProject(project, true);
        job->deleteLater();
    });
    job->start();
}

void MainWindow::loadKnowledgeGraph(const QStringList& files)
{
    const int generation = ++graphLoadGeneration_;
    std::vector<std::string> paths;
    for (const QString& f : files)
        if (QFileInfo::exists(f))
            paths.push_back(f.toStdString());
    if (paths.empty() || paths.size() != std::size_t(files.size())) {
        graph_.reset();
        kgExplorer_->setGraph(nullptr); // its empty state offers Load…
        return;
    }
    auto result = std::make_shared<KgLoadResult>();
    QThread* thread = QThread::create([paths, result] {
        KgLoadOptions options;
        options.cacheDir = cacheDir();
        *result = rs::loadKnowledgeGraph(paths, options);
    });
    connect(thread, &QThread::finished, this, [this, thread, result, generation] {
        thread->deleteLater();
        if (generation != graphLoadGeneration_)
            return; // a newer project or KG replaced this request
        graph_ = result->graph;
        kgExplorer_->setGraph(graph_);
        if (!graph_ && !result->fatalError.empty())
            statusBar()->showMessage(tr("Knowledge graph: %1").arg(QString::fromStdString(result->fatalError)),
                                     10000);
    });
    thread->start();
}

void MainWindow::selectCaseClearingFilters(qint64 caseId)
{
    if (!store_ || caseId < 0)
        return;
    int row = model_->rowOfCase(caseId);
    if (row < 0) {
        chips_.clear();
        rebuildChips();
        search_->clear();
        runFilter_->setCurrentIndex(0);
        correctFilter_->setCurrentIndex(0);
        classFilter_->setCurrentIndex(0);
        reviewFilter_->setCurrentIndex(0);
        applyFilter();
        row = model_->rowOfCase(caseId);
    }
    if (row < 0)
        return;
    table_->selectRow(row);
    table_->scrollTo(model_->index(row, 0));
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue(settingsKey("geometry"), saveGeometry());
    settings.setValue(settingsKey("state"), saveState());
    event->accept();
}

// --- review and reports --------------------------------------------------------------

void MainWindow::buildReview()
{
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
    connect(reviewPanel_, &ReviewPanel::caseActivated, this, &MainWindow::selectCaseClearingFilters);
    // Direct: the panel continues with the name once the dialog returns.
    connect(reviewPanel_, &ReviewPanel::reviewerRequested, this, &MainWindow::askReviewer, Qt::DirectConnection);
    connect(reviewPanel_, &ReviewPanel::reviewRecorded, this, [this] {
        refreshAfterReviews();
        // Our own commit: the next poll need not refresh again for it.
        if (store_)
            lastExternalChange_ = store_->externalChangeCounter();
    });
    connect(reviewPanel_, &ReviewPanel::failed, this,
            [this](const QString& message) { statusBar()->showMessage(message, 10000); });

    reviewerLabel_ = new QLabel(this);
    reviewerLabel_->setObjectName("reviewerLabel");
    statusBar()->addPermanentWidget(reviewerLabel_);
    QSettings settings;
    connect(reviewPanel_, &ReviewPanel::reviewerChanged, this, &MainWindow::showReviewer);
    reviewPanel_->setReviewer(settings.value("review/reviewer").toString(),
                              settings.value("review/role").toString());

    // Another instance (another reviewer) writing to the same file: PRAGMA data_version
    // changes, and the table, the dashboard and the panel re-read it. Cheap enough to poll.
    auto* poll = new QTimer(this);
    poll->setObjectName("externalChangePoll");
    poll->setInterval(1000);
    connect(poll, &QTimer::timeout, this, &MainWindow::pollForExternalChanges);
    poll->start();
}

bool MainWindow::askReviewer()
{
    QString name = reviewPanel_->reviewer(), role = reviewPanel_->role();
    if (!ReviewerDialog::ask(this, &name, &role))
        return false;
    reviewPanel_->setReviewer(name, role);
    QSettings settings;
    settings.setValue("review/reviewer", name);
    settings.setValue("review/role", role);
    return true;
}

void MainWindow::showReviewer()
{
    const QString name = reviewPanel_->reviewer(), role = reviewPanel_->role();
    reviewerLabel_->setText(name.isEmpty() ? tr("Reviewer: not set")
                                           : tr("Reviewer: %1").arg(role.isEmpty() ? name
                                                                                   : QStringLiteral("%1 (%2)").arg(name, role)));
}

void MainWindow::refreshAfterReviews()
{
    if (!store_)
        return;
    const qint64 keep = currentCase_;
    // A model reset clears the view's current index without signals; selecting the same
    // case again then changes nothing else.
    model_->refresh();
    keepOrSelectFirst(keep);
    dashboard_->refresh();
    updateStatus();
}

void MainWindow::pollForExternalChanges()
{
    if (!store_)
        return;
    try {
        const std::int64_t now = store_->externalChangeCounter();
        if (now == lastExternalChange_)
            return;
        lastExternalChange_ = now;
        refreshAfterReviews();
        reviewPanel_->refresh();
    } catch (const std::exception& e) {
        statusBar()->showMessage(QString::fromUtf8(e.what()), 8000);
    }
}

void MainWindow::exportReport()
{
    if (!store_) {
        QMessageBox::information(this, tr("No project"), tr("Open a project first."));
        return;
    }
    const CaseQuery filter = model_->query();
    const std::string filterText = formatCaseFilter(filter, store_->runs());
    QString suggested = QSettings().value("review/lastReport").toString();
    if (suggested.isEmpty())
        suggested = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                        .filePath(QFileInfo(projectPath_).completeBaseName() + "-report.html");
    ReportDialog dialog(QString::fromStdString(filterText),
                        tr("%1 cases match the filter").arg(model_->rowCount()), suggested, this);
    if (dialog.exec() != QDialog::Accepted || dialog.path().isEmpty())
        return;
    // Asked for in a dialog, so a failure deserves one too (exportReportTo() itself only
    // reports it in the status bar and by its signal).
    connect(
        this, &MainWindow::reportFinished, this,
        [this](bool ok, const QString& pathOrError, bool cancelled) {
            if (!ok && !cancelled)
                QMessageBox::warning(this, tr("Report not written"), pathOrError);
        },
        Qt::SingleShotConnection);
    exportReportTo(dialog.path(), dialog.format(), dialog.redact());
}

void MainWindow::exportReportTo(const QString& path, ReportFormat format, bool redact)
{
    if (!store_)
        return;
    const CaseQuery filter = model_->query();
    // Writing a large PDF takes seconds: a worker with its own read-only connection builds
    // and writes the report while the window stays usable; cancelling discards the file.
    struct Outcome {
        bool ok = false;
        QString error;
        std::size_t cases = 0;
        qint64 milliseconds = 0;
    };
    auto outcome = std::make_shared<Outcome>();
    const std::string project = projectPath_.toStdString();
    ReportOptions options;
    options.redact = redact;
    options.appVersion = RS_VERSION;
    QThread* thread = QThread::create([project, filter, options, format, path, outcome] {
        QElapsedTimer timer;
        timer.start();
        try {
            std::string openError;
            auto store = ProjectStore::openReadOnly(project, &openError);
            if (!store) {
                outcome->error = QString::fromStdString(openError);
                return;
            }
            const AuditReport report = buildAuditReport(*store, filter, options);
            outcome->cases = report.cases.size();
            outcome->ok = writeReport(report, format, path, &outcome->error);
        } catch (const std::exception& e) {
            outcome->error = QString::fromUtf8(e.what());
        }
        outcome->milliseconds = timer.elapsed();
    });
    QPointer<QProgressDialog> progress = new QProgressDialog(tr("Writing the report of %1 cases\u2026").arg(model_->rowCount()),
                                         tr("Cancel"), 0, 0, this);
    progress->setWindowTitle(tr("Export report"));
    progress->setMinimumDuration(300);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    auto cancelled = std::make_shared<bool>(false);
    connect(progress, &QProgressDialog::canceled, this, [cancelled] { *cancelled = true; });
    connect(thread, &QThread::finished, this, [this, thread, progress, outcome, cancelled, path] {
        thread->deleteLater();
        const bool wasCancelled = *cancelled;
        // Closing a progress dialog emits canceled(): stop listening first.
        if (progress) { // Esc closes (and so deletes) it
            progress->disconnect(this);
            progress->close();
        }
        if (wasCancelled) {
            QFile::remove(path); // half an audit report is worse than none
            statusBar()->showMessage(tr("Report cancelled; nothing was written"), 8000);
            emit reportFinished(false, tr("cancelled"), true);
            return;
        }
        if (!outcome->ok) {
            statusBar()->showMessage(tr("Report not written: %1").arg(outcome->error), 10000);
            emit reportFinished(false, outcome->error, false);
            return;
        }
        emit reportFinished(true, path, false);
        QSettings().setValue("review/lastReport", path);
        statusBar()->showMessage(tr("Report of %1 cases written to %2 in %3 s")
                                     .arg(outcome->cases)
                                     .arg(path)
                                     .arg(outcome->milliseconds / 1000.0, 0, 'f', 2),
                                 10000);
    });
    thread->start();
}

} // namespace rs
