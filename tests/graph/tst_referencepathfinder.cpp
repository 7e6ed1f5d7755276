#include "ReferencePathFinder.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <functional>
#include <random>
#include <set>
#include <thread>

using namespace rs;
using Path = ReferencePathFinder::PathIds;

class TestReferencePathFinder : public QObject {
    Q_OBJECT
private slots:
    void knownPaths_data();
    void knownPaths();
    void directionAndRelationAreReported();
    void degenerateQueries_data();
    void degenerateQueries();
    void shortest();
    void excludedKindsAreNeverInterior();
    void matchesBruteForce_data();
    void matchesBruteForce();
    void concurrentQueriesAgree();
};

namespace {

// Not "n" + std::to_string(i): GCC 12 warns falsely (-Wrestrict) on that pattern.
std::string numbered(const char* prefix, unsigned i) {
    std::string s(prefix);
    s += std::to_string(i);
    return s;
}

// Builds a graph from "a>b:rel" items (edge a -> b with relation rel; rel defaults to "r").
KnowledgeGraph graphOf(const QStringList& edges) {
    KnowledgeGraphBuilder b;
    std::map<QString, NodeId> ids;
    auto node = [&](const QString& name) {
        auto it = ids.find(name);
        if (it != ids.end())
            return it->second;
        const NodeId n = b.addNode(name.toStdString(), name.toStdString(), "Thing");
        ids.emplace(name, n);
        return n;
    };
    for (const QString& e : edges) {
        const QStringList relSplit = e.split(QLatin1Char(':'));
        const QStringList ends = relSplit[0].split(QLatin1Char('>'));
        const NodeId a = node(ends[0]);
        const NodeId c = node(ends[1]);
        b.addEdge(a, relSplit.size() > 1 ? relSplit[1].toStdString() : std::string("r"), c);
    }
    return b.build();
}

NodeId id(const KnowledgeGraph& g, const char* key) {
    return g.findByKey(key).value();
}

QString render(const KnowledgeGraph& g, const Path& p) {
    QStringList names;
    for (NodeId n : p.nodes)
        names << QString::fromUtf8(g.name(n));
    return names.join(QLatin1Char('-'));
}

double expectedNodeCost(const KnowledgeGraph& g, NodeId n, double a) {
    return 1.0 + a * std::log(1.0 + double(g.degree(n)));
}

bool adjacent(const KnowledgeGraph& g, NodeId a, NodeId b) {
    const auto has = [b](std::span<const KgEdge> list) {
        return std::binary_search(list.begin(), list.end(), KgEdge{b, 0},
                                  [](const KgEdge& x, const KgEdge& y) { return x.node < y.node; });
    };
    return has(g.out(a)) || has(g.in(a));
}

// Every simple path from any source to target with at most maxHops edges, walking edges
// both ways; a path stops at the target.
std::vector<std::pair<double, std::vector<NodeId>>>
allSimplePaths(const KnowledgeGraph& g, const std::vector<NodeId>& sources, NodeId target,
               int maxHops, double a) {
    std::vector<std::pair<double, std::vector<NodeId>>> paths;
    std::vector<NodeId> stack;
    std::vector<bool> onPath(g.nodeCount(), false);
    std::function<void(NodeId)> walk = [&](NodeId v) {
        if (v == target) {
            double cost = 0;
            for (std::size_t i = 1; i < stack.size(); ++i)
                cost += expectedNodeCost(g, stack[i], a);
            paths.emplace_back(cost, stack);
            return;
        }
        const int hopsLeft = maxHops - (int(stack.size()) - 1);
        if (hopsLeft <= 0)
            return;
        if (hopsLeft == 1) { // only the target can follow; skip listing a hub's neighbours
            if (adjacent(g, v, target)) {
                stack.push_back(target);
                walk(target);
                stack.pop_back();
            }
            return;
        }
        std::set<NodeId> next;
        for (const KgEdge& e : g.out(v))
            next.insert(e.node);
        for (const KgEdge& e : g.in(v))
            next.insert(e.node);
        for (NodeId w : next) {
            if (onPath[w])
                continue;
            onPath[w] = true;
            stack.push_back(w);
            walk(w);
            stack.pop_back();
            onPath[w] = false;
        }
    };
    std::set<NodeId> distinct(sources.begin(), sources.end());
    for (NodeId s : distinct) {
        if (s == target)
            continue;
        onPath[s] = true;
        stack.assign(1, s);
        walk(s);
        onPath[s] = false;
    }
    std::sort(paths.begin(), paths.end());
    return paths;
}

// Structural checks every returned path must pass.
void verifyPath(const KnowledgeGraph& g, const Path& p, const std::vector<NodeId>& sources,
                NodeId target, int maxHops, double a) {
    QVERIFY(p.nodes.size() >= 2);
    QVERIFY(int(p.nodes.size()) - 1 <= maxHops);
    QVERIFY(std::find(sources.begin(), sources.end(), p.nodes.front()) != sources.end());
    QCOMPARE(p.nodes.back(), target);
    QCOMPARE(std::set<NodeId>(p.nodes.begin(), p.nodes.end()).size(), p.nodes.size());
    QCOMPARE(p.relations.size(), p.nodes.size() - 1);
    QCOMPARE(p.forward.size(), p.nodes.size() - 1);
    double cost = 0;
    for (std::size_t i = 0; i + 1 < p.nodes.size(); ++i) {
        const NodeId u = p.nodes[i], v = p.nodes[i + 1];
        QVERIFY(adjacent(g, u, v));
        cost += expectedNodeCost(g, v, a);
        // The reported edge exists in the reported direction and no lower relation joins
        // the pair in either direction.
        const auto list = p.forward[i] ? g.out(u) : g.in(u);
        QVERIFY(std::any_of(list.begin(), list.end(), [&](const KgEdge& e) {
            return e.node == v && e.relation == p.relations[i];
        }));
        for (const auto& other : {g.out(u), g.in(u)})
            for (const KgEdge& e : other)
                if (e.node == v)
                    QVERIFY(e.relation >= p.relations[i]);
    }
    QVERIFY(std::abs(cost - p.cost) < 1e-9);
}

} // namespace

void TestReferencePathFinder::knownPaths_data() {
    QTest::addColumn<QStringList>("edges");
    QTest::addColumn<QStringList>("sources");
    QTest::addColumn<QString>("target");
    QTest::addColumn<double>("penalty");
    QTest::addColumn<int>("k");
    QTest::addColumn<int>("hops");
    QTest::addColumn<QStringList>("expected");

    const QStringList diamond{"s>a", "a>t", "s>b", "t>b", "s>c", "c>d", "d>t", "b>d"};
    // Hop counts (penalty 0): ties are broken by fewer hops, then by node ids in insertion
    // order (s=0, a=1, t=2, b=3, c=4, d=5).
    QTest::newRow("diamond, hop counts")
        << diamond << QStringList{"s"} << "t" << 0.0 << 10 << 4
        << QStringList{"s-a-t", "s-b-t", "s-b-d-t", "s-c-d-t", "s-c-d-b-t"};
    QTest::newRow("diamond, k=2") << diamond << QStringList{"s"} << "t" << 0.0 << 2 << 4
                                  << QStringList{"s-a-t", "s-b-t"};
    QTest::newRow("diamond, hop bound 2")
        << diamond << QStringList{"s"} << "t" << 0.0 << 10 << 2 << QStringList{"s-a-t", "s-b-t"};
    QTest::newRow("diamond, hop bound 3") << diamond << QStringList{"s"} << "t" << 0.0 << 10 << 3
                                          << QStringList{"s-a-t", "s-b-t", "s-b-d-t", "s-c-d-t"};

    // A hub with 50 leaves between s and t, and a detour over two quiet nodes.
    QStringList hub{"s>hub", "hub>t", "s>x", "x>y", "y>t"};
    for (int i = 0; i < 50; ++i)
        hub << QStringLiteral("hub>leaf%1").arg(i);
    QTest::newRow("hub penalised")
        << hub << QStringList{"s"} << "t" << 1.0 << 5 << 4 << QStringList{"s-x-y-t", "s-hub-t"};
    QTest::newRow("hub, hop counts")
        << hub << QStringList{"s"} << "t" << 0.0 << 5 << 4 << QStringList{"s-hub-t", "s-x-y-t"};
    QTest::newRow("hub, hop bound beats penalty")
        << hub << QStringList{"s"} << "t" << 1.0 << 5 << 2 << QStringList{"s-hub-t"};

    // Several sources: the paths of all of them, cheapest first, including one through
    // another source.
    const QStringList multi{"s1>m", "m>n", "n>t", "s2>t", "s1>s2"};
    QTest::newRow("multi-source") << multi << QStringList{"s1", "s2"} << "t" << 0.0 << 10 << 4
                                  << QStringList{"s2-t", "s1-s2-t", "s1-m-n-t", "s2-s1-m-n-t"};
    QTest::newRow("source equal to target is ignored")
        << multi << QStringList{"t", "s1"} << "t" << 0.0 << 2 << 4
        << QStringList{"s1-s2-t", "s1-m-n-t"};
    QTest::newRow("duplicate sources")
        << multi << QStringList{"s2", "s2"} << "t" << 0.0 << 10 << 3 << QStringList{"s2-t"};
    QTest::newRow("k larger than the number of paths")
        << QStringList{"s>a", "a>t"} << QStringList{"s"} << "t" << 1.0 << 50 << 4
        << QStringList{"s-a-t"};
    QTest::newRow("unreachable target")
        << QStringList{"s>a", "b>t"} << QStringList{"s"} << "t" << 1.0 << 5 << 4 << QStringList{};
    QTest::newRow("too far for the hop bound")
        << QStringList{"s>a", "a>b", "b>t"} << QStringList{"s"} << "t" << 1.0 << 5 << 2
        << QStringList{};
    QTest::newRow("cycle near the target")
        << QStringList{"s>a", "a>b", "b>c", "c>a", "c>t"} << QStringList{"s"} << "t" << 0.0 << 5
        << 6 << QStringList{"s-a-c-t", "s-a-b-c-t"};
}

void TestReferencePathFinder::knownPaths() {
    QFETCH(QStringList, edges);
    QFETCH(QStringList, sources);
    QFETCH(QString, target);
    QFETCH(double, penalty);
    QFETCH(int, k);
    QFETCH(int, hops);
    QFETCH(QStringList, expected);

    const KnowledgeGraph g = graphOf(edges);
    const ReferencePathFinder finder(g, penalty);
    std::vector<NodeId> src;
    for (const QString& s : sources)
        src.push_back(id(g, s.toUtf8().constData()));
    const NodeId t = id(g, target.toUtf8().constData());
    const auto paths = finder.find(src, t, k, hops);
    QStringList got;
    for (const Path& p : paths) {
        got << render(g, p);
        verifyPath(g, p, src, t, hops, penalty);
    }
    QCOMPARE(got, expected);
    for (std::size_t i = 1; i < paths.size(); ++i)
        QVERIFY(paths[i - 1].cost <= paths[i].cost);
}

void TestReferencePathFinder::directionAndRelationAreReported() {
    // a and b are joined by several relations both ways; the lowest id wins, forward on a
    // tie. Relation ids follow first use: zeta=0, alpha=1, beta=2.
    const KnowledgeGraph g =
        graphOf({"c>d:zeta", "b>a:alpha", "a>b:beta", "b>c:beta", "c>b:alpha", "d>c:zeta"});
    const ReferencePathFinder finder(g, 0.0);
    const auto p = finder.shortest(id(g, "a"), id(g, "d"), 4);
    QVERIFY(p.has_value());
    QCOMPARE(render(g, *p), QStringLiteral("a-b-c-d"));
    QCOMPARE(std::string(g.relationName(p->relations[0])), std::string("alpha"));
    QCOMPARE(p->forward[0], false); // the alpha edge is b -> a
    QCOMPARE(std::string(g.relationName(p->relations[1])), std::string("alpha"));
    QCOMPARE(p->forward[1], false); // c -> b
    QCOMPARE(std::string(g.relationName(p->relations[2])), std::string("zeta"));
    QCOMPARE(p->forward[2], true); // c -> d and d -> c both zeta: forward preferred
    QCOMPARE(p->cost, 3.0);
}

void TestReferencePathFinder::degenerateQueries_data() {
    QTest::addColumn<int>("k");
    QTest::addColumn<int>("hops");
    QTest::addColumn<bool>("badTarget");
    QTest::addColumn<bool>("sourceIsTarget");
    QTest::addColumn<int>("paths");
    QTest::newRow("k = 0") << 0 << 4 << false << false << 0;
    QTest::newRow("negative k") << -3 << 4 << false << false << 0;
    QTest::newRow("hops = 0") << 5 << 0 << false << false << 0;
    QTest::newRow("target out of range") << 5 << 4 << true << false << 0;
    QTest::newRow("only source is the target") << 5 << 4 << false << true << 0;
    QTest::newRow("huge hop bound is clamped") << 5 << 1000 << false << false << 1;
    QTest::newRow("normal") << 5 << 4 << false << false << 1;
}

void TestReferencePathFinder::degenerateQueries() {
    QFETCH(int, k);
    QFETCH(int, hops);
    QFETCH(bool, badTarget);
    QFETCH(bool, sourceIsTarget);
    QFETCH(int, paths);
    const KnowledgeGraph g = graphOf({"s>a", "a>t"});
    const ReferencePathFinder finder(g);
    const NodeId t = badTarget ? NodeId(g.nodeCount() + 5) : id(g, "t");
    const std::vector<NodeId> src{sourceIsTarget ? id(g, "t") : id(g, "s"), NodeId(99999)};
    QCOMPARE(int(finder.find(src, t, k, hops).size()), paths);
}

void TestReferencePathFinder::shortest() {
    const KnowledgeGraph g = graphOf({"s>a", "a>t", "s>b", "b>c", "c>t"});
    const ReferencePathFinder finder(g, 0.0);
    QVERIFY(!finder.shortest(id(g, "s"), id(g, "s"), 4).has_value());
    QVERIFY(!finder.shortest(id(g, "s"), id(g, "t"), 1).has_value());
    const auto p = finder.shortest(id(g, "t"), id(g, "s"), 2);
    QVERIFY(p.has_value());
    QCOMPARE(render(g, *p), QStringLiteral("t-a-s"));
    QCOMPARE(p->forward, (std::vector<bool>{false, false}));
}

void TestReferencePathFinder::excludedKindsAreNeverInterior() {
    // fever -> GENE1 -> flu is the cheap path; fever -> cold -> flu avoids the gene.
    KnowledgeGraphBuilder b;
    const NodeId fever = b.addNode("fever", "fever", "Symptom");
    const NodeId gene = b.addNode("GENE1", "GENE1", "Gene");
    const NodeId cold = b.addNode("cold", "cold", "Disease");
    const NodeId other = b.addNode("other", "other", "Disease");
    const NodeId flu = b.addNode("flu", "flu", "Disease");
    const NodeId gene2 = b.addNode("GENE2", "GENE2", "Gene");
    b.addEdge(gene, "associates", fever);
    b.addEdge(gene, "associates", flu);
    b.addEdge(cold, "presents", fever);
    b.addEdge(cold, "resembles", other);
    b.addEdge(other, "resembles", flu);
    b.addEdge(flu, "associates", gene2);
    const KnowledgeGraph g = b.build();

    const ReferencePathFinder all(g, 0.0);
    QCOMPARE(all.find({fever}, flu, 1, 4).front().nodes, (std::vector<NodeId>{fever, gene, flu}));

    const ReferencePathFinder clinical(g, 0.0, {"Gene"});
    QVERIFY(!clinical.passable(gene));
    const auto paths = clinical.find({fever}, flu, 5, 4);
    QCOMPARE(paths.size(), std::size_t(1));
    QCOMPARE(paths.front().nodes, (std::vector<NodeId>{fever, cold, other, flu}));
    // An excluded kind may still end a path, and start one.
    QCOMPARE(clinical.find({fever}, gene2, 1, 4).front().nodes,
             (std::vector<NodeId>{fever, cold, other, flu, gene2}));
    QCOMPARE(clinical.find({gene}, cold, 1, 4).front().nodes,
             (std::vector<NodeId>{gene, fever, cold}));
    QVERIFY(!clinical.shortest(fever, flu, 2).has_value());
}

void TestReferencePathFinder::matchesBruteForce_data() {
    QTest::addColumn<unsigned>("seed");
    QTest::addColumn<int>("nodes");
    QTest::addColumn<int>("edges");
    QTest::addColumn<int>("relations");
    QTest::addColumn<int>("queries");
    QTest::addColumn<bool>("skewed"); // endpoints drawn towards low ids: a few hubs
    // > 0: one more node with that many leaves, joined to a tenth of the other nodes. Past
    // 2^16 leaves it stops the finder's backward BFS early, so the truncated hop bounds
    // are checked too.
    QTest::addColumn<int>("hubLeaves");
    for (unsigned seed = 1; seed <= 40; ++seed) {
        const int nodes = 4 + int(seed % 9);
        QTest::addRow("small seed %u", seed)
            << seed << nodes << nodes * int(1 + seed % 3) << 3 << 30 << false << 0;
    }
    for (unsigned seed = 100; seed < 106; ++seed)
        QTest::addRow("sparse 150 nodes seed %u", seed)
            << seed << 150 << 330 << 4 << 20 << false << 0;
    for (unsigned seed = 200; seed < 204; ++seed)
        QTest::addRow("skewed 60 nodes seed %u", seed) << seed << 60 << 150 << 2 << 20 << true << 0;
    for (unsigned seed = 300; seed < 302; ++seed)
        QTest::addRow("hub past the BFS budget seed %u", seed)
            << seed << 400 << 900 << 3 << 12 << false << 70000;
}

void TestReferencePathFinder::matchesBruteForce() {
    QFETCH(unsigned, seed);
    QFETCH(int, nodes);
    QFETCH(int, edges);
    QFETCH(int, relations);
    QFETCH(int, queries);
    QFETCH(bool, skewed);
    QFETCH(int, hubLeaves);
    std::mt19937 rng(seed);
    KnowledgeGraphBuilder b;
    for (int i = 0; i < nodes; ++i)
        b.addNode(numbered("n", unsigned(i)), numbered("n", unsigned(i)), "Thing");
    const auto pick = [&] {
        if (skewed) {
            const double u = std::uniform_real_distribution<double>(0, 1)(rng);
            return NodeId(double(nodes) * u * u * u);
        }
        return NodeId(rng() % unsigned(nodes));
    };
    for (int e = 0; e < edges; ++e) {
        const NodeId a = pick(), c = pick();
        if (a != c)
            b.addEdge(a, numbered("rel", rng() % unsigned(relations)), c);
    }
    std::vector<NodeId> hubNeighbours;
    if (hubLeaves > 0) {
        const NodeId hub = b.addNode("hub", "hub", "Thing");
        for (int i = 0; i < hubLeaves; ++i)
            b.addEdge(
                hub, "leaf",
                b.addNode(numbered("leaf", unsigned(i)), numbered("leaf", unsigned(i)), "Thing"));
        for (int i = 0; i < nodes / 10; ++i) {
            hubNeighbours.push_back(pick());
            b.addEdge(hubNeighbours.back(), "hub", hub);
        }
    }
    const KnowledgeGraph g = b.build();
    const double penalties[] = {0.0, 1.0, 0.37};
    std::size_t compared = 0, cutByK = 0;
    for (int q = 0; q < queries; ++q) {
        const double a = penalties[rng() % 3];
        const ReferencePathFinder finder(g, a);
        for (NodeId n = 0; n < g.nodeCount(); ++n)
            QVERIFY(std::abs(finder.nodeCost(n) - expectedNodeCost(g, n, a)) < 1e-12);
        std::vector<NodeId> sources;
        const int sourceCount = 1 + int(rng() % 3);
        for (int i = 0; i < sourceCount; ++i)
            sources.push_back(NodeId(rng() % unsigned(nodes)));
        // With a hub, half the targets sit next to it: the BFS level holding the hub is
        // then over budget.
        const NodeId target = !hubNeighbours.empty() && rng() % 2
                                  ? hubNeighbours[rng() % hubNeighbours.size()]
                                  : NodeId(rng() % unsigned(nodes));
        const int hops = nodes > 100 ? 1 + int(rng() % 4) : 1 + int(rng() % 5);
        const int k = 1 + int(rng() % 8);

        const auto expected = allSimplePaths(g, sources, target, hops, a);
        const auto got = finder.find(sources, target, k, hops);
        const std::string where = numbered("seed ", seed) + numbered(" query ", unsigned(q));
        QVERIFY2(got.size() == std::min<std::size_t>(std::size_t(k), expected.size()),
                 where.c_str());
        std::set<std::vector<NodeId>> distinct;
        for (std::size_t i = 0; i < got.size(); ++i) {
            verifyPath(g, got[i], sources, target, hops, a);
            // Same costs in the same order; which of several equal-cost paths comes first
            // may differ from the enumeration.
            QVERIFY2(std::abs(got[i].cost - expected[i].first) < 1e-9, where.c_str());
            distinct.insert(got[i].nodes);
        }
        QCOMPARE(distinct.size(), got.size());
        compared += got.size();
        cutByK += expected.size() > got.size();
    }
    // Not vacuous: paths were compared, and on the denser graphs some queries had more
    // paths than k (so the cut at k was checked too).
    QVERIFY(compared > 0);
    if (edges >= 2 * nodes)
        QVERIFY(cutByK > 0);
}

void TestReferencePathFinder::concurrentQueriesAgree() {
    std::mt19937 rng(99);
    KnowledgeGraphBuilder b;
    const int n = 400;
    for (int i = 0; i < n; ++i)
        b.addNode(numbered("n", unsigned(i)), numbered("n", unsigned(i)), "Thing");
    for (int e = 0; e < 1600; ++e)
        b.addEdge(NodeId(rng() % n), "r", NodeId(rng() % n));
    const KnowledgeGraph g = b.build();
    const ReferencePathFinder finder(g);
    struct Query {
        std::vector<NodeId> sources;
        NodeId target;
    };
    std::vector<Query> queries;
    for (int i = 0; i < 60; ++i)
        queries.push_back({{NodeId(rng() % n), NodeId(rng() % n)}, NodeId(rng() % n)});
    std::vector<std::vector<std::vector<NodeId>>> reference(queries.size());
    for (std::size_t i = 0; i < queries.size(); ++i)
        for (const Path& p : finder.find(queries[i].sources, queries[i].target, 5, 4))
            reference[i].push_back(p.nodes);

    std::atomic<int> mismatches{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (int round = 0; round < 3; ++round)
                for (std::size_t i = 0; i < queries.size(); ++i) {
                    const std::size_t qi = (i * 7 + std::size_t(t) * 13) % queries.size();
                    std::vector<std::vector<NodeId>> got;
                    for (const Path& p : finder.find(queries[qi].sources, queries[qi].target, 5, 4))
                        got.push_back(p.nodes);
                    if (got != reference[qi])
                        ++mismatches;
                }
        });
    for (auto& th : threads)
        th.join();
    QCOMPARE(mismatches.load(), 0);
}

QTEST_APPLESS_MAIN(TestReferencePathFinder)
#include "tst_referencepathfinder.moc"
