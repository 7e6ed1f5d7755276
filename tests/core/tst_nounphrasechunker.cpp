// The noun-phrase chunker with the shipped closed-class word lists
// (resources/lexicon/phrase-words.tsv): the phrases a careful reader takes as concepts,
// and the ones that name none (tests/extraction/README.md, "Concepts").
#include "NounPhraseChunker.h"

#include "../support/SharedData.h"

#include <QtTest>

using namespace rs;

class TestNounPhraseChunker : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void chunk_data();
    void chunk();
    void marks_data();
    void marks();
    void tooLong();

private:
    // The phrases of text joined by '|'; marks by token index.
    QString phrases(const std::string& text, const std::vector<NounPhraseChunker::Mark>& marks = {},
                    std::size_t maxTokens = 6) const;
    Lexicon lexicon_;
};

void TestNounPhraseChunker::initTestCase() {
    const QString dir = test::resourcesDir() + QStringLiteral("/lexicon");
    const QString file = dir + QStringLiteral("/") + QLatin1String(Lexicon::kPhraseWordsFile);
    if (test::resourcesDir().isEmpty() || !QFileInfo::exists(file))
        QSKIP("resources/lexicon/phrase-words.tsv not available (REASONSCOPE_RESOURCES unset)");
    std::vector<ImportError> errors;
    QVERIFY(lexicon_.loadPhraseWords(file.toStdString(), &errors));
    QVERIFY2(errors.empty(), errors.empty() ? "" : errors.front().toString().c_str());
    QVERIFY(lexicon_.hasPhraseWords());
}

QString TestNounPhraseChunker::phrases(const std::string& text,
                                       const std::vector<NounPhraseChunker::Mark>& marks,
                                       std::size_t maxTokens) const {
    const auto tokens = tokenize(text);
    QStringList out;
    for (const PhraseChunk& c :
         NounPhraseChunker(lexicon_, maxTokens).chunk(text, tokens, 0, tokens.size(), marks)) {
        const std::size_t b = tokens[c.first].begin, e = tokens[c.last - 1].end;
        // "*": the phrase holds a linked complement (PhraseChunk::holdsLinked).
        out << QString::fromStdString(text.substr(b, e - b)) + (c.holdsLinked ? "*" : "");
    }
    return out.join('|');
}

void TestNounPhraseChunker::chunk_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("phrases");
    QTest::newRow("determiner dropped") << "the radiation therapy"
                                        << "radiation therapy";
    QTest::newRow("a closed-class word before a hyphen is in the compound")
        << "a third-generation cephalosporin and a first-generation antihistamine"
        << "third-generation cephalosporin|first-generation antihistamine";
    QTest::newRow("a closed-class word after a hyphen is in the compound")
        << "a malaria-like illness and right-to-left shunting"
        << "malaria-like illness|right-to-left shunting";
    QTest::newRow("a compound of closed-class words alone is no phrase") << "the first-line"
                                                                         << "";
    QTest::newRow("stops at a verb") << "EBV infects B cells"
                                     << "EBV|B cells";
    QTest::newRow("stops at a preposition") << "fever in the night"
                                            << "fever|night";
    QTest::newRow("relational noun takes one complement") << "damage to the DNA of the cell"
                                                          << "damage to the DNA|cell";
    QTest::newRow("a participle opens a relational noun's complement")
        << "the accumulation of hyperphosphorylated tau protein"
        << "accumulation of hyperphosphorylated tau protein";
    QTest::newRow("some sort of names no class") << "some sort of renal dysfunction"
                                                 << "renal dysfunction";
    QTest::newRow("a verb after an article and before of is a relational noun")
        << "a lack of interest in social relationships and a disregard for others"
        << "lack of interest|social relationships|disregard|others";
    QTest::newRow("complement of a relational noun")
        << "shortness of breath and increase in afterload"
        << "shortness of breath|increase in afterload";
    QTest::newRow("no complement across a comma") << "damage, in the end"
                                                  << "damage|end";
    QTest::newRow("a measurement is no phrase") << "potassium of 2.8 mEq/L and 90 mg of iron"
                                                << "potassium|iron";
    QTest::newRow("vague words alone at the end") << "cough and other"
                                                  << "cough";
    QTest::newRow("a hyphenated number is") << "21-hydroxylase deficiency"
                                            << "21-hydroxylase deficiency";
    QTest::newRow("modifiers kept") << "lytic bone lesions"
                                    << "lytic bone lesions";
    QTest::newRow("vague modifier in front dropped") << "severe sickle cell crisis"
                                                     << "sickle cell crisis";
    QTest::newRow("a kind noun names no concept") << "a diagnostic test and the laboratory findings"
                                                  << "";
    QTest::newRow("one adjective alone") << "a raised, waxy nodule"
                                         << "waxy nodule";
    QTest::newRow("adjectives in series after an article") << "a firm, red nodule"
                                                           << "nodule";
    QTest::newRow("adjectives in series with 'and'") << "a firm, smooth, and red patch"
                                                     << "patch";
    QTest::newRow("a noun before a comma and a clause") << "a corticosteroid, which helps"
                                                        << "corticosteroid";
    QTest::newRow("a noun before a comma and a negation") << "a fibrate, not a statin"
                                                          << "fibrate|statin";
    QTest::newRow("listed nouns without an article") << "hesitancy, weak stream"
                                                     << "hesitancy|weak stream";
    QTest::newRow("adjectives before 'and' and the rest of the noun phrase")
        << "palpable cervical and submandibular lymphadenopathy"
        << "submandibular lymphadenopathy";
    QTest::newRow("an adjective in -ent before 'or' and the rest of the noun phrase")
        << "recurrent or persistent nosebleeds"
        << "persistent nosebleeds";
    QTest::newRow("but a noun in -ent before 'and' is a phrase of its own")
        << "a nutrient and a vitamin"
        << "nutrient|vitamin";
    QTest::newRow("an adjective series after a preposition names one noun")
        << "characterized by excessive, uncontrollable worry"
        << "uncontrollable worry";
    QTest::newRow("nouns after a preposition stay a list")
        << "used for arsenic, mercury, and copper poisoning"
        << "arsenic|mercury|copper poisoning";
    QTest::newRow("no phrase right after does not")
        << "HbF does not polymerize like sickle hemoglobin"
        << "HbF|sickle hemoglobin";
    QTest::newRow("what is left of a contraction is no phrase") << "we've seen a rash"
                                                                << "rash";
    QTest::newRow("a genus initial is in the organism's phrase")
        << "Enterotoxigenic E. coli and S. aureus"
        << "Enterotoxigenic E. coli|S. aureus";
    QTest::newRow("a numeral or an ECG lead alone names nothing")
        << "elevation in leads II, III, and aVF"
        << "elevation";
    QTest::newRow("a verb the chunker was not told of splits the phrase")
        << "Blood cultures grow acid-fast organisms"
        << "acid-fast organisms";
    QTest::newRow("a direction before a measure is part of the finding")
        << "characterized by low levels of immunoglobulins and a low bicarbonate level"
        << "low levels of immunoglobulins|low bicarbonate level";
    QTest::newRow("following after a noun is a preposition")
        << "seen in brain tissue following a stroke"
        << "brain tissue|stroke";
    QTest::newRow("a reference back names nothing")
        << "C) Change treatment to lithium: As mentioned earlier, lithium is not a treatment"
        << "lithium|lithium";
    QTest::newRow("one word in -ing before a preposition opens a clause")
        << "paralysis, starting with the cranial nerves"
        << "paralysis|cranial nerves";
    QTest::newRow("a charge sign glued to its word is no dash")
        << "a low HCO3- concentration and Cl- levels"
        << "low HCO3- concentration|Cl- levels";
    QTest::newRow("a dash set off by spaces ends the phrase") << "Ceftriaxone - a cephalosporin"
                                                              << "Ceftriaxone|cephalosporin";
    QTest::newRow("one word in -ing before a determiner is a verb with its object")
        << "fears related to leaving her house"
        << "fears|house";
    QTest::newRow("but not across a colon: it names an option")
        << "Repositioning: This is the answer"
        << "Repositioning";
    QTest::newRow("a relational process noun takes its complement")
        << "involved in the transport of ions and the regulation of cell death"
        << "transport of ions|regulation of cell death";
    QTest::newRow("a time word alone before a participle names nothing")
        << "her recent increased stress"
        << "stress";
    QTest::newRow("one word in -ing alone is a noun") << "weightlifting can cause pain"
                                                      << "weightlifting|pain";
    QTest::newRow("listed noun in -ic") << "an antibiotic"
                                        << "antibiotic";
    QTest::newRow("adverb") << "killed rapidly by cells"
                            << "cells";
    QTest::newRow("participle before a noun is a modifier")
        << "elevated calcium and increased afterload"
        << "elevated calcium|increased afterload";
    QTest::newRow("participle after a noun starts a predicate") << "the kidneys affected by amyloid"
                                                                << "kidneys|amyloid";
    QTest::newRow("hyphenated compound") << "drug-induced lupus"
                                         << "drug-induced lupus";
    QTest::newRow("eponym possessive kept") << "Hodgkin's lymphoma"
                                            << "Hodgkin's lymphoma";
    QTest::newRow("patient's symptoms name nothing") << "the patient's symptoms"
                                                     << "";
    QTest::newRow("patient's possessive dropped") << "the patient's sore throat"
                                                  << "sore throat";
    QTest::newRow("these findings") << "these findings"
                                    << "";
    QTest::newRow("bare generic nouns") << "the disease or this condition and medication"
                                        << "";
    QTest::newRow("a judgement of a generic noun is no class")
        << "abnormal labs, unusual symptoms and abnormal movements"
        << "abnormal movements";
    QTest::newRow("a diagnostic test names no concept")
        << "the urinalysis and a chest radiograph showed crystals"
        << "crystals";
    QTest::newRow("an adjective in -ish alone is no phrase")
        << "reddish, painful, tender lumps and a fish"
        << "tender lumps|fish";
    QTest::newRow("a relational noun qualified by a generic noun alone names nothing")
        << "laboratory abnormalities and kidney damage"
        << "kidney damage";
    QTest::newRow("qualified generic is a class") << "a fungal infection and a genetic disorder"
                                                  << "fungal infection|genetic disorder";
    QTest::newRow("vague modifier dropped") << "other causes and the underlying infection"
                                            << "infection";
    QTest::newRow("pronouns") << "it and they and this"
                              << "";
    QTest::newRow("comma ends a phrase") << "fever, sore throat, lymphadenopathy"
                                         << "fever|sore throat|lymphadenopathy";
    QTest::newRow("bracket ends a phrase") << "Epstein-Barr virus (EBV)"
                                           << "Epstein-Barr virus|EBV";
    QTest::newRow("option letter") << "A) Antibiotic"
                                   << "Antibiotic";
    QTest::newRow("numbers alone are no concept") << "7 and 12.5"
                                                  << "";
    QTest::newRow("number inside a name") << "type 2 diabetes"
                                          << "type 2 diabetes";
    QTest::newRow("negation word") << "no fever"
                                   << "fever";
    QTest::newRow("adverb and auxiliary") << "is typically sore throat"
                                          << "sore throat";
    QTest::newRow("spaced dash") << "EBV - the virus"
                                 << "EBV|virus";
    QTest::newRow("an irregular participle after a form of be is a verb")
        << "crackles are heard on the left and the murmur heard best at the apex"
        << "crackles|murmur heard best|apex";
    QTest::newRow("a word after a modal is a verb")
        << "the sphincter muscle will constrict and atrial myxomas can also embolize"
        << "sphincter muscle|atrial myxomas";
    QTest::newRow("a few hours is no concept") << "within a few hours of eating"
                                               << "eating";
    QTest::newRow("considering opens a clause") << "Considering these factors, pneumonia"
                                                << "pneumonia";
    QTest::newRow("a function alone is no concept") << "a function of the kidney"
                                                    << "kidney";
    QTest::newRow("an adjective in -ive before or is the later noun's")
        << "active or recurrent pelvic inflammatory disease"
        << "recurrent pelvic inflammatory disease";
    QTest::newRow("scaly is no adverb") << "causes red, scaly patches"
                                        << "scaly patches";
    QTest::newRow("older and overall health name nothing")
        << "an older treatment for overall health"
        << "";
}

void TestNounPhraseChunker::chunk() {
    QFETCH(QString, text);
    QFETCH(QString, phrases);
    QCOMPARE(this->phrases(text.toStdString()), phrases);
}

void TestNounPhraseChunker::marks_data() {
    using M = NounPhraseChunker::Mark;
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<int>>("marks"); // one Mark per token
    QTest::addColumn<QString>("phrases");
    QTest::newRow("blocked cue word splits")
        << "radiation therapy sore throat"
        << QList<int>{int(M::Free), int(M::Blocked), int(M::Free), int(M::Free)}
        << "radiation|sore throat";
    QTest::newRow("a phrase with a linked word is the mention's")
        << "severe aplastic anemia and night sweats"
        << QList<int>{int(M::Free), int(M::Linked), int(M::Linked),
                      int(M::Free), int(M::Free),   int(M::Free)}
        << "night sweats";
    QTest::newRow("a relational noun holds a linked complement")
        << "deficiency of iron and night sweats"
        << QList<int>{int(M::Free), int(M::Free), int(M::Linked),
                      int(M::Free), int(M::Free), int(M::Free)}
        << "deficiency of iron*|night sweats";
    QTest::newRow("a measure's complement may be a list of concepts")
        << "elevated levels of insulin and glucagon"
        << QList<int>{int(M::Free),   int(M::Free), int(M::Free),
                      int(M::Linked), int(M::Free), int(M::Linked)}
        << "elevated levels of insulin and glucagon*";
    QTest::newRow("a bare class linked alone takes its of-complement and its list")
        << "inflammation of the gastric body and fundus"
        << QList<int>{int(M::Linked), int(M::Free), int(M::Free), int(M::Free),
                      int(M::Free),   int(M::Free), int(M::Free)}
        << "inflammation of the gastric body and fundus*";
    QTest::newRow("but a mention that holds the of stays the mention's")
        << "shortness of breath" << QList<int>{int(M::Linked), int(M::Linked), int(M::Linked)}
        << "";
    QTest::newRow("a linked relational noun keeps the phrase the mention's")
        << "damage to the kidney"
        << QList<int>{int(M::Linked), int(M::Free), int(M::Free), int(M::Linked)} << "";
    QTest::newRow("a linked word before the complement keeps it the mention's")
        << "renal damage to the kidney"
        << QList<int>{int(M::Linked), int(M::Free), int(M::Free), int(M::Free), int(M::Linked)}
        << "";
}

void TestNounPhraseChunker::marks() {
    QFETCH(QString, text);
    QFETCH(QList<int>, marks);
    QFETCH(QString, phrases);
    std::vector<NounPhraseChunker::Mark> m;
    for (int v : marks)
        m.push_back(NounPhraseChunker::Mark(v));
    QCOMPARE(this->phrases(text.toStdString(), m), phrases);
}

void TestNounPhraseChunker::tooLong() {
    // A run longer than the limit is more likely a missed verb than one concept.
    const std::string text = "painless firm rubbery cervical lymph node swelling";
    QCOMPARE(phrases(text, {}, 8), QString::fromStdString(text));
    QCOMPARE(phrases(text, {}, 6), QString());
}

QTEST_APPLESS_MAIN(TestNounPhraseChunker)
#include "tst_nounphrasechunker.moc"
