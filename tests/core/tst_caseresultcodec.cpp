// CaseResultCodec: the stored JSON of an analysed case. A result survives encode -> decode
// unchanged; makeCaseResult resolves NodeIds to names in the documented shape; damaged or
// older JSON decodes without throwing, keeps what it can and names what it could not read.
#include "CaseResultCodec.h"
#include "CaseResultJson.h"
#include "FindingKinds.h"
#include "TestKnowledgeBase.h"

#include <QtTest>

#include <nlohmann/json.hpp>

using namespace rs;
using nlohmann::json;

Q_DECLARE_METATYPE(rs::CaseResult)

namespace {

// Every field set, with values that differ from the defaults.
CaseResult fullResult() {
    CaseResult r;
    r.id = "demo-q03";
    r.run = "demo-model-b 2024-06";
    r.model = "demo-model-b";
    r.questionId = "q03";
    r.sourceFile = "outputs.jsonl";
    r.sourceRecord = 7;
    r.correct = false;
    r.prediction = "A";
    r.gold = "B";
    r.anchors.gold = CaseResult::Concept{"Esmolol", "Compound", "DB00187"};
    r.anchors.predicted = CaseResult::Concept{"Alteplase", "Compound", "DB00009"};
    r.anchors.goldOption = 1;
    r.anchors.predictedOption = 0;
    r.anchors.evidence = {"Chest Pain", "Back Pain"};
    r.anchors.options = {"Alteplase", "Esmolol", ""};
    r.unanchoredReason = "";
    r.reasoningPath = {{CaseResult::Concept{"hypertension", "Disease", "DOID:10763"}, 0},
                       {std::nullopt, 2}};
    r.referencePaths = {{{"Chest Pain", "aortic dissection", "Esmolol"},
                         {"Symptom", "Disease", "Compound"},
                         {"presents", "treats"},
                         {false, true},
                         6.25,
                         "kg"}};
    r.bestReference = 0;
    CaseResult::Finding branch;
    branch.type = FindingType::Branch;
    branch.subtype = "plausible_branch";
    branch.severity = Severity::Critical;
    branch.step = 1;
    branch.nodes = {"Chest Pain", "myocardial infarction"};
    branch.span = {10, 25};
    branch.explanation = "Turns to myocardial infarction.";
    branch.signature = "branch/Chest Pain -> myocardial infarction";
    CaseResult::Finding grounding;
    grounding.type = FindingType::Grounding;
    grounding.subtype = "low_iou";
    grounding.severity = Severity::None;
    grounding.image = 0;
    grounding.box = 1;
    r.findings = {branch, grounding};
    CaseResult::Image image{"cxr.png", "CXR", {}, "file not found"};
    image.boxes.push_back({"Nodule", "model", 1, 2, 3, 4, std::nullopt, std::nullopt, 1, 0.25});
    image.boxes.push_back({"Nodule", "reference", 1.5, 2, 3, 4, 5.0, 6.0, -1, std::nullopt});
    r.images = {image};
    r.coverageGaps = {{"Koplik spot", "question", {3, 14}, "no concept"}};
    r.steps = {{{0, 9}, "numbered"}, {{10, 30}, "sentence"}};
    r.mentions = {{{0, 5}, "Fever", 0.875, "fever"}, {{6, 9}, "Rash", std::nullopt, "rash"}};
    CaseResult::Claim claim;
    claim.step = 1;
    claim.head = "Alteplase";
    claim.relation = "treats";
    claim.tail = "myocardial infarction";
    claim.polarity = Polarity::Negated;
    claim.span = {10, 30};
    claim.cue = "treats";
    claim.status = ClaimStatus::Contradicted;
    claim.owner = "model";
    claim.pattern = ClaimPattern::Apposition;
    claim.evidence = {
        "excluding_edges", {"Alteplase", "myocardial infarction"}, {"causes"}, {true}};
    r.claims = {claim};
    return r;
}

} // namespace

class TestCaseResultCodec : public QObject {
    Q_OBJECT
private slots:
    void roundTrip_data();
    void roundTrip();
    void encodesTheDocumentedShape();
    void unlinkedEndsAreNull();
    void unsetClaimStatusIsNotWritten();
    void lenientReads_data();
    void lenientReads();
    void unreadableFindingKeepsItsPlace();
    void nothingThrows_data();
    void nothingThrows();
    void invalidUtf8IsMadeSafe();
    void kindTables();
    void looksLikeCaseResult();
};

void TestCaseResultCodec::roundTrip_data() {
    QTest::addColumn<CaseResult>("result");
    QTest::newRow("empty") << CaseResult();
    QTest::newRow("every field") << fullResult();
    CaseResult unscored = fullResult();
    unscored.correct.reset();
    unscored.anchors.gold.reset();
    unscored.unanchoredReason = "no gold answer given";
    unscored.referencePaths.clear();
    unscored.bestReference = -1;
    QTest::newRow("unscored, unanchored") << unscored;
    CaseResult unicode;
    unicode.id = "Ärzte 😷";
    unicode.findings.push_back({});
    unicode.findings.back().explanation = "中文 \"quoted\" \\ back";
    QTest::newRow("unicode and escapes") << unicode;
    // An end the KG has no concept for: its phrase, its span, a null node.
    CaseResult unlinked = fullResult();
    CaseResult::Claim phrase = unlinked.claims.front();
    phrase.tail = "strep throat";
    phrase.tailLinked = false;
    phrase.headSpan = {10, 19};
    phrase.tailSpan = {27, 39};
    phrase.status = ClaimStatus::Unverified;
    phrase.evidence = {};
    unlinked.claims.push_back(phrase);
    phrase.head = "EBV";
    phrase.headLinked = false;
    unlinked.claims.push_back(phrase);
    QTest::newRow("unlinked ends") << unlinked;
    // Every construction a claim may be read from, and none: a project written before
    // patterns were recorded.
    CaseResult patterns = fullResult();
    patterns.claims.clear();
    for (ClaimPattern p :
         {ClaimPattern::Direct, ClaimPattern::Coordination, ClaimPattern::RelativeClause,
          ClaimPattern::Apposition, ClaimPattern::CausalChain, ClaimPattern::ActionEffect,
          ClaimPattern::ItemLabel, ClaimPattern::SuchAs, ClaimPattern::Copular}) {
        patterns.claims.push_back(fullResult().claims.front());
        patterns.claims.back().pattern = p;
    }
    QTest::newRow("every claim pattern") << patterns;
    CaseResult unpatterned = fullResult();
    unpatterned.claims.front().pattern.reset();
    QTest::newRow("claim without a pattern") << unpatterned;
}

void TestCaseResultCodec::roundTrip() {
    QFETCH(CaseResult, result);
    std::vector<std::string> problems;
    const json encoded = encodeCaseResult(result);
    const CaseResult decoded = decodeCaseResult(encoded, &problems);
    QVERIFY2(problems.empty(), problems.empty() ? "" : problems.front().c_str());
    QVERIFY(decoded == result);
    // And through text, as the project file keeps it.
    QCOMPARE(encodeCaseResult(decodeCaseResult(json::parse(encoded.dump()))).dump(),
             encoded.dump());
}

void TestCaseResultCodec::encodesTheDocumentedShape() {
    // A hand-made analysis against a four-concept graph; the expected JSON is written out
    // (docs/json-output.md), so a change of shape fails here and not in a user's script.
    test::TestKnowledgeBase kb;
    const NodeId fever = kb.add("Fever", "Symptom");
    const NodeId measles = kb.add("Measles", "Disease");
    kb.add("Rash", "Symptom");
    Case c;
    c.key = "c1";
    c.run = "r";
    c.model = "m";
    c.questionId = "q";
    c.sourceFile = "f.jsonl";
    c.sourceRecord = 3;
    c.correct = true;
    c.prediction = "A";
    c.gold = "A";
    c.output = "Fever indicates measles.";
    CaseAnalysis a;
    a.steps = {{0, 24, "sentence"}};
    a.outputMentions = {{0, 5, fever, 1.0, "fever"}};
    a.claims = {{0, fever, measles, "indicates", Polarity::Asserted, 0, 24, "indicates", 0, 23}};
    a.evidence = {fever};
    a.optionNodes = {measles, kNoNode};
    a.goldOption = a.predictedOption = 0;
    a.goldNode = a.predictedNode = measles;
    a.reasoningPath = {fever, measles};
    a.reasoningPathSteps = {0, 0};
    a.referencePaths = {{{fever, measles}, {"presents"}, {false}, 1.5, "kg"}};
    a.bestReference = 0;
    Finding f;
    f.type = FindingType::Missing;
    f.subtype = "ignored_evidence";
    f.severity = Severity::Major;
    f.nodes = {fever, kNoNode};
    f.explanation = "e";
    f.signature = "s";
    a.findings = {f};
    a.coverageGaps = {{"x", "output", 1, 2, "why"}};
    const json expected = json::parse(R"({
      "id": "c1", "run": "r", "model": "m", "question_id": "q",
      "source": {"file": "f.jsonl", "record": 3}, "correct": true,
      "prediction": "A", "gold": "A",
      "anchors": {"gold": {"name": "Measles", "kind": "Disease", "key": "Disease::1"},
                  "predicted": {"name": "Measles", "kind": "Disease", "key": "Disease::1"},
                  "gold_option": 0, "predicted_option": 0,
                  "evidence": ["Fever"], "options": ["Measles", ""]},
      "unanchored_reason": "",
      "reasoning_path": [{"name": "Fever", "kind": "Symptom", "key": "Symptom::0", "step": 0},
                         {"name": "Measles", "kind": "Disease", "key": "Disease::1", "step": 0}],
      "reference_paths": [{"nodes": ["Fever", "Measles"], "kinds": ["Symptom", "Disease"],
                           "relations": ["presents"], "forward": [false], "cost": 1.5,
                           "origin": "kg"}],
      "best_reference": 0,
      "findings": [{"type": "missing", "subtype": "ignored_evidence", "severity": "major",
                    "step": -1, "nodes": ["Fever", ""], "span": [0, 0], "explanation": "e",
                    "signature": "s"}],
      "images": [],
      "coverage_gaps": [{"text": "x", "where": "output", "span": [1, 2], "reason": "why"}],
      "steps": [{"span": [0, 24], "kind": "sentence"}],
      "mentions": [{"span": [0, 5], "node": "Fever", "score": 1.0, "matched": "fever"}],
      "claims": [{"step": 0, "head": "Fever", "relation": "indicates", "tail": "Measles",
                  "polarity": "asserted", "span": [0, 24], "cue": "indicates",
                  "head_node": "Fever", "tail_node": "Measles",
                  "owner": "model", "status": "unverified", "pattern": "direct"}]
    })");
    const json got = caseResultJson(c, a, kb);
    QVERIFY2(got == expected, (got.dump(1) + "\n---\n" + expected.dump(1)).c_str());
    // The stored form decodes to the same result the analysis made.
    QVERIFY(decodeCaseResult(got) == makeCaseResult(c, a, kb));
}

void TestCaseResultCodec::unlinkedEndsAreNull() {
    // A file written before unlinked ends has no head_node: its ends are KG concepts.
    CaseResult r = fullResult();
    r.claims.front().tailLinked = false;
    r.claims.front().tailSpan = {27, 39};
    json j = encodeCaseResult(r);
    QVERIFY(j["claims"][0]["tail_node"].is_null());
    QCOMPARE(j["claims"][0]["head_node"].get<std::string>(), std::string("Alteplase"));
    QCOMPARE(j["claims"][0]["tail_span"], json::array({27, 39}));
    QVERIFY(!decodeCaseResult(j).claims.front().tailLinked);
    j["claims"][0].erase("head_node");
    j["claims"][0].erase("tail_node");
    const CaseResult old = decodeCaseResult(j);
    QVERIFY(old.claims.front().headLinked && old.claims.front().tailLinked);
}

void TestCaseResultCodec::unsetClaimStatusIsNotWritten() {
    CaseResult r = fullResult();
    r.claims.front().status.reset();
    r.claims.front().evidence = {};
    r.claims.front().pattern.reset();
    const json j = encodeCaseResult(r);
    QVERIFY(!j["claims"][0].contains("status"));
    QVERIFY(!j["claims"][0].contains("evidence"));
    QVERIFY(!j["claims"][0].contains("pattern"));
    QCOMPARE(encodeCaseResult(fullResult())["claims"][0]["pattern"].get<std::string>(),
             std::string("apposition"));
    QCOMPARE(encodeCaseResult(fullResult())["claims"][0]["status"].get<std::string>(),
             std::string("contradicted"));
}

void TestCaseResultCodec::lenientReads_data() {
    // input: a stored case; pointer/expected: what the decoded result says there once
    // encoded again; problem: a part of the problem line it must give ("" none).
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("pointer");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<QString>("problem");
    QTest::newRow("older project: only findings")
        << QByteArray(R"({"id": "x", "findings": [{"type": "relation", "severity": "major"}]})")
        << QByteArray("/findings/0/step") << QByteArray("-1") << QString();
    QTest::newRow("older project: missing lists are empty")
        << QByteArray(R"({"id": "x"})") << QByteArray("/claims") << QByteArray("[]") << QString();
    QTest::newRow("null fields are absent")
        << QByteArray(R"({"correct": null, "anchors": {"gold": null}})")
        << QByteArray("/anchors/gold") << QByteArray("null") << QString();
    QTest::newRow("not an object") << QByteArray("[1, 2]") << QByteArray("/findings")
                                   << QByteArray("[]") << QString("case: not an object");
    QTest::newRow("findings not a list")
        << QByteArray(R"({"findings": {"a": 1}})") << QByteArray("/findings") << QByteArray("[]")
        << QString("case.findings: not a list");
    QTest::newRow("unknown finding type")
        << QByteArray(R"({"findings": [{"type": "typo", "severity": "minor"}]})")
        << QByteArray("/findings/0/type") << QByteArray(R"("")")
        << QString("findings[0].type: not a known finding type");
    QTest::newRow("unknown severity")
        << QByteArray(R"({"findings": [{"type": "branch", "severity": "huge"}]})")
        << QByteArray("/findings/0/severity") << QByteArray(R"("")")
        << QString("findings[0].severity: not a known severity");
    QTest::newRow("step as text") << QByteArray(
                                         R"({"findings": [{"type": "branch", "step": "2"}]})")
                                  << QByteArray("/findings/0/step") << QByteArray("-1")
                                  << QString("findings[0].step");
    QTest::newRow("step beyond int")
        << QByteArray(R"({"steps": [], "findings": [{"step": 1000000000000}]})")
        << QByteArray("/findings/0/step") << QByteArray("-1") << QString("not an integer");
    QTest::newRow("three-number span")
        << QByteArray(R"({"findings": [{"span": [1, 2, 3]}]})") << QByteArray("/findings/0/span")
        << QByteArray("[0, 0]") << QString("findings[0].span: not [begin, end]");
    QTest::newRow("inverted span")
        << QByteArray(R"({"steps": [{"span": [5, 2]}]})") << QByteArray("/steps/0/span")
        << QByteArray("[0, 0]") << QString("steps[0].span");
    QTest::newRow("negative span")
        << QByteArray(R"({"claims": [{"span": [-1, 3]}]})") << QByteArray("/claims/0/span")
        << QByteArray("[0, 0]") << QString("claims[0].span");
    QTest::newRow("float span") << QByteArray(R"({"mentions": [{"span": [1.5, 3]}]})")
                                << QByteArray("/mentions/0/span") << QByteArray("[0, 0]")
                                << QString("mentions[0].span");
    QTest::newRow("non-string path node keeps its place")
        << QByteArray(R"({"reference_paths": [{"nodes": ["A", 7, "B"]}]})")
        << QByteArray("/reference_paths/0/nodes") << QByteArray(R"(["A", "", "B"])")
        << QString("reference_paths[0].nodes[1]: not a string");
    QTest::newRow("non-bool direction reads as forward")
        << QByteArray(R"({"reference_paths": [{"forward": [false, "x"]}]})")
        << QByteArray("/reference_paths/0/forward") << QByteArray("[false, true]")
        << QString("forward[1]");
    QTest::newRow("non-string finding node is left out")
        << QByteArray(R"({"findings": [{"type": "missing", "nodes": [1, "Q"]}]})")
        << QByteArray("/findings/0/nodes") << QByteArray(R"(["Q"])")
        << QString("findings[0].nodes[0]");
    QTest::newRow("gap that is no object is left out")
        << QByteArray(R"({"coverage_gaps": ["x", {"text": "g"}]})") << QByteArray("/coverage_gaps")
        << QByteArray(R"([{"text": "g", "where": "", "span": [0, 0], "reason": ""}])")
        << QString("coverage_gaps[0]: not an object");
    QTest::newRow("path node without a concept")
        << QByteArray(R"({"reasoning_path": [{"step": 4}, 5]})") << QByteArray("/reasoning_path")
        << QByteArray(R"([{"step": 4}, {"step": -1}])") << QString("reasoning_path[1]");
    QTest::newRow("anchors not an object")
        << QByteArray(R"({"anchors": "x"})") << QByteArray("/anchors/gold_option")
        << QByteArray("-1") << QString("anchors: not an object");
    QTest::newRow("correct as text")
        << QByteArray(R"({"correct": "yes"})") << QByteArray("/correct") << QByteArray("null")
        << QString("case.correct");
    QTest::newRow("name not a string")
        << QByteArray(R"({"reasoning_path": [{"name": 5, "kind": "Disease"}]})")
        << QByteArray("/reasoning_path/0/name") << QByteArray(R"("")")
        << QString("reasoning_path[0].name: not a string");
    QTest::newRow("unknown polarity")
        << QByteArray(R"({"claims": [{"head": "A", "polarity": "maybe"}]})")
        << QByteArray("/claims/0/polarity") << QByteArray(R"("")") << QString("polarity");
    QTest::newRow("older project: claim without a pattern")
        << QByteArray(R"({"claims": [{"head": "A", "cue": "treats"}]})")
        << QByteArray("/claims/0/cue") << QByteArray(R"("treats")") << QString();
    QTest::newRow("claim pattern read")
        << QByteArray(R"({"claims": [{"head": "A", "pattern": "causal_chain"}]})")
        << QByteArray("/claims/0/pattern") << QByteArray(R"("causal_chain")") << QString();
    QTest::newRow("unknown claim pattern")
        << QByteArray(R"({"claims": [{"head": "A", "pattern": "hunch"}]})")
        << QByteArray("/claims/0/cue") << QByteArray(R"("")")
        << QString("claims[0].pattern: not a known claim pattern");
    QTest::newRow("box without numbers")
        << QByteArray(R"({"images": [{"path": "a.png", "boxes": [{"label": "L", "x": "1"}]}]})")
        << QByteArray("/images/0/boxes/0/x") << QByteArray("0.0")
        << QString("images[0].boxes[0].x: not a number");
    QTest::newRow("grounding finding keeps image and box")
        << QByteArray(R"({"findings": [{"type": "grounding", "image": 2, "box": 3}]})")
        << QByteArray("/findings/0/box") << QByteArray("3") << QString();
}

void TestCaseResultCodec::lenientReads() {
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, pointer);
    QFETCH(QByteArray, expected);
    QFETCH(QString, problem);
    std::vector<std::string> problems;
    const CaseResult r = decodeCaseResult(json::parse(input.toStdString()), &problems);
    const json encoded = encodeCaseResult(r);
    const json::json_pointer at(pointer.toStdString());
    QVERIFY2(encoded.contains(at), encoded.dump().c_str());
    QCOMPARE(QString::fromStdString(encoded.at(at).dump()),
             QString::fromStdString(json::parse(expected.toStdString()).dump()));
    QString all;
    for (const std::string& p : problems)
        all += QString::fromStdString(p) + "\n";
    if (problem.isEmpty())
        QVERIFY2(problems.empty(), qPrintable(all));
    else
        QVERIFY2(all.contains(problem), qPrintable(all));
}

void TestCaseResultCodec::unreadableFindingKeepsItsPlace() {
    const json j =
        json::parse(R"({"findings": [{"type": "branch", "explanation": "a"}, "not an object",
                                               {"type": "relation", "explanation": "c"}]})");
    std::vector<std::string> problems;
    const CaseResult r = decodeCaseResult(j, &problems);
    QCOMPARE(r.findings.size(), std::size_t(3));
    QVERIFY(r.findings[0].readable);
    QVERIFY(!r.findings[1].readable);
    QVERIFY(r.finding(1) == nullptr);
    QCOMPARE(r.finding(2)->explanation, std::string("c"));
    QVERIFY(r.finding(2)->type == FindingType::Relation);
    QVERIFY(r.finding(3) == nullptr);
    QVERIFY(r.finding(-1) == nullptr);
    QCOMPARE(problems.size(), std::size_t(1));
}

void TestCaseResultCodec::nothingThrows_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("number") << QByteArray("42");
    QTest::newRow("string") << QByteArray(R"("case")");
    QTest::newRow("every list a number")
        << QByteArray(R"({"reasoning_path": 1, "reference_paths": 2, "findings": 3, "images": 4,
                         "coverage_gaps": 5, "steps": 6, "mentions": 7, "claims": 8,
                         "anchors": {"evidence": 9, "options": 10}, "source": 11})");
    QTest::newRow("every entry null")
        << QByteArray(R"({"reasoning_path": [null], "reference_paths": [null], "findings": [null],
                         "images": [null], "coverage_gaps": [null], "steps": [null],
                         "mentions": [null], "claims": [null]})");
    QTest::newRow("objects where text belongs")
        << QByteArray(R"({"id": {}, "run": [], "findings": [{"type": {}, "severity": [],
                         "nodes": [{}], "span": {"b": 1}, "explanation": 1}],
                         "images": [{"boxes": [[], {"iou": "x", "best_match": 1.5}]}]})");
}

void TestCaseResultCodec::nothingThrows() {
    QFETCH(QByteArray, input);
    std::vector<std::string> problems;
    CaseResult r;
    try {
        r = decodeCaseResult(json::parse(input.toStdString()), &problems);
        (void)encodeCaseResult(r).dump();
    } catch (const std::exception& e) {
        QFAIL(e.what());
    }
    QVERIFY(!problems.empty());
}

void TestCaseResultCodec::invalidUtf8IsMadeSafe() {
    CaseResult r;
    r.id = "bad \xff byte";
    r.referencePaths.push_back({{"A\xc3"},
                                {"Disease"},
                                {"tre\xe2\x82"
                                 "ats"},
                                {},
                                0,
                                "kg"});
    const std::string text = encodeCaseResult(r).dump(); // would throw on invalid UTF-8
    QVERIFY(text.find("bad \xEF\xBF\xBD byte") != std::string::npos);
    QVERIFY(text.find("tre\xEF\xBF\xBD") != std::string::npos);
}

void TestCaseResultCodec::kindTables() {
    for (FindingType t : kAllFindingTypes) {
        QCOMPARE(findingTypeFromName(findingTypeName(t)), std::optional<FindingType>(t));
        QVERIFY(std::string(findingTypeLabel(t)).size() > 0);
    }
    for (FindingSubtype s : kAllFindingSubtypes)
        QCOMPARE(findingSubtypeFromName(findingSubtypeName(s)), std::optional<FindingSubtype>(s));
    QVERIFY(findingSubtypeType(FindingSubtype::LowIou) == FindingType::Grounding);
    QVERIFY(findingSubtypeType(FindingSubtype::Jump) == FindingType::Branch);
    for (std::size_t i = 0; i < kAllSeverities.size(); ++i) {
        const Severity s = kAllSeverities[i];
        QCOMPARE(severityFromName(severityName(s)), std::optional<Severity>(s));
        QCOMPARE(severityRank(s), int(i));
        QCOMPARE(severityFromRank(int(i)), std::optional<Severity>(s));
    }
    QVERIFY(!severityFromRank(4));
    QVERIFY(!findingTypeFromName("Relation")); // names are exact
    QCOMPARE(std::string(severityName(Severity::Critical)), std::string("critical"));
    QCOMPARE(std::string(toString(FindingType::Missing)), std::string("missing"));
}

void TestCaseResultCodec::looksLikeCaseResult() {
    QVERIFY(rs::looksLikeCaseResult(json::parse(R"({"reasoning_path": []})")));
    QVERIFY(rs::looksLikeCaseResult(json::parse(R"({"reference_paths": []})")));
    QVERIFY(!rs::looksLikeCaseResult(json::parse(R"({"version": 1})")));
    QVERIFY(
        !rs::looksLikeCaseResult(json::parse(R"({"reasoning_path": "x", "reference_paths": 3})")));
    QVERIFY(!rs::looksLikeCaseResult(json()));
}

QTEST_APPLESS_MAIN(TestCaseResultCodec)
#include "tst_caseresultcodec.moc"
