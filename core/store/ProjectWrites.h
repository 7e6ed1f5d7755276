#pragma once
// Everything that adds to or replaces the contents of a project: KG sources, runs, cases,
// import errors, analyses, patterns and settings (reviews are in ReviewLog). Each call is
// atomic on its own (see WriteScope); the semantics are ProjectStore's.
#include "Case.h"
#include "ImportError.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace rs::store {

struct SqliteConnection;

std::int64_t addKgSource(SqliteConnection& d, const std::string& path, const std::string& format,
                         const std::string& sha256, std::int64_t nodes, std::int64_t edges);
std::int64_t ensureRun(SqliteConnection& d, const std::string& label, const std::string& model,
                       const std::string& sourceFile, const std::string& sourceSha256);
// Marks a run whole (true) or being stored / cut short (false); see the v5 migration.
void setRunComplete(SqliteConnection& d, std::int64_t runId, bool complete);

// Run edits; the semantics (and the errors thrown) are ProjectStore's. None recounts the
// patterns, whose case names carry run labels: ProjectStore does that in the same scope.
void renameRun(SqliteConnection& d, std::int64_t runId, const std::string& label);
void setRunDescription(SqliteConnection& d, std::int64_t runId, const std::string& description);
// Deletes the run row; the schema's runs_delete_contents trigger (v8) takes its cases,
// their reviews and everything hanging off them in the same statement.
void deleteRun(SqliteConnection& d, std::int64_t runId);

std::int64_t addCase(SqliteConnection& d, const Case& c, std::int64_t runId);
void addImportError(SqliteConnection& d, const ImportError& e);
void saveAnalysis(SqliteConnection& d, std::int64_t caseId, const nlohmann::json& caseResult);
void replacePatterns(SqliteConnection& d, const nlohmann::json& patterns);
void setSetting(SqliteConnection& d, const std::string& key, const std::string& value);

} // namespace rs::store
