#pragma once
// `reasonscope pull`: a published project copied from the team-review server into a new
// project file, with every verdict as a review (reviewer = the server role), so that
// everything that reads a project file works on it unchanged: reports in every format and
// filter, the window (read it as a snapshot: reviews written to the file stay local),
// compare and gate. One consistent snapshot of the server (REPEATABLE READ).
#include "PgConnection.h"

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace rs {
class ProjectStore;
}

namespace rs::server {

struct PullResult {
    std::int64_t runs = 0, cases = 0, analyses = 0, verdicts = 0;
    // Verdicts on findings the pulled analysis no longer has (matched by signature and
    // step): kept on the server, not copied.
    std::int64_t unmatchedVerdicts = 0;
    // The server's case ids and the file's, and the largest verdict id copied (a live
    // mirror carries on from there).
    std::unordered_map<std::int64_t, std::int64_t> caseIds;
    std::int64_t projectId = 0, lastVerdictId = 0;
    std::vector<std::int64_t> runIds; // the server ids of the runs copied
};

// Throws std::runtime_error when there is no such project on the server or projectPath
// exists already, ServerError for the server, StoreError for the file. A failed pull
// leaves no file.
// The file's finding id for a server verdict's (signature, step) in the case's current
// analysis; nullopt when the analysis has no such finding.
std::optional<std::int64_t> localFindingOf(const ProjectStore& store, std::int64_t caseId,
                                           const std::string& signature, int step);

PullResult pullProject(PgConnection& c, const std::string& name, const std::string& projectPath);

// Into a file pulled before: the project's runs published since (not in knownRuns, server
// run ids), with their cases, analyses and verdicts, in one snapshot of the server and one
// transaction of the file. result.caseIds and result.runIds hold the new ones only;
// copiedVerdicts the server ids of the verdicts copied.
struct NewRuns {
    PullResult result;
    std::vector<std::int64_t> copiedVerdicts;
};
NewRuns pullNewRuns(PgConnection& c, ProjectStore& store, std::int64_t projectId,
                    const std::vector<std::int64_t>& knownRuns);

} // namespace rs::server
