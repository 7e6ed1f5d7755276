#include "ImportError.h"

namespace rs {

std::string ImportError::toString() const
{
    std::string s = file;
    if (line > 0)
        s += ":" + std::to_string(line);
    else if (record > 0)
        s += " (record " + std::to_string(record) + ")";
    return s + ": " + reason;
}

} // namespace rs
