// `--map`: the first line is the mapping spec, the rest the file it maps. A spec that
// parses must print back to a spec that parses to the same mapping.
#include "ImportChecks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace rs;
    const auto [spec, body] = fuzz::splitFirstLine(data, size);
    std::string error;
    const std::optional<FieldMapping> mapping = FieldMapping::parse(spec, &error);
    if (!mapping) {
        fuzz::check(!error.empty(), "a refused mapping spec without a message");
        return 0;
    }
    std::string again;
    const auto reparsed = FieldMapping::parse(mapping->toString(), &again);
    fuzz::check(reparsed && reparsed->sources == mapping->sources,
                "FieldMapping::toString does not parse back to the same mapping");
    const std::string path = fuzz::writeScratch(
        "mapped.json", reinterpret_cast<const std::uint8_t*>(body.data()), body.size());
    ImportOptions options;
    options.mapping = mapping;
    fuzz::importAndCheck(path, options);
    return 0;
}
