#include "ConceptQueries.h"

#include "CaseListingSql.h"

#include <algorithm>
#include <unordered_map>

namespace rs::store {

std::vector<std::int64_t> casesMentioning(SqliteConnection& d, const std::string& conceptName,
                                          int limit) {
    std::vector<std::int64_t> out;
    SqliteStatement q(d, "SELECT DISTINCT case_id FROM case_concepts WHERE name = ? "
                         "ORDER BY case_id LIMIT ?");
    q.bind(1, conceptName).bind(2, limit > 0 ? std::int64_t(limit) : std::int64_t(-1));
    while (q.step())
        out.push_back(q.integer(0));
    return out;
}

std::int64_t countCasesMentioning(SqliteConnection& d, const std::string& conceptName) {
    SqliteStatement q(d, "SELECT count(DISTINCT case_id) FROM case_concepts WHERE name = ?");
    q.bind(1, conceptName);
    return q.step() ? q.integer(0) : 0;
}

std::vector<ProjectStore::ConceptStat> findingConcepts(SqliteConnection& d, const CaseQuery& query,
                                                       int limit) {
    const std::string inCases = findingsOfMatchingCases(d, query);
    std::vector<ProjectStore::ConceptStat> out;
    {
        SqliteStatement q(d,
                          "SELECT f.name, count(DISTINCT f.case_id) FROM finding_nodes f WHERE 1" +
                              inCases + " GROUP BY f.name ORDER BY 2 DESC, 1 LIMIT ?");
        q.bind(1, std::int64_t(limit > 0 ? limit : -1));
        while (q.step()) {
            ProjectStore::ConceptStat c;
            c.name = q.text(0);
            c.cases = q.integer(1);
            out.push_back(std::move(c));
        }
    }
    if (out.empty())
        return out;
    std::map<std::string, std::size_t> index;
    std::vector<std::string> names;
    for (std::size_t i = 0; i < out.size(); ++i) {
        index[out[i].name] = i;
        names.push_back(out[i].name);
    }
    SqliteStatement q(d, "SELECT f.name, f.type, count(DISTINCT f.case_id) FROM finding_nodes f "
                         "WHERE f.name IN (SELECT value FROM json_each(?))" +
                             inCases + " GROUP BY f.name, f.type");
    q.bind(1, jsonList(names));
    while (q.step())
        if (auto it = index.find(q.text(0)); it != index.end())
            out[it->second].casesByType[q.text(1)] = q.integer(2);
    return out;
}

std::vector<std::pair<std::string, std::string>>
conceptLinks(SqliteConnection& d, const std::vector<std::string>& names) {
    std::vector<std::pair<std::string, std::string>> out;
    if (names.size() < 2)
        return out;
    // One pass over the findings that name any of them; pairs are counted per finding in C++
    // (a SQL self-join over hundreds of thousands of rows took ~0.8 s). The table is read in
    // its own order (NOT INDEXED): walking the name index and looking each row up costs five
    // times as much at 100k cases. A concept named twice in one finding is one member of it.
    std::unordered_map<std::string, int> number;
    for (const std::string& n : names)
        number.emplace(n, int(number.size()));
    std::unordered_map<std::int64_t, std::vector<int>> members;
    {
        SqliteStatement q(d, "SELECT f.finding_id, f.name FROM finding_nodes f NOT INDEXED "
                             "WHERE f.name IN (SELECT value FROM json_each(?))");
        q.bind(1, jsonList(names));
        while (q.step())
            if (auto it = number.find(q.text(1)); it != number.end())
                members[q.integer(0)].push_back(it->second);
    }
    std::map<std::pair<int, int>, std::int64_t> pairCounts;
    for (auto& [finding, list] : members) {
        if (list.size() < 2)
            continue;
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
        for (std::size_t i = 0; i < list.size(); ++i)
            for (std::size_t j = i + 1; j < list.size(); ++j)
                ++pairCounts[{list[i], list[j]}];
    }
    std::vector<std::string> nameOf(number.size());
    for (const auto& [n, i] : number)
        nameOf[std::size_t(i)] = n;
    std::map<std::pair<std::string, std::string>, std::int64_t> counts;
    for (const auto& [pair, n] : pairCounts) {
        std::string x = nameOf[std::size_t(pair.first)], y = nameOf[std::size_t(pair.second)];
        if (y < x)
            std::swap(x, y);
        counts[{std::move(x), std::move(y)}] += n;
    }
    std::vector<std::pair<std::pair<std::string, std::string>, std::int64_t>> ranked(counts.begin(),
                                                                                     counts.end());
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    for (auto& [pair, n] : ranked)
        out.push_back(std::move(pair));
    return out;
}

std::vector<std::int64_t> casesWithConcepts(SqliteConnection& d,
                                            const std::vector<std::string>& names,
                                            const CaseQuery& query) {
    std::vector<std::int64_t> out;
    if (names.empty())
        return out;
    const std::string inCases = findingsOfMatchingCases(d, query);
    SqliteStatement q(d, "SELECT DISTINCT f.case_id FROM finding_nodes f "
                         "WHERE f.name IN (SELECT value FROM json_each(?))" +
                             inCases + " ORDER BY 1");
    q.bind(1, jsonList(names));
    while (q.step())
        out.push_back(q.integer(0));
    return out;
}

} // namespace rs::store
