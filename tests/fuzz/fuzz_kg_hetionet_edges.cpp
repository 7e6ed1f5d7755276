// The knowledge-graph loader loadHetionetEdges on any input.
#include "HetionetLoader.h"
#include "KgFuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    rs::fuzz::fuzzKgLoader(&rs::loadHetionetEdges, "edges.sif", data, size);
    return 0;
}
