// A reasoning model's case in the window: a JSONL with <think> traces and an lm-eval
// log-likelihood sample (task medmcqa, from its file name), both written for this test
// (tests/data), analysed into a project and opened in the main window. The instance view
// shows the trace under "Reasoning trace" and the final answer apart from it, folds a long
// trace and unfolds it for a mark in the folded part; the log-likelihood case says why
// it has no text. Saves a screenshot.
#include "AnalysisPipeline.h"
#include "InstanceView.h"
#include "MainWindow.h"
#include "ProjectStore.h"
#include "ReasoningTraceBar.h"
#include "ResourceLocator.h"

#include <QDir>
#include <QListWidget>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextBrowser>
#include <QToolButton>
#include <QtTest>

#include <filesystem>
#include <set>

using namespace rs;

namespace {

const QString kTraceCase = QStringLiteral("think-mi");
const QString kFinalAnswer = QStringLiteral("The answer is B: myocardial infarction.");
const QString kFoldedSentence = QStringLiteral("Nitroglycerin would ease the pain");

// Whether the document block holding the first occurrence of text is shown.
bool blockShown(QTextBrowser* text, const QString& needle) {
    const QTextCursor at = text->document()->find(needle);
    return !at.isNull() && at.block().isVisible();
}

} // namespace

class TestReasoningTrace : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void storeKeepsTraceAnswerAndScoring();
    void traceShownApartFromTheAnswer();
    void markInTheFoldedPartUnfoldsIt();
    void loglikelihoodCaseSaysWhyThereIsNoText();
    void screenshot();

private:
    InstanceView* instance() const { return window_->findChild<InstanceView*>(); }

    QTemporaryDir dir_;
    QString project_;
    std::unique_ptr<MainWindow> window_;
};

void TestReasoningTrace::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QVERIFY(dir_.isValid());
    project_ = dir_.filePath("trace.rsproj");
    PipelineRequest req;
    req.resourcesDir = resourcesDir();
    const std::filesystem::path res(req.resourcesDir);
    const std::filesystem::path data(RS_TEST_DATA_DIR);
    req.kgFiles = {(res / "demo" / "kg" / "demo-kg.tsv").string()};
    req.inputFiles = {(data / "reasoning-trace.jsonl").string(),
                      (data / "samples_medmcqa.jsonl").string()};
    req.projectPath = project_.toStdString();
    const PipelineResult r = rs::runAnalysis(req, {});
    QVERIFY2(r.ok, r.fatalError.c_str());
    QCOMPARE(r.casesAnalysed, std::size_t(3));
    for (const auto& in : r.inputs)
        QVERIFY2(in.failed == 0 && in.fatalError.empty(), in.path.c_str());
}

void TestReasoningTrace::init() {
    window_ = std::make_unique<MainWindow>();
    window_->resize(1400, 900);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    QVERIFY(window_->openProject(project_, true));
}

void TestReasoningTrace::cleanup() {
    window_.reset();
}

void TestReasoningTrace::storeKeepsTraceAnswerAndScoring() {
    std::string error;
    auto store = ProjectStore::openReadOnly(project_.toStdString(), &error);
    QVERIFY2(store, error.c_str());
    const auto trace = store->loadCase(kTraceCase.toStdString(), "");
    QVERIFY(trace);
    QCOMPARE(QString::fromStdString(trace->data.finalAnswer), kFinalAnswer);
    QVERIFY(!QString::fromStdString(trace->data.output).contains("think>"));
    QVERIFY(QString::fromStdString(trace->data.output).startsWith("Okay, a 58-year-old man"));
    QCOMPARE(QString::fromStdString(trace->data.prediction), QStringLiteral("B"));
    QVERIFY(trace->data.correct.has_value() && *trace->data.correct);
    QVERIFY(!trace->data.scoredFromLoglikelihoods);
    const auto loglik = store->loadCase("medmcqa:0", "");
    QVERIFY(loglik);
    QVERIFY(loglik->data.scoredFromLoglikelihoods);
    QVERIFY(loglik->data.output.empty());
    QVERIFY(loglik->data.correct.has_value() && *loglik->data.correct);
}

void TestReasoningTrace::traceShownApartFromTheAnswer() {
    QVERIFY(window_->showCase(kTraceCase));
    QTRY_VERIFY(!window_->isUpdatingViews());
    InstanceView* view = instance();
    QVERIFY(view);
    const QString doc = view->textView()->toPlainText();
    QVERIFY2(doc.contains("Reasoning trace"), qPrintable(doc));
    QVERIFY(!doc.contains("Model output"));
    QVERIFY(doc.contains("Diaphoresis with chest pain makes me think of acute coronary syndrome"));
    QVERIFY(!doc.contains("<think>") && !doc.contains("</think>"));
    // The final answer is in the bar above the text, not inside the trace.
    QVERIFY(!doc.contains(kFinalAnswer));
    ReasoningTraceBar* bar = view->traceBar();
    QVERIFY(bar->isVisible());
    QCOMPARE(bar->finalAnswerText(), kFinalAnswer);
    // Eight paragraphs: the first six are shown, the last two folded until asked for.
    QVERIFY(bar->isFolded());
    QVERIFY(blockShown(view->textView(), "Elevated troponin together"));
    QVERIFY(!blockShown(view->textView(), "So the diagnosis is an inferior"));
    QVERIFY(bar->foldButton()->isVisible());
    QVERIFY2(bar->foldButton()->text().contains("2 more paragraphs"),
             qPrintable(bar->foldButton()->text()));
    QTest::mouseClick(bar->foldButton(), Qt::LeftButton);
    QVERIFY(!bar->isFolded());
    QVERIFY(blockShown(view->textView(), "So the diagnosis is an inferior"));

    // A short trace is not folded, and its one-letter answer stands apart too.
    QVERIFY(window_->showCase("think-short"));
    QTRY_VERIFY(!window_->isUpdatingViews());
    QCOMPARE(bar->finalAnswerText(), QStringLiteral("A"));
    QVERIFY(!bar->isFolded());
    QVERIFY(!bar->foldButton()->isVisible());
}

void TestReasoningTrace::markInTheFoldedPartUnfoldsIt() {
    QVERIFY(window_->showCase(kTraceCase));
    QTRY_VERIFY(!window_->isUpdatingViews());
    InstanceView* view = instance();
    ReasoningTraceBar* bar = view->traceBar();
    QVERIFY(bar->isFolded());
    QVERIFY(!blockShown(view->textView(), kFoldedSentence));
    // The last paragraph's "right coronary artery occlusion" is a coverage gap (a claim's
    // head with no KG concept); picking it in the gap list highlights it in the folded part,
    // which unfolds.
    QListWidget* gaps = view->gapList();
    QListWidgetItem* gap = nullptr;
    for (int row = 0; row < gaps->count() && !gap; ++row)
        if (gaps->item(row)->data(InstanceView::TitleRole).toString().contains("coronary"))
            gap = gaps->item(row);
    QVERIFY2(gap, "a coverage gap on 'right coronary artery occlusion'");
    gaps->setCurrentItem(gap);
    QVERIFY2(view->highlightedText().contains("coronary"), qPrintable(view->highlightedText()));
    QVERIFY(!bar->isFolded());
    QVERIFY(blockShown(view->textView(), kFoldedSentence));
}

void TestReasoningTrace::loglikelihoodCaseSaysWhyThereIsNoText() {
    QVERIFY(window_->showCase("medmcqa:0"));
    QTRY_VERIFY(!window_->isUpdatingViews());
    InstanceView* view = instance();
    const QString doc = view->textView()->toPlainText();
    QVERIFY2(doc.contains("Scored from log-likelihoods, no written reasoning"), qPrintable(doc));
    QVERIFY(doc.contains("Model output"));
    QVERIFY(!view->traceBar()->isVisible());
}

void TestReasoningTrace::screenshot() {
    QVERIFY(window_->showCase(kTraceCase));
    QTRY_VERIFY(!window_->isUpdatingViews());
    // The trace heading at the top of the instance view, so the picture shows the trace.
    QTextBrowser* text = instance()->textView();
    const QTextCursor heading = text->document()->find(QStringLiteral("Reasoning trace"));
    QVERIFY(!heading.isNull());
    QScrollBar* scroll = text->verticalScrollBar();
    scroll->setValue(scroll->value() + text->cursorRect(heading).top() - 8);
    QTest::qWait(300);
    const QImage shot = window_->grab().toImage();
    QDir().mkpath(RS_SCREENSHOT_DIR);
    const QString path = QStringLiteral(RS_SCREENSHOT_DIR) + "/reasoning-trace.png";
    QVERIFY(shot.save(path));
    std::set<QRgb> colours;
    for (int y = 0; y < shot.height(); y += 7)
        for (int x = 0; x < shot.width(); x += 7)
            colours.insert(shot.pixel(x, y));
    QVERIFY2(colours.size() > 100, "the window renders more than a few flat colours");
    qInfo("screenshot: %s", qPrintable(path));
}

QTEST_MAIN(TestReasoningTrace)
#include "tst_reasoningtrace.moc"
