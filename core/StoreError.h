#pragma once
#include <stdexcept>

namespace rs {

// A failure of the project file or of SQLite under it (busy, damaged, full disk, ...).
class StoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace rs
