// The knowledge-graph loader loadDoDiseaseSymptoms on any input.
#include "DiseaseOntologyLoader.h"
#include "KgFuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    rs::fuzz::fuzzKgLoader(&rs::loadDoDiseaseSymptoms, "do-symptoms.tsv", data, size);
    return 0;
}
