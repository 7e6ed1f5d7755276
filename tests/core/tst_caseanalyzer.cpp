#include "CaseAnalyzer.h"
#include "ErrorClassifier.h"
#include "StepSegmenter.h"

#include "../support/ClinicFixture.h"
#include "../support/SharedData.h"

#include <QFile>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <thread>

using namespace rs;

// The clinic of ClinicFixture.h: fever/cough/chest pain -> pneumonia -> amoxicillin is the
// only way from those findings to amoxicillin; polyuria -> type 1 diabetes -> insulin (and
// a 4-hop detour through type 2 diabetes and diabetes mellitus) the way to insulin.
class TestCaseAnalyzer : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void findings_data();
    void findings();
    void explanations_data();
    void explanations();
    void findingLocations();
    void unanchoredCase();
    void goldPathFromInput();
    void brokenGoldPathFallsBackToSearch();
    void referenceAndReasoningPaths();
    void evidenceExcludesOptionList();
    void modifierMentionsAreNoEvidence();
    void mechanisticIntermediatesAreNotMissing();
    void correctChainHasNoFinding_data();
    void correctChainHasNoFinding();
    void branchRootCauseIsNotMissing_data();
    void branchRootCauseIsNotMissing();
    void decisiveIntermediate_data();
    void decisiveIntermediate();
    void bodyPartIsNoBranch();
    void branchIsAnAlternative_data();
    void branchIsAnAlternative();
    void answerNotFromOwnInference_data();
    void answerNotFromOwnInference();
    void localizedSymptomIsPresentation_data();
    void localizedSymptomIsPresentation();
    void sameRelationIsNoTurn_data();
    void sameRelationIsNoTurn();
    void referenceGroundedInCase_data();
    void referenceGroundedInCase();
    void evidenceReachedThroughAnotherFinding();
    void anchorAnswer_data();
    void anchorAnswer();
    void stemEnd_data();
    void stemEnd();
    void severity_data();
    void severity();
    void claimChecksAreBounded();
    void claimStatus_data();
    void claimStatus();
    void whoseClaim_data();
    void whoseClaim();
    void concurrentAnalysesAgree();
    void realOutputsStayConsistent();

private:
    test::TestKnowledgeBase kb_;
    Lexicon lexicon_ = test::clinicLexicon();
};

namespace {

const char* kPneumoniaQuestion =
    "A 30-year-old man has fever and cough for three days. Which drug is most appropriate?";
const char* kDiabetesQuestion =
    "A 12-year-old girl has polyuria and weight loss. Which drug is most appropriate?";
const char* kThreeFindingsQuestion =
    "A 60-year-old man has fever, cough and chest pain. Which drug is most appropriate?";

Case makeCase(const QString& question, const QStringList& options, const QString& gold,
              const QString& prediction, int correct, const QString& output) {
    Case c;
    c.key = "case";
    c.question = question.toStdString();
    for (int i = 0; i < options.size(); ++i)
        c.options.push_back({std::string(1, char('A' + i)), options[i].toStdString()});
    c.gold = gold.toStdString();
    c.prediction = prediction.toStdString();
    if (correct >= 0)
        c.correct = correct == 1;
    c.output = output.toStdString();
    return c;
}

QString summary(const CaseAnalysis& a) {
    QStringList lines;
    for (const Finding& f : a.findings)
        lines << QStringLiteral("%1/%2/%3: %4")
                     .arg(QString::fromLatin1(toString(f.type)), QString::fromStdString(f.subtype),
                          QString::fromLatin1(toString(f.severity)),
                          QString::fromStdString(f.signature));
    lines.sort();
    return lines.join('\n');
}

QString gapSummary(const CaseAnalysis& a) {
    QStringList gaps;
    for (const CoverageGap& g : a.coverageGaps)
        gaps << QString::fromStdString(g.where + ":" + g.text);
    return gaps.join('\n');
}

const QStringList kDrugOptions = {"amoxicillin", "azithromycin", "insulin", "albuterol"};

} // namespace

void TestCaseAnalyzer::initTestCase() {
    test::buildClinic(kb_);
}

void TestCaseAnalyzer::findings_data() {
    QTest::addColumn<QString>("question");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("gold");
    QTest::addColumn<QString>("prediction");
    QTest::addColumn<int>("correct"); // -1 unknown
    QTest::addColumn<QString>("output");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("gaps");

    const QString q = kPneumoniaQuestion;
    const QString supported = "1. Fever and cough suggest pneumonia.\n";
    const QString answerA = "\n3. The answer is A) amoxicillin.";

    QTest::newRow("correct, well supported")
        << q << kDrugOptions << "A"
        << "A" << 1 << supported + "2. Amoxicillin treats pneumonia." + answerA << ""
        << "";
    QTest::newRow("correct, correctness unknown")
        << q << kDrugOptions << "amoxicillin"
        << "A" << -1 << supported + "2. Amoxicillin treats pneumonia." + answerA << ""
        << "";
    QTest::newRow("wrong relation: treats what it causes")
        << q << kDrugOptions << "A"
        << "A" << 1 << supported + "2. Amoxicillin treats rash and pneumonia." + answerA
        << "relation/wrong_relation/major: relation/wrong_relation/(Compound,treats,Symptom)"
        << "";
    // The mini-KG lists every indication of its drugs (ClinicFixture's complete list): a drug
    // with indications claimed for a disease with treatments, and no such edge, is an error.
    QTest::newRow("not in the complete list, then a jump")
        << QString(kDiabetesQuestion) << QStringList{"insulin", "metformin"} << "A"
        << "B" << 0
        << "Polyuria suggests type 1 diabetes. Metformin treats type 1 diabetes. The answer is B) "
           "metformin."
        << "branch/jump/critical: branch/type 1 diabetes mellitus -> metformin\n"
           "relation/not_in_complete_list/critical: "
           "relation/not_in_complete_list/(Compound,treats,Disease)"
        << "";
    QTest::newRow("not in the complete list")
        << q << kDrugOptions << "A"
        << "A" << 1 << supported + "2. Amoxicillin treats asthma as well." + answerA
        << "relation/not_in_complete_list/major: "
           "relation/not_in_complete_list/(Compound,treats,Disease)"
        << "";
    QTest::newRow("contradicted negation")
        << q << kDrugOptions << "A"
        << "B" << 0
        << supported + "2. Amoxicillin does not treat pneumonia, so azithromycin is better.\n3. "
                       "The answer is B) azithromycin."
        << "branch/jump/critical: branch/community-acquired pneumonia -> azithromycin\n"
           "relation/contradicted_negation/critical: "
           "relation/contradicted_negation/(Compound,treats,Disease)"
        << "";
    // "not typically used for" denies a norm, not the relation: the KG's edge says the drug
    // can treat it, which is no contradiction (written from the definition in DESIGN.md).
    QTest::newRow("a denied norm is no contradicted negation")
        << q << kDrugOptions << "A"
        << "A" << 1
        << supported + "2. Amoxicillin does not typically treat pneumonia in infants." + answerA
        << ""
        << "";
    QTest::newRow("claim on a concept without edges is a coverage gap")
        << q << kDrugOptions << "A"
        << "A" << 1 << supported + "2. Amoxicillin causes photosensitivity." + answerA << ""
        << "claim:photosensitivity";
    QTest::newRow("negated and false is fine")
        << q << kDrugOptions << "A"
        << "A" << 1 << supported + "2. Amoxicillin does not treat asthma." + answerA << ""
        << "";
    QTest::newRow("plausible branch to a resembling disease")
        << q << kDrugOptions << "A"
        << "B" << 0
        << "1. Fever and cough suggest pneumonia, which resembles bronchitis.\n2. Azithromycin "
           "treats bronchitis.\n"
           "3. The answer is B) azithromycin."
        << "branch/plausible_branch/critical: branch/community-acquired pneumonia -> acute "
           "bronchitis"
        << "";
    QTest::newRow("divergence at the evidence")
        << q << kDrugOptions << "A"
        << "D" << 0
        << "The wheezing points to asthma. Albuterol treats asthma. The answer is D) albuterol."
        // Pneumonia, r*'s node after the divergence, belongs to the branch finding: not missing.
        // Wheezing is a finding read on the way; asthma is the diagnosis taken instead of
        // pneumonia.
        << "branch/jump/critical: branch/fever -> asthma\n"
           "missing/ignored_evidence/major: missing/ignored_evidence/cough\n"
           "missing/ignored_evidence/major: missing/ignored_evidence/fever"
        << "";
    QTest::newRow("missing intermediate")
        << q << kDrugOptions << "A"
        << "A" << 1
        << "Fever and cough are present. Amoxicillin is the answer. The answer is A) amoxicillin."
        << "missing/missing_intermediate/minor: missing/missing_intermediate/community-acquired "
           "pneumonia"
        << "";
    QTest::newRow("intermediate named by synonym")
        << q << kDrugOptions << "A"
        << "A" << 1
        << "Fever and cough are typical of pneumonia. Amoxicillin is the answer. The answer is A) "
           "amoxicillin."
        << ""
        << "";
    QTest::newRow("intermediate named by is-a parent")
        << q << kDrugOptions << "A"
        << "A" << 1
        << "Fever and cough are typical of a lung disease. Amoxicillin is the answer. The answer "
           "is A) amoxicillin."
        << ""
        << "";
    QTest::newRow("a sibling does not name the intermediate")
        << q << kDrugOptions << "A"
        << "A" << 1
        << "Fever and cough are typical of acute bronchitis. Amoxicillin is the answer. The answer "
           "is A) amoxicillin."
        << "missing/missing_intermediate/minor: missing/missing_intermediate/community-acquired "
           "pneumonia"
        << "";
    // The model's own KG-supported path from a finding to gold is a reference: nothing missing.
    QTest::newRow("own supported path, right answer: nothing ignored")
        << QString(kThreeFindingsQuestion) << kDrugOptions << "A"
        << "A" << 1
        << "Fever suggests pneumonia. Amoxicillin treats pneumonia. The answer is A) amoxicillin."
        << ""
        << "";
    QTest::newRow("ignored evidence, wrong answer")
        << QString(kThreeFindingsQuestion) << kDrugOptions << "A"
        << "D" << 0 << "Fever is common. The answer is D) albuterol."
        << "branch/jump/critical: branch/fever -> albuterol\n"
           "missing/ignored_evidence/major: missing/ignored_evidence/chest pain\n"
           "missing/ignored_evidence/major: missing/ignored_evidence/cough"
        << "";
    QTest::newRow("coverage gap is no finding")
        << q << kDrugOptions << "A"
        << "A" << 1
        << supported + "2. Amoxicillin treats pneumonia. Amoxicillin also treats strep throat." +
               answerA
        << ""
        << "claim:strep throat";
    QTest::newRow("unlinkable option is a gap, not a finding")
        << q << (QStringList(kDrugOptions) << "Watchful waiting") << "A"
        << "A" << 1 << supported + "2. Amoxicillin treats pneumonia." + answerA << ""
        << "option E:Watchful waiting";
    QTest::newRow("hedged unsupported claim is no finding")
        << q << kDrugOptions << "A"
        << "A" << 1 << supported + "2. Amoxicillin may treat asthma." + answerA << ""
        << "";
    QTest::newRow("hedged wrong relation is a finding")
        << q << kDrugOptions << "A"
        << "A" << 1 << supported + "2. Amoxicillin might treat rash." + answerA
        << "relation/wrong_relation/major: relation/wrong_relation/(Compound,treats,Symptom)"
        << "";
    QTest::newRow("wrong answer: jump to the chosen option")
        << q << kDrugOptions << "A"
        << "C" << 0 << supported + "2. Amoxicillin treats pneumonia.\n3. The answer is C) insulin."
        << "branch/jump/critical: branch/community-acquired pneumonia -> insulin"
        << "";
    QTest::newRow("same claim twice is one finding")
        << q << kDrugOptions << "A"
        << "A" << 1
        << supported + "2. Amoxicillin treats rash. Again, amoxicillin treats rash." + answerA
        << "relation/wrong_relation/major: relation/wrong_relation/(Compound,treats,Symptom)"
        << "";
}

void TestCaseAnalyzer::findings() {
    QFETCH(QString, question);
    QFETCH(QStringList, options);
    QFETCH(QString, gold);
    QFETCH(QString, prediction);
    QFETCH(int, correct);
    QFETCH(QString, output);
    QFETCH(QString, expected);
    QFETCH(QString, gaps);
    const CaseAnalyzer analyzer(kb_, lexicon_, AnalysisSettings{});
    const CaseAnalysis a =
        analyzer.analyze(makeCase(question, options, gold, prediction, correct, output));
    QVERIFY2(a.unanchoredReason.empty(), a.unanchoredReason.c_str());
    QVERIFY(!a.referencePaths.empty());
    QCOMPARE(summary(a), expected);
    QCOMPARE(gapSummary(a), gaps);
}

void TestCaseAnalyzer::explanations_data() {
    QTest::addColumn<QString>("question");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("prediction");
    QTest::addColumn<QString>("output");
    QTest::addColumn<QString>("explanation");

    QTest::newRow("not in the complete list, gold alternative")
        << QString(kDiabetesQuestion) << QStringList{"insulin", "metformin"} << "B"
        << "Metformin treats type 1 diabetes. The answer is B) metformin."
        << "Claims metformin treats type 1 diabetes mellitus; the KG's treats or palliates list is "
           "declared complete "
           "for metformin and type 1 diabetes mellitus, and has no such edge; insulin treats type "
           "1 diabetes mellitus "
           "does exist.";
    QTest::newRow("not in the complete list, option alternative")
        << QString(kPneumoniaQuestion) << kDrugOptions << "A"
        << "Amoxicillin treats asthma."
        << "Claims amoxicillin treats asthma; the KG's treats or palliates list is declared "
           "complete for amoxicillin "
           "and asthma, and has no such edge; albuterol treats asthma does exist.";
    QTest::newRow("wrong relation")
        << QString(kPneumoniaQuestion) << kDrugOptions << "A"
        << "Amoxicillin treats rash."
        << "Claims amoxicillin treats rash; the KG relates them only as amoxicillin causes rash.";
    QTest::newRow("hedged wrong relation")
        << QString(kPneumoniaQuestion) << kDrugOptions << "A"
        << "Amoxicillin might treat rash."
        << "Suggests amoxicillin treats rash; the KG relates them only as amoxicillin causes rash.";
    QTest::newRow("contradicted negation")
        << QString(kPneumoniaQuestion) << kDrugOptions << "A"
        << "Fever is not due to pneumonia."
        << "Denies that community-acquired pneumonia causes fever; the KG has community-acquired "
           "pneumonia presents "
           "fever.";
    QTest::newRow("plausible branch") << QString(kPneumoniaQuestion) << kDrugOptions << "B"
                                      << "Fever and cough suggest pneumonia, which resembles "
                                         "bronchitis. The answer is B) azithromycin."
                                      << "The reasoning follows the KG path to community-acquired "
                                         "pneumonia, then turns to acute bronchitis (a KG "
                                         "neighbour of community-acquired pneumonia) instead of "
                                         "amoxicillin, and concludes azithromycin rather than "
                                         "amoxicillin.";
    QTest::newRow("branch at evidence") << QString(kPneumoniaQuestion) << kDrugOptions << "D"
                                        << "Wheezing points to asthma. The answer is D) albuterol."
                                        << "The reasoning never joins a KG path to amoxicillin: "
                                           "from the question finding fever the KG leads to "
                                           "community-acquired pneumonia, but the output turns to "
                                           "asthma (not connected to fever in the KG) and "
                                           "concludes albuterol.";
    QTest::newRow("missing intermediate")
        << QString(kPneumoniaQuestion) << kDrugOptions << "A"
        << "Fever and cough. Amoxicillin. Answer A) amoxicillin."
        << "The output never mentions community-acquired pneumonia, the step between fever and "
           "amoxicillin on the KG "
           "path fever \u2192 community-acquired pneumonia \u2192 amoxicillin.";
    QTest::newRow("ignored evidence")
        << QString(kPneumoniaQuestion) << kDrugOptions << "D"
        << "Cough is common. The answer is D) albuterol."
        << "The question finding fever leads to the answer amoxicillin in the KG (fever \u2192 "
           "community-acquired "
           "pneumonia \u2192 amoxicillin), but the output never mentions it.";
}

void TestCaseAnalyzer::explanations() {
    QFETCH(QString, question);
    QFETCH(QStringList, options);
    QFETCH(QString, prediction);
    QFETCH(QString, output);
    QFETCH(QString, explanation);
    const CaseAnalyzer analyzer(kb_, lexicon_, AnalysisSettings{});
    const CaseAnalysis a = analyzer.analyze(
        makeCase(question, options, "A", prediction, prediction == "A" ? 1 : 0, output));
    QStringList all;
    for (const Finding& f : a.findings)
        all << QString::fromStdString(f.explanation);
    QVERIFY2(all.contains(explanation), qPrintable(all.join("\n")));
}

void TestCaseAnalyzer::findingLocations() {
    const std::string output = "1. Polyuria suggests type 1 diabetes.\n2. Metformin treats type 1 "
                               "diabetes.\n3. The answer is B) metformin.";
    const Case c = makeCase(kDiabetesQuestion, {"insulin", "metformin"}, "A", "B", 0,
                            QString::fromStdString(output));
    const CaseAnalysis a = CaseAnalyzer(kb_, lexicon_, {}).analyze(c);
    QCOMPARE(a.findings.size(), std::size_t(2));
    for (const Finding& f : a.findings) {
        if (f.type == FindingType::Relation) {
            QCOMPARE(f.step, 1);
            QCOMPARE(output.substr(f.spanBegin, f.spanEnd - f.spanBegin),
                     std::string("Metformin treats type 1 diabetes"));
            QCOMPARE(f.nodes, (std::vector<NodeId>{kb_.id("metformin"),
                                                   kb_.id("type 1 diabetes mellitus")}));
        } else {
            QVERIFY(f.type == FindingType::Branch);
            // d, taken x, reference continuation y
            QCOMPARE(f.nodes, (std::vector<NodeId>{kb_.id("type 1 diabetes mellitus"),
                                                   kb_.id("metformin"), kb_.id("insulin")}));
            QCOMPARE(output.substr(f.spanBegin, f.spanEnd - f.spanBegin), std::string("Metformin"));
            QCOMPARE(f.step, 2); // the conclusion's step: where the model settles on metformin
        }
    }
}

void TestCaseAnalyzer::unanchoredCase() {
    const Case c =
        makeCase("A 39-year-old woman has fever and chest pain. A blood culture is most likely to "
                 "show which "
                 "of the following?",
                 {"Lactose-fermenting, gram-negative rods forming pink colonies on MacConkey agar",
                  "Gram-positive cocci in clusters"},
                 "Lactose-fermenting, gram-negative rods forming pink colonies on MacConkey agar",
                 "B", 0, "Fever suggests pneumonia. Amoxicillin treats rash. The answer is B.");
    const CaseAnalysis a = CaseAnalyzer(kb_, lexicon_, {}).analyze(c);
    QCOMPARE(
        QString::fromStdString(a.unanchoredReason),
        QStringLiteral(
            "gold answer 'Lactose-fermenting, gram-negative rods forming ...' has no KG concept"));
    QCOMPARE(a.goldOption, 0);
    QCOMPARE(a.goldNode, kNoNode);
    QCOMPARE(a.predictedOption, 1);
    QVERIFY(a.referencePaths.empty());
    QCOMPARE(a.bestReference, -1);
    // Still relation-checked; no branch or missing finding without references.
    QCOMPARE(
        summary(a),
        QStringLiteral(
            "relation/wrong_relation/critical: relation/wrong_relation/(Compound,treats,Symptom)"));
    QCOMPARE(
        gapSummary(a),
        QStringLiteral("option A:Lactose-fermenting, gram-negative rods forming pink colonies on "
                       "MacConkey agar\noption B:Gram-positive cocci in clusters\n"
                       "gold:Lactose-fermenting, gram-negative rods forming pink colonies on "
                       "MacConkey agar\nprediction:Gram-positive cocci in clusters"));
    QCOMPARE(a.evidence, (std::vector<NodeId>{kb_.id("fever"), kb_.id("chest pain")}));

    Case noGold = c;
    noGold.gold.clear();
    QCOMPARE(CaseAnalyzer(kb_, lexicon_, {}).analyze(noGold).unanchoredReason,
             std::string("no gold answer given"));

    Case noEvidence =
        makeCase("Which drug is most appropriate?", kDrugOptions, "A", "A", 1, "Amoxicillin.");
    QCOMPARE(CaseAnalyzer(kb_, lexicon_, {}).analyze(noEvidence).unanchoredReason,
             std::string("no finding in the question could be linked to the KG"));

    Case noPath =
        makeCase("A man has wheezing. Which drug?", kDrugOptions, "A", "A", 1, "Amoxicillin.");
    AnalysisSettings shortHops;
    shortHops.maxHops = 2;
    QCOMPARE(
        CaseAnalyzer(kb_, lexicon_, shortHops).analyze(noPath).unanchoredReason,
        std::string("no KG path of at most 2 hops links the question findings to 'amoxicillin'"));
    // wheezing -> bronchitis -> pneumonia -> amoxicillin exists at 3 hops, but pneumonia
    // explains no finding of the question: no clinical reference.
    QCOMPARE(
        CaseAnalyzer(kb_, lexicon_, {}).analyze(noPath).unanchoredReason,
        std::string(
            "no KG path to 'amoxicillin' follows the question's ask (other) through concepts the "
            "question's findings suggest"));
}

void TestCaseAnalyzer::goldPathFromInput() {
    Case c = makeCase(kPneumoniaQuestion, kDrugOptions, "A", "A", 1,
                      "Cough is present. Amoxicillin is the answer. The answer is A) amoxicillin.");
    c.goldPath = {{"cough", "symptom_of", "pneumonia"}, {"pneumonia", "treated_by", "amoxicillin"}};
    const CaseAnalysis a = CaseAnalyzer(kb_, lexicon_, {}).analyze(c);
    QCOMPARE(a.referencePaths.size(), std::size_t(1));
    const ReferencePath& r = a.referencePaths[0];
    QCOMPARE(r.origin, std::string("input"));
    QCOMPARE(r.nodes, (std::vector<NodeId>{kb_.id("cough"), kb_.id("community-acquired pneumonia"),
                                           kb_.id("amoxicillin")}));
    QCOMPARE(r.relations, (std::vector<std::string>{"symptom_of", "treated_by"}));
    QCOMPARE(a.bestReference, 0);
    // fever is a question finding, but no reference path starts there: not "ignored".
    QCOMPARE(summary(a),
             QStringLiteral("missing/missing_intermediate/minor: "
                            "missing/missing_intermediate/community-acquired pneumonia"));
    QVERIFY(a.coverageGaps.empty());
}

void TestCaseAnalyzer::brokenGoldPathFallsBackToSearch() {
    Case c = makeCase(kPneumoniaQuestion, kDrugOptions, "A", "A", 1,
                      "1. Fever and cough suggest pneumonia.\n2. Amoxicillin treats pneumonia.");
    c.goldPath = {{"cough", "symptom_of", "walking pneumonia"},
                  {"walking pneumonia", "treated_by", "amoxicillin"}};
    const CaseAnalysis a = CaseAnalyzer(kb_, lexicon_, {}).analyze(c);
    QVERIFY(a.referencePaths.size() >= 2);
    // The model's own supported path (fever -> pneumonia -> amoxicillin) leads, the KG search
    // follows.
    QCOMPARE(a.referencePaths[0].origin, std::string("model"));
    for (std::size_t i = 1; i < a.referencePaths.size(); ++i)
        QCOMPARE(a.referencePaths[i].origin, std::string("kg"));
    QCOMPARE(gapSummary(a), QStringLiteral("gold:walking pneumonia\ngold:walking pneumonia"));
    QCOMPARE(summary(a), QString());
}

void TestCaseAnalyzer::referenceAndReasoningPaths() {
    const Case c = makeCase(
        kDiabetesQuestion, {"insulin", "metformin"}, "A", "B", 0,
        "Metformin is often used. Polyuria suggests type 1 diabetes. Metformin treats type 1 "
        "diabetes. So the answer is B) metformin.");
    const CaseAnalysis a = CaseAnalyzer(kb_, lexicon_, {}).analyze(c);
    QCOMPARE(a.evidence, (std::vector<NodeId>{kb_.id("polyuria"), kb_.id("weight loss")}));
    QCOMPARE(a.optionNodes, (std::vector<NodeId>{kb_.id("insulin"), kb_.id("metformin")}));
    QCOMPARE(a.goldNode, kb_.id("insulin"));
    QCOMPARE(a.predictedNode, kb_.id("metformin"));
    // Conclusion moved last, with the step of its last mention.
    QCOMPARE(a.reasoningPath,
             (std::vector<NodeId>{kb_.id("polyuria"), kb_.id("type 1 diabetes mellitus"),
                                  kb_.id("metformin")}));
    QCOMPARE(a.reasoningPathSteps, (std::vector<int>{1, 1, 3}));
    // polyuria -> T1D -> insulin and weight loss -> T1D -> insulin; the 4-hop detour over type
    // 2 diabetes and diabetes mellitus passes diabetes mellitus, which explains no finding of the
    // question, so it is no reference.
    QCOMPARE(a.referencePaths.size(), std::size_t(2));
    QCOMPARE(a.referencePaths[0].nodes.size(), std::size_t(3));
    // r* is the path the reasoning follows: the one from polyuria.
    QVERIFY(a.bestReference >= 0);
    QCOMPARE(a.referencePaths[std::size_t(a.bestReference)].nodes.front(), kb_.id("polyuria"));
    QCOMPARE(a.steps.size(), std::size_t(4));

    AnalysisSettings k1;
    k1.k = 1;
    QCOMPARE(CaseAnalyzer(kb_, lexicon_, k1).analyze(c).referencePaths.size(), std::size_t(1));
}

void TestCaseAnalyzer::evidenceExcludesOptionList() {
    Case c = makeCase("A man has fever. Which drug?\nA. Amoxicillin\nB. Insulin\nC. Albuterol",
                      {"Amoxicillin", "Insulin", "Albuterol"}, "A", "A", 1,
                      "Fever suggests pneumonia. Amoxicillin treats pneumonia.");
    const CaseAnalysis a = CaseAnalyzer(kb_, lexicon_, {}).analyze(c);
    QCOMPARE(a.evidence, (std::vector<NodeId>{kb_.id("fever")}));
    QCOMPARE(a.questionMentions.size(), std::size_t(4)); // still linked for display
}

void TestCaseAnalyzer::modifierMentionsAreNoEvidence() {
    // "lung" of "lung sounds" is not a finding of the question; taken as one, it would be
    // evidence with a KG path to the answer (lung <- pneumonia -> amoxicillin) that the
    // output "ignores".
    const Case c = makeCase("A 30-year-old man has fever, cough and decreased lung sounds. Which "
                            "drug is most appropriate?",
                            kDrugOptions, "A", "A", 1,
                            "Fever and cough suggest pneumonia. Amoxicillin treats pneumonia. The "
                            "answer is A) amoxicillin.");
    const CaseAnalysis a = CaseAnalyzer(kb_, lexicon_, {}).analyze(c);
    QCOMPARE(a.evidence, (std::vector<NodeId>{kb_.id("fever"), kb_.id("cough")}));
    QCOMPARE(summary(a), QString());
    QCOMPARE(gapSummary(a), QStringLiteral("question:lung sounds"));

    AnalysisSettings keep;
    keep.dropModifierMentions = false;
    const CaseAnalysis b = CaseAnalyzer(kb_, lexicon_, keep).analyze(c);
    QCOMPARE(b.evidence, (std::vector<NodeId>{kb_.id("fever"), kb_.id("cough"), kb_.id("lung")}));
    // With a right answer, an ignored finding is no error of the model's (and its own path
    // fever -> pneumonia -> amoxicillin is supported): still nothing reported.
    QCOMPARE(summary(b), QString());
}

void TestCaseAnalyzer::mechanisticIntermediatesAreNotMissing() {
    // Polyuria and fatigue reach type 1 diabetes only through the gene INSR, so INSR lies on
    // every reference path from two findings: decisive by the definition. The gene is how the
    // KG connects them, not a step a clinician's reasoning should name.
    test::TestKnowledgeBase kb;
    kb.add("polyuria", "Symptom");
    kb.add("fatigue", "Symptom");
    kb.add("INSR", "Gene");
    kb.add("type 1 diabetes mellitus", "Disease", {"type 1 diabetes"});
    kb.add("asthma", "Disease");
    kb.edge("INSR", "associates", "polyuria");
    kb.edge("INSR", "associates", "fatigue");
    kb.edge("type 1 diabetes mellitus", "associates", "INSR");
    const Case c =
        makeCase("A 12-year-old girl has polyuria and fatigue. What is the most likely diagnosis?",
                 {"type 1 diabetes", "asthma"}, "A", "A", 1,
                 "Polyuria and fatigue are present. The answer is A) type 1 diabetes.");
    const CaseAnalysis a = CaseAnalyzer(kb, lexicon_, {}).analyze(c);
    QVERIFY(a.bestReference >= 0);
    QCOMPARE(a.referencePaths.size(), std::size_t(2));
    for (const ReferencePath& p : a.referencePaths)
        QCOMPARE(p.nodes[1], kb.id("INSR"));
    QCOMPARE(summary(a), QString());

    AnalysisSettings all;
    all.mechanisticKinds.clear();
    QCOMPARE(
        summary(CaseAnalyzer(kb, lexicon_, all).analyze(c)),
        QStringLiteral("missing/missing_intermediate/minor: missing/missing_intermediate/INSR"));
}

void TestCaseAnalyzer::correctChainHasNoFinding_data() {
    QTest::addColumn<QString>("question");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("output");
    QTest::addColumn<int>("claims"); // the model's claims, every one a KG edge

    // docs/design.md, Error classes: a finding needs positive evidence against the model. A
    // chain whose every claim is a KG edge and whose path reaches the gold answer has none:
    // no relation error (all supported), no branch (the answer is right), nothing missing
    // (the model's own KG-supported path is a reference).
    QTest::newRow("finding -> disease -> drug")
        << QString(kPneumoniaQuestion) << kDrugOptions
        << "1. Fever and cough suggest pneumonia.\n2. Amoxicillin treats pneumonia.\n3. The answer "
           "is A) amoxicillin."
        << 3; // both coordinated findings suggest pneumonia (issue 16)
    QTest::newRow("three findings, one claim each")
        << QString(kThreeFindingsQuestion) << kDrugOptions
        << "Fever suggests pneumonia. Cough suggests pneumonia. Chest pain suggests pneumonia. "
           "Amoxicillin treats "
           "pneumonia. The answer is A) amoxicillin."
        << 4;
    QTest::newRow("only one of three findings used")
        << QString(kThreeFindingsQuestion) << kDrugOptions
        << "Chest pain suggests pneumonia. Amoxicillin treats pneumonia. The answer is A) "
           "amoxicillin."
        << 2;
    QTest::newRow("diabetes")
        << QString(kDiabetesQuestion) << QStringList{"insulin", "metformin"}
        << "Polyuria suggests type 1 diabetes. Insulin treats type 1 diabetes. The answer is "
           "A) insulin."
        << 2;
    QTest::newRow("diagnosis question")
        << QStringLiteral("A 60-year-old man has fever, cough and chest pain. What is the most "
                          "likely diagnosis?")
        << QStringList{"pneumonia", "asthma", "acute bronchitis"}
        << "Fever suggests pneumonia. Cough suggests pneumonia. The answer is A) pneumonia." << 2;
}

void TestCaseAnalyzer::correctChainHasNoFinding() {
    QFETCH(QString, question);
    QFETCH(QStringList, options);
    QFETCH(QString, output);
    QFETCH(int, claims);
    const CaseAnalysis a =
        CaseAnalyzer(kb_, lexicon_, {}).analyze(makeCase(question, options, "A", "A", 1, output));
    QVERIFY(!a.referencePaths.empty());
    int model = 0;
    for (const Claim& c : a.claims) {
        if (c.owner != ClaimOwner::Model)
            continue;
        ++model;
        QCOMPARE(toString(c.status), "supported");
    }
    QCOMPARE(model, claims);
    QCOMPARE(summary(a), QString());
}

void TestCaseAnalyzer::branchRootCauseIsNotMissing_data() {
    QTest::addColumn<QString>("question");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("gold");
    QTest::addColumn<QString>("prediction");
    QTest::addColumn<QString>("output");

    // docs/design.md, Error classes: the nodes of r* after a branch's divergence belong to the
    // branch finding and are not also reported as missing (one root cause, one finding).
    QTest::newRow("diverges at the evidence")
        << QString(kPneumoniaQuestion) << kDrugOptions << "A"
        << "D"
        << "The wheezing points to asthma. Albuterol treats asthma. The answer is D) albuterol.";
    QTest::newRow("diverges after the diagnosis")
        << QString(kPneumoniaQuestion) << kDrugOptions << "A"
        << "B"
        << "Fever and cough suggest pneumonia, which resembles bronchitis. Azithromycin treats "
           "bronchitis. The "
           "answer is B) azithromycin.";
    QTest::newRow("three findings, none used")
        << QString(kThreeFindingsQuestion) << kDrugOptions << "A"
        << "D"
        << "Wheezing suggests asthma. The answer is D) albuterol.";
    QTest::newRow("wrong diabetes")
        << QString(kDiabetesQuestion) << QStringList{"insulin", "metformin"} << "A"
        << "B"
        << "Metformin is the usual first drug. The answer is B) metformin.";
}

void TestCaseAnalyzer::branchRootCauseIsNotMissing() {
    QFETCH(QString, question);
    QFETCH(QStringList, options);
    QFETCH(QString, gold);
    QFETCH(QString, prediction);
    QFETCH(QString, output);
    const CaseAnalysis a = CaseAnalyzer(kb_, lexicon_, {})
                               .analyze(makeCase(question, options, gold, prediction, 0, output));
    QVERIFY(a.bestReference >= 0);
    const std::vector<NodeId>& r = a.referencePaths[std::size_t(a.bestReference)].nodes;
    std::vector<NodeId> branchOwned; // r*'s nodes after each branch's divergence node
    int branches = 0;
    for (const Finding& f : a.findings) {
        if (f.type != FindingType::Branch)
            continue;
        ++branches;
        const auto d = std::find(r.begin(), r.end(), f.nodes.front());
        QVERIFY2(d != r.end(), "the divergence node lies on r*");
        branchOwned.insert(branchOwned.end(), d + 1, r.end());
    }
    QCOMPARE(branches, 1);
    QVERIFY(!branchOwned.empty());
    for (const Finding& f : a.findings)
        if (f.type == FindingType::Missing && f.subtype == "missing_intermediate")
            QVERIFY2(std::find(branchOwned.begin(), branchOwned.end(), f.nodes.front()) ==
                         branchOwned.end(),
                     qPrintable(summary(a)));
}

void TestCaseAnalyzer::decisiveIntermediate_data() {
    QTest::addColumn<QString>("question");
    QTest::addColumn<QString>("output");
    QTest::addColumn<QString>("expected");

    // docs/design.md, Error classes: missing is a decisive intermediate, one that explains two
    // or more of the question's findings or that every reference path passes.
    QTest::newRow("explains two findings")
        << QString(kPneumoniaQuestion)
        << "Fever and cough are present. The answer is A) amoxicillin."
        << "missing/missing_intermediate/minor: missing/missing_intermediate/community-acquired "
           "pneumonia";
    QTest::newRow("explains the only finding")
        << QStringLiteral(
               "A 30-year-old man has chest pain for three days. Which drug is most appropriate?")
        << "Chest pain is present. The answer is A) amoxicillin."
        << "";
}

void TestCaseAnalyzer::decisiveIntermediate() {
    QFETCH(QString, question);
    QFETCH(QString, output);
    QFETCH(QString, expected);
    const CaseAnalysis a = CaseAnalyzer(kb_, lexicon_, {})
                               .analyze(makeCase(question, kDrugOptions, "A", "A", 1, output));
    QVERIFY(!a.referencePaths.empty());
    QCOMPARE(summary(a), expected);
}

void TestCaseAnalyzer::bodyPartIsNoBranch() {
    // A branch names the concept the reasoning turned to; a body part says where, not what.
    const CaseAnalysis a =
        CaseAnalyzer(kb_, lexicon_, {})
            .analyze(makeCase(kPneumoniaQuestion, kDrugOptions, "A", "B", 0,
                              "Fever and cough involve the lung. The answer is B) azithromycin."));
    QCOMPARE(summary(a), QStringLiteral("branch/jump/critical: branch/fever -> azithromycin"));
}

void TestCaseAnalyzer::branchIsAnAlternative_data() {
    QTest::addColumn<QString>("question");
    QTest::addColumn<QString>("prediction");
    QTest::addColumn<QString>("output");
    QTest::addColumn<QString>("expected");

    // docs/design.md, Error classes: a branch is the model taking another alternative where the
    // reference goes on: another diagnosis for its diagnosis, another drug for its drug. A
    // finding the model reads on its way (wheezing) is no such turn.
    QTest::newRow("finding on the way, then a diagnosis")
        << QString(kPneumoniaQuestion) << "D"
        << "Wheezing is heard. Wheezing points to asthma. The answer is D) albuterol."
        << "branch/fever -> asthma";
    QTest::newRow("finding on the way, then the chosen drug")
        << QString(kPneumoniaQuestion) << "B"
        << "Fever, cough and wheezing are present. The answer is B) azithromycin."
        << "branch/fever -> azithromycin";
    QTest::newRow("a diagnosis named to set it aside")
        << QString(kPneumoniaQuestion) << "B"
        << "Wheezing does not point to asthma here. The answer is B) azithromycin."
        << "branch/fever -> azithromycin";
    QTest::newRow("the class of the reference's diagnosis is no alternative")
        << QString(kPneumoniaQuestion) << "B"
        << "Fever and cough suggest a lung disease. The answer is B) azithromycin."
        << "branch/fever -> azithromycin";
    QTest::newRow("another diagnosis after the reference's")
        << QString(kPneumoniaQuestion) << "B"
        << "Fever and cough suggest pneumonia, which resembles bronchitis. The answer is B) "
           "azithromycin."
        << "branch/community-acquired pneumonia -> acute bronchitis";
}

void TestCaseAnalyzer::branchIsAnAlternative() {
    QFETCH(QString, question);
    QFETCH(QString, prediction);
    QFETCH(QString, output);
    QFETCH(QString, expected);
    const CaseAnalysis a =
        CaseAnalyzer(kb_, lexicon_, {})
            .analyze(makeCase(kPneumoniaQuestion, kDrugOptions, "A", prediction, 0, output));
    QStringList branches;
    for (const Finding& f : a.findings)
        if (f.type == FindingType::Branch)
            branches << QString::fromStdString(f.signature);
    QCOMPARE(branches, QStringList{expected});
}

void TestCaseAnalyzer::answerNotFromOwnInference_data() {
    QTest::addColumn<QString>("output");
    QTest::addColumn<QString>("expected"); // "x instead of y" for each branch finding

    // docs/error-classes.md, Branch errors: a model that infers the reference's next concept
    // itself and never infers the one it answers did not turn at a decision; its answer does
    // not follow from its reasoning. Inferring both is weighing them: choosing x is the branch.
    QTest::newRow("infers the gold, answers another")
        << "Fever and cough suggest pneumonia. The answer is B) acute bronchitis."
        << "";
    QTest::newRow("infers both, answers the other")
        << "Fever and cough suggest pneumonia, but cough also suggests bronchitis. The answer "
           "is B) acute bronchitis."
        << "acute bronchitis instead of community-acquired pneumonia";
    QTest::newRow("a hedged inference is weighing, not concluding")
        << "Fever and cough might suggest pneumonia. The answer is B) acute bronchitis."
        << "acute bronchitis instead of community-acquired pneumonia";
    QTest::newRow("the gold denied")
        << "Fever and cough do not suggest pneumonia. The answer is B) acute bronchitis."
        << "acute bronchitis instead of community-acquired pneumonia";
}

void TestCaseAnalyzer::answerNotFromOwnInference() {
    QFETCH(QString, output);
    QFETCH(QString, expected);
    const QStringList diagnoses = {"community-acquired pneumonia", "acute bronchitis", "asthma",
                                   "type 2 diabetes mellitus"};
    const CaseAnalysis a =
        CaseAnalyzer(kb_, lexicon_, {})
            .analyze(makeCase(QStringLiteral("A 30-year-old man has fever and cough for three "
                                             "days. What is the most likely diagnosis?"),
                              diagnoses, "A", "B", 0, output));
    QVERIFY(!a.referencePaths.empty());
    QStringList branches;
    for (const Finding& f : a.findings)
        if (f.type == FindingType::Branch && f.nodes.size() == 3)
            branches << QString::fromStdString(std::string(kb_.nodeName(f.nodes[1])) +
                                               " instead of " +
                                               std::string(kb_.nodeName(f.nodes[2])));
    QCOMPARE(branches.join('\n'), expected);
}

void TestCaseAnalyzer::localizedSymptomIsPresentation_data() {
    QTest::addColumn<QString>("output");
    QTest::addColumn<QString>("relation");

    // docs/error-classes.md, Extraction: "affects", "involves" name a place for a body part
    // and a presentation for a symptom (retypeByKinds reads the linked ends' kinds).
    QTest::newRow("a symptom") << "Pneumonia affects cough."
                               << "presents_with";
    QTest::newRow("a body part") << "Pneumonia affects the lung."
                                 << "localizes_to";
}

void TestCaseAnalyzer::localizedSymptomIsPresentation() {
    QFETCH(QString, output);
    QFETCH(QString, relation);
    const CaseAnalysis a = CaseAnalyzer(kb_, lexicon_, {})
                               .analyze(makeCase(kPneumoniaQuestion, kDrugOptions, "A", "A", 1,
                                                 output + " The answer is A) amoxicillin."));
    QStringList relations;
    for (const Claim& c : a.claims)
        if (c.head != kNoNode && kb_.nodeName(c.head) == "community-acquired pneumonia")
            relations << QString::fromStdString(c.relation);
    QCOMPARE(relations, QStringList{relation});
}

void TestCaseAnalyzer::sameRelationIsNoTurn_data() {
    QTest::addColumn<QString>("findings");
    QTest::addColumn<QString>("decides"); // the end of the explanation

    // docs/error-classes.md, Branch errors: when x and y stand in the same relation to d (both
    // diabetes types present polyuria), d is not what the choice turned on; the finding names
    // the choice, and the concept of the case that the KG relates to y and not to x, if any.
    QTest::newRow("nothing else decides") << "polyuria"
                                          << "what does is not in the KG.";
    QTest::newRow("another finding decides")
        << "polyuria and weight loss"
        << "weight loss does: the KG has type 1 diabetes mellitus presents weight loss and no "
           "edge between type 2 diabetes mellitus and weight loss.";
}

void TestCaseAnalyzer::sameRelationIsNoTurn() {
    QFETCH(QString, findings);
    QFETCH(QString, decides);
    const QStringList diagnoses = {"type 1 diabetes mellitus", "type 2 diabetes mellitus", "asthma",
                                   "acute bronchitis"};
    const CaseAnalysis a =
        CaseAnalyzer(kb_, lexicon_, {})
            .analyze(makeCase("A 12-year-old girl has " + findings +
                                  ". What is the most likely diagnosis?",
                              diagnoses, "A", "B", 0,
                              "Polyuria suggests type 2 diabetes. The answer is B) type 2 "
                              "diabetes mellitus."));
    // One root cause, one finding: the weight loss the branch names as deciding is not also
    // ignored evidence.
    QCOMPARE(summary(a), QStringLiteral("branch/plausible_branch/critical: branch/type 2 diabetes "
                                        "mellitus over type 1 diabetes mellitus"));
    const QString why = QString::fromStdString(a.findings.front().explanation);
    QVERIFY2(why.contains("polyuria does not decide between them"), qPrintable(why));
    QVERIFY2(why.endsWith(decides), qPrintable(why));
}

void TestCaseAnalyzer::referenceGroundedInCase_data() {
    QTest::addColumn<QString>("findings");
    QTest::addColumn<QString>("expected");

    // docs/design.md, Error classes: a reference path runs through the patient's condition,
    // not through any disease that shares two findings with it. COPD explains dyspnea and
    // crackles; with fever, headache and myalgia besides, it accounts for two of five
    // findings: a hypothesis of the KG search, on which no branch or missing finding rests.
    QTest::newRow("accounts for the case")
        << "dyspnea, crackles and fever"
        << "branch/jump/critical: branch/dyspnea -> albuterol\n"
           "missing/ignored_evidence/major: missing/ignored_evidence/crackles\n"
           "missing/ignored_evidence/major: missing/ignored_evidence/dyspnea";
    QTest::newRow("two of five findings") << "dyspnea, crackles, fever, headache and myalgia"
                                          << "";
}

void TestCaseAnalyzer::referenceGroundedInCase() {
    QFETCH(QString, findings);
    QFETCH(QString, expected);
    test::TestKnowledgeBase kb;
    for (const char* s : {"dyspnea", "crackles", "fever", "headache", "myalgia"})
        kb.add(s, "Symptom");
    kb.add("chronic obstructive pulmonary disease", "Disease", {"COPD"});
    kb.add("asthma", "Disease");
    for (const char* s : {"levofloxacin", "albuterol"})
        kb.add(s, "Compound");
    kb.edge("chronic obstructive pulmonary disease", "presents", "dyspnea");
    kb.edge("chronic obstructive pulmonary disease", "presents", "crackles");
    kb.edge("levofloxacin", "treats", "chronic obstructive pulmonary disease");
    kb.edge("albuterol", "treats", "asthma");
    const CaseAnalysis a = CaseAnalyzer(kb, lexicon_, {})
                               .analyze(makeCase("A 30-year-old man has " + findings +
                                                     ". Which drug is most appropriate?",
                                                 {"levofloxacin", "albuterol"}, "A", "B", 0,
                                                 "Fever is common. The answer is B) albuterol."));
    QVERIFY(!a.referencePaths.empty());
    QCOMPARE(summary(a), expected);
}

void TestCaseAnalyzer::evidenceReachedThroughAnotherFinding() {
    // fever -> pneumonia -> amoxicillin runs through pneumonia, itself a question finding with
    // its own path: ignoring pneumonia is the root cause, fever adds no second one.
    const CaseAnalysis a =
        CaseAnalyzer(kb_, lexicon_, {})
            .analyze(makeCase("A 30-year-old man with community-acquired pneumonia has fever. "
                              "Which drug is most appropriate?",
                              kDrugOptions, "A", "D", 0,
                              "Wheezing points to asthma. The answer is D) albuterol."));
    QStringList ignored;
    for (const Finding& f : a.findings)
        if (f.subtype == "ignored_evidence")
            ignored << QString::fromStdString(std::string(kb_.nodeName(f.nodes.front())));
    QCOMPARE(ignored, QStringList{"community-acquired pneumonia"});
}

void TestCaseAnalyzer::anchorAnswer_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("node"); // empty: none
    QTest::newRow("exact") << "Amoxicillin"
                           << "amoxicillin";
    QTest::newRow("synonym") << "Pneumonia"
                             << "community-acquired pneumonia";
    QTest::newRow("trailing junk") << "Amoxicillin\n\""
                                   << "amoxicillin";
    QTest::newRow("mention covers most") << "Amoxicillin tablets"
                                         << "amoxicillin";
    QTest::newRow("longest mention wins") << "Insulin for type 1 diabetes"
                                          << "type 1 diabetes mellitus";
    QTest::newRow("mention covers too little") << "Oral amoxicillin given twice daily for ten days"
                                               << "";
    QTest::newRow("modifier does not stand for the option") << "Lung transplantation"
                                                            << "";
    QTest::newRow("a body part is the option") << "Lung"
                                               << "lung";
    QTest::newRow("a body part inside a procedure") << "Biopsy of the lung"
                                                    << "";
    QTest::newRow("nothing linked") << "Watchful waiting"
                                    << "";
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("punctuation") << " -- "
                                 << "";
}

void TestCaseAnalyzer::anchorAnswer() {
    QFETCH(QString, text);
    QFETCH(QString, node);
    const NodeId n = CaseAnalyzer(kb_, lexicon_, {}).anchorAnswer(text.toStdString());
    QCOMPARE(n == kNoNode ? QString() : QString::fromStdString(std::string(kb_.nodeName(n))), node);
}

void TestCaseAnalyzer::stemEnd_data() {
    QTest::addColumn<QString>("question");
    QTest::addColumn<int>("expected");
    QTest::newRow("no options in question") << "Fever. Which drug?" << 18;
    QTest::newRow("option lines") << "Fever. Which drug?\nA. Amoxicillin\nB. Insulin" << 19;
    QTest::newRow("parenthesized option lines")
        << "Fever. Which drug?\n(A) Amoxicillin\n(B) Insulin" << 19;
    QTest::newRow("inline options") << "Fever. Which drug? Amoxicillin, Insulin" << 19;
    QTest::newRow("option text before the question mark stays")
        << "Amoxicillin failed. Which drug?" << 31;
}

void TestCaseAnalyzer::stemEnd() {
    QFETCH(QString, question);
    QFETCH(int, expected);
    const std::vector<AnswerOption> options = {{"A", "Amoxicillin"}, {"B", "Insulin"}};
    QCOMPARE(int(CaseAnalyzer::stemEnd(question.toStdString(), options)), expected);
}

void TestCaseAnalyzer::severity_data() {
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("subtype");
    QTest::addColumn<bool>("wrong");
    QTest::addColumn<QString>("expected");
    const int rel = int(FindingType::Relation), br = int(FindingType::Branch),
              mi = int(FindingType::Missing);
    QTest::newRow("unsupported") << rel << "unsupported" << false << "minor";
    QTest::newRow("unsupported, wrong answer") << rel << "unsupported" << true << "major";
    QTest::newRow("wrong relation") << rel << "wrong_relation" << false << "major";
    QTest::newRow("wrong relation, wrong answer") << rel << "wrong_relation" << true << "critical";
    QTest::newRow("contradicted negation") << rel << "contradicted_negation" << false << "major";
    QTest::newRow("branch") << br << "jump" << true << "critical";
    QTest::newRow("missing") << mi << "missing_intermediate" << false << "minor";
    QTest::newRow("ignored, wrong answer") << mi << "ignored_evidence" << true << "major";
}

void TestCaseAnalyzer::severity() {
    QFETCH(int, type);
    QFETCH(QString, subtype);
    QFETCH(bool, wrong);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromLatin1(toString(
                 ErrorClassifier::severityFor(FindingType(type), subtype.toStdString(), wrong))),
             expected);
}

void TestCaseAnalyzer::claimChecksAreBounded() {
    // Many claims: every one gets a status, none costs a path search (support is looked up
    // over edges, is-a relatives and two-hop neighbourhoods), and a claim is an error only on
    // evidence against it: a KG edge that excludes it or the complete list of indications.
    std::string output;
    const char* drugs[] = {"amoxicillin", "azithromycin", "insulin",
                           "metformin",   "albuterol",    "propranolol"};
    const char* targets[] = {"asthma",     "polyuria", "fever",       "cough",
                             "chest pain", "wheezing", "lung disease"};
    int claims = 0;
    for (const char* d : drugs)
        for (const char* t : targets) {
            output += std::string(d) + " treats " + t + ". ";
            ++claims;
        }
    const Case c =
        makeCase(kPneumoniaQuestion, kDrugOptions, "A", "A", 1, QString::fromStdString(output));
    const int before = kb_.pathSearches;
    const CaseAnalysis a = CaseAnalyzer(kb_, lexicon_, {}).analyze(c);
    QCOMPARE(kb_.pathSearches - before, 1);
    QCOMPARE(int(a.claims.size()), claims);
    for (const Finding& f : a.findings)
        QVERIFY2(f.subtype == "wrong_relation" || f.subtype == "not_in_complete_list",
                 f.explanation.c_str());
    // propranolol treats asthma: the KG says contraindication, which excludes treats.
    QVERIFY(std::any_of(a.findings.begin(), a.findings.end(), [&](const Finding& f) {
        return f.subtype == "wrong_relation" &&
               f.nodes == std::vector<NodeId>{kb_.id("propranolol"), kb_.id("asthma")};
    }));
}

// Claim status from the definitions (docs/error-classes.md): support first (edge, is-a
// relatives, specificity, two-hop chains), evidence against only from an excluding edge, a
// denied edge or a complete list; silence is unverified.
void TestCaseAnalyzer::claimStatus_data() {
    QTest::addColumn<QString>("output");
    QTest::addColumn<QString>("head");
    QTest::addColumn<QString>("relation");
    QTest::addColumn<QString>("tail");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("evidence");

    QTest::newRow("edge") << "Amoxicillin treats pneumonia."
                          << "amoxicillin"
                          << "treats"
                          << "pneumonia"
                          << "supported"
                          << "edge";
    QTest::newRow("is-a child of the tail") << "Amoxicillin treats lung disease."
                                            << "amoxicillin"
                                            << "treats"
                                            << "lung disease"
                                            << "supported"
                                            << "is_a";
    QTest::newRow("is-a child of the tail, generic name") << "Insulin treats diabetes."
                                                          << "insulin"
                                                          << "treats"
                                                          << "diabetes mellitus"
                                                          << "supported"
                                                          << "is_a";
    QTest::newRow("specificity is compatible") << "Pneumonia causes lung disease."
                                               << "pneumonia"
                                               << "causes"
                                               << "lung disease"
                                               << "supported"
                                               << "specificity";
    QTest::newRow("two-hop chain") << "Amoxicillin treats fever."
                                   << "amoxicillin"
                                   << "treats"
                                   << "fever"
                                   << "supported"
                                   << "chain";
    QTest::newRow("wrong relation") << "Amoxicillin treats rash."
                                    << "amoxicillin"
                                    << "treats"
                                    << "rash"
                                    << "contradicted"
                                    << "excluding_edges";
    QTest::newRow("contradicted negation") << "Amoxicillin does not treat pneumonia."
                                           << "amoxicillin"
                                           << "treats"
                                           << "pneumonia"
                                           << "contradicted"
                                           << "denied_edge";
    QTest::newRow("evidential, edge") << "The fever favors pneumonia."
                                      << "fever"
                                      << "evidential"
                                      << "pneumonia"
                                      << "supported"
                                      << "edge";
    QTest::newRow("evidential, path") << "The cough favors bronchitis."
                                      << "cough"
                                      << "evidential"
                                      << "acute bronchitis"
                                      << "supported"
                                      << "chain";
    QTest::newRow("evidential, KG silent") << "The rash favors asthma."
                                           << "rash"
                                           << "evidential"
                                           << "asthma"
                                           << "unverified"
                                           << "";
    QTest::newRow("evidential denied, never contradicted") << "The wheezing does not favor asthma."
                                                           << "wheezing"
                                                           << "evidential"
                                                           << "asthma"
                                                           << "unverified"
                                                           << "";
    QTest::newRow("complete list") << "Albuterol treats pneumonia."
                                   << "albuterol"
                                   << "treats"
                                   << "pneumonia"
                                   << "contradicted"
                                   << "complete_list";
    QTest::newRow("KG silence is unverified") << "Pneumonia causes wheezing."
                                              << "pneumonia"
                                              << "causes"
                                              << "wheezing"
                                              << "unverified"
                                              << "";
    QTest::newRow("negation without an edge is unverified") << "Amoxicillin does not treat asthma."
                                                            << "amoxicillin"
                                                            << "treats"
                                                            << "asthma"
                                                            << "unverified"
                                                            << "";
    QTest::newRow("a hedge is no claim on the complete list") << "Amoxicillin may treat asthma."
                                                              << "amoxicillin"
                                                              << "treats"
                                                              << "asthma"
                                                              << "unverified"
                                                              << "";
}

void TestCaseAnalyzer::claimStatus() {
    QFETCH(QString, output);
    QFETCH(QString, head);
    QFETCH(QString, relation);
    QFETCH(QString, tail);
    QFETCH(QString, status);
    QFETCH(QString, evidence);
    const CaseAnalysis a = CaseAnalyzer(kb_, lexicon_, {})
                               .analyze(makeCase(kPneumoniaQuestion, kDrugOptions, "A", "A", 1,
                                                 output + " The answer is A) amoxicillin."));
    const Claim* found = nullptr;
    for (const Claim& c : a.claims)
        if (c.head == kb_.id(head.toStdString()) && c.tail == kb_.id(tail.toStdString()) &&
            c.relation == relation.toStdString())
            found = &c;
    QVERIFY(found);
    QCOMPARE(QString::fromLatin1(toString(found->status)), status);
    QCOMPARE(QString::fromStdString(found->evidence.kind), evidence);
    // The evidence walk joins the claim's ends.
    if (evidence == "edge" || evidence == "is_a" || evidence == "chain" ||
        evidence == "specificity") {
        QCOMPARE(found->evidence.nodes.front(), found->head);
        QCOMPARE(found->evidence.nodes.back(), found->tail);
        QCOMPARE(found->evidence.relations.size() + 1, found->evidence.nodes.size());
    }
    // Only a contradicted claim of the model's is a relation finding.
    const auto relationFindings =
        std::count_if(a.findings.begin(), a.findings.end(),
                      [](const Finding& f) { return f.type == FindingType::Relation; });
    QCOMPARE(relationFindings, std::ptrdiff_t(status == "contradicted" ? 1 : 0));
}

// Whose statement a claim is, and negation scope: only the model's own claims are checked.
void TestCaseAnalyzer::whoseClaim_data() {
    QTest::addColumn<QString>("question");
    QTest::addColumn<QString>("output");
    QTest::addColumn<QString>("head");
    QTest::addColumn<QString>("tail");
    QTest::addColumn<QString>("owner"); // "none": no claim between head and tail
    QTest::addColumn<int>("relationFindings");

    const QString asthmaQuestion = "A 30-year-old man with asthma was given propranolol and now "
                                   "has wheezing. Which drug is most appropriate?";
    QTest::newRow("the model's own wrong claim (control)")
        << QString(kPneumoniaQuestion)
        << "Asthma is treated with propranolol. The answer is D) albuterol."
        << "propranolol"
        << "asthma"
        << "model" << 1;
    QTest::newRow("restatement of the question")
        << asthmaQuestion
        << "The patient has asthma treated with propranolol. The answer is D) albuterol."
        << "propranolol"
        << "asthma"
        << "question_restatement" << 0;
    QTest::newRow("another person's history")
        << QString(kPneumoniaQuestion)
        << "His mother had asthma treated with propranolol. The answer is A) amoxicillin."
        << "propranolol"
        << "asthma"
        << "other_person" << 0;
    QTest::newRow("evidence from a relative's history is the model's inference")
        << QString(kPneumoniaQuestion)
        << "Given the family history of asthma and the fever, pneumonia is a likely diagnosis. "
           "The answer is A) amoxicillin."
        << "fever"
        << "community-acquired pneumonia"
        << "model" << 0;
    QTest::newRow("rejected option") << QString(kPneumoniaQuestion)
                                     << "D) Albuterol is incorrect because albuterol treats "
                                        "pneumonia poorly. The answer is A) amoxicillin."
                                     << "albuterol"
                                     << "community-acquired pneumonia"
                                     << "rejected_option" << 0;
    QTest::newRow("rejected in a later sentence of the option's item")
        << QString(kPneumoniaQuestion)
        << "D) Albuterol: Albuterol treats pneumonia. It is not the best choice here.\n"
           "The answer is A) amoxicillin."
        << "albuterol"
        << "community-acquired pneumonia"
        << "rejected_option" << 0;
    QTest::newRow("the item of the chosen option stays the model's (control)")
        << QString(kPneumoniaQuestion)
        << "D) Albuterol: Albuterol treats pneumonia. Amoxicillin is not the best choice.\n"
           "The answer is D) albuterol."
        << "albuterol"
        << "community-acquired pneumonia"
        << "model" << 1;
    QTest::newRow("denial of the relation (control)")
        << QString(kPneumoniaQuestion)
        << "Cough does not suggest pneumonia. The answer is A) amoxicillin."
        << "cough"
        << "community-acquired pneumonia"
        << "model" << 1;
    QTest::newRow("a finding stated absent heads no claim")
        << QString(kPneumoniaQuestion)
        << "No cough suggests pneumonia. The answer is A) amoxicillin."
        << "cough"
        << "community-acquired pneumonia"
        << "none" << 0;
}

void TestCaseAnalyzer::whoseClaim() {
    QFETCH(QString, question);
    QFETCH(QString, output);
    QFETCH(QString, head);
    QFETCH(QString, tail);
    QFETCH(QString, owner);
    QFETCH(int, relationFindings);
    const bool right = output.contains("A) amoxicillin");
    const CaseAnalysis a = CaseAnalyzer(kb_, lexicon_, {})
                               .analyze(makeCase(question, kDrugOptions, "A", right ? "A" : "D",
                                                 right ? 1 : 0, output));
    QString found = "none";
    for (const Claim& c : a.claims)
        if (c.head == kb_.id(head.toStdString()) && c.tail == kb_.id(tail.toStdString()))
            found = QString::fromLatin1(toString(c.owner));
    QCOMPARE(found, owner);
    const auto relation = std::count_if(a.findings.begin(), a.findings.end(), [](const Finding& f) {
        return f.type == FindingType::Relation;
    });
    QCOMPARE(int(relation), relationFindings);
}

void TestCaseAnalyzer::concurrentAnalysesAgree() {
    // The pipeline shares one analyzer between threads; results must not depend on it.
    std::vector<Case> cases;
    cases.push_back(makeCase(kDiabetesQuestion, {"insulin", "metformin"}, "A", "B", 0,
                             "Polyuria suggests type 1 diabetes. Metformin treats type 1 diabetes. "
                             "The answer is B) metformin."));
    cases.push_back(makeCase(
        kPneumoniaQuestion, kDrugOptions, "A", "D", 0,
        "The wheezing points to asthma. Albuterol treats asthma. The answer is D) albuterol."));
    cases.push_back(makeCase(
        kThreeFindingsQuestion, kDrugOptions, "A", "A", 1,
        "Fever suggests pneumonia. Amoxicillin treats rash. The answer is A) amoxicillin."));
    const CaseAnalyzer analyzer(kb_, lexicon_, {});
    std::vector<QString> sequential;
    for (const Case& c : cases)
        sequential.push_back(summary(analyzer.analyze(c)));
    for (const QString& s : sequential)
        QVERIFY(!s.isEmpty());

    std::atomic<int> mismatches{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 200; ++i) {
                const std::size_t k = std::size_t(i + t) % cases.size();
                if (summary(analyzer.analyze(cases[k])) != sequential[k])
                    ++mismatches;
            }
        });
    for (auto& th : threads)
        th.join();
    QCOMPARE(mismatches.load(), 0);
}

void TestCaseAnalyzer::realOutputsStayConsistent() {
    // 1,000 real GPT-4 answers against the tiny clinic KG: nothing may crash, and every
    // offset the analysis reports must lie inside the text it refers to.
    RS_REQUIRE_SHARED("outputs/thoughtsource-medqa500-gpt-4.json");
    QFile f(rs::test::sharedFile(QStringLiteral("outputs/thoughtsource-medqa500-gpt-4.json")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const auto doc = nlohmann::json::parse(f.readAll().toStdString());
    std::vector<Case> cases;
    for (const auto& q : doc.at("med_qa").at("test")) {
        Case base;
        base.question = q.at("question").get<std::string>();
        int i = 0;
        for (const auto& ch : q.at("choices"))
            base.options.push_back({std::string(1, char('A' + i++)), ch.get<std::string>()});
        base.gold = q.at("answer").at(0).get<std::string>();
        for (const auto& g : q.at("generated_cot")) {
            Case c = base;
            c.output = g.at("cot").get<std::string>();
            if (g.contains("answers") && g["answers"].is_array() && !g["answers"].empty()) {
                const auto& ans = g["answers"][0];
                if (ans.contains("answer") && ans["answer"].is_string())
                    c.prediction = ans["answer"].get<std::string>();
                if (ans.contains("correct_answer") && ans["correct_answer"].is_boolean())
                    c.correct = ans["correct_answer"].get<bool>();
            }
            cases.push_back(std::move(c));
        }
    }
    QCOMPARE(cases.size(), std::size_t(1000));
    const CaseAnalyzer analyzer(kb_, lexicon_, {});
    const auto start = std::chrono::steady_clock::now();
    std::size_t findings = 0, claims = 0, evidence = 0;
    for (const Case& c : cases) {
        const CaseAnalysis a = analyzer.analyze(c);
        for (const Step& s : a.steps)
            QVERIFY(s.begin < s.end && s.end <= c.output.size());
        for (const Claim& cl : a.claims) {
            QVERIFY(cl.step >= 0 && std::size_t(cl.step) < a.steps.size());
            QVERIFY(cl.phraseBegin < cl.phraseEnd && cl.phraseEnd <= c.output.size());
        }
        for (const Finding& fi : a.findings) {
            QVERIFY(fi.spanBegin <= fi.spanEnd && fi.spanEnd <= c.output.size());
            QVERIFY(!fi.signature.empty() && !fi.explanation.empty());
            QVERIFY(fi.step < int(a.steps.size()));
        }
        QCOMPARE(a.reasoningPath.size(), a.reasoningPathSteps.size());
        QVERIFY(a.goldNode != kNoNode || !a.unanchoredReason.empty());
        QVERIFY(!a.steps.empty() || c.output.find_first_not_of(" \t\r\n") == std::string::npos);
        findings += a.findings.size();
        claims += a.claims.size();
        evidence += a.evidence.size();
    }
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    qInfo("1000 real cases: %zu evidence nodes, %zu claims, %zu findings, %.1f ms (test KG)",
          evidence, claims, findings, secs * 1000);
    QVERIFY(evidence > 100); // fever, cough, chest pain, rash ... do occur in USMLE stems
}

QTEST_APPLESS_MAIN(TestCaseAnalyzer)
#include "tst_caseanalyzer.moc"
