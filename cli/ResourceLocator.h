#pragma once
// Finds the lexicons and the bundled demo data: $REASONSCOPE_RESOURCES, then
// <prefix>/share/reasonscope beside the installed executable, then the source tree the
// binary was built from (so a build folder runs without installing).
#include <string>
#include <vector>

namespace rs {

std::string resourcesDir();
// Default folders for the KG cache and the demo project (XDG base directories).
std::string cacheDir();
std::string dataDir();

// The bundled demo: its knowledge graph, and its model outputs (the text cases, then the
// image cases with grounding boxes).
std::vector<std::string> demoKgFiles(const std::string& resources);
std::vector<std::string> demoOutputFiles(const std::string& resources);

} // namespace rs
