#pragma once
// The analysis' view (core/KnowledgeBase.h) of a loaded graph with its name index and path
// finder. Holds references only: the three objects must outlive it.
#include "KnowledgeBase.h"
#include "KnowledgeGraph.h"
#include "NameIndex.h"
#include "ReferencePathFinder.h"

namespace rs {

class GraphKnowledgeBase : public KnowledgeBase {
public:
    GraphKnowledgeBase(const KnowledgeGraph& graph, const NameIndex& names,
                       const ReferencePathFinder& paths);

    std::size_t nodeCount() const override;
    std::string_view nodeName(NodeId n) const override;
    std::string_view nodeKind(NodeId n) const override;
    std::string_view nodeKey(NodeId n) const override;
    std::string_view relationName(RelationId r) const override;
    std::size_t degree(NodeId n) const override;
    std::vector<EdgeBetween> edgesBetween(NodeId a, NodeId b) const override;
    std::vector<NeighbourEdge> neighbours(NodeId n) const override;
    std::vector<Mention> link(std::string_view text) const override;
    std::vector<Mention> linkTokens(std::string_view text,
                                    const std::vector<Token>& tokens) const override;
    std::vector<ReferencePath> referencePaths(const std::vector<NodeId>& sources, NodeId target,
                                              int k, int maxHops) const override;
    std::optional<NodeId> findByName(std::string_view name) const override;

private:
    const KnowledgeGraph& graph_;
    const NameIndex& names_;
    const ReferencePathFinder& paths_;
};

} // namespace rs
