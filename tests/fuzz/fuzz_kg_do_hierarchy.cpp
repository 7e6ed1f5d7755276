// The knowledge-graph loader loadDoHierarchy on any input.
#include "DiseaseOntologyLoader.h"
#include "KgFuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    rs::fuzz::fuzzKgLoader(&rs::loadDoHierarchy, "do-hierarchy.tsv", data, size);
    return 0;
}
