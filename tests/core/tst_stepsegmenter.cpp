#include "StepSegmenter.h"

#include "../support/SharedData.h"

#include <QFile>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <random>

using namespace rs;

class TestStepSegmenter : public QObject {
    Q_OBJECT
private slots:
    void segment_data();
    void segment();
    void sentences_data();
    void sentences();
    void neverLosesText_data();
    void neverLosesText();
    void hugeInput();
    void realOutputsKeepEveryByte();
    void stepAt();
};

namespace {

QString kinds(const std::vector<Step>& steps) {
    QStringList k;
    for (const Step& s : steps)
        k << QString::fromStdString(s.kind);
    return k.join(',');
}

QString texts(const std::string& text, const std::vector<Step>& steps) {
    QStringList t;
    for (const Step& s : steps)
        t << QString::fromStdString(text.substr(s.begin, s.end - s.begin));
    return t.join('|');
}

// Every non-space byte in exactly one step; steps ordered, non-empty, trimmed, in range.
void checkCoverage(const std::string& text, const std::vector<Step>& steps) {
    auto space = [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    };
    std::vector<int> owner(text.size(), 0);
    std::size_t prevEnd = 0;
    for (const Step& s : steps) {
        QVERIFY(s.begin < s.end);
        QVERIFY(s.end <= text.size());
        QVERIFY(s.begin >= prevEnd);
        QVERIFY(!space(text[s.begin]) && !space(text[s.end - 1]));
        prevEnd = s.end;
        for (std::size_t i = s.begin; i < s.end; ++i)
            ++owner[i];
    }
    for (std::size_t i = 0; i < text.size(); ++i)
        if (!space(text[i]))
            QVERIFY2(owner[i] == 1, qPrintable(QStringLiteral("byte %1 lost").arg(i)));
}

} // namespace

void TestStepSegmenter::segment_data() {
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expectedKinds");
    QTest::addColumn<QString>("expectedTexts");
    QTest::newRow("numbered dot") << "1. First step.\n2. Second step."
                                  << "numbered,numbered"
                                  << "1. First step.|2. Second step.";
    QTest::newRow("numbered paren") << "1) a\n2) b"
                                    << "numbered,numbered"
                                    << "1) a|2) b";
    QTest::newRow("parenthesized") << "(1) a\n(b) b"
                                   << "numbered,numbered"
                                   << "(1) a|(b) b";
    QTest::newRow("bullets") << "- a\n* b\n\xE2\x80\xA2 c"
                             << "bullet,bullet,bullet"
                             << "- a|* b|\xE2\x80\xA2 c";
    QTest::newRow("option items") << "A) Foo - bar.\nB) Baz."
                                  << "numbered,numbered"
                                  << "A) Foo - bar.|B) Baz.";
    QTest::newRow("step labels") << "Step 1: look\nStep 2: decide"
                                 << "numbered,numbered"
                                 << "Step 1: look|Step 2: decide";
    QTest::newRow("mixed") << "Intro line:\n1. one\n2. two\n\nSo the answer is B."
                           << "paragraph,numbered,numbered,paragraph"
                           << "Intro line:|1. one|2. two|So the answer is B.";
    QTest::newRow("wrapped item") << "1. one\ncontinued\n2. two"
                                  << "numbered,numbered"
                                  << "1. one\ncontinued|2. two";
    QTest::newRow("paragraphs") << "Para one. Still one.\n\nPara two."
                                << "paragraph,paragraph"
                                << "Para one. Still one.|Para two.";
    QTest::newRow("crlf paragraphs") << "One.\r\n\r\nTwo.\r\n"
                                     << "paragraph,paragraph"
                                     << "One.|Two.";
    QTest::newRow("prose to sentences") << "Fever is present. It is high! Why? Because."
                                        << "sentence,sentence,sentence,sentence"
                                        << "Fever is present.|It is high!|Why?|Because.";
    QTest::newRow("decimal is no item") << "39.1 is high.\n40.2 is higher."
                                        << "sentence,sentence"
                                        << "39.1 is high.|40.2 is higher.";
    QTest::newRow("year is no item") << "2019. Then 2020."
                                     << "sentence,sentence"
                                     << "2019.|Then 2020.";
    QTest::newRow("article A is no item") << "A 39-year-old woman. She is ill."
                                          << "sentence,sentence"
                                          << "A 39-year-old woman.|She is ill.";
    QTest::newRow("markdown bold is no bullet") << "**Answer** is B."
                                                << "sentence"
                                                << "**Answer** is B.";
    QTest::newRow("empty") << ""
                           << ""
                           << "";
    QTest::newRow("white space only") << "  \n\n \t "
                                      << ""
                                      << "";
    QTest::newRow("bare marker") << "1.\n-"
                                 << "numbered,bullet"
                                 << "1.|-";
}

void TestStepSegmenter::segment() {
    QFETCH(QString, input);
    QFETCH(QString, expectedKinds);
    QFETCH(QString, expectedTexts);
    const std::string text = input.toStdString();
    const auto steps = StepSegmenter::segment(text);
    QCOMPARE(kinds(steps), expectedKinds);
    QCOMPARE(texts(text, steps), expectedTexts);
    checkCoverage(text, steps);
}

void TestStepSegmenter::sentences_data() {
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("abbreviations") << "E.g. this is fine, e.g. not split. Dr. Smith agrees. Next."
                                   << "E.g. this is fine, e.g. not split.|Dr. Smith agrees.|Next.";
    QTest::newRow("lower case after dot") << "The dose is 5 mg. daily. Then stop."
                                          << "The dose is 5 mg. daily.|Then stop.";
    QTest::newRow("quote after dot") << "He said \"no.\" Then left."
                                     << "He said \"no.\"|Then left.";
    QTest::newRow("line break ends") << "Platelets 14,200\nFibrinogen 83"
                                     << "Platelets 14,200|Fibrinogen 83";
    QTest::newRow("ellipsis") << "Wait... Then go."
                              << "Wait...|Then go.";
    QTest::newRow("no terminator") << "no end here"
                                   << "no end here";
    QTest::newRow("option letter") << "Choose option A. It fits."
                                   << "Choose option A.|It fits.";
}

void TestStepSegmenter::sentences() {
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const std::string text = input.toStdString();
    QStringList got;
    for (const TextSpan& s : StepSegmenter::sentences(text, 0, text.size()))
        got << QString::fromStdString(text.substr(s.begin, s.end - s.begin));
    QCOMPARE(got.join('|'), expected);
}

void TestStepSegmenter::neverLosesText_data() {
    QTest::addColumn<int>("seed");
    for (int seed = 1; seed <= 40; ++seed)
        QTest::newRow(qPrintable(QStringLiteral("seed %1").arg(seed))) << seed;
}

void TestStepSegmenter::neverLosesText() {
    // Random text over an alphabet dense in markers and separators: the structural cases
    // a hand-written list would miss.
    QFETCH(int, seed);
    static const std::vector<std::string> pieces = {
        "1.",           "2)",      "(3)", "A)",   "B.",   "-",        "*",
        "\xE2\x80\xA2", "Step 4:", "\n",  "\n\n", "\r\n", " ",        "  ",
        "\t",           ".",       "?",   "!",    "e.g.", "Dr.",      "word",
        "Word",         "39.1",    "\"",  ")",    "\xff", "\xE2\x80", "x"};
    std::mt19937 rng{static_cast<std::uint32_t>(seed)};
    std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
    std::string text;
    const int n = 20 + seed * 10;
    for (int i = 0; i < n; ++i)
        text += pieces[pick(rng)];
    const auto steps = StepSegmenter::segment(text);
    checkCoverage(text, steps);
    for (const Step& s : steps) {
        std::size_t covered = 0;
        for (const TextSpan& sp : StepSegmenter::sentences(text, s.begin, s.end)) {
            QVERIFY(sp.begin >= s.begin && sp.end <= s.end && sp.begin < sp.end);
            covered += sp.end - sp.begin;
        }
        QVERIFY(covered <= s.end - s.begin);
    }
}

void TestStepSegmenter::hugeInput() {
    // 8 MB of one line without any terminator, then 200k numbered items: linear work and
    // no lost bytes either way.
    const std::string oneLine(8u << 20, 'a');
    const auto a = StepSegmenter::segment(oneLine);
    QCOMPARE(a.size(), std::size_t(1));
    QCOMPARE(a[0].end, oneLine.size());

    std::string items;
    for (int i = 0; i < 200000; ++i)
        items += std::to_string(i % 999 + 1) + ". item text here.\n";
    const auto b = StepSegmenter::segment(items);
    QCOMPARE(b.size(), std::size_t(200000));
    checkCoverage(items, b);
}

void TestStepSegmenter::realOutputsKeepEveryByte() {
    RS_REQUIRE_SHARED("outputs/thoughtsource-medqa500-gpt-4.json");
    QFile f(rs::test::sharedFile(QStringLiteral("outputs/thoughtsource-medqa500-gpt-4.json")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const auto doc = nlohmann::json::parse(f.readAll().toStdString());
    int outputs = 0, numbered = 0;
    for (const auto& q : doc.at("med_qa").at("test")) {
        for (const auto& g : q.at("generated_cot")) {
            const std::string cot = g.at("cot").get<std::string>();
            const auto steps = StepSegmenter::segment(cot);
            checkCoverage(cot, steps);
            if (QTest::currentTestFailed())
                return;
            ++outputs;
            numbered += std::any_of(steps.begin(), steps.end(),
                                    [](const Step& s) { return s.kind == "numbered"; });
        }
    }
    QCOMPARE(outputs, 1000);
    // GPT-4 answers USMLE questions option by option ("A) ...") or in numbered steps most
    // of the time; a segmenter that missed items would find few.
    QVERIFY2(numbered > 300, qPrintable(QString::number(numbered)));
}

void TestStepSegmenter::stepAt() {
    const std::vector<Step> steps = {{5, 10, "sentence"}, {12, 20, "sentence"}};
    QCOMPARE(StepSegmenter::stepAt(steps, 0), 0);
    QCOMPARE(StepSegmenter::stepAt(steps, 7), 0);
    QCOMPARE(StepSegmenter::stepAt(steps, 11), 0);
    QCOMPARE(StepSegmenter::stepAt(steps, 12), 1);
    QCOMPARE(StepSegmenter::stepAt(steps, 99), 1);
    QCOMPARE(StepSegmenter::stepAt({}, 3), -1);
}

QTEST_APPLESS_MAIN(TestStepSegmenter)
#include "tst_stepsegmenter.moc"
