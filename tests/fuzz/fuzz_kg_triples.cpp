// The knowledge-graph loader loadTripleTable on any input.
#include "KgFuzz.h"
#include "TripleTableLoader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    rs::fuzz::fuzzKgLoader(&rs::loadTripleTable, "triples.csv", data, size);
    return 0;
}
