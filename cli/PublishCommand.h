#pragma once
// `reasonscope publish --project FILE --db TARGET [--name NAME] [--json]`: the project's
// runs, cases, findings and evidence copied to a team-review PostgreSQL server in one
// transaction; again later, only the new runs (core/server/Publisher). TARGET is a libpq
// URI or a service name; the password comes from ~/.pgpass or the service file, never the
// command line. `reasonscope publish --print-roles` prints the SQL that creates the group
// roles (docs/team-review.md).
#include <string>
#include <vector>

namespace rs {

// 0 published, 1 the project or the server failed (the message says which and what to
// do), 2 bad usage (also a password in TARGET, or a build without libpq).
int runPublishCommand(const std::vector<std::string>& args);

// True when TARGET carries a password (postgresql://user:secret@host, password=...).
bool targetHasPassword(const std::string& target);

} // namespace rs
