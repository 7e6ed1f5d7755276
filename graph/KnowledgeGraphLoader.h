#pragma once
// Loads one knowledge graph from any number of source files of any supported format
// (told from content), merging their nodes, and keeps a binary cache keyed by the
// sources' sha256 so that a second load of the same files does not parse text.
#include "ImportError.h"
#include "KgSourceReport.h"
#include "KnowledgeGraph.h"

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace rs {

struct KgLoadOptions {
    std::string cacheDir; // empty: no cache
    // fraction in [0, 1]; called from the loading thread
    std::function<void(double fraction, const std::string& stage)> progress;
    const std::atomic<bool>* cancel = nullptr;
};

struct KgLoadResult {
    std::shared_ptr<const KnowledgeGraph> graph; // null on a fatal error or cancel
    std::vector<KgSourceReport> sources;         // in the order the paths were given
    std::vector<ImportError> errors;             // at most 1000 per source, plus a summary
    bool fromCache = false;
    std::string fatalError;
    bool cancelled = false;
    // Why the cache was not used or not written (empty when it worked or is off). Never
    // fatal: the graph is then parsed from text.
    std::string cacheNote;
};

// Node-defining sources load before edge-only ones whatever the order given, so a SIF can
// name the nodes of a Hetionet node file listed after it.
KgLoadResult loadKnowledgeGraph(const std::vector<std::string>& paths,
                                const KgLoadOptions& options = {});

} // namespace rs
