#include "PathScene.h"
#include "PathView.h"

#include <QGraphicsItem>
#include <QGraphicsPathItem>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QtTest>

#include <nlohmann/json.hpp>

using namespace rs;
using Status = PathScene::EdgeStatus;

namespace {

// Small case results in the shape of `reasonscope analyze --json` (docs/json-output.md),
// modelled on demo cases; spans are computed from the output text below.
struct CaseFixture {
    QByteArray output;
    QJsonObject json;
    // The case as the scene takes it (the stored JSON).
    nlohmann::json stored() const {
        return nlohmann::json::parse(QJsonDocument(json).toJson().toStdString());
    }
};

nlohmann::json stored(const QJsonObject& o) {
    return nlohmann::json::parse(QJsonDocument(o).toJson().toStdString());
}

QJsonArray span(const QByteArray& output, const QByteArray& sentence) {
    const qsizetype begin = output.indexOf(sentence);
    Q_ASSERT(begin >= 0);
    return QJsonArray{int(begin), int(begin + sentence.size())};
}

QJsonObject node(const QString& name, const QString& kind, int step) {
    return QJsonObject{
        {"name", name}, {"kind", kind}, {"key", kind + ":" + name.toLower()}, {"step", step}};
}

QJsonObject reference(const QStringList& nodes, const QStringList& kinds,
                      const QStringList& relations, const QList<bool>& forward) {
    QJsonArray f;
    for (bool b : forward)
        f << b;
    return QJsonObject{{"nodes", QJsonArray::fromStringList(nodes)},
                       {"kinds", QJsonArray::fromStringList(kinds)},
                       {"relations", QJsonArray::fromStringList(relations)},
                       {"forward", f},
                       {"cost", 6.0},
                       {"origin", "kg"}};
}

QJsonObject finding(const QString& type, const QString& subtype, int step, const QStringList& nodes,
                    const QString& explanation) {
    return QJsonObject{{"type", type},
                       {"subtype", subtype},
                       {"severity", "major"},
                       {"step", step},
                       {"nodes", QJsonArray::fromStringList(nodes)},
                       {"span", QJsonArray{0, 0}},
                       {"explanation", explanation}};
}

QJsonObject claim(const QByteArray& output, int step, const QString& head, const QString& relation,
                  const QString& tail, const QString& polarity, const QByteArray& sentence) {
    return QJsonObject{{"step", step},   {"head", head},         {"relation", relation},
                       {"tail", tail},   {"polarity", polarity}, {"span", span(output, sentence)},
                       {"cue", relation}};
}

QJsonObject anchors(const QString& gold, const QString& predicted) {
    return QJsonObject{{"gold", QJsonObject{{"name", gold}}},
                       {"predicted", QJsonObject{{"name", predicted}}}};
}

QJsonArray steps(const QByteArray& output, const QList<QByteArray>& sentences) {
    QJsonArray result;
    for (const QByteArray& s : sentences)
        result << QJsonObject{{"span", span(output, s)}, {"kind", "numbered"}};
    return result;
}

// demo-q03, model b: a branch at Chest Pain towards myocardial infarction, and the
// decisive intermediate (aortic dissection) and two question findings never mentioned.
CaseFixture branchAndMissing() {
    CaseFixture f;
    const QByteArray s0 = "The patient has hypertension.";
    const QByteArray s1 = "He has chest pain.";
    const QByteArray s2 = "Hypertension is a major risk factor for myocardial infarction.";
    const QByteArray s3 = "Alteplase is used to treat myocardial infarction.";
    f.output = s0 + "\n" + s1 + "\n" + s2 + "\n" + s3;
    QJsonObject c;
    c["id"] = "demo-q03";
    c["model"] = "demo-model-b";
    c["correct"] = false;
    c["anchors"] = anchors("Esmolol", "Alteplase");
    c["steps"] = steps(f.output, {s0, s1, s2, s3});
    c["reasoning_path"] =
        QJsonArray{node("hypertension", "Disease", 0), node("Chest Pain", "Symptom", 1),
                   node("myocardial infarction", "Disease", 2), node("Alteplase", "Compound", 3)};
    c["claims"] = QJsonArray{
        claim(f.output, 2, "hypertension", "risk_factor_for", "myocardial infarction", "asserted",
              s2),
        claim(f.output, 3, "Alteplase", "treats", "myocardial infarction", "asserted", s3)};
    c["findings"] =
        QJsonArray{finding("branch", "plausible_branch", 1,
                           {"Chest Pain", "myocardial infarction", "aortic dissection"},
                           "Turns to myocardial infarction instead of aortic dissection."),
                   finding("missing", "missing_intermediate", -1,
                           {"aortic dissection", "Chest Pain", "Esmolol"},
                           "The output never mentions aortic dissection."),
                   finding("missing", "ignored_evidence", -1, {"Back Pain", "Esmolol"},
                           "The question finding Back Pain leads to Esmolol.")};
    c["reference_paths"] = QJsonArray{
        reference({"Chest Pain", "aortic dissection", "Esmolol"},
                  {"Symptom", "Disease", "Compound"}, {"presents", "treats"}, {false, false}),
        reference({"hypertension", "aortic dissection", "Esmolol"},
                  {"Disease", "Disease", "Compound"}, {"risk_factor", "treats"}, {true, false}),
        reference({"Back Pain", "aortic dissection", "Esmolol"}, {"Symptom", "Disease", "Compound"},
                  {"presents", "treats"}, {false, false})};
    c["best_reference"] = 0;
    f.json = c;
    return f;
}

// demo-q05, model b: "Propranolol treats cocaine intoxication" is a wrong relation and
// also the branch edge; the reference paths run through other concepts.
CaseFixture relationError() {
    CaseFixture f;
    const QByteArray s0 = "He used cocaine and has chest pain and tachycardia.";
    const QByteArray s1 = "This is cocaine intoxication.";
    const QByteArray s2 = "Propranolol treats cocaine intoxication by slowing the heart.";
    f.output = s0 + "\n" + s1 + "\n" + s2;
    QJsonObject c;
    c["id"] = "demo-q05";
    c["model"] = "demo-model-b";
    c["correct"] = false;
    c["anchors"] = anchors("Lorazepam", "Propranolol");
    c["steps"] = steps(f.output, {s0, s1, s2});
    c["reasoning_path"] =
        QJsonArray{node("Cocaine", "Compound", 0), node("Chest Pain", "Symptom", 0),
                   node("Tachycardia", "Symptom", 0), node("cocaine intoxication", "Disease", 1),
                   node("Propranolol", "Compound", 2)};
    c["claims"] = QJsonArray{
        claim(f.output, 2, "Propranolol", "treats", "cocaine intoxication", "asserted", s2)};
    c["findings"] = QJsonArray{
        finding("relation", "wrong_relation", 2, {"Propranolol", "cocaine intoxication"},
                "The KG relates Propranolol and cocaine intoxication only as contraindication."),
        finding("branch", "plausible_branch", 2,
                {"cocaine intoxication", "Propranolol", "Lorazepam"},
                "Concludes Propranolol rather than Lorazepam.")};
    c["reference_paths"] = QJsonArray{
        reference({"Chest Pain", "cocaine intoxication", "Lorazepam"},
                  {"Symptom", "Disease", "Compound"}, {"presents", "treats"}, {false, false}),
        reference({"Tachycardia", "alcohol withdrawal syndrome", "Lorazepam"},
                  {"Symptom", "Disease", "Compound"}, {"presents", "treats"}, {false, false})};
    c["best_reference"] = 0;
    f.json = c;
    return f;
}

// demo-q12, model b: a denied KG edge between concepts that are not consecutive on the
// path, and a hedged claim.
CaseFixture contradictedNegation() {
    CaseFixture f;
    const QByteArray s0 = "Isoniazid is given for tuberculosis.";
    const QByteArray s1 = "Isoniazid does not cause peripheral neuropathy.";
    const QByteArray s2 = "Perhaps vitamin B6 deficiency causes peripheral neuropathy.";
    f.output = s0 + "\n" + s1 + "\n" + s2;
    QJsonObject c;
    c["id"] = "demo-q12";
    c["correct"] = true;
    c["anchors"] = anchors("Pyridoxine", "Pyridoxine");
    c["steps"] = steps(f.output, {s0, s1, s2});
    c["reasoning_path"] =
        QJsonArray{node("Isoniazid", "Compound", 0), node("tuberculosis", "Disease", 0),
                   node("vitamin B6 deficiency", "Disease", 2),
                   node("peripheral neuropathy", "Disease", 1), node("Pyridoxine", "Compound", 2)};
    c["claims"] = QJsonArray{
        claim(f.output, 1, "Isoniazid", "causes", "peripheral neuropathy", "negated", s1),
        claim(f.output, 2, "vitamin B6 deficiency", "causes", "peripheral neuropathy", "hedged",
              s2)};
    c["findings"] = QJsonArray{finding("relation", "contradicted_negation", 1,
                                       {"Isoniazid", "peripheral neuropathy"},
                                       "The KG has Isoniazid causes peripheral neuropathy.")};
    c["reference_paths"] = QJsonArray{
        reference({"Isoniazid", "peripheral neuropathy", "Pyridoxine"},
                  {"Compound", "Disease", "Compound"}, {"causes", "treats"}, {true, false})};
    c["best_reference"] = 0;
    f.json = c;
    return f;
}

QStringList names(const QList<QGraphicsItem*>& items) {
    QStringList result;
    for (QGraphicsItem* item : items)
        result << item->data(PathScene::KeyName).toString();
    return result;
}

QPen penOf(QGraphicsItem* item) {
    auto* shape = dynamic_cast<QAbstractGraphicsShapeItem*>(item);
    return shape ? shape->pen() : QPen();
}

int statusOf(QGraphicsItem* item) {
    return item ? item->data(PathScene::KeyStatus).toInt() : -1;
}

} // namespace

class TestPathScene : public QObject {
    Q_OBJECT
private slots:
    void sharedNodesAreDrawnOnce();
    void modelRowRunsLeftToRightAboveReferences();
    void branchAndMissingFindings();
    void relationErrorOnTheBranchEdge();
    void deniedEdgeAndHedgedClaim();
    void tooltipsQuoteTheClaimSentence();
    void nothingOverlapsAndLegendIsVisible();
    void exportsSvgAndImage();
    void hostileTextStaysText();
    void badInputIsRefused_data();
    void badInputIsRefused();
    void emptyPathsGiveAnEmptyDiagram();
    void viewClickEmitsNodeActivated();
    void viewZoomsAndShowsEmptyState();
    void narrowViewKeepsLabelsReadableAndTheBranchInView();
};

void TestPathScene::sharedNodesAreDrawnOnce() {
    const CaseFixture f = branchAndMissing();
    PathScene scene;
    QVERIFY2(scene.setCase(f.stored(), f.output), qPrintable(scene.errorString()));
    QStringList drawn = names(scene.nodeItems());
    QCOMPARE(drawn.size(), 7); // 4 on the model path + aortic dissection, Esmolol, Back Pain
    QCOMPARE(drawn.count("Chest Pain"), 1);        // model path and reference path 1
    QCOMPARE(drawn.count("aortic dissection"), 1); // on all three reference paths
    QCOMPARE(drawn.count("Esmolol"), 1);
    // Edges shared by reference paths are drawn once too.
    QCOMPARE(names(scene.edgeItems()).count("aortic dissection -> Esmolol"), 1);
}

void TestPathScene::modelRowRunsLeftToRightAboveReferences() {
    for (const CaseFixture& f : {branchAndMissing(), relationError(), contradictedNegation()}) {
        PathScene scene;
        QVERIFY(scene.setCase(f.stored(), f.output));
        qreal previousX = -1e9;
        qreal rowY = 0;
        bool first = true;
        for (const QJsonValue& v : f.json["reasoning_path"].toArray()) {
            QGraphicsItem* item = scene.nodeItem(v["name"].toString());
            QVERIFY(item);
            QCOMPARE(statusOf(item), int(PathScene::NodeStatus::OnPath));
            const QPointF centre = item->sceneBoundingRect().center();
            QVERIFY2(centre.x() > previousX, qPrintable(v["name"].toString()));
            if (first)
                rowY = centre.y();
            QVERIFY(std::abs(centre.y() - rowY) < 1.0); // one straight row
            previousX = centre.x();
            first = false;
        }
        for (QGraphicsItem* item : scene.nodeItems())
            if (statusOf(item) != int(PathScene::NodeStatus::OnPath))
                QVERIFY2(item->sceneBoundingRect().center().y() > rowY,
                         qPrintable(item->data(PathScene::KeyName).toString()));
    }
}

void TestPathScene::branchAndMissingFindings() {
    const CaseFixture f = branchAndMissing();
    PathScene scene;
    QVERIFY(scene.setCase(f.stored(), f.output));

    QGraphicsItem* branch = scene.edgeItem("Chest Pain", "myocardial infarction");
    QCOMPARE(statusOf(branch), int(Status::Branch));
    QCOMPARE(penOf(branch).color(), PathScene::edgeColor(Status::Branch));
    QCOMPARE(branch->data(PathScene::KeyKind).toString(), QString("branch"));
    QCOMPARE(scene.edgeItems(Status::Branch).size(), 1);
    QVERIFY(scene.nodeItem("Chest Pain")->data(PathScene::KeyFlags).toInt() &
            PathScene::NodeBranchPoint);

    // Claims with no relation finding are KG-supported; a bare step is not.
    QCOMPARE(statusOf(scene.edgeItem("Alteplase", "myocardial infarction")),
             int(Status::Supported));
    QCOMPARE(statusOf(scene.edgeItem("hypertension", "myocardial infarction")),
             int(Status::Supported));
    QCOMPARE(statusOf(scene.edgeItem("hypertension", "Chest Pain")), int(Status::Unverified));
    QCOMPARE(penOf(scene.edgeItem("Alteplase", "myocardial infarction")).color(),
             PathScene::edgeColor(Status::Supported));
    QVERIFY(scene.edgeItems(Status::RelationError).isEmpty());

    // The concepts the output never used are dashed; the context nodes of the findings
    // (Esmolol, Chest Pain) are not.
    for (const char* missing : {"aortic dissection", "Back Pain"}) {
        QGraphicsItem* item = scene.nodeItem(missing);
        QCOMPARE(statusOf(item), int(PathScene::NodeStatus::Missing));
        QCOMPARE(penOf(item).style(), Qt::DashLine);
        QVERIFY(item->data(PathScene::KeyFlags).toInt() & PathScene::NodeMissing);
    }
    QGraphicsItem* gold = scene.nodeItem("Esmolol");
    QCOMPARE(statusOf(gold), int(PathScene::NodeStatus::Reference));
    QCOMPARE(penOf(gold).style(), Qt::SolidLine);
    QVERIFY(gold->data(PathScene::KeyFlags).toInt() & PathScene::NodeGold);
    QVERIFY(scene.nodeItem("Alteplase")->data(PathScene::KeyFlags).toInt() &
            PathScene::NodePredicted);
    QCOMPARE(penOf(scene.nodeItem("Chest Pain")).style(), Qt::SolidLine);

    // Reference edges into a missing concept are dashed and say so.
    QGraphicsItem* toMissing = scene.edgeItem("Back Pain", "aortic dissection");
    QCOMPARE(statusOf(toMissing), int(Status::Missing));
    QCOMPARE(penOf(toMissing).style(), Qt::DashLine);
    QVERIFY(toMissing->data(PathScene::KeyFlags).toInt() & PathScene::EdgeReference);
}

void TestPathScene::relationErrorOnTheBranchEdge() {
    const CaseFixture f = relationError();
    PathScene scene;
    QVERIFY(scene.setCase(f.stored(), f.output));
    QGraphicsItem* edge = scene.edgeItem("Propranolol", "cocaine intoxication");
    QVERIFY(edge);
    // Relation error wins the colour; the branch is still recorded on the item.
    QCOMPARE(statusOf(edge), int(Status::RelationError));
    QCOMPARE(penOf(edge).color(), PathScene::edgeColor(Status::RelationError));
    const int flags = edge->data(PathScene::KeyFlags).toInt();
    QVERIFY(flags & PathScene::EdgeRelationError);
    QVERIFY(flags & PathScene::EdgeBranch);
    QVERIFY(flags & PathScene::EdgeClaim);
    QCOMPARE(edge->data(PathScene::KeyKind).toString(), QString("treats"));
    QVERIFY(edge->toolTip().contains("only as contraindication"));
    QVERIFY(edge->toolTip().contains("Concludes Propranolol rather than Lorazepam"));

    // Reference edges the model did not take, also between two of its own concepts.
    QGraphicsItem* reference = scene.edgeItem("Tachycardia", "alcohol withdrawal syndrome");
    QCOMPARE(statusOf(reference), int(Status::Reference));
    QCOMPARE(penOf(reference).color(), PathScene::edgeColor(Status::Reference));
    QGraphicsItem* skipped = scene.edgeItem("Chest Pain", "cocaine intoxication");
    QCOMPARE(statusOf(skipped), int(Status::Reference));
    QVERIFY(!(skipped->data(PathScene::KeyFlags).toInt() & PathScene::EdgeModel));
    QCOMPARE(scene.edgeItems(Status::RelationError).size(), 1);
    QCOMPARE(scene.nodeItems().size(), 7);
    // Distinct colours for distinct statuses.
    QSet<QRgb> colours;
    for (Status s : {Status::Supported, Status::Unverified, Status::RelationError, Status::Branch,
                     Status::Reference})
        colours.insert(PathScene::edgeColor(s).rgb());
    QCOMPARE(colours.size(), 5);
}

void TestPathScene::deniedEdgeAndHedgedClaim() {
    const CaseFixture f = contradictedNegation();
    PathScene scene;
    QVERIFY(scene.setCase(f.stored(), f.output));
    // Isoniazid and peripheral neuropathy are not consecutive on the path: the claim gets
    // its own edge, labelled with the denial.
    QGraphicsItem* denied = scene.edgeItem("Isoniazid", "peripheral neuropathy");
    QVERIFY(denied);
    QCOMPARE(statusOf(denied), int(Status::RelationError));
    QCOMPARE(denied->data(PathScene::KeyKind).toString(), QString("not causes"));
    QVERIFY(denied->data(PathScene::KeyFlags).toInt() & PathScene::EdgeOnKgPath);
    // A hedged claim is never reported as unsupported, so it is not shown as supported.
    QGraphicsItem* hedged = scene.edgeItem("vitamin B6 deficiency", "peripheral neuropathy");
    QCOMPARE(statusOf(hedged), int(Status::Unverified));
    QCOMPARE(hedged->data(PathScene::KeyKind).toString(), QString("causes?"));
    // The step peripheral neuropathy -> Pyridoxine lies on the reference path.
    QCOMPARE(statusOf(scene.edgeItem("peripheral neuropathy", "Pyridoxine")),
             int(Status::Supported));
    QVERIFY(scene.nodeItem("Pyridoxine")->data(PathScene::KeyFlags).toInt() & PathScene::NodeGold);
}

void TestPathScene::tooltipsQuoteTheClaimSentence() {
    const CaseFixture f = branchAndMissing();
    PathScene scene;
    QVERIFY(scene.setCase(f.stored(), f.output));
    const QString claimTip = scene.edgeItem("hypertension", "myocardial infarction")->toolTip();
    QVERIFY2(claimTip.contains("Hypertension is a major risk factor for myocardial infarction."),
             qPrintable(claimTip));
    const QString branchTip = scene.edgeItem("Chest Pain", "myocardial infarction")->toolTip();
    QVERIFY(branchTip.contains("Turns to myocardial infarction instead of aortic dissection."));
    QVERIFY(branchTip.contains("He has chest pain.")); // the sentence of the finding's step
    const QString missingTip = scene.nodeItem("aortic dissection")->toolTip();
    QVERIFY(missingTip.contains("The output never mentions aortic dissection."));
    const QString nodeTip = scene.nodeItem("myocardial infarction")->toolTip();
    QVERIFY(nodeTip.contains("Hypertension is a major risk factor"));

    // Without the output text the tooltips still explain, but quote nothing.
    PathScene bare;
    QVERIFY(bare.setCase(f.stored()));
    const QString bareTip = bare.edgeItem("hypertension", "myocardial infarction")->toolTip();
    QVERIFY(bareTip.contains("risk factor for"));
    QVERIFY(!bareTip.contains("major risk factor"));
}

void TestPathScene::nothingOverlapsAndLegendIsVisible() {
    for (const CaseFixture& f : {branchAndMissing(), relationError(), contradictedNegation()}) {
        PathScene scene;
        QVERIFY(scene.setCase(f.stored(), f.output));
        const QList<QGraphicsItem*> nodes = scene.nodeItems();
        for (int i = 0; i < nodes.size(); ++i)
            for (int j = i + 1; j < nodes.size(); ++j)
                QVERIFY2(!nodes[i]->sceneBoundingRect().intersects(nodes[j]->sceneBoundingRect()),
                         qPrintable(nodes[i]->data(PathScene::KeyName).toString() + " / " +
                                    nodes[j]->data(PathScene::KeyName).toString()));
        QGraphicsItem* legend = scene.legendItem();
        QVERIFY(legend);
        QCOMPARE(legend->data(PathScene::KeyItemType).toInt(), int(PathScene::LegendItem));
        QVERIFY(scene.sceneRect().contains(legend->sceneBoundingRect()));
        for (QGraphicsItem* n : nodes)
            QVERIFY(!legend->sceneBoundingRect().intersects(n->sceneBoundingRect()));
    }
}

void TestPathScene::exportsSvgAndImage() {
    const CaseFixture f = relationError();
    PathScene scene;
    QVERIFY(scene.setCase(f.stored(), f.output));
    const QString svg = scene.toSvg();
    QVERIFY(svg.startsWith("<?xml"));
    QVERIFY(svg.contains("<svg"));
    for (const char* name : {"Propranolol", "Lorazepam", "Tachycardia", "Legend", "treats"})
        QVERIFY2(svg.contains(name), name);

    const QImage image = scene.toImage(2);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), (scene.sceneRect().size() * 2).toSize());
    // The relation error is actually painted red, the reference edges blue-grey.
    auto count = [&](const QColor& wanted) {
        int n = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) {
                const QColor c = image.pixelColor(x, y);
                if (std::abs(c.red() - wanted.red()) < 12 &&
                    std::abs(c.green() - wanted.green()) < 12 &&
                    std::abs(c.blue() - wanted.blue()) < 12)
                    ++n;
            }
        return n;
    };
    QVERIFY(count(PathScene::edgeColor(Status::RelationError)) > 100);
    QVERIFY(count(PathScene::edgeColor(Status::Reference)) > 100);

    PathScene empty;
    QVERIFY(empty.toSvg().isEmpty());
    QVERIFY(empty.toImage().isNull());
}

void TestPathScene::hostileTextStaysText() {
    CaseFixture f;
    const QByteArray sentence = "<script>alert(1)</script> & <b>A</b> treats B \xff.";
    f.output = sentence;
    QJsonObject c;
    c["id"] = "x";
    c["reasoning_path"] = QJsonArray{node("<b>A</b> & \"q\"", "Compound", 0),
                                     node("Sjögren’s \\N syndrome", "Disease", 0)};
    c["claims"] = QJsonArray{QJsonObject{{"step", 0},
                                         {"head", "<b>A</b> & \"q\""},
                                         {"relation", "treats"},
                                         {"tail", "Sjögren’s \\N syndrome"},
                                         {"polarity", "asserted"},
                                         {"span", QJsonArray{0, int(sentence.size())}}}};
    c["reference_paths"] = QJsonArray{};
    f.json = c;
    PathScene scene;
    QVERIFY2(scene.setCase(f.stored(), f.output), qPrintable(scene.errorString()));
    QVERIFY(scene.nodeItem("<b>A</b> & \"q\""));
    QVERIFY(scene.nodeItem("Sjögren’s \\N syndrome"));
    const QString tip = scene.edgeItem("<b>A</b> & \"q\"", "Sjögren’s \\N syndrome")->toolTip();
    QVERIFY2(tip.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), qPrintable(tip));
    QVERIFY(!tip.contains("<script>"));
    QVERIFY(tip.contains(QChar(0xfffd))); // the invalid byte
    const QString svg = scene.toSvg();
    QVERIFY(svg.contains("&lt;b&gt;A&lt;/b&gt;"));
    QVERIFY(svg.contains("Sjögren’s \\N"));
}

void TestPathScene::badInputIsRefused_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("not a case") << QByteArray(R"({"version": 1})") << false;
    QTest::newRow("paths of the wrong type")
        << QByteArray(R"({"reasoning_path": "x", "reference_paths": 3})") << false;
    QTest::newRow("wrong element types")
        << QByteArray(R"({"reasoning_path": [1, null, {"name": 5}, {"name": "A"}],
                         "reference_paths": [{"nodes": "A"}, {"nodes": ["A", 7, "B"]}],
                         "claims": [{"head": "A", "tail": "A"}, {"head": "A", "tail": "Z",
                                     "span": [-4, 999999]}],
                         "findings": [{"type": "relation", "nodes": ["A"]},
                                      {"type": "branch", "nodes": []},
                                      {"type": "missing", "nodes": ["Q", "nowhere"]},
                                      {"type": "grounding", "nodes": ["A"]}],
                         "steps": [{"span": [5, 2]}], "best_reference": 99})")
        << true;
}

void TestPathScene::badInputIsRefused() {
    QFETCH(QByteArray, json);
    QFETCH(bool, accepted);
    PathScene scene;
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    QCOMPARE(scene.setCase(stored(object), "short"), accepted);
    QCOMPARE(scene.hasCase(), accepted);
    if (!accepted) {
        QVERIFY(!scene.errorString().isEmpty());
        QVERIFY(scene.items().isEmpty());
        QVERIFY(scene.toSvg().isEmpty());
    } else {
        QVERIFY(scene.nodeItem("A"));
        QVERIFY(scene.nodeItem("Z"));
        QVERIFY(scene.nodeItem("Q"));
        QVERIFY(!scene.toSvg().isEmpty());
    }
}

void TestPathScene::emptyPathsGiveAnEmptyDiagram() {
    PathScene scene;
    QVERIFY(scene.setCase(stored(QJsonObject{
        {"id", "demo-q20"}, {"reasoning_path", QJsonArray{}}, {"reference_paths", QJsonArray{}}})));
    QVERIFY(scene.nodeItems().isEmpty());
    QVERIFY(scene.edgeItems().isEmpty());
    QVERIFY(scene.legendItem());
    QVERIFY(!scene.toSvg().isEmpty());
    scene.clearCase();
    QVERIFY(!scene.hasCase());
    QVERIFY(scene.items().isEmpty());
}

void TestPathScene::viewClickEmitsNodeActivated() {
    PathView view;
    view.resize(900, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const CaseFixture f = branchAndMissing();
    QVERIFY(view.setCase(f.stored(), f.output));
    QSignalSpy spy(&view, &PathView::nodeActivated);

    QGraphicsItem* target = view.pathScene()->nodeItem("aortic dissection");
    const QPoint at = view.mapFromScene(target->sceneBoundingRect().center());
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QString("aortic dissection"));

    // A drag that starts on a node pans and activates nothing.
    QTest::mousePress(view.viewport(), Qt::LeftButton, {}, at);
    QTest::mouseMove(view.viewport(), at + QPoint(60, 30));
    QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, at + QPoint(60, 30));
    QCOMPARE(spy.size(), 1);

    // A click on empty space activates nothing either.
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, QPoint(3, 3));
    QCOMPARE(spy.size(), 1);
}

void TestPathScene::viewZoomsAndShowsEmptyState() {
    PathView view;
    view.resize(800, 400);
    QCOMPARE(view.placeholderText(), QString("Select a case to see its reasoning path"));
    const CaseFixture f = relationError();
    QVERIFY(view.setCase(f.stored(), f.output));
    QVERIFY(view.placeholderText().isEmpty());

    const qreal fitted = view.zoomFactor();
    QVERIFY(fitted > 0 && fitted <= 1.5);
    const QPointF centre = view.viewport()->rect().center();
    QWheelEvent in(centre, view.viewport()->mapToGlobal(centre), QPoint(), QPoint(0, 120),
                   Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view.viewport(), &in);
    QVERIFY(view.zoomFactor() > fitted * 1.1);
    QWheelEvent out(centre, view.viewport()->mapToGlobal(centre), QPoint(), QPoint(0, -240),
                    Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view.viewport(), &out);
    QVERIFY(view.zoomFactor() < fitted);
    view.fitToView();
    QCOMPARE(view.zoomFactor(), fitted);

    // A case that cannot be drawn shows why instead of the diagram.
    QVERIFY(!view.setCase(stored(QJsonObject{{"id", "broken"}})));
    QVERIFY(view.placeholderText().contains("not a case result"));
    view.clearCase();
    QCOMPARE(view.placeholderText(), QString("Select a case to see its reasoning path"));
}

void TestPathScene::narrowViewKeepsLabelsReadableAndTheBranchInView() {
    // A view too small for the whole diagram at reading size: the fit stops at a zoom where
    // the 12 px names stay at least 10 px, and shows where the model left the reference
    // path rather than the start of the diagram.
    PathView view;
    view.resize(260, 160);
    const CaseFixture f = branchAndMissing();
    QVERIFY(view.setCase(f.stored(), f.output));
    const QRectF scene = view.pathScene()->sceneRect();
    QVERIFY2(scene.width() * 0.85 > 260, "the fixture's diagram must be wider than the view");
    QVERIFY2(view.zoomFactor() * 12 >= 10, qPrintable(QString::number(view.zoomFactor())));
    const QRectF visible = view.mapToScene(view.viewport()->rect()).boundingRect();
    QGraphicsItem* divergence = view.pathScene()->nodeItem("Chest Pain");
    QVERIFY(divergence);
    QVERIFY2(visible.intersects(divergence->sceneBoundingRect()),
             "the divergence node is in view at first sight");
}

QTEST_MAIN(TestPathScene)
#include "tst_pathscene.moc"
