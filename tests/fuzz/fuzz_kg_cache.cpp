// The knowledge-graph binary cache (graph/KnowledgeGraphCache). The input's last four bytes
// are replaced by the right CRC-32 of the rest: a wrong checksum is refused up front, and
// the point is the structural validation behind it (a cache made by a buggy or hostile
// writer has a valid checksum).
#include "FuzzSupport.h"
#include "KgFuzz.h"
#include "KnowledgeGraphCache.h"

#include <zlib.h>

#include <cstring>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace rs;
    std::string bytes(reinterpret_cast<const char*>(data), size);
    if (bytes.size() >= 20) {
        const std::uint32_t crc = std::uint32_t(
            crc32_z(0, reinterpret_cast<const Bytef*>(bytes.data()), bytes.size() - 4));
        std::memcpy(bytes.data() + bytes.size() - 4, &crc, 4);
    }
    const std::string path = fuzz::writeScratch(
        "kg.bin", reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    std::string why;
    const auto entry = readKgCache(path, {"fuzz-source"}, &why);
    if (!entry) {
        fuzz::check(!why.empty(), "a refused cache without a reason");
        return 0;
    }
    fuzz::walkGraph(entry->graph);
    return 0;
}
