#pragma once
// Which cases involve which KG concepts: cases mentioning a concept (the KG explorer, from
// case_concepts) and the concepts named in findings, their co-occurrence and their cases
// (the projection view, from finding_nodes). None reads analysis JSON.
#include "ProjectStore.h"

namespace rs::store {

std::vector<std::int64_t> casesMentioning(SqliteConnection& d, const std::string& conceptName,
                                          int limit);
std::int64_t countCasesMentioning(SqliteConnection& d, const std::string& conceptName);
std::vector<ProjectStore::ConceptStat> findingConcepts(SqliteConnection& d, const CaseQuery& q,
                                                       int limit);
std::vector<std::pair<std::string, std::string>>
conceptLinks(SqliteConnection& d, const std::vector<std::string>& names);
std::vector<std::int64_t>
casesWithConcepts(SqliteConnection& d, const std::vector<std::string>& names, const CaseQuery& q);

} // namespace rs::store
