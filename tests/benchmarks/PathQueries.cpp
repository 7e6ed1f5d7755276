#include "PathQueries.h"

#include <algorithm>
#include <optional>
#include <random>

namespace rs::bench {

namespace {

std::optional<KindId> kindOf(const KnowledgeGraph& g, std::initializer_list<const char*> names) {
    for (const char* name : names)
        if (auto k = g.findKind(name))
            return k;
    return std::nullopt;
}

std::vector<NodeId> neighboursOfKind(const KnowledgeGraph& g, NodeId n, KindId kind) {
    std::vector<NodeId> out;
    for (const auto& list : {g.out(n), g.in(n)})
        for (const KgEdge& e : list)
            if (g.kindId(e.node) == kind)
                out.push_back(e.node);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

} // namespace

std::vector<PathQuery> pickPathQueries(const KnowledgeGraph& g, std::size_t count,
                                       std::uint64_t seed) {
    const auto disease = kindOf(g, {"Disease", "disease"});
    const auto symptom = kindOf(g, {"Symptom", "effect/phenotype"});
    const auto compound = kindOf(g, {"Compound", "drug"});
    if (!disease || !symptom || !compound)
        return {};
    std::vector<NodeId> diseases, symptoms;
    for (NodeId n = 0; n < g.nodeCount(); ++n) {
        if (g.kindId(n) == *disease)
            diseases.push_back(n);
        else if (g.kindId(n) == *symptom)
            symptoms.push_back(n);
    }
    if (diseases.empty() || symptoms.empty())
        return {};

    std::mt19937_64 rng(seed);
    const auto pick = [&](const std::vector<NodeId>& from) { return from[rng() % from.size()]; };
    std::vector<PathQuery> queries;
    std::size_t attempts = 0;
    while (queries.size() < count && attempts++ < count * 1000) {
        const NodeId d = pick(diseases);
        const int type = int(queries.size() % 3);
        PathQuery q;
        if (type == 0 || type == 2) {
            std::vector<NodeId> own = neighboursOfKind(g, d, *symptom);
            if (own.size() < 2)
                continue;
            for (std::size_t i = 0; i < 2; ++i) {
                std::swap(own[i], own[i + rng() % (own.size() - i)]);
                q.sources.push_back(own[i]);
            }
            for (int i = 0; i < 2; ++i)
                q.sources.push_back(pick(symptoms));
        }
        if (type == 0) {
            q.type = "symptoms->disease";
            q.target = d;
        } else {
            const std::vector<NodeId> drugs = neighboursOfKind(g, d, *compound);
            if (drugs.empty())
                continue;
            q.type = type == 1 ? "disease->compound" : "symptoms->compound";
            if (type == 1)
                q.sources = {d};
            q.target = pick(drugs);
        }
        queries.push_back(std::move(q));
    }
    return queries;
}

} // namespace rs::bench
