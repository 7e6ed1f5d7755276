#include "MentionFilter.h"

#include "../support/TestKnowledgeBase.h"

#include <QtTest>

using namespace rs;

class TestMentionFilter : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void filter_data();
    void filter();

private:
    test::TestKnowledgeBase kb_;
    Lexicon lexicon_;
};

void TestMentionFilter::initTestCase() {
    for (const char* a : {"blood", "heart", "eye", "leg"})
        kb_.add(a, "Anatomy");
    for (const char* c : {"insulin", "aspirin", "metformin"})
        kb_.add(c, "Compound");
    kb_.add("fever", "Symptom");
    kb_.add("chest pain", "Symptom");
    kb_.add("HIV", "Virus");
    kb_.add("syndrome", "Disease");
    kb_.add("disease", "Disease");
    kb_.add("rubella", "Disease");
    kb_.add("infection", "Disease");
    kb_.add("overdose", "Disease");
    kb_.add("injury", "Disease");
    kb_.add("carcinoma", "Disease");
    lexicon_.addPhraseWord(PhraseWord::Generic, "syndrome");
    lexicon_.addPhraseWord(PhraseWord::Generic, "disease");
    lexicon_.addPhraseWord(PhraseWord::Determiner, "the");
    lexicon_.addPhraseWord(PhraseWord::Vague, "underlying");
    lexicon_.addPhraseWord(PhraseWord::Relational, "infection");
    for (const char* bare : {"infection", "infections", "injury", "carcinoma"})
        lexicon_.addBareClass(bare);
    lexicon_.addPhraseWord(PhraseWord::Break, "first");
    lexicon_.addRelationCue("treats", CueDirection::Forward, "used to treat");
    lexicon_.addRelationCue("indicates", CueDirection::Forward, "raise concern for");
    lexicon_.addPolarityCue(Polarity::Negated, "not");
}

void TestMentionFilter::filter_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("kept");
    QTest::addColumn<QString>("gaps");
    QTest::newRow("blood pressure") << "Her blood pressure is 80/50 mm Hg."
                                    << ""
                                    << "blood pressure";
    QTest::newRow("heart rate") << "Heart rate 120/min."
                                << ""
                                << "Heart rate";
    QTest::newRow("eye drops") << "Latanoprost eye drops are used to treat glaucoma."
                               << ""
                               << "eye drops";
    QTest::newRow("a resemblance is not the concept")
        << "Insulin-like growth factor and a fever-like illness."
        << ""
        << "Insulin-like growth factor;fever-like illness";
    QTest::newRow("non- before the concept denies it")
        << "A non-rubella rash and Non-HIV fever; a nonfever."
        << "fever"
        << "non-rubella;Non-HIV";
    QTest::newRow("insulin resistance") << "Insulin resistance is common."
                                        << ""
                                        << "Insulin resistance";
    QTest::newRow("phrase stops at a preposition") << "Blood culture bottles of the patient."
                                                   << ""
                                                   << "Blood culture bottles";
    QTest::newRow("transparent head") << "Aspirin therapy was started."
                                      << "aspirin"
                                      << "";
    QTest::newRow("participle starts a clause") << "Chest pain radiating to the jaw."
                                                << "chest pain"
                                                << "";
    QTest::newRow("clinical -ing noun") << "Heart swelling."
                                        << ""
                                        << "Heart swelling";
    QTest::newRow("adverb") << "Fever recently."
                            << "fever"
                            << "";
    QTest::newRow("a plural verb starts a predicate") << "Side effects of metformin include fever."
                                                      << "metformin;fever"
                                                      << "";
    QTest::newRow("conjunction") << "Fever and chills."
                                 << "fever"
                                 << "";
    QTest::newRow("dose") << "Metformin 500 mg daily."
                          << "metformin"
                          << "";
    QTest::newRow("hyphenated transparent") << "An HIV-positive man."
                                            << "HIV"
                                            << "";
    QTest::newRow("comma separates") << "Fever, heart murmur."
                                     << "fever"
                                     << "heart murmur";
    QTest::newRow("line break separates") << "blood\nculture"
                                          << "blood"
                                          << "";
    QTest::newRow("verb follows") << "Aspirin inhibits platelets."
                                  << "aspirin"
                                  << "";
    QTest::newRow("unknown verb with an object") << "Fever prompts a workup."
                                                 << "fever"
                                                 << "";
    QTest::newRow("unknown verb with a particle") << "Fever rules away nothing."
                                                  << "fever"
                                                  << "";
    QTest::newRow("copula follows") << "The heart is enlarged."
                                    << "heart"
                                    << "";
    QTest::newRow("cue follows") << "Aspirin used to treat pain."
                                 << "aspirin"
                                 << "";
    QTest::newRow("cue word without its cue") << "Straight leg raise test was positive."
                                              << ""
                                              << "leg raise test";
    QTest::newRow("cue word with its cue") << "Fever raise concern for sepsis."
                                           << "fever"
                                           << "";
    QTest::newRow("negation follows") << "Aspirin not given."
                                      << "aspirin"
                                      << "";
    QTest::newRow("next word is a mention") << "aspirin insulin"
                                            << "aspirin;insulin"
                                            << "";
    QTest::newRow("option letter follows") << "Insulin A) or B)"
                                           << "insulin"
                                           << "";
    QTest::newRow("generic head of a longer name") << "Tumor lysis syndrome follows."
                                                   << ""
                                                   << "Tumor lysis syndrome";
    QTest::newRow("generic head after a possessive") << "Menetrier's disease is rare."
                                                     << ""
                                                     << "Menetrier's disease";
    QTest::newRow("generic head after a dropped modifier")
        << "Congenital rubella syndrome."
        << ""
        << "rubella syndrome;Congenital rubella syndrome";
    QTest::newRow("generic head after a determiner") << "The disease is rare."
                                                     << "disease"
                                                     << "";
    QTest::newRow("generic head after a vague word") << "An underlying disease."
                                                     << "disease"
                                                     << "";
    QTest::newRow("generic head after a number") << "Type 2 disease."
                                                 << "disease"
                                                 << "";
    QTest::newRow("generic head after a comma") << "Fever, syndrome."
                                                << "fever;syndrome"
                                                << "";
    QTest::newRow("infection after a concept is the concept's") << "HIV infection is treated."
                                                                << "HIV"
                                                                << "";
    QTest::newRow("infection after a name the KG lacks is only its class")
        << "Trichomonas vaginalis infection is treated."
        << ""
        << "Trichomonas vaginalis infection";
    QTest::newRow("injury after a name the KG lacks is only its class")
        << "Irreversible cell injury occurs."
        << ""
        << "Irreversible cell injury";
    QTest::newRow("carcinoma after a name the KG lacks is only its class")
        << "Medullary carcinoma is rare."
        << ""
        << "Medullary carcinoma";
    QTest::newRow("injury standing alone stays") << "The injury healed."
                                                 << "injury"
                                                 << "";
    QTest::newRow("infection after a vague word stays") << "An underlying infection is treated."
                                                        << "infection"
                                                        << "";
    QTest::newRow("infection standing alone stays") << "The infection is treated."
                                                    << "infection"
                                                    << "";
    QTest::newRow("overdose after a concept stays") << "Aspirin overdose is treated."
                                                    << "aspirin;overdose"
                                                    << "";
    QTest::newRow("a colon ends the phrase before a verb follower")
        << "A) Leg elevation: This might help."
        << ""
        << "Leg elevation";
    QTest::newRow("a spaced dash ends the phrase, not its head noun")
        << "C) Insulin deficiency - This is rare."
        << ""
        << "Insulin deficiency";
    QTest::newRow("an adverb after a concept is no head noun")
        << "Think of chest pain first. Then fever."
        << "chest pain;fever"
        << "";
    QTest::newRow("an organ before a referring noun is its modifier")
        << "A heart condition and eye symptoms."
        << ""
        << "heart condition;eye symptoms";
    QTest::newRow("an organ before a generic concept is its modifier")
        << "Heart disease is common."
        << ""
        << "Heart disease;Heart disease";
    QTest::newRow("a concept before a referring noun stays") << "HIV symptoms and fever."
                                                             << "HIV;fever"
                                                             << "";
    QTest::newRow("end of text") << "Given insulin"
                                 << "insulin"
                                 << "";
}

void TestMentionFilter::filter() {
    QFETCH(QString, text);
    QFETCH(QString, kept);
    QFETCH(QString, gaps);
    const std::string t = text.toStdString();
    std::vector<CoverageGap> found;
    const auto organ = [this](NodeId n) { return kb_.nodeKind(n) == "Anatomy"; };
    const auto mentions =
        dropModifierMentions(t, tokenize(t), kb_.link(t), lexicon_, &found, "output", 4, organ);
    QStringList names, gapTexts;
    for (const Mention& m : mentions)
        names << QString::fromStdString(std::string(kb_.nodeName(m.node)));
    for (const CoverageGap& g : found) {
        QCOMPARE(g.where, std::string("output"));
        QCOMPARE(t.substr(g.begin, g.end - g.begin), g.text);
        QVERIFY(g.reason.find("only '") == 0 || g.reason.find("only the generic '") == 0 ||
                g.reason.find("the KG has '") == 0);
        gapTexts << QString::fromStdString(g.text);
    }
    QCOMPARE(names.join(';'), kept);
    QCOMPARE(gapTexts.join(';'), gaps);
    // Without a gap list the same mentions are kept.
    QCOMPARE(
        dropModifierMentions(t, tokenize(t), kb_.link(t), lexicon_, nullptr, "output", 4, organ)
            .size(),
        mentions.size());
}

QTEST_APPLESS_MAIN(TestMentionFilter)
#include "tst_mentionfilter.moc"
