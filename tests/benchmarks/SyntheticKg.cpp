#include "SyntheticKg.h"

#include <algorithm>
#include <array>
#include <random>
#include <string>
#include <vector>

namespace rs::bench {

namespace {

struct KindShare {
    const char* kind;
    double share;
};

// PrimeKG's node counts per kind (129,375 nodes in all).
constexpr std::array<KindShare, 10> kKinds{{
    {"gene/protein", 27671},
    {"drug", 7957},
    {"effect/phenotype", 15311},
    {"disease", 17080},
    {"biological_process", 28642},
    {"molecular_function", 11169},
    {"cellular_component", 4176},
    {"exposure", 818},
    {"pathway", 2516},
    {"anatomy", 14035},
}};

double unit(std::mt19937_64& rng) {
    return double(rng() >> 11) * 0x1.0p-53;
}

} // namespace

KnowledgeGraph makeSyntheticKg(const SyntheticKgSpec& spec) {
    std::mt19937_64 rng(spec.seed);
    const std::size_t n = spec.nodes;

    double totalShare = 0;
    for (const auto& k : kKinds)
        totalShare += k.share;
    std::vector<std::uint8_t> kindOf(n);
    for (auto& k : kindOf) {
        double u = unit(rng) * totalShare;
        std::size_t i = 0;
        while (i + 1 < kKinds.size() && u >= kKinds[i].share)
            u -= kKinds[i++].share;
        k = std::uint8_t(i);
    }

    // Chung-Lu: endpoints drawn in proportion to a power-law weight. Ranks are shuffled
    // so that hubs are not simply the lowest ids.
    std::vector<double> cumulative(n);
    {
        std::vector<std::size_t> rank(n);
        for (std::size_t i = 0; i < n; ++i)
            rank[i] = i;
        for (std::size_t i = n - 1; i > 0; --i)
            std::swap(rank[i], rank[std::size_t(rng() % (i + 1))]);
        double sum = 0;
        for (std::size_t i = 0; i < n; ++i) {
            sum += 1.0 / (double(rank[i]) + 50.0);
            cumulative[i] = sum;
        }
    }
    const auto draw = [&] {
        const double u = unit(rng) * cumulative.back();
        return std::uint64_t(std::upper_bound(cumulative.begin(), cumulative.end(), u) -
                             cumulative.begin());
    };

    std::vector<std::uint64_t> pairs; // head * n + tail, distinct
    pairs.reserve(spec.edges + spec.edges / 8);
    while (pairs.size() < spec.edges) {
        const std::size_t missing = spec.edges - pairs.size();
        for (std::size_t i = 0; i < missing + missing / 16 + 16; ++i) {
            const std::uint64_t a = draw(), b = draw();
            if (a != b)
                pairs.push_back(a * n + b);
        }
        std::sort(pairs.begin(), pairs.end());
        pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    }
    // Keep a seed-determined subset of exactly the requested size.
    for (std::size_t i = pairs.size() - 1; i >= spec.edges; --i)
        std::swap(pairs[i], pairs[std::size_t(rng() % (i + 1))]);
    pairs.resize(spec.edges);

    KnowledgeGraphBuilder b;
    for (std::size_t i = 0; i < n; ++i)
        b.addNode("SYN:" + std::to_string(i), "synthetic " + std::to_string(i),
                  kKinds[kindOf[i]].kind);
    // One relation per (head kind, tail kind), as PrimeKG's relation types mostly are.
    std::vector<RelationId> relation(kKinds.size() * kKinds.size());
    for (std::size_t h = 0; h < kKinds.size(); ++h)
        for (std::size_t t = 0; t < kKinds.size(); ++t)
            relation[h * kKinds.size() + t] =
                b.internRelation(std::string(kKinds[h].kind) + "_" + kKinds[t].kind);
    for (std::uint64_t p : pairs) {
        const NodeId head = NodeId(p / n), tail = NodeId(p % n);
        b.addEdge(head, relation[kindOf[head] * kKinds.size() + kindOf[tail]], tail);
    }
    std::vector<std::uint64_t>().swap(pairs);
    return b.build();
}

} // namespace rs::bench
