#include "Case.h"
#include "TextNormalizer.h"

#include <QtTest>

class TestTextNormalizer : public QObject {
    Q_OBJECT
private slots:
    void normalizeName_data();
    void normalizeName();
    void tokenOffsets();
    void matchOption_data();
    void matchOption();
    void trimSpace_data();
    void trimSpace();
};

void TestTextNormalizer::normalizeName_data() {
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("case and hyphen") << "Type 2 Diabetes-Mellitus"
                                     << "type 2 diabetes mellitus";
    QTest::newRow("possessive") << "Crohn's disease"
                                << "crohn disease";
    QTest::newRow("punctuation runs") << "  fever,, (chills)  "
                                      << "fever chills";
    QTest::newRow("latin-1 letters folded") << "Sjögren syndrome, Guillain-Barré, naïve"
                                            << "sjogren syndrome guillain barre naive";
    QTest::newRow("latin-1 capitals folded") << "SJÖGREN ÆTIOLOGY"
                                             << "sjogren aetiology";
    QTest::newRow("curly possessive") << "the patient’s Crohn’s disease"
                                      << "the patient crohn disease";
    QTest::newRow("unicode punctuation breaks") << "“fever”—chills… 38.5°C ±2 3×4"
                                                << "fever chills 38 5 c 2 3 4";
    QTest::newRow("greek and micro kept") << "β-blocker, 5 µg"
                                          << "β blocker 5 µg";
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("only punctuation") << "-- ,, ."
                                      << "";
}

void TestTextNormalizer::normalizeName() {
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(rs::normalizeName(input.toStdString())), expected);
}

void TestTextNormalizer::tokenOffsets() {
    const std::string text = "An MI, treated with aspirin.";
    const auto tokens = rs::tokenize(text);
    QCOMPARE(tokens.size(), std::size_t(5));
    QCOMPARE(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin), std::string("MI"));
    QVERIFY(tokens[1].allUpper);
    QVERIFY(!tokens[0].allUpper);
    QCOMPARE(tokens[4].norm, std::string("aspirin"));
    // Invalid UTF-8 is passed through byte-wise, never breaks tokenization.
    const std::string invalid = "fever \xff\xfe cough";
    QCOMPARE(rs::tokenize(invalid).size(), std::size_t(3));
    // A folded letter keeps the token's byte offsets into the source text.
    const std::string accented = "Sjögren’s syndrome";
    const auto folded = rs::tokenize(accented);
    QCOMPARE(folded.size(), std::size_t(2));
    QCOMPARE(folded[0].norm, std::string("sjogren"));
    QCOMPARE(accented.substr(folded[0].begin, folded[0].end - folded[0].begin),
             std::string("Sjögren"));
    QCOMPARE(folded[1].begin, accented.find("syndrome"));
    QVERIFY(rs::tokenize("ÖDEMA")[0].allUpper);
    // A truncated multi-byte sequence at the end is a word byte, not a read past the end.
    QCOMPARE(rs::tokenize("fever \xc3").size(), std::size_t(2));
    QCOMPARE(rs::tokenize("fever \xe2\x80").size(), std::size_t(2));
}

void TestTextNormalizer::matchOption_data() {
    QTest::addColumn<QString>("answer");
    QTest::addColumn<int>("expected");
    QTest::newRow("letter") << "B" << 1;
    QTest::newRow("letter dot") << "C." << 2;
    QTest::newRow("paren letter") << "(a)" << 0;
    QTest::newRow("letter and text") << "B) Metformin" << 1;
    QTest::newRow("text only") << "insulin" << 0;
    QTest::newRow("answer prefix") << "Answer: C" << 2;
    QTest::newRow("unknown") << "aspirin" << -1;
    QTest::newRow("empty") << "" << -1;
}

void TestTextNormalizer::matchOption() {
    QFETCH(QString, answer);
    QFETCH(int, expected);
    const std::vector<rs::AnswerOption> options = {
        {"A", "Insulin"}, {"B", "Metformin"}, {"C", "Glipizide"}};
    QCOMPARE(rs::matchOption(options, answer.toStdString()), expected);
}

void TestTextNormalizer::trimSpace_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("trimmed");
    QTest::newRow("empty") << QByteArray("") << QByteArray("");
    QTest::newRow("only space") << QByteArray(" \t\r\n\v\f") << QByteArray("");
    QTest::newRow("both ends") << QByteArray("\t  Fever \r\n") << QByteArray("Fever");
    QTest::newRow("inner space kept") << QByteArray(" chest  pain ") << QByteArray("chest  pain");
    QTest::newRow("nothing to trim") << QByteArray("x") << QByteArray("x");
    // Non-breaking space and other non-ASCII bytes are text, not white space.
    QTest::newRow("utf-8 kept") << QByteArray("\xc2\xa0Ärzte\xc2\xa0")
                                << QByteArray("\xc2\xa0Ärzte\xc2\xa0");
}

void TestTextNormalizer::trimSpace() {
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, trimmed);
    const std::string s = text.toStdString();
    QCOMPARE(QByteArray::fromStdString(std::string(rs::trimSpace(s))), trimmed);
}

QTEST_APPLESS_MAIN(TestTextNormalizer)
#include "tst_textnormalizer.moc"
