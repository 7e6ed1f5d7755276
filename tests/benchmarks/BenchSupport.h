#pragma once
// What the graph benchmark and the export tool share: where the real data is, the
// Hetionet files, and the process's resident memory.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace rs::bench {

// $RS_SHARED_DATA, else ../shared/data beside the source tree (compiled in).
inline std::string sharedDataDir() {
    if (const char* env = std::getenv("RS_SHARED_DATA"); env && *env)
        return env;
#ifdef RS_DEFAULT_SHARED_DATA
    return RS_DEFAULT_SHARED_DATA;
#else
    return "../shared/data";
#endif
}

// The Hetionet node and edge files, or empty when the shared data is not there.
inline std::vector<std::string> hetionetPaths() {
    const std::filesystem::path kg = std::filesystem::path(sharedDataDir()) / "kg";
    const auto nodes = kg / "hetionet-nodes.tsv";
    const auto edges = kg / "hetionet-edges-5k.sif.gz";
    if (!std::filesystem::exists(nodes) || !std::filesystem::exists(edges))
        return {};
    return {nodes.string(), edges.string()};
}

// A line "VmRSS:  1234 kB" of /proc/self/status, in MiB; 0 where unavailable.
inline double procStatusMiB(const char* field) {
    std::ifstream in("/proc/self/status");
    std::string line;
    const std::string prefix = std::string(field) + ":";
    while (std::getline(in, line))
        if (line.rfind(prefix, 0) == 0)
            return std::strtod(line.c_str() + prefix.size(), nullptr) / 1024.0;
    return 0;
}

inline double residentMiB() {
    return procStatusMiB("VmRSS");
}
inline double peakResidentMiB() {
    return procStatusMiB("VmHWM");
}
// Lets VmHWM measure the peak of what follows (Linux: "5" resets the peak to now).
inline void resetPeakResident() {
    std::ofstream("/proc/self/clear_refs") << "5";
}

} // namespace rs::bench
