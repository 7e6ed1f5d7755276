#include "GraphKnowledgeBase.h"

#include <QtTest>

using namespace rs;

class TestGraphKnowledgeBase : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void nodeAccessors();
    void edgesBetween_data();
    void edgesBetween();
    void linkAndFindDelegate();
    void referencePathsCarryRelationNames();

private:
    std::unique_ptr<KnowledgeGraph> graph_;
    std::unique_ptr<NameIndex> names_;
    std::unique_ptr<ReferencePathFinder> paths_;
    std::unique_ptr<GraphKnowledgeBase> kb_;
    NodeId dm2_ = kNoNode, metformin_ = kNoNode, polyuria_ = kNoNode, gene_ = kNoNode;
};

void TestGraphKnowledgeBase::initTestCase() {
    KnowledgeGraphBuilder b;
    dm2_ = b.addNode("DOID:9352", "type 2 diabetes mellitus", "Disease");
    metformin_ = b.addNode("DB00331", "Metformin", "Compound");
    polyuria_ = b.addNode("D011141", "Polyuria", "Symptom");
    gene_ = b.addNode("Gene::3630", "INS", "Gene");
    b.addEdge(metformin_, "treats", dm2_);
    b.addEdge(metformin_, "palliates", dm2_);
    b.addEdge(dm2_, "resembles", metformin_); // nonsense, but exercises both directions
    b.addEdge(dm2_, "presents", polyuria_);
    b.addEdge(dm2_, "associates", gene_);
    b.addEdge(gene_, "self", gene_);
    graph_ = std::make_unique<KnowledgeGraph>(b.build());
    names_ = std::make_unique<NameIndex>(*graph_);
    paths_ = std::make_unique<ReferencePathFinder>(*graph_);
    kb_ = std::make_unique<GraphKnowledgeBase>(*graph_, *names_, *paths_);
}

void TestGraphKnowledgeBase::nodeAccessors() {
    QCOMPARE(kb_->nodeCount(), std::size_t(4));
    QCOMPARE(std::string(kb_->nodeName(dm2_)), std::string("type 2 diabetes mellitus"));
    QCOMPARE(std::string(kb_->nodeKind(polyuria_)), std::string("Symptom"));
    QCOMPARE(std::string(kb_->nodeKey(metformin_)), std::string("DB00331"));
    const RelationId treats = graph_->findRelation("treats").value();
    QCOMPARE(std::string(kb_->relationName(treats)), std::string("treats"));
    // Stale ids answer empty instead of reading out of bounds.
    QVERIFY(kb_->nodeName(NodeId(1000)).empty());
    QVERIFY(kb_->relationName(RelationId(1000)).empty());
    QVERIFY(kb_->edgesBetween(dm2_, NodeId(1000)).empty());
}

void TestGraphKnowledgeBase::edgesBetween_data() {
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QStringList>("expected"); // "relation>" forward, "relation<" backward

    QTest::newRow("compound to disease")
        << "DB00331"
        << "DOID:9352" << QStringList{"palliates>", "resembles<", "treats>"};
    QTest::newRow("disease to compound")
        << "DOID:9352"
        << "DB00331" << QStringList{"palliates<", "resembles>", "treats<"};
    QTest::newRow("one way") << "D011141"
                             << "DOID:9352" << QStringList{"presents<"};
    QTest::newRow("not adjacent") << "D011141"
                                  << "DB00331" << QStringList{};
    QTest::newRow("self-loop once") << "Gene::3630"
                                    << "Gene::3630" << QStringList{"self>"};
}

void TestGraphKnowledgeBase::edgesBetween() {
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QStringList, expected);
    const auto edges = kb_->edgesBetween(graph_->findByKey(from.toStdString()).value(),
                                         graph_->findByKey(to.toStdString()).value());
    QStringList got;
    for (const EdgeBetween& e : edges)
        got << QString::fromUtf8(kb_->relationName(e.relation)) +
                   (e.forward ? QLatin1Char('>') : QLatin1Char('<'));
    got.sort();
    QCOMPARE(got, expected);
}

void TestGraphKnowledgeBase::linkAndFindDelegate() {
    const std::string text = "Metformin for Type 2 diabetes mellitus with polyuria";
    const auto mentions = kb_->link(text);
    QCOMPARE(mentions.size(), std::size_t(3));
    QCOMPARE(mentions[0].node, metformin_);
    QCOMPARE(mentions[1].node, dm2_);
    QCOMPARE(mentions[2].node, polyuria_);
    QCOMPARE(kb_->findByName("polyuria").value(), polyuria_);
    QVERIFY(!kb_->findByName("polyuria and more").has_value());
}

void TestGraphKnowledgeBase::referencePathsCarryRelationNames() {
    const auto paths = kb_->referencePaths({polyuria_}, metformin_, 5, 4);
    QCOMPARE(paths.size(), std::size_t(1));
    const ReferencePath& p = paths[0];
    QCOMPARE(p.nodes, (std::vector<NodeId>{polyuria_, dm2_, metformin_}));
    // presents: dm2 -> polyuria, walked backwards; then the lowest relation id between dm2
    // and metformin, which is treats (metformin -> dm2, backwards).
    QCOMPARE(p.relations, (std::vector<std::string>{"presents", "treats"}));
    QCOMPARE(p.forward, (std::vector<bool>{false, false}));
    QCOMPARE(p.origin, std::string("kg"));
    QVERIFY(p.cost > 2.0);
    QVERIFY(kb_->referencePaths({metformin_}, metformin_, 5, 4).empty());
}

QTEST_APPLESS_MAIN(TestGraphKnowledgeBase)
#include "tst_graphknowledgebase.moc"
