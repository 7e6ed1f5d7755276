#pragma once
// What one knowledge-graph source contributed, for the load summary and the audit record.
#include <cstddef>
#include <string>

namespace rs {

struct KgSourceReport {
    std::string path;
    std::string format;       // kgFormatName(), "unknown" when not recognised or not readable
    std::string sha256;       // empty when the file could not be read
    std::size_t nodes = 0;    // distinct graph nodes the source names
    std::size_t newNodes = 0; // of those, nodes no earlier source had (not merged)
    std::size_t edges = 0;    // edges read, before duplicates across sources collapse
    std::size_t errors = 0;   // lines with errors, including those not listed
};

} // namespace rs
