// Where two reasoning paths to one question part (core/PathDivergence), on hand-made paths.
#include "PathDivergence.h"

#include <QtTest>

using namespace rs;

class TestPathDivergence : public QObject {
    Q_OBJECT
private slots:
    void between_data();
    void between();
    void referencePaths();
};

namespace {

// "A B - C": concepts by name, "-" a node the KG did not have.
CaseResult withPath(const QString& path) {
    CaseResult r;
    for (const QString& name : path.split(' ', Qt::SkipEmptyParts)) {
        CaseResult::PathNode node;
        if (name != "-")
            node.kgConcept = CaseResult::Concept{name.toStdString(), "Disease", {}};
        r.reasoningPath.push_back(node);
    }
    return r;
}

QString joined(const std::vector<std::string>& names) {
    QStringList out;
    for (const std::string& n : names)
        out << QString::fromStdString(n);
    return out.join(' ');
}

} // namespace

void TestPathDivergence::between_data() {
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("head");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("partingAt");
    QTest::addColumn<QString>("baseNext");
    QTest::addColumn<QString>("headNext");
    QTest::addColumn<QString>("baseOnly");
    QTest::addColumn<QString>("headOnly");
    QTest::addColumn<bool>("identical");

    QTest::newRow("identical") << "A B C"
                               << "A B C"
                               << "A B C"
                               << ""
                               << ""
                               << ""
                               << ""
                               << "" << true;
    QTest::newRow("part after B") << "A B C"
                                  << "A B D E"
                                  << "A B"
                                  << "B"
                                  << "C"
                                  << "D"
                                  << "C"
                                  << "D E" << false;
    QTest::newRow("differ from the start") << "X B"
                                           << "Y B"
                                           << ""
                                           << ""
                                           << "X"
                                           << "Y"
                                           << "X"
                                           << "Y" << false;
    QTest::newRow("head goes on") << "A B"
                                  << "A B C"
                                  << "A B"
                                  << "B"
                                  << ""
                                  << "C"
                                  << ""
                                  << "C" << false;
    QTest::newRow("unlinked nodes and repeats skipped") << "A - A B"
                                                        << "A B B - C"
                                                        << "A B"
                                                        << "B"
                                                        << ""
                                                        << "C"
                                                        << ""
                                                        << "C" << false;
    QTest::newRow("same concepts, other order") << "A B C"
                                                << "A C B"
                                                << "A"
                                                << "A"
                                                << "B"
                                                << "C"
                                                << ""
                                                << "" << false;
    QTest::newRow("both empty") << ""
                                << "- -"
                                << ""
                                << ""
                                << ""
                                << ""
                                << ""
                                << "" << true;
}

void TestPathDivergence::between() {
    QFETCH(QString, base);
    QFETCH(QString, head);
    const PathDivergence d = PathDivergence::between(withPath(base), withPath(head));
    QTEST(joined(d.sharedPrefix), "prefix");
    QTEST(QString::fromStdString(d.partingAt), "partingAt");
    QTEST(QString::fromStdString(d.baseNext), "baseNext");
    QTEST(QString::fromStdString(d.headNext), "headNext");
    QTEST(joined(d.baseOnly), "baseOnly");
    QTEST(joined(d.headOnly), "headOnly");
    QTEST(d.identical, "identical");
}

void TestPathDivergence::referencePaths() {
    CaseResult base = withPath("A B"), head = withPath("A C");
    CaseResult::ReferencePath ref;
    ref.nodes = {"A", "B"};
    ref.kinds = {"Symptom", "Disease"};
    ref.relations = {"presents_with"};
    ref.forward = {false};
    base.referencePaths = {ref};
    head.referencePaths = {ref};
    PathDivergence d = PathDivergence::between(base, head);
    QVERIFY(d.sameReferencePaths);
    QCOMPARE(d.referencePaths, std::size_t(1));

    CaseResult::ReferencePath other = ref;
    other.nodes = {"A", "C"};
    base.referencePaths = {ref, other};
    head.referencePaths = {other, ref}; // ranked otherwise: the same paths
    QVERIFY(PathDivergence::between(base, head).sameReferencePaths);

    head.referencePaths.push_back(ref);
    d = PathDivergence::between(base, head);
    QVERIFY(!d.sameReferencePaths);
    QCOMPARE(d.referencePaths, std::size_t(3));
}

QTEST_APPLESS_MAIN(TestPathDivergence)
#include "tst_pathdivergence.moc"
