#include "VerdictLog.h"

#include <cstdio>
#include <random>

namespace rs::server {

std::string newRequestId() {
    thread_local std::mt19937_64 gen{std::random_device{}()};
    unsigned char b[16];
    for (int i = 0; i < 16; i += 8) {
        const auto r = gen();
        for (int k = 0; k < 8; ++k)
            b[i + k] = static_cast<unsigned char>(r >> (8 * k));
    }
    b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x40); // version 4
    b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80); // RFC 4122 variant
    char s[37];
    std::snprintf(s, sizeof s,
                  "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0],
                  b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13],
                  b[14], b[15]);
    return s;
}

std::int64_t addVerdict(PgConnection& c, const ServerVerdict& v) {
    const std::string requestId = v.requestId.empty() ? newRequestId() : v.requestId;
    const std::vector<PgParam> params = {
        requestId,          std::to_string(v.caseId),
        v.findingSignature, v.findingStep ? PgParam(std::to_string(*v.findingStep)) : std::nullopt,
        v.verdict,          v.severity,
        v.comment,          v.reviewer};
    // reviewer: coalesce keeps the column default (session_user) when none is sent.
    auto r = c.execParams(
        "INSERT INTO rs.verdicts(request_id, case_id, finding_signature, finding_step, verdict, "
        "severity, comment, reviewer) VALUES ($1, $2, $3, $4, $5, $6, $7, "
        "coalesce($8::name, session_user)) ON CONFLICT (request_id) DO NOTHING RETURNING id",
        params);
    if (r.rows())
        return r.integer(0, 0);
    return c.execParams("SELECT id FROM rs.verdicts WHERE request_id = $1", {requestId})
        .integer(0, 0);
}

std::int64_t addVerdictRetrying(PgConnection& c, ServerVerdict v, int attempts) {
    if (v.requestId.empty())
        v.requestId = newRequestId();
    for (int attempt = 1;; ++attempt) {
        try {
            if (!c.isOpen())
                c.reset();
            return addVerdict(c, v);
        } catch (const ServerError& e) {
            if (e.kind() != ServerError::Kind::ConnectionLost || attempt >= attempts)
                throw;
        }
    }
}

std::vector<StoredVerdict> caseVerdicts(PgConnection& c, std::int64_t caseId) {
    auto r =
        c.execParams("SELECT id, case_id, reviewer, verdict, severity, comment, "
                     "to_char(created AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') "
                     "FROM rs.verdicts WHERE case_id = $1 ORDER BY id",
                     {std::to_string(caseId)});
    std::vector<StoredVerdict> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back({r.integer(i, 0), r.integer(i, 1), r.text(i, 2), r.text(i, 3), r.text(i, 4),
                       r.text(i, 5), r.text(i, 6)});
    return out;
}

} // namespace rs::server
