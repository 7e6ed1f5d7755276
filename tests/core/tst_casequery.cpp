// The case queries of ProjectStore (countCases, caseRows, rowOfCase, caseKeys, forEachCase,
// facets) against answers the test computes itself from what it stored, and the schema 1 -> 2
// migration.
#include "ProjectStore.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

#include <algorithm>
#include <functional>
#include <set>
#include <tuple>

using namespace rs;
using nlohmann::json;
using Sort = CaseQuery::Sort;

namespace {

const char* const kTypes[] = {"relation", "branch", "missing", "grounding"};
const char* const kSubtypes[] = {"wrong_relation", "jump", "ignored_evidence", "ungrounded"};
const char* const kSeverities[] = {"none", "minor", "major", "critical"};
const char* const kKinds[] = {"Disease", "Symptom", "Compound"};

// What the test stored, to compute the expected answers from.
struct Expected {
    std::int64_t id = 0, runId = 0;
    std::string key, run, questionId, question, output, review = "unreviewed";
    std::optional<bool> correct;
    std::int64_t perType[4] = {0, 0, 0, 0};
    std::optional<int> maxSeverity;
    struct Finding {
        std::string type, subtype, signature;
    };
    std::vector<Finding> findings;
    std::int64_t sortValue(Sort s, const std::map<std::int64_t, int>& runRank) const;
};

std::int64_t Expected::sortValue(Sort s, const std::map<std::int64_t, int>& runRank) const {
    switch (s) {
    case Sort::Run:
        return runRank.at(runId);
    case Sort::Correct:
        return correct ? *correct : -1;
    case Sort::Relation:
        return perType[0];
    case Sort::Branch:
        return perType[1];
    case Sort::Missing:
        return perType[2];
    case Sort::Grounding:
        return perType[3];
    case Sort::Severity:
        return maxSeverity.value_or(-1);
    default:
        return id;
    }
}

class TestCaseQuery : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void filters_data();
    void filters();
    void everySort_data();
    void everySort();
    void paging();
    void search_data();
    void search();
    void unknownFindingType();
    void facetsMatchIndependentCounts_data();
    void facetsMatchIndependentCounts();
    void signatureCountsMatchIndependentCounts_data();
    void facetsFollowANewSearch();
    void signatureCountsMatchIndependentCounts();
    void reviewStateFollowsLatestCaseVerdict();
    void migratesVersion1();

private:
    std::vector<std::int64_t> expectedIds(const CaseQuery& q) const;
    bool passes(const Expected& e, const CaseQuery& q) const;

    QTemporaryDir dir_;
    std::unique_ptr<ProjectStore> store_;
    std::vector<Expected> cases_;
    std::map<std::int64_t, int> runRank_;
    std::vector<std::int64_t> runs_;
};

void TestCaseQuery::initTestCase() {
    QVERIFY(dir_.isValid());
    std::string error;
    store_ = ProjectStore::open(dir_.filePath("q.rsproj").toStdString(), &error);
    QVERIFY2(store_, error.c_str());
    // Labels out of import order, so sorting by run label differs from sorting by run id.
    const char* labels[] = {"zeta", "alpha", "mid"};
    for (int r = 0; r < 3; ++r)
        runs_.push_back(store_->ensureRun(labels[r], "m", "f", std::to_string(r)));
    runRank_ = {{runs_[1], 0}, {runs_[2], 1}, {runs_[0], 2}};

    for (int i = 0; i < 60; ++i) {
        Expected e;
        e.runId = runs_[std::size_t(i % 3)];
        e.run = labels[i % 3];
        // Keys not in id order, so the key sort is its own order.
        e.key = "k" + std::to_string((i * 37) % 60);
        e.question = "Question " + std::to_string(i) + (i % 3 == 0 ? " with alpha" : "") +
                     (i == 7 ? " at the Café, \"quoted\" (paren) and a very long tail " +
                                   std::string(200, 'x')
                             : "");
        e.output =
            "Output" + std::string(i % 5 == 0 ? " beta" : "") + (i % 4 == 0 ? " alphabet" : "");
        if (i % 7 != 3)
            e.correct = i % 2 == 0;
        Case c;
        c.key = e.key;
        c.questionId = "q" + std::to_string(i / 3);
        e.questionId = c.questionId;
        c.question = e.question;
        c.output = e.output;
        c.correct = e.correct;
        e.id = store_->addCase(c, e.runId);
        if (i % 6 != 5) { // some cases stay unanalysed
            json findings = json::array();
            int maxSeverity = 0;
            for (int k = 0; k < (i * 7) % 5; ++k) {
                const int t = (i + k) % 4;
                const int sev = (i + 2 * k) % 4;
                std::string sig = std::string(kTypes[t]) + "/" + kSubtypes[t] + "/";
                sig += t == 0 ? std::string("(") + kKinds[k % 3] + ",treats," + kKinds[i % 3] + ")"
                              : "n" + std::to_string(i % 4);
                findings.push_back({{"type", kTypes[t]},
                                    {"subtype", kSubtypes[t]},
                                    {"severity", kSeverities[sev]},
                                    {"signature", sig}});
                e.findings.push_back({kTypes[t], kSubtypes[t], sig});
                ++e.perType[t];
                maxSeverity = std::max(maxSeverity, sev);
            }
            store_->saveAnalysis(e.id, {{"id", e.key}, {"findings", findings}});
            e.maxSeverity = maxSeverity;
        }
        if (i % 5 == 1) {
            store_->addReview(
                {0, e.id, std::nullopt, "ann", "expert", "unsure", "", "", "", -1, ""});
            e.review = "unsure";
        }
        if (i % 10 == 1 || i % 10 == 2) {
            const std::string verdict = i % 20 < 10 ? "confirmed" : "rejected";
            store_->addReview(
                {0, e.id, std::nullopt, "bob", "expert", verdict, "", "", "", -1, ""});
            e.review = verdict;
        }
        cases_.push_back(std::move(e));
    }
    // A finding-level review leaves the case's review state alone.
    const auto loaded = store_->loadCase(cases_[4].id);
    QVERIFY(!loaded->findingIds.empty());
    store_->addReview(
        {0, cases_[4].id, loaded->findingIds[0], "ann", "expert", "rejected", "", "", "", -1, ""});
}

bool TestCaseQuery::passes(const Expected& e, const CaseQuery& q) const {
    auto has = [](const auto& v, const auto& x) {
        return std::find(v.begin(), v.end(), x) != v.end();
    };
    if (q.runId && e.runId != *q.runId)
        return false;
    if (!q.runIds.empty() && !has(q.runIds, e.runId))
        return false;
    if (q.questionId && e.questionId != *q.questionId)
        return false;
    switch (q.correctness) {
    case StoreCorrectness::Any:
        break;
    case StoreCorrectness::Correct:
        if (e.correct != true)
            return false;
        break;
    case StoreCorrectness::Incorrect:
        if (e.correct != false)
            return false;
        break;
    case StoreCorrectness::Unscored:
        if (e.correct)
            return false;
        break;
    }
    auto anyFinding = [&](const std::vector<std::string>& wanted,
                          std::string Expected::Finding::*field) {
        return wanted.empty() || std::any_of(e.findings.begin(), e.findings.end(),
                                             [&](const auto& f) { return has(wanted, f.*field); });
    };
    if (!anyFinding(q.findingTypes, &Expected::Finding::type) ||
        !anyFinding(q.findingSubtypes, &Expected::Finding::subtype) ||
        !anyFinding(q.signatures, &Expected::Finding::signature))
        return false;
    if (q.reviewState && e.review != *q.reviewState)
        return false;
    if (!q.caseIds.empty() && !has(q.caseIds, e.id))
        return false;
    return true; // search is checked separately, with its own expectations
}

std::vector<std::int64_t> TestCaseQuery::expectedIds(const CaseQuery& q) const {
    std::vector<const Expected*> rows;
    for (const Expected& e : cases_)
        if (passes(e, q))
            rows.push_back(&e);
    auto less = [&](const Expected* a, const Expected* b) {
        if (q.sort == Sort::Key && a->key != b->key)
            return a->key < b->key;
        if (q.sort == Sort::ReviewState && a->review != b->review)
            return a->review < b->review;
        const auto va = a->sortValue(q.sort, runRank_), vb = b->sortValue(q.sort, runRank_);
        return va != vb ? va < vb : a->id < b->id;
    };
    std::sort(rows.begin(), rows.end(), less);
    if (q.descending)
        std::reverse(rows.begin(), rows.end());
    std::vector<std::int64_t> ids;
    for (const Expected* e : rows)
        ids.push_back(e->id);
    return ids;
}

std::vector<std::int64_t> idsOf(const std::vector<CaseRow>& rows) {
    std::vector<std::int64_t> ids;
    for (const CaseRow& r : rows)
        ids.push_back(r.id);
    return ids;
}

void TestCaseQuery::filters_data() {
    QTest::addColumn<int>("which");
    const char* names[] = {"none",      "run",       "run list",        "run and list",
                           "correct",   "incorrect", "unscored",        "type",
                           "two types", "subtype",   "signature",       "unreviewed",
                           "confirmed", "selection", "big selection",   "combined",
                           "nothing",   "question",  "question and run"};
    for (int i = 0; i < int(std::size(names)); ++i)
        QTest::newRow(names[i]) << i;
}

CaseQuery filterNumber(int which, const std::vector<std::int64_t>& runs,
                       const std::vector<Expected>& cases) {
    CaseQuery q;
    switch (which) {
    case 1:
        q.runId = runs[1];
        break;
    case 2:
        q.runIds = {runs[0], runs[2]};
        break;
    case 3:
        q.runId = runs[0];
        q.runIds = {runs[0], runs[1]};
        break;
    case 4:
        q.correctness = StoreCorrectness::Correct;
        break;
    case 5:
        q.correctness = StoreCorrectness::Incorrect;
        break;
    case 6:
        q.correctness = StoreCorrectness::Unscored;
        break;
    case 7:
        q.findingTypes = {"branch"};
        break;
    case 8:
        q.findingTypes = {"relation", "grounding"};
        break;
    case 9:
        q.findingSubtypes = {"ignored_evidence", "no_such_subtype"};
        break;
    case 10:
        q.signatures = {"missing/ignored_evidence/n2", "branch/jump/n1"};
        break;
    case 11:
        q.reviewState = "unreviewed";
        break;
    case 12:
        q.reviewState = "confirmed";
        break;
    case 13:
        q.caseIds = {cases[3].id, cases[10].id, cases[40].id, 999999};
        break;
    case 14: // more ids than the store looks up one by one
        for (std::int64_t id = 0; id < 3000; ++id)
            q.caseIds.push_back(id * 2);
        break;
    case 15:
        q.runIds = {runs[0], runs[1]};
        q.correctness = StoreCorrectness::Incorrect;
        q.findingTypes = {"relation", "branch", "missing"};
        q.reviewState = "unreviewed";
        break;
    case 16:
        q.runId = -5;
        break;
    case 17:
        q.questionId = "q4";
        break;
    case 18:
        q.questionId = "q5";
        q.runIds = {runs[0], runs[2]};
        break;
    }
    return q;
}

void TestCaseQuery::filters() {
    QFETCH(int, which);
    const CaseQuery q = filterNumber(which, runs_, cases_);
    const auto expected = expectedIds(q);
    if (which != 0 && which != 16)
        QVERIFY(!expected.empty() && expected.size() < cases_.size()); // a real test
    QCOMPARE(store_->countCases(q), std::int64_t(expected.size()));
    QCOMPARE(idsOf(store_->caseRows(q, 0, 0)), expected);
    // The other listings take the same filter and agree with the table.
    std::vector<std::string> keys;
    for (std::int64_t id : expected)
        keys.push_back(std::find_if(cases_.begin(), cases_.end(), [&](const Expected& e) {
                           return e.id == id;
                       })->key);
    QCOMPARE(store_->caseKeys(q), keys);
    std::vector<std::string> streamed;
    store_->forEachCase([&](const Case& c, const json&) { streamed.push_back(c.key); }, q);
    QCOMPARE(streamed, keys);
}

void TestCaseQuery::everySort_data() {
    QTest::addColumn<int>("sort");
    QTest::addColumn<bool>("descending");
    QTest::addColumn<int>("filter");
    const char* names[] = {"id",     "key",     "run",       "correct",  "relation",
                           "branch", "missing", "grounding", "severity", "review"};
    for (int s = 0; s < int(std::size(names)); ++s)
        for (bool desc : {false, true})
            for (int filter : {0, 15, 9})
                QTest::addRow("%s %s filter %d", names[s], desc ? "desc" : "asc", filter)
                    << s << desc << filter;
}

void TestCaseQuery::everySort() {
    QFETCH(int, sort);
    QFETCH(bool, descending);
    QFETCH(int, filter);
    CaseQuery q = filterNumber(filter, runs_, cases_);
    q.sort = Sort(sort);
    q.descending = descending;
    const auto expected = expectedIds(q);
    const auto rows = store_->caseRows(q, 0, -1);
    QCOMPARE(idsOf(rows), expected);
    for (std::size_t i = 0; i < expected.size(); ++i)
        QCOMPARE(store_->rowOfCase(q, expected[i]), std::int64_t(i));
    // Every case the filter leaves out has no row.
    for (const Expected& e : cases_)
        if (std::find(expected.begin(), expected.end(), e.id) == expected.end())
            QCOMPARE(store_->rowOfCase(q, e.id), std::int64_t(-1));
    QCOMPARE(store_->rowOfCase(q, 987654), std::int64_t(-1));
    // caseKeys and forEachCase list in the same order.
    std::vector<std::string> keys;
    for (const CaseRow& r : rows)
        keys.push_back(r.key);
    QCOMPARE(store_->caseKeys(q), keys);
    std::vector<std::string> streamed;
    store_->forEachCase([&](const Case& c, const json&) { streamed.push_back(c.key); }, q);
    QCOMPARE(streamed, keys);
}

void TestCaseQuery::paging() {
    CaseQuery q;
    q.sort = Sort::Severity;
    q.descending = true;
    const auto all = idsOf(store_->caseRows(q, 0, 0));
    QCOMPARE(all, expectedIds(q));
    std::vector<std::int64_t> paged;
    for (std::int64_t offset = 0; offset < 70; offset += 7) {
        const auto page = store_->caseRows(q, offset, 7);
        QVERIFY(page.size() <= 7);
        for (const CaseRow& r : page)
            paged.push_back(r.id);
    }
    QCOMPARE(paged, all);
    QVERIFY(store_->caseRows(q, 60, 10).empty());
    QCOMPARE(idsOf(store_->caseRows(q, -3, 2)),
             std::vector<std::int64_t>(all.begin(), all.begin() + 2));

    // The row columns, against what was stored.
    for (const CaseRow& r : store_->caseRows({}, 0, 0)) {
        const auto e = std::find_if(cases_.begin(), cases_.end(),
                                    [&](const Expected& x) { return x.id == r.id; });
        QVERIFY(e != cases_.end());
        QCOMPARE(r.key, e->key);
        QCOMPARE(r.run, e->run);
        QCOMPARE(r.runId, e->runId);
        QCOMPARE(r.correct, e->correct);
        QCOMPARE(r.nRelation, e->perType[0]);
        QCOMPARE(r.nBranch, e->perType[1]);
        QCOMPARE(r.nMissing, e->perType[2]);
        QCOMPARE(r.nGrounding, e->perType[3]);
        QCOMPARE(r.maxSeverity, e->maxSeverity);
        QCOMPARE(r.reviewState, e->review);
        // 120 characters, not bytes: the é counts once.
        QCOMPARE(QString::fromStdString(r.questionPreview),
                 QString::fromStdString(e->question).left(120));
    }
}

void TestCaseQuery::search_data() {
    QTest::addColumn<QString>("search");
    QTest::addColumn<QString>("expect"); // which cases: a predicate name
    QTest::newRow("word in question") << "alpha"
                                      << "alpha";
    QTest::newRow("word in output") << "beta"
                                    << "beta";
    QTest::newRow("upper case") << "BETA"
                                << "beta";
    QTest::newRow("or") << "alpha OR beta"
                        << "alpha|beta";
    QTest::newRow("prefix") << "alpha*"
                            << "alpha|alphabet";
    QTest::newRow("unbalanced quote") << "\"alpha"
                                      << "alpha";
    QTest::newRow("stray paren") << "alpha)"
                                 << "alpha";
    QTest::newRow("punctuation only") << "(( \"\" *"
                                      << "none";
    QTest::newRow("blank") << "   "
                           << "all";
    QTest::newRow("diacritics") << "cafe"
                                << "7";
    QTest::newRow("quoted phrase") << "\"the café\""
                                   << "7";
    QTest::newRow("column filter") << "output:beta"
                                   << "beta";
    QTest::newRow("unknown column") << "nosuch:beta"
                                    << "none";
    QTest::newRow("absent word") << "gamma"
                                 << "none";
    QTest::newRow("sql quote") << "alpha'; DROP TABLE cases; --"
                               << "none";
}

void TestCaseQuery::search() {
    QFETCH(QString, search);
    QFETCH(QString, expect);
    std::vector<std::int64_t> expected;
    for (std::size_t i = 0; i < cases_.size(); ++i) {
        const bool alpha = i % 3 == 0, beta = i % 5 == 0, alphabet = i % 4 == 0;
        const bool in = expect == "all"              ? true
                        : expect == "alpha"          ? alpha
                        : expect == "beta"           ? beta
                        : expect == "alpha|beta"     ? alpha || beta
                        : expect == "alpha|alphabet" ? alpha || alphabet
                        : expect == "7"              ? i == 7
                                                     : false;
        if (in)
            expected.push_back(cases_[i].id);
    }
    for (int repeat = 0; repeat < 2; ++repeat) { // the second answer may come from the cache
        CaseQuery q;
        q.search = search.toStdString();
        QCOMPARE(store_->countCases(q), std::int64_t(expected.size()));
        QCOMPARE(idsOf(store_->caseRows(q, 0, 0)), expected);
        q.runId = runs_[0];
        q.sort = Sort::Relation;
        std::vector<std::int64_t> inRun;
        for (const Expected& e : cases_)
            if (e.runId == runs_[0] &&
                std::find(expected.begin(), expected.end(), e.id) != expected.end())
                inRun.push_back(e.id);
        QCOMPARE(store_->countCases(q), std::int64_t(inRun.size()));
        if (!expected.empty())
            QCOMPARE(store_->rowOfCase(q, expected.front()) >= 0,
                     std::find(inRun.begin(), inRun.end(), expected.front()) != inRun.end());
    }
    QCOMPARE(store_->countCases({}), std::int64_t(cases_.size())); // nothing dropped
}

void TestCaseQuery::unknownFindingType() {
    CaseQuery q;
    q.findingTypes = {"relation", "bogus"};
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, store_->countCases(q));
}

void TestCaseQuery::facetsMatchIndependentCounts_data() {
    QTest::addColumn<int>("filter");
    QTest::addColumn<QString>("search");
    for (int f : {0, 1, 2, 4, 7, 9, 10, 11, 13, 15, 16})
        QTest::addRow("filter %d", f) << f << QString();
    QTest::newRow("search") << 0 << "alpha OR beta";
    QTest::newRow("search and run") << 1 << "beta";
}

void TestCaseQuery::facetsMatchIndependentCounts() {
    QFETCH(int, filter);
    QFETCH(QString, search);
    CaseQuery q = filterNumber(filter, runs_, cases_);
    q.search = search.toStdString();
    // The set of matching cases from caseRows (checked against the test's own model above),
    // then every count recomputed here from what the test stored.
    const auto ids = idsOf(store_->caseRows(q, 0, 0));
    std::map<std::int64_t, FacetCounts::Run> runs;
    std::map<std::string, FacetCounts::Count> byType;
    std::map<std::pair<std::string, std::string>, FacetCounts::Count> bySubtype;
    std::map<std::string, std::int64_t> byRelation, byNodeKind, byReview;
    std::map<std::tuple<std::string, std::string, std::string>, std::int64_t> byTriple;
    std::map<int, std::int64_t> bySeverity;
    for (const Expected& e : cases_) {
        if (std::find(ids.begin(), ids.end(), e.id) == ids.end())
            continue;
        auto& run = runs[e.runId];
        run.id = e.runId;
        run.label = e.run;
        ++run.cases;
        run.correct += e.correct == true;
        run.incorrect += e.correct == false;
        ++bySeverity[e.maxSeverity.value_or(-1)];
        ++byReview[e.review];
        std::set<std::string> types;
        std::set<std::pair<std::string, std::string>> subtypes;
        for (const auto& f : e.findings) {
            ++byType[f.type].findings;
            ++bySubtype[{f.type, f.subtype}].findings;
            types.insert(f.type);
            subtypes.insert({f.type, f.subtype});
            if (f.type == "relation") {
                // "relation/wrong_relation/(Head,treats,Tail)"
                const auto open = f.signature.find('(');
                const auto c1 = f.signature.find(',', open), c2 = f.signature.rfind(',');
                const std::string head = f.signature.substr(open + 1, c1 - open - 1);
                const std::string tail = f.signature.substr(c2 + 1, f.signature.size() - c2 - 2);
                ++byRelation["treats"];
                ++byTriple[{head, "treats", tail}];
                ++byNodeKind[head];
                ++byNodeKind[tail];
            }
        }
        for (const auto& t : types)
            ++byType[t].cases;
        for (const auto& st : subtypes)
            ++bySubtype[st].cases;
    }
    const FacetCounts got = store_->facets(q);
    QCOMPARE(got.cases, std::int64_t(ids.size()));
    QCOMPARE(got.runs.size(), runs.size());
    for (const auto& r : got.runs) {
        QCOMPARE(r.label, runs[r.id].label);
        QCOMPARE(r.cases, runs[r.id].cases);
        QCOMPARE(r.correct, runs[r.id].correct);
        QCOMPARE(r.incorrect, runs[r.id].incorrect);
    }
    auto sameCounts = [](const auto& a, const auto& b) {
        return a.size() == b.size() &&
               std::equal(a.begin(), a.end(), b.begin(), [](const auto& x, const auto& y) {
                   return x.first == y.first && x.second.findings == y.second.findings &&
                          x.second.cases == y.second.cases;
               });
    };
    QVERIFY(sameCounts(got.byType, byType));
    QVERIFY(sameCounts(got.bySubtype, bySubtype));
    QCOMPARE(got.byRelation, byRelation);
    QCOMPARE(got.byRelationTriple, byTriple);
    QCOMPARE(got.byNodeKind, byNodeKind);
    QCOMPARE(got.bySeverity, bySeverity);
    QCOMPARE(got.byReviewState, byReview);
}

void TestCaseQuery::signatureCountsMatchIndependentCounts_data() {
    facetsMatchIndependentCounts_data();
}

void TestCaseQuery::signatureCountsMatchIndependentCounts() {
    QFETCH(int, filter);
    QFETCH(QString, search);
    CaseQuery q = filterNumber(filter, runs_, cases_);
    q.search = search.toStdString();
    const auto ids = idsOf(store_->caseRows(q, 0, 0));
    // Every signature stored, plus one nobody has; each case counts once per signature.
    std::set<std::string> all;
    std::map<std::string, std::int64_t> expected;
    for (const Expected& e : cases_) {
        std::set<std::string> mine;
        for (const auto& f : e.findings) {
            all.insert(f.signature);
            mine.insert(f.signature);
        }
        if (std::find(ids.begin(), ids.end(), e.id) != ids.end())
            for (const auto& sig : mine)
                ++expected[sig];
    }
    QVERIFY(all.size() > 4);
    std::vector<std::string> asked(all.begin(), all.end());
    asked.push_back("relation/unsupported/(Nothing,treats,Nowhere)");
    QCOMPARE(store_->countCasesBySignature(q, asked), expected);
    // Only what was asked for is counted.
    asked.resize(2);
    std::map<std::string, std::int64_t> firstTwo;
    for (const auto& sig : asked)
        if (expected.count(sig))
            firstTwo[sig] = expected[sig];
    QCOMPARE(store_->countCasesBySignature(q, asked), firstTwo);
    QVERIFY(store_->countCasesBySignature(q, {}).empty());
}

// Regression: the facet case set of a search was kept for the next search, because the set's
// SQL names the FTS hits only by slot.
void TestCaseQuery::facetsFollowANewSearch() {
    CaseQuery q;
    q.search = "alpha";
    const FacetCounts alpha = store_->facets(q);
    q.search = "beta";
    const FacetCounts beta = store_->facets(q);
    const auto betaBySignature =
        store_->countCasesBySignature(q, {"branch/jump/n1", "missing/ignored_evidence/n2"});
    std::string error;
    auto fresh = ProjectStore::openReadOnly(store_->path(), &error);
    QVERIFY2(fresh, error.c_str());
    const FacetCounts expected = fresh->facets(q);
    QVERIFY(alpha.cases != expected.cases); // the two searches differ
    QCOMPARE(beta.cases, expected.cases);
    QCOMPARE(beta.bySubtype.size(), expected.bySubtype.size());
    for (const auto& [key, count] : expected.bySubtype) {
        QCOMPARE(beta.bySubtype.at(key).findings, count.findings);
        QCOMPARE(beta.bySubtype.at(key).cases, count.cases);
    }
    QCOMPARE(betaBySignature,
             fresh->countCasesBySignature(q, {"branch/jump/n1", "missing/ignored_evidence/n2"}));
}

void TestCaseQuery::reviewStateFollowsLatestCaseVerdict() {
    QTemporaryDir dir;
    std::string error;
    auto s = ProjectStore::open(dir.filePath("r.rsproj").toStdString(), &error);
    QVERIFY(s);
    const auto run = s->ensureRun("r", "m", "f", "s");
    Case c;
    c.key = "a";
    const auto a = s->addCase(c, run);
    CaseQuery unsure;
    unsure.reviewState = "unsure";
    QCOMPARE(s->caseRows({}, 0, 1).at(0).reviewState, std::string("unreviewed"));
    s->addReview({0, a, std::nullopt, "x", "y", "unsure", "", "", "", -1, ""});
    QCOMPARE(s->countCases(unsure), std::int64_t(1));
    // A second reader sees the write (the cached FTS/facet sets are invalidated too).
    auto reader = ProjectStore::openReadOnly(dir.filePath("r.rsproj").toStdString(), &error);
    QVERIFY(reader);
    CaseQuery confirmed;
    confirmed.reviewState = "confirmed";
    confirmed.search = "nothing";
    QCOMPARE(reader->countCases(confirmed), std::int64_t(0));
    s->addReview({0, a, std::nullopt, "x", "y", "confirmed", "", "", "", -1, ""});
    QCOMPARE(s->countCases(unsure), std::int64_t(0));
    QCOMPARE(reader->caseRows({}, 0, 1).at(0).reviewState, std::string("confirmed"));
    // Re-importing the case keeps its id and so its review state.
    c.question = "nothing here";
    s->addCase(c, run);
    QCOMPARE(reader->countCases(confirmed), std::int64_t(1));
}

void TestCaseQuery::migratesVersion1() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("v1.rsproj").toStdString();
    {
        // A schema 1 file as version 1 wrote it: its DDL, then rows in its tables.
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open(path.c_str(), &db), SQLITE_OK);
        const std::string v1 = ProjectStore::migrationSql(1);
        QVERIFY(!v1.empty());
        const std::string sql =
            "PRAGMA application_id = " + std::to_string(ProjectStore::kApplicationId) + ";" + v1 +
            R"sql(
INSERT INTO meta VALUES ('schema_version', '1'), ('app', 'ReasonScope');
INSERT INTO runs(id, label, model, source_file, source_sha256) VALUES (1, 'old', 'm', 'f', 's');
INSERT INTO cases(id, run_id, case_key, question_id, correct, n_relation, max_severity, dataset,
    model, source_file, source_record, gold, prediction, question, options, images, meta,
    gold_path, output)
VALUES (1, 1, 'c1', 'q1', 0, 1, 2, 'd', 'm', 'f', 0, 'A', 'B', 'why fever', '[]', '[]', '[]', '[]',
        'because'),
       (2, 1, 'c2', 'q2', 1, 0, 0, 'd', 'm', 'f', 1, 'A', 'A', 'other', '[]', '[]', '[]', '[]',
        'fine');
INSERT INTO findings(id, case_id, ord, type, subtype, severity, step, nodes, explanation,
    signature)
VALUES (1, 1, 0, 'relation', 'unsupported', 2, 0, '[]', 'e',
        'relation/unsupported/(Disease,treats,Compound)');
INSERT INTO reviews(case_id, finding_id, reviewer, role, verdict, severity, comment)
VALUES (1, NULL, 'a', 'r', 'unsure', '', ''), (1, NULL, 'a', 'r', 'rejected', '', ''),
       (1, 1, 'a', 'r', 'confirmed', '', ''), (2, 1, 'a', 'r', 'confirmed', '', '');
)sql";
        char* message = nullptr;
        const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
        QVERIFY2(rc == SQLITE_OK, message);
        sqlite3_close(db);
    }
    std::string error;
    QVERIFY(!ProjectStore::openReadOnly(path, &error)); // needs the upgrade first
    QVERIFY2(error.find("older ReasonScope (schema 1)") != std::string::npos, error.c_str());
    {
        auto s = ProjectStore::open(path, &error);
        QVERIFY2(s, error.c_str());
        QCOMPARE(s->loadCase("c1")->data.question, std::string("why fever"));
        QCOMPARE(s->reviews(1).size(), std::size_t(3));
    }
    auto s = ProjectStore::openReadOnly(path, &error);
    QVERIFY2(s, error.c_str());
    const auto rows = s->caseRows({}, 0, 0);
    QCOMPARE(rows.size(), std::size_t(2));
    QCOMPARE(rows[0].reviewState, std::string("rejected"));   // latest case-level verdict
    QCOMPARE(rows[1].reviewState, std::string("unreviewed")); // finding reviews only
    QCOMPARE(rows[0].maxSeverity, std::optional<int>(2));
    CaseQuery q;
    q.search = "fever";
    QCOMPARE(idsOf(s->caseRows(q, 0, 0)), std::vector<std::int64_t>{1});
    q = {};
    q.findingSubtypes = {"unsupported"};
    QCOMPARE(s->countCases(q), std::int64_t(1));
    const FacetCounts f = s->facets({});
    QCOMPARE(f.byNodeKind.at("Compound"), std::int64_t(1));
    QCOMPARE(f.byReviewState.at("rejected"), std::int64_t(1));
    QCOMPARE(s->summary().findingsBySubtype.at("relation").at("unsupported"), std::int64_t(1));
}

} // namespace

QTEST_APPLESS_MAIN(TestCaseQuery)
#include "tst_casequery.moc"
