#include "CaseListingSql.h"

#include "AnalysisRows.h"
#include "CaseRowCodec.h"
#include "StoreError.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace rs::store {

namespace {

bool isBlank(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](unsigned char ch) { return std::isspace(ch); });
}

bool needsReviewJoin(const CaseQuery& q) {
    return q.reviewState || q.sort == CaseQuery::Sort::ReviewState;
}

void addCorrectness(CaseSql& s, StoreCorrectness correctness) {
    switch (correctness) {
    case StoreCorrectness::Any:
        break;
    case StoreCorrectness::Correct:
        s.where += " AND c.correct = 1";
        break;
    case StoreCorrectness::Incorrect:
        s.where += " AND c.correct = 0";
        break;
    case StoreCorrectness::Unscored:
        s.where += " AND c.correct IS NULL";
        break;
    }
}

void addFindingTypes(CaseSql& s, const std::vector<std::string>& types) {
    if (types.empty())
        return;
    // The per-type counts on the case row say the same as the findings table (both are
    // written by saveAnalysis) and need no join.
    static constexpr const char* kColumns[] = {"c.n_relation", "c.n_branch", "c.n_missing",
                                               "c.n_grounding"};
    static_assert(std::size(kColumns) == std::size(kFindingTypes));
    std::string any;
    for (const std::string& t : types) {
        const int i = indexOfName(kFindingTypes, t);
        if (i < 0)
            throw std::invalid_argument("unknown finding type \"" + t +
                                        "\" (relation, branch, missing or grounding)");
        any += (any.empty() ? "" : " OR ") + std::string(kColumns[i]) + " > 0";
    }
    s.where += " AND (" + any + ")";
}

void addSearch(SqliteConnection& d, CaseSql& s, const std::string& search) {
    if (isBlank(search))
        return;
    const std::string plain = plainWordsQuery(search);
    if (plain.empty()) {
        s.where += " AND 0"; // only punctuation: as in searchCases, nothing
        return;
    }
    const char* sql = "SELECT rowid FROM cases_fts WHERE cases_fts MATCH ?";
    // FTS5 reports a syntax error only when the statement runs.
    try {
        fillIdSet(d, CaseIdSets::FtsHits, sql, {search});
    } catch (const StoreError&) {
        fillIdSet(d, CaseIdSets::FtsHits, sql, {plain});
    }
    s.where += " AND " + inIdSet(CaseIdSets::FtsHits, "c.id");
}

} // namespace

std::string jsonList(const std::vector<std::int64_t>& values) {
    return dumpJson(nlohmann::json(values));
}

std::string jsonList(const std::vector<std::string>& values) {
    return dumpJson(nlohmann::json(values));
}

std::string plainWordsQuery(const std::string& text) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])))
            ++i;
        std::size_t j = i;
        bool hasWordChar = false;
        while (j < text.size() && !std::isspace(static_cast<unsigned char>(text[j]))) {
            const auto ch = static_cast<unsigned char>(text[j]);
            hasWordChar = hasWordChar || ch >= 0x80 || std::isalnum(ch);
            ++j;
        }
        if (hasWordChar) {
            out += out.empty() ? "\"" : " \"";
            for (std::size_t k = i; k < j; ++k) {
                out += text[k];
                if (text[k] == '"')
                    out += '"';
            }
            out += '"';
        }
        i = j;
    }
    return out;
}

std::string sortKey(SqliteConnection& d, CaseQuery::Sort s) {
    switch (s) {
    case CaseQuery::Sort::Id:
        return "c.id";
    case CaseQuery::Sort::Key:
        return "c.case_key";
    case CaseQuery::Sort::Run: {
        // The runs' rank by label as a constant expression: a join with runs makes SQLite
        // walk the wide case rows in run order instead of scanning the narrow index.
        std::string rank = "CASE c.run_id";
        std::int64_t n = 0;
        SqliteStatement q(d, "SELECT id FROM runs ORDER BY label, id");
        while (q.step())
            rank += " WHEN " + std::to_string(q.integer(0)) + " THEN " + std::to_string(n++);
        return n == 0 ? std::string("0") : rank + " END";
    }
    case CaseQuery::Sort::Correct:
        return "coalesce(c.correct, -1)";
    case CaseQuery::Sort::Relation:
        return "c.n_relation";
    case CaseQuery::Sort::Branch:
        return "c.n_branch";
    case CaseQuery::Sort::Missing:
        return "c.n_missing";
    case CaseQuery::Sort::Grounding:
        return "c.n_grounding";
    case CaseQuery::Sort::Severity:
        return "coalesce(c.max_severity, -1)";
    case CaseQuery::Sort::ReviewState:
        return "coalesce(v.verdict, 'unreviewed')";
    }
    return "c.id";
}

std::string orderBy(const CaseQuery& q, const std::string& key, bool filtered) {
    const char* dir = q.descending ? " DESC" : "";
    // Walking the table in id order reads the wide rows; fine when the first page is the
    // first 256 rows, slow when a filter passes few of them. Then "+c.id" lets SQLite scan a
    // narrow index and sort what passes.
    if (q.sort == CaseQuery::Sort::Id)
        return std::string(filtered ? " ORDER BY +c.id" : " ORDER BY c.id") + dir;
    return " ORDER BY " + key + dir + ", c.id" + dir;
}

CaseSql caseSql(SqliteConnection& d, const CaseQuery& q, bool withReviews) {
    CaseSql s;
    s.from = "FROM cases c";
    if (withReviews || needsReviewJoin(q))
        s.from += " LEFT JOIN case_review_state v ON v.case_id = c.id";
    s.where = "WHERE 1";
    if (q.runId) {
        s.where += " AND c.run_id = ?";
        s.params.emplace_back(*q.runId);
    }
    if (!q.runIds.empty()) {
        s.where += " AND c.run_id IN (SELECT value FROM json_each(?))";
        s.params.emplace_back(jsonList(q.runIds));
    }
    if (q.questionId) {
        s.where += " AND c.question_id = ?";
        s.params.emplace_back(*q.questionId);
    }
    addCorrectness(s, q.correctness);
    addFindingTypes(s, q.findingTypes);
    if (!q.findingSubtypes.empty()) {
        s.where += " AND +c.id IN (SELECT case_id FROM findings "
                   "WHERE subtype IN (SELECT value FROM json_each(?)))";
        s.params.emplace_back(jsonList(q.findingSubtypes));
    }
    if (!q.signatures.empty()) {
        s.where += " AND +c.id IN (SELECT case_id FROM findings "
                   "WHERE signature IN (SELECT value FROM json_each(?)))";
        s.params.emplace_back(jsonList(q.signatures));
    }
    addSearch(d, s, q.search);
    if (q.reviewState) {
        if (*q.reviewState == "unreviewed") {
            s.where += " AND v.case_id IS NULL";
        } else {
            s.where += " AND v.verdict = ?";
            s.params.emplace_back(*q.reviewState);
        }
    }
    if (!q.caseIds.empty()) {
        // Looking up a few ids beats a scan; for many, the lookups into the wide case rows
        // (a page each) cost more than scanning the narrow index.
        s.where += q.caseIds.size() <= 2000 ? " AND c.id IN (SELECT value FROM json_each(?))"
                                            : " AND +c.id IN (SELECT value FROM json_each(?))";
        s.params.emplace_back(jsonList(q.caseIds));
    }
    return s;
}

std::string findingsOfMatchingCases(SqliteConnection& d, const CaseQuery& q) {
    const CaseSql s = caseSql(d, q, true);
    if (!s.filtersAnything())
        return {};
    fillIdSet(d, CaseIdSets::FacetCases, "SELECT c.id " + s.from + " " + s.where, s.params);
    return " AND " + inIdSet(CaseIdSets::FacetCases, "f.case_id");
}

} // namespace rs::store
