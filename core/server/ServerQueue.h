#pragma once
// The review queue on the team-review server: the flagged cases without a case-level
// verdict, worst first (ties by id), optionally of one finding class. Claiming the next
// case holds it for the caller until the claim expires, so two reviewers get the same case
// only when one's claim has run out.
#include "PgConnection.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rs::server {

// The next case for the connected reviewer, claimed for ttl; nullopt when the queue (of
// the class, when given) is empty. Throws ServerError for an unknown class.
std::optional<std::int64_t> claimNextCase(PgConnection& c, std::int64_t projectId,
                                          const std::optional<std::string>& findingClass,
                                          std::chrono::seconds ttl = std::chrono::minutes(15));

struct ServerCaseRow {
    std::int64_t id = 0;
    std::string key, run;
    int maxSeverity = 0;
};
// A page of the case table filtered by a finding class (cases with at least one finding
// of it), worst first, ties by id.
std::vector<ServerCaseRow> casesOfClass(PgConnection& c, std::int64_t projectId,
                                        const std::string& findingClass, std::int64_t offset,
                                        std::int64_t limit);
// The page after the row `after` (keyset paging: as fast deep in the list as at its
// start, where an OFFSET walks every row before it).
std::vector<ServerCaseRow> casesOfClassAfter(PgConnection& c, std::int64_t projectId,
                                             const std::string& findingClass,
                                             const ServerCaseRow& after, std::int64_t limit);
// How many cases the class filter matches (counted once at publish: published cases never
// change).
std::int64_t countCasesOfClass(PgConnection& c, std::int64_t projectId,
                               const std::string& findingClass);

} // namespace rs::server
