#pragma once
// A PrimeKG-sized stand-in for benchmarks: PrimeKG's node kinds in PrimeKG's proportions
// and a heavy-tailed (Chung-Lu, weight ~ 1/(rank + 50)) degree distribution, so hubs with
// tens of thousands of edges exist beside many nodes with a few dozen, as in the real
// graph. Deterministic for a given seed (own integer-to-real mapping, no std::
// distributions whose output differs between standard libraries).
#include "KnowledgeGraph.h"

#include <cstddef>
#include <cstdint>

namespace rs::bench {

struct SyntheticKgSpec {
    std::size_t nodes = 130'000;
    std::size_t edges = 8'000'000; // distinct directed (head, tail) pairs
    std::uint64_t seed = 20240601;
};

KnowledgeGraph makeSyntheticKg(const SyntheticKgSpec& spec);

} // namespace rs::bench
