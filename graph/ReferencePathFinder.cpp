#include "ReferencePathFinder.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <set>
#include <span>

namespace rs {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::uint8_t kUnlabelled = 255;
constexpr std::uint8_t kUnreachable = 255;
constexpr std::uint32_t kNodeState = std::numeric_limits<std::uint32_t>::max();

// The backward BFS labels a further level only when the current one has at most this many
// adjacency entries to read. Levels next to the target are cheap and prune deep hops
// hard; in a small-world graph the level after is most of the graph, costs more than the
// whole search and prunes little (measured on the PrimeKG-sized benchmark: a budget of
// 2^16 entries beats both 2^12 and 2^20). Stopping early only loosens the bound; results
// are the same.
constexpr std::size_t kBfsLevelWork = std::size_t(1) << 16;

// Costs are sums of doubles; this slack keeps the A* heuristic below every true remaining
// cost despite rounding, and lets a candidate tie with the cost bound.
constexpr double kSlack = 1e-9;

std::atomic<std::uint64_t> nextInstanceId{1};

// Calls f once for every node adjacent to v in either direction (self excluded: a loop
// never lies on a loopless path) by merging the node-sorted out- and in-lists; returns the
// count.
template <typename F> std::size_t distinctNeighbours(const KnowledgeGraph& g, NodeId v, F&& f) {
    const auto out = g.out(v), in = g.in(v);
    std::size_t i = 0, j = 0, count = 0;
    NodeId last = kNoNode;
    while (i < out.size() || j < in.size()) {
        NodeId w;
        if (j >= in.size() || (i < out.size() && out[i].node <= in[j].node))
            w = out[i++].node;
        else
            w = in[j++].node;
        if (w == last || w == v)
            continue;
        last = w;
        f(w);
        ++count;
    }
    return count;
}

double pathCost(const std::vector<double>& nodeCost, const std::vector<NodeId>& nodes) {
    double c = 0;
    for (std::size_t i = 1; i < nodes.size(); ++i)
        c += nodeCost[nodes[i]];
    return c;
}

} // namespace

// Per-thread search state sized to the graph. Arrays are allocated once and put back to
// their neutral values through touched lists, so a query costs what it visits, not O(N).
struct ReferencePathFinder::Scratch {
    std::uint64_t owner = 0;
    std::size_t nodes = 0;
    int stride = 0; // hop states per node (maxHops + 1)

    std::vector<double> g;      // best known cost of state (node, hops); +inf when unseen
    std::vector<NodeId> parent; // predecessor node of that state (valid where g < inf)
    std::vector<std::size_t> touchedStates;

    std::vector<std::uint8_t> hops; // exact hop distance to the target, or kUnlabelled
    std::vector<NodeId> touchedHops;
    std::uint8_t unlabelledBound = 0; // lower bound for unlabelled nodes (kUnreachable: none)

    std::vector<std::uint32_t> blocked; // == stamp: node is on the current root path
    std::uint32_t stamp = 0;

    // f orders the heap. A node state (cursor == kNodeState) is a reached (node, hops); a
    // continuation stands for the not yet generated successors of that state from cursor
    // on, keyed by a lower bound of their f, so cheap successors come out first and dear
    // ones are never generated when the target is popped before them.
    struct HeapItem {
        double f, g;
        NodeId node;
        std::uint32_t cursor;
        int hop;
        bool operator>(const HeapItem& o) const { return f > o.f; }
    };
    std::vector<HeapItem> heap;
    std::vector<NodeId> frontier, next;
    // floor[d]: least cost from a node d hops from the target to the target (sum of the
    // cheapest node of each level in between, plus the target); floor[0] = 0.
    std::vector<double> floor;

    std::uint8_t lowerBound(NodeId n) const {
        return hops[n] == kUnlabelled ? unlabelledBound : hops[n];
    }
};

ReferencePathFinder::ReferencePathFinder(const KnowledgeGraph& graph, double hubPenalty,
                                         const std::vector<std::string>& interiorExcludedKinds)
    : graph_(graph), hubPenalty_(std::max(0.0, hubPenalty)), instanceId_(nextInstanceId++) {
    const std::size_t n = graph.nodeCount();
    nodeCost_.resize(n);
    for (NodeId v = 0; v < n; ++v)
        nodeCost_[v] = 1.0 + hubPenalty_ * std::log1p(double(graph.degree(v)));
    std::vector<std::uint8_t> kindPassable(graph.kindCount(), 1);
    for (const std::string& kind : interiorExcludedKinds)
        if (auto k = graph.findKind(kind))
            kindPassable[*k] = 0;
    passable_.resize(n);
    for (NodeId v = 0; v < n; ++v)
        passable_[v] = kindPassable[graph.kindId(v)];

    // Each neighbour list must come out cheapest first. Rather than sorting 2E entries,
    // visit nodes once in cost order and append each to the lists of its neighbours.
    neighbourOffsets_.assign(n + 1, 0);
    for (NodeId v = 0; v < n; ++v)
        neighbourOffsets_[v + 1] =
            neighbourOffsets_[v] + distinctNeighbours(graph, v, [](NodeId) {});
    neighbours_.resize(neighbourOffsets_[n]);
    std::vector<NodeId> order(n);
    for (NodeId v = 0; v < n; ++v)
        order[v] = v;
    std::sort(order.begin(), order.end(), [&](NodeId a, NodeId b) {
        return nodeCost_[a] != nodeCost_[b] ? nodeCost_[a] < nodeCost_[b] : a < b;
    });
    std::vector<std::uint64_t> fill(neighbourOffsets_.begin(), neighbourOffsets_.end() - 1);
    for (NodeId u : order)
        distinctNeighbours(graph, u, [&](NodeId v) { neighbours_[fill[v]++] = u; });
}

ReferencePathFinder::Scratch& ReferencePathFinder::scratch(int maxHops) const {
    // One scratch per thread, rebuilt when the thread switches to another finder (or
    // needs a deeper hop bound); the common case is one finder per process.
    thread_local Scratch s;
    const std::size_t n = graph_.nodeCount();
    if (s.owner != instanceId_ || s.nodes != n || s.stride < maxHops + 1) {
        s = Scratch();
        s.owner = instanceId_;
        s.nodes = n;
        s.stride = maxHops + 1;
        s.g.assign(n * std::size_t(s.stride), kInf);
        s.parent.assign(n * std::size_t(s.stride), kNoNode);
        s.hops.assign(n, kUnlabelled);
        s.blocked.assign(n, 0);
    }
    return s;
}

void ReferencePathFinder::computeHopBounds(Scratch& s, NodeId target, int maxHops) const {
    for (NodeId n : s.touchedHops)
        s.hops[n] = kUnlabelled;
    s.touchedHops.clear();

    s.hops[target] = 0;
    s.touchedHops.push_back(target);
    s.frontier.assign(1, target);
    s.floor.assign(1, 0.0);
    double floor = nodeCost_[target];
    std::size_t frontierWork = neighbours(target).size();
    int level = 0;
    // Labels are complete up to `level`. A state (v, h) needs hops(v) <= maxHops - h and
    // only sources sit at h = 0, so levels beyond maxHops - 1 never prune anything. Level
    // 1 is always labelled: "adjacent to the target" is then one lookup.
    while (!s.frontier.empty() &&
           (level == 0 || (level < maxHops - 1 && frontierWork <= kBfsLevelWork))) {
        s.next.clear();
        std::size_t nextWork = 0;
        double cheapest = kInf;
        for (NodeId v : s.frontier)
            for (NodeId w : neighbours(v)) {
                if (s.hops[w] != kUnlabelled)
                    continue;
                s.hops[w] = std::uint8_t(level + 1);
                s.touchedHops.push_back(w);
                s.next.push_back(w);
                nextWork += neighbours(w).size();
                cheapest = std::min(cheapest, nodeCost_[w]);
            }
        s.floor.push_back(floor);
        floor += cheapest;
        s.frontier.swap(s.next);
        frontierWork = nextWork;
        ++level;
    }
    // An exhausted frontier means every node that can reach the target is labelled.
    s.unlabelledBound = s.frontier.empty() ? kUnreachable : std::uint8_t(level + 1);
    s.floor.push_back(floor); // for unlabelled nodes: they pass every labelled level
}

bool ReferencePathFinder::search(Scratch& s, const std::vector<NodeId>& origins, NodeId target,
                                 int budget, const std::vector<NodeId>& blockedFirstHops,
                                 double costBound, std::vector<NodeId>& pathOut) const {
    const std::size_t stride = std::size_t(s.stride);
    const double targetCost = nodeCost_[target];
    const double limit = costBound == kInf ? kInf : costBound + kSlack * (1 + std::abs(costBound));
    // A*: from a node d hops away the path still passes one node of each level d-1 .. 1
    // and the target. Consistent: a step lowers d by at most one and costs at least the
    // cheapest node of the level it lands on.
    const auto heuristic = [&](NodeId v) {
        if (v == target)
            return 0.0;
        const std::uint8_t d = s.lowerBound(v);
        return s.floor[std::min<std::size_t>(d, s.floor.size() - 1)] * (1 - kSlack);
    };
    // A state is useless when the same node was reached as cheaply in no more hops.
    const auto dominated = [&](NodeId v, int h, double g) {
        const double* row = &s.g[std::size_t(v) * stride];
        for (int j = 0; j <= h; ++j)
            if (row[j] <= g)
                return true;
        return false;
    };
    const auto push = [&](const Scratch::HeapItem& item) {
        s.heap.push_back(item);
        std::push_heap(s.heap.begin(), s.heap.end(), std::greater<>{});
    };
    // Reaches w from state (v, h) at cost g, if that can still matter.
    const auto relax = [&](NodeId v, int h, double g, NodeId w) {
        const int nh = h + 1;
        if (s.blocked[w] == s.stamp || nh + s.lowerBound(w) > budget)
            return;
        const double ng = g + nodeCost_[w];
        const double f = ng + heuristic(w);
        if (f > limit || dominated(w, nh, ng))
            return;
        if (h == 0 && !blockedFirstHops.empty() &&
            std::find(blockedFirstHops.begin(), blockedFirstHops.end(), w) !=
                blockedFirstHops.end())
            return;
        const std::size_t i = std::size_t(w) * stride + std::size_t(nh);
        if (s.g[i] == kInf)
            s.touchedStates.push_back(i);
        s.g[i] = ng;
        s.parent[i] = v;
        push({f, ng, w, kNodeState, nh});
    };
    // Lower bound of f for any successor w != target: every other node is >= 1 hop away.
    const auto successorKey = [&](double g, NodeId w) { return g + nodeCost_[w] + targetCost; };

    s.heap.clear();
    for (NodeId o : origins) {
        if (s.lowerBound(o) > budget || dominated(o, 0, 0.0))
            continue;
        const std::size_t i = std::size_t(o) * stride;
        s.touchedStates.push_back(i);
        s.g[i] = 0.0;
        s.parent[i] = kNoNode;
        s.heap.push_back({heuristic(o), 0.0, o, kNodeState, 0});
    }
    std::make_heap(s.heap.begin(), s.heap.end(), std::greater<>{});

    bool found = false;
    while (!s.heap.empty()) {
        std::pop_heap(s.heap.begin(), s.heap.end(), std::greater<>{});
        const Scratch::HeapItem item = s.heap.back();
        s.heap.pop_back();
        if (item.f > limit)
            break;
        const NodeId v = item.node;
        const int h = item.hop;
        if (item.g > s.g[std::size_t(v) * stride + std::size_t(h)])
            continue; // a cheaper way to this state was found since
        if (h > 0 && dominated(v, h - 1, item.g))
            continue;
        const std::span<const NodeId> next = neighbours(v);

        if (item.cursor == kNodeState) {
            if (v == target) {
                pathOut.clear();
                for (NodeId at = v, hop = NodeId(h);; --hop) {
                    pathOut.push_back(at);
                    if (hop == 0)
                        break;
                    at = s.parent[std::size_t(at) * stride + hop];
                }
                std::reverse(pathOut.begin(), pathOut.end());
                found = true;
                break;
            }
            if (h >= budget)
                continue;
            if (s.hops[v] == 1)
                relax(v, h, item.g, target);
            // One hop left: only the target could follow.
            if (h + 1 < budget && !next.empty())
                push({successorKey(item.g, next[0]), item.g, v, 0, h});
            continue;
        }

        // Continuation: generate successors cheapest first while they are no dearer than
        // anything else waiting, then park the rest.
        std::size_t cursor = item.cursor;
        bool progressed = false;
        while (cursor < next.size()) {
            const NodeId w = next[cursor];
            const double key = successorKey(item.g, w);
            if (key > limit) {
                cursor = next.size();
                break;
            }
            if (progressed && !s.heap.empty() && key > s.heap.front().f)
                break;
            progressed = true;
            ++cursor;
            if (w != target && passable_[w]) // the target is reached from the node state
                relax(v, h, item.g, w);
        }
        if (cursor < next.size())
            push({successorKey(item.g, next[cursor]), item.g, v, std::uint32_t(cursor), h});
    }

    for (std::size_t i : s.touchedStates)
        s.g[i] = kInf;
    s.touchedStates.clear();
    return found;
}

ReferencePathFinder::PathIds ReferencePathFinder::describe(std::vector<NodeId> nodes) const {
    PathIds p;
    p.cost = pathCost(nodeCost_, nodes);
    const auto firstTo = [](std::span<const KgEdge> list, NodeId v) {
        auto it = std::lower_bound(list.begin(), list.end(), v,
                                   [](const KgEdge& e, NodeId n) { return e.node < n; });
        return it != list.end() && it->node == v ? it->relation : kNoRelation;
    };
    for (std::size_t i = 0; i + 1 < nodes.size(); ++i) {
        // Lists are sorted by (node, relation): the first hit is the lowest relation id.
        const RelationId fwd = firstTo(graph_.out(nodes[i]), nodes[i + 1]);
        const RelationId bwd = firstTo(graph_.in(nodes[i]), nodes[i + 1]);
        const bool forward = fwd != kNoRelation && (bwd == kNoRelation || fwd <= bwd);
        p.relations.push_back(forward ? fwd : bwd);
        p.forward.push_back(forward);
    }
    p.nodes = std::move(nodes);
    return p;
}

std::vector<ReferencePathFinder::PathIds>
ReferencePathFinder::find(const std::vector<NodeId>& sources, NodeId target, int k,
                          int maxHops) const {
    const std::size_t n = graph_.nodeCount();
    if (k <= 0 || maxHops <= 0 || target >= n)
        return {};
    maxHops = std::min(maxHops, kMaxHopsLimit);
    std::vector<NodeId> starts;
    for (NodeId src : sources)
        if (src < n && src != target)
            starts.push_back(src);
    std::sort(starts.begin(), starts.end());
    starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
    if (starts.empty())
        return {};

    Scratch& s = scratch(maxHops);
    computeHopBounds(s, target, maxHops);
    const auto nextStamp = [&] {
        if (++s.stamp == 0) { // wrapped: forget every old mark
            std::fill(s.blocked.begin(), s.blocked.end(), 0);
            s.stamp = 1;
        }
    };

    // Yen over the graph plus a virtual source joined to every start. Paths are written
    // without the virtual source; spur index j counts it, so j = 0 spurs from the virtual
    // source (a different start), j >= 1 from nodes[j - 1].
    struct Candidate {
        std::vector<NodeId> nodes;
        double cost;
        std::size_t deviation; // spur index it was found at (Lawler: earlier spurs are done)
    };
    const auto before = [](const Candidate& a, const Candidate& b) {
        if (a.cost != b.cost)
            return a.cost < b.cost;
        if (a.nodes.size() != b.nodes.size())
            return a.nodes.size() < b.nodes.size();
        return a.nodes < b.nodes;
    };

    std::vector<Candidate> accepted, pending;
    std::set<std::vector<NodeId>> seen;
    std::vector<NodeId> path, origins, blockedNext, total;

    nextStamp();
    if (!search(s, starts, target, maxHops, {}, kInf, path))
        return {};
    seen.insert(path);
    accepted.push_back({path, pathCost(nodeCost_, path), 0});

    while (int(accepted.size()) < k) {
        const Candidate last = accepted.back();
        for (std::size_t j = last.deviation; j < last.nodes.size(); ++j) {
            // Paths already accepted with the same root must leave it by another edge.
            blockedNext.clear();
            for (const Candidate& a : accepted)
                if (a.nodes.size() > j &&
                    std::equal(a.nodes.begin(), a.nodes.begin() + std::ptrdiff_t(j),
                               last.nodes.begin()))
                    blockedNext.push_back(a.nodes[j]);

            // Only as many pending candidates as slots remain can still be chosen; a spur
            // path dearer than the last of them cannot.
            double bound = kInf;
            const std::size_t slots = std::size_t(k) - accepted.size();
            if (pending.size() >= slots) {
                std::vector<double> costs;
                for (const Candidate& c : pending)
                    costs.push_back(c.cost);
                std::nth_element(costs.begin(), costs.begin() + std::ptrdiff_t(slots - 1),
                                 costs.end());
                bound = costs[slots - 1];
            }

            nextStamp();
            int budget = maxHops;
            double rootCost = 0;
            origins.clear();
            if (j == 0) {
                for (NodeId src : starts)
                    if (std::find(blockedNext.begin(), blockedNext.end(), src) == blockedNext.end())
                        origins.push_back(src);
                blockedNext.clear();
            } else {
                for (std::size_t r = 0; r + 1 < j; ++r)
                    s.blocked[last.nodes[r]] = s.stamp;
                origins.push_back(last.nodes[j - 1]);
                budget = maxHops - int(j - 1);
                for (std::size_t r = 1; r < j; ++r)
                    rootCost += nodeCost_[last.nodes[r]];
            }
            if (origins.empty())
                continue;
            if (!search(s, origins, target, budget, blockedNext, bound - rootCost, path))
                continue;
            total.assign(last.nodes.begin(),
                         last.nodes.begin() + std::ptrdiff_t(j == 0 ? 0 : j - 1));
            total.insert(total.end(), path.begin(), path.end());
            if (!seen.insert(total).second)
                continue;
            pending.push_back({total, pathCost(nodeCost_, total), j});
        }
        if (pending.empty())
            break;
        auto best = std::min_element(pending.begin(), pending.end(), before);
        accepted.push_back(std::move(*best));
        pending.erase(best);
    }

    // Yen accepts in cost order already; among equal costs the search's choice is
    // arbitrary, so fix the order the documentation promises.
    std::sort(accepted.begin(), accepted.end(), before);
    std::vector<PathIds> result;
    result.reserve(accepted.size());
    for (Candidate& c : accepted)
        result.push_back(describe(std::move(c.nodes)));
    return result;
}

std::optional<ReferencePathFinder::PathIds> ReferencePathFinder::shortest(NodeId a, NodeId b,
                                                                          int maxHops) const {
    if (a == b)
        return std::nullopt;
    auto paths = find({a}, b, 1, maxHops);
    if (paths.empty())
        return std::nullopt;
    return std::move(paths.front());
}

} // namespace rs
