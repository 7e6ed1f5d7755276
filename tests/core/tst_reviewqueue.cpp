// Reviews as the clinician workflow needs them: append-only rows, the latest verdict per
// finding and per case (also across a re-analysis), the queue of flagged cases by severity
// with its progress, two connections writing at once, and a writer killed mid-loop.
#include "CaseResultCodec.h"
#include "ProjectStore.h"
#include "ReviewQueue.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

#include <csignal>
#include <set>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace rs;
using nlohmann::json;
using Review = ProjectStore::Review;

namespace {

Case makeCase(const std::string& key) {
    Case c;
    c.key = key;
    c.questionId = "q-" + key;
    c.question = "Which drug treats the fever of " + key + "?";
    c.options = {{"A", "aspirin"}, {"B", "paracetamol"}};
    c.gold = "B";
    c.output = "1. Fever.\n2. Answer: B";
    c.prediction = "B";
    c.correct = true;
    return c;
}

// severities: one finding per entry (none of them: an unflagged case).
json makeAnalysis(const std::string& key, const std::vector<std::string>& severities) {
    json f = json::array();
    for (std::size_t i = 0; i < severities.size(); ++i)
        f.push_back({{"type", i % 2 ? "branch" : "relation"},
                     {"subtype", "unsupported"},
                     {"severity", severities[i]},
                     {"step", int(i)},
                     {"nodes", json::array({"fever", "paracetamol"})},
                     {"explanation", "finding " + std::to_string(i)},
                     {"signature", "sig-" + std::to_string(i)}});
    return {{"id", key}, {"findings", f}};
}

Review verdict(std::int64_t caseId, std::optional<std::int64_t> finding, const std::string& v,
               const std::string& who = "dr a") {
    Review r;
    r.caseId = caseId;
    r.findingId = finding;
    r.reviewer = who;
    r.role = "physician";
    r.verdict = v;
    r.severity = "minor";
    r.comment = "because " + v;
    return r;
}

std::string rawScalar(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
    sqlite3_stmt* st = nullptr;
    std::string out = "<error>";
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK) {
        const int rc = sqlite3_step(st);
        if (rc == SQLITE_ROW)
            out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
        else if (rc == SQLITE_DONE)
            out = "";
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

} // namespace

class TestReviewQueue : public QObject {
    Q_OBJECT
private slots:
    void init();
    void latestVerdictAndHistory();
    void verdictsSurviveReanalysis();
    void badReviewsAreRefused_data();
    void badReviewsAreRefused();
    void reviewsCannotBeChanged();
    void queueIsFlaggedCasesBySeverity();
    void progressCountsCaseVerdicts();
    void navigation();
    void otherConnectionsCommitsAreNoticed();
    void twoConnectionsWriteConcurrently();
    void killedWriterLosesNothingCommitted();

private:
    std::unique_ptr<QTemporaryDir> dir_;
    std::string path_;
    std::unique_ptr<ProjectStore> store_;
    std::vector<std::int64_t> ids_; // a: 3 findings (critical), b: none, c: 1 (minor), d: 2 (major)
};

void TestReviewQueue::init() {
    dir_ = std::make_unique<QTemporaryDir>();
    path_ = dir_->filePath("p.rsproj").toStdString();
    std::string error;
    store_ = ProjectStore::open(path_, &error);
    QVERIFY2(store_, error.c_str());
    const auto run = store_->ensureRun("run", "m", "f", "sha");
    ids_.clear();
    const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
        {"a", {"minor", "critical", "major"}},
        {"b", {}},
        {"c", {"minor"}},
        {"d", {"major", "minor"}}};
    for (const auto& [key, severities] : cases) {
        const auto id = store_->addCase(makeCase(key), run);
        store_->saveAnalysis(id, makeAnalysis(key, severities));
        ids_.push_back(id);
    }
}

void TestReviewQueue::latestVerdictAndHistory() {
    const auto a = store_->loadCase(ids_[0]);
    const auto f1 = a->findingIds[1];
    store_->addReview(verdict(a->id, f1, "rejected", "dr a"));
    store_->addReview(verdict(a->id, std::nullopt, "unsure"));
    store_->addReview(verdict(a->id, f1, "confirmed", "dr b")); // replaces dr a's verdict
    store_->addReview(verdict(a->id, std::nullopt, "confirmed"));

    const CaseReviewState s = loadCaseReviewState(*store_, a->id);
    QCOMPARE(s.findingVerdicts.size(), std::size_t(3));
    QVERIFY(!s.findingVerdicts[0] && !s.findingVerdicts[2]);
    QCOMPARE(s.findingVerdicts[1]->verdict, std::string("confirmed"));
    QCOMPARE(s.findingVerdicts[1]->reviewer, std::string("dr b"));
    QCOMPARE(s.findingHistory[1].size(), std::size_t(2));
    QCOMPARE(s.findingHistory[1].front().verdict, std::string("rejected"));
    QCOMPARE(s.caseVerdict->verdict, std::string("confirmed"));
    QCOMPARE(s.caseHistory.size(), std::size_t(2));
    QCOMPARE(s.reviewedFindings(), 1);
    QVERIFY(!s.caseVerdict->timestamp.empty());
    // Latest is by id, not by the order the caller hands them over.
    auto reversed = store_->reviews(a->id);
    std::reverse(reversed.begin(), reversed.end());
    const CaseReviewState r =
        caseReviewState(reversed, a->findingIds, decodeCaseResult(a->analysis).findings);
    QCOMPARE(r.findingVerdicts[1]->reviewer, std::string("dr b"));
    QCOMPARE(r.caseVerdict->verdict, std::string("confirmed"));
    // The case table's review state is the latest case-level verdict.
    CaseQuery confirmed;
    confirmed.reviewState = "confirmed";
    QCOMPARE(store_->countCases(confirmed), std::int64_t(1));
}

void TestReviewQueue::verdictsSurviveReanalysis() {
    const auto a = store_->loadCase(ids_[0]);
    store_->addReview(verdict(a->id, a->findingIds[1], "rejected"));
    store_->addReview(verdict(a->id, a->findingIds[2], "confirmed"));
    // Re-analysis renumbers the findings and drops the last one.
    store_->saveAnalysis(a->id, makeAnalysis("a", {"minor", "critical"}));
    const auto again = store_->loadCase(a->id);
    QVERIFY(again->findingIds[1] != a->findingIds[1]);
    const CaseReviewState s = loadCaseReviewState(*store_, a->id);
    QCOMPARE(s.findingVerdicts.size(), std::size_t(2));
    QVERIFY(s.findingVerdicts[1]);
    QCOMPARE(s.findingVerdicts[1]->verdict, std::string("rejected"));
    QCOMPARE(s.orphaned.size(), std::size_t(1)); // kept, never dropped
    QCOMPARE(s.orphaned[0].findingSignature, std::string("sig-2"));
}

void TestReviewQueue::badReviewsAreRefused_data() {
    QTest::addColumn<QString>("verdict");
    QTest::addColumn<QString>("severity");
    QTest::addColumn<QString>("reviewer");
    QTest::newRow("unknown verdict") << "maybe"
                                     << "minor"
                                     << "dr a";
    QTest::newRow("empty verdict") << ""
                                   << "minor"
                                   << "dr a";
    QTest::newRow("unknown severity") << "confirmed"
                                      << "huge"
                                      << "dr a";
    QTest::newRow("blank reviewer") << "confirmed"
                                    << "minor"
                                    << "  ";
}

void TestReviewQueue::badReviewsAreRefused() {
    QFETCH(QString, verdict);
    QFETCH(QString, severity);
    QFETCH(QString, reviewer);
    Review r = ::verdict(ids_[0], std::nullopt, verdict.toStdString(), reviewer.toStdString());
    r.severity = severity.toStdString();
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, store_->addReview(r));
    QVERIFY(store_->reviews(ids_[0]).empty());
}

void TestReviewQueue::reviewsCannotBeChanged() {
    store_->addReview(verdict(ids_[0], std::nullopt, "confirmed"));
    QVERIFY(rawScalar(path_, "UPDATE reviews SET verdict = 'rejected'").starts_with("<error>"));
    QVERIFY(rawScalar(path_, "DELETE FROM reviews").starts_with("<error>"));
    QCOMPARE(store_->reviews(ids_[0]).at(0).verdict, std::string("confirmed"));
}

void TestReviewQueue::queueIsFlaggedCasesBySeverity() {
    ReviewQueue q(*store_);
    QCOMPARE(q.size(), std::int64_t(3)); // b has no finding
    std::vector<std::int64_t> order;
    for (const CaseRow& r : q.rows(0, -1))
        order.push_back(r.id);
    QCOMPARE(order,
             (std::vector<std::int64_t>{ids_[0], ids_[3], ids_[2]})); // critical, major, minor
    ReviewQueue all(*store_, {}, false);
    QCOMPARE(all.size(), std::int64_t(4));
    // The user's filter narrows the queue; a filter naming classes keeps them.
    CaseQuery branch;
    branch.findingTypes = {"branch"};
    ReviewQueue onlyBranch(*store_, branch);
    QCOMPARE(onlyBranch.size(), std::int64_t(2)); // a and d have a second finding (branch)
}

void TestReviewQueue::progressCountsCaseVerdicts() {
    ReviewQueue q(*store_);
    QCOMPARE(q.reviewedCount(), std::int64_t(0));
    const auto d = store_->loadCase(ids_[3]);
    store_->addReview(verdict(d->id, d->findingIds[0], "confirmed")); // a finding only
    QCOMPARE(q.reviewedCount(), std::int64_t(0));
    store_->addReview(verdict(d->id, std::nullopt, "rejected"));
    QCOMPARE(q.reviewedCount(), std::int64_t(1));
    store_->addReview(verdict(ids_[1], std::nullopt, "confirmed")); // b: not in the queue
    QCOMPARE(q.reviewedCount(), std::int64_t(1));
    QCOMPARE(q.nextUnreviewed(), ids_[0]);
    QCOMPARE(q.nextUnreviewed(1), ids_[2]);
}

void TestReviewQueue::navigation() {
    ReviewQueue q(*store_);
    QCOMPARE(q.next(ids_[0]), ids_[3]);
    QCOMPARE(q.next(ids_[3]), ids_[2]);
    QCOMPARE(q.next(ids_[2]), std::int64_t(-1));
    QCOMPARE(q.previous(ids_[3]), ids_[0]);
    QCOMPARE(q.previous(ids_[0]), std::int64_t(-1));
    QCOMPARE(q.next(ids_[1]), ids_[0]); // not in the queue: start at the first
    QCOMPARE(q.indexOf(ids_[1]), std::int64_t(-1));
}

void TestReviewQueue::otherConnectionsCommitsAreNoticed() {
    std::string error;
    auto other = ProjectStore::open(path_, &error);
    QVERIFY(other);
    const auto before = store_->externalChangeCounter();
    store_->addReview(verdict(ids_[0], std::nullopt, "unsure"));
    QCOMPARE(store_->externalChangeCounter(), before); // own writes do not count
    other->addReview(verdict(ids_[0], std::nullopt, "confirmed", "dr b"));
    QVERIFY(store_->externalChangeCounter() != before);
    QCOMPARE(loadCaseReviewState(*store_, ids_[0]).caseVerdict->reviewer, std::string("dr b"));
}

void TestReviewQueue::twoConnectionsWriteConcurrently() {
    constexpr int kEach = 500;
    std::vector<std::int64_t> written[2];
    std::string failures[2];
    auto writer = [&](int w) {
        std::string error;
        auto store = ProjectStore::open(path_, &error);
        if (!store) {
            failures[w] = error;
            return;
        }
        const auto a = store->loadCase(ids_[0]);
        try {
            for (int i = 0; i < kEach; ++i) {
                // Alternate between the case and a finding, as a reviewer would.
                std::optional<std::int64_t> finding;
                if (i % 2)
                    finding = a->findingIds[std::size_t(i % 3)];
                written[w].push_back(store->addReview(verdict(
                    a->id, finding, i % 3 ? "confirmed" : "rejected", w ? "dr b" : "dr a")));
            }
        } catch (const std::exception& e) {
            failures[w] = e.what();
        }
    };
    std::thread t0(writer, 0), t1(writer, 1);
    t0.join();
    t1.join();
    QVERIFY2(failures[0].empty(), failures[0].c_str());
    QVERIFY2(failures[1].empty(), failures[1].c_str());
    const auto all = store_->reviews(ids_[0]);
    QCOMPARE(all.size(), std::size_t(2 * kEach));
    std::set<std::int64_t> ids;
    for (const auto& r : all)
        ids.insert(r.id);
    for (const auto& list : written)
        for (std::int64_t id : list)
            QVERIFY(ids.count(id));
    QCOMPARE(rawScalar(path_, "PRAGMA integrity_check"), std::string("ok"));
    // The case's review state is the latest case-level verdict of either writer.
    std::int64_t latestCase = -1;
    std::string latestVerdict;
    for (const auto& r : all)
        if (!r.findingId && r.id > latestCase) {
            latestCase = r.id;
            latestVerdict = r.verdict;
        }
    QCOMPARE(store_->caseRows({}, 0, 1).at(0).reviewState, latestVerdict);
}

void TestReviewQueue::killedWriterLosesNothingCommitted() {
    store_.reset();
    int fds[2];
    QCOMPARE(pipe(fds), 0);
    const std::int64_t caseId = ids_[0];
    const pid_t child = fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        // The child: a reviewer recording verdicts as fast as it can, reporting each id
        // only after addReview returned (i.e. after the commit).
        close(fds[0]);
        std::string error;
        auto store = ProjectStore::open(path_, &error);
        if (!store)
            _exit(3);
        for (int i = 0;; ++i) {
            const std::int64_t id =
                store->addReview(verdict(caseId, std::nullopt, i % 2 ? "confirmed" : "unsure"));
            if (write(fds[1], &id, sizeof id) != sizeof id)
                _exit(4);
        }
    }
    close(fds[1]);
    std::vector<std::int64_t> committed;
    std::int64_t id = 0;
    while (committed.size() < 200 && read(fds[0], &id, sizeof id) == sizeof id)
        committed.push_back(id);
    kill(child, SIGKILL); // mid-loop: most likely inside a transaction
    while (read(fds[0], &id, sizeof id) == sizeof id)
        committed.push_back(id);
    close(fds[0]);
    int status = 0;
    waitpid(child, &status, 0);
    QVERIFY(WIFSIGNALED(status));
    QVERIFY(committed.size() >= 200);

    std::string error;
    auto store = ProjectStore::open(path_, &error); // recovers the WAL
    QVERIFY2(store, error.c_str());
    std::set<std::int64_t> present;
    for (const auto& r : store->reviews(caseId))
        present.insert(r.id);
    for (std::int64_t c : committed)
        QVERIFY2(present.count(c), qPrintable(QString("review %1 lost").arg(c)));
    // At most the one verdict being written when the child died is extra.
    QVERIFY(present.size() <= committed.size() + 1);
    QCOMPARE(rawScalar(path_, "PRAGMA integrity_check"), std::string("ok"));
}

QTEST_APPLESS_MAIN(TestReviewQueue)
#include "tst_reviewqueue.moc"
