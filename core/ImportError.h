#pragma once
#include <string>

namespace rs {

// One record that could not be imported, with where it is. line is 1-based; record is
// the 1-based record number for formats without lines (0 where unknown).
struct ImportError {
    std::string file;
    std::size_t line = 0;
    std::size_t record = 0;
    std::string reason;

    // "file:line: reason" or "file (record N): reason" or "file: reason".
    std::string toString() const;
};

} // namespace rs
