#include "DelimitedText.h"

#include <QtTest>

#include <string>
#include <vector>

using namespace rs;

Q_DECLARE_METATYPE(rs::Delimiter)

class TestDelimitedText : public QObject {
    Q_OBJECT
private slots:
    void splitsFields_data();
    void splitsFields();
    void malformedCsvIsRefused_data();
    void malformedCsvIsRefused();
    void viewsSurviveManyUnquotedFields();
    void sniffsDelimiter_data();
    void sniffsDelimiter();
    void trimsBlanks();
};

// Fields joined with '|' so one QString column can state the expected split.
static QString joined(const DelimitedSplitter& s) {
    QStringList parts;
    for (std::string_view f : s.fields())
        parts << QString::fromUtf8(f.data(), qsizetype(f.size()));
    return parts.join(QLatin1Char('|'));
}

void TestDelimitedText::splitsFields_data() {
    QTest::addColumn<Delimiter>("delimiter");
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("fields");
    const Delimiter csv = Delimiter::Comma, tsv = Delimiter::Tab;
    QTest::newRow("csv plain") << csv << QByteArray("a,b,c") << 3 << "a|b|c";
    QTest::newRow("csv empty fields") << csv << QByteArray(",x,,") << 4 << "|x||";
    QTest::newRow("csv empty line") << csv << QByteArray("") << 1 << "";
    QTest::newRow("csv quoted comma")
        << csv << QByteArray("1,\"Smith, John\",2") << 3 << "1|Smith, John|2";
    QTest::newRow("csv doubled quotes")
        << csv << QByteArray("\"say \"\"hi\"\"\",x") << 2 << "say \"hi\"|x";
    QTest::newRow("csv only doubled quote") << csv << QByteArray("\"\"\"\"") << 1 << "\"";
    QTest::newRow("csv empty quoted") << csv << QByteArray("\"\",a") << 2 << "|a";
    QTest::newRow("csv quoted last, trailing comma")
        << csv << QByteArray("a,\"b\",") << 3 << "a|b|";
    QTest::newRow("csv quote inside unquoted kept")
        << csv << QByteArray("5\" disk,x") << 2 << "5\" disk|x";
    QTest::newRow("tsv plain") << tsv << QByteArray("id\tname\tkind") << 3 << "id|name|kind";
    QTest::newRow("tsv comma is data") << tsv << QByteArray("a,b\tc") << 2 << "a,b|c";
    QTest::newRow("tsv quotes stripped")
        << tsv << QByteArray("\"DOID:1\"\t\"a, b\"\t\"c\"") << 3 << "DOID:1|a, b|c";
    QTest::newRow("tsv doubled quote in quoted")
        << tsv << QByteArray("\"x \"\"y\"\"\"\tz") << 2 << "x \"y\"|z";
    QTest::newRow("tsv lone quote kept") << tsv << QByteArray("\"\tb") << 2 << "\"|b";
    QTest::newRow("tsv empty trailing") << tsv << QByteArray("a\t") << 2 << "a|";
}

void TestDelimitedText::splitsFields() {
    QFETCH(Delimiter, delimiter);
    QFETCH(QByteArray, line);
    QFETCH(int, count);
    QFETCH(QString, fields);
    DelimitedSplitter s(delimiter);
    const std::string text = line.toStdString();
    QVERIFY2(s.split(text), s.error());
    QCOMPARE(int(s.size()), count);
    QCOMPARE(joined(s), fields);
}

void TestDelimitedText::malformedCsvIsRefused_data() {
    QTest::addColumn<QByteArray>("line");
    QTest::newRow("unterminated") << QByteArray("a,\"open field");
    QTest::newRow("unterminated after doubled") << QByteArray("\"a\"\"");
    QTest::newRow("text after closing quote") << QByteArray("\"a\"b,c");
}

void TestDelimitedText::malformedCsvIsRefused() {
    QFETCH(QByteArray, line);
    DelimitedSplitter s(Delimiter::Comma);
    QVERIFY(!s.split(line.toStdString()));
    QVERIFY(std::string(s.error()).size() > 0);
}

void TestDelimitedText::viewsSurviveManyUnquotedFields() {
    // Every field needs unquoting, so all views point into the splitter's buffer; growing it
    // would leave the earlier ones dangling.
    std::string line;
    std::vector<std::string> expected;
    for (int i = 0; i < 200; ++i) {
        if (i)
            line += ',';
        line += "\"v" + std::to_string(i) + "\"\"q\"";
        expected.push_back("v" + std::to_string(i) + "\"q");
    }
    DelimitedSplitter s(Delimiter::Comma);
    QVERIFY(s.split(line));
    QCOMPARE(s.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
        QCOMPARE(std::string(s[i]), expected[i]);
    // A shorter second line reuses the buffer.
    QVERIFY(s.split("\"x\"\"\",y"));
    QCOMPARE(std::string(s[0]), std::string("x\""));
    QCOMPARE(std::string(s[1]), std::string("y"));
}

void TestDelimitedText::sniffsDelimiter_data() {
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<int>("expected"); // 0 none, 1 tab, 2 comma
    QTest::newRow("tsv") << QByteArray("id\tname\tkind") << 1;
    QTest::newRow("csv") << QByteArray("relation,display_relation,x_index") << 2;
    QTest::newRow("tsv with comma in a name") << QByteArray("a, b\tc\td") << 1;
    QTest::newRow("csv with quoted tab") << QByteArray("\"a\tb\",c,d") << 2;
    QTest::newRow("one column") << QByteArray("head") << 0;
    QTest::newRow("tie goes to tab") << QByteArray("a,b\tc") << 1;
}

void TestDelimitedText::sniffsDelimiter() {
    QFETCH(QByteArray, header);
    QFETCH(int, expected);
    const auto d = sniffDelimiter(header.toStdString());
    const int got = !d ? 0 : *d == Delimiter::Tab ? 1 : 2;
    QCOMPARE(got, expected);
}

void TestDelimitedText::trimsBlanks() {
    QCOMPARE(std::string(trimBlanks("  a b\t")), std::string("a b"));
    QCOMPARE(std::string(trimBlanks(" \t ")), std::string());
    QCOMPARE(std::string(trimBlanks("x")), std::string("x"));
}

QTEST_APPLESS_MAIN(TestDelimitedText)
#include "tst_delimitedtext.moc"
