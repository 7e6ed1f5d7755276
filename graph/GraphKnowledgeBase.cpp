#include "GraphKnowledgeBase.h"

#include <algorithm>

namespace rs {

GraphKnowledgeBase::GraphKnowledgeBase(const KnowledgeGraph& graph, const NameIndex& names,
                                       const ReferencePathFinder& paths)
    : graph_(graph), names_(names), paths_(paths) {}

std::size_t GraphKnowledgeBase::nodeCount() const {
    return graph_.nodeCount();
}

// Out-of-range ids answer empty rather than crash: ids can come from a stale project file
// analysed against another graph.
std::string_view GraphKnowledgeBase::nodeName(NodeId n) const {
    return n < graph_.nodeCount() ? graph_.name(n) : std::string_view();
}

std::string_view GraphKnowledgeBase::nodeKind(NodeId n) const {
    return n < graph_.nodeCount() ? graph_.kind(n) : std::string_view();
}

std::string_view GraphKnowledgeBase::nodeKey(NodeId n) const {
    return n < graph_.nodeCount() ? graph_.key(n) : std::string_view();
}

std::string_view GraphKnowledgeBase::relationName(RelationId r) const {
    return r < graph_.relationCount() ? graph_.relationName(r) : std::string_view();
}

std::size_t GraphKnowledgeBase::degree(NodeId n) const {
    return n < graph_.nodeCount() ? graph_.degree(n) : 0;
}

std::vector<EdgeBetween> GraphKnowledgeBase::edgesBetween(NodeId a, NodeId b) const {
    std::vector<EdgeBetween> edges;
    if (a >= graph_.nodeCount() || b >= graph_.nodeCount())
        return edges;
    // Both lists are sorted by (node, relation): the run for b is one equal_range.
    const auto collect = [&](std::span<const KgEdge> list, bool forward) {
        auto [lo, hi] =
            std::equal_range(list.begin(), list.end(), KgEdge{b, 0},
                             [](const KgEdge& x, const KgEdge& y) { return x.node < y.node; });
        for (auto it = lo; it != hi; ++it)
            edges.push_back({it->relation, forward});
    };
    collect(graph_.out(a), true);
    collect(graph_.in(a), false);
    if (a == b) // a self-loop appears in both lists; it is one edge
        std::erase_if(edges, [](const EdgeBetween& e) { return !e.forward; });
    return edges;
}

std::vector<NeighbourEdge> GraphKnowledgeBase::neighbours(NodeId n) const {
    std::vector<NeighbourEdge> result;
    if (n >= graph_.nodeCount())
        return result;
    result.reserve(graph_.degree(n));
    for (const KgEdge& e : graph_.out(n))
        result.push_back({e.node, e.relation, true});
    for (const KgEdge& e : graph_.in(n))
        result.push_back({e.node, e.relation, false});
    return result;
}

std::vector<Mention> GraphKnowledgeBase::link(std::string_view text) const {
    return names_.link(text);
}

std::vector<Mention> GraphKnowledgeBase::linkTokens(std::string_view text,
                                                    const std::vector<Token>& tokens) const {
    return names_.link(text, tokens);
}

std::vector<ReferencePath> GraphKnowledgeBase::referencePaths(const std::vector<NodeId>& sources,
                                                              NodeId target, int k,
                                                              int maxHops) const {
    std::vector<ReferencePath> result;
    for (ReferencePathFinder::PathIds& p : paths_.find(sources, target, k, maxHops)) {
        ReferencePath r;
        r.nodes = std::move(p.nodes);
        for (RelationId rel : p.relations)
            r.relations.emplace_back(graph_.relationName(rel));
        r.forward = std::move(p.forward);
        r.cost = p.cost;
        r.origin = "kg";
        result.push_back(std::move(r));
    }
    return result;
}

std::optional<NodeId> GraphKnowledgeBase::findByName(std::string_view name) const {
    return names_.find(name);
}

} // namespace rs
