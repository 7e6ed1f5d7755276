#pragma once
// `reasonscope runs --project FILE [--json]` lists the project's runs; with --rename RUN
// NEW, --describe RUN TEXT or --delete RUN --yes it edits one first. RUN is a run's label,
// or its id when no run has that label.
#include <string>
#include <vector>

namespace rs {

// Exit status as the rest of the command line: 0 done, 1 the project could not be read or
// written, 2 bad usage (an unknown or ambiguous run, a label another run has, --delete
// without --yes).
int runRunsCommand(const std::vector<std::string>& args);

} // namespace rs
