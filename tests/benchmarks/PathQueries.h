#pragma once
// Reference-path queries shaped like the analysis': the findings of a case vignette to its
// diagnosis, and a diagnosis to its drug. The benchmarks and the peer comparison draw them
// from here with the same seed, so both sides answer the same questions.
#include "KnowledgeGraph.h"

#include <cstdint>
#include <string>
#include <vector>

namespace rs::bench {

struct PathQuery {
    std::string type; // "symptoms->disease", "disease->compound" or "symptoms->compound"
    std::vector<NodeId> sources;
    NodeId target = kNoNode;
};

// Cycles through three types around a random disease d. symptoms->disease: two symptoms
// d presents plus two unrelated symptoms (vignettes carry non-specific findings);
// disease->compound: d to a compound adjacent to it (treats/palliates in Hetionet);
// symptoms->compound: the same kind of symptom set to a compound adjacent to d, so the
// target is at least two hops away ("which drug for this presentation"). Kinds are
// Hetionet's or PrimeKG's names. Empty when the graph has no such kinds.
std::vector<PathQuery> pickPathQueries(const KnowledgeGraph& graph, std::size_t count,
                                       std::uint64_t seed);

} // namespace rs::bench
