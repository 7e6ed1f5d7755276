#include "HetionetMetaedges.h"

#include <array>

namespace rs {

namespace {

// From Hetionet v1.0's metagraph (hetionet-metaedges.tsv in the shared data).
constexpr std::array<HetionetMetaedge, 24> kMetaedges{{
    {"AdG", "Anatomy", "downregulates", "Gene", false},
    {"AeG", "Anatomy", "expresses", "Gene", false},
    {"AuG", "Anatomy", "upregulates", "Gene", false},
    {"CbG", "Compound", "binds", "Gene", false},
    {"CcSE", "Compound", "causes", "Side Effect", false},
    {"CdG", "Compound", "downregulates", "Gene", false},
    {"CpD", "Compound", "palliates", "Disease", false},
    {"CrC", "Compound", "resembles", "Compound", true},
    {"CtD", "Compound", "treats", "Disease", false},
    {"CuG", "Compound", "upregulates", "Gene", false},
    {"DaG", "Disease", "associates", "Gene", false},
    {"DdG", "Disease", "downregulates", "Gene", false},
    {"DlA", "Disease", "localizes", "Anatomy", false},
    {"DpS", "Disease", "presents", "Symptom", false},
    {"DrD", "Disease", "resembles", "Disease", true},
    {"DuG", "Disease", "upregulates", "Gene", false},
    {"GcG", "Gene", "covaries", "Gene", true},
    {"GiG", "Gene", "interacts", "Gene", true},
    {"GpBP", "Gene", "participates", "Biological Process", false},
    {"GpCC", "Gene", "participates", "Cellular Component", false},
    {"GpMF", "Gene", "participates", "Molecular Function", false},
    {"GpPW", "Gene", "participates", "Pathway", false},
    {"Gr>G", "Gene", "regulates", "Gene", false},
    {"PCiC", "Pharmacologic Class", "includes", "Compound", false},
}};

} // namespace

std::span<const HetionetMetaedge> hetionetMetaedges() {
    return kMetaedges;
}

const HetionetMetaedge* findHetionetMetaedge(std::string_view abbreviation) {
    for (const HetionetMetaedge& m : kMetaedges)
        if (m.abbreviation == abbreviation)
            return &m;
    return nullptr;
}

} // namespace rs
