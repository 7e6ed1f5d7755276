#include "ImportError.h"

namespace rs {

std::string ImportError::toString() const {
    // Appends rather than `":" + std::to_string(...)`: GCC 12 warns falsely (-Wrestrict)
    // on that temporary at -O2.
    std::string s = file;
    if (line > 0) {
        s += ':';
        s += std::to_string(line);
    } else if (record > 0) {
        s += " (record ";
        s += std::to_string(record);
        s += ')';
    }
    s += ": ";
    s += reason;
    return s;
}

} // namespace rs
