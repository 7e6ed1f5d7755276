#pragma once
// Where the reasoning paths of two answers to one question part: the concepts both paths
// start with, the concept after which they go different ways, what each takes next, the
// concepts only one of them uses, and whether they were checked against the same
// reference paths. The comparison path view marks these; plain C++ so it is tested
// without a display.
#include "CaseResult.h"

#include <string>
#include <vector>

namespace rs {

struct PathDivergence {
    // Concept names of the shared start, in path order (empty: they differ from the first).
    std::vector<std::string> sharedPrefix;
    // The last shared concept, where the paths part; empty when they share no start or
    // never part.
    std::string partingAt;
    // The first concept of each path after the shared start; empty when that path ends
    // there.
    std::string baseNext, headNext;
    // Concepts on one path only, in that path's order, each once.
    std::vector<std::string> baseOnly, headOnly;
    bool identical = false;          // the same concepts in the same order
    bool sameReferencePaths = false; // both were checked against the same reference paths
    std::size_t referencePaths = 0;  // how many the base has (the head's when they differ)

    // Compares base's and head's reasoning paths (nodes the KG did not have are skipped;
    // a concept repeated at once on one path counts once).
    static PathDivergence between(const CaseResult& base, const CaseResult& head);
};

} // namespace rs
