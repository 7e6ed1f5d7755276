#pragma once
// Reading whole cases back (the case row, its parts and its analysis), streaming them, and
// the lookups by key, question and text; the semantics are ProjectStore's.
#include "ProjectStore.h"

namespace rs::store {

std::optional<ProjectStore::StoredCase> loadCase(SqliteConnection& d, std::int64_t caseId);
std::optional<ProjectStore::StoredCase> loadCase(SqliteConnection& d, const std::string& key,
                                                 const std::string& run);
void forEachCase(SqliteConnection& d,
                 const std::function<void(const Case&, const nlohmann::json& analysis)>& fn,
                 const CaseQuery& query);
void forEachFindingSignature(SqliteConnection& d,
                             const std::function<void(const ProjectStore::FindingSignature&)>& fn);
std::vector<ProjectStore::CasePair> pairCases(SqliteConnection& d, std::int64_t runA,
                                              std::int64_t runB);
std::vector<std::string> searchCases(SqliteConnection& d, const std::string& ftsQuery, int limit);

} // namespace rs::store
