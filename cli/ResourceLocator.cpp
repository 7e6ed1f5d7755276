#include "ResourceLocator.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace fs = std::filesystem;

namespace rs {

namespace {

bool hasLexicon(const fs::path& dir) {
    std::error_code ec;
    return fs::exists(dir / "lexicon" / "relation-cues.tsv", ec);
}

std::string homeSubdir(const char* xdgVar, const char* fallback) {
    if (const char* x = std::getenv(xdgVar); x && *x)
        return (fs::path(x) / "reasonscope").string();
    const char* home = std::getenv("HOME");
    return (fs::path(home && *home ? home : "/tmp") / fallback / "reasonscope").string();
}

} // namespace

std::string resourcesDir() {
    if (const char* env = std::getenv("REASONSCOPE_RESOURCES"); env && *env)
        return env;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path installed = exe.parent_path().parent_path() / "share" / "reasonscope";
        if (hasLexicon(installed))
            return installed.string();
    }
    return RS_SOURCE_RESOURCE_DIR;
}

std::string cacheDir() {
    return homeSubdir("XDG_CACHE_HOME", ".cache");
}
std::string dataDir() {
    return homeSubdir("XDG_DATA_HOME", ".local/share");
}

std::vector<std::string> demoKgFiles(const std::string& resources) {
    return {(std::filesystem::path(resources) / "demo" / "kg" / "demo-kg.tsv").string()};
}

std::vector<std::string> demoOutputFiles(const std::string& resources) {
    const std::filesystem::path outputs = std::filesystem::path(resources) / "demo" / "outputs";
    return {(outputs / "demo-outputs.jsonl").string(), (outputs / "demo-imaging.jsonl").string(),
            (outputs / "demo-reading.jsonl").string()};
}

std::string referenceRangesFile(const std::string& resources) {
    return (std::filesystem::path(resources) / "reference-ranges" / "reference-ranges.tsv")
        .string();
}

} // namespace rs
