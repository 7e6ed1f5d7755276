#pragma once
// What the analysis needs to know of a knowledge graph. core holds extraction and
// classification but must not depend on graph/ (graph -> core), so the analysis is written
// against this interface and graph/ implements it (GraphKnowledgeBase).
#include "CaseAnalysis.h"
#include "Ids.h"
#include "TextNormalizer.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rs {

// One KG edge seen from a node pair (a, b): forward is true when it points a -> b.
struct EdgeBetween {
    RelationId relation = kNoRelation;
    bool forward = true;
};

// One KG edge seen from a node: the node at its other end, and forward when it points away.
struct NeighbourEdge {
    NodeId node = kNoNode;
    RelationId relation = kNoRelation;
    bool forward = true;
};

class KnowledgeBase {
public:
    virtual ~KnowledgeBase() = default;

    virtual std::size_t nodeCount() const = 0;
    virtual std::string_view nodeName(NodeId n) const = 0;
    virtual std::string_view nodeKind(NodeId n) const = 0;
    virtual std::string_view nodeKey(NodeId n) const = 0; // source identifier, e.g. DOID:9352
    virtual std::string_view relationName(RelationId r) const = 0;

    // Number of edges touching n (in and out). A concept with none is known by name only:
    // nothing can be checked against it.
    virtual std::size_t degree(NodeId n) const = 0;

    // Every edge between a and b, in either direction.
    virtual std::vector<EdgeBetween> edgesBetween(NodeId a, NodeId b) const = 0;

    // Every edge touching n, in either direction. Claim checks walk them for is-a closures
    // and two-hop chains.
    virtual std::vector<NeighbourEdge> neighbours(NodeId n) const = 0;

    // Linked mentions in text: longest match over normalized tokens, with synonyms and
    // abbreviations; non-overlapping, ordered by begin.
    virtual std::vector<Mention> link(std::string_view text) const = 0;
    // The same with the tokens of text already computed (tokenize(text)), so that a linker
    // over those tokens need not tokenize the text again.
    virtual std::vector<Mention> linkTokens(std::string_view text,
                                            const std::vector<Token>& tokens) const {
        (void)tokens;
        return link(text);
    }

    // Up to k loopless shortest paths from any source to target with at most maxHops edges,
    // over hub-penalised weights, cheapest first.
    virtual std::vector<ReferencePath> referencePaths(const std::vector<NodeId>& sources,
                                                      NodeId target, int k, int maxHops) const = 0;

    // Node whose name (or synonym) equals the text after normalization, if any.
    virtual std::optional<NodeId> findByName(std::string_view name) const = 0;
};

} // namespace rs
