#pragma once
// The `--json` document: the whole analysis of a project in one versioned JSON file,
// streamed case by case so a 100k-case project does not build one giant tree in memory.
// Shape documented in docs/json-output.md.
#include <iosfwd>
#include <string>

namespace rs {

class ProjectStore;

bool writeProjectJson(const ProjectStore& store, std::ostream& out, std::string* error);

} // namespace rs
