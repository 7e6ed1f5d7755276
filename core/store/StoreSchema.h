#pragma once
// The project file's SQL schema as a list of migrations, and the upgrade that runs them.
#include <cstdint>
#include <string>

namespace rs::store {

struct SqliteConnection;

// The schema version the last migration produces (ProjectStore::kSchemaVersion).
constexpr int kSchemaVersion = 8;
// PRAGMA application_id of every project file ("RScp"), so that other SQLite files are
// recognised as not being a project.
constexpr std::int32_t kApplicationId = 0x52536370;

// The SQL that brings a schema toVersion-1 file to toVersion (empty when there is no such
// step); version 1 creates the file's tables from nothing.
std::string migrationSql(int toVersion);

// Brings a file of schema fromVersion (0: a new, empty file) to kSchemaVersion and records
// the version, inside the caller's write transaction. A new file also gets the project's
// application id and its creation time.
void upgradeSchema(SqliteConnection& d, int fromVersion);

} // namespace rs::store
