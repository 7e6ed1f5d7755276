#include "PatternAggregator.h"

#include <QtTest>

using namespace rs;

class TestPatternAggregator : public QObject {
    Q_OBJECT
private slots:
    void groupsAcrossCases();
    void jsonShape();
    void fromFindingRows();
    void describe_data();
    void describe();
};

namespace {

Finding finding(FindingType type, const std::string& subtype, const std::string& signature) {
    Finding f;
    f.type = type;
    f.subtype = subtype;
    f.signature = signature;
    return f;
}

const std::string kWrongTreats = "relation/wrong_relation/(Compound,treats,Disease)";
const std::string kBranch = "branch/community-acquired pneumonia -> acute bronchitis";
const std::string kMissing = "missing/missing_intermediate/community-acquired pneumonia";

} // namespace

void TestPatternAggregator::groupsAcrossCases() {
    PatternAggregator agg;
    agg.add("c1",
            std::vector<Finding>{
                finding(FindingType::Relation, "wrong_relation", kWrongTreats),
                finding(FindingType::Relation, "wrong_relation", kWrongTreats), // same case twice
                finding(FindingType::Branch, "plausible_branch", kBranch)});
    agg.add("c2",
            std::vector<Finding>{finding(FindingType::Relation, "wrong_relation", kWrongTreats),
                                 finding(FindingType::Missing, "missing_intermediate", kMissing)});
    agg.add("c3",
            std::vector<Finding>{finding(FindingType::Relation, "wrong_relation", kWrongTreats),
                                 finding(FindingType::Branch, "plausible_branch", kBranch)});
    agg.add("c1", std::vector<Finding>{finding(FindingType::Missing, "missing_intermediate",
                                               kMissing)}); // re-added case
    agg.add("c4", std::vector<Finding>{finding(FindingType::Missing, "ignored_evidence",
                                               "")}); // no signature: ignored

    const auto patterns = agg.patterns();
    QCOMPARE(patterns.size(), std::size_t(3));
    QCOMPARE(patterns[0].signature, kWrongTreats);
    QCOMPARE(patterns[0].count, std::size_t(3));
    QCOMPARE(patterns[0].cases, (std::vector<std::string>{"c1", "c2", "c3"}));
    QCOMPARE(patterns[0].type, std::string("relation"));
    QCOMPARE(patterns[0].subtype, std::string("wrong_relation"));
    // Equal counts: ordered by signature.
    QCOMPARE(patterns[1].signature, kBranch);
    QCOMPARE(patterns[1].cases, (std::vector<std::string>{"c1", "c3"}));
    QCOMPARE(patterns[2].signature, kMissing);
    QCOMPARE(patterns[2].cases, (std::vector<std::string>{"c2", "c1"}));

    QCOMPARE(agg.patterns(3).size(), std::size_t(1));
    QCOMPARE(agg.patterns(4).size(), std::size_t(0));

    PatternAggregator single;
    single.add("only", std::vector<Finding>{finding(FindingType::Branch, "jump", kBranch)});
    QVERIFY(single.patterns().empty()); // one case is an anecdote
    QCOMPARE(single.patterns(1).size(), std::size_t(1));
}

void TestPatternAggregator::jsonShape() {
    PatternAggregator agg;
    for (const char* key : {"a", "b"})
        agg.add(key,
                std::vector<Finding>{finding(FindingType::Branch, "plausible_branch", kBranch)});
    const nlohmann::json j = agg.toJson();
    QVERIFY(j.is_array());
    QCOMPARE(j.size(), std::size_t(1));
    const auto& p = j[0];
    QCOMPARE(p.size(), std::size_t(6));
    QCOMPARE(p.at("signature").get<std::string>(), kBranch);
    QCOMPARE(p.at("type").get<std::string>(), std::string("branch"));
    QCOMPARE(p.at("subtype").get<std::string>(), std::string("plausible_branch"));
    QCOMPARE(p.at("description").get<std::string>(),
             std::string(
                 "Leaves the reference path at community-acquired pneumonia for acute bronchitis"));
    QCOMPARE(p.at("count").get<int>(), 2);
    QCOMPARE(p.at("cases"), nlohmann::json::array({"a", "b"}));
    QCOMPARE(PatternAggregator().toJson(), nlohmann::json::array());
}

void TestPatternAggregator::fromFindingRows() {
    // What the pipeline streams from the project file's findings table: one row per finding.
    // An empty signature (a finding the store could not group) is no pattern.
    struct Row {
        const char *caseKey, *type, *subtype, *signature;
    };
    const Row rows[] = {
        {"case0", "missing", "missing_intermediate", "missing/missing_intermediate/X"},
        {"case1", "missing", "missing_intermediate", "missing/missing_intermediate/X"},
        {"case1", "relation", "unsupported", ""},
        {"case1", "missing", "missing_intermediate", "missing/missing_intermediate/X"}};
    PatternAggregator agg;
    for (const Row& r : rows)
        agg.add(r.caseKey, r.type, r.subtype, r.signature);
    const auto patterns = agg.patterns();
    QCOMPARE(patterns.size(), std::size_t(1));
    QCOMPARE(patterns[0].cases, (std::vector<std::string>{"case0", "case1"}));
    QCOMPARE(patterns[0].type, std::string("missing"));
}

void TestPatternAggregator::describe_data() {
    QTest::addColumn<QString>("signature");
    QTest::addColumn<QString>("description");
    QTest::newRow("wrong relation")
        << "relation/wrong_relation/(Compound,treats,Disease)"
        << "Claims that a Compound treats a Disease where the KG relates the two only otherwise";
    QTest::newRow("unsupported, vowel")
        << "relation/unsupported/(Anatomy,presents_with,Symptom)"
        << "Claims that an Anatomy presents with a Symptom with no such KG edge";
    QTest::newRow("negation")
        << "relation/contradicted_negation/(Disease,causes,Symptom)"
        << "Denies that a Disease causes a Symptom although the KG has the edge";
    QTest::newRow("is a") << "relation/unsupported/(Disease,is_a,Disease)"
                          << "Claims that a Disease is a kind of Disease with no such KG edge";
    QTest::newRow("associated with")
        << "relation/unsupported/(Gene,associated_with,Disease)"
        << "Claims that a Gene is associated with a Disease with no such KG edge";
    QTest::newRow("kind with space")
        << "relation/unsupported/(Pharmacologic Class,treats,Disease)"
        << "Claims that a Pharmacologic Class treats a Disease with no such KG edge";
    QTest::newRow("branch") << "branch/fever -> wheezing"
                            << "Leaves the reference path at fever for wheezing";
    QTest::newRow("branch between alternatives of the same relation")
        << "branch/Lisinopril over Metoprolol"
        << "Chooses Lisinopril over Metoprolol";
    QTest::newRow("missing") << "missing/missing_intermediate/pneumonia"
                             << "Never mentions pneumonia, an intermediate on the reference path";
    QTest::newRow("ignored")
        << "missing/ignored_evidence/cough"
        << "Ignores the question finding cough, which leads to the gold answer";
    QTest::newRow("unknown kind kept") << "imaging/low_contrast/Nodule"
                                       << "low contrast: Nodule";
    QTest::newRow("grounding low iou") << "grounding/low_iou/nodule"
                                       << "Draws the nodule box away from the reference box";
    QTest::newRow("grounding missed") << "grounding/missed_reference/mass"
                                      << "Draws no box for the reference finding mass";
    QTest::newRow("grounding label") << "grounding/label_mismatch/mass"
                                     << "Labels mass a region the reference calls otherwise";
    QTest::newRow("malformed relation kept") << "relation/unsupported/nonsense"
                                             << "relation/unsupported/nonsense";
    QTest::newRow("no slash") << "weird"
                              << "weird";
}

void TestPatternAggregator::describe() {
    QFETCH(QString, signature);
    QFETCH(QString, description);
    QCOMPARE(QString::fromStdString(PatternAggregator::describe(signature.toStdString())),
             description);
}

QTEST_APPLESS_MAIN(TestPatternAggregator)
#include "tst_patternaggregator.moc"
