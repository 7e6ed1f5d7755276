#pragma once
// What comparing two runs reads (core/RunComparison): a run's narrow case columns, its
// findings' grouping fields and the concepts of chosen cases. None reads analysis JSON; the
// semantics are ProjectStore's.
#include "ProjectStore.h"

namespace rs::store {

std::vector<ProjectStore::RunCase> runCases(SqliteConnection& d, std::int64_t runId);
void forEachRunFinding(SqliteConnection& d, std::int64_t runId,
                       const std::function<void(const ProjectStore::RunFinding&)>& fn);
std::vector<std::pair<std::string, std::int64_t>>
conceptsOfCases(SqliteConnection& d, const std::vector<std::int64_t>& caseIds, int limit);

} // namespace rs::store
