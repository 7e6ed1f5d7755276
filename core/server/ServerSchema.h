#pragma once
// The team-review server's schema (PostgreSQL, schema "rs"): what `reasonscope publish`
// copies (projects, runs, cases, analyses with their evidence, findings: read-only for
// everyone but the publisher), the append-only verdicts, the review queue and claims, and
// what each group role may do. docs/team-review.md explains the rules; the database
// enforces them (grants, row-level security, triggers), not only this program.
#include "PgConnection.h"

#include <optional>

namespace rs::server {

// The version this build reads and writes; recorded in rs.schema_info.
constexpr int kServerSchemaVersion = 1;

// The group roles a database administrator creates once (idempotent SQL, also in
// docs/team-review.md): rs_publisher (publishes projects), rs_reviewer (writes verdicts,
// never changes one), rs_lead (reads everything, all reviewers' progress), rs_auditor
// (reads only). Login roles are made members of them.
extern const char* const kRoleSetupSql;

// The schema version the server holds, nullopt when it has no ReasonScope schema.
std::optional<int> serverSchemaVersion(PgConnection& c);

// Throws ServerError(Kind::Schema) with what to do when the server holds no schema, an
// older one or a newer one than kServerSchemaVersion.
void checkServerSchema(PgConnection& c);

// Creates the schema when the server has none (in the caller's transaction; takes an
// advisory lock so two publishers do not both create it), then checks it as above. Throws
// ServerError(Kind::Schema) when the group roles are missing (kRoleSetupSql first).
void ensureServerSchema(PgConnection& c);

} // namespace rs::server
