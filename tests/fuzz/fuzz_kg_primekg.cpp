// The knowledge-graph loader loadPrimeKg on any input.
#include "KgFuzz.h"
#include "PrimeKgLoader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    rs::fuzz::fuzzKgLoader(&rs::loadPrimeKg, "kg.csv", data, size);
    return 0;
}
