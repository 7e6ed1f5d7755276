// The format loaders one by one (Hetionet, Disease Ontology, PrimeKG, triple tables) and
// format sniffing, on small hand-written files.
#include "../support/KgTestFiles.h"
#include "DiseaseOntologyLoader.h"
#include "HetionetLoader.h"
#include "HetionetMetaedges.h"
#include "KgFormat.h"
#include "KgLoadContext.h"
#include "PrimeKgLoader.h"
#include "TripleTableLoader.h"

#include <QtTest>

#include <functional>
#include <set>

using namespace rs;
using rs::test::KgTestFiles;

namespace {

using LoaderFn = void (*)(KnowledgeGraphBuilder&, KgLoadContext&);

struct Loaded {
    KnowledgeGraph graph;
    std::vector<ImportError> errors;                    // of every step, in order
    std::vector<std::size_t> nodes, edges, errorCounts; // per step
};

Loaded run(const std::vector<std::pair<LoaderFn, std::string>>& steps) {
    Loaded out;
    KnowledgeGraphBuilder builder;
    for (const auto& [load, path] : steps) {
        KgLoadContext context(path);
        load(builder, context);
        out.nodes.push_back(context.nodeCount());
        out.edges.push_back(context.edgeCount());
        out.errorCounts.push_back(context.errorCount());
        for (const auto& e : context.errors())
            out.errors.push_back(e);
    }
    out.graph = builder.build();
    return out;
}

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

QString describe(const std::vector<ImportError>& errors) {
    QStringList parts;
    for (const auto& e : errors)
        parts << QString::fromStdString(e.toString());
    return parts.join(QLatin1String("\n"));
}

bool hasErrorAt(const std::vector<ImportError>& errors, std::size_t line, const QString& reason) {
    for (const auto& e : errors)
        if (e.line == line && QString::fromStdString(e.reason).contains(reason))
            return true;
    return false;
}

// One generator per loader, so the bad-input cases run against every format the same way.
enum Fmt { HetNodes, HetEdges, DoSymptoms, DoTree, Prime, Triples };

const char* fmtName(int f) {
    static const char* names[] = {"hetionet nodes", "hetionet sif", "do disease-symptom",
                                  "do hierarchy",   "primekg",      "triples"};
    return names[f];
}

LoaderFn loaderOf(int f) {
    static const LoaderFn fns[] = {loadHetionetNodes, loadHetionetEdges, loadDoDiseaseSymptoms,
                                   loadDoHierarchy,   loadPrimeKg,       loadTripleTable};
    return fns[f];
}

std::string headerOf(int f) {
    switch (f) {
    case HetNodes:
        return "id\tname\tkind\n";
    case HetEdges:
        return "source\tmetaedge\ttarget\n";
    case DoSymptoms:
        return "disease_id\tdisease_label\tsymptom_id\tsymptom_label\n";
    case DoTree:
        return "id\tlabel\tsubClassOf\n";
    case Prime:
        return "relation,display_relation,x_index,x_id,x_type,x_name,x_source,y_index,y_id,"
               "y_type,y_name,y_source\n";
    default:
        return "head,relation,tail\n";
    }
}

std::string rowOf(int f, int i, const std::string& name) {
    const std::string n = std::to_string(i);
    switch (f) {
    case HetNodes:
        return "Gene::" + n + "\t" + name + "\tGene\n";
    case HetEdges:
        return "Gene::" + n + "\tGiG\tGene::" + std::to_string(i + 1) + "\n";
    case DoSymptoms:
        return "DOID:" + n + "\t" + name + "\tSYMP:" + n + "\tsymptom " + n + "\n";
    // Ids from 100000 up: DOID:4 is the root that the label "disease" resolves to.
    case DoTree:
        return "\"DOID:" + std::to_string(100000 + i) + "\"\t\"" + name + "\"\t\"disease\"\n";
    case Prime: {
        const std::string m = std::to_string(1000000 + i);
        return "protein_protein,ppi," + n + "," + n + ",gene/protein,\"" + name + "\",NCBI," + m +
               "," + m + ",gene/protein,P" + m + ",NCBI\n";
    }
    default:
        return "\"" + name + "\",treats,t" + n + "\n";
    }
}

std::string nameOf(int i) {
    return "N" + std::to_string(i);
}

// A SIF names nodes; the others define their own.
std::string preludeOf(int f, int rows) {
    if (f != HetEdges)
        return {};
    std::string s = headerOf(HetNodes);
    for (int i = 0; i <= rows; ++i)
        s += rowOf(HetNodes, i, nameOf(i));
    return s;
}

std::size_t recordsOf(int f, const Loaded& l) {
    return f == HetNodes ? l.nodes.back() : l.edges.back();
}

} // namespace

class TestKgLoaders : public QObject {
    Q_OBJECT
private slots:
    void metaedgeTable_data();
    void metaedgeTable();
    void hetionetNodesKeyedByLocalAndFullId();
    void hetionetNodeRowErrors();
    void hetionetEdgesFollowMetaedge();
    void headerlessSifIsRead();
    void sameNameWithinOneSourceStaysDistinct();
    void diseaseOntologyMergesWithHetionet();
    void diseaseOntologyHierarchyResolvesLabels();
    void primeKgColumnsFoundByName_data();
    void primeKgColumnsFoundByName();
    void primeKgIndexConflictIsAnError();
    void tripleTable_data();
    void tripleTable();
    void tripleRelationNormalized_data();
    void tripleRelationNormalized();
    void sniffsFormat_data();
    void sniffsFormat();
    void sniffsFiles();
    void badInput_data();
    void badInput();
    void truncatedGzipKeepsEarlierLines_data();
    void truncatedGzipKeepsEarlierLines();
    void invalidUtf8IsKept_data();
    void invalidUtf8IsKept();

private:
    KgTestFiles files_;
};

void TestKgLoaders::metaedgeTable_data() {
    QTest::addColumn<QString>("abbreviation");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("relation");
    QTest::addColumn<QString>("target");
    // Rows of hetionet-metaedges.tsv ("Source - relation - Target", abbreviation).
    const char* rows[][4] = {
        {"AdG", "Anatomy", "downregulates", "Gene"},
        {"AeG", "Anatomy", "expresses", "Gene"},
        {"AuG", "Anatomy", "upregulates", "Gene"},
        {"CbG", "Compound", "binds", "Gene"},
        {"CcSE", "Compound", "causes", "Side Effect"},
        {"CdG", "Compound", "downregulates", "Gene"},
        {"CpD", "Compound", "palliates", "Disease"},
        {"CrC", "Compound", "resembles", "Compound"},
        {"CtD", "Compound", "treats", "Disease"},
        {"CuG", "Compound", "upregulates", "Gene"},
        {"DaG", "Disease", "associates", "Gene"},
        {"DdG", "Disease", "downregulates", "Gene"},
        {"DlA", "Disease", "localizes", "Anatomy"},
        {"DpS", "Disease", "presents", "Symptom"},
        {"DrD", "Disease", "resembles", "Disease"},
        {"DuG", "Disease", "upregulates", "Gene"},
        {"GcG", "Gene", "covaries", "Gene"},
        {"GiG", "Gene", "interacts", "Gene"},
        {"GpBP", "Gene", "participates", "Biological Process"},
        {"GpCC", "Gene", "participates", "Cellular Component"},
        {"GpMF", "Gene", "participates", "Molecular Function"},
        {"GpPW", "Gene", "participates", "Pathway"},
        {"Gr>G", "Gene", "regulates", "Gene"},
        {"PCiC", "Pharmacologic Class", "includes", "Compound"},
    };
    for (const auto& r : rows)
        QTest::newRow(r[0]) << r[0] << r[1] << r[2] << r[3];
}

void TestKgLoaders::metaedgeTable() {
    QFETCH(QString, abbreviation);
    QFETCH(QString, source);
    QFETCH(QString, relation);
    QFETCH(QString, target);
    QCOMPARE(hetionetMetaedges().size(), std::size_t(24));
    const HetionetMetaedge* m = findHetionetMetaedge(abbreviation.toStdString());
    QVERIFY(m);
    QCOMPARE(QString::fromUtf8(m->sourceKind.data(), qsizetype(m->sourceKind.size())), source);
    QCOMPARE(QString::fromUtf8(m->relation.data(), qsizetype(m->relation.size())), relation);
    QCOMPARE(QString::fromUtf8(m->targetKind.data(), qsizetype(m->targetKind.size())), target);
}

static const std::string kHetionetNodes = "id\tname\tkind\n"
                                          "Disease::DOID:9352\ttype 2 diabetes mellitus\tDisease\n"
                                          "Disease::DOID:1324\tlung cancer\tDisease\n"
                                          "Symptom::D005334\tFever\tSymptom\n"
                                          "Symptom::D005483\tFlushing\tSymptom\n"
                                          "Compound::DB00331\tMetformin\tCompound\n"
                                          "Gene::2625\tGATA3\tGene\n"
                                          "Gene::7097\tTLR2\tGene\n";

void TestKgLoaders::hetionetNodesKeyedByLocalAndFullId() {
    const auto l = run({{loadHetionetNodes, files_.write("nodes.tsv", kHetionetNodes)}});
    QVERIFY2(l.errors.empty(), qPrintable(describe(l.errors)));
    QCOMPARE(l.graph.nodeCount(), std::size_t(7));
    QCOMPARE(l.nodes[0], std::size_t(7));
    const auto local = l.graph.findByKey("DOID:9352");
    QVERIFY(local);
    QCOMPARE(l.graph.findByKey("Disease::DOID:9352"), local);
    QCOMPARE(std::string(l.graph.key(*local)), std::string("DOID:9352"));
    QCOMPARE(std::string(l.graph.name(*local)), std::string("type 2 diabetes mellitus"));
    QCOMPARE(std::string(l.graph.kind(*local)), std::string("Disease"));
    QCOMPARE(std::string(l.graph.kind(*l.graph.findByKey("Gene::2625"))), std::string("Gene"));
    QVERIFY(l.graph.findByKey("Gene::2625") != l.graph.findByKey("Gene::7097"));
}

void TestKgLoaders::hetionetNodeRowErrors() {
    const auto l =
        run({{loadHetionetNodes, files_.write("nodes-bad.tsv", "id\tname\tkind\n"
                                                               "Gene::1\tA1BG\tGene\n"
                                                               "Gene::2\tA2M\tDisease\n"
                                                               "Gene::3\t\tGene\n"
                                                               "Gene::\tX\tGene\n"
                                                               "\n"
                                                               "Gene::4\tA4\tGene\textra\n"
                                                               "Gene::5\tA5\tGene\n")}});
    QCOMPARE(l.graph.nodeCount(), std::size_t(2));
    QCOMPARE(l.errors.size(), std::size_t(4));
    QVERIFY2(hasErrorAt(l.errors, 3, "kind column"), qPrintable(describe(l.errors)));
    QVERIFY(hasErrorAt(l.errors, 4, "empty"));
    QVERIFY(hasErrorAt(l.errors, 5, "nothing after the kind"));
    QVERIFY(hasErrorAt(l.errors, 7, "expected 3 fields, found 4"));
    QVERIFY(l.graph.findByKey("Gene::5"));
}

void TestKgLoaders::hetionetEdgesFollowMetaedge() {
    const std::string sif = "source\tmetaedge\ttarget\n"
                            "Disease::DOID:9352\tDpS\tSymptom::D005483\n"   // 2
                            "Symptom::D005334\tDpS\tDisease::DOID:1324\n"   // 3 written backwards
                            "Compound::DB00331\tCtD\tDisease::DOID:9352\n"  // 4
                            "Disease::DOID:1324\tDrD\tDisease::DOID:9352\n" // 5 symmetric
                            "Gene::7097\tGr>G\tGene::2625\n"                // 6
                            "Gene::2625\tGiG\tGene::7097\n"                 // 7
                            "Disease::DOID:9352\tDpS\tGene::2625\n"         // 8 wrong kinds
                            "Disease::DOID:9352\tXyZ\tSymptom::D005334\n"   // 9
                            "Disease::DOID:9352\tDpS\tSymptom::D999999\n"   // 10
                            "Disease::DOID:9352\tDpS\n";                    // 11
    const auto l = run({{loadHetionetNodes, files_.write("n.tsv", kHetionetNodes)},
                        {loadHetionetEdges, files_.writeGzip("e.sif.gz", sif)}});
    QCOMPARE(l.edges[1], std::size_t(6));
    QCOMPARE(l.graph.edgeCount(), std::size_t(6));
    QCOMPARE(l.errors.size(), std::size_t(4));
    QVERIFY2(hasErrorAt(l.errors, 8, "DpS joins Disease to Symptom"),
             qPrintable(describe(l.errors)));
    QVERIFY(hasErrorAt(l.errors, 9, "unknown metaedge \"XyZ\""));
    QVERIFY(hasErrorAt(l.errors, 10, "unknown node \"Symptom::D999999\""));
    QVERIFY(hasErrorAt(l.errors, 11, "expected 3 fields, found 2"));
    for (const auto& e : l.errors)
        QCOMPARE(e.file, files_.path("e.sif.gz"));

    const KnowledgeGraph& g = l.graph;
    QVERIFY(hasEdge(g, "DOID:9352", "presents", "D005483"));
    QVERIFY(hasEdge(g, "DOID:1324", "presents", "D005334"));
    QVERIFY(!hasEdge(g, "D005334", "presents", "DOID:1324"));
    QVERIFY(hasEdge(g, "DB00331", "treats", "DOID:9352"));
    QVERIFY(hasEdge(g, "DOID:1324", "resembles", "DOID:9352"));
    QVERIFY(!hasEdge(g, "DOID:9352", "resembles", "DOID:1324"));
    QVERIFY(hasEdge(g, "7097", "regulates", "2625"));
    QVERIFY(!hasEdge(g, "2625", "regulates", "7097"));
    QVERIFY(hasEdge(g, "2625", "interacts", "7097"));
}

void TestKgLoaders::headerlessSifIsRead() {
    const auto l = run({{loadHetionetNodes, files_.write("n2.tsv", kHetionetNodes)},
                        {loadHetionetEdges,
                         files_.write("e2.sif", "Disease::DOID:9352\tDpS\tSymptom::D005483\n"
                                                "Compound::DB00331\tCtD\tDisease::DOID:9352\n")}});
    QVERIFY2(l.errors.empty(), qPrintable(describe(l.errors)));
    QCOMPARE(l.edges[1], std::size_t(2));
    QVERIFY(hasEdge(l.graph, "DOID:9352", "presents", "D005483"));
}

void TestKgLoaders::sameNameWithinOneSourceStaysDistinct() {
    // Hetionet has two genes named FFAR2; merging them would lose a node and its edges.
    const auto l = run({{loadHetionetNodes, files_.write("dup.tsv", "id\tname\tkind\n"
                                                                    "Gene::2867\tFFAR2\tGene\n"
                                                                    "Gene::100\tFFAR2\tGene\n")},
                        {loadTripleTable, files_.write("dup.csv", "head,relation,tail,head_kind\n"
                                                                  "ffar2,binds,ligand,Gene\n")}});
    QVERIFY2(l.errors.empty(), qPrintable(describe(l.errors)));
    QCOMPARE(l.graph.nodeCount(), std::size_t(3)); // two genes + "ligand"
    QVERIFY(l.graph.findByKey("2867") != l.graph.findByKey("100"));
    // A later source still merges by name (into the first of the namesakes).
    QCOMPARE(l.graph.findByKey("Gene:ffar2"), l.graph.findByKey("2867"));
}

void TestKgLoaders::diseaseOntologyMergesWithHetionet() {
    const auto l =
        run({{loadHetionetNodes, files_.write("n3.tsv", kHetionetNodes)},
             {loadDoDiseaseSymptoms,
              files_.write("ds.tsv", "disease_id\tdisease_label\tsymptom_id\tsymptom_label\n"
                                     "DOID:9352\ttype II diabetes\tSYMP:0000613\tfever\n"
                                     "DOID:0050012\tchikungunya\tSYMP:0000613\tfever\n"
                                     "DOID:0050012\tchikungunya\tSYMP:0000064\tjoint pain\n")}});
    QVERIFY2(l.errors.empty(), qPrintable(describe(l.errors)));
    QCOMPARE(l.graph.nodeCount(), std::size_t(7 + 2)); // + chikungunya, joint pain
    QCOMPARE(l.nodes[1], std::size_t(4));
    QCOMPARE(l.edges[1], std::size_t(3));
    const auto fever = l.graph.findByKey("D005334");
    QVERIFY(fever);
    QCOMPARE(l.graph.findByKey("SYMP:0000613"), fever);  // by name and kind
    const NodeId t2dm = *l.graph.findByKey("DOID:9352"); // by DOID
    QCOMPARE(std::string(l.graph.name(t2dm)), std::string("type 2 diabetes mellitus"));
    QCOMPARE(l.graph.aliases(t2dm).size(), std::size_t(1));
    QCOMPARE(l.graph.aliases(t2dm)[0], std::string("type II diabetes"));
    QVERIFY(hasEdge(l.graph, "DOID:9352", "presents", "D005334"));
    QVERIFY(hasEdge(l.graph, "DOID:0050012", "presents", "D005334"));
    QVERIFY(hasEdge(l.graph, "DOID:0050012", "presents", "SYMP:0000064"));
    QCOMPARE(std::string(l.graph.kind(*l.graph.findByKey("SYMP:0000064"))), std::string("Symptom"));
}

void TestKgLoaders::diseaseOntologyHierarchyResolvesLabels() {
    const auto l = run(
        {{loadDoHierarchy,
          files_.write(
              "do.tsv",
              "id\tlabel\tsubClassOf\n"
              "\"DOID:11712\"\t\"lipoatrophic diabetes mellitus\"\t\"type 2 diabetes mellitus\"\n"
              "\"DOID:9352\"\t\"type 2 diabetes mellitus\"\t\"diabetes mellitus\"\n"
              "\"DOID:9351\"\t\"diabetes mellitus\"\t\"glucose metabolism disease\"\n"
              "\"DOID:4194\"\t\"glucose metabolism disease\"\t\"disease of metabolism\"\n"
              "\"DOID:0014667\"\t\"disease of metabolism\"\t\"disease\"\n"
              "\"DOID:0060081\"\t\"triple-negative breast cancer\"\t\"HER2 negative breast "
              "cancer\"\n"
              "\"DOID:9351\"\t\"diabetes mellitus\"\t\"Disease Of Metabolism\"\n"
              "\"DOID:1\"\t\"self\"\t\"self\"\n")}});
    QCOMPARE(l.errors.size(), std::size_t(2));
    QVERIFY2(hasErrorAt(l.errors, 7, "\"HER2 negative breast cancer\" is not the label"),
             qPrintable(describe(l.errors)));
    QVERIFY(hasErrorAt(l.errors, 9, "its own parent"));
    const KnowledgeGraph& g = l.graph;
    QCOMPARE(g.nodeCount(), std::size_t(8)); // 7 distinct ids + the implicit root DOID:4
    QCOMPARE(g.edgeCount(), std::size_t(6));
    QCOMPARE(l.edges[0], std::size_t(6));
    QVERIFY(hasEdge(g, "DOID:11712", "is_a", "DOID:9352")); // parent listed after the child
    QVERIFY(hasEdge(g, "DOID:9352", "is_a", "DOID:9351"));
    QVERIFY(hasEdge(g, "DOID:9351", "is_a", "DOID:4194"));
    QVERIFY(hasEdge(g, "DOID:9351", "is_a", "DOID:0014667")); // second parent, other case
    QVERIFY(hasEdge(g, "DOID:0014667", "is_a", "DOID:4"));
    QCOMPARE(std::string(g.name(*g.findByKey("DOID:4"))), std::string("disease"));
    QVERIFY(g.findByKey("DOID:0060081")); // kept, without its parent
    QCOMPARE(g.out(*g.findByKey("DOID:0060081")).size(), std::size_t(0));
}

void TestKgLoaders::primeKgColumnsFoundByName_data() {
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<bool>("withIndex");
    QTest::newRow("shuffled, with index")
        << QByteArray("x_name,relation,x_id,x_type,x_source,x_index,display_relation,y_index,"
                      "y_id,y_type,y_name,y_source")
        << true;
    QTest::newRow("without index columns")
        << QByteArray("y_source,y_name,y_type,y_id,display_relation,relation,x_id,x_type,"
                      "x_name,x_source")
        << false;
}

void TestKgLoaders::primeKgColumnsFoundByName() {
    QFETCH(QByteArray, header);
    QFETCH(bool, withIndex);
    struct End {
        const char *index, *id, *type, *name, *source;
    };
    struct Row {
        const char *relation, *display;
        End x, y;
    };
    const Row rows[] = {
        {"protein_protein",
         "ppi",
         {"0", "7097", "gene/protein", "TLR2", "NCBI"},
         {"1", "2625", "gene/protein", "GATA3", "NCBI"}},
        {"protein_protein",
         "ppi",
         {"1", "2625", "gene/protein", "GATA3", "NCBI"},
         {"0", "7097", "gene/protein", "TLR2", "NCBI"}},
        {"indication",
         "indication",
         {"2", "DB00331", "drug", "Metformin", "DrugBank"},
         {"3", "9352", "disease", "type 2 diabetes mellitus", "MONDO"}},
        {"disease_phenotype_positive",
         "phenotype present",
         {"3", "9352", "disease", "type 2 diabetes mellitus", "MONDO"},
         {"4", "0001945", "effect/phenotype", "Fever, \"high\"", "HPO"}},
        {"exposure_disease",
         "linked to",
         {"5", "D007854", "exposure", "Lead", "CTD"},
         {"3", "9352", "disease", "type 2 diabetes mellitus", "MONDO"}},
        {"anatomy_protein_present",
         "expression present",
         {"6", "2107", "anatomy", "liver", "UBERON"},
         {"0", "7097", "gene/protein", "TLR2", "NCBI"}},
        {"odd_relation",
         "odd",
         {"7", "W1", "widget", "gadget", "X"},
         {"8", "GO:1", "biological_process", "apoptosis", "GO"}},
    };
    const QList<QByteArray> columns = header.split(',');
    std::string text = header.toStdString() + "\n";
    for (const Row& r : rows) {
        QStringList cells;
        for (const QByteArray& c : columns) {
            const bool isX = c.startsWith("x_");
            const End& e = isX ? r.x : r.y;
            const QByteArray field = c.mid(2);
            QString v;
            if (c == "relation")
                v = QString::fromUtf8(r.relation);
            else if (c == "display_relation")
                v = QString::fromUtf8(r.display);
            else if (field == "index")
                v = QString::fromUtf8(e.index);
            else if (field == "id")
                v = QString::fromUtf8(e.id);
            else if (field == "type")
                v = QString::fromUtf8(e.type);
            else if (field == "name")
                v = QLatin1Char('"') +
                    QString::fromUtf8(e.name).replace(QLatin1String("\""), QLatin1String("\"\"")) +
                    QLatin1Char('"');
            else
                v = QString::fromUtf8(e.source);
            cells << v;
        }
        text += cells.join(QLatin1Char(',')).toStdString() + "\n";
    }
    QCOMPARE(header.contains("x_index"), withIndex);
    const auto l = run({{loadPrimeKg, files_.write(withIndex ? "kg1.csv" : "kg2.csv", text)}});
    QVERIFY2(l.errors.empty(), qPrintable(describe(l.errors)));
    const KnowledgeGraph& g = l.graph;
    QCOMPARE(l.edges[0], std::size_t(7));
    QCOMPARE(g.edgeCount(), std::size_t(7));
    QCOMPARE(g.nodeCount(), std::size_t(9));
    QVERIFY(hasEdge(g, "NCBI:7097", "protein_protein", "NCBI:2625"));
    QVERIFY(hasEdge(g, "NCBI:2625", "protein_protein", "NCBI:7097"));
    QVERIFY(hasEdge(g, "DrugBank:DB00331", "indication", "MONDO:9352"));
    QVERIFY(hasEdge(g, "MONDO:9352", "disease_phenotype_positive", "HPO:0001945"));
    QVERIFY(!g.findRelation("ppi")); // display_relation is not the relation
    auto kindOf = [&](const char* key) { return std::string(g.kind(*g.findByKey(key))); };
    QCOMPARE(kindOf("NCBI:7097"), std::string("Gene"));
    QCOMPARE(kindOf("DrugBank:DB00331"), std::string("Compound"));
    QCOMPARE(kindOf("MONDO:9352"), std::string("Disease"));
    QCOMPARE(kindOf("HPO:0001945"), std::string("Symptom"));
    QCOMPARE(kindOf("CTD:D007854"), std::string("Exposure"));
    QCOMPARE(kindOf("UBERON:2107"), std::string("Anatomy"));
    QCOMPARE(kindOf("GO:GO:1"), std::string("Biological Process"));
    QCOMPARE(kindOf("X:W1"), std::string("widget")); // unknown types kept as they are
    QCOMPARE(std::string(g.name(*g.findByKey("HPO:0001945"))), std::string("Fever, \"high\""));
}

void TestKgLoaders::primeKgIndexConflictIsAnError() {
    const std::string text =
        headerOf(Prime) +
        "protein_protein,ppi,0,7097,gene/protein,TLR2,NCBI,1,2625,gene/protein,GATA3,NCBI\n"
        "protein_protein,ppi,0,9999,gene/protein,OTHER,NCBI,1,2625,gene/protein,GATA3,NCBI\n";
    const auto l = run({{loadPrimeKg, files_.write("kg-conflict.csv", text)}});
    QCOMPARE(l.errors.size(), std::size_t(1));
    QVERIFY2(hasErrorAt(l.errors, 3, "node index 0 was \"NCBI:7097\""),
             qPrintable(describe(l.errors)));
    QCOMPARE(l.graph.edgeCount(), std::size_t(1));
    QVERIFY(!l.graph.findByKey("NCBI:9999"));
}

void TestKgLoaders::tripleTable_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("nodes");
    QTest::addColumn<QStringList>("edges"); // "headKey|relation|tailKey"
    QTest::newRow("csv with kinds")
        << QByteArray("head,relation,tail,head_kind,tail_kind\n"
                      "Metformin,Treats,Type 2 Diabetes,Compound,Disease\n"
                      "metformin,may  cause,lactic acidosis,Compound,\n"
                      "\"Insulin, human\",treats,type 2 diabetes,Compound,Disease\n")
        << 4
        << QStringList{"Compound:metformin|treats|Disease:type 2 diabetes",
                       "Compound:metformin|may_cause|Concept:lactic acidosis",
                       "Compound:insulin human|treats|Disease:type 2 diabetes"};
    QTest::newRow("tsv with ids, columns reordered")
        << QByteArray("tail\thead_id\trelation\thead\ttail_id\n"
                      "Headache\tDB00945\tTREATS\tAspirin\t\n"
                      "fever\tDB00945\tTreats\taspirin\tHP:0001945\n")
        << 3 << QStringList{"DB00945|treats|Concept:headache", "DB00945|treats|HP:0001945"};
    QTest::newRow("no kinds: everything is a Concept")
        << QByteArray("head,relation,tail\nA,is a,B\nB,is a,C\n") << 3
        << QStringList{"Concept:a|is_a|Concept:b", "Concept:b|is_a|Concept:c"};
}

void TestKgLoaders::tripleTable() {
    QFETCH(QByteArray, content);
    QFETCH(int, nodes);
    QFETCH(QStringList, edges);
    const auto l = run({{loadTripleTable, files_.write("triples.txt", content.toStdString())}});
    QVERIFY2(l.errors.empty(), qPrintable(describe(l.errors)));
    QCOMPARE(int(l.graph.nodeCount()), nodes);
    QCOMPARE(int(l.graph.edgeCount()), edges.size());
    for (const QString& e : edges) {
        const QStringList p = e.split(QLatin1Char('|'));
        QVERIFY2(hasEdge(l.graph, p[0].toStdString(), p[1].toStdString(), p[2].toStdString()),
                 qPrintable(e));
    }
}

void TestKgLoaders::tripleRelationNormalized_data() {
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("normalized");
    QTest::newRow("case") << "TREATS"
                          << "treats";
    QTest::newRow("spaces") << "Associated  With"
                            << "associated_with";
    QTest::newRow("trimmed") << "  is a\t"
                             << "is_a";
    QTest::newRow("underscore kept") << "presents_with"
                                     << "presents_with";
}

void TestKgLoaders::tripleRelationNormalized() {
    QFETCH(QString, raw);
    QFETCH(QString, normalized);
    QCOMPARE(QString::fromStdString(normalizeTripleRelation(raw.toStdString())), normalized);
}

Q_DECLARE_METATYPE(rs::KgFormat)

void TestKgLoaders::sniffsFormat_data() {
    QTest::addColumn<QByteArray>("firstLine");
    QTest::addColumn<KgFormat>("format");
    QTest::newRow("hetionet nodes") << QByteArray("id\tname\tkind") << KgFormat::HetionetNodes;
    QTest::newRow("nodes with BOM")
        << QByteArray("\xEF\xBB\xBFid\tname\tkind") << KgFormat::HetionetNodes;
    QTest::newRow("sif header") << QByteArray("source\tmetaedge\ttarget")
                                << KgFormat::HetionetEdges;
    QTest::newRow("sif without header")
        << QByteArray("Gene::2625\tGpBP\tBiological Process::GO:2000696")
        << KgFormat::HetionetEdges;
    QTest::newRow("do disease-symptom")
        << QByteArray("disease_id\tdisease_label\tsymptom_id\tsymptom_label")
        << KgFormat::DoDiseaseSymptom;
    QTest::newRow("do hierarchy quoted")
        << QByteArray("\"id\"\t\"label\"\t\"subClassOf\"") << KgFormat::DoHierarchy;
    QTest::newRow("do hierarchy") << QByteArray("id\tlabel\tsubClassOf") << KgFormat::DoHierarchy;
    QTest::newRow("primekg")
        << QByteArray("relation,display_relation,x_index,x_id,x_type,x_name,x_source,y_index,"
                      "y_id,y_type,y_name,y_source")
        << KgFormat::PrimeKg;
    QTest::newRow("triples csv") << QByteArray("head,relation,tail") << KgFormat::Triples;
    QTest::newRow("triples tsv upper case")
        << QByteArray("Head\tRelation\tTail\tHead_Kind") << KgFormat::Triples;
    QTest::newRow("unknown columns") << QByteArray("foo,bar,baz") << KgFormat::Unknown;
    QTest::newRow("sif row, unknown metaedge")
        << QByteArray("Gene::1\tXyZ\tGene::2") << KgFormat::Unknown;
    QTest::newRow("one word") << QByteArray("hello") << KgFormat::Unknown;
    QTest::newRow("binary") << QByteArray("\x00\x01\xff\xfe,\x80", 6) << KgFormat::Unknown;
}

void TestKgLoaders::sniffsFormat() {
    QFETCH(QByteArray, firstLine);
    QFETCH(KgFormat, format);
    const KgFormatGuess g =
        sniffKgFormat(std::string_view(firstLine.constData(), std::size_t(firstLine.size())));
    QCOMPARE(g.format, format);
    QCOMPARE(g.problem.empty(), format != KgFormat::Unknown);
    if (format == KgFormat::Unknown)
        QVERIFY(QString::fromStdString(g.problem).contains("head, relation, tail"));
}

void TestKgLoaders::sniffsFiles() {
    // Content, not the name: a gzip'd node file called .csv is still Hetionet nodes.
    QCOMPARE(sniffKgFile(files_.writeGzip("looks-like.csv", kHetionetNodes)).format,
             KgFormat::HetionetNodes);
    QCOMPARE(sniffKgFile(files_.write("blank-first.txt", "\n  \nhead\trelation\ttail\n")).format,
             KgFormat::Triples);
    const KgFormatGuess empty = sniffKgFile(files_.write("empty.tsv", ""));
    QCOMPARE(empty.format, KgFormat::Unknown);
    QVERIFY(QString::fromStdString(empty.problem).contains("empty"));
    const KgFormatGuess missing = sniffKgFile(files_.path("no-such-file.tsv"));
    QCOMPARE(missing.format, KgFormat::Unknown);
    QVERIFY(QString::fromStdString(missing.problem).contains("cannot open"));
}

void TestKgLoaders::badInput_data() {
    QTest::addColumn<int>("fmt");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("reason");
    for (int f = HetNodes; f <= Triples; ++f) {
        const std::string h = headerOf(f);
        std::string cut = rowOf(f, 1, nameOf(1));
        cut.pop_back();
        cut = cut.substr(0, cut.find_last_of(f == Prime || f == Triples ? ',' : '\t')) + "\n";
        QTest::addRow("%s: empty file", fmtName(f)) << f << QByteArray() << 0 << "file is empty";
        QTest::addRow("%s: blank lines only", fmtName(f))
            << f << QByteArray("\n \n\t\n") << 0 << "file is empty";
        QTest::addRow("%s: header only", fmtName(f))
            << f << QByteArray::fromStdString(h) << 1 << "header only";
        QTest::addRow("%s: one column short", fmtName(f))
            << f << QByteArray::fromStdString(h + rowOf(f, 0, nameOf(0)) + cut) << 3
            << "fields, found";
        QTest::addRow("%s: wrong header", fmtName(f))
            << f << QByteArray("alpha\tbeta\n1\t2\n") << 1 << "expected";
    }
    QTest::newRow("sif: unknown node")
        << int(HetEdges)
        << QByteArray::fromStdString(headerOf(HetEdges) + "Gene::0\tGiG\tGene::77\n") << 2
        << "unknown node \"Gene::77\"";
    QTest::newRow("sif: invalid UTF-8 id")
        << int(HetEdges)
        << QByteArray::fromStdString(headerOf(HetEdges) + "Gene::\xff\xfe\tGiG\tGene::1\n") << 2
        << "unknown node";
    QTest::newRow("do hierarchy: unresolvable parent")
        << int(DoTree)
        << QByteArray::fromStdString(headerOf(DoTree) + "\"DOID:1\"\t\"a\"\t\"no such label\"\n")
        << 2 << "not the label";
    QTest::newRow("primekg: unterminated quote")
        << int(Prime)
        << QByteArray::fromStdString(headerOf(Prime) + rowOf(Prime, 0, "ok") +
                                     "protein_protein,ppi,1,1,gene/protein,\"open,NCBI\n")
        << 3 << "unterminated";
    QTest::newRow("triples: empty relation")
        << int(Triples) << QByteArray("head,relation,tail\na, ,b\n") << 2 << "empty relation";
}

void TestKgLoaders::badInput() {
    QFETCH(int, fmt);
    QFETCH(QByteArray, content);
    QFETCH(int, line);
    QFETCH(QString, reason);
    std::vector<std::pair<LoaderFn, std::string>> steps;
    if (const std::string prelude = preludeOf(fmt, 3); !prelude.empty())
        steps.push_back({loadHetionetNodes, files_.write("prelude.tsv", prelude)});
    const std::string path = files_.write("bad.txt", content.toStdString());
    steps.push_back({loaderOf(fmt), path});
    const auto l = run(steps);
    QVERIFY2(hasErrorAt(l.errors, std::size_t(line), reason), qPrintable(describe(l.errors)));
    QCOMPARE(l.errorCounts.back(), std::size_t(1));
    QCOMPARE(l.errors.back().file, path);
}

void TestKgLoaders::truncatedGzipKeepsEarlierLines_data() {
    QTest::addColumn<int>("fmt");
    for (int f = HetNodes; f <= Triples; ++f)
        QTest::newRow(fmtName(f)) << f;
}

void TestKgLoaders::truncatedGzipKeepsEarlierLines() {
    QFETCH(int, fmt);
    constexpr int kRows = 5000;
    std::string text = headerOf(fmt);
    for (int i = 0; i < kRows; ++i)
        text += rowOf(fmt, i, nameOf(i));
    std::string gz = KgTestFiles::gzip(text);
    gz.resize(gz.size() / 2);
    std::vector<std::pair<LoaderFn, std::string>> steps;
    if (const std::string prelude = preludeOf(fmt, kRows); !prelude.empty())
        steps.push_back({loadHetionetNodes, files_.write("prelude-big.tsv", prelude)});
    steps.push_back({loaderOf(fmt), files_.write("cut.gz", gz)});
    const auto l = run(steps);
    QVERIFY2(l.errorCounts.back() == 1, qPrintable(describe(l.errors)));
    QVERIFY2(QString::fromStdString(l.errors.back().reason).contains("truncated"),
             qPrintable(describe(l.errors)));
    QVERIFY(l.errors.back().line > 1);
    const std::size_t records = recordsOf(fmt, l);
    QVERIFY2(records > 0 && records < std::size_t(kRows), qPrintable(QString::number(records)));
}

void TestKgLoaders::invalidUtf8IsKept_data() {
    QTest::addColumn<int>("fmt");
    for (int f : {HetNodes, DoSymptoms, DoTree, Prime, Triples})
        QTest::newRow(fmtName(f)) << f;
}

void TestKgLoaders::invalidUtf8IsKept() {
    QFETCH(int, fmt);
    const std::string bad = "caf\xC3\x28 \xFF\xFE end";
    const auto l =
        run({{loaderOf(fmt), files_.write("utf8.txt", headerOf(fmt) + rowOf(fmt, 0, bad))}});
    QVERIFY2(l.errors.empty(), qPrintable(describe(l.errors)));
    bool found = false;
    for (NodeId n = 0; n < l.graph.nodeCount(); ++n)
        found = found || l.graph.name(n) == bad;
    QVERIFY(found);
}

QTEST_APPLESS_MAIN(TestKgLoaders)
#include "tst_kgloaders.moc"
