#pragma once
// Verdicts on the team-review server: append-only (the server refuses UPDATE and DELETE),
// in the name of the connected role (session_user; the server refuses another name). Each
// verdict carries a request id the client makes once: sending it again (a retry after a
// lost connection, whether or not the first attempt committed) stores it once.
#include "PgConnection.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rs::server {

struct ServerVerdict {
    std::int64_t caseId = 0;
    std::optional<std::string> findingSignature; // nullopt: on the case as a whole
    std::optional<int> findingStep;
    std::string verdict;  // confirmed, rejected or unsure
    std::string severity; // a finding severity name, or empty
    std::string comment;
    std::string requestId; // a UUID; empty: addVerdict makes one
    // Normally unset: the server writes the connected role. Set only to send a name
    // explicitly, which the server accepts only when it is the connected role's own.
    std::optional<std::string> reviewer;
};

// A random (version 4) UUID.
std::string newRequestId();

// Stores the verdict, or finds it when its request id is already stored; returns its id.
// Throws ServerError (Refused: not a reviewer, another's name, an unknown case or verdict).
std::int64_t addVerdict(PgConnection& c, const ServerVerdict& v);

// As addVerdict; on a lost connection reconnects and sends the same request again, up to
// attempts times in all. The verdict is stored exactly once either way.
std::int64_t addVerdictRetrying(PgConnection& c, ServerVerdict v, int attempts = 3);

struct StoredVerdict {
    std::int64_t id = 0, caseId = 0;
    std::string reviewer, verdict, severity, comment, created;
};
// The verdicts of a case, oldest first.
std::vector<StoredVerdict> caseVerdicts(PgConnection& c, std::int64_t caseId);

} // namespace rs::server
