#include "ReasoningPath.h"

#include "StepSegmenter.h"

#include <algorithm>
#include <cstdint>
#include <unordered_set>

namespace rs {

ReasoningPath buildReasoningPath(const std::vector<Mention>& mentions,
                                 const std::vector<Step>& steps, NodeId conclusion) {
    ReasoningPath p;
    std::unordered_set<NodeId> seen;
    seen.reserve(mentions.size() * 2);
    int conclusionStep = -1;
    for (const Mention& m : mentions) {
        if (m.node == kNoNode)
            continue;
        const int step = StepSegmenter::stepAt(steps, m.begin);
        if (m.node == conclusion) {
            // The conclusion is where the model last names its answer, usually the final
            // "the answer is ..." step, not where it first weighs the option.
            conclusionStep = step;
            continue;
        }
        if (seen.insert(m.node).second) {
            p.nodes.push_back(m.node);
            p.steps.push_back(step);
        }
    }
    if (conclusion != kNoNode) {
        p.nodes.push_back(conclusion);
        p.steps.push_back(conclusionStep);
    }
    return p;
}

PathAlignment alignPaths(const std::vector<NodeId>& reasoning,
                         const std::vector<NodeId>& reference) {
    PathAlignment out;
    const std::size_t m = reasoning.size(), n = reference.size();
    if (m == 0 || n == 0)
        return out;
    // Reference paths have at most a handful of nodes, so the table is m x (n+1) small ints.
    std::vector<std::uint16_t> table((m + 1) * (n + 1), 0);
    auto at = [&](std::size_t i, std::size_t j) -> std::uint16_t& {
        return table[i * (n + 1) + j];
    };
    for (std::size_t i = m; i-- > 0;)
        for (std::size_t j = n; j-- > 0;)
            at(i, j) = reasoning[i] == reference[j] ? std::uint16_t(at(i + 1, j + 1) + 1)
                                                    : std::max(at(i + 1, j), at(i, j + 1));
    std::size_t i = 0, j = 0;
    while (i < m && j < n) {
        if (reasoning[i] == reference[j]) {
            out.pairs.emplace_back(i, j);
            ++i;
            ++j;
        } else if (at(i + 1, j) >= at(i, j + 1)) {
            ++i;
        } else {
            ++j;
        }
    }
    return out;
}

int bestReference(const std::vector<NodeId>& reasoning,
                  const std::vector<ReferencePath>& references) {
    int best = -1;
    std::size_t bestLength = 0;
    for (std::size_t r = 0; r < references.size(); ++r) {
        const std::size_t len = alignPaths(reasoning, references[r].nodes).length();
        if (best < 0 || len > bestLength) {
            best = int(r);
            bestLength = len;
        }
    }
    return best;
}

} // namespace rs
