#pragma once
// Live updates from the team-review server: every verdict insert sends NOTIFY rs_verdicts
// with {"project", "case", "verdict", "reviewer"} (the verdicts trigger, ServerSchema), and a
// publish that adds runs sends NOTIFY rs_runs with the project id (Publisher). A
// listener holds its own connection (LISTEN rs_verdicts) and waits on its socket, so a
// window can wake up when another reviewer saves a verdict instead of polling.
#include "PgConnection.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace rs::server {

struct VerdictNotice {
    std::int64_t projectId = 0, caseId = 0, verdictId = 0;
    std::string reviewer;
    // A publish added runs to the project (NOTIFY rs_runs); no case or verdict then.
    bool newRuns = false;
};

class VerdictListener {
public:
    // Connects (its own connection) and listens. Throws ServerError as PgConnection.
    explicit VerdictListener(const std::string& target);

    // The notices that have arrived, waiting up to timeout for the first one; empty when
    // none came. Notices of other projects are dropped when projectId is not 0. Throws
    // ServerError(ConnectionLost) when the connection dropped (reconnect: a new listener,
    // then re-read what may have been missed).
    std::vector<VerdictNotice> wait(std::chrono::milliseconds timeout, std::int64_t projectId = 0);

    // The socket to watch (e.g. with a QSocketNotifier) before calling wait(0ms).
    int socket() const;

private:
    std::unique_ptr<PgConnection> c_;
    std::vector<VerdictNotice> drain(std::int64_t projectId);
};

} // namespace rs::server
