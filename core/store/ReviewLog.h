#pragma once
// The reviews of cases and findings: an append-only log (triggers refuse UPDATE and DELETE),
// where the current verdict on a target is its latest review. A review of a finding also
// records the finding's signature and step, which survive re-analysis (finding row ids do
// not); the latest case-level verdict is kept in case_review_state by a trigger.
#include "ProjectStore.h"

namespace rs::store {

// Throws std::invalid_argument when the finding does not belong to the case, the verdict
// or severity is not one of ProjectStore::kVerdicts / kReviewSeverities, or the reviewer is
// blank; nothing is written then.
std::int64_t addReview(SqliteConnection& d, const ProjectStore::Review& r);
std::vector<ProjectStore::Review> reviews(SqliteConnection& d, std::int64_t caseId);

} // namespace rs::store
