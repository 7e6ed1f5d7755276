#pragma once
// A KnowledgeBase test double over a small graph declared in the test itself, so analysis
// tests know exactly which edges and paths exist. Linking is exact-name longest match over
// rs::tokenize; reference paths come from brute-force enumeration of simple paths, cost =
// sum over entered nodes of 1 + 0.1 * log(1 + degree) (the hub penalty of the real search,
// in miniature). Deliberately simple: it is the oracle, not the thing under test.
#include "KnowledgeBase.h"
#include "TextNormalizer.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

namespace rs::test {

class TestKnowledgeBase final : public KnowledgeBase {
public:
    // Adds a concept; synonyms link to it too (score 0.9).
    NodeId add(const std::string& name, const std::string& kind,
               const std::vector<std::string>& synonyms = {}) {
        const NodeId id = NodeId(nodes_.size());
        nodes_.push_back({name, kind, kind + "::" + std::to_string(id)});
        adjacency_.emplace_back();
        addForm(name, id, 1.0);
        for (const auto& s : synonyms)
            addForm(s, id, 0.9);
        return id;
    }

    // Directed edge head -[relation]-> tail, by concept name; throws on an unknown name so a
    // typo in a test graph fails loudly instead of testing nothing.
    void edge(const std::string& head, const std::string& relation, const std::string& tail) {
        const NodeId h = id(head), t = id(tail);
        RelationId r;
        const auto it = relationIds_.find(relation);
        if (it == relationIds_.end()) {
            r = RelationId(relations_.size());
            relations_.push_back(relation);
            relationIds_.emplace(relation, r);
        } else {
            r = it->second;
        }
        edges_.push_back({h, t, r});
        adjacency_[h].push_back(edges_.size() - 1);
        adjacency_[t].push_back(edges_.size() - 1);
    }

    NodeId id(const std::string& name) const {
        const auto it = forms_.find(normalizeName(name));
        if (it == forms_.end())
            throw std::invalid_argument("TestKnowledgeBase: unknown concept " + name);
        return it->second.node;
    }

    // How often referencePaths was called (tests of cost bounds use it).
    mutable std::atomic<int> pathSearches{0};

    std::size_t nodeCount() const override { return nodes_.size(); }
    std::string_view nodeName(NodeId n) const override { return nodes_.at(n).name; }
    std::string_view nodeKind(NodeId n) const override { return nodes_.at(n).kind; }
    std::string_view nodeKey(NodeId n) const override { return nodes_.at(n).key; }
    std::string_view relationName(RelationId r) const override { return relations_.at(r); }

    std::size_t degree(NodeId n) const override {
        return n < adjacency_.size() ? adjacency_[n].size() : 0;
    }

    std::vector<EdgeBetween> edgesBetween(NodeId a, NodeId b) const override {
        std::vector<EdgeBetween> out;
        if (a >= nodes_.size() || b >= nodes_.size())
            return out;
        for (std::size_t e : adjacency_[a]) {
            const Edge& x = edges_[e];
            if (x.head == a && x.tail == b)
                out.push_back({x.relation, true});
            else if (x.head == b && x.tail == a && a != b)
                out.push_back({x.relation, false});
        }
        return out;
    }

    std::vector<NeighbourEdge> neighbours(NodeId n) const override {
        std::vector<NeighbourEdge> out;
        if (n >= nodes_.size())
            return out;
        for (std::size_t e : adjacency_[n]) {
            const Edge& x = edges_[e];
            if (x.head == n)
                out.push_back({x.tail, x.relation, true});
            if (x.tail == n && x.head != n)
                out.push_back({x.head, x.relation, false});
        }
        return out;
    }

    std::vector<Mention> link(std::string_view text) const override {
        std::vector<Mention> out;
        const auto tokens = tokenize(text);
        std::size_t i = 0;
        while (i < tokens.size()) {
            bool found = false;
            for (std::size_t len = std::min(maxFormTokens_, tokens.size() - i); len > 0 && !found;
                 --len) {
                std::string key;
                for (std::size_t k = 0; k < len; ++k)
                    key += (k ? " " : "") + tokens[i + k].norm;
                const auto it = forms_.find(key);
                if (it == forms_.end())
                    continue;
                out.push_back({tokens[i].begin, tokens[i + len - 1].end, it->second.node,
                               it->second.score, key});
                i += len;
                found = true;
            }
            if (!found)
                ++i;
        }
        return out;
    }

    std::vector<ReferencePath> referencePaths(const std::vector<NodeId>& sources, NodeId target,
                                              int k, int maxHops) const override {
        ++pathSearches;
        std::vector<ReferencePath> found;
        if (target >= nodes_.size() || k <= 0 || maxHops <= 0)
            return found;
        std::vector<NodeId> uniqueSources;
        for (NodeId s : sources)
            if (s < nodes_.size() && s != target &&
                std::find(uniqueSources.begin(), uniqueSources.end(), s) == uniqueSources.end())
                uniqueSources.push_back(s);
        for (NodeId s : uniqueSources) {
            ReferencePath p;
            p.nodes.push_back(s);
            p.origin = "kg";
            extend(p, target, maxHops, found);
        }
        std::stable_sort(found.begin(), found.end(),
                         [](const ReferencePath& a, const ReferencePath& b) {
                             if (a.cost != b.cost)
                                 return a.cost < b.cost;
                             return a.nodes < b.nodes;
                         });
        // One path per node sequence: parallel edges do not make a second reference.
        std::vector<ReferencePath> out;
        for (auto& p : found) {
            if (int(out.size()) >= k)
                break;
            if (std::none_of(out.begin(), out.end(),
                             [&](const ReferencePath& q) { return q.nodes == p.nodes; }))
                out.push_back(std::move(p));
        }
        return out;
    }

    std::optional<NodeId> findByName(std::string_view name) const override {
        const auto it = forms_.find(normalizeName(name));
        if (it == forms_.end())
            return std::nullopt;
        return it->second.node;
    }

private:
    struct Node {
        std::string name, kind, key;
    };
    struct Edge {
        NodeId head, tail;
        RelationId relation;
    };
    struct Form {
        NodeId node;
        double score;
    };

    void addForm(const std::string& form, NodeId id, double score) {
        const std::string key = normalizeName(form);
        if (key.empty() || forms_.count(key))
            return;
        forms_.emplace(key, Form{id, score});
        maxFormTokens_ = std::max(maxFormTokens_, tokenize(key).size());
    }

    void extend(ReferencePath& p, NodeId target, int hopsLeft,
                std::vector<ReferencePath>& found) const {
        const NodeId at = p.nodes.back();
        if (at == target) {
            found.push_back(p);
            return;
        }
        if (hopsLeft == 0)
            return;
        for (std::size_t e : adjacency_[at]) {
            const Edge& x = edges_[e];
            const bool forward = x.head == at;
            const NodeId next = forward ? x.tail : x.head;
            if (std::find(p.nodes.begin(), p.nodes.end(), next) != p.nodes.end())
                continue;
            const double step = 1.0 + 0.1 * std::log(1.0 + double(adjacency_[next].size()));
            p.nodes.push_back(next);
            p.relations.push_back(relations_[x.relation]);
            p.forward.push_back(forward);
            p.cost += step;
            extend(p, target, hopsLeft - 1, found);
            p.cost -= step;
            p.nodes.pop_back();
            p.relations.pop_back();
            p.forward.pop_back();
        }
    }

    std::vector<Node> nodes_;
    std::vector<Edge> edges_;
    std::vector<std::vector<std::size_t>> adjacency_;
    std::vector<std::string> relations_;
    std::map<std::string, RelationId> relationIds_;
    std::unordered_map<std::string, Form> forms_;
    std::size_t maxFormTokens_ = 1;
};

} // namespace rs::test
