#include "VerdictListener.h"

#include <nlohmann/json.hpp>

#include <poll.h>

namespace rs::server {

VerdictListener::VerdictListener(const std::string& target) : c_(PgConnection::connect(target)) {
    c_->exec("LISTEN rs_verdicts; LISTEN rs_runs");
}

int VerdictListener::socket() const {
    return PQsocket(const_cast<PgConnection&>(*c_).handle());
}

std::vector<VerdictNotice> VerdictListener::drain(std::int64_t projectId) {
    if (!PQconsumeInput(c_->handle()) || !c_->isOpen())
        throw ServerError(ServerError::Kind::ConnectionLost,
                          "lost the connection to the server while listening for verdicts");
    std::vector<VerdictNotice> out;
    while (PGnotify* n = PQnotifies(c_->handle())) {
        const std::string channel = n->relname ? n->relname : "";
        const auto payload = nlohmann::json::parse(n->extra ? n->extra : "", nullptr, false);
        PQfreemem(n);
        if (channel == "rs_runs") {
            VerdictNotice runs;
            runs.newRuns = true;
            runs.projectId = payload.is_number_integer() ? payload.get<std::int64_t>() : 0;
            if (projectId == 0 || runs.projectId == projectId)
                out.push_back(runs);
            continue;
        }
        if (!payload.is_object())
            continue;
        VerdictNotice v;
        v.projectId = payload.value("project", std::int64_t(0));
        v.caseId = payload.value("case", std::int64_t(0));
        v.verdictId = payload.value("verdict", std::int64_t(0));
        v.reviewer = payload.value("reviewer", std::string());
        if (projectId == 0 || v.projectId == projectId)
            out.push_back(std::move(v));
    }
    return out;
}

std::vector<VerdictNotice> VerdictListener::wait(std::chrono::milliseconds timeout,
                                                 std::int64_t projectId) {
    auto notices = drain(projectId);
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (notices.empty()) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0)
            break;
        pollfd p{socket(), POLLIN, 0};
        if (::poll(&p, 1, int(left.count())) <= 0)
            break;
        notices = drain(projectId);
    }
    return notices;
}

} // namespace rs::server
