#include "ReferenceRangeTable.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace rs::reading {

namespace {

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (c == sep) {
            out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    out.push_back(cur);
    return out;
}

bool parseDouble(const std::string& s, double& out) {
    if (s.empty())
        return false;
    char* end = nullptr;
    out = std::strtod(s.c_str(), &end);
    return end && *end == '\0';
}

void addError(std::vector<ImportError>* errors, const std::string& source, std::size_t line,
              std::string reason) {
    if (errors)
        errors->push_back({source, line, 0, std::move(reason)});
}

// Higher is a closer fit; -1 means the row does not apply to the patient.
int fitScore(const ReferenceRange& r, const PatientContext& p) {
    int score = 0;
    if (r.pregnancy >= 0) {
        if (p.pregnant < 0 && r.pregnancy == 1)
            return -1;
        if (p.pregnant >= 0 && p.pregnant != r.pregnancy)
            return -1;
        if (p.pregnant >= 0)
            score += 4;
    }
    if (r.sex != Sex::Unknown) {
        if (p.sex != Sex::Unknown && p.sex != r.sex)
            return -1;
        if (p.sex != Sex::Unknown)
            score += 2;
    }
    const double age = p.ageYears < 0 ? 30.0 : p.ageYears; // unknown age: an adult
    if (r.ageMin >= 0 || r.ageMax >= 0) {
        if ((r.ageMin >= 0 && age < r.ageMin) || (r.ageMax >= 0 && age >= r.ageMax))
            return -1;
        score += 1;
    }
    return score;
}

} // namespace

bool ReferenceRangeTable::load(const std::string& path, std::vector<ImportError>* errors) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        addError(errors, path, 0, "cannot open file");
        return false;
    }
    read(in, path, errors);
    return true;
}

void ReferenceRangeTable::read(std::istream& in, const std::string& source,
                               std::vector<ImportError>* errors) {
    std::string line;
    std::size_t lineNo = 0;
    bool header = true;
    while (std::getline(in, line)) {
        ++lineNo;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.empty() || line[0] == '#')
            continue;
        if (header) { // id names unit low high borderline sex age_min age_max pregnancy alt low
                      // high normal
            header = false;
            continue;
        }
        std::vector<std::string> f = split(line, '\t');
        if (f.size() < 10) {
            addError(errors, source, lineNo, "expected at least 10 tab-separated fields");
            continue;
        }
        f.resize(14);
        ReferenceRange r;
        r.analyte = f[0];
        r.unit = f[2];
        if (r.analyte.empty() || r.unit.empty() || !parseDouble(f[3], r.low) ||
            !parseDouble(f[4], r.high) || r.low > r.high) {
            addError(errors, source, lineNo, "needs id, unit and numeric low <= high");
            continue;
        }
        if (!f[5].empty() && !parseDouble(f[5], r.borderline)) {
            addError(errors, source, lineNo, "borderline is not a number");
            continue;
        }
        if (f[6] == "male")
            r.sex = Sex::Male;
        else if (f[6] == "female")
            r.sex = Sex::Female;
        else if (f[6] != "any" && !f[6].empty()) {
            addError(errors, source, lineNo, "sex must be any, male or female");
            continue;
        }
        if ((!f[7].empty() && !parseDouble(f[7], r.ageMin)) ||
            (!f[8].empty() && !parseDouble(f[8], r.ageMax))) {
            addError(errors, source, lineNo, "age bounds must be numbers of years");
            continue;
        }
        r.pregnancy = f[9] == "yes" ? 1 : f[9] == "no" ? 0 : -1;

        auto it = std::find_if(analytes_.begin(), analytes_.end(),
                               [&](const AnalyteInfo& a) { return a.id == r.analyte; });
        if (it == analytes_.end()) {
            if (f[1].empty()) {
                addError(errors, source, lineNo, "the first row of an analyte must list its names");
                continue;
            }
            AnalyteInfo info;
            info.id = r.analyte;
            info.names = split(f[1], '|');
            info.displayName = info.names.front();
            analytes_.push_back(std::move(info));
            it = analytes_.end() - 1;
        } else if (!f[1].empty()) {
            for (const std::string& n : split(f[1], '|'))
                it->names.push_back(n);
        }
        if (!f[10].empty()) {
            for (const std::string& alt : split(f[10], ';')) {
                const auto eq = alt.find('=');
                double factor = 0;
                if (eq == std::string::npos || !parseDouble(alt.substr(eq + 1), factor)) {
                    addError(errors, source, lineNo, "alt_units must be unit=factor;...");
                    continue;
                }
                it->altUnits[alt.substr(0, eq)] = factor;
            }
        }
        const std::pair<int, StateDirection> wordCols[] = {
            {11, StateDirection::Low}, {12, StateDirection::High}, {13, StateDirection::Normal}};
        for (const auto& [col, dir] : wordCols)
            if (!f[col].empty())
                for (const std::string& w : split(f[col], '|'))
                    stateWords_.push_back({w, r.analyte, dir});
        ranges_.push_back(std::move(r));
    }
}

const AnalyteInfo* ReferenceRangeTable::analyte(std::string_view id) const {
    for (const AnalyteInfo& a : analytes_)
        if (a.id == id)
            return &a;
    return nullptr;
}

std::optional<ReferenceRange> ReferenceRangeTable::lookup(std::string_view analyte,
                                                          const PatientContext& patient) const {
    int best = -1;
    std::vector<const ReferenceRange*> fits;
    for (const ReferenceRange& r : ranges_) {
        if (r.analyte != analyte)
            continue;
        const int s = fitScore(r, patient);
        if (s < 0)
            continue;
        if (s > best) {
            best = s;
            fits.clear();
        }
        if (s == best)
            fits.push_back(&r);
    }
    if (fits.empty())
        return std::nullopt;
    // Several equally fitting rows (sex unknown, male and female rows): their union.
    ReferenceRange out = *fits.front();
    for (const ReferenceRange* r : fits) {
        out.low = std::min(out.low, r->low);
        out.high = std::max(out.high, r->high);
        out.borderline = std::max(out.borderline, r->borderline);
    }
    if (fits.size() > 1)
        out.sex = Sex::Unknown;
    return out;
}

std::optional<double> ReferenceRangeTable::toTableUnit(std::string_view analyteId, double value,
                                                       std::string_view unitKey) const {
    const AnalyteInfo* info = analyte(analyteId);
    if (!info)
        return std::nullopt;
    std::string tableUnit;
    for (const ReferenceRange& r : ranges_)
        if (r.analyte == analyteId) {
            tableUnit = r.unit;
            break;
        }
    if (unitKey == tableUnit)
        return value;
    if (tableUnit == "°C" && unitKey == "°F")
        return (value - 32.0) * 5.0 / 9.0;
    if (tableUnit == "°F" && unitKey == "°C")
        return value * 9.0 / 5.0 + 32.0;
    if (auto it = info->altUnits.find(std::string(unitKey)); it != info->altUnits.end())
        return value * it->second;
    return std::nullopt;
}

RangeVerdict ReferenceRangeTable::classify(const ReferenceRange& range, double value) {
    RangeVerdict v;
    const double width = std::max(range.high - range.low, 1e-9);
    const double b = range.borderline + 1e-9; // decimal values such as 1.1 - 1.0
    if (std::fabs(value - range.low) <= b || std::fabs(value - range.high) <= b)
        v.borderline = true;
    if (value < range.low) {
        v.level = Level::Low;
        const double rel = value > 0 ? range.low / value - 1.0 : 10.0;
        v.deviation = std::max(rel, (range.low - value) / width);
    } else if (value > range.high) {
        v.level = Level::High;
        const double rel = range.high > 0 ? value / range.high - 1.0 : 10.0;
        v.deviation = std::max(rel, (value - range.high) / width);
    }
    if (v.level != Level::Normal)
        v.severity = v.deviation < 0.25 ? 1 : v.deviation < 1.0 ? 2 : 3;
    return v;
}

std::string formatNumber(double value) {
    char buf[64];
    if (std::fabs(value - std::round(value)) < 1e-9) {
        std::snprintf(buf, sizeof buf, "%.0f", value);
        std::string s = buf;
        if (std::fabs(value) >= 10000) // thousands separators, as lab reports print counts
            for (int i = static_cast<int>(s.size()) - 3; i > (s[0] == '-' ? 1 : 0); i -= 3)
                s.insert(static_cast<std::size_t>(i), ",");
        return s;
    }
    std::snprintf(buf, sizeof buf, "%.2f", value);
    std::string s = buf;
    while (!s.empty() && s.back() == '0')
        s.pop_back();
    return s;
}

std::string displayUnit(std::string_view unitKey) {
    if (unitKey == "/mm3")
        return "/mm³";
    if (unitKey == "-")
        return "";
    if (unitKey == "x10^9/L")
        return "×10⁹/L";
    if (unitKey == "x10^3/mm3")
        return "×10³/mm³";
    return std::string(unitKey);
}

std::string formatRange(const ReferenceRange& range) {
    const std::string unit = displayUnit(range.unit);
    const std::string sep =
        unit.empty() || unit[0] == '/' || unit == "%" || unit.rfind("°", 0) == 0 ? "" : " ";
    if (range.low <= 0)
        return "up to " + formatNumber(range.high) + sep + unit;
    return formatNumber(range.low) + "–" + formatNumber(range.high) + sep + unit;
}

} // namespace rs::reading
