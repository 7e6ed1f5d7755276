// Any model-output file through the format sniffer and whichever reader it picks
// (ThoughtSource, generic JSONL, lm-evaluation-harness, OpenAI batch and chat; plain or gzip).
#include "ImportChecks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string path = rs::fuzz::writeScratch("outputs.jsonl", data, size);
    rs::fuzz::importAndCheck(path, {});
    return 0;
}
