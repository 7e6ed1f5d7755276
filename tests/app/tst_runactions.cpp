// Runs in the real window (Xvfb): an interrupted run is marked in the run filter, the Runs
// menu and the overview's accuracy chart; a run is renamed, described and deleted through
// the Runs menu and the run filter's context menu, with the dialogs answered as a user
// would; a delete names its cases and verdicts first and does nothing when cancelled; the
// views follow each edit. Saves the screenshots of docs/screenshots/runs-*.png.
#include "AnalysisPipeline.h"
#include "CaseTableModel.h"
#include "DashboardView.h"
#include "MainWindow.h"
#include "ProjectStore.h"
#include "ResourceLocator.h"
#include "RunActions.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QInputDialog>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <filesystem>
#include <functional>

using namespace rs;

namespace {

constexpr const char* kRunA = "demo-model-a 2024-06";
constexpr const char* kRunB = "demo-model-b 2024-06";
constexpr const char* kRunC = "demo-model-c 2024-07"; // marked interrupted by the test

// Answers the modal dialogs that open next, one handler each, in order, as they appear
// (the timer runs inside their event loops). A handler returns false to wait for the next
// poll. Whatever is left unanswered is counted, so a dialog that never came fails the test.
class DialogAnswers : public QObject {
public:
    using Handler = std::function<bool(QWidget*)>;
    explicit DialogAnswers(std::vector<Handler> handlers) : handlers_(std::move(handlers)) {
        timer_.setInterval(50);
        connect(&timer_, &QTimer::timeout, this, [this] {
            QWidget* modal = QApplication::activeModalWidget();
            if (!modal || next_ >= handlers_.size())
                return;
            if (modal != last_ && handlers_[next_](modal)) {
                last_ = modal;
                ++next_;
            }
        });
        timer_.start();
    }
    std::size_t unanswered() const { return handlers_.size() - next_; }

private:
    std::vector<Handler> handlers_;
    std::size_t next_ = 0;
    QWidget* last_ = nullptr;
    QTimer timer_;
};

DialogAnswers::Handler typeText(const char* dialogName, const QString& text) {
    return [dialogName, text](QWidget* w) {
        auto* d = qobject_cast<QInputDialog*>(w);
        if (!d || d->objectName() != QLatin1String(dialogName))
            return false;
        d->setTextValue(text);
        d->accept();
        return true;
    };
}

QString screenshotDir() {
    QDir().mkpath(RS_SCREENSHOT_DIR);
    return QStringLiteral(RS_SCREENSHOT_DIR);
}

// The screen where the window is: popup menus and dialogs are windows of their own.
bool grabScreen(const QWidget* window, const QString& name) {
    const QRect r = window->frameGeometry();
    return QGuiApplication::primaryScreen()
        ->grabWindow(0, r.x(), r.y(), r.width(), r.height())
        .save(screenshotDir() + "/" + name);
}

} // namespace

class TestRunActions : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void interruptedRunIsMarked();
    void renameThroughTheRunsMenu_data();
    void renameThroughTheRunsMenu();
    void describeThroughTheRunsMenu();
    void deleteAsksFirst_data();
    void deleteAsksFirst();
    void anotherConnectionsEditsShowUp();
    void screenshots();

private:
    std::int64_t runId(const char* label) const;
    QAction* runAction(std::int64_t run, const char* action);
    QComboBox* runFilter() const { return window_->findChild<QComboBox*>("runFilter"); }
    QStringList runFilterTexts() const;
    QStringList accuracyCategories() const;
    QStringList runColumn() const;

    QTemporaryDir dir_;
    QString template_, project_;
    std::int64_t reviewedCase_ = -1;
    std::unique_ptr<MainWindow> window_;
};

// The demo (runs a, b, c; 47 cases) with run c cut short as a killed analysis leaves it
// and two verdicts on a case of run b.
void TestRunActions::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QVERIFY(dir_.isValid());
    template_ = dir_.filePath("template.rsproj");
    PipelineRequest req;
    req.resourcesDir = resourcesDir();
    const std::filesystem::path res(req.resourcesDir);
    req.kgFiles = {(res / "demo" / "kg" / "demo-kg.tsv").string()};
    req.inputFiles = {(res / "demo" / "outputs" / "demo-outputs.jsonl").string()};
    req.projectPath = template_.toStdString();
    const PipelineResult r = rs::runAnalysis(req, {});
    QVERIFY2(r.ok, r.fatalError.c_str());
    QCOMPARE(r.casesAnalysed, std::size_t(47));
    std::string error;
    auto store = ProjectStore::open(template_.toStdString(), &error);
    QVERIFY2(store, error.c_str());
    for (const auto& run : store->runs())
        if (run.label == kRunC)
            store->setRunComplete(run.id, false);
    const auto c = store->loadCase("demo-q03", kRunB);
    QVERIFY(c && !c->findingIds.empty());
    reviewedCase_ = c->id;
    ProjectStore::Review review;
    review.caseId = c->id;
    review.reviewer = "ann";
    review.role = "clinician";
    review.verdict = "confirmed";
    store->addReview(review);
    review.findingId = c->findingIds.front();
    store->addReview(review);
}

void TestRunActions::init() {
    project_ = dir_.filePath("p.rsproj");
    for (const char* suffix : {"", "-wal", "-shm"})
        QFile::remove(project_ + suffix);
    QVERIFY(QFile::copy(template_, project_));
    window_ = std::make_unique<MainWindow>();
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    window_->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window_.get()));
    QVERIFY(window_->openProject(project_, true));
    QTRY_VERIFY(!window_->isUpdatingViews());
}

void TestRunActions::cleanup() {
    window_.reset();
}

std::int64_t TestRunActions::runId(const char* label) const {
    for (const auto& run : window_->store()->runs())
        if (run.label == label)
            return run.id;
    return -1;
}

// The action in the Runs menu's submenu of a run, as the menu shows it when opened.
QAction* TestRunActions::runAction(std::int64_t run, const char* action) {
    QMenu* runs = window_->findChild<QMenu*>("runsMenu");
    if (!runs)
        return nullptr;
    emit runs->aboutToShow(); // as opening it does: rebuilt from the store
    auto* sub = runs->findChild<QMenu*>(QStringLiteral("runMenu-%1").arg(run));
    return sub ? sub->findChild<QAction*>(action) : nullptr;
}

QStringList TestRunActions::runFilterTexts() const {
    QStringList out;
    for (int i = 0; i < runFilter()->count(); ++i)
        out << runFilter()->itemText(i);
    return out;
}

QStringList TestRunActions::accuracyCategories() const {
    auto* view = window_->findChild<QChartView*>(DashboardView::kAccuracyChart);
    if (!view)
        return {};
    for (QAbstractAxis* axis : view->chart()->axes())
        if (auto* cats = qobject_cast<QBarCategoryAxis*>(axis))
            return cats->categories();
    return {};
}

QStringList TestRunActions::runColumn() const {
    QStringList out;
    CaseTableModel* model = window_->caseModel();
    for (int row = 0; row < model->rowCount(); ++row)
        out << model->index(row, CaseTableModel::RunColumn).data().toString();
    out.removeDuplicates();
    return out;
}

void TestRunActions::interruptedRunIsMarked() {
    QCOMPARE(runFilterTexts(),
             (QStringList{"All runs", kRunA, kRunB, QString(kRunC) + " (interrupted)"}));
    QVERIFY(runFilter()->itemData(3, Qt::ToolTipRole).toString().contains("Interrupted"));
    QVERIFY(runFilter()->itemData(2, Qt::ToolTipRole).isNull());
    // The case table's Run column marks the same run the same way.
    QTRY_COMPARE(window_->caseModel()->rowCount(), 47);
    const QStringList column = runColumn();
    QVERIFY2(column.contains(QString(kRunC) + " (interrupted)") && !column.contains(kRunC) &&
                 column.contains(kRunA) && column.contains(kRunB),
             qPrintable(column.join(", ")));
    const QStringList categories = accuracyCategories();
    QCOMPARE(categories.size(), 3);
    QVERIFY2(categories.filter("(interrupted)").size() == 1, qPrintable(categories.join(", ")));
    QVERIFY2(categories.filter("(interrupted)").front().startsWith("demo-model-c"),
             qPrintable(categories.join(", ")));
    QMenu* runs = window_->findChild<QMenu*>("runsMenu");
    QVERIFY(runs && window_->menuBar()->actions().contains(runs->menuAction()));
    emit runs->aboutToShow();
    auto* sub = runs->findChild<QMenu*>(QStringLiteral("runMenu-%1").arg(runId(kRunC)));
    QVERIFY(sub);
    QVERIFY2(sub->title().contains("interrupted") && sub->title().contains("5 cases"),
             qPrintable(sub->title()));
}

void TestRunActions::renameThroughTheRunsMenu_data() {
    QTest::addColumn<QString>("newLabel");
    QTest::addColumn<bool>("renamed");
    QTest::addRow("new label") << "model-b v2" << true;
    QTest::addRow("another run's label") << kRunA << false;
    QTest::addRow("blank") << "   " << false;
}

void TestRunActions::renameThroughTheRunsMenu() {
    QFETCH(QString, newLabel);
    QFETCH(bool, renamed);
    const std::int64_t b = runId(kRunB);
    // Filter to the run first: the choice must survive the rename.
    runFilter()->setCurrentIndex(2);
    QTRY_COMPARE(window_->caseModel()->rowCount(), 21);
    QAction* rename = runAction(b, "renameRun");
    QVERIFY(rename);
    std::vector<DialogAnswers::Handler> answers{typeText(RunActions::kRenameDialog, newLabel)};
    QString warning;
    if (!renamed)
        answers.push_back([&warning](QWidget* w) {
            auto* box = qobject_cast<QMessageBox*>(w);
            if (!box)
                return false;
            warning = box->text();
            box->accept();
            return true;
        });
    DialogAnswers dialogs(answers);
    rename->trigger();
    QCOMPARE(dialogs.unanswered(), std::size_t(0));
    const QString expected = renamed ? newLabel : QString(kRunB);
    QCOMPARE(runFilterTexts().value(2), expected);
    QCOMPARE(runFilter()->currentIndex(), 2);
    QCOMPARE(window_->caseModel()->rowCount(), 21);
    QCOMPARE(runColumn(), QStringList{expected});
    QCOMPARE(QString::fromStdString(window_->store()->runs().at(1).label), expected);
    if (renamed) {
        QVERIFY2(window_->statusBar()->currentMessage().contains(newLabel),
                 qPrintable(window_->statusBar()->currentMessage()));
        QTRY_VERIFY(!window_->isUpdatingViews());
        QVERIFY(accuracyCategories().join("|").contains(newLabel.left(10)));
    } else {
        QVERIFY2(!warning.isEmpty(), "no warning was shown");
    }
}

void TestRunActions::describeThroughTheRunsMenu() {
    const std::int64_t a = runId(kRunA);
    QAction* describe = runAction(a, "describeRun");
    QVERIFY(describe);
    DialogAnswers dialogs({typeText(RunActions::kDescribeDialog, "GPT-4 0613, zero-shot CoT")});
    describe->trigger();
    QCOMPARE(dialogs.unanswered(), std::size_t(0));
    QCOMPARE(window_->store()->runs().front().description,
             std::string("GPT-4 0613, zero-shot CoT"));
    QVERIFY(runFilter()->itemData(1, Qt::ToolTipRole).toString().contains("zero-shot CoT"));
}

void TestRunActions::deleteAsksFirst_data() {
    QTest::addColumn<bool>("confirm");
    QTest::addRow("cancelled") << false;
    QTest::addRow("confirmed") << true;
}

// From the run filter's context menu, with the filter on the run being deleted.
void TestRunActions::deleteAsksFirst() {
    QFETCH(bool, confirm);
    const std::int64_t b = runId(kRunB);
    runFilter()->setCurrentIndex(2);
    QTRY_COMPARE(window_->caseModel()->rowCount(), 21);
    const qint64 current = window_->currentCaseId();
    QVERIFY(current >= 0);

    emit runFilter()->customContextMenuRequested(runFilter()->rect().center());
    QMenu* context = nullptr;
    QTRY_VERIFY((context = window_->findChild<QMenu*>("runContextMenu")) != nullptr);
    QAction* remove = context->findChild<QAction*>("deleteRun");
    QVERIFY(remove);
    QString question;
    DialogAnswers dialogs({[&](QWidget* w) {
        auto* box = qobject_cast<QMessageBox*>(w);
        if (!box || box->objectName() != QLatin1String(RunActions::kDeleteDialog))
            return false;
        question = box->text() + "\n" + box->informativeText();
        if (confirm)
            box->findChild<QPushButton*>("confirmDelete")->click();
        else
            box->reject();
        return true;
    }});
    context->close();
    remove->trigger();
    QCOMPARE(dialogs.unanswered(), std::size_t(0));
    // The question names the run and what goes with it.
    QVERIFY2(question.contains(kRunB), qPrintable(question));
    QVERIFY2(question.contains("21 cases"), qPrintable(question));
    QVERIFY2(question.contains("2 review verdicts"), qPrintable(question));

    if (!confirm) {
        QCOMPARE(window_->store()->runs().size(), std::size_t(3));
        QCOMPARE(window_->caseModel()->rowCount(), 21);
        QCOMPARE(window_->currentCaseId(), current);
        QCOMPARE(window_->store()->reviews(reviewedCase_).size(), std::size_t(2));
        return;
    }
    QCOMPARE(window_->store()->runs().size(), std::size_t(2));
    QVERIFY(!window_->store()->loadCase(std::int64_t(reviewedCase_)));
    // The filter's run is gone: back to all runs, the rest of the cases, a current case.
    QCOMPARE(runFilterTexts(), (QStringList{"All runs", kRunA, QString(kRunC) + " (interrupted)"}));
    QCOMPARE(runFilter()->currentIndex(), 0);
    QCOMPARE(window_->caseModel()->rowCount(), 26);
    QVERIFY(!runColumn().contains(kRunB));
    QVERIFY(window_->currentCaseId() >= 0 && window_->currentCaseId() != current);
    QTRY_VERIFY(!window_->isUpdatingViews());
    QCOMPARE(accuracyCategories().size(), 2);
    QVERIFY(window_->statusBar()->currentMessage().contains("Deleted run"));
    // Another connection sees a sound file.
    std::string error;
    auto other = ProjectStore::openReadOnly(project_.toStdString(), &error);
    QVERIFY2(other, error.c_str());
    QCOMPARE(other->countCases(), std::int64_t(26));
    QVERIFY(runId(kRunB) < 0 && b > 0);
}

// `reasonscope runs` or another window renames and deletes runs in the same file: the
// window's poll notices, the run filter follows, and a filter on the deleted run falls back
// to all runs instead of showing an empty table.
void TestRunActions::anotherConnectionsEditsShowUp() {
    runFilter()->setCurrentIndex(2);
    QTRY_COMPARE(window_->caseModel()->rowCount(), 21);
    std::string error;
    auto other = ProjectStore::open(project_.toStdString(), &error);
    QVERIFY2(other, error.c_str());
    other->renameRun(runId(kRunA), "renamed elsewhere");
    QTRY_COMPARE(runFilterTexts().value(1), QStringLiteral("renamed elsewhere"));
    QCOMPARE(runFilter()->currentIndex(), 2);
    QCOMPARE(window_->caseModel()->rowCount(), 21);
    other->deleteRun(runId(kRunB));
    QTRY_COMPARE(runFilterTexts().size(), 3);
    QCOMPARE(runFilter()->currentIndex(), 0);
    QTRY_COMPARE(window_->caseModel()->rowCount(), 26);
}

// docs/screenshots/runs-*.png: the window with an interrupted run (the accuracy chart and
// the run filter's list mark it), the Runs menu open on it, and the delete question.
void TestRunActions::screenshots() {
    window_->resize(1500, 950);
    QTRY_VERIFY(!window_->isUpdatingViews());
    QTest::qWait(300);
    runFilter()->showPopup();
    QTest::qWait(300);
    QVERIFY(grabScreen(window_.get(), "runs-interrupted.png"));
    runFilter()->hidePopup();

    QMenu* runs = window_->findChild<QMenu*>("runsMenu");
    runs->popup(
        window_->mapToGlobal(window_->menuBar()->actionGeometry(runs->menuAction()).bottomLeft()));
    QTRY_VERIFY(runs->isVisible());
    auto* sub = runs->findChild<QMenu*>(QStringLiteral("runMenu-%1").arg(runId(kRunC)));
    QVERIFY(sub);
    runs->setActiveAction(sub->menuAction());
    QTest::keyClick(runs, Qt::Key_Right); // opens the submenu where a user would see it
    QTRY_VERIFY(sub->isVisible());
    // Without a window manager Xvfb may leave the submenu over its parent: put it beside.
    const QRect parent = runs->geometry();
    sub->move(parent.right() + 1, parent.top() + runs->actionGeometry(sub->menuAction()).top());
    QTest::qWait(300);
    QVERIFY(grabScreen(window_.get(), "runs-menu.png"));
    sub->close();
    runs->close();

    bool shot = false;
    DialogAnswers dialogs({[&](QWidget* w) {
        if (w->objectName() != QLatin1String(RunActions::kDeleteDialog))
            return false;
        QTest::qWait(300);
        shot = grabScreen(window_.get(), "runs-delete-dialog.png");
        qobject_cast<QMessageBox*>(w)->reject();
        return true;
    }});
    window_->runActions()->deleteRun(runId(kRunB));
    QVERIFY(shot);
    QCOMPARE(window_->store()->runs().size(), std::size_t(3));
}

QTEST_MAIN(TestRunActions)
#include "tst_runactions.moc"
