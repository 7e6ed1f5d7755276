#include "Lexicon.h"

#include "../support/SharedData.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <sstream>

using namespace rs;

class TestLexicon : public QObject {
    Q_OBJECT
private slots:
    void loadsGoodLinesAndReportsBadOnes();
    void badLine_data();
    void badLine();
    void missingFileFails();
    void supports_data();
    void supports();
    void relationKey_data();
    void relationKey();
    void cuesIndexedLongestFirst();
    void subsumption();
    void bareClassBesideItsClass();
    void shippedLexiconLoadsCleanly();
    void matchColumnAndCompleteLists();
};

namespace {

void writeFile(const QString& path, const std::string& content) {
    std::ofstream out(path.toStdString(), std::ios::binary);
    out << content;
}

} // namespace

void TestLexicon::loadsGoodLinesAndReportsBadOnes() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    writeFile(dir.filePath("relation-cues.tsv"),
              "relation\tdirection\tcue\n"
              "# comment line\n"
              "treats\tforward\tused to treat\n"
              "\n"
              "causes\treverse\tdue to\n"
              "causes\tsideways\tleads to\n" // line 6: bad direction
              "treats\tforward\n");          // line 7: too few fields
    writeFile(dir.filePath("polarity-cues.tsv"),
              "polarity\tcue\n"
              "negated\tdoes not\n"
              "hedged\tmay\n"
              "maybe\tperhaps\n"); // line 4: bad polarity
    writeFile(dir.filePath("relation-compatibility.tsv"),
              "claim_relation\tkg_relation\tdirection\n"
              "treats\ttreats\tforward\n"
              "treats\tindication\tforward\n"
              "indicates\tpresents\treverse\n"
              "Treats Badly\tx\tforward\n"); // line 5: not lower_snake

    Lexicon lx;
    std::vector<ImportError> errors;
    QVERIFY(lx.load(dir.path().toStdString(), &errors));

    QCOMPARE(lx.relationCues().size(), std::size_t(2));
    QCOMPARE(lx.relationCues()[0].cue, std::string("used to treat"));
    QCOMPARE(lx.relationCues()[0].tokens.size(), std::size_t(3));
    QVERIFY(lx.relationCues()[1].direction == CueDirection::Reverse);
    QCOMPARE(lx.polarityCues().size(), std::size_t(2));
    QVERIFY(lx.polarityCues()[0].polarity == Polarity::Negated);
    QVERIFY(lx.polarityCues()[1].polarity == Polarity::Hedged);
    QVERIFY(lx.supports("treats", "indication", true));
    QVERIFY(lx.isCheckable("indicates"));

    QCOMPARE(errors.size(), std::size_t(4));
    auto endsWith = [](const std::string& s, const std::string& suffix) {
        return s.size() >= suffix.size() &&
               s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    QVERIFY(endsWith(errors[0].file, "relation-cues.tsv"));
    QCOMPARE(errors[0].line, std::size_t(6));
    QVERIFY(errors[0].toString().find("relation-cues.tsv:6: direction 'sideways'") !=
            std::string::npos);
    QCOMPARE(errors[1].line, std::size_t(7));
    QVERIFY(errors[1].reason.find("expected 3") != std::string::npos);
    QVERIFY(endsWith(errors[2].file, "polarity-cues.tsv"));
    QCOMPARE(errors[2].line, std::size_t(4));
    QVERIFY(endsWith(errors[3].file, "relation-compatibility.tsv"));
    QCOMPARE(errors[3].line, std::size_t(5));
}

void TestLexicon::badLine_data() {
    QTest::addColumn<int>("table"); // 0 relation cues, 1 polarity, 2 compatibility
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("reasonPart");
    QTest::newRow("cue: unknown direction") << 0 << "treats\tboth\ttreats"
                                            << "direction";
    QTest::newRow("cue: relation with space") << 0 << "treats well\tforward\ttreats"
                                              << "lower_snake";
    QTest::newRow("cue: punctuation only") << 0 << "treats\tforward\t--"
                                           << "empty cue";
    QTest::newRow("cue: extra field") << 0 << "treats\tforward\ttreats\textra"
                                      << "expected 3";
    QTest::newRow("polarity: asserted is no cue") << 1 << "asserted\tindeed"
                                                  << "polarity";
    QTest::newRow("polarity: one field") << 1 << "negated"
                                         << "expected 2";
    QTest::newRow("compat: bad direction") << 2 << "treats\ttreats\tbackwards"
                                           << "direction";
    QTest::newRow("compat: empty kg relation") << 2 << "treats\t -- \tforward"
                                               << "empty KG relation";
    QTest::newRow("compat: unknown match") << 2 << "treats\tcauses\tforward\tmaybe"
                                           << "match";
    QTest::newRow("compat: five fields") << 2 << "treats\tcauses\tforward\texcludes\tx"
                                         << "expected 3 to 4";
}

void TestLexicon::badLine() {
    QFETCH(int, table);
    QFETCH(QString, line);
    QFETCH(QString, reasonPart);
    // A good line after the bad one proves reading continues.
    const std::string good[] = {"causes\tforward\tleads to", "negated\tnot",
                                "causes\tcauses\tforward"};
    std::istringstream in(line.toStdString() + "\n" + good[table] + "\n");
    Lexicon lx;
    std::vector<ImportError> errors;
    if (table == 0)
        lx.readRelationCues(in, "mem.tsv", &errors);
    else if (table == 1)
        lx.readPolarityCues(in, "mem.tsv", &errors);
    else
        lx.readCompatibility(in, "mem.tsv", &errors);
    QCOMPARE(errors.size(), std::size_t(1));
    QCOMPARE(errors[0].line, std::size_t(1));
    QCOMPARE(errors[0].file, std::string("mem.tsv"));
    QVERIFY2(errors[0].reason.find(reasonPart.toStdString()) != std::string::npos,
             errors[0].reason.c_str());
    if (table == 0)
        QCOMPARE(lx.relationCues().size(), std::size_t(1));
    else if (table == 1)
        QCOMPARE(lx.polarityCues().size(), std::size_t(1));
    else
        QVERIFY(lx.supports("causes", "causes", true) && lx.isCheckable("causes"));
}

void TestLexicon::missingFileFails() {
    QTemporaryDir dir;
    writeFile(dir.filePath("relation-cues.tsv"),
              "relation\tdirection\tcue\ntreats\tforward\ttreats\n");
    Lexicon lx;
    std::vector<ImportError> errors;
    QVERIFY(!lx.load(dir.path().toStdString(), &errors));
    QCOMPARE(errors.size(), std::size_t(2)); // both missing files are named
    QVERIFY(errors[0].reason.find("cannot open") != std::string::npos);
    QCOMPARE(lx.relationCues().size(), std::size_t(1)); // what could be read was read
}

void TestLexicon::supports_data() {
    QTest::addColumn<QString>("claim");
    QTest::addColumn<QString>("kg");
    QTest::addColumn<bool>("headToTail");
    QTest::addColumn<bool>("expected");
    QTest::newRow("forward ok") << "treats"
                                << "treats" << true << true;
    QTest::newRow("forward, edge reversed") << "treats"
                                            << "treats" << false << false;
    QTest::newRow("reverse row") << "indicates"
                                 << "presents" << false << true;
    QTest::newRow("reverse row, wrong way") << "indicates"
                                            << "presents" << true << false;
    QTest::newRow("either") << "resembles"
                            << "resembles" << false << true;
    QTest::newRow("incompatible relation") << "treats"
                                           << "causes" << true << false;
    QTest::newRow("kg name spelled otherwise") << "treats"
                                               << "Off-label use" << true << true;
    QTest::newRow("identity without a row") << "upregulates"
                                            << "upregulates" << true << true;
    QTest::newRow("identity only head to tail") << "upregulates"
                                                << "upregulates" << false << false;
    QTest::newRow("prefix is not equal") << "treats"
                                         << "treats_rarely" << true << false;
}

void TestLexicon::supports() {
    QFETCH(QString, claim);
    QFETCH(QString, kg);
    QFETCH(bool, headToTail);
    QFETCH(bool, expected);
    Lexicon lx;
    QVERIFY(lx.addCompatibility("treats", "treats", EdgeDirection::Forward));
    QVERIFY(lx.addCompatibility("treats", "off_label_use", EdgeDirection::Forward));
    QVERIFY(lx.addCompatibility("indicates", "presents", EdgeDirection::Reverse));
    QVERIFY(lx.addCompatibility("resembles", "resembles", EdgeDirection::Either));
    QCOMPARE(lx.supports(claim.toStdString(), kg.toStdString(), headToTail), expected);
}

void TestLexicon::relationKey_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("key");
    QTest::newRow("plain") << "treats"
                           << "treats";
    QTest::newRow("space and hyphen") << "Off-label use"
                                      << "off_label_use";
    QTest::newRow("snake kept") << "disease_phenotype_positive"
                                << "disease_phenotype_positive";
    QTest::newRow("edges trimmed") << "  -is a- "
                                   << "is_a";
    QTest::newRow("empty") << ""
                           << "";
}

void TestLexicon::relationKey() {
    QFETCH(QString, name);
    QFETCH(QString, key);
    QCOMPARE(QString::fromStdString(Lexicon::relationKey(name.toStdString())), key);
}

void TestLexicon::cuesIndexedLongestFirst() {
    Lexicon lx;
    QVERIFY(lx.addRelationCue("is_a", CueDirection::Forward, "is a"));
    QVERIFY(lx.addRelationCue("treats", CueDirection::Forward, "is a treatment for"));
    QVERIFY(lx.addRelationCue("treats", CueDirection::Forward,
                              "Is  a treatment, for")); // same after normalizing
    QVERIFY(!lx.addRelationCue("Treats", CueDirection::Forward, "cures"));
    QVERIFY(!lx.addRelationCue("treats", CueDirection::Forward, " ,. "));
    QCOMPARE(lx.relationCues().size(), std::size_t(2));
    const auto* list = lx.relationCuesStartingWith("is");
    QVERIFY(list);
    QCOMPARE(list->size(), std::size_t(2));
    QCOMPARE(lx.relationCues()[(*list)[0]].cue, std::string("is a treatment for"));
    QVERIFY(!lx.relationCuesStartingWith("a"));
}

void TestLexicon::subsumption() {
    Lexicon lx;
    QVERIFY(lx.isSubsumption("is_a")); // by name, no table row needed
    QVERIFY(!lx.isSubsumption("subclass_of"));
    lx.addCompatibility("is_a", "subclass_of", EdgeDirection::Forward);
    QVERIFY(lx.isSubsumption("subclass of"));
    QVERIFY(!lx.isSubsumption("treats"));
}

void TestLexicon::bareClassBesideItsClass() {
    // "bare" is a second role a word may have beside its one phrase-word class.
    Lexicon lx;
    std::istringstream in("class\tword\nrelational\tinfection\nbare\tinfection\n"
                          "bare\tcell injury\n");
    std::vector<ImportError> errors;
    lx.readPhraseWords(in, "words.tsv", &errors);
    QCOMPARE(errors.size(), std::size_t(1));
    QCOMPARE(errors.front().line, std::size_t(4));
    QVERIFY(lx.phraseWord("infection") && *lx.phraseWord("infection") == PhraseWord::Relational);
    QVERIFY(lx.bareClass("infection"));
    QVERIFY(!lx.bareClass("injury"));
    QVERIFY(!lx.bareClass("cell"));
}

void TestLexicon::shippedLexiconLoadsCleanly() {
    const QString resources = rs::test::resourcesDir();
    if (resources.isEmpty() ||
        !QFileInfo::exists(resources + QStringLiteral("/lexicon/relation-cues.tsv")))
        QSKIP("resources/lexicon not available (REASONSCOPE_RESOURCES unset)");
    Lexicon lx;
    std::vector<ImportError> errors;
    QVERIFY(lx.load((resources + QStringLiteral("/lexicon")).toStdString(), &errors));
    QStringList messages;
    for (const ImportError& e : errors)
        messages << QString::fromStdString(e.toString());
    QVERIFY2(errors.empty(), qPrintable(messages.join('\n')));
    QVERIFY(lx.relationCues().size() > 50);
    QVERIFY(lx.polarityCues().size() > 10);
    // The claim relations the analysis reports on are all checkable.
    for (const char* r : {"treats", "causes", "presents_with", "indicates", "is_a", "resembles"})
        QVERIFY2(lx.isCheckable(r), r);
}

void TestLexicon::matchColumnAndCompleteLists() {
    std::istringstream compat("claim_relation\tkg_relation\tdirection\tmatch\n"
                              "treats\ttreats\tforward\n"
                              "causes\tis_a\teither\tspecificity\n"
                              "treats\tcauses\tforward\texcludes\n");
    std::istringstream lists("source\tclaim_relation\thead_kind\ttail_kind\tkg_relations\n"
                             "demo\ttreats\tCompound\tDisease\ttreats, palliates\n"
                             "demo\ttreats\t\tDisease\ttreats\n");
    Lexicon lx;
    std::vector<ImportError> errors;
    lx.readCompatibility(compat, "c.tsv", &errors);
    lx.readCompleteLists(lists, "l.tsv", &errors);
    QCOMPARE(errors.size(), std::size_t(1)); // the list without a head kind
    QCOMPARE(errors[0].line, std::size_t(3));
    QVERIFY(lx.supports("treats", "treats", true));
    // Specificity and excludes rows never support.
    QVERIFY(!lx.supports("causes", "is_a", true));
    QVERIFY(lx.differsInSpecificity("causes", "is_a", false));
    QVERIFY(!lx.supports("treats", "causes", true));
    QVERIFY(lx.excludes("treats", "causes", true));
    QVERIFY(!lx.excludes("treats", "causes", false));
    QCOMPARE(lx.completeLists().size(), std::size_t(1));
    QCOMPARE(lx.completeLists()[0].kgRelations, (std::vector<std::string>{"treats", "palliates"}));
    QVERIFY(Lexicon::inCompleteList(lx.completeLists()[0], "Palliates"));
    QVERIFY(!Lexicon::inCompleteList(lx.completeLists()[0], "causes"));
    QCOMPARE(Lexicon::completeListsFileFor("kg/demo-kg.tsv"),
             std::string("kg/demo-kg.complete-relations.tsv"));
    QCOMPARE(Lexicon::completeListsFileFor("hetionet-edges-5k.sif.gz"),
             std::string("hetionet-edges-5k.complete-relations.tsv"));
}

QTEST_APPLESS_MAIN(TestLexicon)
#include "tst_lexicon.moc"
