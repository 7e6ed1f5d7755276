// The real main window on the demo project: every view populated, one filter and one
// current case shared by all views, keyboard use, and a screenshot that is not blank.
#include "AnalysisPipeline.h"
#include "CaseTableModel.h"
#include "DashboardView.h"
#include "InstanceView.h"
#include "KgExplorer.h"
#include "MainWindow.h"
#include "PathScene.h"
#include "PathView.h"
#include "ProjectionView.h"
#include "ResourceLocator.h"
#include "ReviewPanel.h"

#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QGraphicsItem>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QToolButton>
#include <QtTest>

#include <filesystem>
#include <set>

using namespace rs;

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void everyViewIsPopulated();
    void dashboardClickFiltersTheTable();
    void searchFiltersTheTable();
    void showCaseSelectsItEverywhere();
    void findingSelectionFocusesThePath();
    void keyboardMovesThroughCases();
    void pathNodeOpensTheConceptInTheKgExplorer();
    void hiddenTabsWaitUntilShown();
    void projectionSelectionFiltersTheTable();
    void reviewWithTheKeyboardAndTheTableFollows();
    void anotherInstancesVerdictsShowUp();
    void exportReportRunsOffTheGuiThread_data();
    void exportReportRunsOffTheGuiThread();
    void screenshotIsNotBlank();

private:
    QTemporaryDir dir_;
    QString project_;
    std::unique_ptr<MainWindow> window_;
    QTableView* table() const { return window_->findChild<QTableView*>("caseTable"); }
};

void TestMainWindow::initTestCase() {
    QStandardPaths::setTestModeEnabled(true); // settings go to a throwaway location
    QSettings().clear(); // which outlives the run: start from the default layout
    QVERIFY(dir_.isValid());
    project_ = dir_.filePath("demo.rsproj");
    PipelineRequest req;
    req.resourcesDir = resourcesDir();
    const std::filesystem::path res(req.resourcesDir);
    req.kgFiles = {(res / "demo" / "kg" / "demo-kg.tsv").string()};
    req.inputFiles = {(res / "demo" / "outputs" / "demo-outputs.jsonl").string()};
    req.projectPath = project_.toStdString();
    const PipelineResult r = rs::runAnalysis(req, {});
    QVERIFY2(r.ok, r.fatalError.c_str());
    QCOMPARE(r.casesAnalysed, std::size_t(47));
}

void TestMainWindow::init() {
    window_ = std::make_unique<MainWindow>();
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    // Window shortcuts need an active window; Xvfb has no window manager to activate it.
    window_->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window_.get()));
    QVERIFY(window_->openProject(project_, true));
}

void TestMainWindow::cleanup() {
    window_.reset();
}

void TestMainWindow::everyViewIsPopulated() {
    QCOMPARE(window_->caseModel()->rowCount(), 47);
    QVERIFY(window_->currentCaseId() >= 0); // the first case is selected on open
    auto* dashboard = window_->findChild<DashboardView*>();
    QVERIFY(dashboard && dashboard->isBackgroundReading());
    // The charts come from a worker: the window is usable before they arrive.
    QTRY_VERIFY(!dashboard->isUpdating());
    QVERIFY(!dashboard->isShowingMessage());
    // A case with a branch error: the path view draws nodes, the instance view the text.
    QVERIFY(window_->showCase("demo-q03", "demo-model-b 2024-06"));
    auto* path = window_->findChild<PathView*>();
    auto* scene = qobject_cast<PathScene*>(path->scene());
    QVERIFY(scene);
    QVERIFY(scene->nodeItems().size() >= 4);
    QVERIFY(scene->nodeItem("Chest Pain"));
    auto* instance = window_->findChild<InstanceView*>();
    QVERIFY(instance->textView()->toPlainText().contains("widened mediastinum"));
}

void TestMainWindow::dashboardClickFiltersTheTable() {
    auto* dashboard = window_->findChild<DashboardView*>();
    CaseQuery branch;
    branch.findingTypes = {"branch"};
    const int expected = int(window_->store()->countCases(branch));
    QVERIFY(expected > 0 && expected < 47);
    emit dashboard->filterRequested(branch, "Class: branch");
    // The table answers at once; the overview follows from its worker.
    QCOMPARE(window_->caseModel()->rowCount(), expected);
    QVERIFY(dashboard->query().findingTypes == branch.findingTypes);
    QTRY_VERIFY(!dashboard->isUpdating());
    QVERIFY(!dashboard->isShowingMessage());
    // The current case follows the filter: it is one of the shown cases.
    QVERIFY(window_->caseModel()->rowOfCase(window_->currentCaseId()) >= 0);
    QToolButton* chip = nullptr;
    for (auto* b : window_->findChildren<QToolButton*>())
        if (b->text().startsWith("Class: branch"))
            chip = b;
    QVERIFY2(chip && chip->isVisible(), "the filter shows as a removable chip");
    chip->click();
    QCOMPARE(window_->caseModel()->rowCount(), 47);
}

void TestMainWindow::searchFiltersTheTable() {
    auto* search = window_->findChild<QLineEdit*>("search");
    QVERIFY(search);
    QTest::keyClick(table(), Qt::Key_Slash);
    QVERIFY(search->hasFocus());
    QTest::keyClicks(search, "mediastinum");
    QTRY_VERIFY(window_->caseModel()->rowCount() > 0 && window_->caseModel()->rowCount() < 47);
    CaseQuery q;
    q.search = "mediastinum";
    QCOMPARE(window_->caseModel()->rowCount(), int(window_->store()->countCases(q)));
}

void TestMainWindow::showCaseSelectsItEverywhere() {
    // The window opens on the review queue's first case; start elsewhere.
    QVERIFY(window_->showCase("demo-q03", "demo-model-b 2024-06"));
    QSignalSpy changed(window_.get(), &MainWindow::currentCaseChanged);
    QVERIFY(window_->showCase("demo-q10", "demo-model-c 2024-07"));
    const auto stored = window_->store()->loadCase("demo-q10", "demo-model-c 2024-07");
    QVERIFY(stored);
    QCOMPARE(window_->currentCaseId(), stored->id);
    QVERIFY(!changed.isEmpty());
    QCOMPARE(table()->currentIndex().row(), window_->caseModel()->rowOfCase(stored->id));
    QVERIFY(!window_->showCase("no-such-case"));
}

void TestMainWindow::findingSelectionFocusesThePath() {
    QVERIFY(window_->showCase("demo-q03", "demo-model-b 2024-06"));
    auto* instance = window_->findChild<InstanceView*>();
    auto* scene = qobject_cast<PathScene*>(window_->findChild<PathView*>()->scene());
    const auto stored = window_->store()->loadCase("demo-q03", "demo-model-b 2024-06");
    const auto& findings = stored->analysis["findings"];
    QVERIFY(!findings.empty());
    instance->selectFinding(0);
    std::set<QString> focus;
    for (const auto& n : findings[0]["nodes"])
        focus.insert(QString::fromStdString(n.get<std::string>()));
    int dimmed = 0, bright = 0;
    for (QGraphicsItem* item : scene->nodeItems()) {
        const bool inFocus = focus.count(item->data(PathScene::KeyName).toString()) > 0;
        QCOMPARE(item->opacity() == 1.0, inFocus);
        (inFocus ? bright : dimmed)++;
    }
    QVERIFY(bright > 0 && dimmed > 0);
}

void TestMainWindow::keyboardMovesThroughCases() {
    table()->setFocus();
    table()->selectRow(0);
    const qint64 first = window_->currentCaseId();
    QTest::keyClick(table(), Qt::Key_Down);
    QVERIFY(window_->currentCaseId() != first);
    QCOMPARE(window_->currentCaseId(), window_->caseModel()->caseId(1));
}

void TestMainWindow::pathNodeOpensTheConceptInTheKgExplorer() {
    auto* explorer = window_->findChild<KgExplorer*>();
    QVERIFY(explorer);
    QVERIFY(window_->showCase("demo-q03", "demo-model-b 2024-06"));
    auto* path = window_->findChild<PathView*>();
    // The KG the project was analysed with loads in the background after opening.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            emit path->nodeActivated("Chest Pain");
            return explorer->currentConcept() == "Chest Pain";
        }(),
        20000);
}

void TestMainWindow::hiddenTabsWaitUntilShown() {
    // The concept map is a tab behind the overview: opening the project drew nothing there.
    auto* projection = window_->findChild<ProjectionView*>();
    QTRY_VERIFY(!window_->isUpdatingViews());
    QVERIFY(projection->visibleRegion().isEmpty());
    QVERIFY(projection->nodeItems().isEmpty());
    QVERIFY(!projection->isUpdating());
    // Selecting its tab catches up with the current filter.
    window_->findChild<QDockWidget*>("projectionDock")->raise();
    QTRY_VERIFY(!projection->nodeItems().isEmpty());
    QVERIFY(projection->query() == window_->caseModel()->query());
}

void TestMainWindow::projectionSelectionFiltersTheTable() {
    auto* projection = window_->findChild<ProjectionView*>();
    QVERIFY(projection);
    const std::vector<qint64> picked = {window_->caseModel()->caseId(2),
                                        window_->caseModel()->caseId(5)};
    emit projection->casesSelected(picked, "Map: 2 cases");
    QCOMPARE(window_->caseModel()->rowCount(), 2);
    QVERIFY(window_->caseModel()->rowOfCase(picked[0]) >= 0);
    QVERIFY(window_->caseModel()->rowOfCase(picked[1]) >= 0);
}

void TestMainWindow::screenshotIsNotBlank() {
    QVERIFY(window_->showCase("demo-q03", "demo-model-b 2024-06"));
    QTRY_VERIFY(!window_->isUpdatingViews());
    QTest::qWait(300);
    const QImage shot = window_->grab().toImage();
    QDir().mkpath(RS_SCREENSHOT_DIR);
    window_->reviewPanel()->setCurrentCase(window_->currentCaseId());
    const QString path = QStringLiteral(RS_SCREENSHOT_DIR) + "/mainwindow-demo.png";
    QVERIFY(shot.save(path));
    std::set<QRgb> colours;
    for (int y = 0; y < shot.height(); y += 7)
        for (int x = 0; x < shot.width(); x += 7)
            colours.insert(shot.pixel(x, y));
    QVERIFY2(colours.size() > 100, "the window renders more than a few flat colours");
    qInfo("screenshot: %s", qPrintable(path));
}

void TestMainWindow::reviewWithTheKeyboardAndTheTableFollows() {
    auto* panel = window_->reviewPanel();
    QVERIFY(panel);
    // A tab behind the overview until the first review key (a dock behind a tab keeps
    // isVisible(); only its visible region is empty).
    QVERIFY(panel->visibleRegion().isEmpty());
    panel->setReviewer("Dr Test", "physician");
    QVERIFY(window_->findChild<QAction*>("exportReport"));
    QStringList menus;
    for (QAction* a : window_->menuBar()->actions())
        menus << a->text();
    QVERIFY(menus.contains("&Review"));

    table()->setFocus();
    // The window opens on the queue's first case; Start reviewing (F2) goes to the first
    // unreviewed one, the worst: here the same.
    QTest::keyClick(table(), Qt::Key_F2);
    QTRY_VERIFY(!panel->visibleRegion().isEmpty());
    const qint64 first = window_->currentCaseId();
    QCOMPARE(panel->currentCase(), first);
    QCOMPARE(panel->queue()->indexOf(first), std::int64_t(0));
    const int findings = panel->targetCount() - 1;
    QVERIFY(findings >= 1);
    for (int i = 0; i < findings; ++i)
        QTest::keyClick(table(), Qt::Key_1);
    QTest::keyClick(table(), Qt::Key_2); // the case: rejected, and on to the next case
    QVERIFY(window_->currentCaseId() != first);
    QCOMPARE(window_->currentCaseId(), panel->currentCase());
    const CaseReviewState state = loadCaseReviewState(*window_->store(), first);
    QCOMPARE(state.caseVerdict->verdict, std::string("rejected"));
    QCOMPARE(state.reviewedFindings(), findings);
    // The table's review column and filter follow at once.
    const int row = window_->caseModel()->rowOfCase(first);
    QCOMPARE(window_->caseModel()->index(row, CaseTableModel::ReviewColumn).data().toString(),
             QString("rejected"));
    auto* reviewFilter = window_->findChild<QComboBox*>("reviewFilter");
    reviewFilter->setCurrentIndex(reviewFilter->findData("rejected"));
    QCOMPARE(window_->caseModel()->rowCount(), 1);
    auto* title = panel->findChild<QLabel*>("reviewCaseTitle");
    QVERIFY2(title->text().contains("of 1 in the queue"), qPrintable(title->text()));
    reviewFilter->setCurrentIndex(0);
    // The case's place follows the filter back.
    QVERIFY2(
        title->text().contains(QStringLiteral(" of %1 in the queue").arg(panel->queue()->size())),
        qPrintable(title->text()));
    auto* reviewer = window_->findChild<QLabel*>("reviewerLabel");
    QVERIFY(reviewer && reviewer->text().contains("Dr Test"));
    // The window as a clinician sees it mid-queue, for docs/.
    QTRY_VERIFY(!window_->isUpdatingViews());
    QTest::qWait(200);
    QDir().mkpath(RS_SCREENSHOT_DIR);
    QVERIFY(window_->grab().save(QStringLiteral(RS_SCREENSHOT_DIR) + "/review-window.png"));
}

void TestMainWindow::anotherInstancesVerdictsShowUp() {
    std::string error;
    auto other = ProjectStore::open(project_.toStdString(), &error);
    QVERIFY2(other, error.c_str());
    const qint64 current = window_->currentCaseId();
    ProjectStore::Review r;
    r.caseId = current;
    r.reviewer = "Dr Elsewhere";
    r.verdict = "unsure";
    other->addReview(r);
    const int row = window_->caseModel()->rowOfCase(current);
    QTRY_COMPARE_WITH_TIMEOUT(
        window_->caseModel()->index(row, CaseTableModel::ReviewColumn).data().toString(),
        QString("unsure"), 5000);
    QCOMPARE(window_->currentCaseId(), current); // the refresh keeps the case
}

void TestMainWindow::exportReportRunsOffTheGuiThread_data() {
    QTest::addColumn<int>("format");
    QTest::addColumn<QByteArray>("start");
    QTest::newRow("html") << int(ReportFormat::Html) << QByteArray("<!DOCTYPE html>");
    QTest::newRow("pdf") << int(ReportFormat::Pdf) << QByteArray("%PDF-");
}

void TestMainWindow::exportReportRunsOffTheGuiThread() {
    QFETCH(int, format);
    QFETCH(QByteArray, start);
    QTemporaryDir out;
    const QString path = out.filePath("report");
    // Under a filter: the report is of what the table shows.
    CaseQuery branch;
    branch.findingTypes = {"branch"};
    emit window_->findChild<DashboardView*>()->filterRequested(branch, "Class: branch");
    QSignalSpy finished(window_.get(), &MainWindow::reportFinished);
    window_->exportReportTo(path, ReportFormat(format), false);
    QCOMPARE(finished.size(), 0); // returned before the report was written
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    QVERIFY2(content.startsWith(start), content.left(40).constData());
    if (ReportFormat(format) == ReportFormat::Html)
        QVERIFY(content.contains("class=branch"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
