#include "BoxGeometry.h"

#include <algorithm>
#include <cctype>

namespace rs {

namespace {

// Length of the overlap of [a0, a0 + al] and [b0, b0 + bl].
double overlap(double a0, double al, double b0, double bl) {
    return std::max(0.0, std::min(a0 + al, b0 + bl) - std::max(a0, b0));
}

} // namespace

double boxIou(const Box& a, const Box& b) {
    const bool volumes = a.is3d && b.is3d;
    const double ad = volumes ? a.d : 1.0, bd = volumes ? b.d : 1.0;
    const double sizeA = a.w * a.h * ad, sizeB = b.w * b.h * bd;
    if (!(sizeA > 0) || !(sizeB > 0))
        return 0.0;
    double inter = overlap(a.x, a.w, b.x, b.w) * overlap(a.y, a.h, b.y, b.h);
    if (volumes)
        inter *= overlap(a.z, a.d, b.z, b.d);
    const double uni = sizeA + sizeB - inter;
    return uni > 0 ? std::clamp(inter / uni, 0.0, 1.0) : 0.0;
}

std::string normalizedBoxLabel(std::string_view label) {
    std::string out;
    for (const char ch : label) {
        const auto c = static_cast<unsigned char>(ch);
        const bool blank = std::isspace(c) || c == '_' || c == '-';
        if (blank) {
            if (!out.empty() && out.back() != ' ')
                out.push_back(' ');
            continue;
        }
        out.push_back(char(std::tolower(c)));
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

bool sameBoxLabel(std::string_view a, std::string_view b) {
    return normalizedBoxLabel(a) == normalizedBoxLabel(b);
}

} // namespace rs
