#pragma once
// UTF-8 well-formedness (Unicode 15, table 3-7: no overlong forms, no surrogates, nothing
// above U+10FFFF), the same rule nlohmann/json applies to JSON strings. Importers reject a
// record that is not well formed rather than repair it: a replaced byte could change
// the meaning of clinical text without anyone noticing, and the message tells the user
// to fix the encoding of the file.
#include <cstddef>
#include <string>
#include <string_view>

namespace rs::utf8 {

// Byte offset of the first byte that does not belong to a well-formed sequence, or npos.
std::size_t firstInvalid(std::string_view s);
inline bool isValid(std::string_view s) {
    return firstInvalid(s) == std::string_view::npos;
}

// Replaces each ill-formed run (a byte that starts no valid sequence, with the
// continuation bytes that follow it) with `replacement`. Used for text that does
// not come from the input records (file-system paths) and for marking bad bytes in JSON
// documents so the record that holds them can be found and rejected.
std::string repair(std::string_view s, std::string_view replacement = "\xEF\xBF\xBD");

// "byte 0xE9 at column 38" (1-based) for an error message.
std::string describeInvalid(std::string_view s, std::size_t offset);

} // namespace rs::utf8
