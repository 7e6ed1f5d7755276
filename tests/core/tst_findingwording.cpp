// Findings in a clinician's words: the first sentence says what the model did wrong with
// the patient's findings, diagnosis or treatment; the classifier's KG detail follows.
#include "FindingKinds.h"
#include "FindingWording.h"

#include <QtTest>

using namespace rs;

namespace {

CaseResult::Concept named(const std::string& n, const std::string& kind = "Disease") {
    return {n, kind, n};
}

// A case whose model answered "Alteplase" where the gold answer is "Aortic Dissection" was
// expected, with one claim and a chest X-ray box.
CaseResult chestPainCase() {
    CaseResult r;
    r.id = "q1";
    r.anchors.predicted = named("Alteplase", "Compound");
    r.anchors.gold = named("Aortic Dissection");
    CaseResult::Claim treats;
    treats.head = "Metformin";
    treats.relation = "treats";
    treats.tail = "Type 1 Diabetes Mellitus";
    treats.polarity = Polarity::Asserted;
    treats.span = {10, 40};
    CaseResult::Claim hedged = treats;
    hedged.head = "Aspirin";
    hedged.relation = "causes";
    hedged.tail = "Reye's Syndrome";
    hedged.polarity = Polarity::Hedged;
    hedged.span = {50, 80};
    r.claims = {treats, hedged};
    CaseResult::Image image;
    image.boxes.push_back({"Cardiomegaly", "model", 0, 0, 10, 10, {}, {}, -1, 0.2});
    r.images.push_back(image);
    return r;
}

CaseResult::Finding finding(FindingType type, FindingSubtype sub, std::vector<std::string> nodes) {
    CaseResult::Finding f;
    f.type = type;
    f.subtype = findingSubtypeName(sub);
    f.nodes = std::move(nodes);
    f.explanation = "KG detail.";
    return f;
}

} // namespace

class TestFindingWording : public QObject {
    Q_OBJECT
private slots:
    void summaries_data();
    void summaries();
    void detailFollowsTheSummary();
    void unknownKindKeepsTheExplanation();
    void clinicalNames_data();
    void clinicalNames();
};

void TestFindingWording::summaries_data() {
    QTest::addColumn<int>("type");
    QTest::addColumn<int>("subtype");
    QTest::addColumn<QStringList>("nodes");
    QTest::addColumn<QString>("summary");
    auto row = [](const char* tag, FindingType t, FindingSubtype s, QStringList nodes,
                  const char* summary) {
        QTest::newRow(tag) << int(t) << int(s) << nodes << QString::fromUtf8(summary);
    };
    row("branch to a neighbour", FindingType::Branch, FindingSubtype::PlausibleBranch,
        {"Chest Pain", "Myocardial Infarction", "Aortic Dissection"},
        "Went from chest pain to myocardial infarction and concluded alteplase; the question's "
        "findings "
        "point to aortic dissection.");
    row("branch that jumps, reference step before gold", FindingType::Branch, FindingSubtype::Jump,
        {"Chest Pain", "Gout", "Hypertension"},
        "Jumped from chest pain to gout, which nothing links to it, and concluded alteplase; the "
        "question's "
        "findings point to hypertension and aortic dissection.");
    row("branch whose taken node is the answer", FindingType::Branch,
        FindingSubtype::PlausibleBranch, {"Chest Pain", "Alteplase", "Aortic Dissection"},
        "Went from chest pain to alteplase as the answer; the question's findings point to aortic "
        "dissection.");
    // "branch/x over y" (ErrorClassifier): x and y in the same relation to d; a fourth node is
    // the concept of the case that decides.
    row("branch between alike alternatives", FindingType::Branch, FindingSubtype::PlausibleBranch,
        {"Chest Pain", "Myocardial Infarction", "Aortic Dissection"},
        "Chose myocardial infarction over aortic dissection; both relate to chest pain alike, so "
        "it does not decide between them.");
    row("branch between alike alternatives, decided", FindingType::Branch,
        FindingSubtype::PlausibleBranch,
        {"Chest Pain", "Myocardial Infarction", "Aortic Dissection", "Back Pain"},
        "Chose myocardial infarction over aortic dissection; both relate to chest pain alike, so "
        "it does not decide between them, while back pain points to aortic dissection only.");
    row("wrong relation", FindingType::Relation, FindingSubtype::WrongRelation,
        {"Metformin", "Type 1 Diabetes Mellitus"},
        "States that metformin treats type 1 diabetes mellitus; the two are related otherwise.");
    row("hedged claim keeps the hedge and the eponym", FindingType::Relation,
        FindingSubtype::WrongRelation, {"Aspirin", "Reye's Syndrome"},
        "Suggests that aspirin causes Reye's syndrome; the two are related otherwise.");
    row("denied edge", FindingType::Relation, FindingSubtype::ContradictedNegation,
        {"Metformin", "Type 1 Diabetes Mellitus"},
        "Rules out that metformin treats type 1 diabetes mellitus, although it does.");
    row("complete list", FindingType::Relation, FindingSubtype::NotInCompleteList,
        {"Metformin", "Type 1 Diabetes Mellitus"},
        "States that metformin treats type 1 diabetes mellitus, which the complete reference list "
        "for "
        "metformin does not include.");
    row("relation without its claim", FindingType::Relation, FindingSubtype::Unsupported,
        {"Fever", "Lupus"},
        "States that fever is related to lupus, which the knowledge graph does not support.");
    row("missing intermediate", FindingType::Missing, FindingSubtype::MissingIntermediate,
        {"Widened Mediastinum", "Chest Pain", "Aortic Dissection"},
        "Never considers widened mediastinum, which links chest pain to aortic dissection.");
    row("ignored evidence with a wrong answer", FindingType::Missing,
        FindingSubtype::IgnoredEvidence, {"Pulse Deficit", "Aortic Dissection"},
        "Leaves out the question's pulse deficit, which points to aortic dissection, and concluded "
        "alteplase "
        "instead.");
    row("grounding off the box", FindingType::Grounding, FindingSubtype::LowIou, {},
        "Marks cardiomegaly in the wrong place on image 1.");
    row("grounding missed", FindingType::Grounding, FindingSubtype::MissedReference, {},
        "Misses the cardiomegaly the reference marks on image 1.");
}

void TestFindingWording::summaries() {
    QFETCH(int, type);
    QFETCH(int, subtype);
    QFETCH(QStringList, nodes);
    QFETCH(QString, summary);
    std::vector<std::string> n;
    for (const QString& s : nodes)
        n.push_back(s.toStdString());
    CaseResult::Finding f = finding(FindingType(type), FindingSubtype(subtype), n);
    if (FindingType(type) == FindingType::Relation && n[0] == "Aspirin")
        f.span = {50, 80};
    if (QString(QTest::currentDataTag()).startsWith("branch between alike"))
        f.signature = "branch/" + n[1] + " over " + n[2];
    if (FindingType(type) == FindingType::Grounding) {
        f.image = 0;
        f.box = 0;
    }
    const FindingWording w = wordFinding(chestPainCase(), f);
    QCOMPARE(QString::fromStdString(w.summary), summary);
    QCOMPARE(w.detail, std::string("KG detail."));
}

void TestFindingWording::detailFollowsTheSummary() {
    const CaseResult::Finding f =
        finding(FindingType::Missing, FindingSubtype::MissingIntermediate,
                {"Widened Mediastinum", "Chest Pain", "Aortic Dissection"});
    const std::string text = wordFinding(chestPainCase(), f).text();
    QVERIFY(text.rfind("Never considers widened mediastinum", 0) == 0);
    QVERIFY(text.size() > f.explanation.size());
    QCOMPARE(text.substr(text.size() - f.explanation.size()), f.explanation);
}

void TestFindingWording::unknownKindKeepsTheExplanation() {
    CaseResult::Finding f;
    f.explanation = "A kind from a newer version.";
    QCOMPARE(wordFinding(chestPainCase(), f).text(), f.explanation);
    // A branch stored without its three nodes cannot be worded: the explanation speaks.
    f = finding(FindingType::Branch, FindingSubtype::PlausibleBranch, {"Chest Pain"});
    QVERIFY(wordFinding(chestPainCase(), f).summary.empty());
    QCOMPARE(wordFinding(chestPainCase(), f).text(), f.explanation);
    // A grounding finding pointing past the images.
    f = finding(FindingType::Grounding, FindingSubtype::LowIou, {});
    f.image = 3;
    QVERIFY(wordFinding(chestPainCase(), f).summary.empty());
}

void TestFindingWording::clinicalNames_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::newRow("title case") << "Chest Pain"
                                << "chest pain";
    QTest::newRow("already lower") << "aortic dissection"
                                   << "aortic dissection";
    QTest::newRow("acronym") << "HIV Infections"
                             << "HIV infections";
    QTest::newRow("mixed case") << "IgA Nephropathy"
                                << "IgA nephropathy";
    QTest::newRow("digits") << "Type 2 Diabetes"
                            << "type 2 diabetes";
    QTest::newRow("vitamin") << "Vitamin B12"
                             << "vitamin B12";
    QTest::newRow("possessive eponym") << "Crohn's Disease"
                                       << "Crohn's disease";
    QTest::newRow("inner capital kept") << "Non-Hodgkin Lymphoma"
                                        << "Non-Hodgkin lymphoma";
}

void TestFindingWording::clinicalNames() {
    QFETCH(QString, name);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(clinicalName(name.toStdString())), expected);
}

QTEST_APPLESS_MAIN(TestFindingWording)
#include "tst_findingwording.moc"
