// Grounding errors: low IoU, missed reference findings, label mismatches, with severity,
// explanation and signature; and that the analysis stores them with the other findings.
#include "CaseAnalyzer.h"
#include "CaseResultJson.h"
#include "GroundingClassifier.h"
#include "TestKnowledgeBase.h"

#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <fstream>

using rs::Box;
using rs::Case;
using rs::Finding;

namespace {

Box model(const char* label, double x, double y, double w, double h) {
    return {label, "model", x, y, w, h};
}
Box reference(const char* label, double x, double y, double w, double h) {
    return {label, "reference", x, y, w, h};
}

Case caseWith(std::vector<Box> boxes) {
    Case c;
    c.key = "cxr-1";
    c.images.push_back({"/nonexistent/cxr.png", "CXR", std::move(boxes)});
    return c;
}

QStringList kinds(const std::vector<Finding>& findings) {
    QStringList out;
    for (const Finding& f : findings)
        out << QString::fromStdString(f.subtype) + "@" + QString::number(f.box);
    return out;
}

} // namespace

class TestGroundingClassifier : public QObject {
    Q_OBJECT
private slots:
    void classify_data();
    void classify();
    void thresholdIsASetting();
    void explanationNamesLabelAndIou();
    void severity();
    void imagesWithoutReferenceAreNotJudged();
    void analysisStoresGroundingFindings();
};

void TestGroundingClassifier::classify_data() {
    QTest::addColumn<std::vector<Box>>("boxes");
    QTest::addColumn<QStringList>("expected");
    const Box ref = reference("Nodule", 100, 100, 40, 40);
    QTest::newRow("well placed") << std::vector<Box>{ref, model("Nodule", 104, 102, 40, 40)}
                                 << QStringList{};
    // Shifted by half its width: IoU 1/3.
    QTest::newRow("shifted") << std::vector<Box>{ref, model("Nodule", 120, 100, 40, 40)}
                             << QStringList{"low_iou@1"};
    QTest::newRow("elsewhere") << std::vector<Box>{ref, model("Nodule", 600, 600, 40, 40)}
                               << QStringList{"low_iou@1"};
    QTest::newRow("no model box") << std::vector<Box>{ref} << QStringList{"missed_reference@0"};
    QTest::newRow("label disagrees") << std::vector<Box>{ref, model("Mass", 100, 100, 40, 40)}
                                     << QStringList{"label_mismatch@1"};
    QTest::newRow("unknown label, nowhere")
        << std::vector<Box>{ref, model("Mass", 600, 600, 40, 40), model("Nodule", 100, 100, 40, 40)}
        << QStringList{"low_iou@1"};
    QTest::newRow("duplicate of a good box")
        << std::vector<Box>{ref, model("Nodule", 100, 100, 40, 40),
                            model("Nodule", 101, 100, 40, 40)}
        << QStringList{};
    QTest::newRow("one of two findings missed")
        << std::vector<Box>{ref, reference("Cardiomegaly", 300, 400, 400, 300),
                            model("Nodule", 100, 100, 40, 40)}
        << QStringList{"missed_reference@1"};
}

void TestGroundingClassifier::classify() {
    QFETCH(std::vector<Box>, boxes);
    QFETCH(QStringList, expected);
    const rs::GroundingClassifier g(0.5);
    const auto findings = g.classify(caseWith(boxes), false);
    QCOMPARE(kinds(findings), expected);
    for (const Finding& f : findings) {
        QCOMPARE(f.type, rs::FindingType::Grounding);
        QCOMPARE(f.image, 0);
        QVERIFY(!f.explanation.empty());
        QVERIFY(f.signature.starts_with("grounding/" + f.subtype + "/"));
    }
}

void TestGroundingClassifier::thresholdIsASetting() {
    // IoU 1/3: an error at 0.5, fine at 0.3.
    const Case c =
        caseWith({reference("Nodule", 100, 100, 40, 40), model("Nodule", 120, 100, 40, 40)});
    QCOMPARE(rs::GroundingClassifier(0.5).classify(c, false).size(), std::size_t(1));
    QVERIFY(rs::GroundingClassifier(0.3).classify(c, false).empty());
}

void TestGroundingClassifier::explanationNamesLabelAndIou() {
    const Case c =
        caseWith({reference("Nodule", 100, 100, 40, 40), model("Nodule", 120, 100, 40, 40)});
    const auto f = rs::GroundingClassifier(0.5).classify(c, false);
    QCOMPARE(f.size(), std::size_t(1));
    const QString why = QString::fromStdString(f[0].explanation);
    QVERIFY2(why.contains("Nodule") && why.contains("0.33") && why.contains("0.50") &&
                 why.contains("cxr.png"),
             qPrintable(why));
    QCOMPARE(f[0].signature, std::string("grounding/low_iou/nodule"));
}

void TestGroundingClassifier::severity() {
    using rs::Severity;
    QCOMPARE(rs::GroundingClassifier::severityFor("low_iou", false), Severity::Minor);
    QCOMPARE(rs::GroundingClassifier::severityFor("low_iou", true), Severity::Major);
    QCOMPARE(rs::GroundingClassifier::severityFor("missed_reference", false), Severity::Major);
    QCOMPARE(rs::GroundingClassifier::severityFor("label_mismatch", true), Severity::Critical);
}

void TestGroundingClassifier::imagesWithoutReferenceAreNotJudged() {
    QVERIFY(rs::GroundingClassifier(0.5)
                .classify(caseWith({model("Nodule", 0, 0, 5, 5)}), false)
                .empty());
}

void TestGroundingClassifier::analysisStoresGroundingFindings() {
    rs::test::TestKnowledgeBase kb;
    kb.add("Nodule", "Disease");
    rs::Lexicon lexicon;
    rs::AnalysisSettings settings;
    settings.iouThreshold = 0.5;
    const rs::CaseAnalyzer analyzer(kb, lexicon, settings);
    QTemporaryDir dir;
    const std::string png = dir.filePath("cxr.png").toStdString();
    std::ofstream(png, std::ios::binary) << "\x89PNG\r\n\x1a\n";
    Case c = caseWith({reference("Nodule", 100, 100, 40, 40), model("Nodule", 600, 600, 40, 40)});
    c.images[0].path = png;
    c.images.push_back({dir.filePath("missing.dcm").toStdString(), "CT", {}});
    c.question = "Where is the nodule?";
    c.output = "There is a nodule.";
    const rs::CaseAnalysis a = analyzer.analyze(c);
    const nlohmann::json j = rs::caseResultJson(c, a, kb);
    int grounding = 0;
    for (const auto& f : j["findings"])
        if (f["type"] == "grounding") {
            ++grounding;
            QCOMPARE(f["subtype"], "low_iou");
            QCOMPARE(f["image"], 0);
            QCOMPARE(f["box"], 1);
            QCOMPARE(f["nodes"][0], "Nodule"); // the label's KG concept
        }
    QCOMPARE(grounding, 1);
    QCOMPARE(j["images"].size(), std::size_t(2));
    QCOMPARE(j["images"][0]["boxes"][1]["iou"].get<double>(), 0.0);
    QCOMPARE(j["images"][0]["boxes"][1]["best_match"], 0);
    QCOMPARE(j["images"][0]["problem"], "");
    QCOMPARE(j["images"][1]["problem"], "file not found");
}

QTEST_APPLESS_MAIN(TestGroundingClassifier)
#include "tst_groundingclassifier.moc"
