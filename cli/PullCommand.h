#pragma once
// `reasonscope pull --db TARGET --name NAME --project FILE [--json]`: a published project
// with its verdicts, from the team-review server into a new project file
// (core/server/Puller), for reports in every format and filter, compare, gate and the window.
#include <string>
#include <vector>

namespace rs {

// 0 pulled, 1 the server or the file failed, 2 bad usage (also a password in TARGET, or a
// build without libpq).
int runPullCommand(const std::vector<std::string>& args);

} // namespace rs
