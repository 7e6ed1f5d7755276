#include "Utf8.h"

#include <cstdio>

namespace rs::utf8 {

namespace {

// Length of the well-formed sequence at s[i], or 0 when the bytes there are ill formed.
std::size_t sequenceLength(std::string_view s, std::size_t i) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = b(i);
    if (c < 0x80)
        return 1;
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF; // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F; // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    } else {
        return 0;
    }
    if (i + len > s.size())
        return 0;
    if (b(i + 1) < lo || b(i + 1) > hi)
        return 0;
    for (std::size_t k = 2; k < len; ++k)
        if (b(i + k) < 0x80 || b(i + k) > 0xBF)
            return 0;
    return len;
}

} // namespace

std::size_t firstInvalid(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        // Fast path over ASCII, which is nearly all of the input.
        if (static_cast<unsigned char>(s[i]) < 0x80) {
            ++i;
            continue;
        }
        const std::size_t n = sequenceLength(s, i);
        if (n == 0)
            return i;
        i += n;
    }
    return std::string_view::npos;
}

std::string repair(std::string_view s, std::string_view replacement) {
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        const std::size_t n = sequenceLength(s, i);
        if (n > 0) {
            out.append(s.substr(i, n));
            i += n;
            continue;
        }
        out.append(replacement);
        // One replacement per ill-formed run: the continuation bytes after a bad byte
        // cannot start a sequence of their own.
        ++i;
        while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80)
            ++i;
    }
    return out;
}

std::string describeInvalid(std::string_view s, std::size_t offset) {
    if (offset >= s.size())
        return "truncated sequence at the end";
    char buf[64];
    std::snprintf(buf, sizeof buf, "byte 0x%02X at column %zu",
                  static_cast<unsigned>(static_cast<unsigned char>(s[offset])), offset + 1);
    return buf;
}

} // namespace rs::utf8
