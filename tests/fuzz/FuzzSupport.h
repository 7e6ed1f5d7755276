#pragma once
// Shared by the fuzz targets and their replay executables. The readers take a path, so each
// input is written to a scratch file of this process first (a fuzzer runs one input at a
// time, and the same file is reused so the disk does not fill up).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>
#include <unistd.h>

namespace rs::fuzz {

// "<TMPDIR>/rs-fuzz-<pid>-<name>"; the name keeps a suffix a reader may look at (".gz").
inline std::string scratchPath(std::string_view name) {
    const char* tmp = std::getenv("TMPDIR");
    std::string dir = tmp && *tmp ? tmp : "/tmp";
    return dir + "/rs-fuzz-" + std::to_string(::getpid()) + "-" + std::string(name);
}

inline std::string writeScratch(std::string_view name, const std::uint8_t* data, std::size_t size) {
    const std::string path = scratchPath(name);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), std::streamsize(size));
    return path;
}

// A broken promise of the code under test: reported like a crash, so the fuzzer keeps the
// input and the replay test fails on it.
[[noreturn]] inline void violated(const char* what) {
    std::fprintf(stderr, "contract violated: %s\n", what);
    std::abort();
}

inline void check(bool ok, const char* what) {
    if (!ok)
        violated(what);
}

// Splits an input at its first newline: a small control part (a --map spec, a filter) and
// the rest.
inline std::pair<std::string, std::string_view> splitFirstLine(const std::uint8_t* data,
                                                               std::size_t size) {
    const std::string_view all(reinterpret_cast<const char*>(data), size);
    const std::size_t nl = all.find('\n');
    if (nl == std::string_view::npos)
        return {std::string(all), {}};
    return {std::string(all.substr(0, nl)), all.substr(nl + 1)};
}

} // namespace rs::fuzz
