#pragma once
// `reasonscope SUBCOMMAND ...`: the headless face of the application. Exit status 0 on
// success, 1 when an input could not be read, 2 on bad usage.
#include <string>
#include <vector>

namespace rs {

int runCommandLine(const std::vector<std::string>& args);

} // namespace rs
