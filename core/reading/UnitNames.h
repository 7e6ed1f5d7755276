#pragma once
// Units as questions write them, mapped to one key per unit ("mm Hg", "mmHg" and
// "mm of Hg" are all "mm Hg"; "/μL", "/mm3" and "cells/mm³" are all "/mm3"), so that a
// value can be compared with the reference table whatever spelling the question used.
#include <cstddef>
#include <string>
#include <string_view>

namespace rs::reading {

struct UnitMatch {
    std::size_t length = 0; // bytes consumed from the start position (0: no unit)
    std::string key;        // canonical key
    std::string written;    // as written
};

// The unit that starts at pos (after at most one space), or length 0.
UnitMatch matchUnit(std::string_view text, std::size_t pos);

// A number at pos: digits with optional thousands commas ("14,200") and a decimal part.
// Returns the length consumed (0: none) and the value.
std::size_t matchNumber(std::string_view text, std::size_t pos, double& value);

} // namespace rs::reading
