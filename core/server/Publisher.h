#pragma once
// `reasonscope publish`: copies a project file's runs, cases, analyses (claims with their
// evidence) and findings to the team-review server, and puts the flagged cases in its
// review queue, all in one transaction. Idempotent: a run the server already has under the
// project (same label and source file hash) is left exactly as it is, with its cases and
// their verdicts; only new runs are added. Runs whose analysis was cut short are not
// published (they would be reviewed incomplete).
#include "PgConnection.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace rs::server {

struct PublishResult {
    std::int64_t projectId = 0;
    std::vector<std::string> runsAdded, runsAlreadyThere, runsIncomplete; // labels
    std::int64_t cases = 0, findings = 0, analyses = 0, queued = 0;       // added now
};

// Throws std::runtime_error when the project file cannot be opened, ServerError for the
// server (nothing is left on it then: the transaction rolls back). name: the project's
// name on the server (must not be blank).
PublishResult publishProject(PgConnection& c, const std::string& projectPath,
                             const std::string& name);

// The server's project id of a name, 0 when there is none.
std::int64_t serverProjectId(PgConnection& c, const std::string& name);

} // namespace rs::server
