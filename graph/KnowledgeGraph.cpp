#include "KnowledgeGraph.h"

#include "TextNormalizer.h"

#include <algorithm>
#include <cstring>
#include <istream>
#include <ostream>

namespace rs {

// ---------------------------------------------------------------- KnowledgeGraph

std::optional<NodeId> KnowledgeGraph::findByKey(std::string_view key) const {
    auto it = keyIndex_.find(std::string(key));
    if (it == keyIndex_.end())
        return std::nullopt;
    return it->second;
}

std::optional<RelationId> KnowledgeGraph::findRelation(std::string_view name) const {
    auto it = relationIndex_.find(std::string(name));
    if (it == relationIndex_.end())
        return std::nullopt;
    return it->second;
}

std::optional<KindId> KnowledgeGraph::findKind(std::string_view name) const {
    auto it = kindIndex_.find(std::string(name));
    if (it == kindIndex_.end())
        return std::nullopt;
    return it->second;
}

void KnowledgeGraph::rebuildIndexes() {
    keyIndex_.clear();
    keyIndex_.reserve(keys_.size() + extraKeys_.size());
    for (NodeId n = 0; n < keys_.size(); ++n)
        keyIndex_.emplace(keys_[n], n);
    for (const auto& [k, n] : extraKeys_)
        keyIndex_.emplace(k, n);
    relationIndex_.clear();
    for (RelationId r = 0; r < relations_.size(); ++r)
        relationIndex_.emplace(relations_[r], r);
    kindIndex_.clear();
    for (KindId k = 0; k < kinds_.size(); ++k)
        kindIndex_.emplace(kinds_[k], k);
}

namespace {

constexpr char kMagic[8] = {'R', 'S', 'K', 'G', 'v', '0', '0', '1'};

template <typename T> void writePod(std::ostream& out, const T& v) {
    out.write(reinterpret_cast<const char*>(&v), sizeof(T));
}

template <typename T> void writeVector(std::ostream& out, const std::vector<T>& v) {
    writePod<std::uint64_t>(out, v.size());
    out.write(reinterpret_cast<const char*>(v.data()), std::streamsize(v.size() * sizeof(T)));
}

void writeStrings(std::ostream& out, const std::vector<std::string>& v) {
    writePod<std::uint64_t>(out, v.size());
    std::vector<std::uint32_t> lengths;
    lengths.reserve(v.size());
    std::string blob;
    for (const auto& s : v) {
        lengths.push_back(std::uint32_t(s.size()));
        blob += s;
    }
    out.write(reinterpret_cast<const char*>(lengths.data()),
              std::streamsize(lengths.size() * sizeof(std::uint32_t)));
    writePod<std::uint64_t>(out, blob.size());
    out.write(blob.data(), std::streamsize(blob.size()));
}

struct Reader {
    std::istream& in;
    std::string* error;
    bool ok = true;

    bool fail(const std::string& why) {
        if (ok && error)
            *error = why;
        ok = false;
        return false;
    }

    template <typename T> bool pod(T& v) {
        if (!ok)
            return false;
        if (!in.read(reinterpret_cast<char*>(&v), sizeof(T)))
            return fail("cache file is truncated");
        return true;
    }

    template <typename T> bool vec(std::vector<T>& v, std::uint64_t limit) {
        std::uint64_t n = 0;
        if (!pod(n))
            return false;
        if (n > limit)
            return fail("cache file has an implausible array size");
        v.resize(n);
        if (n && !in.read(reinterpret_cast<char*>(v.data()), std::streamsize(n * sizeof(T))))
            return fail("cache file is truncated");
        return true;
    }

    bool strings(std::vector<std::string>& v, std::uint64_t limit) {
        std::vector<std::uint32_t> lengths;
        if (!vec(lengths, limit))
            return false;
        std::uint64_t blobSize = 0;
        if (!pod(blobSize))
            return false;
        std::uint64_t sum = 0;
        for (auto l : lengths)
            sum += l;
        if (sum != blobSize || blobSize > (1ull << 34))
            return fail("cache file has inconsistent string lengths");
        std::string blob(blobSize, '\0');
        if (blobSize && !in.read(blob.data(), std::streamsize(blobSize)))
            return fail("cache file is truncated");
        v.clear();
        v.reserve(lengths.size());
        std::size_t pos = 0;
        for (auto l : lengths) {
            v.emplace_back(blob, pos, l);
            pos += l;
        }
        return true;
    }
};

constexpr std::uint64_t kMaxItems = 1ull << 32;

} // namespace

void KnowledgeGraph::save(std::ostream& out) const {
    out.write(kMagic, sizeof(kMagic));
    writeStrings(out, keys_);
    writeStrings(out, names_);
    writeVector(out, nodeKinds_);
    writeStrings(out, kinds_);
    writeStrings(out, relations_);
    writeVector(out, aliasOffsets_);
    writeStrings(out, aliases_);
    writeVector(out, outOffsets_);
    writeVector(out, outEdges_);
    writeVector(out, inOffsets_);
    writeVector(out, inEdges_);
    std::vector<std::string> extraKeyNames;
    std::vector<NodeId> extraKeyNodes;
    for (const auto& [k, n] : extraKeys_) {
        extraKeyNames.push_back(k);
        extraKeyNodes.push_back(n);
    }
    writeStrings(out, extraKeyNames);
    writeVector(out, extraKeyNodes);
}

std::optional<KnowledgeGraph> KnowledgeGraph::load(std::istream& in, std::string* error) {
    char magic[sizeof(kMagic)] = {};
    if (!in.read(magic, sizeof(magic)) || std::memcmp(magic, kMagic, sizeof(kMagic)) != 0) {
        if (error)
            *error = "not a ReasonScope knowledge-graph cache (or an older format)";
        return std::nullopt;
    }
    KnowledgeGraph g;
    Reader r{in, error};
    std::vector<std::string> extraKeyNames;
    std::vector<NodeId> extraKeyNodes;
    r.strings(g.keys_, kMaxItems) && r.strings(g.names_, kMaxItems) &&
        r.vec(g.nodeKinds_, kMaxItems) && r.strings(g.kinds_, 1 << 16) &&
        r.strings(g.relations_, 1 << 16) && r.vec(g.aliasOffsets_, kMaxItems) &&
        r.strings(g.aliases_, kMaxItems) && r.vec(g.outOffsets_, kMaxItems) &&
        r.vec(g.outEdges_, kMaxItems) && r.vec(g.inOffsets_, kMaxItems) &&
        r.vec(g.inEdges_, kMaxItems) && r.strings(extraKeyNames, kMaxItems) &&
        r.vec(extraKeyNodes, kMaxItems);
    if (!r.ok)
        return std::nullopt;

    // Structural validation: every offset and id in range, so a damaged file cannot make
    // later code read out of bounds.
    const std::size_t n = g.keys_.size();
    auto bad = [&](const char* why) {
        if (error)
            *error = std::string("cache file is inconsistent: ") + why;
        return std::nullopt;
    };
    if (g.names_.size() != n || g.nodeKinds_.size() != n || g.aliasOffsets_.size() != n + 1 ||
        g.outOffsets_.size() != n + 1 || g.inOffsets_.size() != n + 1 ||
        extraKeyNames.size() != extraKeyNodes.size())
        return bad("array sizes disagree");
    if (g.outOffsets_.back() != g.outEdges_.size() || g.inOffsets_.back() != g.inEdges_.size() ||
        g.aliasOffsets_.back() != g.aliases_.size() || g.outEdges_.size() != g.inEdges_.size())
        return bad("offsets do not match edge counts");
    for (std::size_t i = 0; i < n; ++i) {
        if (g.outOffsets_[i] > g.outOffsets_[i + 1] || g.inOffsets_[i] > g.inOffsets_[i + 1] ||
            g.aliasOffsets_[i] > g.aliasOffsets_[i + 1])
            return bad("offsets decrease");
        if (g.nodeKinds_[i] >= g.kinds_.size())
            return bad("node kind out of range");
    }
    for (const auto* edges : {&g.outEdges_, &g.inEdges_})
        for (const KgEdge& e : *edges)
            if (e.node >= n || e.relation >= g.relations_.size())
                return bad("edge out of range");
    for (std::size_t i = 0; i < extraKeyNames.size(); ++i) {
        if (extraKeyNodes[i] >= n)
            return bad("key out of range");
        g.extraKeys_.emplace_back(std::move(extraKeyNames[i]), extraKeyNodes[i]);
    }
    g.rebuildIndexes();
    return g;
}

// ---------------------------------------------------------------- KnowledgeGraphBuilder

KindId KnowledgeGraphBuilder::internKind(std::string_view kind) {
    auto [it, inserted] = kindIndex_.try_emplace(std::string(kind), KindId(kinds_.size()));
    if (inserted)
        kinds_.emplace_back(kind);
    return it->second;
}

std::optional<NodeId> KnowledgeGraphBuilder::findByKey(std::string_view key) const {
    auto it = keyIndex_.find(std::string(key));
    if (it == keyIndex_.end())
        return std::nullopt;
    return it->second;
}

std::optional<NodeId> KnowledgeGraphBuilder::findByName(std::string_view name,
                                                        std::string_view kind) const {
    std::string k(kind);
    k += '\x1f';
    k += normalizeName(name);
    auto it = nameKindIndex_.find(k);
    if (it == nameKindIndex_.end())
        return std::nullopt;
    return it->second;
}

NodeId KnowledgeGraphBuilder::addNode(std::string_view key, std::string_view name,
                                      std::string_view kind) {
    if (auto existing = findByKey(key)) {
        if (normalizeName(names_[*existing]) != normalizeName(name))
            addAlias(*existing, name);
        return *existing;
    }
    std::string nameKey(kind);
    nameKey += '\x1f';
    nameKey += normalizeName(name);
    if (auto it = nameKindIndex_.find(nameKey);
        it != nameKindIndex_.end() &&
        (currentSource_ == 0 || nodeSources_[it->second] != currentSource_)) {
        keyIndex_.emplace(std::string(key), it->second);
        extraKeys_.emplace_back(std::string(key), it->second);
        if (names_[it->second] != name)
            addAlias(it->second, name);
        return it->second;
    }
    const NodeId id = NodeId(names_.size());
    keys_.emplace_back(key);
    names_.emplace_back(name);
    nodeKinds_.push_back(internKind(kind));
    nodeSources_.push_back(currentSource_);
    keyIndex_.emplace(std::string(key), id);
    nameKindIndex_.emplace(std::move(nameKey), id);
    return id;
}

void KnowledgeGraphBuilder::addAlias(NodeId n, std::string_view name) {
    if (name.empty())
        return;
    aliases_.emplace_back(n, std::string(name));
    // Other sources may now find the node by this name too.
    std::string k(kinds_[nodeKinds_[n]]);
    k += '\x1f';
    k += normalizeName(name);
    nameKindIndex_.emplace(std::move(k), n);
}

bool KnowledgeGraphBuilder::addKey(NodeId n, std::string_view key) {
    auto [it, inserted] = keyIndex_.try_emplace(std::string(key), n);
    if (inserted)
        extraKeys_.emplace_back(std::string(key), n);
    return it->second == n;
}

void KnowledgeGraphBuilder::beginSource() {
    ++currentSource_;
}

RelationId KnowledgeGraphBuilder::internRelation(std::string_view relation) {
    if (relations_.size() >= kNoRelation && !relationIndex_.contains(std::string(relation)))
        return kNoRelation;
    auto [it, inserted] =
        relationIndex_.try_emplace(std::string(relation), RelationId(relations_.size()));
    if (inserted)
        relations_.emplace_back(relation);
    return it->second;
}

void KnowledgeGraphBuilder::addEdge(NodeId head, std::string_view relation, NodeId tail) {
    if (const RelationId r = internRelation(relation); r != kNoRelation)
        addEdge(head, r, tail);
}

KnowledgeGraph KnowledgeGraphBuilder::build() {
    KnowledgeGraph g;
    const std::size_t n = names_.size();

    std::sort(edges_.begin(), edges_.end(), [](const PendingEdge& a, const PendingEdge& b) {
        if (a.head != b.head)
            return a.head < b.head;
        if (a.tail != b.tail)
            return a.tail < b.tail;
        return a.relation < b.relation;
    });
    edges_.erase(std::unique(edges_.begin(), edges_.end(),
                             [](const PendingEdge& a, const PendingEdge& b) {
                                 return a.head == b.head && a.tail == b.tail &&
                                        a.relation == b.relation;
                             }),
                 edges_.end());

    g.outOffsets_.assign(n + 1, 0);
    g.inOffsets_.assign(n + 1, 0);
    for (const auto& e : edges_) {
        ++g.outOffsets_[e.head + 1];
        ++g.inOffsets_[e.tail + 1];
    }
    for (std::size_t i = 0; i < n; ++i) {
        g.outOffsets_[i + 1] += g.outOffsets_[i];
        g.inOffsets_[i + 1] += g.inOffsets_[i];
    }
    g.outEdges_.resize(edges_.size());
    g.inEdges_.resize(edges_.size());
    {
        std::vector<std::uint64_t> outPos(g.outOffsets_.begin(), g.outOffsets_.end() - 1);
        std::vector<std::uint64_t> inPos(g.inOffsets_.begin(), g.inOffsets_.end() - 1);
        // edges_ is sorted by (head, tail, relation), so each out-list is sorted by
        // (node, relation), and each in-list receives its heads in ascending order.
        for (const auto& e : edges_) {
            g.outEdges_[outPos[e.head]++] = {e.tail, e.relation};
            g.inEdges_[inPos[e.tail]++] = {e.head, e.relation};
        }
    }
    std::stable_sort(aliases_.begin(), aliases_.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    g.aliasOffsets_.assign(n + 1, 0);
    for (const auto& [node, alias] : aliases_)
        ++g.aliasOffsets_[node + 1];
    for (std::size_t i = 0; i < n; ++i)
        g.aliasOffsets_[i + 1] += g.aliasOffsets_[i];
    for (auto& [node, alias] : aliases_)
        g.aliases_.push_back(std::move(alias));

    g.keys_ = std::move(keys_);
    g.names_ = std::move(names_);
    g.nodeKinds_ = std::move(nodeKinds_);
    g.kinds_ = std::move(kinds_);
    g.relations_ = std::move(relations_);
    g.extraKeys_ = std::move(extraKeys_);
    g.rebuildIndexes();
    *this = KnowledgeGraphBuilder();
    return g;
}

} // namespace rs
