#pragma once
// The loaded knowledge graph: a typed, directed multigraph with interned node keys, names
// and kinds, and CSR out/in adjacency carrying relation ids. Immutable once built; built by
// KnowledgeGraphBuilder, saved and loaded by KnowledgeGraphCache.
#include "Ids.h"

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rs {

using KindId = std::uint16_t;

// One adjacency entry: the node at the other end and the relation.
struct KgEdge {
    NodeId node = kNoNode;
    RelationId relation = kNoRelation;
};

class KnowledgeGraph {
public:
    KnowledgeGraph() = default;

    std::size_t nodeCount() const { return names_.size(); }
    std::size_t edgeCount() const { return outEdges_.size(); }
    std::size_t relationCount() const { return relations_.size(); }
    std::size_t kindCount() const { return kinds_.size(); }

    std::string_view key(NodeId n) const { return keys_[n]; }
    std::string_view name(NodeId n) const { return names_[n]; }
    KindId kindId(NodeId n) const { return nodeKinds_[n]; }
    std::string_view kind(NodeId n) const { return kinds_[nodeKinds_[n]]; }
    std::string_view kindName(KindId k) const { return kinds_[k]; }
    std::string_view relationName(RelationId r) const { return relations_[r]; }

    std::optional<NodeId> findByKey(std::string_view key) const;
    std::optional<RelationId> findRelation(std::string_view name) const;
    std::optional<KindId> findKind(std::string_view name) const;

    // Out-edges (n -> e.node) and in-edges (e.node -> n), each sorted by (node, relation).
    std::span<const KgEdge> out(NodeId n) const {
        return {outEdges_.data() + outOffsets_[n], outEdges_.data() + outOffsets_[n + 1]};
    }
    std::span<const KgEdge> in(NodeId n) const {
        return {inEdges_.data() + inOffsets_[n], inEdges_.data() + inOffsets_[n + 1]};
    }
    std::size_t degree(NodeId n) const { return out(n).size() + in(n).size(); }

    // Other names a node is known by (names from merged sources); synonyms from the
    // curated lexicon are the NameIndex's business, not the graph's.
    std::span<const std::string> aliases(NodeId n) const {
        return {aliases_.data() + aliasOffsets_[n], aliases_.data() + aliasOffsets_[n + 1]};
    }

    // Every key that names a node, including keys of merged duplicates.
    const std::unordered_map<std::string, NodeId>& keyIndex() const { return keyIndex_; }

    // Binary form for the cache. load() validates sizes and offsets and returns nullopt with
    // a message on anything inconsistent (a truncated or foreign file must not crash).
    void save(std::ostream& out) const;
    static std::optional<KnowledgeGraph> load(std::istream& in, std::string* error);

private:
    friend class KnowledgeGraphBuilder;
    void rebuildIndexes();

    std::vector<std::string> keys_;
    std::vector<std::string> names_;
    std::vector<KindId> nodeKinds_;
    std::vector<std::string> kinds_;
    std::vector<std::string> relations_;
    std::vector<std::uint32_t> aliasOffsets_{0};
    std::vector<std::string> aliases_;
    std::vector<std::uint64_t> outOffsets_{0};
    std::vector<KgEdge> outEdges_;
    std::vector<std::uint64_t> inOffsets_{0};
    std::vector<KgEdge> inEdges_;
    std::vector<std::pair<std::string, NodeId>> extraKeys_; // keys of merged duplicates

    std::unordered_map<std::string, NodeId> keyIndex_;
    std::unordered_map<std::string, RelationId> relationIndex_;
    std::unordered_map<std::string, KindId> kindIndex_;
};

// Collects nodes and edges from any number of sources and merges duplicates: a node whose
// key is already known, or whose normalized name and kind match an existing node, is the
// same node (its key and name are kept as alternates).
class KnowledgeGraphBuilder {
public:
    // Returns the node, new or merged.
    NodeId addNode(std::string_view key, std::string_view name, std::string_view kind);
    std::optional<NodeId> findByKey(std::string_view key) const;
    std::optional<NodeId> findByName(std::string_view name, std::string_view kind) const;
    void addAlias(NodeId n, std::string_view name);
    // Another key for n (e.g. Hetionet's full "Disease::DOID:9352" beside "DOID:9352"). False
    // when the key already names a different node; the first owner keeps it.
    bool addKey(NodeId n, std::string_view key);
    // Starts a new source. From then on the name+kind merge only joins nodes of different
    // sources: one source's distinct ids are distinct concepts even when their names agree
    // (Hetionet has two genes named FFAR2). Before the first call every node merges by name.
    void beginSource();
    // Duplicate (head, relation, tail) edges collapse into one at build().
    void addEdge(NodeId head, std::string_view relation, NodeId tail);
    // For hot loops: intern the relation once, then add edges by id. kNoRelation when the
    // relation id space is exhausted (the caller reports it; such edges cannot be stored).
    RelationId internRelation(std::string_view relation);
    void addEdge(NodeId head, RelationId relation, NodeId tail) {
        edges_.push_back({head, tail, relation});
    }

    std::size_t nodeCount() const { return names_.size(); }
    std::size_t pendingEdgeCount() const { return edges_.size(); }

    KnowledgeGraph build();

private:
    struct PendingEdge {
        NodeId head;
        NodeId tail;
        RelationId relation;
    };
    KindId internKind(std::string_view kind);

    std::vector<std::string> keys_, names_;
    std::vector<KindId> nodeKinds_;
    std::vector<std::string> kinds_;
    std::unordered_map<std::string, KindId> kindIndex_;
    std::vector<std::string> relations_;
    std::unordered_map<std::string, RelationId> relationIndex_;
    std::unordered_map<std::string, NodeId> keyIndex_;
    std::unordered_map<std::string, NodeId> nameKindIndex_; // "kind\x1fnormalized name"
    std::vector<std::pair<NodeId, std::string>> aliases_;
    std::vector<std::pair<std::string, NodeId>> extraKeys_;
    std::vector<PendingEdge> edges_;
    std::vector<std::uint32_t> nodeSources_;
    std::uint32_t currentSource_ = 0; // 0: no source scoping yet
};

} // namespace rs
