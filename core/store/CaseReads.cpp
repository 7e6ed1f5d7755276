#include "CaseReads.h"

#include "CaseListingSql.h"
#include "CaseRowCodec.h"
#include "SqliteStatement.h"

namespace rs::store {

namespace {

// What caseFromRow reads, from cases c and the joins below.
constexpr const char* kCaseColumns =
    "c.id, c.run_id, r.label, c.case_key, c.question_id, c.dataset, c.model, c.source_file, "
    "c.source_record, c.question, c.options, c.gold, c.output, c.prediction, c.correct, "
    "c.images, c.meta, c.gold_path, a.json ";
constexpr const char* kCaseJoins =
    "JOIN runs r ON r.id = c.run_id LEFT JOIN analyses a ON a.case_id = c.id ";

ProjectStore::StoredCase caseFromRow(const SqliteStatement& q) {
    ProjectStore::StoredCase s;
    s.id = q.integer(0);
    s.runId = q.integer(1);
    Case& c = s.data;
    c.run = q.text(2);
    c.key = q.text(3);
    c.questionId = q.text(4);
    c.dataset = q.text(5);
    c.model = q.text(6);
    c.sourceFile = q.text(7);
    c.sourceRecord = std::size_t(q.integer(8));
    c.question = q.text(9);
    c.gold = q.text(11);
    c.output = q.text(12);
    c.prediction = q.text(13);
    if (!q.isNull(14))
        c.correct = q.integer(14) != 0;
    decodeCaseParts({q.text(10), q.text(15), q.text(16), q.text(17)}, c);
    if (!q.isNull(18))
        s.analysis = parseStoredJson(q.text(18), "analysis", c.key);
    return s;
}

} // namespace

std::optional<ProjectStore::StoredCase> loadCase(SqliteConnection& d, std::int64_t caseId) {
    std::optional<ProjectStore::StoredCase> s;
    {
        SqliteStatement q(d, std::string("SELECT ") + kCaseColumns + "FROM cases c " + kCaseJoins +
                                 "WHERE c.id = ?");
        q.bind(1, caseId);
        if (!q.step())
            return std::nullopt;
        s = caseFromRow(q);
    }
    SqliteStatement f(d, "SELECT id FROM findings WHERE case_id = ? ORDER BY ord");
    f.bind(1, s->id);
    while (f.step())
        s->findingIds.push_back(f.integer(0));
    return s;
}

std::optional<ProjectStore::StoredCase> loadCase(SqliteConnection& d, const std::string& key,
                                                 const std::string& run) {
    std::int64_t id = 0;
    {
        SqliteStatement q(
            d, "SELECT c.id FROM cases c JOIN runs r ON r.id = c.run_id "
               "WHERE c.case_key = ?1 AND (?2 = '' OR r.label = ?2) ORDER BY c.id LIMIT 1");
        q.bind(1, key).bind(2, run);
        if (!q.step())
            return std::nullopt;
        id = q.integer(0);
    }
    return loadCase(d, id);
}

void forEachCase(SqliteConnection& d,
                 const std::function<void(const Case&, const nlohmann::json& analysis)>& fn,
                 const CaseQuery& query) {
    const CaseSql s = caseSql(d, query, false);
    // Unfiltered ordering (no "+c.id"): a streamed read of whole cases walks the table anyway.
    SqliteStatement q(d, std::string("SELECT ") + kCaseColumns + s.from + " " + kCaseJoins +
                             s.where + orderBy(query, sortKey(d, query.sort), false));
    q.bindAll(s.params);
    while (q.step()) {
        const ProjectStore::StoredCase c = caseFromRow(q);
        fn(c.data, c.analysis);
    }
}

void forEachFindingSignature(SqliteConnection& d,
                             const std::function<void(const ProjectStore::FindingSignature&)>& fn) {
    SqliteStatement q(
        d, "SELECT f.case_id, c.case_key, r.label, f.type, f.subtype, f.signature "
           "FROM findings f JOIN cases c ON c.id = f.case_id JOIN runs r ON r.id = c.run_id "
           "ORDER BY f.case_id, f.ord");
    ProjectStore::FindingSignature f;
    while (q.step()) {
        f.caseId = q.integer(0);
        f.caseKey = q.text(1);
        f.run = q.text(2);
        f.type = q.text(3);
        f.subtype = q.text(4);
        f.signature = q.text(5);
        fn(f);
    }
}

std::vector<ProjectStore::CasePair> pairCases(SqliteConnection& d, std::int64_t runA,
                                              std::int64_t runB) {
    std::vector<ProjectStore::CasePair> out;
    SqliteStatement q(d, "SELECT a.question_id, a.id, b.id, a.case_key, b.case_key FROM cases a "
                         "JOIN cases b ON b.question_id = a.question_id AND b.run_id = ?2 "
                         "WHERE a.run_id = ?1 AND a.question_id <> '' "
                         "ORDER BY a.question_id, a.id, b.id");
    q.bind(1, runA).bind(2, runB);
    while (q.step())
        out.push_back({q.text(0), q.integer(1), q.integer(2), q.text(3), q.text(4)});
    return out;
}

std::vector<std::string> searchCases(SqliteConnection& d, const std::string& ftsQuery, int limit) {
    auto search = [&](const std::string& match) {
        std::vector<std::string> out;
        SqliteStatement q(d, "SELECT c.case_key FROM cases_fts f JOIN cases c ON c.id = f.rowid "
                             "WHERE cases_fts MATCH ? ORDER BY f.rank LIMIT ?");
        q.bind(1, match).bind(2, limit > 0 ? std::int64_t(limit) : std::int64_t(-1));
        while (q.step())
            out.push_back(q.text(0));
        return out;
    };
    const std::string plain = plainWordsQuery(ftsQuery);
    if (plain.empty())
        return {};
    try {
        return search(ftsQuery);
    } catch (const StoreError&) {
        // FTS5 syntax errors (unbalanced quotes, a stray "(", "col:" for an unknown column)
        // are errors of the statement; a user's typing should still find something.
    }
    return search(plain);
}

} // namespace rs::store
