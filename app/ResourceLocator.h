#pragma once
// Finds the lexicons and the bundled demo data: $REASONSCOPE_RESOURCES, then
// <prefix>/share/reasonscope beside the installed executable, then the source tree the
// binary was built from (so a build folder runs without installing).
#include <string>

namespace rs {

std::string resourcesDir();
// Default folders for the KG cache and the demo project (XDG base directories).
std::string cacheDir();
std::string dataDir();

} // namespace rs
