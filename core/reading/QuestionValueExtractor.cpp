#include "QuestionValueExtractor.h"

#include "PatientFactExtractor.h"
#include "ReadingText.h"
#include "UnitNames.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

namespace rs::reading {

namespace {

constexpr std::array<std::string_view, 22> kOtherSpecimens = {
    "urine", "urinary", "urinalysis", "cerebrospinal", "csf", "pleural", "ascitic", "peritoneal",
    "synovial", "joint fluid", "stool", "sweat", "vaginal", "discharge", "gastric", "amniotic",
    "semen", "bronchoalveolar", "lavage", "aspirate", "fluid", "cord blood"};
constexpr std::array<std::string_view, 5> kBloodWords = {"serum", "plasma", "blood", "arterial", "venous"};

// The specimen named last in lower[from, to): "" for blood, else the word.
std::string specimenIn(std::string_view lower, std::size_t from, std::size_t to, bool& found)
{
    std::size_t bestPos = 0;
    std::string best;
    found = false;
    const std::string_view part = lower.substr(from, to - from);
    auto scan = [&](std::string_view w, bool blood) {
        for (std::size_t p = part.find(w); p != std::string_view::npos; p = part.find(w, p + 1))
            if (!found || p >= bestPos) {
                found = true;
                bestPos = p;
                best = blood ? std::string() : std::string(w);
            }
    };
    for (auto w : kOtherSpecimens)
        scan(w, false);
    for (auto w : kBloodWords)
        scan(w, true);
    return best;
}

bool lineIsHeader(std::string_view line)
{
    if (line.size() > 45)
        return false;
    for (char c : line)
        if (std::isdigit(static_cast<unsigned char>(c)))
            return false;
    return std::any_of(line.begin(), line.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
}

// The last few words of text (a guess at an uncovered analyte's name).
std::string lastWords(std::string_view text, int n)
{
    std::vector<Word> ws = words(text, 0, text.size());
    std::vector<std::string> kept;
    for (auto it = ws.rbegin(); it != ws.rend() && static_cast<int>(kept.size()) < n; ++it) {
        if (it->punct || it->number)
            break;
        if (kept.empty() && (it->lower == "is" || it->lower == "of" || it->lower == "was" || it->lower == "at"
                             || it->lower == "are" || it->lower == "to" || it->lower == "a" || it->lower == "an"))
            continue;
        kept.insert(kept.begin(), std::string(text.substr(it->begin, it->end - it->begin)));
    }
    std::string out;
    for (const auto& k : kept)
        out += (out.empty() ? "" : " ") + k;
    return out;
}

// "(N = 200–430 mg/dL)", "(N < 500 ng/mL)", "(normal 3.5-5.0)" right after a value.
std::size_t readPrintedRange(std::string_view text, std::size_t pos, MeasuredValue& v)
{
    std::size_t i = pos;
    while (i < text.size() && text[i] == ' ')
        ++i;
    if (i >= text.size() || text[i] != '(')
        return 0;
    const std::size_t close = text.find(')', i);
    if (close == std::string_view::npos || close - i > 60)
        return 0;
    const std::string inner = lowerAscii(text.substr(i + 1, close - i - 1));
    if (!(inner.rfind("n ", 0) == 0 || inner.rfind("n=", 0) == 0 || inner.rfind("n<", 0) == 0 || inner.rfind("normal", 0) == 0
          || inner.rfind("reference", 0) == 0 || inner.rfind("n >", 0) == 0))
        return 0;
    std::vector<double> nums;
    for (std::size_t k = 0; k < inner.size(); ++k) {
        double n = 0;
        if ((k == 0 || !isWordByte(inner[k - 1])) && std::isdigit(static_cast<unsigned char>(inner[k]))) {
            const std::size_t len = matchNumber(inner, k, n);
            nums.push_back(n);
            k += len;
        }
    }
    if (nums.size() == 2) {
        v.hasOwnRange = true;
        v.ownLow = nums[0];
        v.ownHigh = nums[1];
    } else if (nums.size() == 1 && inner.find('<') != std::string::npos) {
        v.hasOwnRange = true;
        v.ownLow = 0;
        v.ownHigh = nums[0];
    } else if (nums.size() == 1 && inner.find('>') != std::string::npos) {
        v.hasOwnRange = true;
        v.ownLow = nums[0];
        v.ownHigh = 1e12;
    }
    return close + 1 - pos;
}

} // namespace

QuestionValueExtractor::QuestionValueExtractor(const ReferenceRangeTable& table, const AnalyteNameIndex& names)
    : table_(table), names_(names)
{
}

QuestionReading QuestionValueExtractor::read(std::string_view q) const
{
    QuestionReading out;
    out.facts = readPatientFacts(q);
    const std::string lower = lowerAscii(q);
    std::size_t lineStart = 0, sentenceStart = 0, lastValueEnd = 0;
    std::string sectionSpecimen;
    bool inSection = false;
    for (std::size_t i = 0; i < q.size(); ++i) {
        const char c = q[i];
        if (c == '\n') {
            // A short line without digits ("Serum:", "Urine:", "Cerebrospinal fluid") heads a table.
            const std::string_view next = q.substr(i + 1, q.find('\n', i + 1) == std::string_view::npos ? std::string_view::npos : q.find('\n', i + 1) - i - 1);
            if (next.empty() || !lineIsHeader(next)) {
                if (next.empty())
                    inSection = false, sectionSpecimen.clear();
            } else {
                bool found = false;
                sectionSpecimen = specimenIn(lowerAscii(next), 0, next.size(), found);
                inSection = found;
            }
            lineStart = sentenceStart = i + 1;
            continue;
        }
        if ((c == '.' || c == '?') && i + 1 < q.size() && q[i + 1] == ' ' && i > 0 && !std::isdigit(static_cast<unsigned char>(q[i - 1]))) {
            sentenceStart = i + 1;
            continue;
        }
        if (c == '(') {
            // A printed normal range "(N = 200–430 mg/dL)" holds no values of its own.
            const std::string_view head = std::string_view(lower).substr(i + 1, 10);
            if (head.rfind("n ", 0) == 0 || head.rfind("n=", 0) == 0 || head.rfind("n<", 0) == 0 || head.rfind("normal", 0) == 0
                || head.rfind("reference", 0) == 0) {
                const std::size_t close = q.find(')', i);
                if (close != std::string_view::npos && close - i < 60)
                    i = close;
            }
            continue;
        }
        if (!std::isdigit(static_cast<unsigned char>(c)) || (i > 0 && (isWordByte(q[i - 1]) || q[i - 1] == '.' || q[i - 1] == ',')))
            continue;
        // The upper end of a range ("7.35–7.45") is not a value.
        if (i > 0 && (q[i - 1] == '-' || (i >= 3 && q.substr(i - 3, 3) == "–")))
            continue;
        MeasuredValue v;
        const std::size_t numLen = matchNumber(q, i, v.value);
        std::size_t end = i + numLen;
        // "80/50 mm Hg": a blood pressure pair.
        double second = 0;
        std::size_t secondLen = 0;
        if (end < q.size() && q[end] == '/' )
            secondLen = matchNumber(q, end + 1, second);
        const std::size_t unitPos = secondLen ? end + 1 + secondLen : end;
        UnitMatch unit = matchUnit(q, unitPos);
        std::string unitFromRange;
        if (unit.length == 0 && !secondLen) {
            // "HCO3 33 (Normal: 21-26 mEq/L)": the unit is printed with the range only.
            MeasuredValue probe;
            const std::size_t rangeLen = readPrintedRange(q, end, probe);
            if (rangeLen) {
                const std::string_view inner = q.substr(end, rangeLen);
                for (std::size_t k = inner.size(); k-- > 0;)
                    if (std::isdigit(static_cast<unsigned char>(inner[k]))) {
                        UnitMatch u = matchUnit(inner, k + 1);
                        if (u.length)
                            unitFromRange = u.key;
                        break;
                    }
            }
        }
        const std::size_t windowStart = std::max({lineStart, sentenceStart, lastValueEnd, i >= 90 ? i - 90 : std::size_t(0)});
        // The specimen only matters for a value with a unit or a blood-pressure pair.
        bool specimenFound = false;
        std::string specimen;
        if (unit.length || !unitFromRange.empty() || secondLen) {
            specimen = specimenIn(lower, windowStart, i, specimenFound);
            if (!specimenFound)
                specimen = specimenIn(lower, sentenceStart, i, specimenFound);
            if (!specimenFound && inSection)
                specimen = sectionSpecimen;
        }
        std::vector<AnalyteMention> mentions = names_.find(q, lower, windowStart, i);
        if (secondLen) {
            if (unit.key != "mm Hg" && lower.substr(windowStart, i - windowStart).find("pressure") == std::string::npos
                && lower.substr(windowStart, i - windowStart).find("bp") == std::string::npos) {
                i = unitPos - 1;
                continue;
            }
            const std::size_t vEnd = unitPos + unit.length;
            std::size_t nameBegin = i;
            for (std::string_view w : {"blood pressure", "bp"})
                if (auto p = lower.rfind(w, i); p != std::string::npos && p >= windowStart)
                    nameBegin = std::min(nameBegin, p);
            for (int k = 0; k < 2; ++k) {
                MeasuredValue bp;
                bp.analyte = k == 0 ? "sbp" : "dbp";
                bp.name = "blood pressure";
                bp.value = k == 0 ? v.value : second;
                bp.unit = "mm Hg";
                bp.unitText = unit.length ? unit.written : "";
                bp.span = {nameBegin, vEnd};
                bp.valueSpan = {i, vEnd};
                out.values.push_back(bp);
            }
            lastValueEnd = vEnd;
            i = vEnd - 1;
            continue;
        }
        // A value in parentheses right after another is the same measurement in another unit.
        const bool alternate = !out.values.empty() && i >= 1 && q[i - 1] == '(' && lastValueEnd + 3 >= i && unit.length;
        const AnalyteMention* best = nullptr;
        std::string unitKey = unit.length ? unit.key : !unitFromRange.empty() ? unitFromRange : "-";
        for (const AnalyteMention& m : mentions) {
            if (!table_.toTableUnit(m.analyte, 1.0, unitKey))
                continue;
            if (unitKey == "-") { // unitless (pH, INR): the name must come right before the number
                const std::string gap = lowerAscii(q.substr(m.span.end, i - m.span.end));
                std::string t;
                for (char ch : gap)
                    if (ch != ' ' && ch != ':' && ch != '=')
                        t += ch;
                if (!(t.empty() || t == "is" || t == "of" || t == "was" || t == "ofa"))
                    continue;
            }
            if (!best || m.span.end > best->span.end || (m.span.end == best->span.end && m.span.begin < best->span.begin))
                best = &m;
        }
        std::optional<std::string> subRow;
        if (!best) {
            const std::string w = lowerAscii(lastWords(q.substr(windowStart, i - windowStart), 1));
            // "tachycardic to 121/min", "febrile to 39.4°C": the state word names the analyte.
            for (const StateWord& s : table_.stateWords())
                if (s.word == w && table_.toTableUnit(s.analyte, 1.0, unitKey)) {
                    subRow = s.analyte;
                    break;
                }
            if ((w == "total" || w == "direct") && lower.rfind("bilirubin", i) != std::string::npos && i - lower.rfind("bilirubin", i) < 40) {
                subRow = w == "total" ? "bilirubin_total" : "bilirubin_direct";
            }
        }
        if (subRow && table_.toTableUnit(*subRow, 1.0, unitKey)) {
            v.analyte = *subRow;
            const std::string word = lowerAscii(lastWords(q.substr(windowStart, i - windowStart), 1));
            v.name = subRow->rfind("bilirubin", 0) == 0 ? "bilirubin, " + word : table_.analyte(*subRow)->displayName;
            v.unit = unitKey;
            v.unitText = unit.written;
            const std::size_t wordAt = lower.rfind(word, i);
            v.span = {wordAt != std::string::npos && wordAt >= windowStart ? wordAt : windowStart, i + numLen + unit.length};
            v.valueSpan = {i, i + numLen + unit.length};
            v.specimen = specimen;
            out.values.push_back(v);
            lastValueEnd = i + numLen + unit.length;
            i = lastValueEnd - 1;
            continue;
        }
        if (alternate && !best && table_.toTableUnit(out.values.back().analyte, 1.0, unitKey)) {
            MeasuredValue alt = out.values.back();
            alt.value = v.value;
            alt.unit = unitKey;
            alt.unitText = unit.written;
            alt.valueSpan = {i, i + numLen + unit.length};
            alt.alternate = true;
            alt.hasOwnRange = false;
            out.values.push_back(alt);
            lastValueEnd = i + numLen + unit.length;
            i = lastValueEnd - 1;
            continue;
        }
        if (!best) {
            if (unit.length && unit.key != "%" && unit.key != "s" && unit.key != "min" && specimen.empty()) {
                const std::string guess = lastWords(q.substr(windowStart, i - windowStart), 3);
                if (!guess.empty())
                    out.uncovered.push_back({guess, unit.key, {i, i + numLen + unit.length}});
            }
            if (unit.length) {
                lastValueEnd = i + numLen + unit.length;
                i = lastValueEnd - 1;
            } else {
                i = end - 1;
            }
            continue;
        }
        v.analyte = best->analyte;
        v.name = std::string(q.substr(best->span.begin, best->span.end - best->span.begin));
        v.unit = unitKey;
        v.unitText = unit.written;
        v.span = {best->span.begin, i + numLen + unit.length};
        v.valueSpan = {i, i + numLen + unit.length};
        v.specimen = specimen;
        std::size_t after = i + numLen + unit.length;
        after += readPrintedRange(q, after, v);
        out.values.push_back(v);
        lastValueEnd = after;
        i = after - 1;
    }
    return out;
}

} // namespace rs::reading
