// CaseTableModel over a real project file: Qt's model checks, the rows against the store,
// sorting, query changes, pages beyond the cache, finding a case's row and interrupted runs.
#include "CaseTableModel.h"
#include "ProjectStore.h"
#include "RunColors.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace rs;
using nlohmann::json;

namespace {

constexpr int kCases = 3000; // several pages beyond the model's cache of 8 x 256 rows

class TestCaseTableModel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void passesModelTester();
    void rowsMatchStore_data();
    void rowsMatchStore();
    void sortMapsColumns_data();
    void sortMapsColumns();
    void setQueryResets();
    void pagingBeyondCache();
    void rowOfCase();
    void refreshSeesOtherWriters();
    void displayAndRoles();
    void interruptedRunMarked();
    void withoutStore();

private:
    QTemporaryDir dir_;
    std::string path_;
    std::unique_ptr<ProjectStore> writer_;
    std::unique_ptr<ProjectStore> reader_;
    std::vector<std::int64_t> runs_;
};

void TestCaseTableModel::initTestCase() {
    QVERIFY(dir_.isValid());
    path_ = dir_.filePath("m.rsproj").toStdString();
    std::string error;
    writer_ = ProjectStore::open(path_, &error);
    QVERIFY2(writer_, error.c_str());
    runs_ = {writer_->ensureRun("b-run", "m", "f", "1"),
             writer_->ensureRun("a-run", "m", "f", "2")};
    ProjectStore::Transaction t(*writer_);
    for (int i = 0; i < kCases; ++i) {
        Case c;
        c.key = "case-" + std::to_string(i);
        c.question =
            "Question " + std::to_string(i) + (i % 10 == 0 ? " about fever\nnext line" : "");
        c.output = "Output";
        if (i % 9 != 0)
            c.correct = i % 3 == 0;
        const auto id = writer_->addCase(c, runs_[std::size_t(i % 2)]);
        json findings = json::array();
        for (int k = 0; k < i % 4; ++k)
            findings.push_back({{"type", k % 2 ? "branch" : "relation"},
                                {"subtype", "s"},
                                {"severity", k ? "major" : "minor"},
                                {"signature", "x"}});
        if (i % 5 != 4)
            writer_->saveAnalysis(id, {{"id", c.key}, {"findings", findings}});
    }
    t.commit();
    reader_ = ProjectStore::openReadOnly(path_, &error);
    QVERIFY2(reader_, error.c_str());
}

void TestCaseTableModel::passesModelTester() {
    CaseTableModel model(reader_.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    CaseQuery q;
    q.findingTypes = {"branch"};
    model.setQuery(q);
    model.sort(CaseTableModel::SeverityColumn, Qt::DescendingOrder);
    model.refresh();
    q = {};
    q.search = "fever";
    model.setQuery(q);
    QCOMPARE(model.rowCount(), kCases / 10);
}

void TestCaseTableModel::rowsMatchStore_data() {
    QTest::addColumn<int>("filter");
    QTest::newRow("all") << 0;
    QTest::newRow("run") << 1;
    QTest::newRow("incorrect") << 2;
    QTest::newRow("search") << 3;
}

CaseQuery filterNumber(int filter, const std::vector<std::int64_t>& runs) {
    CaseQuery q;
    if (filter == 1)
        q.runId = runs[1];
    if (filter == 2)
        q.correctness = StoreCorrectness::Incorrect;
    if (filter == 3)
        q.search = "fever";
    return q;
}

void TestCaseTableModel::rowsMatchStore() {
    QFETCH(int, filter);
    const CaseQuery q = filterNumber(filter, runs_);
    CaseTableModel model(reader_.get());
    model.setQuery(q);
    const auto rows = reader_->caseRows(q, 0, 0);
    QCOMPARE(model.rowCount(), int(rows.size()));
    QCOMPARE(model.columnCount(), int(CaseTableModel::ColumnCount));
    for (int r = 0; r < model.rowCount(); r += 37) {
        const CaseRow& e = rows[std::size_t(r)];
        QCOMPARE(model.caseId(r), e.id);
        QCOMPARE(model.index(r, 0).data(Qt::UserRole).toLongLong(), e.id);
        QCOMPARE(model.index(r, CaseTableModel::IdColumn).data().toString(),
                 QString::fromStdString(e.key));
        QCOMPARE(model.index(r, CaseTableModel::RunColumn).data().toString(),
                 QString::fromStdString(e.run));
        QCOMPARE(model.index(r, CaseTableModel::RelationColumn).data().toLongLong(), e.nRelation);
        QCOMPARE(model.index(r, CaseTableModel::BranchColumn).data().toLongLong(), e.nBranch);
        QCOMPARE(model.index(r, CaseTableModel::ReviewColumn).data().toString(),
                 QStringLiteral("unreviewed"));
        QCOMPARE(model.index(r, CaseTableModel::QuestionColumn).data().toString(),
                 QString::fromStdString(e.questionPreview).simplified());
    }
}

void TestCaseTableModel::sortMapsColumns_data() {
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("sort");
    QTest::newRow("id") << int(CaseTableModel::IdColumn) << int(CaseQuery::Sort::Id);
    QTest::newRow("run") << int(CaseTableModel::RunColumn) << int(CaseQuery::Sort::Run);
    QTest::newRow("correct") << int(CaseTableModel::CorrectColumn) << int(CaseQuery::Sort::Correct);
    QTest::newRow("relation") << int(CaseTableModel::RelationColumn)
                              << int(CaseQuery::Sort::Relation);
    QTest::newRow("branch") << int(CaseTableModel::BranchColumn) << int(CaseQuery::Sort::Branch);
    QTest::newRow("missing") << int(CaseTableModel::MissingColumn) << int(CaseQuery::Sort::Missing);
    QTest::newRow("grounding") << int(CaseTableModel::GroundingColumn)
                               << int(CaseQuery::Sort::Grounding);
    QTest::newRow("severity") << int(CaseTableModel::SeverityColumn)
                              << int(CaseQuery::Sort::Severity);
    QTest::newRow("review") << int(CaseTableModel::ReviewColumn)
                            << int(CaseQuery::Sort::ReviewState);
    QTest::newRow("question") << int(CaseTableModel::QuestionColumn) << int(CaseQuery::Sort::Key);
}

void TestCaseTableModel::sortMapsColumns() {
    QFETCH(int, column);
    QFETCH(int, sort);
    CaseTableModel model(reader_.get());
    for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
        QSignalSpy changed(&model, &CaseTableModel::queryChanged);
        model.sort(column, order);
        QCOMPARE(int(model.query().sort), sort);
        QCOMPARE(model.query().descending, order == Qt::DescendingOrder);
        QVERIFY(changed.count() <= 1);
        const auto rows = reader_->caseRows(model.query(), 0, 300);
        for (int r = 0; r < 300; r += 29)
            QCOMPARE(model.caseId(r), rows[std::size_t(r)].id);
    }
}

void TestCaseTableModel::setQueryResets() {
    CaseTableModel model(reader_.get());
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &CaseTableModel::queryChanged);
    QCOMPARE(model.rowCount(), kCases);
    CaseQuery q;
    q.runId = runs_[0];
    model.setQuery(q);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.rowCount(), kCases / 2);
    model.setQuery(q); // the same query again changes nothing
    QCOMPARE(reset.count(), 1);
    QCOMPARE(changed.count(), 1);
    q.runId = -1;
    model.setQuery(q);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.caseId(0), qint64(-1));
}

void TestCaseTableModel::pagingBeyondCache() {
    CaseTableModel model(reader_.get());
    model.sort(CaseTableModel::RelationColumn, Qt::DescendingOrder);
    const auto all = reader_->caseRows(model.query(), 0, 0);
    QCOMPARE(model.rowCount(), int(all.size()));
    // Forwards through every page, then backwards: more pages than the cache holds, so early
    // pages are fetched again and must come back the same.
    for (int r = 0; r < model.rowCount(); r += 97)
        QCOMPARE(model.caseId(r), all[std::size_t(r)].id);
    for (int r = model.rowCount() - 1; r >= 0; r -= 89)
        QCOMPARE(model.caseId(r), all[std::size_t(r)].id);
    QCOMPARE(model.caseId(model.rowCount()), qint64(-1));
    QCOMPARE(model.caseId(-1), qint64(-1));
}

void TestCaseTableModel::rowOfCase() {
    CaseTableModel model(reader_.get());
    model.sort(CaseTableModel::SeverityColumn, Qt::AscendingOrder);
    const auto all = reader_->caseRows(model.query(), 0, 0);
    for (int r : {0, 5, 255, 256, 1000, 2999}) {
        QCOMPARE(model.rowOfCase(all[std::size_t(r)].id), r); // from the store
        QCOMPARE(model.caseId(r), all[std::size_t(r)].id);
        QCOMPARE(model.rowOfCase(all[std::size_t(r)].id), r); // from the cache
    }
    CaseQuery q = model.query();
    q.runId = runs_[0];
    model.setQuery(q);
    const auto inRun = reader_->caseRows(q, 0, 0);
    const auto other =
        std::find_if(all.begin(), all.end(), [&](const CaseRow& r) { return r.runId != runs_[0]; });
    QCOMPARE(model.rowOfCase(other->id), -1);
    QCOMPARE(model.rowOfCase(inRun.back().id), int(inRun.size()) - 1);
    QCOMPARE(model.rowOfCase(123456789), -1);
}

void TestCaseTableModel::refreshSeesOtherWriters() {
    CaseTableModel model(reader_.get());
    CaseQuery q;
    q.reviewState = "confirmed";
    model.setQuery(q);
    QCOMPARE(model.rowCount(), 0);
    const auto id = reader_->caseRows({}, 10, 1).at(0).id;
    writer_->addReview({0, id, std::nullopt, "r", "expert", "confirmed", "", "", "", -1, ""});
    QSignalSpy changed(&model, &CaseTableModel::queryChanged);
    model.refresh();
    QCOMPARE(changed.count(), 0); // same query, new data
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.caseId(0), id);
    QCOMPARE(model.index(0, CaseTableModel::ReviewColumn).data().toString(),
             QStringLiteral("confirmed"));
}

void TestCaseTableModel::displayAndRoles() {
    CaseTableModel model(reader_.get());
    // Case 0: unscored (i % 9 == 0), no findings; case 1: incorrect; case 3: correct.
    auto cell = [&](int row, int column, int role = Qt::DisplayRole) {
        return model.index(row, column).data(role);
    };
    QCOMPARE(cell(0, CaseTableModel::CorrectColumn).toString(), QStringLiteral("–"));
    QCOMPARE(cell(1, CaseTableModel::CorrectColumn).toString(), QStringLiteral("✗"));
    QCOMPARE(cell(3, CaseTableModel::CorrectColumn).toString(), QStringLiteral("✓"));
    QCOMPARE(cell(0, CaseTableModel::SeverityColumn).toString(), QStringLiteral("none"));
    QCOMPARE(cell(2, CaseTableModel::SeverityColumn).toString(), QStringLiteral("major"));
    QCOMPARE(cell(4, CaseTableModel::SeverityColumn).toString(), QString()); // not analysed
    QCOMPARE(cell(0, CaseTableModel::QuestionColumn).toString(),
             QStringLiteral("Question 0 about fever next line"));
    QVERIFY(cell(0, CaseTableModel::QuestionColumn, Qt::ToolTipRole).toString().contains('\n'));
    QVERIFY(!cell(0, CaseTableModel::IdColumn, Qt::ToolTipRole).toString().isEmpty());
    QCOMPARE(cell(0, CaseTableModel::RelationColumn, Qt::TextAlignmentRole).toInt(),
             int(Qt::AlignRight | Qt::AlignVCenter));
    QCOMPARE(model.headerData(CaseTableModel::QuestionColumn, Qt::Horizontal).toString(),
             QStringLiteral("Question"));
    QVERIFY(!cell(0, CaseTableModel::IdColumn, Qt::EditRole).isValid());
}

// A run cut short (an analysis killed part-way) reads "label (interrupted)" in amber, with
// the reason in its tooltip, as the run filter marks it; whole runs keep their plain label.
void TestCaseTableModel::interruptedRunMarked() {
    CaseTableModel model(reader_.get());
    // Rows by id: case-0 is in b-run, case-1 in a-run.
    auto cell = [&](int row, int role) {
        return model.index(row, CaseTableModel::RunColumn).data(role);
    };
    QCOMPARE(cell(1, Qt::DisplayRole).toString(), QStringLiteral("a-run"));
    QVERIFY(!cell(1, Qt::ForegroundRole).isValid());
    QVERIFY(!cell(1, Qt::ToolTipRole).isValid());

    writer_->setRunComplete(runs_[1], false);
    model.refresh();
    QCOMPARE(cell(1, Qt::DisplayRole).toString(), QStringLiteral("a-run (interrupted)"));
    QCOMPARE(cell(1, Qt::ForegroundRole).value<QColor>(), interruptedRunColor());
    QCOMPARE(cell(1, Qt::DecorationRole).value<QColor>(), interruptedRunColor());
    QVERIFY(cell(1, Qt::ToolTipRole).toString().startsWith(QStringLiteral("Interrupted")));
    QCOMPARE(cell(0, Qt::DisplayRole).toString(), QStringLiteral("b-run"));
    QVERIFY(!cell(0, Qt::ForegroundRole).isValid());
    QVERIFY(!cell(0, Qt::DecorationRole).isValid());
    // Deep in the table too (a page beyond the first).
    QCOMPARE(cell(kCases - 1, Qt::DisplayRole).toString(), QStringLiteral("a-run (interrupted)"));

    writer_->setRunComplete(runs_[1], true); // the run completed by a second import
    model.refresh();
    QCOMPARE(cell(1, Qt::DisplayRole).toString(), QStringLiteral("a-run"));
    QVERIFY(!cell(1, Qt::ForegroundRole).isValid());
}

void TestCaseTableModel::withoutStore() {
    CaseTableModel model(nullptr);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.rowOfCase(1), -1);
    model.sort(CaseTableModel::RunColumn);
    QCOMPARE(model.rowCount(), 0);
}

} // namespace

QTEST_GUILESS_MAIN(TestCaseTableModel)
#include "tst_casetablemodel.moc"
