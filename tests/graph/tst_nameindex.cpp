#include "KnowledgeGraphLoader.h"
#include "NameIndex.h"
#include "SharedData.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <memory>
#include <random>

using namespace rs;

class TestNameIndex : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void link_data();
    void link();
    void scores_data();
    void scores();
    void offsetsAreByteOffsets();
    void find_data();
    void find();
    void synonymFileErrorsAreReported();
    void missingFilesFail();
    void geneOptions_data();
    void geneOptions();
    void arbitraryBytesAreSafe();
    void hetionetNamesLink();

private:
    std::string writeFile(const char* name, const std::string& content);
    QStringList render(std::string_view text, const std::vector<Mention>& mentions) const;

    QTemporaryDir dir_;
    std::unique_ptr<KnowledgeGraph> graph_;
    std::unique_ptr<NameIndex> index_;
    std::vector<ImportError> synonymErrors_;
    std::string synonymsPath_;
};

// Hetionet-like names, with the collisions the linker has to resolve.
static KnowledgeGraph buildGraph() {
    KnowledgeGraphBuilder b;
    b.addNode("DOID:9351", "diabetes mellitus", "Disease");
    b.addNode("DOID:9352", "type 2 diabetes mellitus", "Disease");
    b.addNode("DOID:5844", "myocardial infarction", "Disease");
    b.addNode("DOID:10763", "hypertension", "Disease");
    b.addNode("SE:C0020538", "Hypertension", "Side Effect");
    b.addNode("D005334", "Fever", "Symptom");
    b.addNode("SE:C0015967", "Fever", "Side Effect");
    b.addNode("DB00331", "Metformin", "Compound");
    b.addNode("UBERON:0000948", "heart", "Anatomy");
    b.addNode("DOID:8778", "Crohn's disease", "Disease");
    b.addNode("DOID:12894", "Sjögren syndrome", "Disease");
    b.addNode("DOID:9952", "acute lymphoblastic leukemia", "Disease");
    b.addNode("DOID:6195", "pulmonary arterial hypertension", "Disease");
    b.addNode("DOID:10459", "common cold", "Disease");
    b.addNode("X:cold", "cold", "Disease");
    b.addNode("X:123", "123", "Compound");
    b.addNode("Gene::672", "BRCA1", "Gene");
    b.addNode("Gene::1636", "ACE", "Gene");
    b.addNode("Gene::367", "AR", "Gene");
    b.addNode("Gene::7454", "WAS", "Gene");
    b.addNode("Gene::5053", "PAH", "Gene");
    b.addNode("Gene::3106", "HLA-B", "Gene");
    b.addNode("Gene::7157", "TP53", "Gene");
    b.addNode("D002637", "Chest Pain", "Symptom");
    b.addNode("SE:C0235710", "Chest discomfort", "Side Effect");
    b.addNode("D011507", "Proteinuria", "Symptom");
    b.addNode("D000419", "Albuminuria", "Symptom");
    b.addNode("DOID:12842", "Guillain-Barre syndrome", "Disease");
    return b.build();
}

std::string TestNameIndex::writeFile(const char* name, const std::string& content) {
    const std::string path = dir_.filePath(QString::fromLatin1(name)).toStdString();
    std::ofstream(path, std::ios::binary) << content;
    return path;
}

void TestNameIndex::initTestCase() {
    QVERIFY(dir_.isValid());
    graph_ = std::make_unique<KnowledgeGraph>(buildGraph());
    index_ = std::make_unique<NameIndex>(*graph_);
    const std::string synonyms =
        writeFile("synonyms.tsv",
                  "# curated lexicon\n"
                  "name\tkind\tsynonym\ttype\n"
                  "myocardial infarction\tDisease\theart attack\tsynonym\n"
                  "Myocardial Infarction\t\tMI\tabbreviation\n"
                  "hypertension\tDisease\thigh blood pressure\tsynonym\n"
                  "type 2 diabetes mellitus\tDisease\tT2DM\tabbreviation\n"
                  "acute lymphoblastic leukemia\tDisease\tALL\tabbreviation\n"
                  "pulmonary arterial hypertension\tDisease\tPAH\tabbreviation\n"
                  "fever\tSymptom\tpyrexia\tsynonym\n"
                  "fever\tSymptom\tFever\tsynonym\n"              // same as the name: stays a name
                  "nonexistent disease\tDisease\tnope\tsynonym\n" // other KG: ignored, counted
                  "hypertension\tCompound\thtn drug\tsynonym\n"   // kind does not match: counted
                  "metformin\tCompound\tglucophage\tbrand\n"      // bad type
                  "metformin\tCompound\n"                         // too few columns
                  "TP53\tGene\ttumor protein p53\tsynonym\n"
                  "ACE\tGene\tangiotensin-converting enzyme\tsynonym\n"
                  "Chest Pain\tSymptom\tchest discomfort\tsynonym\n"
                  "Proteinuria\tSymptom\talbuminuria\tsynonym\n"
                  "Guillain-Barre syndrome\t\tGBS\tdefined-abbreviation\n"
                  "\n");
    QVERIFY(index_->loadSynonyms(synonyms, &synonymErrors_));
    synonymsPath_ = synonyms;
    const std::string stoplist =
        writeFile("stoplist.txt", "# clinical abbreviations that are also gene symbols\n"
                                  "ACE\n"
                                  "CT  # computed tomography\n"
                                  "\n"
                                  "MRI\n");
    std::vector<ImportError> errors;
    QVERIFY(index_->loadGeneSymbolStoplist(stoplist, &errors));
    QVERIFY(errors.empty());
    QCOMPARE(index_->stoplistSize(), std::size_t(3));
}

QStringList TestNameIndex::render(std::string_view text,
                                  const std::vector<Mention>& mentions) const {
    QStringList out;
    for (const Mention& m : mentions)
        out << QString::fromUtf8(text.substr(m.begin, m.end - m.begin)) + QStringLiteral("|") +
                   QString::fromUtf8(graph_->key(m.node));
    return out;
}

void TestNameIndex::link_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("expected"); // "span as in text|node key", in order

    QTest::newRow("longest match wins") << QByteArray("history of type 2 diabetes mellitus")
                                        << QStringList{"type 2 diabetes mellitus|DOID:9352"};
    QTest::newRow("shorter name alone") << QByteArray("diabetes mellitus, poorly controlled")
                                        << QStringList{"diabetes mellitus|DOID:9351"};
    QTest::newRow("normalized case and hyphen")
        << QByteArray("Type-2 Diabetes Mellitus and fever")
        << QStringList{"Type-2 Diabetes Mellitus|DOID:9352", "fever|D005334"};
    QTest::newRow("symptom preferred over side effect")
        << QByteArray("FEVER") << QStringList{"FEVER|D005334"};
    QTest::newRow("disease preferred over side effect")
        << QByteArray("Hypertension.") << QStringList{"Hypertension|DOID:10763"};
    QTest::newRow("synonym longer than a name inside it")
        << QByteArray("a heart attack") << QStringList{"heart attack|DOID:5844"};
    QTest::newRow("name inside text")
        << QByteArray("the heart is enlarged") << QStringList{"heart|UBERON:0000948"};
    QTest::newRow("multi-word synonym")
        << QByteArray("known high blood pressure") << QStringList{"high blood pressure|DOID:10763"};
    QTest::newRow("abbreviation as written")
        << QByteArray("prior MI, now T2DM") << QStringList{"MI|DOID:5844", "T2DM|DOID:9352"};
    QTest::newRow("abbreviation in lower case") << QByteArray("mi and t2dm") << QStringList{};
    QTest::newRow("abbreviation in mixed case") << QByteArray("Mi") << QStringList{};
    QTest::newRow("ALL abbreviation")
        << QByteArray("ALL in remission") << QStringList{"ALL|DOID:9952"};
    QTest::newRow("all is a common word") << QByteArray("all of them") << QStringList{};
    QTest::newRow("an abbreviation of several meanings alone links nothing")
        << QByteArray("GBS colonization at 36 weeks") << QStringList{};
    QTest::newRow("an abbreviation of several meanings with its name links")
        << QByteArray("Guillain-Barre syndrome (GBS); GBS responds to IVIG")
        << QStringList{"Guillain-Barre syndrome|DOID:12842", "GBS|DOID:12842", "GBS|DOID:12842"};
    QTest::newRow("possessive") << QByteArray("Crohn's disease flare")
                                << QStringList{"Crohn's disease|DOID:8778"};
    QTest::newRow("gene symbol") << QByteArray("BRCA1 carrier") << QStringList{"BRCA1|Gene::672"};
    QTest::newRow("gene symbol in lower case") << QByteArray("brca1 carrier") << QStringList{};
    QTest::newRow("gene symbol in mixed case") << QByteArray("Brca1") << QStringList{};
    QTest::newRow("hyphenated gene symbol")
        << QByteArray("HLA-B typing") << QStringList{"HLA-B|Gene::3106"};
    QTest::newRow("stoplisted gene symbol") << QByteArray("on an ACE inhibitor") << QStringList{};
    QTest::newRow("short gene symbol") << QByteArray("AR expression") << QStringList{};
    QTest::newRow("gene symbol that is a word")
        << QByteArray("PATIENT WAS FEBRILE") << QStringList{};
    QTest::newRow("disease abbreviation beats gene symbol")
        << QByteArray("PAH") << QStringList{"PAH|DOID:6195"};
    QTest::newRow("gene full name in lower case")
        << QByteArray("loss of tumor protein p53") << QStringList{"tumor protein p53|Gene::7157"};
    QTest::newRow("stoplisted gene by its full name")
        << QByteArray("Angiotensin-converting enzyme levels")
        << QStringList{"Angiotensin-converting enzyme|Gene::1636"};
    QTest::newRow("kind beats form: symptom synonym over side effect name")
        << QByteArray("chest discomfort") << QStringList{"chest discomfort|D002637"};
    QTest::newRow("same kind: name beats synonym")
        << QByteArray("albuminuria") << QStringList{"albuminuria|D000419"};
    QTest::newRow("common word name") << QByteArray("cold hands") << QStringList{};
    QTest::newRow("common word inside a longer name")
        << QByteArray("a common cold") << QStringList{"common cold|DOID:10459"};
    QTest::newRow("pure number") << QByteArray("123 mg") << QStringList{};
    QTest::newRow("UTF-8 name") << QByteArray("Sjögren syndrome and fever")
                                << QStringList{"Sjögren syndrome|DOID:12894", "fever|D005334"};
    QTest::newRow("invalid UTF-8 around a name")
        << QByteArray("\xff\xfe fever \xc3") << QStringList{"fever|D005334"};
    QTest::newRow("truncated UTF-8 inside a name")
        << QByteArray("Sj\xc3gren syndrome") << QStringList{};
    QTest::newRow("nothing") << QByteArray("") << QStringList{};
}

void TestNameIndex::link() {
    QFETCH(QByteArray, text);
    QFETCH(QStringList, expected);
    const std::string_view view(text.constData(), std::size_t(text.size()));
    QCOMPARE(render(view, index_->link(view)), expected);
}

void TestNameIndex::scores_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<double>("score");
    QTest::addColumn<QString>("matched");
    QTest::newRow("name") << QByteArray("myocardial infarction") << 1.0
                          << QStringLiteral("myocardial infarction");
    QTest::newRow("synonym") << QByteArray("Heart Attack") << 0.9 << QStringLiteral("heart attack");
    QTest::newRow("abbreviation") << QByteArray("MI") << 0.8 << QStringLiteral("MI");
    QTest::newRow("synonym equal to the name")
        << QByteArray("fever") << 1.0 << QStringLiteral("Fever");
}

void TestNameIndex::scores() {
    QFETCH(QByteArray, text);
    QFETCH(double, score);
    QFETCH(QString, matched);
    const auto mentions = index_->link(text.toStdString());
    QCOMPARE(mentions.size(), std::size_t(1));
    QCOMPARE(mentions[0].score, score);
    QCOMPARE(QString::fromStdString(mentions[0].matched), matched);
}

void TestNameIndex::offsetsAreByteOffsets() {
    const std::string text = "Ärztin: Sjögren syndrome; MI.";
    const auto mentions = index_->link(text);
    QCOMPARE(mentions.size(), std::size_t(2));
    QCOMPARE(mentions[0].begin, text.find("Sj"));
    QCOMPARE(mentions[0].end, text.find(';'));
    QCOMPARE(mentions[1].begin, text.find("MI"));
    QCOMPARE(mentions[1].end, text.size() - 1);
    QVERIFY(mentions[0].end <= mentions[1].begin);
}

void TestNameIndex::find_data() {
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QString>("key"); // empty: not found
    QTest::newRow("normalized name")
        << QByteArray("Type 2 Diabetes-Mellitus") << QStringLiteral("DOID:9352");
    QTest::newRow("synonym") << QByteArray("heart attack") << QStringLiteral("DOID:5844");
    QTest::newRow("abbreviation") << QByteArray("MI") << QStringLiteral("DOID:5844");
    QTest::newRow("abbreviation, wrong case") << QByteArray("mi") << QString();
    QTest::newRow("kind preference") << QByteArray("fever") << QStringLiteral("D005334");
    QTest::newRow("gene") << QByteArray("BRCA1") << QStringLiteral("Gene::672");
    QTest::newRow("part of a name") << QByteArray("type 2") << QString();
    QTest::newRow("more than a name") << QByteArray("metformin tablets") << QString();
    QTest::newRow("unknown") << QByteArray("xyzzy") << QString();
    QTest::newRow("empty") << QByteArray("  ") << QString();
}

void TestNameIndex::find() {
    QFETCH(QByteArray, name);
    QFETCH(QString, key);
    const auto node = index_->find(name.toStdString());
    QCOMPARE(node.has_value(), !key.isEmpty());
    if (node)
        QCOMPARE(QString::fromUtf8(graph_->key(*node)), key);
}

void TestNameIndex::synonymFileErrorsAreReported() {
    QCOMPARE(synonymErrors_.size(), std::size_t(2));
    QCOMPARE(synonymErrors_[0].line, std::size_t(13));
    QVERIFY(synonymErrors_[0].reason.find("brand") != std::string::npos);
    QCOMPARE(synonymErrors_[1].line, std::size_t(14));
    QCOMPARE(index_->unmatchedSynonymRows(), std::size_t(2));
    QCOMPARE(index_->synonymCount(), std::size_t(13));
}

void TestNameIndex::missingFilesFail() {
    NameIndex index(*graph_);
    std::vector<ImportError> errors;
    QVERIFY(!index.loadSynonyms(dir_.filePath("absent.tsv").toStdString(), &errors));
    QVERIFY(!index.loadGeneSymbolStoplist(dir_.filePath("absent.txt").toStdString(), &errors));
    QCOMPARE(errors.size(), std::size_t(2));
    QVERIFY(!errors[0].reason.empty());
}

void TestNameIndex::geneOptions_data() {
    QTest::addColumn<bool>("match");
    QTest::addColumn<int>("minLength");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("mentions");
    QTest::newRow("default") << true << 3 << QByteArray("BRCA1 and AR") << 1;
    QTest::newRow("genes off") << false << 3 << QByteArray("BRCA1 and AR") << 0;
    QTest::newRow("min length 2") << true << 2 << QByteArray("BRCA1 and AR") << 2;
    QTest::newRow("min length 6") << true << 6 << QByteArray("BRCA1 and AR") << 0;
    QTest::newRow("no stoplist loaded") << true << 3 << QByteArray("ACE") << 1;
    QTest::newRow("genes off, diseases still link")
        << false << 3 << QByteArray("hypertension") << 1;
    QTest::newRow("genes off, full names still link")
        << false << 3 << QByteArray("tumor protein p53") << 1;
}

void TestNameIndex::geneOptions() {
    QFETCH(bool, match);
    QFETCH(int, minLength);
    QFETCH(QByteArray, text);
    QFETCH(int, mentions);
    NameIndex::Options options;
    options.matchGeneSymbols = match;
    options.minGeneSymbolLength = std::size_t(minLength);
    NameIndex index(*graph_, options);
    QVERIFY(index.loadSynonyms(synonymsPath_, nullptr)); // no stoplist on purpose
    QCOMPARE(int(index.link(text.toStdString()).size()), mentions);
}

void TestNameIndex::arbitraryBytesAreSafe() {
    std::mt19937 rng(7);
    const std::string pieces[] = {
        "fever ",  "MI ",       "\xc3", "\xff", "Sj\xc3\xb6gren syndrome ", "-", "'s ",
        "type 2 ", "diabetes ", "\0",   "BRCA1"};
    for (int round = 0; round < 2000; ++round) {
        std::string text;
        const int parts = int(rng() % 12);
        for (int p = 0; p < parts; ++p) {
            if (rng() % 3 == 0)
                text.push_back(char(rng() % 256));
            else
                text += pieces[rng() % std::size(pieces)];
        }
        const auto mentions = index_->link(text);
        std::size_t previousEnd = 0;
        for (const Mention& m : mentions) {
            QVERIFY(m.begin < m.end && m.end <= text.size());
            QVERIFY(m.begin >= previousEnd);
            QVERIFY(m.node < graph_->nodeCount());
            previousEnd = m.end;
        }
    }
}

// The real graph: clinical kinds win over Hetionet's side effects, gene symbols stay in
// their lane.
void TestNameIndex::hetionetNamesLink() {
    RS_REQUIRE_SHARED("kg/hetionet-nodes.tsv");
    RS_REQUIRE_SHARED("kg/hetionet-edges-5k.sif.gz");
    const KgLoadResult loaded =
        loadKnowledgeGraph({rs::test::sharedFile("kg/hetionet-nodes.tsv").toStdString(),
                            rs::test::sharedFile("kg/hetionet-edges-5k.sif.gz").toStdString()});
    QVERIFY2(loaded.graph, loaded.fatalError.c_str());
    const KnowledgeGraph& g = *loaded.graph;
    NameIndex index(g);
    QVERIFY(index.loadGeneSymbolStoplist(writeFile("hetionet-stoplist.txt", "ACE\n"), nullptr));
    const std::string text = "A 54-year-old man WAS started on Metformin for hypertension and "
                             "chest pain. BRCA1 negative; on an ACE inhibitor.";
    QStringList got;
    for (const Mention& m : index.link(text))
        got << QString::fromStdString(text.substr(m.begin, m.end - m.begin)) + QLatin1Char('|') +
                   QString::fromUtf8(g.kind(m.node));
    QCOMPARE(got, (QStringList{"Metformin|Compound", "hypertension|Disease", "chest pain|Symptom",
                               "BRCA1|Gene"}));
    QCOMPARE(index.find("Chest Pain").value(), g.findByKey("Symptom::D002637").value());
    QCOMPARE(index.find("BRCA1").value(), g.findByKey("Gene::672").value());
}

QTEST_APPLESS_MAIN(TestNameIndex)
#include "tst_nameindex.moc"
