// The knowledge-graph loader loadHetionetNodes on any input.
#include "HetionetLoader.h"
#include "KgFuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    rs::fuzz::fuzzKgLoader(&rs::loadHetionetNodes, "nodes.tsv", data, size);
    return 0;
}
