// The compare-mode case table (views/ComparisonTableModel) over hand-made paired questions:
// what each "changed" filter keeps, the cells it shows, sorting, and row lookups.
#include "ComparisonTableModel.h"

#include <QtTest>

using namespace rs;
using Change = ComparisonTableModel::Change;

class TestComparisonTableModel : public QObject {
    Q_OBJECT
private slots:
    void filter_data();
    void filter();
    void cells();
    void sortKeepsFilter();
    void unsortedInputAndPreviews();
};

namespace {

// id, base correct, head correct (1/0/-1 unscored), base and head relation and branch counts.
ComparedQuestion question(const char* id, int base, int head, int baseRel = 0, int headRel = 0,
                          int baseBranch = 0, int headBranch = 0) {
    const auto correct = [](int v) {
        return v < 0 ? std::optional<bool>() : std::optional(v == 1);
    };
    ComparedQuestion q;
    q.questionId = id;
    q.base.caseId = 100 + int(id[1]);
    q.head.caseId = 200 + int(id[1]);
    q.base.correct = correct(base);
    q.head.correct = correct(head);
    q.base.findingsByType[0] = baseRel;
    q.head.findingsByType[0] = headRel;
    q.base.findingsByType[1] = baseBranch;
    q.head.findingsByType[1] = headBranch;
    q.head.reviewState = "confirmed";
    q.cell = correctnessCell(q.base.correct, q.head.correct);
    return q;
}

std::vector<ComparedQuestion> sample() {
    return {
        question("q1", 1, 1),             // unchanged, right
        question("q2", 1, 0),             // regression
        question("q3", 0, 1),             // fix
        question("q4", 0, 0, 0, 2),       // new relation findings
        question("q5", 1, 1, 2, 1, 0, 1), // fewer relation, a new branch: new findings
        question("q6", -1, 1),            // unscored base: neither regression nor fix
        question("q7", 1, 0, 0, 1),       // regression with a new finding
        question("q8", 0, 0, 3, 0),       // findings went away only
    };
}

QStringList shownIds(const ComparisonTableModel& m) {
    QStringList ids;
    for (int r = 0; r < m.rowCount(); ++r)
        ids << m.data(m.index(r, ComparisonTableModel::QuestionColumn)).toString();
    return ids;
}

} // namespace

void TestComparisonTableModel::filter_data() {
    QTest::addColumn<int>("change");
    QTest::addColumn<QString>("ids");
    QTest::newRow("all") << int(Change::All) << "q1 q2 q3 q4 q5 q6 q7 q8";
    QTest::newRow("changed") << int(Change::Changed) << "q2 q3 q4 q5 q7";
    QTest::newRow("regressions") << int(Change::Regressions) << "q2 q7";
    QTest::newRow("fixes") << int(Change::Fixes) << "q3";
    QTest::newRow("new findings") << int(Change::NewFindings) << "q4 q5 q7";
}

void TestComparisonTableModel::filter() {
    QFETCH(int, change);
    QFETCH(QString, ids);
    ComparisonTableModel m;
    m.setRows(sample(), {}, "base-run", "head-run");
    QSignalSpy resets(&m, &QAbstractItemModel::modelReset);
    m.setChange(Change(change));
    QCOMPARE(shownIds(m).join(' '), ids);
    QCOMPARE(m.countOf(Change(change)), std::int64_t(ids.split(' ').size()));
    QCOMPARE(resets.size(), change == int(Change::All) ? 0 : 1);
}

void TestComparisonTableModel::cells() {
    ComparisonTableModel m;
    m.setRows(sample(), {}, "base-run", "head-run");
    const int row = m.rowOfQuestion("q7");
    QCOMPARE(row, 6);
    const auto cell = [&](int column, int role = Qt::DisplayRole) {
        return m.data(m.index(row, column), role);
    };
    QCOMPARE(cell(ComparisonTableModel::BaseCorrectColumn).toString(), QString("✓"));
    QCOMPARE(cell(ComparisonTableModel::HeadCorrectColumn).toString(), QString("✗"));
    QCOMPARE(cell(ComparisonTableModel::ChangeColumn).toString(),
             QString("regression, new findings"));
    QCOMPARE(cell(ComparisonTableModel::FirstClassColumn).toString(), QString("0 → 1"));
    QCOMPARE(cell(ComparisonTableModel::FirstClassColumn + 1).toString(), QString()); // 0 → 0
    QCOMPARE(cell(ComparisonTableModel::BaseReviewColumn).toString(), QString("unreviewed"));
    QCOMPARE(cell(ComparisonTableModel::HeadReviewColumn).toString(), QString("confirmed"));
    QCOMPARE(cell(ComparisonTableModel::QuestionColumn, Qt::UserRole).toLongLong(), 200 + '7');
    QCOMPARE(cell(0, ComparisonTableModel::BaseCaseRole).toLongLong(), 100 + '7');
    QCOMPARE(m.rowOfHeadCase(200 + '7'), row);
    QCOMPARE(m.headerData(ComparisonTableModel::FirstClassColumn, Qt::Horizontal).toString(),
             QString("Relation"));
    QVERIFY(m.headerData(ComparisonTableModel::BaseCorrectColumn, Qt::Horizontal, Qt::ToolTipRole)
                .toString()
                .contains("base-run"));
    QVERIFY(m.question(m.rowCount()) == nullptr);
}

void TestComparisonTableModel::sortKeepsFilter() {
    ComparisonTableModel m;
    m.setRows(sample(), {}, "b", "h");
    m.setChange(Change::Changed);
    m.sort(ComparisonTableModel::ChangeColumn, Qt::AscendingOrder);
    // Regressions first, then new findings, then fixes; ties by question id.
    QCOMPARE(shownIds(m).join(' '), QString("q2 q7 q4 q5 q3"));
    m.sort(ComparisonTableModel::FirstClassColumn, Qt::DescendingOrder);
    QCOMPARE(shownIds(m).first(), QString("q4")); // relation 0 → 2, the largest rise
    m.setChange(Change::Fixes);
    QCOMPARE(shownIds(m), QStringList{"q3"});
    m.sort(ComparisonTableModel::QuestionColumn, Qt::DescendingOrder);
    m.setChange(Change::All);
    QCOMPARE(shownIds(m).first(), QString("q8"));
}

void TestComparisonTableModel::unsortedInputAndPreviews() {
    std::vector<ComparedQuestion> rows = {question("q3", 0, 1), question("q1", 1, 0)};
    ComparisonTableModel m;
    m.setRows(rows, {"A 3-year-old boy has a fever.", "A 70-year-old woman has chest pain."}, "b",
              "h");
    QCOMPARE(shownIds(m), (QStringList{"q1", "q3"}));
    // The previews travel with their questions.
    QVERIFY(m.data(m.index(0, ComparisonTableModel::TitleColumn), Qt::ToolTipRole)
                .toString()
                .contains("70-year-old"));
}

QTEST_APPLESS_MAIN(TestComparisonTableModel)
#include "tst_comparisontablemodel.moc"
