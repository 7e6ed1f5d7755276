// PathDiagramModel: the one classification of the path diagram's edges and concepts, which
// both the window's path view and the report's diagram draw. Cases modelled on the demo
// (branch with missing concepts, a relation error on the branch edge, a denied KG edge and
// a hedged claim); the report's Graphviz input is checked to colour by the same statuses.
#include "PathDiagram.h"
#include "PathDiagramModel.h"

#include <QtTest>

#include <algorithm>
#include <functional>

using namespace rs;
using Model = PathDiagramModel;
using Status = PathDiagramModel::EdgeStatus;

Q_DECLARE_METATYPE(rs::PathDiagramModel::EdgeStatus)
Q_DECLARE_METATYPE(rs::PathDiagramModel::NodeStatus)

namespace {

CaseResult::PathNode node(const std::string& name, const std::string& kind, int step) {
    return {CaseResult::Concept{name, kind, kind + ":" + name}, step};
}

CaseResult::Finding finding(FindingType type, std::vector<std::string> nodes, int step = -1) {
    CaseResult::Finding f;
    f.type = type;
    f.severity = Severity::Major;
    f.nodes = std::move(nodes);
    f.step = step;
    return f;
}

CaseResult::Claim claim(const std::string& head, const std::string& relation,
                        const std::string& tail, Polarity polarity) {
    CaseResult::Claim c;
    c.head = head;
    c.relation = relation;
    c.tail = tail;
    c.polarity = polarity;
    return c;
}

CaseResult::ReferencePath reference(std::vector<std::string> nodes,
                                    std::vector<std::string> relations, std::vector<bool> forward) {
    return {std::move(nodes), {}, std::move(relations), std::move(forward), 6.0, "kg"};
}

// demo-q03, model b: branch at Chest Pain, aortic dissection and Back Pain never mentioned.
CaseResult branchAndMissing() {
    CaseResult r;
    r.id = "demo-q03";
    r.anchors.gold = CaseResult::Concept{"Esmolol", "Compound", ""};
    r.anchors.predicted = CaseResult::Concept{"Alteplase", "Compound", ""};
    r.anchors.evidence = {"Chest Pain"};
    r.reasoningPath = {node("hypertension", "Disease", 0), node("Chest Pain", "Symptom", 1),
                       node("myocardial infarction", "Disease", 2),
                       node("Alteplase", "Compound", 3)};
    r.claims = {
        claim("hypertension", "risk_factor_for", "myocardial infarction", Polarity::Asserted),
        claim("Alteplase", "treats", "myocardial infarction", Polarity::Asserted)};
    r.findings = {finding(FindingType::Branch,
                          {"Chest Pain", "myocardial infarction", "aortic dissection"}, 1),
                  finding(FindingType::Missing, {"aortic dissection", "Chest Pain", "Esmolol"}),
                  finding(FindingType::Missing, {"Back Pain", "Esmolol"}),
                  finding(FindingType::Missing, {"Widened Mediastinum", "Esmolol"})};
    r.referencePaths = {reference({"Chest Pain", "aortic dissection", "Esmolol"},
                                  {"presents", "treats"}, {false, false}),
                        reference({"hypertension", "aortic dissection", "Esmolol"},
                                  {"risk_factor", "treats"}, {true, false}),
                        reference({"Back Pain", "aortic dissection", "Esmolol"},
                                  {"presents", "treats"}, {false, false})};
    r.bestReference = 0;
    return r;
}

// demo-q05, model b: "Propranolol treats cocaine intoxication" is both the relation error
// and the branch edge.
CaseResult relationError() {
    CaseResult r;
    r.anchors.gold = CaseResult::Concept{"Lorazepam", "Compound", ""};
    r.anchors.predicted = CaseResult::Concept{"Propranolol", "Compound", ""};
    r.reasoningPath = {node("Cocaine", "Compound", 0), node("Chest Pain", "Symptom", 0),
                       node("Tachycardia", "Symptom", 0),
                       node("cocaine intoxication", "Disease", 1),
                       node("Propranolol", "Compound", 2)};
    r.claims = {claim("Propranolol", "treats", "cocaine intoxication", Polarity::Asserted)};
    r.findings = {
        finding(FindingType::Relation, {"Propranolol", "cocaine intoxication"}, 2),
        finding(FindingType::Branch, {"cocaine intoxication", "Propranolol", "Lorazepam"}, 2)};
    r.referencePaths = {reference({"Chest Pain", "cocaine intoxication", "Lorazepam"},
                                  {"presents", "treats"}, {false, false})};
    r.bestReference = 0;
    return r;
}

// demo-q12, model b: a denied KG edge across the row, a hedged claim.
CaseResult deniedAndHedged() {
    CaseResult r;
    r.anchors.gold = r.anchors.predicted = CaseResult::Concept{"Pyridoxine", "Compound", ""};
    r.reasoningPath = {node("Isoniazid", "Compound", 0), node("tuberculosis", "Disease", 0),
                       node("vitamin B6 deficiency", "Disease", 2),
                       node("peripheral neuropathy", "Disease", 1),
                       node("Pyridoxine", "Compound", 2)};
    r.claims = {
        claim("Isoniazid", "causes", "peripheral neuropathy", Polarity::Negated),
        claim("vitamin B6 deficiency", "causes", "peripheral neuropathy", Polarity::Hedged)};
    r.findings = {finding(FindingType::Relation, {"Isoniazid", "peripheral neuropathy"}, 1)};
    r.referencePaths = {reference({"Isoniazid", "peripheral neuropathy", "Pyridoxine"},
                                  {"causes", "treats"}, {true, false})};
    r.bestReference = 0;
    return r;
}

// demo-q19, model b: Spironolactone over Furosemide, both treating hypertension; the
// hypokalemia of the case decides, not the hypertension.
CaseResult sameRelationChoice() {
    CaseResult r;
    r.anchors.gold = CaseResult::Concept{"Furosemide", "Compound", ""};
    r.anchors.predicted = CaseResult::Concept{"Spironolactone", "Compound", ""};
    r.reasoningPath = {node("hypokalemia", "Disease", 0), node("hypertension", "Disease", 1),
                       node("Spironolactone", "Compound", 2)};
    r.findings = {finding(FindingType::Branch,
                          {"hypertension", "Spironolactone", "Furosemide", "hypokalemia"}, 2)};
    r.findings[0].signature = "branch/Spironolactone over Furosemide";
    r.referencePaths = {reference({"hypokalemia", "hypertension", "Furosemide"},
                                  {"associated_with", "treats"}, {true, false})};
    r.bestReference = 0;
    return r;
}

// A project with claim statuses: the KG supports one claim; the other, a denied norm ("is
// not typically used for"), is unverified and no KG-supported step.
CaseResult claimStatuses() {
    CaseResult r;
    r.reasoningPath = {node("chronic obstructive pulmonary disease", "Disease", 0),
                       node("Montelukast", "Compound", 1), node("Prednisone", "Compound", 2)};
    r.claims = {
        claim("Montelukast", "treats", "chronic obstructive pulmonary disease", Polarity::Negated),
        claim("Prednisone", "treats", "chronic obstructive pulmonary disease", Polarity::Asserted)};
    r.claims[0].status = ClaimStatus::Unverified;
    r.claims[1].status = ClaimStatus::Supported;
    return r;
}

using Fixture = std::function<CaseResult()>;

} // namespace

Q_DECLARE_METATYPE(Fixture)

class TestPathDiagramModel : public QObject {
    Q_OBJECT
private slots:
    void edgeStatus_data();
    void edgeStatus();
    void nodeStatus_data();
    void nodeStatus();
    void choiceLeavesDUnmarked();
    void conceptsAreSharedAndModelComesFirst();
    void labelsAndDirections();
    void notesPointBackIntoTheResult();
    void missingConceptIsLinkedToItsContext();
    void unreadableAndUnknownFindingsAddNothing();
    void reportColoursByTheSameStatus();
};

void TestPathDiagramModel::edgeStatus_data() {
    QTest::addColumn<Fixture>("fixture");
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<Status>("status");
    QTest::addColumn<int>("flags"); // must all be set
    QTest::newRow("branch edge") << Fixture(branchAndMissing) << "Chest Pain"
                                 << "myocardial infarction" << Status::Branch
                                 << int(Model::EdgeModel | Model::EdgeBranch);
    QTest::newRow("claim without finding is supported")
        << Fixture(branchAndMissing) << "Alteplase"
        << "myocardial infarction" << Status::Supported << int(Model::EdgeModel | Model::EdgeClaim);
    QTest::newRow("bare step without KG edge")
        << Fixture(branchAndMissing) << "hypertension"
        << "Chest Pain" << Status::Unverified << int(Model::EdgeModel);
    QTest::newRow("reference edge into a missing concept")
        << Fixture(branchAndMissing) << "Back Pain"
        << "aortic dissection" << Status::Missing << int(Model::EdgeReference | Model::EdgeMissing);
    QTest::newRow("reference edge out of a missing concept")
        << Fixture(branchAndMissing) << "aortic dissection"
        << "Esmolol" << Status::Missing << int(Model::EdgeReference);
    QTest::newRow("relation error wins over branch")
        << Fixture(relationError) << "Propranolol"
        << "cocaine intoxication" << Status::RelationError
        << int(Model::EdgeRelationError | Model::EdgeBranch | Model::EdgeClaim);
    QTest::newRow("reference edge the model skipped")
        << Fixture(relationError) << "Chest Pain"
        << "cocaine intoxication" << Status::Reference << int(Model::EdgeReference);
    QTest::newRow("denied KG edge across the row")
        << Fixture(deniedAndHedged) << "Isoniazid"
        << "peripheral neuropathy" << Status::RelationError
        << int(Model::EdgeOnKgPath | Model::EdgeClaim);
    QTest::newRow("hedged claim is not checked")
        << Fixture(deniedAndHedged) << "vitamin B6 deficiency"
        << "peripheral neuropathy" << Status::Unverified << int(Model::EdgeClaim);
    QTest::newRow("unverified claim is no KG-supported step")
        << Fixture(claimStatuses) << "Montelukast"
        << "chronic obstructive pulmonary disease" << Status::Unverified
        << int(Model::EdgeModel | Model::EdgeClaim);
    QTest::newRow("supported claim") << Fixture(claimStatuses) << "Prednisone"
                                     << "chronic obstructive pulmonary disease" << Status::Supported
                                     << int(Model::EdgeModel | Model::EdgeClaim);
    QTest::newRow("step aligned with the reference path")
        << Fixture(deniedAndHedged) << "peripheral neuropathy"
        << "Pyridoxine" << Status::Supported << int(Model::EdgeModel | Model::EdgeOnKgPath);
}

void TestPathDiagramModel::edgeStatus() {
    QFETCH(Fixture, fixture);
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(Status, status);
    QFETCH(int, flags);
    const Model m = Model::build(fixture());
    const Model::Edge* e = m.findEdge(a.toStdString(), b.toStdString());
    QVERIFY(e);
    QVERIFY(m.findEdge(b.toStdString(), a.toStdString()) == e); // either direction
    QCOMPARE(int(e->status()), int(status));
    QCOMPARE(e->flags & flags, flags);
}

void TestPathDiagramModel::nodeStatus_data() {
    QTest::addColumn<Fixture>("fixture");
    QTest::addColumn<QString>("name");
    QTest::addColumn<Model::NodeStatus>("status");
    QTest::addColumn<int>("flags");
    QTest::newRow("branch point") << Fixture(branchAndMissing) << "Chest Pain"
                                  << Model::NodeStatus::OnPath
                                  << int(Model::NodeBranchPoint | Model::NodeEvidence);
    QTest::newRow("never mentioned") << Fixture(branchAndMissing) << "aortic dissection"
                                     << Model::NodeStatus::Missing << int(Model::NodeMissing);
    QTest::newRow("gold on a reference path")
        << Fixture(branchAndMissing) << "Esmolol" << Model::NodeStatus::Reference
        << int(Model::NodeGold);
    QTest::newRow("model answer") << Fixture(branchAndMissing) << "Alteplase"
                                  << Model::NodeStatus::OnPath << int(Model::NodePredicted);
    QTest::newRow("a choice between alike alternatives: the decider is marked")
        << Fixture(sameRelationChoice) << "hypokalemia" << Model::NodeStatus::OnPath
        << int(Model::NodeDecider);
    QTest::newRow("claim end off the path joins the row")
        << Fixture(relationError) << "Lorazepam" << Model::NodeStatus::Reference
        << int(Model::NodeGold);
}

void TestPathDiagramModel::nodeStatus() {
    QFETCH(Fixture, fixture);
    QFETCH(QString, name);
    QFETCH(Model::NodeStatus, status);
    QFETCH(int, flags);
    const Model m = Model::build(fixture());
    const Model::Concept* c = m.findConcept(name.toStdString());
    QVERIFY(c);
    QCOMPARE(int(c->status()), int(status));
    QCOMPARE(c->flags & flags, flags);
}

void TestPathDiagramModel::choiceLeavesDUnmarked() {
    // d relates to x and y alike: it is not where the model went wrong.
    const Model m = Model::build(sameRelationChoice());
    const Model::Concept* d = m.findConcept("hypertension");
    QVERIFY(d);
    QCOMPARE(d->flags & Model::NodeBranchPoint, 0);
    const auto& notes = m.findConcept("hypokalemia")->notes;
    QVERIFY(std::any_of(notes.begin(), notes.end(), [](const Model::Note& n) {
        return n.kind == Model::Note::Finding && n.index == 0;
    }));
    for (const Model::Note& n : d->notes)
        QVERIFY(n.kind != Model::Note::Finding);
}

void TestPathDiagramModel::conceptsAreSharedAndModelComesFirst() {
    const Model m = Model::build(branchAndMissing());
    // 4 on the path, aortic dissection, Esmolol, Back Pain, Widened Mediastinum.
    QCOMPARE(m.concepts.size(), std::size_t(8));
    int n = 0;
    for (const Model::Concept& c : m.concepts)
        n += c.name == "aortic dissection" ? 1 : 0;
    QCOMPARE(n, 1);
    bool seenOther = false;
    for (const Model::Concept& c : m.concepts) {
        QVERIFY2(!(seenOther && c.onPath), c.name.c_str());
        seenOther = seenOther || !c.onPath;
    }
    QCOMPARE(m.concepts.front().name, std::string("hypertension"));
    // An edge shared by three reference paths is one edge; r* gives it its weight.
    QCOMPARE(m.findEdge("aortic dissection", "Esmolol")->weight, 3);
    QCOMPARE(m.findEdge("Back Pain", "aortic dissection")->weight, 1);
    QCOMPARE(m.findEdge("hypertension", "Chest Pain")->weight, 8);
}

void TestPathDiagramModel::labelsAndDirections() {
    const Model q12 = Model::build(deniedAndHedged());
    const Model::Edge* denied = q12.findEdge("Isoniazid", "peripheral neuropathy");
    QCOMPARE(int(denied->label.kind), int(Model::Label::NegatedRelation));
    QCOMPARE(denied->label.relation, std::string("causes"));
    QVERIFY(!denied->constraint); // a claim across the row must not reorder it
    const Model::Edge* hedged = q12.findEdge("vitamin B6 deficiency", "peripheral neuropathy");
    QCOMPARE(int(hedged->label.kind), int(Model::Label::HedgedRelation));
    // The KG edge Pyridoxine -treats-> peripheral neuropathy runs against the row.
    const Model::Edge* kg = q12.findEdge("peripheral neuropathy", "Pyridoxine");
    QCOMPARE(kg->label.relation, std::string("treats"));
    QCOMPARE(int(kg->direction), int(Model::Direction::Back));

    const Model q03 = Model::build(branchAndMissing());
    QCOMPARE(int(q03.findEdge("Chest Pain", "myocardial infarction")->label.kind),
             int(Model::Label::Branch));
    QVERIFY(q03.findEdge("hypertension", "Chest Pain")->label.empty());
}

void TestPathDiagramModel::notesPointBackIntoTheResult() {
    const Model m = Model::build(branchAndMissing());
    const Model::Edge* branch = m.findEdge("Chest Pain", "myocardial infarction");
    QCOMPARE(branch->notes.size(), std::size_t(2)); // reasoning order, then the finding
    QCOMPARE(int(branch->notes[0].kind), int(Model::Note::ReasoningOrder));
    QCOMPARE(int(branch->notes[1].kind), int(Model::Note::FindingInStep));
    QCOMPARE(branch->notes[1].index, 0);
    const Model::Edge* kg = m.findEdge("Back Pain", "aortic dissection");
    QCOMPARE(int(kg->notes.front().kind), int(Model::Note::KgEdge));
    QCOMPARE(kg->notes.front().index, 2);    // reference path 3
    QCOMPARE(kg->notes.front().position, 0); // its first edge
    const Model::Concept* missing = m.findConcept("aortic dissection");
    QCOMPARE(int(missing->notes.front().kind), int(Model::Note::Finding));
    QCOMPARE(missing->notes.front().index, 1);
}

void TestPathDiagramModel::missingConceptIsLinkedToItsContext() {
    const Model m = Model::build(branchAndMissing());
    const Model::Edge* link = m.findEdge("Widened Mediastinum", "Esmolol");
    QVERIFY(link);
    QCOMPARE(int(link->direction), int(Model::Direction::None));
    QCOMPARE(int(link->status()), int(Status::Missing));
    QCOMPARE(int(link->notes.front().kind), int(Model::Note::ShouldBeUsedWith));
    // A missing concept already on a reference path needs no extra link.
    QVERIFY(!m.findEdge("Back Pain", "Esmolol"));
}

void TestPathDiagramModel::unreadableAndUnknownFindingsAddNothing() {
    CaseResult r;
    r.reasoningPath = {node("A", "Disease", 0), node("B", "Disease", 1)};
    CaseResult::Finding unreadable = finding(FindingType::Relation, {"A", "Z"});
    unreadable.readable = false;
    CaseResult::Finding unknown = finding(FindingType::Relation, {"A", "Y"});
    unknown.type.reset();
    CaseResult::Finding oneNode = finding(FindingType::Relation, {"A"});
    r.findings = {unreadable, unknown, oneNode};
    const Model m = Model::build(r);
    QCOMPARE(m.concepts.size(), std::size_t(2));
    QCOMPARE(m.edges.size(), std::size_t(1));
    QCOMPARE(int(m.edges.front().status()), int(Status::Unverified));
    // The one-node finding is a note on the concept it names.
    QCOMPARE(m.findConcept("A")->notes.size(), std::size_t(3)); // mentioned, unknown, one-node
}

void TestPathDiagramModel::reportColoursByTheSameStatus() {
    const LayoutInput in = pathDiagramLayout(relationError());
    const Model m = Model::build(relationError());
    QCOMPARE(in.nodes.size(), m.concepts.size());
    QCOMPARE(in.edges.size(), m.edges.size());
    std::map<std::string, std::string> names; // layout id -> concept name
    for (std::size_t i = 0; i < in.nodes.size(); ++i)
        names[in.nodes[i].id] = m.concepts[i].name;
    int relationErrors = 0, references = 0;
    for (const LayoutEdge& e : in.edges) {
        const Model::Edge* me = m.findEdge(names[e.from], names[e.to]);
        QVERIFY(me);
        const std::string colour = e.attributes.at("color");
        if (me->status() == Status::RelationError) {
            QCOMPARE(colour, std::string(PathDiagramColors::kRelationError));
            ++relationErrors;
        }
        if (me->status() == Status::Reference) {
            QCOMPARE(colour, std::string(PathDiagramColors::kReference));
            ++references;
        }
        if (me->status() == Status::Unverified)
            QCOMPARE(e.attributes.at("style"), std::string("dotted"));
    }
    QCOMPARE(relationErrors, 1);
    QVERIFY(references >= 1);
    QVERIFY(pathDiagramLayout(CaseResult()).nodes.empty());
}

QTEST_APPLESS_MAIN(TestPathDiagramModel)
#include "tst_pathdiagrammodel.moc"
