// The SQL a CaseQuery becomes (core/store/CaseListingSql): which fragment each filter adds,
// that values are bound and never spliced in, the review join only when needed, and the
// FTS5 fallback to plain words.
#include "store/CaseListingSql.h"
#include "store/ProjectFileCheck.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace rs;
using namespace rs::store;

Q_DECLARE_METATYPE(CaseQuery)

namespace {

QString paramsText(const std::vector<SqlValue>& params) {
    QStringList out;
    for (const SqlValue& v : params)
        out << (std::holds_alternative<std::int64_t>(v)
                    ? QString::number(std::get<std::int64_t>(v))
                    : QString::fromStdString(std::get<std::string>(v)));
    return out.join(" | ");
}

} // namespace

class TestCaseListingSql : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void filters_data();
    void filters();
    void unknownFindingTypeThrows();
    void plainWords_data();
    void plainWords();
    void order_data();
    void order();

private:
    QTemporaryDir dir_;
    std::unique_ptr<SqliteConnection> db_;
};

void TestCaseListingSql::initTestCase() {
    QVERIFY(dir_.isValid());
    std::string error;
    db_ = openProjectFile(dir_.filePath("sql.rsproj").toStdString(), false, &error);
    QVERIFY2(db_, error.c_str());
}

void TestCaseListingSql::filters_data() {
    QTest::addColumn<CaseQuery>("query");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("params");
    QTest::addColumn<bool>("reviewJoin");

    QTest::newRow("every case") << CaseQuery{} << "WHERE 1"
                                << "" << false;
    CaseQuery q;
    q.runId = 7;
    QTest::newRow("run") << q << "WHERE 1 AND c.run_id = ?"
                         << "7" << false;
    q = {};
    q.runIds = {2, 3};
    QTest::newRow("runs") << q << "WHERE 1 AND c.run_id IN (SELECT value FROM json_each(?))"
                          << "[2,3]" << false;
    q = {};
    q.questionId = "x' OR 1=1 --";
    QTest::newRow("question, bound") << q << "WHERE 1 AND c.question_id = ?"
                                     << "x' OR 1=1 --" << false;
    q = {};
    q.correctness = StoreCorrectness::Unscored;
    QTest::newRow("unscored") << q << "WHERE 1 AND c.correct IS NULL"
                              << "" << false;
    q = {};
    q.findingTypes = {"relation", "grounding"};
    QTest::newRow("types from the case row")
        << q << "WHERE 1 AND (c.n_relation > 0 OR c.n_grounding > 0)"
        << "" << false;
    q = {};
    q.findingSubtypes = {"jump"};
    QTest::newRow("subtype") << q
                             << "WHERE 1 AND +c.id IN (SELECT case_id FROM findings WHERE subtype "
                                "IN (SELECT value FROM json_each(?)))"
                             << "[\"jump\"]" << false;
    q = {};
    q.reviewState = "unreviewed";
    QTest::newRow("unreviewed") << q << "WHERE 1 AND v.case_id IS NULL"
                                << "" << true;
    q = {};
    q.reviewState = "rejected";
    QTest::newRow("rejected") << q << "WHERE 1 AND v.verdict = ?"
                              << "rejected" << true;
    q = {};
    q.sort = CaseQuery::Sort::ReviewState;
    QTest::newRow("review sort joins") << q << "WHERE 1"
                                       << "" << true;
    q = {};
    q.caseIds = {4, 9};
    QTest::newRow("few ids looked up")
        << q << "WHERE 1 AND c.id IN (SELECT value FROM json_each(?))"
        << "[4,9]" << false;
    q = {};
    q.search = " ?! ";
    QTest::newRow("punctuation finds nothing") << q << "WHERE 1 AND 0"
                                               << "" << false;
    q = {};
    q.search = "fever";
    QTest::newRow("search in the FTS hits") << q << "WHERE 1 AND rs_in_set(0, c.id)"
                                            << "" << false;
    q = {};
    q.search = "\"unbalanced";
    QTest::newRow("bad FTS5 still searches") << q << "WHERE 1 AND rs_in_set(0, c.id)"
                                             << "" << false;
    q = {};
    q.runId = 1;
    q.correctness = StoreCorrectness::Correct;
    q.signatures = {"a/b"};
    QTest::newRow("combined, in field order")
        << q
        << "WHERE 1 AND c.run_id = ? AND c.correct = 1 AND +c.id IN (SELECT case_id FROM "
           "findings WHERE signature IN (SELECT value FROM json_each(?)))"
        << "1 | [\"a/b\"]" << false;
}

void TestCaseListingSql::filters() {
    QFETCH(CaseQuery, query);
    QFETCH(QString, where);
    QFETCH(QString, params);
    QFETCH(bool, reviewJoin);
    const CaseSql s = caseSql(*db_, query, false);
    QCOMPARE(QString::fromStdString(s.where), where);
    QCOMPARE(paramsText(s.params), params);
    QCOMPARE(s.filtersAnything(), where != "WHERE 1");
    QCOMPARE(QString::fromStdString(s.from).contains("case_review_state v"), reviewJoin);
    QVERIFY(caseSql(*db_, query, true).from.find("case_review_state v") != std::string::npos);
    // The SQL runs as written (placeholders and values agree).
    SqliteStatement count(*db_, "SELECT count(*) " + s.from + " " + s.where);
    count.bindAll(s.params);
    QVERIFY(count.step());
    QCOMPARE(count.integer(0), std::int64_t(0)); // the file holds no cases
}

void TestCaseListingSql::unknownFindingTypeThrows() {
    CaseQuery q;
    q.findingTypes = {"relation", "typo"};
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, caseSql(*db_, q, false));
}

void TestCaseListingSql::plainWords_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("fts");
    QTest::newRow("words") << "chest pain"
                           << "\"chest\" \"pain\"";
    QTest::newRow("operators lose meaning") << "fever OR (cough"
                                            << "\"fever\" \"OR\" \"(cough\"";
    QTest::newRow("quote doubled") << "say\"hi"
                                   << "\"say\"\"hi\"";
    QTest::newRow("punctuation dropped") << "a - ?"
                                         << "\"a\"";
    QTest::newRow("non-ASCII is a word") << "café"
                                         << "\"café\"";
    QTest::newRow("nothing left") << "  -- !! "
                                  << "";
}

void TestCaseListingSql::plainWords() {
    QFETCH(QString, text);
    QFETCH(QString, fts);
    QCOMPARE(QString::fromStdString(plainWordsQuery(text.toStdString())), fts);
}

void TestCaseListingSql::order_data() {
    QTest::addColumn<int>("sort");
    QTest::addColumn<bool>("descending");
    QTest::addColumn<bool>("filtered");
    QTest::addColumn<QString>("orderBy");
    using S = CaseQuery::Sort;
    QTest::newRow("id") << int(S::Id) << false << false << " ORDER BY c.id";
    QTest::newRow("id, filtered") << int(S::Id) << true << true << " ORDER BY +c.id DESC";
    QTest::newRow("severity") << int(S::Severity) << false << true
                              << " ORDER BY coalesce(c.max_severity, -1), c.id";
    QTest::newRow("review, descending")
        << int(S::ReviewState) << true << false
        << " ORDER BY coalesce(v.verdict, 'unreviewed') DESC, c.id DESC";
    QTest::newRow("run without runs") << int(S::Run) << false << false << " ORDER BY 0, c.id";
}

void TestCaseListingSql::order() {
    QFETCH(int, sort);
    QFETCH(bool, descending);
    QFETCH(bool, filtered);
    QFETCH(QString, orderBy);
    CaseQuery q;
    q.sort = CaseQuery::Sort(sort);
    q.descending = descending;
    QCOMPARE(QString::fromStdString(store::orderBy(q, sortKey(*db_, q.sort), filtered)), orderBy);
}

QTEST_APPLESS_MAIN(TestCaseListingSql)
#include "tst_caselistingsql.moc"
