// The review panel driven by the keyboard, as a clinician would: verdict keys record at
// once and move on, severity and comment keys, J/K through the queue, the reviewer asked
// for once, history shown, and a busy file that loses nothing typed.
#include "ReviewPanel.h"

#include <QAction>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace rs;
using nlohmann::json;

namespace {

json analysis(const std::string& key, const std::vector<std::string>& severities) {
    json f = json::array();
    for (std::size_t i = 0; i < severities.size(); ++i)
        f.push_back({{"type", "relation"},
                     {"subtype", "unsupported"},
                     {"severity", severities[i]},
                     {"step", int(i)},
                     {"nodes", json::array({"a", "b"})},
                     {"explanation", "finding " + std::to_string(i) + " of " + key},
                     {"signature", "sig-" + std::to_string(i)}});
    return {{"id", key}, {"findings", f}};
}

} // namespace

class TestReviewPanel : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void keyboardWorksThroughTheQueue();
    void reviewerIsAskedOnce();
    void busyFileKeepsTheComment();
    void actionsCarryTheShortcuts();

private:
    void press(QKeySequence keys);
    QTemporaryDir dir_;
    std::string path_;
    std::unique_ptr<ProjectStore> store_;
    std::unique_ptr<ReviewPanel> panel_;
    std::int64_t critical_ = -1, minor_ = -1;
};

void TestReviewPanel::init() {
    path_ = dir_.filePath(QString("p%1.rsproj").arg(QTest::currentTestFunction())).toStdString();
    std::string error;
    store_ = ProjectStore::open(path_, &error);
    QVERIFY2(store_, error.c_str());
    const auto run = store_->ensureRun("run", "m", "f", "s");
    for (const auto& [key, sev] : std::vector<std::pair<std::string, std::vector<std::string>>>{
             {"minor-case", {"minor"}},
             {"clean-case", {}},
             {"critical-case", {"major", "critical"}}}) {
        Case c;
        c.key = key;
        c.question = "q";
        c.output = "o";
        const auto id = store_->addCase(c, run);
        store_->saveAnalysis(id, analysis(key, sev));
        (key == "minor-case" ? minor_ : critical_) = key == "clean-case" ? -1 : id;
    }
    panel_ = std::make_unique<ReviewPanel>();
    panel_->setStore(store_.get());
    panel_->setFilter({});
    panel_->resize(500, 700);
    panel_->show();
    panel_->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(panel_.get()));
}

void TestReviewPanel::cleanup() {
    panel_.reset();
    store_.reset();
}

void TestReviewPanel::press(QKeySequence keys) {
    QWidget* target = QApplication::focusWidget() ? QApplication::focusWidget() : panel_.get();
    QTest::keySequence(target, keys);
}

void TestReviewPanel::keyboardWorksThroughTheQueue() {
    panel_->setReviewer("Dr A", "physician");
    QCOMPARE(panel_->progressText(), QString("0 of 2 reviewed"));
    QSignalSpy activated(panel_.get(), &ReviewPanel::caseActivated);
    press(QKeySequence(Qt::Key_J)); // from no case: the first of the queue, the worst
    QCOMPARE(panel_->currentCase(), critical_);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(panel_->currentTarget(), 0);

    press(QKeySequence(Qt::Key_1)); // finding 1 confirmed (its own severity by default)
    QCOMPARE(panel_->currentTarget(), 1);
    press(QKeySequence(Qt::ALT | Qt::Key_1));
    press(QKeySequence(Qt::Key_C));
    auto* comment = panel_->findChild<QPlainTextEdit*>(ReviewPanel::kComment);
    QVERIFY(comment->hasFocus());
    QTest::keyClicks(comment, "not in 2024 guideline"); // digits type into the comment
    press(QKeySequence(Qt::CTRL | Qt::Key_2));          // rejected, from inside the comment
    QCOMPARE(panel_->currentTarget(), 2);               // the whole case
    QVERIFY(comment->toPlainText().isEmpty());

    auto reviews = store_->reviews(critical_);
    QCOMPARE(reviews.size(), std::size_t(2));
    QCOMPARE(reviews[0].verdict, std::string("confirmed"));
    QCOMPARE(reviews[0].severity, std::string("major"));
    QCOMPARE(reviews[1].verdict, std::string("rejected"));
    QCOMPARE(reviews[1].severity, std::string("minor"));
    QCOMPARE(reviews[1].comment, std::string("not in 2024 guideline"));
    QCOMPARE(reviews[1].reviewer, std::string("Dr A"));
    QCOMPARE(reviews[1].role, std::string("physician"));

    // Change of mind on finding 2: the history shows both, newest first.
    press(QKeySequence(Qt::Key_BracketLeft));
    QCOMPARE(panel_->currentTarget(), 1);
    press(QKeySequence(Qt::Key_3));
    press(QKeySequence(Qt::Key_BracketLeft));
    auto* history = panel_->findChild<QListWidget*>(ReviewPanel::kHistory);
    QCOMPARE(history->count(), 2);
    QVERIFY(history->item(0)->text().contains("unsure"));
    QVERIFY(history->item(1)->text().contains("rejected"));
    QCOMPARE(loadCaseReviewState(*store_, critical_).findingVerdicts[1]->verdict,
             std::string("unsure"));

    // The case verdict signs off and moves to the next case.
    press(QKeySequence(Qt::Key_BracketRight));
    press(QKeySequence(Qt::Key_BracketRight));
    QCOMPARE(panel_->currentTarget(), 2);
    press(QKeySequence(Qt::Key_1));
    QCOMPARE(panel_->currentCase(), minor_);
    QCOMPARE(panel_->progressText(), QString("1 of 2 reviewed"));
    QCOMPARE(store_->caseRows({}, 0, -1).back().reviewState, std::string("confirmed"));
    press(QKeySequence(Qt::Key_K));
    QCOMPARE(panel_->currentCase(), critical_);
}

void TestReviewPanel::reviewerIsAskedOnce() {
    int asked = 0;
    connect(panel_.get(), &ReviewPanel::reviewerRequested, this, [&] {
        ++asked;
        panel_->setReviewer("Dr B", "");
    });
    panel_->setCurrentCase(minor_);
    QVERIFY(panel_->recordVerdict("confirmed"));
    QVERIFY(panel_->recordVerdict("confirmed"));
    QCOMPARE(asked, 1);
    QCOMPARE(store_->reviews(minor_).back().reviewer, std::string("Dr B"));

    // Cancelling the question records nothing.
    panel_->setReviewer("", "");
    disconnect(panel_.get(), &ReviewPanel::reviewerRequested, this, nullptr);
    QSignalSpy failed(panel_.get(), &ReviewPanel::failed);
    QVERIFY(!panel_->recordVerdict("rejected"));
    QCOMPARE(store_->reviews(minor_).size(), std::size_t(2));
    QCOMPARE(failed.size(), 1);
}

void TestReviewPanel::busyFileKeepsTheComment() {
    panel_->setReviewer("Dr A", "");
    store_->setBusyTimeout(std::chrono::milliseconds(100));
    panel_->setCurrentCase(minor_);
    auto* comment = panel_->findChild<QPlainTextEdit*>(ReviewPanel::kComment);
    comment->setPlainText("typed before the lock");
    std::string error;
    auto other = ProjectStore::open(path_, &error);
    QVERIFY(other);
    {
        ProjectStore::Transaction lock(*other); // another instance holds the write lock
        QSignalSpy failed(panel_.get(), &ReviewPanel::failed);
        QVERIFY(!panel_->recordVerdict("confirmed"));
        QCOMPARE(failed.size(), 1);
        QVERIFY(failed.at(0).at(0).toString().contains("not recorded"));
        QCOMPARE(comment->toPlainText(), QString("typed before the lock"));
    }
    QVERIFY(panel_->recordVerdict("confirmed"));
    QCOMPARE(store_->reviews(minor_).at(0).comment, std::string("typed before the lock"));
}

void TestReviewPanel::actionsCarryTheShortcuts() {
    QStringList keys;
    for (QAction* a : panel_->reviewActions())
        keys << a->shortcut().toString();
    for (const char* k : {"J", "K", "]", "[", "1", "2", "3", "Alt+0", "Alt+3", "C"})
        QVERIFY2(keys.contains(k), k);
    // None clashes with the window's own keys.
    for (const char* k : {"/", "Up", "Down", "Return", "Enter"})
        QVERIFY(!keys.contains(k));
    QVERIFY(ReviewPanel::shortcutHelp().contains("J / K"));
}

QTEST_MAIN(TestReviewPanel)
#include "tst_reviewpanel.moc"
