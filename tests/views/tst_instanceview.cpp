// InstanceView: the document holds the case's text, marks land on the right characters
// (byte offsets mapped past multi-byte UTF-8), untrusted text stays literal, bad spans are
// ignored, and selecting a finding highlights its span and is signalled.
#include "InstanceView.h"

#include <QLabel>
#include <QListWidget>
#include <QSignalSpy>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QtTest>

using namespace rs;
using nlohmann::json;

namespace {

json byteSpan(const std::string& text, const std::string& part, std::size_t from = 0) {
    const auto b = text.find(part, from);
    if (b == std::string::npos)
        return json::array({0, 0});
    return json::array({b, b + part.size()});
}

Case makeCase(const std::string& output) {
    Case c;
    c.key = "case-1";
    c.run = "run-a";
    c.question = "A 30-year-old with fever and a rash. Which diagnosis?";
    c.options = {{"A", "Measles"}, {"B", "Rubella"}, {"C", "Scarlet fever"}};
    c.gold = "A";
    c.prediction = "B";
    c.correct = false;
    c.output = output;
    return c;
}

// The character format of the document character at pos.
QTextCharFormat formatAt(const QTextDocument* doc, int pos) {
    QTextCursor c(const_cast<QTextDocument*>(doc));
    c.setPosition(pos + 1);
    return c.charFormat();
}

QString plain(const InstanceView& v) {
    return v.textView()->document()->toPlainText();
}

} // namespace

class TestInstanceView : public QObject {
    Q_OBJECT

private slots:
    void emptyState();
    void textContainsCase_data();
    void textContainsCase();
    void optionsMarked();
    void marksOnSpans_data();
    void marksOnSpans();
    void htmlStaysLiteral();
    void badSpansIgnored_data();
    void badSpansIgnored();
    void selectingFinding();
    void gapInQuestion();
};

void TestInstanceView::emptyState() {
    InstanceView v;
    QVERIFY(v.isEmptyState());
    v.showCase(makeCase("Output text."), json());
    QVERIFY(!v.isEmptyState());
    QVERIFY(plain(v).contains("Output text."));
    v.clear();
    QVERIFY(v.isEmptyState());
    QCOMPARE(v.findingList()->count(), 0);
    QCOMPARE(v.gapList()->count(), 0);
    QVERIFY(v.textView()->document()->isEmpty());
    QCOMPARE(v.selectedFinding(), -1);
    const auto labels = v.findChildren<QLabel*>();
    bool found = false;
    for (const QLabel* l : labels)
        found = found || (l->text() == "Select a case to read its reasoning" && l->isVisibleTo(&v));
    QVERIFY(found);
}

void TestInstanceView::textContainsCase_data() {
    QTest::addColumn<QString>("expected");
    QTest::newRow("question") << "A 30-year-old with fever and a rash. Which diagnosis?";
    QTest::newRow("option gold") << "A) Measles";
    QTest::newRow("option other") << "C) Scarlet fever";
    QTest::newRow("output line 1") << "Step one: fever.";
    QTest::newRow("output line 2") << "Ünïcödé line 😷 two.";
    QTest::newRow("key") << "case-1";
}

void TestInstanceView::textContainsCase() {
    QFETCH(QString, expected);
    InstanceView v;
    v.showCase(makeCase("Step one: fever.\nÜnïcödé line 😷 two."), json::object());
    QVERIFY2(plain(v).contains(expected), qPrintable(plain(v)));
}

void TestInstanceView::optionsMarked() {
    InstanceView v;
    v.showCase(makeCase("x"), json::object());
    const QString text = plain(v);
    const int gold = text.indexOf("✓ A) Measles");
    const int pred = text.indexOf("✗ B) Rubella");
    QVERIFY2(gold >= 0 && pred >= 0, qPrintable(text));
    QVERIFY(text.indexOf("gold", gold) > gold);
    QVERIFY(text.indexOf("model", pred) > pred);
    const QTextDocument* doc = v.textView()->document();
    QCOMPARE(formatAt(doc, gold + 4).foreground().color(), QColor(0x1b, 0x7f, 0x3b));
    QCOMPARE(formatAt(doc, pred + 4).foreground().color(), QColor(0xc6, 0x28, 0x28));
    const int other = text.indexOf("C) Scarlet");
    QVERIFY(formatAt(doc, other).foreground().style() == Qt::NoBrush);

    // The anchors' option indexes win over the free-text answers.
    Case c = makeCase("x");
    c.correct.reset();
    v.showCase(c, json{{"anchors", {{"gold_option", 2}, {"predicted_option", 2}}}});
    QVERIFY2(plain(v).contains("✓ C) Scarlet fever"), qPrintable(plain(v)));
    QVERIFY(!plain(v).contains("✗"));
}

void TestInstanceView::marksOnSpans_data() {
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("findingType");
    QTest::newRow("ascii") << ""
                           << "relation";
    QTest::newRow("latin-1 accents") << "Ünïcödé — "
                                     << "branch";
    QTest::newRow("astral emoji") << "😷🤒 note: "
                                  << "grounding";
    QTest::newRow("cjk") << "中文字符。\n"
                         << "missing";
}

void TestInstanceView::marksOnSpans() {
    QFETCH(QString, prefix);
    QFETCH(QString, findingType);
    const std::string output =
        prefix.toStdString() + "The fever indicates measles here. A Koplik rash.";
    json a = {
        {"mentions",
         {{{"span", byteSpan(output, "fever")},
           {"node", "Fever"},
           {"score", 0.87},
           {"matched", "fever"}}}},
        {"claims",
         {{{"span", byteSpan(output, "fever indicates measles")},
           {"head", "Fever"},
           {"relation", "indicates"},
           {"tail", "Measles"},
           {"polarity", "asserted"}}}},
        {"findings",
         {{{"type", findingType.toStdString()},
           {"subtype", "s"},
           {"severity", "major"},
           {"span", byteSpan(output, "here")},
           {"explanation", "e"}}}},
        {"coverage_gaps",
         {{{"text", "Koplik"},
           {"where", "output"},
           {"span", byteSpan(output, "Koplik")},
           {"reason", "not in KG"}}}},
    };
    InstanceView v;
    v.showCase(makeCase(output), a);
    const QTextDocument* doc = v.textView()->document();
    const QString text = plain(v);
    const int start = text.indexOf(QString::fromStdString(output));
    QVERIFY2(start >= 0, qPrintable(text));
    const int fever = text.indexOf("fever", start);
    const int measles = text.indexOf("measles", start);
    const int here = text.indexOf("here", start);
    const int koplik = text.indexOf("Koplik", start);

    // Mention: light background over exactly "fever", with the concept in the tooltip.
    QCOMPARE(formatAt(doc, fever).background().color(), InstanceView::mentionBackground());
    QCOMPARE(formatAt(doc, fever + 4).background().color(), InstanceView::mentionBackground());
    QVERIFY(formatAt(doc, fever - 1).background().style() == Qt::NoBrush);
    QVERIFY(formatAt(doc, fever + 5).background().style() == Qt::NoBrush);
    QVERIFY(formatAt(doc, fever).toolTip().contains("Fever"));
    QVERIFY(formatAt(doc, fever).toolTip().contains("0.87"));

    // Claim: underlined from "fever" to "measles", tooltip has the triple and polarity.
    QCOMPARE(formatAt(doc, measles + 6).underlineStyle(), QTextCharFormat::SingleUnderline);
    QCOMPARE(formatAt(doc, fever).underlineStyle(), QTextCharFormat::SingleUnderline);
    QCOMPARE(formatAt(doc, fever - 1).underlineStyle(), QTextCharFormat::NoUnderline);
    QCOMPARE(formatAt(doc, measles + 7).underlineStyle(), QTextCharFormat::NoUnderline);
    QVERIFY(formatAt(doc, measles).toolTip().contains("Fever indicates Measles"));
    QVERIFY(formatAt(doc, measles).toolTip().contains("asserted"));

    // Finding: the class tint over exactly "here".
    QCOMPARE(formatAt(doc, here).background().color(), InstanceView::classTint(findingType));
    QCOMPARE(formatAt(doc, here + 3).background().color(), InstanceView::classTint(findingType));
    QVERIFY(formatAt(doc, here - 1).background().style() == Qt::NoBrush);
    QVERIFY(formatAt(doc, here + 4).background().style() == Qt::NoBrush);
    QVERIFY(InstanceView::classTint(findingType) != InstanceView::classTint("relation") ||
            findingType == "relation");

    // Coverage gap: dotted grey underline.
    QCOMPARE(formatAt(doc, koplik).underlineStyle(), QTextCharFormat::DotLine);
    QCOMPARE(formatAt(doc, koplik).underlineColor(), InstanceView::gapUnderline());
    QCOMPARE(formatAt(doc, koplik + 6).underlineStyle(), QTextCharFormat::NoUnderline);

    // The prefix (multi-byte text) itself carries no marks.
    for (int i = start; i < start + prefix.size(); ++i)
        QVERIFY(formatAt(doc, i).background().style() == Qt::NoBrush);
}

void TestInstanceView::htmlStaysLiteral() {
    Case c = makeCase("<script>alert(1)</script> <b>&amp;</b> end");
    c.question = "Is <b>&amp;</b> bold? <img src=x>";
    c.options = {{"A", "<i>opt</i>"}, {"B", "&lt;"}};
    c.gold = "A";
    const json a = {
        {"mentions",
         {{{"span", byteSpan(c.output, "<b>&amp;</b>")}, {"node", "<b>node</b>"}, {"score", 1.0}}}},
        {"findings",
         {{{"type", "relation"},
           {"subtype", "<u>x</u>"},
           {"severity", "minor"},
           {"span", json::array({0, 5})},
           {"explanation", "<h1>big</h1>"}}}}};
    InstanceView v;
    v.showCase(c, a);
    const QString text = plain(v);
    QVERIFY2(text.contains("Is <b>&amp;</b> bold? <img src=x>"), qPrintable(text));
    QVERIFY(text.contains("A) <i>opt</i>"));
    QVERIFY(text.contains("B) &lt;"));
    QVERIFY(text.contains("<script>alert(1)</script> <b>&amp;</b> end"));
    const QTextDocument* doc = v.textView()->document();
    const int bold = text.indexOf("&amp;");
    QVERIFY(!formatAt(doc, bold).font().bold());
    // No images or anchors were created from the text.
    QCOMPARE(doc->toHtml().contains("<img"), false);
    // Tooltips are escaped rich text.
    const int m = text.indexOf("<b>&amp;</b> end");
    const QString tip = formatAt(doc, m).toolTip();
    QVERIFY2(tip.contains("&lt;b&gt;node&lt;/b&gt;"), qPrintable(tip));
    QVERIFY(!tip.contains("<b>node"));
    QCOMPARE(v.findingList()->item(0)->data(InstanceView::BodyRole).toString(),
             QString("<h1>big</h1>"));
    QVERIFY(v.findingList()->item(0)->toolTip().contains("&lt;h1&gt;big"));
}

void TestInstanceView::badSpansIgnored_data() {
    QTest::addColumn<QByteArray>("span");
    QTest::newRow("inverted") << QByteArray("[8, 3]");
    QTest::newRow("beyond end") << QByteArray("[3, 1000]");
    QTest::newRow("both beyond") << QByteArray("[900, 1000]");
    QTest::newRow("negative") << QByteArray("[-2, 3]");
    QTest::newRow("huge") << QByteArray("[0, 18446744073709551615]");
    QTest::newRow("floats") << QByteArray("[1.5, 3]");
    QTest::newRow("strings") << QByteArray("[\"1\", \"3\"]");
    QTest::newRow("one number") << QByteArray("[3]");
    QTest::newRow("three numbers") << QByteArray("[1, 2, 3]");
    QTest::newRow("object") << QByteArray("{\"b\": 1}");
    QTest::newRow("null") << QByteArray("null");
    QTest::newRow("empty") << QByteArray("[4, 4]");
}

void TestInstanceView::badSpansIgnored() {
    QFETCH(QByteArray, span);
    const json s = json::parse(span.toStdString());
    const std::string output = "Plain output ü text";
    json a = {{"mentions", {{{"span", s}, {"node", "N"}}}},
              {"claims", {{{"span", s}, {"head", "h"}}}},
              {"findings", {{{"type", "relation"}, {"span", s}, {"severity", "major"}}}},
              {"coverage_gaps", {{{"text", "g"}, {"where", "output"}, {"span", s}}}}};
    InstanceView v;
    QSignalSpy spy(&v, &InstanceView::findingSelected);
    v.showCase(makeCase(output), a);
    const QTextDocument* doc = v.textView()->document();
    const QString text = plain(v);
    const int start = text.indexOf(QString::fromStdString(output));
    QVERIFY(start >= 0);
    for (int i = start; i < text.size(); ++i) {
        const QTextCharFormat f = formatAt(doc, i);
        QVERIFY(f.background().style() == Qt::NoBrush);
        QCOMPARE(f.underlineStyle(), QTextCharFormat::NoUnderline);
        QVERIFY(f.toolTip().isEmpty());
    }
    // The finding is still listed; selecting it highlights nothing.
    QCOMPARE(v.findingList()->count(), 1);
    v.selectFinding(0);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(v.highlightedText(), QString());
}

void TestInstanceView::selectingFinding() {
    const std::string output = "Ärzte 😷 say: chest pain means infarction. Fever was ignored.";
    json findings = json::array();
    findings.push_back({{"type", "branch"},
                        {"subtype", "plausible_branch"},
                        {"severity", "critical"},
                        {"span", byteSpan(output, "infarction")},
                        {"explanation", "Took a neighbour."}});
    findings.push_back("not an object");
    findings.push_back({{"type", "missing"},
                        {"subtype", "ignored_evidence"},
                        {"severity", "major"},
                        {"span", json::array({0, 0})},
                        {"explanation", "Never mentions it."}});
    findings.push_back({{"type", "relation"},
                        {"subtype", "unsupported"},
                        {"severity", "minor"},
                        {"span", byteSpan(output, "chest pain means")},
                        {"explanation", "No such edge."}});
    json gaps = json::array();
    gaps.push_back({{"text", "Ärzte"},
                    {"where", "claim"},
                    {"span", byteSpan(output, "Ärzte")},
                    {"reason", "no concept"}});
    const json a = {{"findings", findings}, {"coverage_gaps", gaps}};
    InstanceView v;
    v.resize(900, 500);
    QSignalSpy spy(&v, &InstanceView::findingSelected);
    v.showCase(makeCase(output), a);
    QCOMPARE(spy.count(), 0);
    QCOMPARE(v.findingList()->count(), 3); // the malformed entry is skipped

    v.selectFinding(3);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.takeFirst().at(0).toInt(), 3);
    QCOMPARE(v.selectedFinding(), 3);
    QCOMPARE(v.highlightedText(), QString("chest pain means"));
    const auto sels = v.textView()->extraSelections();
    QCOMPARE(sels.size(), 1);
    QCOMPARE(sels.front().format.background().color(), InstanceView::strongColor("relation"));
    QCOMPARE(v.findingList()->currentItem()->data(InstanceView::IndexRole).toInt(), 3);

    // Clicking in the list behaves the same.
    v.findingList()->setCurrentRow(0);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.takeFirst().at(0).toInt(), 0);
    QCOMPARE(v.highlightedText(), QString("infarction"));
    QCOMPARE(v.textView()->textCursor().position(),
             plain(v).indexOf("infarction", plain(v).indexOf("Ärzte 😷")));

    // Same selection again: no second signal.
    v.selectFinding(0);
    QCOMPARE(spy.count(), 0);

    // A finding without a span is selected but highlights nothing.
    v.selectFinding(2);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.takeFirst().at(0).toInt(), 2);
    QCOMPARE(v.highlightedText(), QString());

    // The malformed index and out-of-range indexes clear the selection.
    v.selectFinding(1);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.takeFirst().at(0).toInt(), -1);
    QCOMPARE(v.selectedFinding(), -1);
    v.selectFinding(42);
    QCOMPARE(spy.count(), 0);

    // Picking a coverage gap highlights it and deselects the finding.
    v.selectFinding(0);
    QCOMPARE(spy.count(), 1);
    spy.clear();
    v.gapList()->setCurrentRow(0);
    QCOMPARE(v.highlightedText(), QString("Ärzte"));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.takeFirst().at(0).toInt(), -1);

    // A new case drops the selection without a signal; clear() signals it.
    v.selectFinding(0);
    spy.clear();
    v.showCase(makeCase(output), a);
    QCOMPARE(spy.count(), 0);
    QCOMPARE(v.selectedFinding(), -1);
    QCOMPARE(v.highlightedText(), QString());
    v.selectFinding(3);
    spy.clear();
    v.clear();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.takeFirst().at(0).toInt(), -1);
}

void TestInstanceView::gapInQuestion() {
    Case c = makeCase("out");
    c.question = "Fièvre and a Koplik spot?";
    const json a = {{"coverage_gaps",
                     {{{"text", "Koplik spot"},
                       {"where", "question"},
                       {"span", byteSpan(c.question, "Koplik spot")}},
                      {{"text", "x"}, {"where", "option A"}, {"span", json::array({0, 0})}}}}};
    InstanceView v;
    v.showCase(c, a);
    const QString text = plain(v);
    const int k = text.indexOf("Koplik spot");
    QCOMPARE(formatAt(v.textView()->document(), k).underlineStyle(), QTextCharFormat::DotLine);
    QCOMPARE(formatAt(v.textView()->document(), k - 1).underlineStyle(),
             QTextCharFormat::NoUnderline);
    QCOMPARE(v.gapList()->count(), 2);
    v.gapList()->setCurrentRow(0);
    QCOMPARE(v.highlightedText(), QString("Koplik spot"));
}

QTEST_MAIN(TestInstanceView)
#include "tst_instanceview.moc"
