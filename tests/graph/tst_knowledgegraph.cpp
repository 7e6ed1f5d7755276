#include "KnowledgeGraph.h"

#include <QtTest>

#include <sstream>

using namespace rs;

class TestKnowledgeGraph : public QObject {
    Q_OBJECT
private slots:
    void mergesByKeyAndByNameAndKind();
    void csrAdjacencyIsSortedAndDeduplicated();
    void cacheRoundTrip();
    void truncatedCacheIsRefused_data();
    void truncatedCacheIsRefused();
};

static KnowledgeGraph smallGraph() {
    KnowledgeGraphBuilder b;
    const NodeId dm1 = b.addNode("DOID:9744", "type 1 diabetes mellitus", "Disease");
    const NodeId insulin = b.addNode("DB00030", "Insulin", "Compound");
    const NodeId polyuria = b.addNode("D011141", "Polyuria", "Symptom");
    b.addEdge(insulin, "treats", dm1);
    b.addEdge(insulin, "treats", dm1); // duplicate from a second source
    b.addEdge(dm1, "presents", polyuria);
    return b.build();
}

void TestKnowledgeGraph::mergesByKeyAndByNameAndKind() {
    KnowledgeGraphBuilder b;
    const NodeId a = b.addNode("DOID:9352", "type 2 diabetes mellitus", "Disease");
    QCOMPARE(b.addNode("DOID:9352", "Type 2 Diabetes", "Disease"), a); // same key
    const NodeId fever = b.addNode("D005334", "Fever", "Symptom");
    QCOMPARE(b.addNode("SYMP:0000613", "fever", "Symptom"), fever); // same name+kind
    QVERIFY(b.addNode("X:1", "fever", "Disease") != fever);         // other kind
    const KnowledgeGraph g = b.build();
    QCOMPARE(g.nodeCount(), std::size_t(3));
    QCOMPARE(g.findByKey("SYMP:0000613").value(), fever);
    QCOMPARE(g.aliases(a).size(), std::size_t(1));
    QCOMPARE(std::string(g.aliases(a)[0]), std::string("Type 2 Diabetes"));
}

void TestKnowledgeGraph::csrAdjacencyIsSortedAndDeduplicated() {
    const KnowledgeGraph g = smallGraph();
    QCOMPARE(g.edgeCount(), std::size_t(2));
    const NodeId insulin = g.findByKey("DB00030").value();
    const NodeId dm1 = g.findByKey("DOID:9744").value();
    QCOMPARE(g.out(insulin).size(), std::size_t(1));
    QCOMPARE(g.out(insulin)[0].node, dm1);
    QCOMPARE(std::string(g.relationName(g.out(insulin)[0].relation)), std::string("treats"));
    QCOMPARE(g.in(dm1).size(), std::size_t(1));
    QCOMPARE(g.degree(dm1), std::size_t(2));
}

void TestKnowledgeGraph::cacheRoundTrip() {
    const KnowledgeGraph g = smallGraph();
    std::stringstream buf;
    g.save(buf);
    std::string error;
    auto loaded = KnowledgeGraph::load(buf, &error);
    QVERIFY2(loaded.has_value(), error.c_str());
    QCOMPARE(loaded->nodeCount(), g.nodeCount());
    QCOMPARE(loaded->edgeCount(), g.edgeCount());
    const NodeId dm1 = loaded->findByKey("DOID:9744").value();
    QCOMPARE(std::string(loaded->name(dm1)), std::string("type 1 diabetes mellitus"));
    QCOMPARE(std::string(loaded->kind(dm1)), std::string("Disease"));
    QCOMPARE(loaded->in(dm1).size(), std::size_t(1));
}

void TestKnowledgeGraph::truncatedCacheIsRefused_data() {
    QTest::addColumn<int>("keep");
    std::stringstream buf;
    smallGraph().save(buf);
    const int size = int(buf.str().size());
    for (int keep : {0, 4, 8, 20, size / 2, size - 1})
        QTest::addRow("keep %d of %d bytes", keep, size) << keep;
}

void TestKnowledgeGraph::truncatedCacheIsRefused() {
    QFETCH(int, keep);
    std::stringstream full;
    smallGraph().save(full);
    std::stringstream cut(full.str().substr(0, std::size_t(keep)));
    std::string error;
    QVERIFY(!KnowledgeGraph::load(cut, &error).has_value());
    QVERIFY(!error.empty());
}

QTEST_APPLESS_MAIN(TestKnowledgeGraph)
#include "tst_knowledgegraph.moc"
