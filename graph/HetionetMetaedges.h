#pragma once
// Hetionet's metaedges as data: the abbreviation used in its SIF edge files, the kinds at
// each end and the relation name the graph stores. Hetionet v1.0 has 24 metaedges.
#include <span>
#include <string_view>

namespace rs {

struct HetionetMetaedge {
    std::string_view abbreviation; // "DpS"
    std::string_view sourceKind;   // "Disease"
    std::string_view relation;     // "presents"
    std::string_view targetKind;   // "Symptom"
    // Hetionet stores these undirected; a SIF lists each once in an arbitrary direction.
    bool symmetric = false;
};

std::span<const HetionetMetaedge> hetionetMetaedges();
const HetionetMetaedge* findHetionetMetaedge(std::string_view abbreviation);

} // namespace rs
