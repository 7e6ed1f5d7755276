#pragma once
// What comparing two runs reads (core/RunComparison): a run's narrow case columns, its
// findings' grouping fields and the concepts of chosen cases. None reads analysis JSON; the
// semantics are ProjectStore's.
#include "ProjectStore.h"

namespace rs::store {

std::vector<ProjectStore::RunCase> runCases(SqliteConnection& d, std::int64_t runId);
void forEachFindingKind(SqliteConnection& d,
                        const std::function<void(const ProjectStore::FindingKindRow&)>& fn);
void forEachSignatureCase(
    SqliteConnection& d,
    const std::function<void(std::int64_t caseId, const std::string& signature)>& fn);
std::vector<std::pair<std::string, std::int64_t>>
conceptsOfCases(SqliteConnection& d, const std::vector<std::int64_t>& caseIds, int limit);

} // namespace rs::store
