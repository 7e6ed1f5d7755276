#include "ProjectStore.h"
#include "Sha256.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

using namespace rs;
using nlohmann::json;

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

Case makeCase(const std::string& key, const std::string& questionId = {},
              const std::string& question = "Which drug treats the fever?",
              const std::string& output = "1. The patient has a fever.\n2. Answer: B") {
    Case c;
    c.key = key;
    c.questionId = questionId.empty() ? "q-" + key : questionId;
    c.dataset = "medqa";
    c.model = "model-x";
    c.sourceFile = "/data/run.jsonl";
    c.sourceRecord = 7;
    c.question = question;
    c.options = {{"A", "aspirin"}, {"B", "paracetamol"}};
    c.gold = "B";
    c.output = output;
    c.prediction = "B";
    c.correct = true;
    return c;
}

json makeFinding(const std::string& type, const std::string& severity, int step,
                 const std::string& signature) {
    return {{"type", type},
            {"subtype", type == "relation" ? "wrong_relation" : "wrong_branch"},
            {"severity", severity},
            {"step", step},
            {"nodes", json::array({"fever", "paracetamol"})},
            {"span", json::array({3, 12})},
            {"explanation", "Claims paracetamol causes fever; the KG says it treats it."},
            {"signature", signature}};
}

json makeAnalysis(const std::string& key, int findings) {
    json f = json::array();
    for (int i = 0; i < findings; ++i)
        f.push_back(makeFinding(i % 2 ? "branch" : "relation", i % 2 ? "major" : "minor", i,
                                "sig-" + std::to_string(i)));
    return {
        {"id", key},
        {"run", "r1"},
        {"question_id", "q-" + key},
        {"correct", true},
        {"prediction", "B"},
        {"gold", "B"},
        {"reasoning_path", json::array({{{"name", "fever"}, {"kind", "Symptom"}, {"step", 0}}})},
        {"reference_paths", json::array()},
        {"best_reference", -1},
        {"unanchored_reason", ""},
        {"findings", f},
        {"coverage_gaps",
         json::array({{{"text", "zorbitis"}, {"where", "output"}, {"reason", "unknown"}}})},
        {"steps", json::array()},
        {"mentions", json::array()},
        {"claims", json::array()}};
}

// Direct SQL on a project file, for checks the store's API deliberately does not offer.
std::string rawScalar(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    sqlite3_stmt* st = nullptr;
    std::string out = "<error>";
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK) {
        const int rc = sqlite3_step(st);
        if (rc == SQLITE_ROW)
            out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
        else if (rc == SQLITE_DONE)
            out.clear();
        else
            out = std::string("<error> ") + sqlite3_errmsg(db);
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

std::string fileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

class TestProjectStore : public QObject {
    Q_OBJECT
private slots:
    void newFileIsTaggedAndVersioned();
    void roundTripEverything();
    void correctnessFilters_data();
    void correctnessFilters();
    void reAddingACaseReplacesIt();
    void traceAnswerAndScoringKept_data();
    void traceAnswerAndScoringKept();
    void reAnalysisReplacesFindings();
    void malformedAnalysisChangesNothing_data();
    void malformedAnalysisChangesNothing();
    void failedCallInsideTransactionKeepsTheRest();
    void uncommittedTransactionLeavesNothing();
    void pairingByQuestionIdAcrossRuns();
    void refusesForeignFilesUntouched_data();
    void refusesForeignFilesUntouched();
    void badPathsGiveErrors_data();
    void badPathsGiveErrors();
    void readOnlyStoreDoesNotWrite();
    void reviewsAreAppendOnly();
    void ftsSearch_data();
    void ftsSearch();
    void readerKeepsSnapshotWhileWriterCommits();
    void readSnapshotSpansManyQueries();
    void concurrentWritersLoseNothing();
    void blockedWriterTimesOutThenSucceeds();
    void killMidImportKeepsCommittedBatches();
    void bulkImportThroughput();

private:
    QTemporaryDir dir_;
    int counter_ = 0;
    std::string freshPath() {
        return dir_.filePath(QStringLiteral("p%1.rsproj").arg(++counter_)).toStdString();
    }
    static std::unique_ptr<ProjectStore> mustOpen(const std::string& path) {
        std::string err;
        auto s = ProjectStore::open(path, &err);
        if (!s)
            qFatal("cannot open %s: %s", path.c_str(), err.c_str());
        return s;
    }
};

void TestProjectStore::newFileIsTaggedAndVersioned() {
    const std::string path = freshPath();
    mustOpen(path);
    QCOMPARE(rawScalar(path, "PRAGMA application_id"),
             std::to_string(ProjectStore::kApplicationId));
    QCOMPARE(rawScalar(path, "SELECT value FROM meta WHERE key = 'schema_version'"),
             std::to_string(ProjectStore::kSchemaVersion));
    QCOMPARE(rawScalar(path, "SELECT value FROM meta WHERE key = 'app'"),
             std::string("ReasonScope"));
    QCOMPARE(rawScalar(path, "PRAGMA journal_mode"), std::string("wal"));
    // Opening again must neither fail nor re-run the migration.
    auto again = mustOpen(path);
    QCOMPARE(rawScalar(path, "SELECT count(*) FROM meta"), std::string("3"));
}

void TestProjectStore::roundTripEverything() {
    const std::string path = freshPath();
    Case c = makeCase("case-1", "q1");
    // Raw bytes of untrusted text survive exactly: NUL, invalid UTF-8.
    c.question = std::string("Fever and rash\0 after \xff\xfe travel?", 31);
    c.output = "Step 1: rash.\nStep 2: dengue.\nAnswer: C";
    c.correct = std::nullopt; // unscored at import; the analysis scores it
    c.options = {{"A", "measles"},
                 {"B", "malaria"},
                 {"C", "dengue \xe2\x80\x94 fever"},
                 {"D", "bad \xff byte"}};
    c.goldPath = {{"travel", "associated_with", "dengue"}, {"dengue", "presents_with", "rash"}};
    c.images = {{"/img/a.png", "xray", {{"opacity", "model", 1, 2, 3, 4, 0, 0, false}}},
                {"/img/b.nii", "ct", {{"mass", "reference", 1, 2, 3, 4, 5, 6, true}}}};
    c.meta = {{"specialty", "infectious"}, {"tag", "a"}, {"tag", "b"}};
    const json analysis = makeAnalysis("case-1", 3);
    const json patterns = json::array({{{"signature", "sig-0"},
                                        {"type", "relation"},
                                        {"subtype", "wrong_relation"},
                                        {"description", "paracetamol causes fever"},
                                        {"count", 2},
                                        {"cases", {"case-1", "x"}}},
                                       {{"signature", "sig-1"},
                                        {"type", "branch"},
                                        {"subtype", "wrong_branch"},
                                        {"description", "d -> x"},
                                        {"count", 3},
                                        {"cases", {"a", "b", "c"}}}});
    std::int64_t caseId = 0, runId = 0;
    {
        auto s = mustOpen(path);
        ProjectStore::Transaction t(*s);
        const auto kgId = s->addKgSource("/kg/hetionet.json", "hetionet", "aa", 10, 20);
        QCOMPARE(s->addKgSource("/kg/hetionet.json", "hetionet", "aa", 11, 21), kgId);
        runId = s->ensureRun("r1", "model-x", "/data/run.jsonl", "sha-1");
        QCOMPARE(s->ensureRun("r1", "model-x", "/data/run.jsonl", "sha-1"), runId);
        QVERIFY(s->ensureRun("r1", "model-x", "/data/run.jsonl", "sha-2") != runId);
        caseId = s->addCase(c, runId);
        s->saveAnalysis(caseId, analysis);
        Case wrong = makeCase("case-2");
        wrong.correct = false;
        s->addCase(wrong, runId);
        s->addImportError({"/data/run.jsonl", 12, 0, "malformed JSON: unexpected '}'"});
        s->addImportError({"/data/run.parquet", 0, 5, "missing field \"question\""});
        s->replacePatterns(patterns);
        s->setSetting("kg.hops", "4");
        s->setSetting("kg.hops", "3");
        t.commit();
    }

    std::string err;
    auto s = ProjectStore::openReadOnly(path, &err);
    QVERIFY2(s, err.c_str());
    const auto loaded = s->loadCase("case-1");
    QVERIFY(loaded);
    QCOMPARE(loaded->id, caseId);
    QCOMPARE(loaded->runId, runId);
    const Case& l = loaded->data;
    QCOMPARE(l.question, c.question);
    QCOMPARE(l.output, c.output);
    QCOMPARE(qs(l.run), QStringLiteral("r1"));
    QCOMPARE(qs(l.questionId), QStringLiteral("q1"));
    QCOMPARE(qs(l.dataset), qs(c.dataset));
    QCOMPARE(qs(l.model), qs(c.model));
    QCOMPARE(qs(l.sourceFile), qs(c.sourceFile));
    QCOMPARE(l.sourceRecord, c.sourceRecord);
    QCOMPARE(qs(l.gold), qs(c.gold));
    QCOMPARE(qs(l.prediction), qs(c.prediction));
    QCOMPARE(l.correct, std::optional<bool>(true)); // from the analysis result
    QCOMPARE(l.options.size(), std::size_t(4));
    QCOMPARE(qs(l.options[2].text), qs(c.options[2].text));
    QCOMPARE(l.options[3].text, std::string("bad \xef\xbf\xbd byte")); // replaced, not thrown
    QCOMPARE(l.goldPath.size(), std::size_t(2));
    QCOMPARE(qs(l.goldPath[1].relation), QStringLiteral("presents_with"));
    QCOMPARE(l.images.size(), std::size_t(2));
    QCOMPARE(l.images[1].boxes.size(), std::size_t(1));
    QCOMPARE(l.images[1].boxes[0].is3d, true);
    QCOMPARE(l.images[1].boxes[0].d, 6.0);
    QCOMPARE(qs(l.images[0].boxes[0].source), QStringLiteral("model"));
    QCOMPARE(l.meta, c.meta);
    QVERIFY2(loaded->analysis == analysis, loaded->analysis.dump().c_str());
    QCOMPARE(loaded->findingIds.size(), std::size_t(3));

    const auto unanalysed = s->loadCase("case-2");
    QVERIFY(unanalysed && unanalysed->analysis.is_null() && unanalysed->findingIds.empty());
    QVERIFY(!s->loadCase("nope"));

    QVERIFY2(s->patterns() == patterns, s->patterns().dump().c_str());
    const auto summaries = s->patternSummaries();
    QCOMPARE(summaries.size(), patterns.size());
    for (std::size_t i = 0; i < summaries.size(); ++i) {
        QCOMPARE(summaries[i].signature, patterns[i]["signature"].get<std::string>());
        QCOMPARE(summaries[i].description, patterns[i]["description"].get<std::string>());
        QCOMPARE(summaries[i].count, patterns[i]["count"].get<std::int64_t>());
    }
    QStringList signatures;
    s->forEachFindingSignature([&](const ProjectStore::FindingSignature& f) {
        QCOMPARE(f.caseId, caseId);
        signatures << qs(f.run + "|" + f.caseKey + "|" + f.type + "|" + f.subtype + "|" +
                         f.signature);
    });
    QCOMPARE(signatures, (QStringList{"r1|case-1|relation|wrong_relation|sig-0",
                                      "r1|case-1|branch|wrong_branch|sig-1",
                                      "r1|case-1|relation|wrong_relation|sig-2"}));
    const auto errors = s->importErrors();
    QCOMPARE(errors.size(), std::size_t(2));
    QCOMPARE(qs(errors[0].toString()),
             QStringLiteral("/data/run.jsonl:12: malformed JSON: unexpected '}'"));
    QCOMPARE(errors[1].record, std::size_t(5));
    QCOMPARE(s->setting("kg.hops"), std::optional<std::string>("3"));
    QVERIFY(!s->setting("absent"));
    const auto kg = s->kgSources();
    QCOMPARE(kg.size(), std::size_t(1));
    QCOMPARE(kg[0].nodes, std::int64_t(11));

    const auto sum = s->summary();
    QCOMPARE(sum.runs.size(), std::size_t(2));
    QCOMPARE(sum.runs[0].cases, std::int64_t(2));
    QCOMPARE(sum.runs[0].correct, std::int64_t(1));
    QCOMPARE(sum.runs[0].incorrect, std::int64_t(1));
    QCOMPARE(sum.runs[0].accuracy(), std::optional<double>(0.5));
    QCOMPARE(sum.runs[1].accuracy(), std::optional<double>());
    QCOMPARE(sum.cases, std::int64_t(2));
    QCOMPARE(sum.analysedCases, std::int64_t(1));
    QCOMPARE(sum.findingsByType.at("relation"), std::int64_t(2));
    QCOMPARE(sum.findingsByType.at("branch"), std::int64_t(1));
    QCOMPARE(sum.findingsBySubtype.at("branch").at("wrong_branch"), std::int64_t(1));
    QCOMPARE(sum.importErrors, std::int64_t(2));
    QCOMPARE(sum.coverageGaps, std::int64_t(1));
    QCOMPARE(sum.unanchoredCases, std::int64_t(0));
    // The per-case counts later views sort and filter by.
    QCOMPARE(rawScalar(path, "SELECT n_relation || ',' || n_branch || ',' || n_missing || ',' || "
                             "n_grounding || ',' || n_coverage_gaps || ',' || max_severity "
                             "FROM cases WHERE case_key = 'case-1'"),
             std::string("2,1,0,0,1,2"));
    QCOMPARE(rawScalar(path, "SELECT max_severity IS NULL FROM cases WHERE case_key = 'case-2'"),
             std::string("1"));

    std::vector<std::string> streamed;
    s->forEachCase([&](const Case& k, const json& a) {
        streamed.push_back(k.key);
        QCOMPARE(a.is_null(), k.key == "case-2");
    });
    QCOMPARE(streamed, (std::vector<std::string>{"case-1", "case-2"}));
    QCOMPARE(s->caseKeys(), streamed);
}

void TestProjectStore::correctnessFilters_data() {
    QTest::addColumn<int>("filter");
    QTest::addColumn<QStringList>("keys");
    QTest::newRow("any") << int(StoreCorrectness::Any) << QStringList{"t", "f", "u"};
    QTest::newRow("correct") << int(StoreCorrectness::Correct) << QStringList{"t"};
    QTest::newRow("incorrect") << int(StoreCorrectness::Incorrect) << QStringList{"f"};
    QTest::newRow("unscored") << int(StoreCorrectness::Unscored) << QStringList{"u"};
}

void TestProjectStore::correctnessFilters() {
    QFETCH(int, filter);
    QFETCH(QStringList, keys);
    auto s = mustOpen(freshPath());
    const auto run = s->ensureRun("r", "m", "f", "s");
    const auto other = s->ensureRun("other", "m", "f", "s");
    const std::pair<const char*, std::optional<bool>> scored[] = {
        {"t", true}, {"f", false}, {"u", std::nullopt}};
    for (const auto& [key, correct] : scored) {
        Case c = makeCase(key);
        c.correct = correct;
        s->addCase(c, run);
        s->addCase(c, other);
    }
    CaseQuery f;
    f.runId = run;
    f.correctness = StoreCorrectness(filter);
    QStringList got;
    for (const auto& k : s->caseKeys(f))
        got << qs(k);
    QCOMPARE(got, keys);
    QCOMPARE(s->countCases(f), std::int64_t(keys.size()));
    f.runId.reset();
    QCOMPARE(s->countCases(f), std::int64_t(2 * keys.size()));
}

void TestProjectStore::reAddingACaseReplacesIt() {
    auto s = mustOpen(freshPath());
    const auto run = s->ensureRun("r1", "m", "f", "s");
    const auto id = s->addCase(makeCase("k", "q", "old question about gout", "old output"), run);
    s->saveAnalysis(id, makeAnalysis("k", 2));
    s->addReview({0, id, std::nullopt, "dr a", "clinician", "confirmed", "major", "ok"});
    QCOMPARE(s->searchCases("gout", 10).size(), std::size_t(1));

    const auto again =
        s->addCase(makeCase("k", "q2", "new question about lupus", "new output"), run);
    QCOMPARE(again, id);
    QCOMPARE(s->countCases(), std::int64_t(1));
    const auto l = s->loadCase("k");
    QCOMPARE(qs(l->data.question), QStringLiteral("new question about lupus"));
    QCOMPARE(qs(l->data.questionId), QStringLiteral("q2"));
    QVERIFY(l->analysis.is_null());
    QVERIFY(l->findingIds.empty());
    const auto sum = s->summary();
    QVERIFY(sum.findingsByType.empty());
    QCOMPARE(sum.coverageGaps, std::int64_t(0));
    QCOMPARE(sum.analysedCases, std::int64_t(0));
    // The text index follows the replacement.
    QVERIFY(s->searchCases("gout", 10).empty());
    QCOMPARE(s->searchCases("lupus", 10), std::vector<std::string>{"k"});
    // Reviews are history and stay with the case.
    QCOMPARE(s->reviews(id).size(), std::size_t(1));
}

// A reasoning model's trace and the answer it wrote after it, and a case scored from
// log-likelihoods (no text), come back as written and follow a re-import of the case.
void TestProjectStore::traceAnswerAndScoringKept_data() {
    QTest::addColumn<QString>("output");
    QTest::addColumn<QString>("finalAnswer");
    QTest::addColumn<bool>("loglikelihoods");
    QTest::newRow("think trace") << "Fever and rash after travel suggest dengue."
                                 << "The answer is C." << false;
    QTest::newRow("log-likelihood") << ""
                                    << "" << true;
    QTest::newRow("one text") << "Step 1: fever.\nAnswer: B"
                              << "" << false;
}

void TestProjectStore::traceAnswerAndScoringKept() {
    QFETCH(QString, output);
    QFETCH(QString, finalAnswer);
    QFETCH(bool, loglikelihoods);
    const std::string path = freshPath();
    Case c = makeCase("k", "q", "Which infection?", output.toStdString());
    c.finalAnswer = finalAnswer.toStdString();
    c.scoredFromLoglikelihoods = loglikelihoods;
    {
        auto s = mustOpen(path);
        s->addCase(c, s->ensureRun("r1", "m", "f", "s"));
    }
    std::string error;
    auto r = ProjectStore::openReadOnly(path, &error);
    QVERIFY2(r, error.c_str());
    auto l = r->loadCase("k");
    QVERIFY(l);
    QCOMPARE(qs(l->data.output), output);
    QCOMPARE(qs(l->data.finalAnswer), finalAnswer);
    QCOMPARE(l->data.scoredFromLoglikelihoods, loglikelihoods);
    r.reset();

    // Re-importing the case with neither replaces both.
    {
        auto s = mustOpen(path);
        s->addCase(makeCase("k", "q"), s->ensureRun("r1", "m", "f", "s"));
        l = s->loadCase("k");
    }
    QVERIFY(l);
    QCOMPARE(qs(l->data.finalAnswer), QString());
    QCOMPARE(l->data.scoredFromLoglikelihoods, false);
}

void TestProjectStore::reAnalysisReplacesFindings() {
    auto s = mustOpen(freshPath());
    const auto run = s->ensureRun("r1", "m", "f", "s");
    const auto id = s->addCase(makeCase("k"), run);
    s->saveAnalysis(id, makeAnalysis("k", 3));
    json second = makeAnalysis("k", 1);
    second["findings"][0]["severity"] = "critical";
    second["coverage_gaps"] = json::array();
    second["unanchored_reason"] = "gold answer not in the KG";
    s->saveAnalysis(id, second);
    const auto l = s->loadCase(id);
    QCOMPARE(l->findingIds.size(), std::size_t(1));
    QVERIFY(l->analysis == second);
    const auto sum = s->summary();
    QCOMPARE(sum.findingsByType.size(), std::size_t(1));
    QCOMPARE(sum.findingsByType.at("relation"), std::int64_t(1));
    QCOMPARE(sum.coverageGaps, std::int64_t(0));
    QCOMPARE(sum.unanchoredCases, std::int64_t(1));
}

void TestProjectStore::malformedAnalysisChangesNothing_data() {
    QTest::addColumn<QByteArray>("patch"); // JSON merge patch applied to a good result
    QTest::addColumn<QString>("message");
    QTest::newRow("findings not an array")
        << QByteArray(R"({"findings": {"a": 1}})") << "\"findings\" must be an array";
    QTest::newRow("unknown type") << QByteArray(
                                         R"({"findings": [{"type": "typo", "severity": "minor"}]})")
                                  << "type must be";
    QTest::newRow("unknown severity")
        << QByteArray(R"({"findings": [{"type": "branch", "severity": "huge"}]})")
        << "severity must be";
    QTest::newRow("step as text")
        << QByteArray(R"({"findings": [{"type": "branch", "severity": "minor", "step": "2"}]})")
        << "\"step\" must be an integer";
    QTest::newRow("span of three")
        << QByteArray(
               R"({"findings": [{"type": "branch", "severity": "minor", "span": [1, 2, 3]}]})")
        << "span must be";
    QTest::newRow("correct as text")
        << QByteArray(R"({"correct": "yes"})") << "\"correct\" must be";
    QTest::newRow("gap not an object")
        << QByteArray(R"({"coverage_gaps": [1]})") << "coverage gap 0 must be";
    QTest::newRow("another case's result")
        << QByteArray(R"({"id": "other"})") << "analysis result of case \"other\"";
}

void TestProjectStore::malformedAnalysisChangesNothing() {
    QFETCH(QByteArray, patch);
    QFETCH(QString, message);
    auto s = mustOpen(freshPath());
    const auto run = s->ensureRun("r1", "m", "f", "s");
    const auto id = s->addCase(makeCase("k"), run);
    const json good = makeAnalysis("k", 2);
    s->saveAnalysis(id, good);
    json bad = good;
    bad.merge_patch(json::parse(patch.toStdString()));
    try {
        s->saveAnalysis(id, bad);
        QFAIL("malformed analysis was accepted");
    } catch (const std::invalid_argument& e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(message), e.what());
    }
    const auto l = s->loadCase(id);
    QVERIFY(l->analysis == good);
    QCOMPARE(l->findingIds.size(), std::size_t(2));
    QCOMPARE(s->summary().coverageGaps, std::int64_t(1));
}

void TestProjectStore::failedCallInsideTransactionKeepsTheRest() {
    const std::string path = freshPath();
    auto s = mustOpen(path);
    const auto run = s->ensureRun("r1", "m", "f", "s");
    {
        ProjectStore::Transaction t(*s);
        const auto a = s->addCase(makeCase("a"), run);
        s->saveAnalysis(a, makeAnalysis("a", 2));
        // Fails only after its UPDATE ran, so this exercises the savepoint.
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, s->saveAnalysis(a, makeAnalysis("b", 5)));
        QVERIFY_THROWS_EXCEPTION(StoreError, s->saveAnalysis(999, makeAnalysis("a", 1)));
        s->addCase(makeCase("b"), run);
        t.commit();
    }
    QCOMPARE(s->countCases(), std::int64_t(2));
    QCOMPARE(s->loadCase("a")->analysis, makeAnalysis("a", 2));
    QCOMPARE(s->summary().findingsByType.at("relation"), std::int64_t(1));
    // The failed call had already updated the case row's counts; the savepoint undid that.
    QCOMPARE(
        rawScalar(path, "SELECT n_relation || ',' || n_branch FROM cases WHERE case_key = 'a'"),
        std::string("1,1"));
}

void TestProjectStore::uncommittedTransactionLeavesNothing() {
    auto s = mustOpen(freshPath());
    const auto run = s->ensureRun("r1", "m", "f", "s");
    {
        ProjectStore::Transaction t(*s);
        s->saveAnalysis(s->addCase(makeCase("a"), run), makeAnalysis("a", 2));
        QVERIFY_THROWS_EXCEPTION(StoreError, ProjectStore::Transaction{*s});
    }
    QCOMPARE(s->countCases(), std::int64_t(0));
    QVERIFY(s->summary().findingsByType.empty());
    // The store is usable afterwards.
    ProjectStore::Transaction t(*s);
    s->addCase(makeCase("b"), run);
    t.commit();
    QCOMPARE(s->caseKeys(), std::vector<std::string>{"b"});
}

void TestProjectStore::pairingByQuestionIdAcrossRuns() {
    auto s = mustOpen(freshPath());
    const auto a = s->ensureRun("model-a", "a", "a.jsonl", "1");
    const auto b = s->ensureRun("model-b", "b", "b.jsonl", "2");
    std::map<std::string, std::int64_t> ids;
    const std::tuple<const char*, const char*, std::int64_t> cases[] = {
        {"a1", "q1", a}, {"a2", "q2", a}, {"a3", "q3", a},
        {"b2", "q2", b}, {"b1", "q1", b}, {"b4", "q4", b}};
    for (const auto& [key, q, run] : cases)
        ids[key] = s->addCase(makeCase(key, q), run);
    // Without a question id a case pairs with nothing, not with every other such case.
    Case noQ = makeCase("a5");
    noQ.questionId.clear();
    s->addCase(noQ, a);
    noQ.key = "b5";
    s->addCase(noQ, b);

    const auto pairs = s->pairCases(a, b);
    QCOMPARE(pairs.size(), std::size_t(2));
    QCOMPARE(qs(pairs[0].questionId), QStringLiteral("q1"));
    QCOMPARE(pairs[0].caseA, ids["a1"]);
    QCOMPARE(pairs[0].caseB, ids["b1"]);
    QCOMPARE(qs(pairs[1].keyA + "/" + pairs[1].keyB), QStringLiteral("a2/b2"));

    CaseQuery f;
    f.questionId = "q2";
    QCOMPARE(s->caseKeys(f), (std::vector<std::string>{"a2", "b2"}));
    QCOMPARE(qs(s->loadCase("a2", "model-a")->data.run), QStringLiteral("model-a"));
}

void TestProjectStore::refusesForeignFilesUntouched_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("message");
    QTest::newRow("newer schema")
        << "newer"
        << QStringLiteral(
               "was made by a newer ReasonScope (schema %1); this version reads up to %2")
               .arg(ProjectStore::kSchemaVersion + 1)
               .arg(ProjectStore::kSchemaVersion);
    QTest::newRow("text file") << "text"
                               << "is not a ReasonScope project (not an SQLite database)";
    QTest::newRow("other application")
        << "foreign"
        << "is not a ReasonScope project (an SQLite database of another application)";
    QTest::newRow("tagged but no meta") << "damaged"
                                        << "is a damaged ReasonScope project";
}

void TestProjectStore::refusesForeignFilesUntouched() {
    QFETCH(QString, kind);
    QFETCH(QString, message);
    const std::string path = freshPath();
    if (kind == "newer") {
        auto s = mustOpen(path);
        s->addCase(makeCase("k"), s->ensureRun("r", "m", "f", "s"));
        s.reset();
        const std::string newer = std::to_string(ProjectStore::kSchemaVersion + 1);
        QCOMPARE(
            rawScalar(path, "UPDATE meta SET value = " + newer + " WHERE key = 'schema_version'"),
            std::string());
    } else if (kind == "text") {
        std::ofstream(path, std::ios::binary) << std::string(3000, 'x') << "\nnot a database\n";
    } else if (kind == "foreign") {
        QCOMPARE(rawScalar(path, "CREATE TABLE notes(body TEXT)"), std::string());
        QCOMPARE(rawScalar(path, "INSERT INTO notes VALUES ('precious')"), std::string());
    } else {
        QCOMPARE(rawScalar(path, "PRAGMA application_id = " +
                                     std::to_string(ProjectStore::kApplicationId)),
                 std::string());
        QCOMPARE(rawScalar(path, "CREATE TABLE t(x)"), std::string());
    }
    QVERIFY(!std::filesystem::exists(path + "-wal"));
    const std::string before = fileBytes(path);
    QVERIFY(!before.empty());

    for (bool readOnly : {false, true}) {
        std::string err;
        auto s = readOnly ? ProjectStore::openReadOnly(path, &err) : ProjectStore::open(path, &err);
        QVERIFY(!s);
        QVERIFY2(qs(err).contains(message), err.c_str());
        QVERIFY2(qs(err).contains(qs(path)), err.c_str());
    }
    QVERIFY(fileBytes(path) == before);
    // A read-only SQLite connection may leave an empty log beside the file, nothing more.
    QVERIFY(!std::filesystem::exists(path + "-wal") ||
            std::filesystem::file_size(path + "-wal") == 0);
}

void TestProjectStore::badPathsGiveErrors_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("readOnly");
    QTest::newRow("empty path") << "empty" << false;
    QTest::newRow("empty path, read-only") << "empty" << true;
    QTest::newRow("missing folder") << "missing-folder" << false;
    QTest::newRow("below a regular file") << "below-file" << false;
    QTest::newRow("a folder") << "folder" << false;
    QTest::newRow("missing file, read-only") << "missing-file" << true;
}

void TestProjectStore::badPathsGiveErrors() {
    QFETCH(QString, kind);
    QFETCH(bool, readOnly);
    std::string path;
    if (kind == "missing-folder") {
        path = dir_.filePath("no/such/folder/p.rsproj").toStdString();
    } else if (kind == "below-file") {
        const std::string file = freshPath();
        std::ofstream(file) << "x";
        path = file + "/p.rsproj";
    } else if (kind == "folder") {
        path = dir_.filePath("afolder").toStdString();
        std::filesystem::create_directories(path);
    } else if (kind == "missing-file") {
        path = freshPath();
    }
    std::string err;
    auto s = readOnly ? ProjectStore::openReadOnly(path, &err) : ProjectStore::open(path, &err);
    QVERIFY(!s);
    QVERIFY(!err.empty());
    if (!path.empty())
        QVERIFY2(qs(err).contains(qs(path)), err.c_str());
    if (kind == "missing-file")
        QVERIFY(!std::filesystem::exists(path));
}

void TestProjectStore::readOnlyStoreDoesNotWrite() {
    const std::string path = freshPath();
    mustOpen(path)->ensureRun("r", "m", "f", "s");
    std::string err;
    auto ro = ProjectStore::openReadOnly(path, &err);
    QVERIFY2(ro, err.c_str());
    QVERIFY(ro->isReadOnly());
    QVERIFY_THROWS_EXCEPTION(StoreError, ro->setSetting("a", "b"));
    QVERIFY_THROWS_EXCEPTION(StoreError, ro->ensureRun("r2", "m", "f", "s"));
    QCOMPARE(ro->runs().size(), std::size_t(1));
}

void TestProjectStore::reviewsAreAppendOnly() {
    const std::string path = freshPath();
    auto s = mustOpen(path);
    const auto run = s->ensureRun("r", "m", "f", "s");
    const auto id = s->addCase(makeCase("k"), run);
    const auto other = s->addCase(makeCase("o"), run);
    s->saveAnalysis(id, makeAnalysis("k", 2));
    const auto finding = s->loadCase(id)->findingIds.at(1);

    s->addReview({0, id, finding, "dr a", "clinician", "rejected", "minor", "not an error"});
    s->addReview({0, id, std::nullopt, "dr a", "clinician", "unsure", "", ""});
    s->addReview({0, id, finding, "dr b", "clinician", "confirmed", "major", "it is"});
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             s->addReview({0, other, finding, "x", "y", "confirmed", "", ""}));

    // Re-analysis rebuilds the findings; the reviews keep what identifies theirs.
    s->saveAnalysis(id, makeAnalysis("k", 2));
    const auto r = s->reviews(id);
    QCOMPARE(r.size(), std::size_t(3));
    QCOMPARE(qs(r.back().verdict), QStringLiteral("confirmed"));
    QCOMPARE(qs(r.back().findingSignature), QStringLiteral("sig-1"));
    QCOMPARE(r.back().findingStep, 1);
    QCOMPARE(r.back().findingId, std::optional<std::int64_t>(finding));
    QVERIFY(!r[1].findingId);
    QVERIFY(r[0].id < r[1].id && r[1].id < r[2].id);
    QVERIFY(!r[0].timestamp.empty());
    QVERIFY(s->reviews(other).empty());

    s.reset();
    QVERIFY(rawScalar(path, "UPDATE reviews SET verdict = 'x'").starts_with("<error>"));
    QVERIFY(rawScalar(path, "DELETE FROM reviews").starts_with("<error>"));
    QCOMPARE(rawScalar(path, "SELECT count(*) FROM reviews"), std::string("3"));
}

void TestProjectStore::ftsSearch_data() {
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("keys");
    QTest::newRow("word of a question") << "hemoptysis" << QStringList{"q"};
    QTest::newRow("word of an output") << "sarcoidosis" << QStringList{"o"};
    QTest::newRow("case and diacritics") << "SJÖGREN" << QStringList{"o"};
    QTest::newRow("prefix") << "sarcoid*" << QStringList{"o"};
    QTest::newRow("phrase") << "\"weight loss\"" << QStringList{"q"};
    QTest::newRow("two words, both cases") << "hemoptysis OR sarcoidosis" << QStringList{"q", "o"};
    QTest::newRow("column filter") << "output: cough" << QStringList{"o"};
    QTest::newRow("unbalanced quote") << "\"hemoptysis" << QStringList{"q"};
    QTest::newRow("parentheses") << "(sarcoidosis))" << QStringList{"o"};
    QTest::newRow("lone star") << "*" << QStringList{};
    QTest::newRow("star inside") << "sar*coid" << QStringList{};
    QTest::newRow("unknown column") << "nope:hemoptysis" << QStringList{};
    QTest::newRow("operator alone is a word") << "AND" << QStringList{"q"};
    QTest::newRow("quotes and apostrophe") << "'; DROP TABLE cases; --" << QStringList{};
    QTest::newRow("empty") << "" << QStringList{};
    QTest::newRow("NEAR open") << "NEAR(cough" << QStringList{};
    QTest::newRow("word in both") << "cough" << QStringList{"q", "o"};
}

void TestProjectStore::ftsSearch() {
    QFETCH(QString, query);
    QFETCH(QStringList, keys);
    const std::string path = freshPath();
    auto s = mustOpen(path);
    const auto run = s->ensureRun("r", "m", "f", "s");
    s->addCase(makeCase("q", "", "Smoker with hemoptysis, cough and weight loss.", "Cancer."), run);
    s->addCase(makeCase("o", "", "Dry eyes.", "Sarcoidosis or Sjogren syndrome; cough."), run);
    s->addCase(makeCase("n", "", "Nothing related.", "Nothing here."), run);
    QStringList got;
    for (const auto& k : s->searchCases(query.toStdString(), 10))
        got << qs(k);
    // Ranking between two matches is bm25's business, not this test's.
    got.sort();
    keys.sort();
    QCOMPARE(got, keys);
    QCOMPARE(s->countCases(), std::int64_t(3)); // the injection attempt did nothing
    QCOMPARE(s->searchCases("nothing", 1).size(), std::size_t(1)); // the limit applies
}

void TestProjectStore::readerKeepsSnapshotWhileWriterCommits() {
    const std::string path = freshPath();
    auto writer = mustOpen(path);
    const auto run = writer->ensureRun("r", "m", "f", "s");
    for (int i = 0; i < 10; ++i)
        writer->addCase(makeCase("k" + std::to_string(i)), run);
    std::string err;
    auto reader = ProjectStore::openReadOnly(path, &err);
    QVERIFY2(reader, err.c_str());

    int streamed = 0;
    std::int64_t writerSaw = 0;
    reader->forEachCase([&](const Case&, const json&) {
        // The reader's statement is mid-way; in WAL mode the writer is not blocked by it.
        if (streamed++ == 0) {
            ProjectStore::Transaction t(*writer);
            writer->addCase(makeCase("new"), run);
            t.commit();
            writerSaw = writer->countCases();
        }
    });
    QCOMPARE(writerSaw, std::int64_t(11));
    QCOMPARE(streamed, 10); // the reader's snapshot predates the commit
    QCOMPARE(reader->countCases(), std::int64_t(11));
}

void TestProjectStore::readSnapshotSpansManyQueries() {
    const std::string path = freshPath();
    auto writer = mustOpen(path);
    const auto run = writer->ensureRun("r", "m", "f", "s");
    for (int i = 0; i < 5; ++i)
        writer->addCase(makeCase("k" + std::to_string(i)), run);
    std::string err;
    auto reader = ProjectStore::openReadOnly(path, &err);
    QVERIFY2(reader, err.c_str());
    {
        const ProjectStore::ReadSnapshot snapshot(*reader);
        writer->addCase(makeCase("later"), run); // committed by the other connection
        // Separate queries, all from the moment the snapshot began.
        QCOMPARE(reader->countCases(), std::int64_t(5));
        QCOMPARE(reader->countCases({}), std::int64_t(5));
        QVERIFY(!reader->loadCase("later"));
        const ProjectStore::ReadSnapshot nested(*reader); // no-op inside the first
        QCOMPARE(reader->countCases(), std::int64_t(5));
    }
    QCOMPARE(reader->countCases(), std::int64_t(6));
    QVERIFY(reader->loadCase("later"));
}

void TestProjectStore::concurrentWritersLoseNothing() {
    const std::string path = freshPath();
    std::int64_t run = mustOpen(path)->ensureRun("r", "m", "f", "s");
    constexpr int kWriters = 2, kBatches = 60, kBatch = 5;
    std::mutex m;
    QStringList errors;
    std::atomic<bool> writing{true};
    auto note = [&](const QString& e) {
        std::lock_guard lock(m);
        errors << e;
    };
    std::vector<std::thread> threads;
    for (int w = 0; w < kWriters; ++w)
        threads.emplace_back([&, w] {
            try {
                auto s = mustOpen(path);
                s->setBusyTimeout(std::chrono::seconds(60));
                for (int b = 0; b < kBatches; ++b) {
                    ProjectStore::Transaction t(*s);
                    for (int i = 0; i < kBatch; ++i) {
                        const std::string key =
                            std::to_string(w) + "-" + std::to_string(b) + "-" + std::to_string(i);
                        s->saveAnalysis(s->addCase(makeCase(key), run), makeAnalysis(key, 1));
                    }
                    t.commit();
                }
            } catch (const std::exception& e) {
                note(QString::fromUtf8(e.what()));
            }
        });
    std::thread reader([&] {
        try {
            std::string err;
            auto s = ProjectStore::openReadOnly(path, &err);
            if (!s)
                throw std::runtime_error(err);
            std::int64_t last = 0;
            while (writing) {
                const auto n = s->countCases();
                if (n % kBatch != 0 || n < last)
                    note(QStringLiteral("reader saw %1 cases after %2").arg(n).arg(last));
                last = n;
            }
        } catch (const std::exception& e) {
            note(QString::fromUtf8(e.what()));
        }
    });
    for (auto& t : threads)
        t.join();
    writing = false;
    reader.join();
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join('\n')));
    auto s = mustOpen(path);
    QCOMPARE(s->countCases(), std::int64_t(kWriters * kBatches * kBatch));
    QCOMPARE(s->summary().findingsByType.at("relation"),
             std::int64_t(kWriters * kBatches * kBatch));
}

void TestProjectStore::blockedWriterTimesOutThenSucceeds() {
    const std::string path = freshPath();
    auto a = mustOpen(path);
    auto b = mustOpen(path);
    const auto run = a->ensureRun("r", "m", "f", "s");
    b->setBusyTimeout(std::chrono::milliseconds(20));
    {
        ProjectStore::Transaction t(*a);
        a->addCase(makeCase("from-a"), run);
        try {
            ProjectStore::Transaction tb(*b);
            QFAIL("second writer got the lock while the first held it");
        } catch (const StoreError& e) {
            QVERIFY2(qs(e.what()).contains("busy"), e.what());
        }
        QVERIFY_THROWS_EXCEPTION(StoreError, b->setSetting("x", "y"));
        t.commit();
    }
    ProjectStore::Transaction tb(*b);
    b->addCase(makeCase("from-b"), run);
    tb.commit();
    QCOMPARE(a->caseKeys(), (std::vector<std::string>{"from-a", "from-b"}));
}

void TestProjectStore::killMidImportKeepsCommittedBatches() {
    const std::string path = freshPath();
    constexpr int kBatch = 50;
    const std::int64_t run = mustOpen(path)->ensureRun("r", "m", "f", "s");

    const pid_t child = fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        // Only the store from here on, and _exit: the child must not run the test
        // framework's teardown.
        try {
            auto s = ProjectStore::open(path, nullptr);
            if (!s)
                _exit(3);
            for (int b = 0; b < 100000; ++b) {
                ProjectStore::Transaction t(*s);
                for (int i = 0; i < kBatch; ++i) {
                    const std::string key = "c" + std::to_string(b * kBatch + i);
                    s->saveAnalysis(s->addCase(makeCase(key), run), makeAnalysis(key, 3));
                }
                t.commit();
            }
        } catch (...) {
            _exit(2);
        }
        _exit(0);
    }

    std::int64_t seen = 0;
    for (int polls = 0; polls < 6000 && seen < 4 * kBatch; ++polls) {
        std::string err;
        if (auto s = ProjectStore::openReadOnly(path, &err))
            seen = s->countCases();
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    QVERIFY2(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
             "the importer ended before it was killed");
    QVERIFY(seen >= 4 * kBatch);

    auto s = mustOpen(path); // recovers the WAL the child left behind
    QCOMPARE(rawScalar(path, "PRAGMA integrity_check"), std::string("ok"));
    QCOMPARE(rawScalar(path, "INSERT INTO cases_fts(cases_fts) VALUES ('integrity-check')"),
             std::string());
    const std::int64_t n = s->countCases();
    QVERIFY(n >= seen);
    QCOMPARE(n % kBatch, std::int64_t(0));
    std::int64_t incomplete = 0;
    s->forEachCase([&](const Case& c, const json& a) {
        if (a.is_null() || a.at("findings").size() != 3 || a.at("id") != c.key)
            ++incomplete;
    });
    QCOMPARE(incomplete, std::int64_t(0));
    const auto sum = s->summary();
    QCOMPARE(sum.findingsByType.at("relation") + sum.findingsByType.at("branch"), 3 * n);
    QCOMPARE(sum.coverageGaps, n);

    ProjectStore::Transaction t(*s);
    s->saveAnalysis(s->addCase(makeCase("after"), run), makeAnalysis("after", 1));
    t.commit();
    QCOMPARE(s->countCases(), n + 1);
}

void TestProjectStore::bulkImportThroughput() {
    // Reports the rate; asserts only that everything arrived.
    const std::string path = freshPath();
    auto s = mustOpen(path);
    const auto run = s->ensureRun("r", "m", "f", "s");
    constexpr int kCases = 5000;
    std::vector<Case> cases;
    std::vector<json> results;
    const std::string output = [] {
        std::string o;
        for (int i = 0; i < 15; ++i)
            o += std::to_string(i + 1) + ". The fever and cough suggest pneumonia, treated with "
                                         "amoxicillin rather than a macrolide here.\n";
        return o;
    }();
    for (int i = 0; i < kCases; ++i) {
        const std::string key = "c" + std::to_string(i);
        cases.push_back(makeCase(key, "", "A 54-year-old with fever, cough and dyspnea.", output));
        results.push_back(makeAnalysis(key, 3));
    }
    QElapsedTimer timer;
    timer.start();
    {
        ProjectStore::Transaction t(*s);
        for (int i = 0; i < kCases; ++i)
            s->saveAnalysis(s->addCase(cases[std::size_t(i)], run), results[std::size_t(i)]);
        t.commit();
    }
    const double seconds = std::max<qint64>(timer.elapsed(), 1) / 1000.0;
    qInfo("addCase+saveAnalysis: %d cases in %.2f s, %.0f cases/s", kCases, seconds,
          kCases / seconds);
    QCOMPARE(s->countCases(), std::int64_t(kCases));
    QCOMPARE(s->summary().coverageGaps, std::int64_t(kCases));
}

QTEST_APPLESS_MAIN(TestProjectStore)
#include "tst_projectstore.moc"
