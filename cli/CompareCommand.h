#pragma once
// `reasonscope compare --project P --base RUN --head RUN [--json F] [--html F]`: two runs
// compared question by question (core/RunComparison), as text on stdout and optionally as
// versioned JSON (docs/compare-json.md) and a self-contained HTML file.
#include "ProjectStore.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace rs {

// Exit status as the rest of the command line: 0 done, 1 the project could not be read or
// an output not written, 2 bad usage (an unknown run label included).
int runCompareCommand(const std::vector<std::string>& args);

// Shared by compare and gate: the project opened read-only (nullptr and a message on
// stderr when it cannot be), and a run by label (nullopt and a message when unknown or
// ambiguous).
std::unique_ptr<ProjectStore> openProjectForReading(const std::string& path);
std::optional<ProjectStore::RunInfo> runByLabelOrComplain(const ProjectStore& store,
                                                          const std::string& label);

// Writes text to path; false and a message on stderr when it cannot.
bool writeTextFile(const std::string& path, const std::string& text);

} // namespace rs
