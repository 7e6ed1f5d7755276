#include "FacetQueries.h"

#include "AnalysisRows.h"
#include "CaseListingSql.h"
#include "FindingKinds.h"

#include <cstring>

namespace rs::store {

namespace {

// "relation/<subtype>/(<head kind>,<relation>,<tail kind>)", as ErrorClassifier writes it;
// kinds and relations hold no comma, a subtype no slash.
bool parseRelationSignature(const std::string& sig, std::string* head, std::string* rel,
                            std::string* tail) {
    const std::size_t open = sig.find("/(");
    if (!sig.starts_with("relation/") || open == std::string::npos || !sig.ends_with(")"))
        return false;
    const std::size_t c1 = sig.find(',', open);
    const std::size_t c2 = sig.rfind(',');
    if (c1 == std::string::npos || c2 == c1 || c2 < open)
        return false;
    *head = sig.substr(open + 2, c1 - open - 2);
    *rel = sig.substr(c1 + 1, c2 - c1 - 1);
    *tail = sig.substr(c2 + 1, sig.size() - c2 - 2);
    return true;
}

} // namespace

FacetCounts facets(SqliteConnection& d, const CaseQuery& query) {
    FacetCounts out;
    const CaseSql s = caseSql(d, query, true);
    std::map<std::int64_t, std::pair<std::string, bool>> labels; // id -> label, complete
    {
        SqliteStatement q(d, "SELECT id, label, complete FROM runs");
        while (q.step())
            labels[q.integer(0)] = {q.text(1), q.integer(2) != 0};
    }
    // One pass over the narrow index for the per-run, per-type, severity and review counts;
    // the groups are few (runs x severities x verdicts).
    {
        // Named index: grouping by run, SQLite would otherwise walk the wide rows in the order
        // of the (run_id, correct) index, six times slower.
        std::string from = s.from;
        from.replace(0, std::strlen("FROM cases c"), "FROM cases c INDEXED BY cases_listing");
        SqliteStatement q(d, "SELECT c.run_id, coalesce(c.max_severity, -1), "
                             "coalesce(v.verdict, 'unreviewed'), count(*), sum(c.correct IS 1), "
                             "sum(c.correct IS 0), sum(c.n_relation), sum(c.n_relation > 0), "
                             "sum(c.n_branch), sum(c.n_branch > 0), sum(c.n_missing), "
                             "sum(c.n_missing > 0), sum(c.n_grounding), sum(c.n_grounding > 0), "
                             "sum(c.n_reading), sum(c.n_reading > 0) " +
                                 from + " " + s.where + " GROUP BY 1, 2, 3 ORDER BY 1");
        q.bindAll(s.params);
        while (q.step()) {
            if (out.runs.empty() || out.runs.back().id != q.integer(0))
                out.runs.push_back({q.integer(0), labels[q.integer(0)].first, 0, 0, 0,
                                    labels[q.integer(0)].second});
            FacetCounts::Run& run = out.runs.back();
            const std::int64_t n = q.integer(3);
            run.cases += n;
            run.correct += q.integer(4);
            run.incorrect += q.integer(5);
            out.cases += n;
            out.bySeverity[int(q.integer(1))] += n;
            out.byReviewState[q.text(2)] += n;
            for (int t = 0; t < int(kAllFindingTypes.size()); ++t) {
                if (const std::int64_t findings = q.integer(6 + 2 * t); findings > 0) {
                    FacetCounts::Count& c = out.byType[findingTypeNames()[std::size_t(t)]];
                    c.findings += findings;
                    c.cases += q.integer(7 + 2 * t);
                }
            }
        }
    }
    // The findings of the filtered cases (all findings without a filter), read from the
    // findings indexes; the filtered case ids are a bitmap for the same reason as FTS hits.
    const bool filtered = s.filtersAnything();
    std::string inCases;
    if (filtered) {
        fillIdSet(d, CaseIdSets::FacetCases, "SELECT c.id " + s.from + " " + s.where, s.params);
        inCases = inIdSet(CaseIdSets::FacetCases, "f.case_id");
    }
    {
        // The model's unverified claims (the KG's silence) and the coverage gaps, counted
        // beside the findings and never among them. Claims live only in the analysis JSON.
        SqliteStatement gaps(d, "SELECT coalesce(sum(c.n_coverage_gaps), 0) " + s.from + " " +
                                    s.where);
        gaps.bindAll(s.params);
        if (gaps.step())
            out.coverageGaps = gaps.integer(0);
        SqliteStatement q(
            d, "SELECT count(*) FROM analyses a, json_each(a.json, '$.claims') j "
               "WHERE coalesce(json_extract(j.value, '$.owner'), 'model') = 'model' AND "
               "coalesce(json_extract(j.value, '$.status'), 'unverified') = 'unverified'" +
                   (filtered ? " AND " + inIdSet(CaseIdSets::FacetCases, "a.case_id")
                             : std::string()));
        if (q.step())
            out.unverifiedClaims = q.integer(0);
    }
    {
        SqliteStatement q(d, "SELECT f.type, f.subtype, count(*), count(DISTINCT f.case_id) "
                             "FROM findings f" +
                                 (filtered ? " WHERE " + inCases : std::string()) +
                                 " GROUP BY f.type, f.subtype");
        while (q.step())
            out.bySubtype[{q.text(0), q.text(1)}] = {q.integer(2), q.integer(3)};
    }
    {
        // '0' follows '/': the range is every signature that starts with "relation/".
        SqliteStatement q(d, "SELECT f.signature, count(*) FROM findings f "
                             "WHERE f.signature >= 'relation/' AND f.signature < 'relation0'" +
                                 (filtered ? " AND " + inCases : std::string()) +
                                 " GROUP BY f.signature");
        std::string head, rel, tail;
        while (q.step()) {
            if (!parseRelationSignature(q.text(0), &head, &rel, &tail))
                continue;
            const std::int64_t n = q.integer(1);
            out.byRelation[rel] += n;
            out.byRelationTriple[{head, rel, tail}] += n;
            out.byNodeKind[head] += n;
            out.byNodeKind[tail] += n;
        }
    }
    return out;
}

std::map<std::string, std::int64_t>
countCasesBySignature(SqliteConnection& d, const CaseQuery& query,
                      const std::vector<std::string>& signatures) {
    std::map<std::string, std::int64_t> out;
    if (signatures.empty())
        return out;
    const std::string inCases = findingsOfMatchingCases(d, query);
    SqliteStatement q(d, "SELECT f.signature, count(DISTINCT f.case_id) FROM findings f "
                         "WHERE f.signature IN (SELECT value FROM json_each(?))" +
                             inCases + " GROUP BY f.signature");
    q.bind(1, jsonList(signatures));
    while (q.step())
        out[q.text(0)] = q.integer(1);
    return out;
}

} // namespace rs::store
