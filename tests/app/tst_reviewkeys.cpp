// A clinician's first minutes with the keyboard, in the real window under Xvfb: every key
// goes to whatever widget has the focus (QApplication::focusWidget()), the way a keyboard
// delivers it, never into the window's slots. The project is the ThoughtSource GPT-4 set
// analysed against Hetionet when ../shared is there, the bundled demo otherwise; the
// screenshot series of the review flow needs the real cases and skips without them.
#include "AnalysisPipeline.h"
#include "CaseTableModel.h"
#include "MainWindow.h"
#include "ResourceLocator.h"
#include "ReviewPanel.h"
#include "SharedData.h"

#include <QAbstractItemView>
#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <set>

using namespace rs;

namespace {

// A key as the keyboard sends it: to the widget that has the focus.
void press(QKeyCombination key) {
    QWidget* focus = QApplication::focusWidget();
    QVERIFY2(focus, "no widget has the keyboard focus");
    QTest::keyClick(focus, key.key(), key.keyboardModifiers());
}

void type(const QString& text) {
    QWidget* focus = QApplication::focusWidget();
    QVERIFY2(focus, "no widget has the keyboard focus");
    QTest::keyClicks(focus, text);
}

// A screenshot for docs/ in under 300 KB: the 256 most frequent colours of the window (a
// user interface has few; anti-aliased text maps to its nearest) as a palette image.
QImage paletteImage(const QImage& shot) {
    const QImage rgb = shot.convertToFormat(QImage::Format_RGB32);
    QHash<QRgb, int> counts;
    for (int y = 0; y < rgb.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x)
            ++counts[line[x]];
    }
    QList<std::pair<int, QRgb>> byCount;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        byCount.append({it.value(), it.key()});
    std::sort(byCount.begin(), byCount.end(),
              [](const auto& a, const auto& b) { return a.first > b.first; });
    QList<QRgb> table;
    for (int i = 0; i < byCount.size() && i < 256; ++i)
        table.append(byCount[i].second);
    return rgb.convertToFormat(QImage::Format_Indexed8, table, Qt::ThresholdDither);
}

std::size_t reviewCount(const ProjectStore& store, qint64 caseId) {
    return store.reviews(std::int64_t(caseId)).size();
}

} // namespace

class TestReviewKeys : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void typingOneFirstRecordsAVerdictNotASearch();
    void clickTheQueueThenReviewByKeys();
    void twentyCasesByKeyboardAlone();
    void screenshotSeriesOfTheReviewFlow();

private:
    void openWindow();
    QTableView* table() const { return window_->findChild<QTableView*>("caseTable"); }
    QLineEdit* search() const { return window_->findChild<QLineEdit*>("search"); }

    QTemporaryDir dir_;
    QString project_;
    bool realData_ = false;
    std::unique_ptr<MainWindow> window_;
};

void TestReviewKeys::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(dir_.isValid());
    PipelineRequest req;
    req.resourcesDir = resourcesDir();
    const QString gpt4 = rs::test::sharedFile("outputs/thoughtsource-medqa500-gpt-4.json");
    realData_ = !gpt4.isEmpty() && QFileInfo::exists(gpt4) &&
                QFileInfo::exists(rs::test::sharedFile("kg/hetionet-edges-5k.sif.gz"));
    if (realData_) {
        const QString kg = rs::test::sharedDataDir() + "/kg/";
        for (const char* f : {"hetionet-nodes.tsv", "hetionet-edges-5k.sif.gz",
                              "do-disease-symptom.tsv", "do-HumanDO.tsv"})
            req.kgFiles.push_back((kg + f).toStdString());
        req.inputFiles = {gpt4.toStdString()};
    } else {
        const std::filesystem::path res(req.resourcesDir);
        req.kgFiles = {(res / "demo" / "kg" / "demo-kg.tsv").string()};
        req.inputFiles = {(res / "demo" / "outputs" / "demo-outputs.jsonl").string()};
    }
    project_ = dir_.filePath("review.rsproj");
    req.projectPath = project_.toStdString();
    const PipelineResult r = rs::runAnalysis(req, {});
    QVERIFY2(r.ok, r.fatalError.c_str());
    QVERIFY(r.casesAnalysed >= 40);
    qInfo("project: %s (%zu cases)", realData_ ? "ThoughtSource GPT-4" : "demo", r.casesAnalysed);
}

void TestReviewKeys::init() {
    QSettings().clear(); // no remembered reviewer, default layout
    // Each test starts from a project nobody has reviewed yet.
    const QString copy =
        dir_.filePath(QStringLiteral("%1.rsproj").arg(QTest::currentTestFunction()));
    QFile::remove(copy);
    QVERIFY(QFile::copy(project_, copy));
    window_ = std::make_unique<MainWindow>();
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    // Xvfb has no window manager to activate the window; shortcuts need an active one.
    window_->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window_.get()));
    QVERIFY(window_->openProject(copy, true));
}

void TestReviewKeys::cleanup() {
    window_.reset();
}

void TestReviewKeys::typingOneFirstRecordsAVerdictNotASearch() {
    ReviewPanel* panel = window_->reviewPanel();
    const int rows = window_->caseModel()->rowCount();
    // Opened on the case a reviewer starts with: the queue's first, selected in the table.
    const qint64 opened = window_->currentCaseId();
    QCOMPARE(panel->queue()->indexOf(opened), std::int64_t(0));
    QCOMPARE(table()->currentIndex().row(), window_->caseModel()->rowOfCase(opened));
    QVERIFY(QApplication::focusWidget() != search());
    QVERIFY(window_->windowTitle().startsWith(
        window_->caseModel()
            ->index(table()->currentIndex().row(), CaseTableModel::TitleColumn)
            .data()
            .toString()));

    // No reviewer yet: "1" records nothing and asks for the name in the panel itself.
    press(Qt::Key_1);
    QCOMPARE(search()->text(), QString());
    QCOMPARE(window_->caseModel()->rowCount(), rows);
    QCOMPARE(reviewCount(*window_->store(), opened), std::size_t(0));
    QCOMPARE(QApplication::focusWidget()->objectName(), QString("reviewerName"));
    QVERIFY(panel->isAncestorOf(QApplication::focusWidget()));
    QVERIFY(panel->findChild<QLabel*>("reviewerNote")->text().contains("reports"));
    type("Dr Keys");
    press(Qt::Key_Return);
    QCOMPARE(panel->reviewer(), QString("Dr Keys"));
    QCOMPARE(QSettings().value("review/reviewer").toString(), QString("Dr Keys"));
    press(Qt::Key_Escape); // out of the name field, back to the review keys
    QCOMPARE(QApplication::focusWidget(), panel->keyHome());

    press(Qt::Key_1);
    QCOMPARE(search()->text(), QString());
    QCOMPARE(window_->caseModel()->rowCount(), rows);
    const auto reviews = window_->store()->reviews(std::int64_t(opened));
    QCOMPARE(reviews.size(), std::size_t(1));
    QCOMPARE(reviews[0].verdict, std::string("confirmed"));
    QCOMPARE(reviews[0].reviewer, std::string("Dr Keys"));
    QVERIFY(reviews[0].findingId.has_value()); // the first finding, not the case
}

void TestReviewKeys::clickTheQueueThenReviewByKeys() {
    ReviewPanel* panel = window_->reviewPanel();
    panel->setReviewer("Dr Keys", "physician");
    const int rows = window_->caseModel()->rowCount();
    // The Review tab, then a click on the first row of the queue: the natural first move.
    window_->findChild<QDockWidget*>("reviewDock")->raise();
    auto* queueView = panel->findChild<QTableView*>(ReviewPanel::kQueueView);
    QTRY_VERIFY(!queueView->visibleRegion().isEmpty());
    QTRY_VERIFY(queueView->model()->rowCount() > 2);
    const QRect firstRow =
        queueView->visualRect(queueView->model()->index(0, CaseTableModel::TitleColumn));
    QTest::mouseClick(queueView->viewport(), Qt::LeftButton, {}, firstRow.center());
    const qint64 first = panel->queue()->next(-1);
    QCOMPARE(panel->currentCase(), first);
    QCOMPARE(window_->currentCaseId(), first);
    QCOMPARE(QApplication::focusWidget(), queueView);

    // J: the next case of the queue, everywhere, not the view's type-ahead search.
    press(Qt::Key_J);
    const qint64 second = panel->queue()->next(first);
    QCOMPARE(panel->currentCase(), second);
    QCOMPARE(window_->currentCaseId(), second);
    QCOMPARE(panel->currentTarget(), 0);

    // ] and [ walk the targets.
    press(Qt::Key_BracketRight);
    QCOMPARE(panel->currentTarget(), 1);
    press(Qt::Key_BracketLeft);
    QCOMPARE(panel->currentTarget(), 0);

    // 1 confirms the first finding and moves to the next target.
    press(Qt::Key_1);
    auto reviews = window_->store()->reviews(std::int64_t(second));
    QCOMPARE(reviews.size(), std::size_t(1));
    QCOMPARE(reviews.back().verdict, std::string("confirmed"));
    QCOMPARE(panel->currentTarget(), 1);

    // C opens the comment; digits typed there are text, not verdicts; Esc leaves it.
    press(Qt::Key_C);
    auto* comment = panel->findChild<QPlainTextEdit*>(ReviewPanel::kComment);
    QCOMPARE(QApplication::focusWidget(), comment);
    type("2 findings point to dissection");
    QCOMPARE(comment->toPlainText(), QString("2 findings point to dissection"));
    QCOMPARE(window_->store()->reviews(std::int64_t(second)).size(), std::size_t(1));
    press(Qt::Key_Escape);
    QCOMPARE(QApplication::focusWidget(), panel->keyHome());

    // Alt+2 sets the severity; 2 rejects the target with that severity and the comment.
    press(QKeyCombination(Qt::AltModifier, Qt::Key_2));
    const int targets = panel->targetCount();
    press(Qt::Key_2);
    reviews = window_->store()->reviews(std::int64_t(second));
    QCOMPARE(reviews.size(), std::size_t(2));
    QCOMPARE(reviews.back().verdict, std::string("rejected"));
    QCOMPARE(reviews.back().severity, std::string("major"));
    QCOMPARE(reviews.back().comment, std::string("2 findings point to dissection"));
    QCOMPARE(reviews.back().findingId.has_value(), targets > 2); // a finding, or the case

    // 3: unsure on the next target (the case's sign-off moves on to the next case).
    const qint64 before = panel->currentCase();
    press(Qt::Key_3);
    QCOMPARE(window_->store()->reviews(std::int64_t(before)).back().verdict, std::string("unsure"));

    // Nothing of it reached the search box or the table's filter.
    QCOMPARE(search()->text(), QString());
    QCOMPARE(window_->caseModel()->rowCount(), rows);
    QCOMPARE(window_->currentCaseId(), panel->currentCase());
}

void TestReviewKeys::twentyCasesByKeyboardAlone() {
    // From the opened window: F2, the name typed where the panel asks for it, then one
    // key per target; the case's sign-off moves on. No mouse, no slot calls.
    press(Qt::Key_F2);
    ReviewPanel* panel = window_->reviewPanel();
    QCOMPARE(QApplication::focusWidget(), panel->keyHome());
    QCOMPARE(panel->queue()->indexOf(panel->currentCase()), std::int64_t(0));
    press(Qt::Key_1); // asks for the name
    type("Dr Keys");
    press(Qt::Key_Return);
    press(Qt::Key_Escape);
    // Fewer than 20 flagged cases: Alt+Y ("Flagged only") queues every case of the filter.
    if (panel->queue()->size() < 20) {
        press(QKeyCombination(Qt::AltModifier, Qt::Key_Y));
        QTRY_VERIFY(!panel->flaggedOnly()); // a mnemonic clicks after a short animation
    }
    const int cases = int(std::min<std::int64_t>(20, panel->queue()->size()));
    QVERIFY(cases >= 20 || !realData_);
    std::set<qint64> signedOff;
    for (int i = 0; i < cases; ++i) {
        const qint64 c = panel->currentCase();
        QCOMPARE(window_->currentCaseId(), c);
        QVERIFY(!signedOff.count(c));
        // The first finding (when there is one) rejected, the others confirmed, the case
        // signed off, which moves on to the next case.
        if (panel->targetCount() > 1)
            press(Qt::Key_2);
        while (panel->currentCase() == c && panel->currentTarget() < panel->targetCount() - 1)
            press(Qt::Key_1);
        press(Qt::Key_1);
        QVERIFY(loadCaseReviewState(*window_->store(), c).caseVerdict.has_value());
        signedOff.insert(c);
    }
    QCOMPARE(int(signedOff.size()), cases);
    QCOMPARE(panel->queue()->reviewedCount(), std::int64_t(cases));
    QCOMPARE(search()->text(), QString());
}

void TestReviewKeys::screenshotSeriesOfTheReviewFlow() {
    if (!realData_)
        QSKIP("the screenshot series shows a real ThoughtSource case (needs ../shared/data)");
    const QString out = QStringLiteral(RS_SCREENSHOT_DIR);
    QDir().mkpath(out);
    auto shoot = [&](const char* name) {
        QTRY_VERIFY(!window_->isUpdatingViews());
        QTest::qWait(300);
        const QImage shot = paletteImage(window_->grab().toImage());
        QVERIFY(shot.save(out + "/" + name, "PNG", 0));
        QVERIFY2(QFileInfo(out + "/" + name).size() < 300 * 1024, name);
        qInfo("screenshot: %s/%s", qPrintable(out), name);
    };
    window_->reviewPanel()->setReviewer("Dr Ada Byrne", "physician");
    shoot("review-1-open.png");
    press(Qt::Key_F2);
    ReviewPanel* panel = window_->reviewPanel();
    // J to the first case with two findings or more, so that three verdicts land on one case.
    for (std::int64_t i = 0; i < panel->queue()->size() && panel->targetCount() < 3; ++i)
        press(Qt::Key_J);
    if (panel->targetCount() < 3)
        press(Qt::Key_F2);
    const qint64 c = panel->currentCase();
    const int targets = panel->targetCount();
    shoot("review-2-mode.png");
    press(Qt::Key_1);
    press(Qt::Key_2);
    press(Qt::Key_3);
    QCOMPARE(window_->store()->reviews(std::int64_t(c)).size(), std::size_t(std::min(3, targets)));
    // The third verdict may have been the sign-off, which moves on: K shows the case again.
    if (window_->reviewPanel()->currentCase() != c)
        press(Qt::Key_K);
    QCOMPARE(window_->reviewPanel()->currentCase(), c);
    shoot("review-3-verdicts.png");
    press(Qt::Key_J);
    QVERIFY(window_->reviewPanel()->currentCase() != c);
    shoot("review-4-next.png");
}

QTEST_MAIN(TestReviewKeys)
#include "tst_reviewkeys.moc"
