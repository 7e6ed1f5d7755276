#pragma once
// The model's reasoning path P (its linked entities in the order it brings them up, the
// conclusion last) and its alignment with KG reference paths: the best reference r* is
// the one sharing the longest common subsequence of nodes with P.
#include "CaseAnalysis.h"

#include <cstddef>
#include <utility>
#include <vector>

namespace rs {

struct ReasoningPath {
    std::vector<NodeId> nodes;
    std::vector<int> steps; // step of each node (first mention; last mention for the conclusion)
};

// Unique mention nodes in text order; conclusion (when not kNoNode) moved or appended last.
// mentions and steps must be ordered by offset.
ReasoningPath buildReasoningPath(const std::vector<Mention>& mentions,
                                 const std::vector<Step>& steps, NodeId conclusion);

// One longest common subsequence of node ids: pairs (index in reasoning, index in
// reference), increasing in both.
struct PathAlignment {
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    std::size_t length() const { return pairs.size(); }
};

PathAlignment alignPaths(const std::vector<NodeId>& reasoning,
                         const std::vector<NodeId>& reference);

// Index of r*: longest alignment with reasoning; ties (and all-zero) go to the earlier,
// i.e. cheaper, path. -1 when references is empty.
int bestReference(const std::vector<NodeId>& reasoning,
                  const std::vector<ReferencePath>& references);

} // namespace rs
