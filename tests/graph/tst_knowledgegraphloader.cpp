// loadKnowledgeGraph: several sources into one graph, bad sources, the error cap, the
// binary cache, cancel and progress, and the real Hetionet + Disease Ontology files.
#include "KnowledgeGraphLoader.h"

#include "../support/KgTestFiles.h"
#include "../support/SharedData.h"

#include <QElapsedTimer>
#include <QtTest>

#include <atomic>
#include <filesystem>
#include <fstream>

using namespace rs;
using rs::test::KgTestFiles;

namespace {

const std::string kNodes = "id\tname\tkind\n"
                           "Disease::DOID:9352\ttype 2 diabetes mellitus\tDisease\n"
                           "Disease::DOID:1324\tlung cancer\tDisease\n"
                           "Symptom::D005334\tFever\tSymptom\n"
                           "Symptom::D005483\tFlushing\tSymptom\n"
                           "Compound::DB00331\tMetformin\tCompound\n"
                           "Gene::2625\tGATA3 \xff\xfe\tGene\n"; // invalid UTF-8 kept as bytes

const std::string kEdges = "source\tmetaedge\ttarget\n"
                           "Disease::DOID:9352\tDpS\tSymptom::D005483\n"
                           "Compound::DB00331\tCtD\tDisease::DOID:9352\n"
                           "Disease::DOID:1324\tDpS\tSymptom::D005334\n"
                           "Disease::DOID:1324\tDaG\tGene::9999\n"; // line 5: unknown node

const std::string kDoSymptoms = "disease_id\tdisease_label\tsymptom_id\tsymptom_label\n"
                                "DOID:0050012\tchikungunya\tSYMP:0000613\tfever\n";

bool hasEdge(const KnowledgeGraph& g, std::string_view head, std::string_view relation,
             std::string_view tail) {
    const auto h = g.findByKey(head), t = g.findByKey(tail);
    const auto r = g.findRelation(relation);
    if (!h || !t || !r)
        return false;
    for (const KgEdge& e : g.out(*h))
        if (e.node == *t && e.relation == *r)
            return true;
    return false;
}

QString describe(const KgLoadResult& r) {
    QStringList parts;
    if (!r.fatalError.empty())
        parts << QStringLiteral("fatal: ") + QString::fromStdString(r.fatalError);
    for (const auto& e : r.errors)
        parts << QString::fromStdString(e.toString());
    return parts.join(QLatin1String("\n"));
}

// Everything observable about two graphs, node by node.
QString differences(const KnowledgeGraph& a, const KnowledgeGraph& b) {
    if (a.nodeCount() != b.nodeCount() || a.edgeCount() != b.edgeCount() ||
        a.relationCount() != b.relationCount() || a.kindCount() != b.kindCount() ||
        a.keyIndex().size() != b.keyIndex().size())
        return QStringLiteral("sizes differ");
    for (NodeId n = 0; n < a.nodeCount(); ++n) {
        if (a.key(n) != b.key(n) || a.name(n) != b.name(n) || a.kind(n) != b.kind(n))
            return QStringLiteral("node %1 differs").arg(n);
        const auto ao = a.out(n), bo = b.out(n);
        if (!std::equal(ao.begin(), ao.end(), bo.begin(), bo.end(),
                        [&](const KgEdge& x, const KgEdge& y) {
                            return x.node == y.node &&
                                   a.relationName(x.relation) == b.relationName(y.relation);
                        }))
            return QStringLiteral("out-edges of node %1 differ").arg(n);
        const auto aa = a.aliases(n), ba = b.aliases(n);
        if (!std::equal(aa.begin(), aa.end(), ba.begin(), ba.end()))
            return QStringLiteral("aliases of node %1 differ").arg(n);
    }
    for (const auto& [key, node] : a.keyIndex())
        if (b.findByKey(key) != node)
            return QStringLiteral("key %1 differs").arg(QString::fromStdString(key));
    return {};
}

// The cache files in dir, and any temporary file left behind (there should be none).
std::vector<std::filesystem::path> filesIn(const std::string& dir) {
    std::vector<std::filesystem::path> out;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
        const std::string name = e.path().filename().string();
        if (name.starts_with("kg-") || name.find(".tmp") != std::string::npos)
            out.push_back(e.path());
    }
    return out;
}

} // namespace

class TestKnowledgeGraphLoader : public QObject {
    Q_OBJECT
private slots:
    void nodeSourcesLoadFirst();
    void reportsEverySource();
    void unknownAndMissingSourcesAreReportedOthersLoad();
    void errorsAreCappedPerSource();
    void nothingLoadableIsFatal();
    void secondLoadComesFromCache();
    void damagedCacheFallsBackToParsing_data();
    void damagedCacheFallsBackToParsing();
    void changedSourceMissesCache();
    void cancelStopsTheLoad();
    void progressRisesToOne();
    void sharedHetionetAndDiseaseOntology();

private:
    std::string cacheDir(const char* name) const {
        return files_.path(std::string("cache-") + name);
    }
    KgTestFiles files_;
};

void TestKnowledgeGraphLoader::nodeSourcesLoadFirst() {
    // The SIF is given first; it can only work if the node file is read before it.
    const auto r = loadKnowledgeGraph({files_.writeGzip("edges.sif.gz", kEdges),
                                       files_.write("ds.tsv", kDoSymptoms),
                                       files_.write("nodes.tsv", kNodes)});
    QVERIFY(r.graph);
    QCOMPARE(r.errors.size(), std::size_t(1));
    QCOMPARE(r.errors[0].line, std::size_t(5));
    QVERIFY2(QString::fromStdString(r.errors[0].reason).contains("Gene::9999"),
             qPrintable(describe(r)));
    const KnowledgeGraph& g = *r.graph;
    QCOMPARE(g.nodeCount(), std::size_t(6 + 1)); // + chikungunya; DO fever is Hetionet's Fever
    QCOMPARE(g.findByKey("SYMP:0000613"), g.findByKey("Symptom::D005334"));
    QVERIFY(hasEdge(g, "DOID:9352", "presents", "D005483"));
    QVERIFY(hasEdge(g, "DB00331", "treats", "DOID:9352"));
    QVERIFY(hasEdge(g, "DOID:0050012", "presents", "D005334"));
    QCOMPARE(std::string(g.name(*g.findByKey("2625"))), std::string("GATA3 \xff\xfe"));
}

void TestKnowledgeGraphLoader::reportsEverySource() {
    const std::string edges = files_.writeGzip("edges-r.sif.gz", kEdges);
    const std::string nodes = files_.write("nodes-r.tsv", kNodes);
    const std::string ds = files_.write("ds-r.tsv", kDoSymptoms);
    const auto r = loadKnowledgeGraph({edges, ds, nodes});
    QVERIFY(r.graph);
    QCOMPARE(r.sources.size(), std::size_t(3));
    const KgSourceReport& e = r.sources[0];
    QCOMPARE(e.path, edges);
    QCOMPARE(e.format, std::string("hetionet-edges"));
    QCOMPARE(e.edges, std::size_t(3));
    QCOMPARE(e.nodes, std::size_t(5));
    QCOMPARE(e.newNodes, std::size_t(0));
    QCOMPARE(e.errors, std::size_t(1));
    QCOMPARE(e.sha256.size(), std::size_t(64));
    QCOMPARE(r.sources[1].format, std::string("do-disease-symptom"));
    QCOMPARE(r.sources[1].nodes, std::size_t(2));
    QCOMPARE(r.sources[1].newNodes, std::size_t(1)); // only chikungunya is new
    QCOMPARE(r.sources[2].format, std::string("hetionet-nodes"));
    QCOMPARE(r.sources[2].nodes, std::size_t(6));
    QCOMPARE(r.sources[2].newNodes, std::size_t(6));
    QCOMPARE(r.sources[2].errors, std::size_t(0));
    QVERIFY(r.sources[0].sha256 != r.sources[2].sha256);
}

void TestKnowledgeGraphLoader::unknownAndMissingSourcesAreReportedOthersLoad() {
    const std::string odd = files_.write("odd.tsv", "foo\tbar\n1\t2\n");
    const std::string junk = files_.write("junk.bin", std::string("\x00\x01\x02\xff\n\x00", 6));
    const std::string missing = files_.path("missing.tsv");
    const std::string cut = files_.write("cut.sif.gz", KgTestFiles::gzip(kEdges).substr(0, 20));
    const auto r =
        loadKnowledgeGraph({odd, files_.write("nodes-u.tsv", kNodes), missing, junk, cut});
    QVERIFY2(r.graph, qPrintable(describe(r)));
    QCOMPARE(r.graph->nodeCount(), std::size_t(6));
    QCOMPARE(r.sources[0].format, std::string("unknown"));
    QCOMPARE(r.sources[0].errors, std::size_t(1));
    QCOMPARE(r.sources[2].format, std::string("unknown"));
    QVERIFY(r.sources[2].sha256.empty());
    QCOMPARE(r.sources[3].format, std::string("unknown"));
    QCOMPARE(r.sources[4].errors, std::size_t(1));
    auto errorOf = [&](const std::string& file) -> QString {
        for (const auto& e : r.errors)
            if (e.file == file)
                return QString::fromStdString(e.reason);
        return {};
    };
    QVERIFY(errorOf(odd).contains("unrecognised knowledge-graph format"));
    QVERIFY(errorOf(odd).contains("id, name, kind"));
    QVERIFY(errorOf(odd).contains("source, metaedge, target"));
    QVERIFY(errorOf(missing).contains("cannot open"));
    QVERIFY(errorOf(junk).contains("unrecognised"));
    QVERIFY2(errorOf(cut).contains("truncated") || errorOf(cut).contains("corrupt"),
             qPrintable(describe(r)));
    QCOMPARE(r.errors.size(), std::size_t(4));
}

void TestKnowledgeGraphLoader::errorsAreCappedPerSource() {
    std::string edges = "source\tmetaedge\ttarget\n";
    for (int i = 0; i < 1500; ++i)
        edges += "Gene::" + std::to_string(100000 + i) + "\tGiG\tGene::2625\n";
    edges += "Disease::DOID:9352\tDpS\tSymptom::D005483\n";
    const std::string sif = files_.write("many-bad.sif", edges);
    const auto r = loadKnowledgeGraph({files_.write("nodes-c.tsv", kNodes), sif});
    QVERIFY(r.graph);
    QCOMPARE(r.sources[1].errors, std::size_t(1500));
    QCOMPARE(r.sources[1].edges, std::size_t(1));
    QCOMPARE(r.errors.size(), std::size_t(1001));
    QCOMPARE(r.errors[999].line, std::size_t(1001));
    QCOMPARE(r.errors.back().file, sif);
    QVERIFY2(QString::fromStdString(r.errors.back().reason).contains("500 more lines with errors"),
             qPrintable(QString::fromStdString(r.errors.back().reason)));
}

void TestKnowledgeGraphLoader::nothingLoadableIsFatal() {
    const auto none = loadKnowledgeGraph({});
    QVERIFY(!none.graph);
    QVERIFY(!none.fatalError.empty());
    const auto bad = loadKnowledgeGraph({files_.write("bad-only.csv", "x,y\n1,2\n"),
                                         files_.write("header-only.tsv", "id\tname\tkind\n")});
    QVERIFY(!bad.graph);
    QVERIFY(QString::fromStdString(bad.fatalError).contains("no nodes"));
    QCOMPARE(bad.errors.size(), std::size_t(2));
    QCOMPARE(bad.errors[1].line, std::size_t(1));
    QVERIFY(QString::fromStdString(bad.errors[1].reason).contains("header only"));
}

void TestKnowledgeGraphLoader::secondLoadComesFromCache() {
    const std::vector<std::string> paths{files_.write("nodes-k.tsv", kNodes),
                                         files_.writeGzip("edges-k.sif.gz", kEdges),
                                         files_.write("ds-k.tsv", kDoSymptoms)};
    KgLoadOptions options;
    options.cacheDir = cacheDir("second");
    const auto first = loadKnowledgeGraph(paths, options);
    QVERIFY2(first.graph, qPrintable(describe(first)));
    QVERIFY(!first.fromCache);
    QVERIFY2(first.cacheNote.empty(), first.cacheNote.c_str());
    const auto cached = filesIn(options.cacheDir);
    QCOMPARE(cached.size(), std::size_t(1)); // no temporary file left behind
    const std::string name = cached[0].filename().string();
    QVERIFY2(name.size() == 3 + 64 + 4 && name.starts_with("kg-") && name.ends_with(".bin"),
             name.c_str());

    const auto second = loadKnowledgeGraph(paths, options);
    QVERIFY2(second.graph, qPrintable(describe(second)));
    QVERIFY(second.fromCache);
    const QString diff = differences(*first.graph, *second.graph);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QCOMPARE(std::string(second.graph->name(*second.graph->findByKey("2625"))),
             std::string("GATA3 \xff\xfe"));
    // The cached load reports what the parse reported.
    QCOMPARE(second.errors.size(), first.errors.size());
    QCOMPARE(second.errors[0].line, first.errors[0].line);
    QCOMPARE(second.errors[0].file, paths[1]);
    QCOMPARE(second.errors[0].reason, first.errors[0].reason);
    QCOMPARE(second.sources.size(), first.sources.size());
    for (std::size_t i = 0; i < paths.size(); ++i) {
        QCOMPARE(second.sources[i].format, first.sources[i].format);
        QCOMPARE(second.sources[i].sha256, first.sources[i].sha256);
        QCOMPARE(second.sources[i].nodes, first.sources[i].nodes);
        QCOMPARE(second.sources[i].newNodes, first.sources[i].newNodes);
        QCOMPARE(second.sources[i].edges, first.sources[i].edges);
        QCOMPARE(second.sources[i].errors, first.sources[i].errors);
    }

    // Same content under other names: still the cache, reported under the new names.
    const std::string moved = files_.write("renamed-nodes.tsv", kNodes);
    const auto third = loadKnowledgeGraph({moved, paths[1], paths[2]}, options);
    QVERIFY(third.fromCache);
    QCOMPARE(third.sources[0].path, moved);
}

void TestKnowledgeGraphLoader::damagedCacheFallsBackToParsing_data() {
    QTest::addColumn<QString>("damage");
    QTest::newRow("empty file") << "empty";
    QTest::newRow("cut to 8 bytes") << "magic-only";
    QTest::newRow("cut in half") << "half";
    QTest::newRow("last byte missing") << "minus-one";
    QTest::newRow("byte flipped in the middle") << "flip-middle";
    QTest::newRow("byte flipped in the graph header") << "flip-late";
    QTest::newRow("huge json length") << "json-length";
    QTest::newRow("garbage") << "garbage";
}

void TestKnowledgeGraphLoader::damagedCacheFallsBackToParsing() {
    QFETCH(QString, damage);
    const std::vector<std::string> paths{files_.write("nodes-d.tsv", kNodes),
                                         files_.writeGzip("edges-d.sif.gz", kEdges)};
    KgLoadOptions options;
    options.cacheDir = cacheDir(qPrintable(damage));
    const auto first = loadKnowledgeGraph(paths, options);
    QVERIFY(first.graph && !first.fromCache);
    const auto cached = filesIn(options.cacheDir);
    QCOMPARE(cached.size(), std::size_t(1));
    std::string bytes;
    {
        std::ifstream in(cached[0], std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), {});
    }
    QVERIFY(bytes.size() > 100);
    if (damage == "empty")
        bytes.clear();
    else if (damage == "magic-only")
        bytes.resize(8);
    else if (damage == "half")
        bytes.resize(bytes.size() / 2);
    else if (damage == "minus-one")
        bytes.pop_back();
    else if (damage == "flip-middle")
        bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x5a);
    else if (damage == "flip-late")
        bytes[bytes.size() - 40] = char(bytes[bytes.size() - 40] ^ 0x01);
    else if (damage == "json-length")
        bytes[15] = char(0x7f);
    else
        bytes = std::string(bytes.size(), 'x');
    std::ofstream(cached[0], std::ios::binary | std::ios::trunc) << bytes;

    const auto second = loadKnowledgeGraph(paths, options);
    QVERIFY2(second.graph, qPrintable(describe(second)));
    QVERIFY(!second.fromCache);
    QVERIFY2(QString::fromStdString(second.cacheNote).contains("cache ignored"),
             second.cacheNote.c_str());
    const QString diff = differences(*first.graph, *second.graph);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    // Rewritten: the next load is served from it again.
    const auto third = loadKnowledgeGraph(paths, options);
    QVERIFY(third.fromCache);
    QVERIFY(differences(*first.graph, *third.graph).isEmpty());
}

void TestKnowledgeGraphLoader::changedSourceMissesCache() {
    const std::string nodes = files_.write("nodes-x.tsv", kNodes);
    KgLoadOptions options;
    options.cacheDir = cacheDir("changed");
    QVERIFY(!loadKnowledgeGraph({nodes}, options).fromCache);
    QVERIFY(loadKnowledgeGraph({nodes}, options).fromCache);
    files_.write("nodes-x.tsv", kNodes + "Gene::7097\tTLR2\tGene\n");
    const auto r = loadKnowledgeGraph({nodes}, options);
    QVERIFY(!r.fromCache);
    QCOMPARE(r.graph->nodeCount(), std::size_t(7));
    QCOMPARE(filesIn(options.cacheDir).size(), std::size_t(2));
}

void TestKnowledgeGraphLoader::cancelStopsTheLoad() {
    std::string big = "head,relation,tail\n";
    for (int i = 0; i < 50000; ++i)
        big += "a" + std::to_string(i) + ",r,b" + std::to_string(i) + "\n";
    const std::string path = files_.write("big.csv", big);
    std::atomic<bool> cancel{false};
    KgLoadOptions options;
    options.cancel = &cancel;
    options.cacheDir = cacheDir("cancel");
    bool sawReading = false;
    options.progress = [&](double, const std::string& stage) {
        if (stage.starts_with("Reading")) {
            sawReading = true;
            cancel = true; // as a user pressing Cancel mid-parse
        }
    };
    const auto r = loadKnowledgeGraph({path}, options);
    QVERIFY(sawReading);
    QVERIFY(r.cancelled);
    QVERIFY(!r.graph);
    QVERIFY(r.fatalError.empty());
    QVERIFY(filesIn(options.cacheDir).empty()); // nothing half-done is cached

    cancel = false;
    options.progress = nullptr;
    const auto again = loadKnowledgeGraph({path}, options);
    QVERIFY(!again.cancelled);
    QCOMPARE(again.graph->edgeCount(), std::size_t(50000));
}

void TestKnowledgeGraphLoader::progressRisesToOne() {
    std::string big = "head\trelation\ttail\n";
    for (int i = 0; i < 40000; ++i)
        big += "x" + std::to_string(i) + "\tr\ty" + std::to_string(i % 100) + "\n";
    std::vector<std::pair<double, std::string>> calls;
    KgLoadOptions options;
    options.progress = [&](double f, const std::string& stage) { calls.emplace_back(f, stage); };
    const auto r = loadKnowledgeGraph(
        {files_.write("nodes-p.tsv", kNodes), files_.write("big.tsv", big)}, options);
    QVERIFY(r.graph);
    QVERIFY(calls.size() > 5);
    for (std::size_t i = 1; i < calls.size(); ++i)
        QVERIFY2(calls[i].first >= calls[i - 1].first,
                 qPrintable(QStringLiteral("%1 (%2) after %3")
                                .arg(calls[i].first)
                                .arg(QString::fromStdString(calls[i].second))
                                .arg(calls[i - 1].first)));
    QCOMPARE(calls.back().first, 1.0);
    bool sawBigFile = false;
    for (const auto& c : calls)
        sawBigFile =
            sawBigFile || (c.second == "Reading big.tsv" && c.first > 0.1 && c.first < 0.85);
    QVERIFY(sawBigFile);
}

void TestKnowledgeGraphLoader::sharedHetionetAndDiseaseOntology() {
    RS_REQUIRE_SHARED("kg/hetionet-nodes.tsv");
    RS_REQUIRE_SHARED("kg/hetionet-edges-5k.sif.gz");
    RS_REQUIRE_SHARED("kg/do-disease-symptom.tsv");
    RS_REQUIRE_SHARED("kg/do-HumanDO.tsv");
    auto shared = [](const char* f) {
        return rs::test::sharedFile(QString::fromLatin1(f)).toStdString();
    };
    const std::vector<std::string> paths{
        shared("kg/hetionet-edges-5k.sif.gz"), shared("kg/do-disease-symptom.tsv"),
        shared("kg/do-HumanDO.tsv"), shared("kg/hetionet-nodes.tsv")};
    KgLoadOptions options;
    options.cacheDir = cacheDir("shared");
    QElapsedTimer timer;
    timer.start();
    const auto r = loadKnowledgeGraph(paths, options);
    const qint64 textMs = timer.elapsed();
    QVERIFY2(r.graph, qPrintable(describe(r)));
    QVERIFY2(r.errors.empty(), qPrintable(describe(r)));
    QVERIFY(!r.fromCache);

    const KgSourceReport& nodes = r.sources[3];
    QCOMPARE(nodes.format, std::string("hetionet-nodes"));
    QCOMPARE(nodes.nodes, std::size_t(47031));
    QCOMPARE(nodes.newNodes, std::size_t(47031));
    QCOMPARE(r.sources[0].format, std::string("hetionet-edges"));
    QCOMPARE(r.sources[0].edges, std::size_t(94676));
    QCOMPARE(r.sources[1].edges, std::size_t(2222));
    QCOMPARE(r.sources[2].format, std::string("do-hierarchy"));
    const KnowledgeGraph& g = *r.graph;
    QVERIFY(g.nodeCount() > 47031 + 10000); // DO adds its ~12k diseases (137 are Hetionet's)
    QVERIFY(g.nodeCount() < 47031 + 12296 + 1000);
    QVERIFY(g.edgeCount() > 94676 + 12000);
    // Hetionet: type 2 diabetes mellitus presents Flushing.
    QVERIFY(hasEdge(g, "Disease::DOID:9352", "presents", "Symptom::D005483"));
    // DO's "fever" (SYMP:0000613) is Hetionet's Fever (MeSH D005334).
    QCOMPARE(g.findByKey("SYMP:0000613"), g.findByKey("Symptom::D005334"));
    QVERIFY(hasEdge(g, "DOID:0050012", "presents", "D005334")); // chikungunya, from DO
    // DO hierarchy on a Hetionet disease: lipoatrophic diabetes is_a type 2 diabetes mellitus.
    QVERIFY(hasEdge(g, "DOID:11712", "is_a", "Disease::DOID:9352"));
    QVERIFY(hasEdge(g, "DOID:0014667", "is_a", "DOID:4"));

    timer.restart();
    const auto again = loadKnowledgeGraph(paths, options);
    const qint64 cacheMs = timer.elapsed();
    QVERIFY(again.fromCache);
    QVERIFY(differences(g, *again.graph).isEmpty());
    qInfo("Hetionet + DO: %zu nodes, %zu edges; text load %lld ms, cached load %lld ms",
          g.nodeCount(), g.edgeCount(), textMs, cacheMs);
}

QTEST_APPLESS_MAIN(TestKnowledgeGraphLoader)
#include "tst_knowledgegraphloader.moc"
