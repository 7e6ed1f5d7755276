#pragma once
// Reading what a project holds besides the cases themselves: settings, KG sources, runs,
// the summary counts, import errors and patterns; the semantics are ProjectStore's.
#include "ProjectStore.h"

namespace rs::store {

std::optional<std::string> setting(SqliteConnection& d, const std::string& key);
std::vector<std::pair<std::string, std::string>> settings(SqliteConnection& d);
std::int64_t externalChangeCounter(SqliteConnection& d);
std::vector<ProjectStore::KgSource> kgSources(SqliteConnection& d);
std::vector<ProjectStore::RunInfo> runs(SqliteConnection& d);
ProjectStore::RunContents runContents(SqliteConnection& d, std::int64_t runId);
ProjectStore::Summary summary(SqliteConnection& d);
std::vector<ImportError> importErrors(SqliteConnection& d);
nlohmann::json patterns(SqliteConnection& d);
std::vector<ProjectStore::PatternSummary> patternSummaries(SqliteConnection& d);

} // namespace rs::store
