#pragma once
// Reference paths: the K cheapest loopless paths (Yen) from a set of evidence nodes to an
// answer node with at most H edges. Edges are walked in either direction (a symptom is
// reached from a disease against the `presents` edge), and the direction is recorded.
//
// Weights penalise hubs: stepping onto node v costs 1 + a*log(1 + degree(v)), a =
// hubPenalty (default 1). The constant 1 keeps short paths preferred; the log term makes
// stepping onto a gene with 5,000 edges cost 9.5 against 4.0 for a disease with 20, so paths
// read as clinical chains (symptom -> disease -> drug) instead of detours through giant
// gene or process hubs. a = 0 gives plain hop counts; a < 0 is taken as 0 (a negative
// penalty would reward hubs and break the search's assumption of positive costs). The cost
// of a path is the sum over its nodes after the first, so it does not depend on which
// evidence node it starts from.
//
// Each hop-bounded search is A* over (node, hops) states, exact, pruned by hop distances
// from a backward BFS around the target. Every querying thread keeps its own scratch
// (about 12 * nodes * (maxHops + 1) bytes), reused across queries.
#include "Ids.h"
#include "KnowledgeGraph.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace rs {

class ReferencePathFinder {
public:
    struct PathIds {
        std::vector<NodeId> nodes;
        std::vector<RelationId> relations; // relations[i] joins nodes[i] and nodes[i+1]
        std::vector<bool> forward;         // true when the KG edge is nodes[i] -> nodes[i+1]
        double cost = 0;
    };

    // Hop bounds above this are clamped: the search state is (node, hops).
    static constexpr int kMaxHopsLimit = 16;

    // Builds the undirected, cost-ordered neighbour lists: O(edges), done once per graph.
    // Nodes of an interiorExcludedKinds kind may start or end a path but never sit inside
    // one: a clinical reference path (symptom -> disease -> drug) should not detour through
    // genes or GO processes that no clinical explanation names.
    explicit ReferencePathFinder(const KnowledgeGraph& graph, double hubPenalty = 1.0,
                                 const std::vector<std::string>& interiorExcludedKinds = {});
    ReferencePathFinder(const ReferencePathFinder&) = delete;
    ReferencePathFinder& operator=(const ReferencePathFinder&) = delete;

    // Up to k loopless paths from any of sources to target with at most maxHops edges,
    // cheapest first; equal costs are ordered by fewer hops, then by node ids (when several
    // paths tie for the k-th place, which of them is returned is deterministic but not
    // specified). Paths are distinct by node sequence and may pass through other sources;
    // between two adjacent nodes the edge with the lowest relation id is reported (forward
    // before backward). Sources equal to target or out of range are ignored. Thread-safe.
    std::vector<PathIds> find(const std::vector<NodeId>& sources, NodeId target, int k,
                              int maxHops) const;
    // The cheapest path a -> b within maxHops edges; nullopt when none or a == b.
    std::optional<PathIds> shortest(NodeId a, NodeId b, int maxHops) const;

    double hubPenalty() const { return hubPenalty_; }
    // False for nodes that may not be interior nodes of a path.
    bool passable(NodeId n) const { return passable_[n] != 0; }
    // Bytes held beside the graph (node costs and the undirected neighbour lists).
    std::size_t memoryBytes() const {
        return nodeCost_.size() * sizeof(double) +
               neighbourOffsets_.size() * sizeof(std::uint64_t) +
               neighbours_.size() * sizeof(NodeId);
    }
    // The cost of stepping onto n.
    double nodeCost(NodeId n) const { return nodeCost_[n]; }
    const KnowledgeGraph& graph() const { return graph_; }

private:
    struct Scratch;
    Scratch& scratch(int maxHops) const;
    void computeHopBounds(Scratch& s, NodeId target, int maxHops) const;
    bool search(Scratch& s, const std::vector<NodeId>& origins, NodeId target, int budget,
                const std::vector<NodeId>& blockedFirstHops, double costBound,
                std::vector<NodeId>& pathOut) const;
    PathIds describe(std::vector<NodeId> nodes) const;

    std::span<const NodeId> neighbours(NodeId n) const {
        return {neighbours_.data() + neighbourOffsets_[n],
                neighbours_.data() + neighbourOffsets_[n + 1]};
    }

    const KnowledgeGraph& graph_;
    double hubPenalty_;
    std::vector<double> nodeCost_;
    std::vector<std::uint8_t> passable_;
    // The undirected view: each adjacent node once, cheapest to step onto first, so a
    // search can stop reading a list where the costs exceed what is still useful.
    std::vector<std::uint64_t> neighbourOffsets_;
    std::vector<NodeId> neighbours_;
    std::uint64_t instanceId_; // tells thread-local scratch which finder it belongs to
};

} // namespace rs
