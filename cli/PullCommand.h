#pragma once
// `reasonscope pull --db TARGET --name NAME --project FILE [--json]`: a published project
// with its verdicts, from the team-review server into a new project file
// (core/server/Puller), for reports in every format and filter, compare, gate and the window.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace rs {

// 0 pulled, 1 the server or the file failed, 2 bad usage (also a password in TARGET, or a
// build without libpq).
int runPullCommand(const std::vector<std::string>& args);

// For commands that read a server project as a file (`report --db`): the project NAME (or
// the ?project= of TARGET) pulled as one consistent snapshot into projectPath, which must
// not exist. *label names it for a report ("NAME on the team server <TARGET>"). False and
// *error when the target is refused (a password in it, no project name, no libpq) or the
// server fails; *usageError says whether it was the arguments. *search, when given, is set
// to the server's full-text search over the project (the same as the window's on a server
// project): text to the snapshot's case ids; it throws when the server fails.
using SnapshotSearch = std::function<std::vector<std::int64_t>(const std::string& text)>;
bool pullSnapshot(const std::string& target, std::string name, const std::string& projectPath,
                  std::string* label, std::string* error, bool* usageError,
                  SnapshotSearch* search = nullptr);

} // namespace rs
