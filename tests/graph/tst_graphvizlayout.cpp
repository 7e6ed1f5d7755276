#include "GraphvizLayout.h"

#include <QtTest>

#include <atomic>
#include <cmath>
#include <thread>

using namespace rs;

class TestGraphvizLayout : public QObject {
    Q_OBJECT
private slots:
    void dotChainRunsLeftToRight_data();
    void dotChainRunsLeftToRight();
    void rankdirTopToBottom();
    void sizesAndSameRankAreHonoured();
    void edgesHaveSplinesArrowsAndLabels();
    void parallelEdgesStayApart();
    void forceEnginesGiveDistinctPositions_data();
    void forceEnginesGiveDistinctPositions();
    void hostileLabelsAreLiteral_data();
    void hostileLabelsAreLiteral();
    void emptyGraph();
    void badInputIsAnError_data();
    void badInputIsAnError();
    void concurrentCallsAreSerialised();
};

static LayoutInput chain(int length, const std::string& engine = "dot") {
    LayoutInput input;
    input.engine = engine;
    for (int i = 0; i < length; ++i) {
        input.nodes.push_back({"c" + std::to_string(i), "node " + std::to_string(i), 80, 30});
        if (i > 0)
            input.edges.push_back({"c" + std::to_string(i - 1), "c" + std::to_string(i)});
    }
    return input;
}

static const NodePlacement& placement(const LayoutResult& r, const std::string& id) {
    for (const auto& n : r.nodes)
        if (n.id == id)
            return n;
    static const NodePlacement none;
    return none;
}

void TestGraphvizLayout::dotChainRunsLeftToRight_data() {
    QTest::addColumn<int>("length");
    QTest::newRow("two") << 2;
    QTest::newRow("five") << 5;
    QTest::newRow("twelve") << 12;
}

void TestGraphvizLayout::dotChainRunsLeftToRight() {
    QFETCH(int, length);
    const LayoutResult r = layoutGraph(chain(length));
    QVERIFY2(r.ok, r.error.c_str());
    QCOMPARE(r.nodes.size(), std::size_t(length));
    for (int i = 1; i < length; ++i) {
        const auto& a = r.nodes[i - 1];
        const auto& b = r.nodes[i];
        // Left to right, with the two boxes (80 pt wide) not overlapping.
        QVERIFY2(b.centre.x - a.centre.x >= 80.0,
                 qPrintable(QString("x %1 then %2").arg(a.centre.x).arg(b.centre.x)));
        QCOMPARE(b.centre.y, a.centre.y); // one straight row
    }
    // Coordinates are inside the reported bounding box.
    for (const auto& n : r.nodes) {
        QVERIFY(n.centre.x - n.width / 2 >= -0.5 && n.centre.x + n.width / 2 <= r.width + 0.5);
        QVERIFY(n.centre.y - n.height / 2 >= -0.5 && n.centre.y + n.height / 2 <= r.height + 0.5);
    }
}

void TestGraphvizLayout::rankdirTopToBottom() {
    LayoutInput input = chain(3);
    input.rankdir = "TB";
    const LayoutResult r = layoutGraph(input);
    QVERIFY2(r.ok, r.error.c_str());
    // y points down in the result, so the chain's head is at the top.
    QVERIFY(r.nodes[0].centre.y < r.nodes[1].centre.y);
    QVERIFY(r.nodes[1].centre.y < r.nodes[2].centre.y);
    QCOMPARE(r.nodes[0].centre.x, r.nodes[2].centre.x);
}

void TestGraphvizLayout::sizesAndSameRankAreHonoured() {
    LayoutInput input;
    input.nodes = {{"a", "a", 150, 40}, {"b", "b", 40, 90}, {"c", "c", 60, 30}, {"d", "d", 60, 30}};
    input.nodes[2].sameRank = "r";
    input.nodes[3].sameRank = "r";
    input.edges = {{"a", "b"}, {"a", "c"}, {"b", "d"}};
    const LayoutResult r = layoutGraph(input);
    QVERIFY2(r.ok, r.error.c_str());
    QCOMPARE(placement(r, "a").width, 150.0);
    QCOMPARE(placement(r, "b").height, 90.0);
    // c is one rank from a and d two, but the rank set puts them in one column.
    QCOMPARE(placement(r, "c").centre.x, placement(r, "d").centre.x);
    QVERIFY(placement(r, "c").centre.y != placement(r, "d").centre.y);
}

void TestGraphvizLayout::edgesHaveSplinesArrowsAndLabels() {
    LayoutInput input = chain(3);
    input.edges[0].label = "treats";
    const LayoutResult r = layoutGraph(input);
    QVERIFY2(r.ok, r.error.c_str());
    QCOMPARE(r.edges.size(), std::size_t(2));
    for (const auto& e : r.edges) {
        QVERIFY(e.spline.size() >= 4);
        QCOMPARE((e.spline.size() - 1) % 3, std::size_t(0));
        QVERIFY(e.endArrowTip.has_value()); // directed graph: arrowhead at the head
        QVERIFY(!e.startArrowTip.has_value());
    }
    const auto& from = r.nodes[0];
    const auto& to = r.nodes[1];
    const auto& first = r.edges[0];
    // The spline leaves the tail's right side and the arrow ends on the head's left side.
    QVERIFY(std::abs(first.spline.front().x - (from.centre.x + from.width / 2)) < 2.0);
    QVERIFY(std::abs(first.endArrowTip->x - (to.centre.x - to.width / 2)) < 2.0);
    QVERIFY(first.labelCentre.has_value());
    QVERIFY(first.labelCentre->x > from.centre.x && first.labelCentre->x < to.centre.x);
    QVERIFY(!r.edges[1].labelCentre.has_value());
}

void TestGraphvizLayout::parallelEdgesStayApart() {
    LayoutInput input = chain(2);
    input.edges.push_back({"c0", "c1", "second"});
    const LayoutResult r = layoutGraph(input);
    QVERIFY2(r.ok, r.error.c_str());
    QCOMPARE(r.edges.size(), std::size_t(2));
    QCOMPARE(r.edges[1].index, std::size_t(1));
    // Two distinct routes: the middle control points differ.
    QVERIFY(r.edges[0].spline[1].y != r.edges[1].spline[1].y ||
            r.edges[0].spline[2].y != r.edges[1].spline[2].y);
}

void TestGraphvizLayout::forceEnginesGiveDistinctPositions_data() {
    QTest::addColumn<QString>("engine");
    QTest::newRow("sfdp") << "sfdp";
    QTest::newRow("neato") << "neato";
}

void TestGraphvizLayout::forceEnginesGiveDistinctPositions() {
    QFETCH(QString, engine);
    LayoutInput input;
    input.engine = engine.toStdString();
    input.attributes["overlap"] = "prism";
    for (int i = 0; i < 12; ++i)
        input.nodes.push_back({"n" + std::to_string(i), "concept " + std::to_string(i), 60, 24, "",
                               "", "", "ellipse"});
    for (int i = 0; i < 12; ++i) // a ring with spokes to a hub
        input.edges.push_back({"n" + std::to_string(i), "n" + std::to_string((i + 1) % 12)});
    for (int i = 1; i < 12; i += 3)
        input.edges.push_back({"n0", "n" + std::to_string(i)});
    const LayoutResult r = layoutGraph(input);
    QVERIFY2(r.ok, r.error.c_str());
    QCOMPARE(r.nodes.size(), std::size_t(12));
    for (std::size_t i = 0; i < r.nodes.size(); ++i)
        for (std::size_t j = i + 1; j < r.nodes.size(); ++j) {
            const double d = std::hypot(r.nodes[i].centre.x - r.nodes[j].centre.x,
                                        r.nodes[i].centre.y - r.nodes[j].centre.y);
            QVERIFY2(d > 10.0, qPrintable(QString("nodes %1 and %2 at %3").arg(i).arg(j).arg(d)));
        }
    QVERIFY(r.width > 0 && r.height > 0);
}

void TestGraphvizLayout::hostileLabelsAreLiteral_data() {
    QTest::addColumn<QByteArray>("label");
    QTest::addColumn<QByteArray>("inSvg"); // how the label must appear in the SVG text
    QTest::newRow("quotes") << QByteArray("say \"hi\" to 'x'") << QByteArray("say &quot;hi&quot;");
    QTest::newRow("angle") << QByteArray("a < b > c") << QByteArray("a &lt; b &gt; c");
    QTest::newRow("html-like") << QByteArray("<b>bold</b>")
                               << QByteArray("&lt;b&gt;bold&lt;/b&gt;");
    QTest::newRow("ampersand") << QByteArray("salt & pepper") << QByteArray("salt &amp; pepper");
    QTest::newRow("entity text") << QByteArray("&lt; stays") << QByteArray("&amp;lt; stays");
    QTest::newRow("escape codes") << QByteArray("\\N and \\G") << QByteArray("\\N and \\G");
    QTest::newRow("dot syntax") << QByteArray("x\"]; evil [label=\"y")
                                << QByteArray("x&quot;]; evil [label=&quot;y");
    QTest::newRow("unicode") << QByteArray("Sjögren’s 综合征 → β")
                             << QByteArray("Sjögren’s 综合征 → β");
    QTest::newRow("invalid utf8") << QByteArray("bad \xff\xfe byte")
                                  << QByteArray("bad \xef\xbf\xbd\xef\xbf\xbd byte");
    QTest::newRow("truncated utf8") << QByteArray("cut \xe2\x86") << QByteArray("cut \xef\xbf\xbd");
}

void TestGraphvizLayout::hostileLabelsAreLiteral() {
    QFETCH(QByteArray, label);
    QFETCH(QByteArray, inSvg);
    LayoutInput input;
    input.nodes = {{"a", label.toStdString(), 200, 30}, {"b", "plain", 80, 30}};
    input.edges = {{"a", "b", label.toStdString()}};
    const LayoutResult r = layoutGraph(input);
    QVERIFY2(r.ok, r.error.c_str());
    QCOMPARE(r.nodes.size(), std::size_t(2));
    QVERIFY(r.edges[0].labelCentre.has_value());

    std::string error;
    const QByteArray svg = QByteArray::fromStdString(renderSvg(input, &error));
    QVERIFY2(error.empty(), error.c_str());
    QVERIFY(svg.contains("<svg"));
    QVERIFY2(svg.contains(inSvg), svg.constData());
    QCOMPARE(svg.count(inSvg), 2);            // node text and edge label
    QCOMPARE(svg.count("class=\"node\""), 2); // the label made no extra node
    QCOMPARE(svg.count("class=\"edge\""), 1);
    QVERIFY(QString::fromUtf8(svg).toUtf8() == svg); // the document itself is valid UTF-8
}

void TestGraphvizLayout::emptyGraph() {
    for (const char* engine : {"dot", "sfdp", "neato"}) {
        LayoutInput input;
        input.engine = engine;
        const LayoutResult r = layoutGraph(input);
        QVERIFY2(r.ok, r.error.c_str());
        QVERIFY(r.nodes.empty());
        QVERIFY(r.edges.empty());
        std::string error;
        QVERIFY(!renderSvg(input, &error).empty());
        QVERIFY(error.empty());
    }
}

void TestGraphvizLayout::badInputIsAnError_data() {
    QTest::addColumn<QString>("engine");
    QTest::addColumn<bool>("duplicateNode");
    QTest::addColumn<bool>("danglingEdge");
    QTest::addColumn<QString>("errorMentions");
    QTest::newRow("unknown engine") << "nonsense" << false << false << "nonsense";
    QTest::newRow("empty engine") << "" << false << false << "unknown layout engine";
    QTest::newRow("engine with injection") << "dot; rm -rf" << false << false << "dot; rm -rf";
    QTest::newRow("duplicate node") << "dot" << true << false << "duplicate node id";
    QTest::newRow("dangling edge") << "dot" << false << true << "unknown node \"ghost\"";
}

void TestGraphvizLayout::badInputIsAnError() {
    QFETCH(QString, engine);
    QFETCH(bool, duplicateNode);
    QFETCH(bool, danglingEdge);
    QFETCH(QString, errorMentions);
    LayoutInput input = chain(3, engine.toStdString());
    if (duplicateNode)
        input.nodes.push_back(input.nodes.front());
    if (danglingEdge)
        input.edges.push_back({"c0", "ghost"});
    const LayoutResult r = layoutGraph(input);
    QVERIFY(!r.ok);
    QVERIFY2(QString::fromStdString(r.error).contains(errorMentions), r.error.c_str());
    std::string error;
    QVERIFY(renderSvg(input, &error).empty());
    QCOMPARE(error, r.error);
    // The failure left nothing behind: the next call works.
    QVERIFY(layoutGraph(chain(2)).ok);
}

void TestGraphvizLayout::concurrentCallsAreSerialised() {
    std::atomic<int> good{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&good, t] {
            for (int i = 0; i < 5; ++i) {
                const LayoutResult r = layoutGraph(chain(4 + t, t % 2 ? "sfdp" : "dot"));
                const std::string svg = renderSvg(chain(3));
                if (r.ok && r.nodes.size() == std::size_t(4 + t) && !svg.empty())
                    ++good;
            }
        });
    for (auto& thread : threads)
        thread.join();
    QCOMPARE(good.load(), 20);
}

QTEST_APPLESS_MAIN(TestGraphvizLayout)
#include "tst_graphvizlayout.moc"
