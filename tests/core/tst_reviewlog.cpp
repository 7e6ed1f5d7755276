// The review log (core/store/ReviewLog) on its own connection: what a review must carry,
// that a refused review writes nothing (also inside a caller's transaction), that the log
// cannot be changed or shortened, and the case-level state the table sorts by.
#include "store/ProjectFileCheck.h"
#include "store/ProjectWrites.h"
#include "store/ReviewLog.h"
#include "store/SqliteStatement.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace rs;
using namespace rs::store;
using nlohmann::json;
using Review = ProjectStore::Review;

Q_DECLARE_METATYPE(Review)

namespace {

std::int64_t scalar(SqliteConnection& d, const std::string& sql) {
    SqliteStatement q(d, sql);
    return q.step() ? q.integer(0) : -1;
}

std::string verdictState(SqliteConnection& d, std::int64_t caseId) {
    SqliteStatement q(d, "SELECT verdict FROM case_review_state WHERE case_id = ?");
    q.bind(1, caseId);
    return q.step() ? q.text(0) : "unreviewed";
}

} // namespace

class TestReviewLog : public QObject {
    Q_OBJECT
private slots:
    void init();
    void refusedReviewsWriteNothing_data();
    void refusedReviewsWriteNothing();
    void logIsAppendOnly_data();
    void logIsAppendOnly();
    void caseStateIsTheLatestCaseVerdict();

private:
    QTemporaryDir dir_;
    std::unique_ptr<SqliteConnection> db_;
    std::int64_t caseA_ = 0, caseB_ = 0, findingOfA_ = 0;
};

void TestReviewLog::init() {
    QVERIFY(dir_.isValid());
    std::string error;
    const char* tag = QTest::currentDataTag();
    const QString name = QString(QTest::currentTestFunction()) + "-" + (tag ? tag : "") + ".rsproj";
    db_ = openProjectFile(dir_.filePath(name).toStdString(), false, &error);
    QVERIFY2(db_, error.c_str());
    const auto run = ensureRun(*db_, "r", "m", "f", "s");
    Case c;
    c.key = "a";
    caseA_ = addCase(*db_, c, run);
    c.key = "b";
    caseB_ = addCase(*db_, c, run);
    saveAnalysis(*db_, caseA_,
                 {{"id", "a"},
                  {"findings", json::array({{{"type", "branch"},
                                             {"severity", "minor"},
                                             {"step", 2},
                                             {"signature", "branch/jump/x"}}})}});
    findingOfA_ = scalar(*db_, "SELECT id FROM findings");
    QVERIFY(findingOfA_ > 0);
}

void TestReviewLog::refusedReviewsWriteNothing_data() {
    QTest::addColumn<Review>("review");
    QTest::addColumn<bool>("insideTransaction");
    Review ok{0, 0, std::nullopt, "ann", "expert", "confirmed", "", "", "", -1, ""};
    for (bool inside : {false, true}) {
        const char* where = inside ? ", in a transaction" : "";
        Review r = ok;
        r.verdict = "maybe";
        QTest::addRow("unknown verdict%s", where) << r << inside;
        r = ok;
        r.severity = "huge";
        QTest::addRow("unknown severity%s", where) << r << inside;
        r = ok;
        r.reviewer = " \t";
        QTest::addRow("blank reviewer%s", where) << r << inside;
        r = ok;
        r.findingId = 987654;
        QTest::addRow("no such finding%s", where) << r << inside;
    }
}

void TestReviewLog::refusedReviewsWriteNothing() {
    QFETCH(Review, review);
    QFETCH(bool, insideTransaction);
    review.caseId = caseA_;
    if (insideTransaction) {
        db_->beginImmediate();
        Review first{0, caseA_, std::nullopt, "bob", "expert", "unsure", "", "", "", -1, ""};
        addReview(*db_, first);
    }
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, addReview(*db_, review));
    if (insideTransaction) {
        // The caller's transaction goes on with what it held before the refused call.
        QCOMPARE(scalar(*db_, "SELECT count(*) FROM reviews"), std::int64_t(1));
        db_->commit();
    }
    QCOMPARE(scalar(*db_, "SELECT count(*) FROM reviews"), std::int64_t(insideTransaction));
}

void TestReviewLog::logIsAppendOnly_data() {
    QTest::addColumn<QString>("sql");
    QTest::newRow("update") << "UPDATE reviews SET verdict = 'rejected'";
    QTest::newRow("delete") << "DELETE FROM reviews";
    QTest::newRow("replace")
        << "REPLACE INTO reviews(id, case_id, reviewer, role, verdict, "
           "severity, comment) SELECT id, case_id, 'x', '', 'rejected', '', '' "
           "FROM reviews";
}

void TestReviewLog::logIsAppendOnly() {
    QFETCH(QString, sql);
    addReview(*db_,
              {0, caseA_, findingOfA_, "ann", "expert", "confirmed", "minor", "", "", -1, ""});
    QVERIFY_THROWS_EXCEPTION(StoreError, SqliteStatement(*db_, sql.toStdString()).run());
    const auto log = reviews(*db_, caseA_);
    QCOMPARE(log.size(), std::size_t(1));
    QCOMPARE(log[0].verdict, std::string("confirmed"));
    QCOMPARE(log[0].reviewer, std::string("ann"));
    // The store records what identifies the finding beyond its row id.
    QCOMPARE(log[0].findingSignature, std::string("branch/jump/x"));
    QCOMPARE(log[0].findingStep, 2);
}

void TestReviewLog::caseStateIsTheLatestCaseVerdict() {
    auto review = [&](std::int64_t caseId, std::optional<std::int64_t> finding,
                      const char* verdict) {
        return addReview(*db_, {0, caseId, finding, "ann", "expert", verdict, "", "", "", -1, ""});
    };
    QCOMPARE(verdictState(*db_, caseA_), std::string("unreviewed"));
    const auto first = review(caseA_, std::nullopt, "rejected");
    QCOMPARE(verdictState(*db_, caseA_), std::string("rejected"));
    review(caseA_, findingOfA_, "confirmed"); // a finding's verdict is not the case's
    QCOMPARE(verdictState(*db_, caseA_), std::string("rejected"));
    const auto last = review(caseA_, std::nullopt, "unsure");
    QVERIFY(first < last);
    QCOMPARE(verdictState(*db_, caseA_), std::string("unsure"));
    QCOMPARE(verdictState(*db_, caseB_), std::string("unreviewed"));
    // A finding of another case is refused, not filed under this one.
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, review(caseB_, findingOfA_, "confirmed"));
    const auto log = reviews(*db_, caseA_);
    QCOMPARE(log.size(), std::size_t(3));
    QVERIFY(log[0].id < log[1].id && log[1].id < log[2].id); // oldest first
    QVERIFY(reviews(*db_, caseB_).empty());
}

QTEST_APPLESS_MAIN(TestReviewLog)
#include "tst_reviewlog.moc"
