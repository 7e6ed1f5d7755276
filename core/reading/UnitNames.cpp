#include "UnitNames.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <utility>
#include <vector>

namespace rs::reading {

namespace {

struct UnitSpelling {
    std::string_view written;
    std::string_view key;
};

// Every spelling seen in USMLE-style questions; matched longest first.
constexpr std::array<UnitSpelling, 97> kSpellings = {{
    {"beats per minute", "/min"},
    {"breaths per minute", "/min"},
    {"beats/min", "/min"},
    {"breaths/min", "/min"},
    {"/minute", "/min"},
    {"/min", "/min"},
    {"bpm", "/min"},
    {"per minute", "/min"},
    {"mm Hg", "mm Hg"},
    {"mmHg", "mm Hg"},
    {"mm of Hg", "mm Hg"},
    {"mm hg", "mm Hg"},
    {"°C", "°C"},
    {"ºC", "°C"},
    {"° C", "°C"},
    {"˚C", "°C"},
    {"degrees Celsius", "°C"},
    {"°F", "°F"},
    {"ºF", "°F"},
    {"° F", "°F"},
    {"˚F", "°F"},
    {"degrees Fahrenheit", "°F"},
    {"mg/dL", "mg/dL"},
    {"mg/dl", "mg/dL"},
    {"mg/100 mL", "mg/dL"},
    {"g/dL", "g/dL"},
    {"g/dl", "g/dL"},
    {"g/L", "g/L"},
    {"mmol/L", "mmol/L"},
    {"mmol/l", "mmol/L"},
    {"mEq/L", "mEq/L"},
    {"mEq/l", "mEq/L"},
    {"meq/L", "mEq/L"},
    {"µmol/L", "µmol/L"},
    {"μmol/L", "µmol/L"},
    {"umol/L", "µmol/L"},
    {"cells/mm3", "/mm3"},
    {"cells/mm³", "/mm3"},
    {"cells/μL", "/mm3"},
    {"cells/µL", "/mm3"},
    {"/mm3", "/mm3"},
    {"/mm^3", "/mm3"},
    {"/mm³", "/mm3"},
    {"/μL", "/mm3"},
    {"/µL", "/mm3"},
    {"/uL", "/mm3"},
    {"/cumm", "/mm3"},
    {"/microliter", "/mm3"},
    {"x 10^9/L", "x10^9/L"},
    {"× 10^9/L", "x10^9/L"},
    {"×10^9/L", "x10^9/L"},
    {"x10^9/L", "x10^9/L"},
    {"× 109/L", "x10^9/L"},
    {"x 109/L", "x10^9/L"},
    {"x 10^3/μL", "x10^3/mm3"},
    {"× 10^3/μL", "x10^3/mm3"},
    {"×10^3/µL", "x10^3/mm3"},
    {"× 103/μL", "x10^3/mm3"},
    {"K/μL", "x10^3/mm3"},
    {"K/µL", "x10^3/mm3"},
    {"x 10^3/mm3", "x10^3/mm3"},
    {"× 103/mm3", "x10^3/mm3"},
    {"%", "%"},
    {"percent", "%"},
    {"U/L", "U/L"},
    {"IU/L", "U/L"},
    {"units/L", "U/L"},
    {"U/l", "U/L"},
    {"ng/mL", "ng/mL"},
    {"ng/ml", "ng/mL"},
    {"ng/dL", "ng/dL"},
    {"ng/dl", "ng/dL"},
    {"pg/mL", "pg/mL"},
    {"pg/ml", "pg/mL"},
    {"µg/dL", "µg/dL"},
    {"μg/dL", "µg/dL"},
    {"mcg/dL", "µg/dL"},
    {"ug/dL", "µg/dL"},
    {"µg/mL", "µg/mL"},
    {"μg/mL", "µg/mL"},
    {"µU/mL", "µU/mL"},
    {"μU/mL", "µU/mL"},
    {"uU/mL", "µU/mL"},
    {"mU/L", "µU/mL"},
    {"mIU/L", "µU/mL"},
    {"μIU/mL", "µU/mL"},
    {"µIU/mL", "µU/mL"},
    {"fL", "fL"},
    {"μm3", "fL"},
    {"µm3", "fL"},
    {"μm³", "fL"},
    {"µm³", "fL"},
    {"pg", "pg"},
    {"mOsmol/kg H2O", "mOsm/kg"},
    {"mOsm/kg H2O", "mOsm/kg"},
    {"mOsmol/kg", "mOsm/kg"},
    {"mOsm/kg", "mOsm/kg"},
}};

constexpr std::array<UnitSpelling, 13> kMoreSpellings = {{
    {"mm/h", "mm/h"},
    {"mm/hr", "mm/h"},
    {"kg/m2", "kg/m2"},
    {"kg/m²", "kg/m2"},
    {"kg/m^2", "kg/m2"},
    {"mg/L", "mg/L"},
    {"seconds", "s"},
    {"sec", "s"},
    {"s", "s"},
    {"minutes", "min"},
    {"min", "min"},
    {"fl", "fL"},
    {"mOsm/L", "mOsm/kg"},
}};

const std::vector<UnitSpelling>& spellingsLongestFirst() {
    static const std::vector<UnitSpelling> all = [] {
        std::vector<UnitSpelling> v(kSpellings.begin(), kSpellings.end());
        v.insert(v.end(), kMoreSpellings.begin(), kMoreSpellings.end());
        std::stable_sort(v.begin(), v.end(), [](const UnitSpelling& a, const UnitSpelling& b) {
            return a.written.size() > b.written.size();
        });
        return v;
    }();
    return all;
}

bool isWordByte(unsigned char c) {
    return std::isalnum(c) != 0;
}

} // namespace

UnitMatch matchUnit(std::string_view text, std::size_t pos) {
    std::size_t start = pos;
    if (start < text.size() && text[start] == ' ')
        ++start;
    const std::string_view rest = text.substr(std::min(start, text.size()));
    if (rest.empty())
        return {};
    for (const UnitSpelling& s : spellingsLongestFirst()) {
        if (s.written[0] != rest[0] || rest.substr(0, s.written.size()) != s.written)
            continue;
        const std::size_t after = s.written.size();
        // A unit ending in a letter or digit must end a word: "s" is not the start of "since".
        const unsigned char last = static_cast<unsigned char>(s.written.back());
        if (isWordByte(last) && after < rest.size() &&
            isWordByte(static_cast<unsigned char>(rest[after])))
            continue;
        return {start - pos + after, std::string(s.key), std::string(s.written)};
    }
    return {};
}

std::size_t matchNumber(std::string_view text, std::size_t pos, double& value) {
    auto digit = [&](std::size_t i) { return i < text.size() && text[i] >= '0' && text[i] <= '9'; };
    if (!digit(pos))
        return 0;
    std::string plain;
    std::size_t i = pos;
    while (digit(i))
        plain += text[i++];
    // Thousands groups: ",ddd" not followed by another digit.
    while (i + 3 < text.size() + 0 && text[i] == ',' && digit(i + 1) && digit(i + 2) &&
           digit(i + 3) && !digit(i + 4)) {
        plain.append(text.substr(i + 1, 3));
        i += 4;
    }
    if (i + 1 < text.size() && text[i] == '.' && digit(i + 1)) {
        plain += '.';
        ++i;
        while (digit(i))
            plain += text[i++];
    }
    // Whole numbers (most of them) are exact in a double up to 15 digits: summed here, they
    // equal strtod's result without its cost, which was a sixth of reading a question.
    if (plain.size() <= 15 && plain.find('.') == std::string::npos) {
        double whole = 0;
        for (char c : plain)
            whole = whole * 10 + (c - '0');
        value = whole;
    } else {
        value = std::strtod(plain.c_str(), nullptr);
    }
    return i - pos;
}

} // namespace rs::reading
