#pragma once
// The binary cache of a loaded knowledge graph, so a second start does not parse text.
// One file per set of sources, named after a hash of the sources' sha256 (in order) and the
// loader version; it also keeps the per-source reports and errors, so a cached load reports
// exactly what the parse did. Written to a temporary file and renamed, and checked with a
// CRC and structural validation on reading: a damaged cache is refused, never trusted.
#include "ImportError.h"
#include "KgSourceReport.h"
#include "KnowledgeGraph.h"

#include <optional>
#include <string>
#include <vector>

namespace rs {

struct KgCacheEntry {
    KnowledgeGraph graph;
    std::vector<KgSourceReport> sources;
    std::vector<ImportError> errors;
};

// Bump when a loader's output changes for the same input, so old caches stop matching.
inline constexpr int kKgLoaderVersion = 1;

// "<cacheDir>/kg-<sha256>.bin"
std::string kgCachePath(const std::string& cacheDir, const std::vector<std::string>& sourceSha256s);

// nullopt with *why set when the file is missing, damaged, or for other sources.
std::optional<KgCacheEntry> readKgCache(const std::string& path,
                                        const std::vector<std::string>& sourceSha256s,
                                        std::string* why);

// False with *why set on failure; a failed write leaves no partial file behind.
bool writeKgCache(const std::string& path, const std::vector<std::string>& sourceSha256s,
                  const KnowledgeGraph& graph, const std::vector<KgSourceReport>& sources,
                  const std::vector<ImportError>& errors, std::string* why);

} // namespace rs
