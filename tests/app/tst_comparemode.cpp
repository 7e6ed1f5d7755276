// Compare mode in the real main window (Xvfb): the demo project's runs demo-model-a and
// demo-model-b answer the same 21 questions. Entering from the menu, the table of paired
// questions and its "changed" filter driven through the bar's real combo boxes, the
// overview's cells, the two answers and the two reasoning paths side by side, and leaving.
// Expected rows come from the store's own case listing paired here by question id, not
// from core/RunComparison. With ../shared/data, the GPT-3.5 vs GPT-4 screenshots for docs/.
#include "AnalysisPipeline.h"
#include "CompareBar.h"
#include "CompareMode.h"
#include "ComparisonDashboard.h"
#include "ComparisonInstanceView.h"
#include "ComparisonPathView.h"
#include "InstanceView.h"
#include "MainWindow.h"
#include "PathScene.h"
#include "PathView.h"
#include "ResourceLocator.h"
#include "SharedData.h"

#include <QAction>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDockWidget>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QScrollArea>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QToolButton>
#include <QtTest>

#include <filesystem>
#include <map>

using namespace rs;
using Change = ComparisonTableModel::Change;

namespace {

constexpr const char* kBase = "demo-model-a 2024-06";
constexpr const char* kHead = "demo-model-b 2024-06";

// One paired question as the store's case listing gives it.
struct Pair {
    std::optional<bool> base, head;
    std::int64_t baseFindings[5] = {}, headFindings[5] = {};
    std::int64_t headCase = 0;
};

std::map<std::string, Pair> pairsFromListing(const ProjectStore& store, const std::string& base,
                                             const std::string& head) {
    std::map<std::string, Pair> pairs;
    for (const CaseRow& row : store.caseRows(CaseQuery{}, 0, 0)) {
        if (row.run != base && row.run != head)
            continue;
        Pair& p = pairs[row.questionId];
        const std::int64_t counts[5] = {row.nRelation, row.nBranch, row.nMissing, row.nGrounding,
                                        row.nReading};
        const bool isBase = row.run == base;
        (isBase ? p.base : p.head) = row.correct;
        std::copy(counts, counts + 5, isBase ? p.baseFindings : p.headFindings);
        if (!isBase)
            p.headCase = row.id;
    }
    return pairs;
}

QStringList expectedIds(const std::map<std::string, Pair>& pairs, Change change) {
    QStringList ids;
    for (const auto& [id, p] : pairs) {
        const bool regression = p.base == true && p.head == false;
        const bool fix = p.base == false && p.head == true;
        bool more = false;
        for (int i = 0; i < 5; ++i)
            more = more || p.headFindings[i] > p.baseFindings[i];
        const bool keep = change == Change::All           ? true
                          : change == Change::Regressions ? regression
                          : change == Change::Fixes       ? fix
                          : change == Change::NewFindings ? more
                                                          : (regression || fix || more);
        if (keep)
            ids << QString::fromStdString(id);
    }
    return ids;
}

} // namespace

class TestCompareMode : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void entersFromTheMenu();
    void filterThroughTheBar_data();
    void filterThroughTheBar();
    void otherRunsFromTheBar();
    void overviewShowsBothRuns();
    void questionSideBySide();
    void anotherInstancesVerdictShowsUp();
    void leavingGivesTheTableBack();
    void openCommandStartsInCompareMode();
    void screenshotsOfGpt35AgainstGpt4();

private:
    CompareMode* compare() const { return window_->compareMode(); }
    QStringList shownIds() const;
    void choose(QComboBox* box, const QString& text);

    QTemporaryDir dir_;
    QString project_;
    std::unique_ptr<MainWindow> window_;
};

void TestCompareMode::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
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
}

void TestCompareMode::init() {
    QSettings().clear();
    window_ = std::make_unique<MainWindow>();
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    QVERIFY(window_->openProject(project_, true));
}

void TestCompareMode::cleanup() {
    window_.reset();
}

QStringList TestCompareMode::shownIds() const {
    QStringList ids;
    const QAbstractItemModel* m = compare()->table()->model();
    for (int r = 0; r < m->rowCount(); ++r)
        ids << m->index(r, ComparisonTableModel::QuestionColumn).data().toString();
    ids.sort();
    return ids;
}

void TestCompareMode::choose(QComboBox* box, const QString& text) {
    int index = -1;
    for (int i = 0; i < box->count(); ++i)
        if (box->itemText(i) == text || box->itemText(i).startsWith(text))
            index = i;
    QVERIFY2(index >= 0, qPrintable(text));
    box->setCurrentIndex(index);
}

void TestCompareMode::entersFromTheMenu() {
    auto* action = window_->findChild<QAction*>("compareRuns");
    QVERIFY(action);
    auto* caseTable = window_->findChild<QTableView*>("caseTable");
    QVERIFY(caseTable->isVisible());
    action->trigger();
    QVERIFY(compare()->isActive());
    QVERIFY(!caseTable->isVisible());
    QVERIFY(compare()->table()->isVisible());
    QVERIFY(compare()->bar()->isVisible());
    // The first two runs, base and head.
    QCOMPARE(compare()->bar()->baseBox()->currentText(), QString(kBase));
    QCOMPARE(compare()->bar()->headBox()->currentText(), QString(kHead));
    for (const char* name : {"compareDashboardDock", "compareCaseDock", "comparePathDock"}) {
        auto* dock = window_->findChild<QDockWidget*>(name);
        QVERIFY2(dock && dock->isVisible(), name);
    }
    QTRY_VERIFY(!compare()->caseView()->isEmptyState()); // the first row is selected
    QVERIFY(action->isChecked());
}

void TestCompareMode::filterThroughTheBar_data() {
    QTest::addColumn<int>("change");
    QTest::newRow("all") << int(Change::All);
    QTest::newRow("changed") << int(Change::Changed);
    QTest::newRow("regressions") << int(Change::Regressions);
    QTest::newRow("fixes") << int(Change::Fixes);
    QTest::newRow("new findings") << int(Change::NewFindings);
}

void TestCompareMode::filterThroughTheBar() {
    QFETCH(int, change);
    QVERIFY(window_->enterCompareMode(kBase, kHead));
    const auto pairs = pairsFromListing(*window_->store(), kBase, kHead);
    QCOMPARE(int(pairs.size()), 21);
    QComboBox* box = compare()->bar()->changeBox();
    box->setCurrentIndex(box->findData(change));
    const QStringList expected = expectedIds(pairs, Change(change));
    QCOMPARE(shownIds(), expected);
    // The choice says how many it keeps.
    QVERIFY2(box->currentText().endsWith(QStringLiteral(": %1").arg(expected.size())),
             qPrintable(box->currentText()));
    // The demo's base run is right everywhere: every head answer it lost is a regression.
    if (Change(change) == Change::Regressions) {
        QCOMPARE(expected.size(), 12);
        const QAbstractItemModel* m = compare()->table()->model();
        for (int r = 0; r < m->rowCount(); ++r) {
            QCOMPARE(m->index(r, ComparisonTableModel::BaseCorrectColumn).data().toString(),
                     QString("✓"));
            QCOMPARE(m->index(r, ComparisonTableModel::HeadCorrectColumn).data().toString(),
                     QString("✗"));
        }
    }
    if (Change(change) == Change::Fixes)
        QVERIFY(expected.isEmpty());
}

void TestCompareMode::otherRunsFromTheBar() {
    QVERIFY(window_->enterCompareMode(kBase, kHead));
    // Swapped through the combo boxes: base b, head a. b's regressions are now fixes.
    choose(compare()->bar()->headBox(), kBase); // base == head for a moment: refused
    QCOMPARE(QString::fromStdString(compare()->comparison()->head.label), QString(kHead));
    choose(compare()->bar()->baseBox(), kHead);
    QCOMPARE(QString::fromStdString(compare()->comparison()->base.label), QString(kHead));
    QCOMPARE(QString::fromStdString(compare()->comparison()->head.label), QString(kBase));
    QComboBox* box = compare()->bar()->changeBox();
    box->setCurrentIndex(box->findData(int(Change::Fixes)));
    QCOMPARE(shownIds(),
             expectedIds(pairsFromListing(*window_->store(), kHead, kBase), Change::Fixes));
    QCOMPARE(shownIds().size(), 12);
}

void TestCompareMode::overviewShowsBothRuns() {
    QVERIFY(window_->enterCompareMode(kBase, kHead));
    ComparisonDashboard* dash = compare()->dashboard();
    QVERIFY(dash->cellText(CorrectnessCell::RightWrong).startsWith("12 "));
    QVERIFY(dash->cellText(CorrectnessCell::RightRight).startsWith("9 "));
    QVERIFY(dash->cellText(CorrectnessCell::WrongRight).startsWith("0 "));
    QVERIFY2(dash->accuracyText().contains(QString::fromUtf8("100.0% \u2192 42.9%")),
             qPrintable(dash->accuracyText()));
    // Grouped bars: one set per run, one bar per class, the totals of the paired questions.
    const auto pairs = pairsFromListing(*window_->store(), kBase, kHead);
    auto* series = qobject_cast<QBarSeries*>(dash->classChart()->chart()->series().value(0));
    QVERIFY(series);
    QCOMPARE(series->count(), 2);
    QCOMPARE(series->barSets()[0]->label(), QString(kBase));
    QCOMPARE(series->barSets()[1]->label(), QString(kHead));
    for (int c = 0; c < 5; ++c) {
        double base = 0, head = 0;
        for (const auto& [id, p] : pairs) {
            base += double(p.baseFindings[c]);
            head += double(p.headFindings[c]);
        }
        QCOMPARE(series->barSets()[0]->at(c), base);
        QCOMPARE(series->barSets()[1]->at(c), head);
    }
    // A click on the regressions cell filters the table to them.
    auto* cell = dash->findChild<QPushButton*>("cell_right_to_wrong");
    QVERIFY(cell);
    QTest::mouseClick(cell, Qt::LeftButton);
    QCOMPARE(compare()->model()->change(), Change::Regressions);
    QCOMPARE(compare()->table()->model()->rowCount(), 12);
}

void TestCompareMode::questionSideBySide() {
    QVERIFY(window_->enterCompareMode(kBase, kHead));
    QTableView* table = compare()->table();
    const int row = compare()->model()->rowOfQuestion("demo-q05");
    QVERIFY(row >= 0);
    // A real click on the row.
    table->scrollTo(table->model()->index(row, 1));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualRect(table->model()->index(row, 1)).center());
    const ComparedQuestion* q = compare()->model()->question(table->currentIndex().row());
    QVERIFY(q);
    QCOMPARE(QString::fromStdString(q->questionId), QString("demo-q05"));

    const auto base = window_->store()->loadCase(q->base.caseId);
    const auto head = window_->store()->loadCase(q->head.caseId);
    QVERIFY(base && head);
    ComparisonInstanceView* view = compare()->caseView();
    QVERIFY(!view->isEmptyState());
    QVERIFY2(view->baseHeader().startsWith(kBase) && view->baseHeader().contains("(right)"),
             qPrintable(view->baseHeader()));
    QVERIFY2(view->headHeader().startsWith(kHead) && view->headHeader().contains("(wrong)"),
             qPrintable(view->headHeader()));
    // Each side reads its own run's output, with its findings listed.
    const QString baseText = view->baseView()->textView()->toPlainText();
    const QString headText = view->headView()->textView()->toPlainText();
    QVERIFY(baseText.contains(QString::fromStdString(base->data.output).left(60).trimmed()));
    QVERIFY(headText.contains(QString::fromStdString(head->data.output).left(60).trimmed()));
    QVERIFY(baseText != headText);
    const auto listed = [](InstanceView* v) {
        int n = 0;
        for (int i = 0; i < v->findingList()->count(); ++i)
            n += v->findingList()->item(i)->data(InstanceView::IndexRole).toInt() >= 0;
        return n;
    };
    QCOMPARE(listed(view->baseView()), int(base->analysis["findings"].size()));
    QCOMPARE(listed(view->headView()), int(head->analysis["findings"].size()));
    QVERIFY(listed(view->headView()) >= 2); // a branch and a relation finding
    // The window follows the head case.
    QCOMPARE(window_->currentCaseId(), q->head.caseId);

    // The paths: both drawn, the summary says where they part, and the marks agree with it.
    ComparisonPathView* paths = compare()->pathView();
    QVERIFY(paths->baseView()->pathScene()->hasCase());
    QVERIFY(paths->headView()->pathScene()->hasCase());
    QVERIFY(!paths->summary().isEmpty());
    const PathDivergence& d = paths->divergence();
    QVERIFY(!d.identical);
    QStringList headOnly;
    for (const std::string& n : d.headOnly)
        if (paths->headView()->pathScene()->nodeItem(QString::fromStdString(n)))
            headOnly << QString::fromStdString(n);
    headOnly.sort();
    QCOMPARE(paths->markedConcepts(true, ComparisonPathView::OnlyHereMark), headOnly);
    if (!d.partingAt.empty()) {
        QVERIFY(paths->summary().contains(QString::fromStdString(d.partingAt)));
        QCOMPARE(paths->markedConcepts(false, ComparisonPathView::PartingMark),
                 QStringList{QString::fromStdString(d.partingAt)});
    }
}

// A verdict another instance records on a head case reaches the table's review column,
// the filter and the current question kept.
void TestCompareMode::anotherInstancesVerdictShowsUp() {
    QVERIFY(window_->enterCompareMode(kBase, kHead));
    compare()->bar()->setChange(Change::Regressions);
    QVERIFY(window_->showComparedQuestion("demo-q05"));
    const ComparedQuestion* q =
        compare()->model()->question(compare()->table()->currentIndex().row());
    QVERIFY(q);
    const qint64 headCase = q->head.caseId;
    const int row = compare()->model()->rowOfHeadCase(headCase);
    const auto review = [&] {
        return compare()
            ->model()
            ->index(compare()->model()->rowOfHeadCase(headCase),
                    ComparisonTableModel::HeadReviewColumn)
            .data()
            .toString();
    };
    QCOMPARE(review(), QString("unreviewed"));
    std::string error;
    auto other = ProjectStore::open(project_.toStdString(), &error);
    QVERIFY2(other, error.c_str());
    ProjectStore::Review r;
    r.caseId = headCase;
    r.reviewer = "Dr Elsewhere";
    r.verdict = "confirmed";
    other->addReview(r);
    QTRY_COMPARE_WITH_TIMEOUT(review(), QString("confirmed"), 5000);
    QCOMPARE(compare()->model()->change(), Change::Regressions);
    QCOMPARE(compare()->table()->currentIndex().row(), row);
    QCOMPARE(window_->currentCaseId(), headCase);
}

void TestCompareMode::leavingGivesTheTableBack() {
    QVERIFY(window_->enterCompareMode(kBase, kHead));
    auto* leave = compare()->bar()->findChild<QToolButton*>("leaveCompare");
    QVERIFY(leave);
    QTest::mouseClick(leave, Qt::LeftButton);
    QVERIFY(!compare()->isActive());
    QVERIFY(window_->findChild<QTableView*>("caseTable")->isVisible());
    QVERIFY(!compare()->table()->isVisible());
    QVERIFY(!window_->findChild<QDockWidget*>("compareCaseDock")->isVisible());
    QVERIFY(!window_->findChild<QAction*>("compareRuns")->isChecked());
    // Unknown runs and the same run twice are refused, and leave the window as it was.
    QString error;
    QVERIFY(!window_->enterCompareMode("no such run", kHead, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!window_->enterCompareMode(kBase, kBase, &error));
    QVERIFY(!compare()->isActive());
    QVERIFY(window_->findChild<QTableView*>("caseTable")->isVisible());
}

void TestCompareMode::openCommandStartsInCompareMode() {
    const QString png = dir_.filePath("compare.png");
    QProcess p;
    p.start(RS_APP_BINARY, {"open", project_, "--compare", kBase, kHead, "--changed", "regressions",
                            "--case", "demo-q05", "--screenshot", png});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    QVERIFY2(!p.readAllStandardError().contains("reasonscope:"), "reported a problem");
    QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 1000);

    p.start(RS_APP_BINARY, {"open", project_, "--changed", "regressions"});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 2); // --changed without --compare
}

// The documentation's pictures: GPT-3.5 (base) against GPT-4 (head) on the 500 MedQA
// questions of ThoughtSource, analysed with Hetionet and the Disease Ontology.
void TestCompareMode::screenshotsOfGpt35AgainstGpt4() {
    RS_REQUIRE_SHARED("outputs/thoughtsource-medqa500-gpt-3.5-turbo.json");
    RS_REQUIRE_SHARED("outputs/thoughtsource-medqa500-gpt-4.json");
    RS_REQUIRE_SHARED("kg/hetionet-edges-5k.sif.gz");
    PipelineRequest req;
    req.resourcesDir = resourcesDir();
    const QString kg = rs::test::sharedDataDir() + "/kg/";
    for (const char* f : {"hetionet-nodes.tsv", "hetionet-edges-5k.sif.gz",
                          "do-disease-symptom.tsv", "do-HumanDO.tsv"})
        req.kgFiles.push_back((kg + f).toStdString());
    for (const char* f :
         {"thoughtsource-medqa500-gpt-3.5-turbo.json", "thoughtsource-medqa500-gpt-4.json"})
        req.inputFiles.push_back(
            rs::test::sharedFile(QStringLiteral("outputs/") + f).toStdString());
    const QString project = dir_.filePath("gpt.rsproj");
    req.projectPath = project.toStdString();
    const PipelineResult r = rs::runAnalysis(req, {});
    QVERIFY2(r.ok, r.fatalError.c_str());

    window_ = std::make_unique<MainWindow>();
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    QVERIFY(window_->openProject(project, true));
    QString error;
    QVERIFY2(window_->enterCompareMode("gpt-3.5-turbo/zhou-01", "gpt-4/zhou-01", &error),
             qPrintable(error));
    QVERIFY(compare()->comparison()->regressions() > 0);
    QVERIFY(compare()->comparison()->fixes() > compare()->comparison()->regressions());
    QDir().mkpath(RS_SCREENSHOT_DIR);
    const auto save = [](QWidget* w, const char* name) {
        QTest::qWait(300);
        const QImage image = w->grab().toImage();
        QVERIFY(!image.isNull());
        QVERIFY(image.save(QStringLiteral(RS_SCREENSHOT_DIR "/") + name));
    };
    compare()->bar()->setChange(Change::Regressions);
    save(window_.get(), "compare-table.png");
    // The overview whole, not only what its dock shows without scrolling.
    auto* overview = compare()->dashboard()->findChild<QScrollArea*>();
    QVERIFY(overview && overview->widget());
    save(overview->widget(), "compare-dashboard.png");
    // A fix with a branch finding on the base side and reference paths on both, with room
    // for the two answers and the two paths below the table.
    compare()->bar()->setChange(Change::All);
    window_->resize(1600, 1200);
    QTest::qWait(100);
    // The overview's tabs need about 620 pixels; the rest goes to the case below.
    window_->resizeDocks({window_->findChild<QDockWidget*>("compareDashboardDock"),
                          window_->findChild<QDockWidget*>("comparePathDock")},
                         {400, 800}, Qt::Vertical);
    QTest::qWait(100);
    QVERIFY(window_->showComparedQuestion("med_qa:med_qa_test_15"));
    save(window_.get(), "compare-case.png");
}

QTEST_MAIN(TestCompareMode)
#include "tst_comparemode.moc"
