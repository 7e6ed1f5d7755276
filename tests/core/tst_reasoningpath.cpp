#include "ReasoningPath.h"

#include <QtTest>

using namespace rs;

class TestReasoningPath : public QObject {
    Q_OBJECT
private slots:
    void align_data();
    void align();
    void bestReference_data();
    void bestReference();
    void build();
};

namespace {

std::vector<NodeId> nodes(const QString& s) {
    std::vector<NodeId> v;
    for (const QString& part : s.split(' ', Qt::SkipEmptyParts))
        v.push_back(NodeId(part.toUInt()));
    return v;
}

} // namespace

void TestReasoningPath::align_data() {
    QTest::addColumn<QString>("reasoning");
    QTest::addColumn<QString>("reference");
    QTest::addColumn<QString>("pairs"); // "i:j i:j"
    QTest::newRow("identical") << "1 2 3"
                               << "1 2 3"
                               << "0:0 1:1 2:2";
    QTest::newRow("interleaved") << "1 9 2 8 3"
                                 << "1 2 3"
                                 << "0:0 2:1 4:2";
    QTest::newRow("order matters") << "3 2 1"
                                   << "1 2 3"
                                   << "2:0"; // one LCS of length 1
    QTest::newRow("nothing shared") << "4 5"
                                    << "1 2 3"
                                    << "";
    QTest::newRow("empty reasoning") << ""
                                     << "1 2"
                                     << "";
    QTest::newRow("repeated reference node") << "1 1 2"
                                             << "1 2"
                                             << "0:0 2:1";
}

void TestReasoningPath::align() {
    QFETCH(QString, reasoning);
    QFETCH(QString, reference);
    QFETCH(QString, pairs);
    const PathAlignment a = alignPaths(nodes(reasoning), nodes(reference));
    QStringList got;
    for (const auto& [i, j] : a.pairs)
        got << QStringLiteral("%1:%2").arg(i).arg(j);
    QCOMPARE(got.join(' '), pairs);
    QCOMPARE(a.length(), std::size_t(pairs.isEmpty() ? 0 : pairs.count(':')));
}

void TestReasoningPath::bestReference_data() {
    QTest::addColumn<QString>("reasoning");
    QTest::addColumn<QStringList>("references");
    QTest::addColumn<int>("expected");
    QTest::newRow("longest alignment") << "1 2 3 4" << QStringList{"1 7 4", "1 2 3 4", "2 4"} << 1;
    QTest::newRow("tie goes to the cheaper (earlier)")
        << "1 2 3" << QStringList{"1 9 3", "1 8 3"} << 0;
    QTest::newRow("nothing shared: cheapest") << "5 6" << QStringList{"1 2", "3 4"} << 0;
    QTest::newRow("no references") << "1 2" << QStringList{} << -1;
}

void TestReasoningPath::bestReference() {
    QFETCH(QString, reasoning);
    QFETCH(QStringList, references);
    QFETCH(int, expected);
    std::vector<ReferencePath> refs;
    for (const QString& r : references) {
        refs.emplace_back();
        refs.back().nodes = nodes(r);
    }
    QCOMPARE(rs::bestReference(nodes(reasoning), refs), expected);
}

void TestReasoningPath::build() {
    // Steps: [0,10) [10,20) [20,30). Node 7 is the conclusion, mentioned in steps 0 and 2.
    const std::vector<Step> steps = {
        {0, 10, "sentence"}, {10, 20, "sentence"}, {20, 30, "sentence"}};
    const std::vector<Mention> mentions = {{0, 2, 7, 1, "c"},         {3, 5, 1, 1, "a"},
                                           {11, 12, 2, 1, "b"},       {13, 14, 1, 1, "a"},
                                           {21, 22, kNoNode, 1, "?"}, {25, 27, 7, 1, "c"}};
    const ReasoningPath p = buildReasoningPath(mentions, steps, 7);
    QCOMPARE(p.nodes, (std::vector<NodeId>{1, 2, 7}));
    QCOMPARE(p.steps, (std::vector<int>{0, 1, 2}));

    const ReasoningPath unmentioned = buildReasoningPath(mentions, steps, 9);
    QCOMPARE(unmentioned.nodes, (std::vector<NodeId>{7, 1, 2, 9}));
    QCOMPARE(unmentioned.steps, (std::vector<int>{0, 0, 1, -1}));

    const ReasoningPath none = buildReasoningPath(mentions, steps, kNoNode);
    QCOMPARE(none.nodes, (std::vector<NodeId>{7, 1, 2}));
}

QTEST_APPLESS_MAIN(TestReasoningPath)
#include "tst_reasoningpath.moc"
