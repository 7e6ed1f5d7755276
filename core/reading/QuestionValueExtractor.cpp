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
    "urine",   "urinary",    "urinalysis", "cerebrospinal", "csf",   "pleural",
    "ascitic", "peritoneal", "synovial",   "joint fluid",   "stool", "sweat",
    "vaginal", "discharge",  "gastric",    "amniotic",      "semen", "bronchoalveolar",
    "lavage",  "aspirate",   "fluid",      "cord blood"};
constexpr std::array<std::string_view, 5> kBloodWords = {"serum", "plasma", "blood", "arterial",
                                                         "venous"};

struct Specimen {
    std::string_view word;
    std::size_t order; // position in kOtherSpecimens then kBloodWords: a later entry wins ties
    bool blood;
};

// The specimen words by their first letter: a word start is compared with the two or three
// words that begin with its letter instead of all 27.
const std::array<std::vector<Specimen>, 26>& specimensByFirstLetter() {
    static const std::array<std::vector<Specimen>, 26> table = [] {
        std::array<std::vector<Specimen>, 26> t;
        std::size_t order = 0;
        for (auto w : kOtherSpecimens)
            t[static_cast<std::size_t>(w[0] - 'a')].push_back({w, order++, false});
        for (auto w : kBloodWords)
            t[static_cast<std::size_t>(w[0] - 'a')].push_back({w, order++, true});
        return t;
    }();
    return table;
}

// Every specimen word of a text, found once at the starts of words ("intravenous" names
// no venous sample): a question's numbers each ask for the one named last before them,
// and scanning each number's window anew cost a fifth of the reading check.
class SpecimenWords {
public:
    explicit SpecimenWords(std::string_view lower) {
        const auto& byLetter = specimensByFirstLetter();
        for (std::size_t p = 0; p < lower.size(); ++p) {
            const char c = lower[p];
            if (c < 'a' || c > 'z' || (p > 0 && isWordByte(lower[p - 1])))
                continue;
            for (const Specimen& s : byLetter[static_cast<std::size_t>(c - 'a')])
                if (p + s.word.size() <= lower.size() && lower[p + 1] == s.word[1] &&
                    lower.compare(p, s.word.size(), s.word) == 0)
                    hits_.push_back(
                        {p, s.word.size(), s.order, s.blood ? std::string_view() : s.word});
            // No specimen word starts inside the rest of this word.
            while (p + 1 < lower.size() && isWordByte(lower[p + 1]))
                ++p;
        }
    }
    // The specimen named last inside [from, to) ("" for blood), a later list entry first.
    std::string lastIn(std::size_t from, std::size_t to, bool& found) const {
        const Hit* best = nullptr;
        for (const Hit& h : hits_)
            if (h.pos >= from && h.pos + h.length <= to &&
                (!best || h.pos > best->pos || (h.pos == best->pos && h.order > best->order)))
                best = &h;
        found = best != nullptr;
        return best ? std::string(best->word) : std::string();
    }

private:
    struct Hit {
        std::size_t pos, length, order;
        std::string_view word; // empty for blood
    };
    std::vector<Hit> hits_;
};

bool lineIsHeader(std::string_view line) {
    if (line.size() > 45)
        return false;
    for (char c : line)
        if (std::isdigit(static_cast<unsigned char>(c)))
            return false;
    return std::any_of(line.begin(), line.end(),
                       [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
}

// The last few words of text (a guess at an uncovered analyte's name).
std::string lastWords(std::string_view text, int n) {
    const std::string lower = lowerAscii(text);
    std::vector<Word> ws = words(text, lower, 0, text.size());
    std::vector<std::string> kept;
    for (auto it = ws.rbegin(); it != ws.rend() && static_cast<int>(kept.size()) < n; ++it) {
        if (it->punct || it->number)
            break;
        if (kept.empty() &&
            (it->lower == "is" || it->lower == "of" || it->lower == "was" || it->lower == "at" ||
             it->lower == "are" || it->lower == "to" || it->lower == "a" || it->lower == "an"))
            continue;
        kept.insert(kept.begin(), std::string(text.substr(it->begin, it->end - it->begin)));
    }
    std::string out;
    for (const auto& k : kept)
        out += (out.empty() ? "" : " ") + k;
    return out;
}

// lowerAscii(lastWords(text[from, to), 1)) of a text already lowered, as a view into lower.
std::string_view lastWordLower(std::string_view text, std::string_view lower, std::size_t from,
                               std::size_t to) {
    const std::vector<Word> ws = words(text, lower, from, to);
    for (auto it = ws.rbegin(); it != ws.rend(); ++it) {
        if (it->punct || it->number)
            return {};
        if (it->lower == "is" || it->lower == "of" || it->lower == "was" || it->lower == "at" ||
            it->lower == "are" || it->lower == "to" || it->lower == "a" || it->lower == "an")
            continue;
        return it->lower;
    }
    return {};
}

// "(N = 200–430 mg/dL)", "(N < 500 ng/mL)", "(normal 3.5-5.0)" right after a value.
std::size_t readPrintedRange(std::string_view text, std::size_t pos, MeasuredValue& v) {
    std::size_t i = pos;
    while (i < text.size() && text[i] == ' ')
        ++i;
    if (i >= text.size() || text[i] != '(')
        return 0;
    const std::size_t close = text.find(')', i);
    if (close == std::string_view::npos || close - i > 60)
        return 0;
    const std::string inner = lowerAscii(text.substr(i + 1, close - i - 1));
    if (!(inner.rfind("n ", 0) == 0 || inner.rfind("n=", 0) == 0 || inner.rfind("n<", 0) == 0 ||
          inner.rfind("normal", 0) == 0 || inner.rfind("reference", 0) == 0 ||
          inner.rfind("n >", 0) == 0))
        return 0;
    std::vector<double> nums;
    for (std::size_t k = 0; k < inner.size(); ++k) {
        double n = 0;
        if ((k == 0 || !isWordByte(inner[k - 1])) &&
            std::isdigit(static_cast<unsigned char>(inner[k]))) {
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

// A number the question gives, with what surrounds it: a second number after '/', its
// unit, the window of text its name may lie in and the specimen it was measured in.
struct NumberInText {
    std::size_t at = 0; // first digit
    double value = 0;
    std::size_t numLen = 0;
    double second = 0;         // "80/50": the number after the slash
    std::size_t secondLen = 0; // 0: no second number
    std::size_t unitPos = 0;   // where the unit (if any) starts
    UnitMatch unit;
    std::string
        unitFromRange; // the unit printed with the range only ("HCO3 33 (Normal: 21-26 mEq/L)")
    std::size_t windowStart = 0;
    std::string specimen;
    std::size_t valueEnd() const { return at + numLen + unit.length; }
    std::string unitKey() const {
        return unit.length ? unit.key : !unitFromRange.empty() ? unitFromRange : "-";
    }
};

bool startsPrintedRange(std::string_view lowerFromParen) {
    for (std::string_view head : {"n ", "n=", "n<", "normal", "reference"})
        if (lowerFromParen.rfind(head, 0) == 0)
            return true;
    return false;
}

// One pass over a question: the running context (line, sentence, lab-table section, the
// last value read) and the values found so far.
class ValueScan {
public:
    ValueScan(std::string_view q, const ReferenceRangeTable& table, const AnalyteNameIndex& names,
              QuestionReading& out)
        : q_(q), lower_(lowerAscii(q)), table_(table), names_(names), out_(out) {}

    void run() {
        for (std::size_t i = 0; i < q_.size(); ++i) {
            if (skipStructure(i) || !startsValue(i))
                continue;
            i = readValueAt(i);
        }
    }

private:
    bool skipStructure(std::size_t& i);
    void startLine(std::size_t newline);
    bool startsValue(std::size_t i) const;
    NumberInText readNumber(std::size_t i) const;
    std::string unitOfPrintedRange(std::size_t end) const;
    std::string specimenBefore(std::size_t i, std::size_t windowStart) const;
    std::size_t readBloodPressure(const NumberInText& n);
    const AnalyteMention* namedAnalyte(const std::vector<AnalyteMention>& mentions,
                                       const NumberInText& n) const;
    std::optional<std::string> analyteByStateWord(const NumberInText& n) const;
    std::size_t recordByStateWord(NumberInText& n, const std::string& analyte);
    bool continuesPrevious(const NumberInText& n) const;
    std::size_t recordSameAnalyte(const NumberInText& n, bool alternate);
    std::size_t recordUncovered(const NumberInText& n);
    std::size_t recordNamed(const NumberInText& n, const AnalyteMention& name);
    std::size_t readValueAt(std::size_t i);

    std::string_view q_;
    std::string lower_;
    const ReferenceRangeTable& table_;
    const AnalyteNameIndex& names_;
    QuestionReading& out_;
    std::size_t lineStart_ = 0, sentenceStart_ = 0, lastValueEnd_ = 0;
    std::string sectionSpecimen_;
    mutable std::optional<SpecimenWords> specimens_;
    bool inSection_ = false;
};

// Line and sentence ends, and printed normal ranges "(N = 200–430 mg/dL)", which hold no
// values of their own. Moves i past what it consumed; true when i was such a byte.
bool ValueScan::skipStructure(std::size_t& i) {
    const char c = q_[i];
    if (c == '\n') {
        startLine(i);
        return true;
    }
    if ((c == '.' || c == '?') && i + 1 < q_.size() && q_[i + 1] == ' ' && i > 0 &&
        !std::isdigit(static_cast<unsigned char>(q_[i - 1]))) {
        sentenceStart_ = i + 1;
        return true;
    }
    if (c == '(') {
        if (startsPrintedRange(std::string_view(lower_).substr(i + 1, 10))) {
            const std::size_t close = q_.find(')', i);
            if (close != std::string_view::npos && close - i < 60)
                i = close;
        }
        return true;
    }
    return false;
}

// A short line without digits ("Serum:", "Urine:", "Cerebrospinal fluid") heads a table.
void ValueScan::startLine(std::size_t newline) {
    const std::size_t nextEnd = q_.find('\n', newline + 1);
    const std::string_view next =
        q_.substr(newline + 1, nextEnd == std::string_view::npos ? std::string_view::npos
                                                                 : nextEnd - newline - 1);
    if (next.empty() || !lineIsHeader(next)) {
        if (next.empty())
            inSection_ = false, sectionSpecimen_.clear();
    } else {
        bool found = false;
        sectionSpecimen_ = SpecimenWords(lowerAscii(next)).lastIn(0, next.size(), found);
        inSection_ = found;
    }
    lineStart_ = sentenceStart_ = newline + 1;
}

// A digit that starts a number: not inside a word or another number, and not the upper
// end of a range ("7.35–7.45").
bool ValueScan::startsValue(std::size_t i) const {
    if (!std::isdigit(static_cast<unsigned char>(q_[i])) ||
        (i > 0 && (isWordByte(q_[i - 1]) || q_[i - 1] == '.' || q_[i - 1] == ',')))
        return false;
    return !(i > 0 && (q_[i - 1] == '-' || (i >= 3 && q_.substr(i - 3, 3) == "–")));
}

std::string ValueScan::unitOfPrintedRange(std::size_t end) const {
    MeasuredValue probe;
    const std::size_t rangeLen = readPrintedRange(q_, end, probe);
    if (!rangeLen)
        return {};
    const std::string_view inner = q_.substr(end, rangeLen);
    for (std::size_t k = inner.size(); k-- > 0;)
        if (std::isdigit(static_cast<unsigned char>(inner[k]))) {
            UnitMatch u = matchUnit(inner, k + 1);
            return u.length ? u.key : std::string();
        }
    return {};
}

// The specimen named nearest before i: in the window, else in the sentence, else the
// lab-table section's.
std::string ValueScan::specimenBefore(std::size_t i, std::size_t windowStart) const {
    if (!specimens_)
        specimens_.emplace(lower_);
    bool found = false;
    std::string specimen = specimens_->lastIn(windowStart, i, found);
    if (!found)
        specimen = specimens_->lastIn(sentenceStart_, i, found);
    if (!found && inSection_)
        specimen = sectionSpecimen_;
    return specimen;
}

NumberInText ValueScan::readNumber(std::size_t i) const {
    NumberInText n;
    n.at = i;
    n.numLen = matchNumber(q_, i, n.value);
    const std::size_t end = i + n.numLen;
    // "80/50 mm Hg": a blood pressure pair.
    if (end < q_.size() && q_[end] == '/')
        n.secondLen = matchNumber(q_, end + 1, n.second);
    n.unitPos = n.secondLen ? end + 1 + n.secondLen : end;
    n.unit = matchUnit(q_, n.unitPos);
    if (n.unit.length == 0 && !n.secondLen)
        n.unitFromRange = unitOfPrintedRange(end);
    n.windowStart =
        std::max({lineStart_, sentenceStart_, lastValueEnd_, i >= 90 ? i - 90 : std::size_t(0)});
    // The specimen only matters for a value with a unit or a blood-pressure pair.
    if (n.unit.length || !n.unitFromRange.empty() || n.secondLen)
        n.specimen = specimenBefore(i, n.windowStart);
    return n;
}

// "80/50 mm Hg" after "blood pressure" or "BP": systolic and diastolic. Returns the last
// index consumed.
std::size_t ValueScan::readBloodPressure(const NumberInText& n) {
    const std::size_t i = n.at;
    const std::string_view window =
        std::string_view(lower_).substr(n.windowStart, i - n.windowStart);
    if (n.unit.key != "mm Hg" && window.find("pressure") == std::string_view::npos &&
        window.find("bp") == std::string_view::npos)
        return n.unitPos - 1;
    const std::size_t vEnd = n.unitPos + n.unit.length;
    std::size_t nameBegin = i;
    // Searched back to the window's start only, not to the question's.
    const std::string_view fromWindow = std::string_view(lower_).substr(n.windowStart);
    for (std::string_view w : {"blood pressure", "bp"})
        if (auto p = fromWindow.rfind(w, i - n.windowStart); p != std::string_view::npos)
            nameBegin = std::min(nameBegin, n.windowStart + p);
    for (int k = 0; k < 2; ++k) {
        MeasuredValue bp;
        bp.analyte = k == 0 ? "sbp" : "dbp";
        bp.name = "blood pressure";
        bp.value = k == 0 ? n.value : n.second;
        bp.unit = "mm Hg";
        bp.unitText = n.unit.length ? n.unit.written : "";
        bp.span = {nameBegin, vEnd};
        bp.valueSpan = {i, vEnd};
        out_.values.push_back(bp);
    }
    lastValueEnd_ = vEnd;
    return vEnd - 1;
}

// The analyte name nearest before the number whose table row takes its unit; a unitless
// value (pH, INR) needs its name right before the number.
const AnalyteMention* ValueScan::namedAnalyte(const std::vector<AnalyteMention>& mentions,
                                              const NumberInText& n) const {
    const AnalyteMention* best = nullptr;
    const std::string unitKey = n.unitKey();
    for (const AnalyteMention& m : mentions) {
        if (!table_.toTableUnit(m.analyte, 1.0, unitKey))
            continue;
        if (unitKey == "-") {
            const std::string gap = lowerAscii(q_.substr(m.span.end, n.at - m.span.end));
            std::string t;
            for (char ch : gap)
                if (ch != ' ' && ch != ':' && ch != '=')
                    t += ch;
            if (!(t.empty() || t == "is" || t == "of" || t == "was" || t == "ofa"))
                continue;
        }
        if (!best || m.span.end > best->span.end ||
            (m.span.end == best->span.end && m.span.begin < best->span.begin))
            best = &m;
    }
    return best;
}

// "tachycardic to 121/min", "febrile to 39.4°C": the state word names the analyte; "total"
// and "direct" after "bilirubin" name its rows.
std::optional<std::string> ValueScan::analyteByStateWord(const NumberInText& n) const {
    const std::size_t i = n.at;
    const std::string unitKey = n.unitKey();
    const std::string_view w = lastWordLower(q_, lower_, n.windowStart, i);
    std::optional<std::string> row;
    for (const StateWord& s : table_.stateWords())
        if (s.word == w && table_.toTableUnit(s.analyte, 1.0, unitKey)) {
            row = s.analyte;
            break;
        }
    if ((w == "total" || w == "direct") && lower_.rfind("bilirubin", i) != std::string::npos &&
        i - lower_.rfind("bilirubin", i) < 40)
        row = w == "total" ? "bilirubin_total" : "bilirubin_direct";
    if (row && !table_.toTableUnit(*row, 1.0, unitKey))
        return std::nullopt;
    return row;
}

std::size_t ValueScan::recordByStateWord(NumberInText& n, const std::string& analyte) {
    const std::size_t i = n.at;
    MeasuredValue v;
    v.value = n.value;
    v.analyte = analyte;
    const std::string word(lastWordLower(q_, lower_, n.windowStart, i));
    v.name = analyte.rfind("bilirubin", 0) == 0 ? "bilirubin, " + word
                                                : table_.analyte(analyte)->displayName;
    v.unit = n.unitKey();
    v.unitText = n.unit.written;
    const std::size_t wordAt = lower_.rfind(word, i);
    v.span = {wordAt != std::string::npos && wordAt >= n.windowStart ? wordAt : n.windowStart,
              n.valueEnd()};
    v.valueSpan = {i, n.valueEnd()};
    v.specimen = n.specimen;
    out_.values.push_back(v);
    lastValueEnd_ = n.valueEnd();
    return lastValueEnd_ - 1;
}

// "a drop in platelet count from 260,000/mm3 to 95,000/mm3": a number joined to the value
// just read by "to", "and" or "then", in a unit of the same analyte, is that analyte at
// another time.
bool ValueScan::continuesPrevious(const NumberInText& n) const {
    if (out_.values.empty() || !n.unit.length || lastValueEnd_ > n.at || n.at - lastValueEnd_ > 16)
        return false;
    const MeasuredValue& previous = out_.values.back();
    if (previous.analyte.empty() || previous.analyte == "sbp" || previous.analyte == "dbp" ||
        !table_.toTableUnit(previous.analyte, 1.0, n.unitKey()))
        return false;
    std::string gap;
    for (char c : lower_.substr(lastValueEnd_, n.at - lastValueEnd_))
        if (c != ' ' && c != ',')
            gap += c;
    return gap == "to" || gap == "and" || gap == "then" || gap == "andthen" || gap == "downto" ||
           gap == "upto";
}

// The analyte just read, once more: in parentheses right after it, the same measurement in
// another unit (alternate); joined to it by "to" or "then", the analyte at another time.
std::size_t ValueScan::recordSameAnalyte(const NumberInText& n, bool alternate) {
    MeasuredValue v = out_.values.back();
    v.value = n.value;
    v.unit = n.unitKey();
    v.unitText = n.unit.written;
    if (!alternate)
        v.span = {n.at, n.valueEnd()};
    v.valueSpan = {n.at, n.valueEnd()};
    v.alternate = alternate;
    v.hasOwnRange = false;
    out_.values.push_back(v);
    lastValueEnd_ = n.valueEnd();
    return lastValueEnd_ - 1;
}

// A number with a lab unit and no analyte the table knows: noted for the coverage report.
std::size_t ValueScan::recordUncovered(const NumberInText& n) {
    const std::size_t i = n.at;
    const std::string& key = n.unit.key;
    if (n.unit.length && key != "%" && key != "s" && key != "min" && n.specimen.empty()) {
        const std::string guess = lastWords(q_.substr(n.windowStart, i - n.windowStart), 3);
        if (!guess.empty())
            out_.uncovered.push_back({guess, key, {i, n.valueEnd()}});
    }
    if (n.unit.length) {
        lastValueEnd_ = n.valueEnd();
        return lastValueEnd_ - 1;
    }
    return i + n.numLen - 1;
}

std::size_t ValueScan::recordNamed(const NumberInText& n, const AnalyteMention& name) {
    const std::size_t i = n.at;
    MeasuredValue v;
    v.value = n.value;
    v.analyte = name.analyte;
    v.name = std::string(q_.substr(name.span.begin, name.span.end - name.span.begin));
    v.unit = n.unitKey();
    v.unitText = n.unit.written;
    v.span = {name.span.begin, n.valueEnd()};
    v.valueSpan = {i, n.valueEnd()};
    v.specimen = n.specimen;
    std::size_t after = n.valueEnd();
    after += readPrintedRange(q_, after, v);
    out_.values.push_back(v);
    lastValueEnd_ = after;
    return after - 1;
}

// Reads the value whose number starts at i; returns the last index consumed.
std::size_t ValueScan::readValueAt(std::size_t i) {
    NumberInText n = readNumber(i);
    if (n.secondLen)
        return readBloodPressure(n);
    const bool alternate = !out_.values.empty() && i >= 1 && q_[i - 1] == '(' &&
                           lastValueEnd_ + 3 >= i && n.unit.length;
    const std::vector<AnalyteMention> mentions = names_.find(q_, lower_, n.windowStart, i);
    const AnalyteMention* best = namedAnalyte(mentions, n);
    if (best)
        return recordNamed(n, *best);
    if (const auto row = analyteByStateWord(n))
        return recordByStateWord(n, *row);
    if (alternate && table_.toTableUnit(out_.values.back().analyte, 1.0, n.unitKey()))
        return recordSameAnalyte(n, true);
    if (continuesPrevious(n))
        return recordSameAnalyte(n, false);
    return recordUncovered(n);
}

} // namespace

QuestionValueExtractor::QuestionValueExtractor(const ReferenceRangeTable& table,
                                               const AnalyteNameIndex& names)
    : table_(table), names_(names) {}

QuestionReading QuestionValueExtractor::read(std::string_view q) const {
    QuestionReading out = readValues(q);
    out.facts = readPatientFacts(q);
    return out;
}

QuestionReading QuestionValueExtractor::readValues(std::string_view q) const {
    QuestionReading out;
    ValueScan(q, table_, names_, out).run();
    return out;
}

} // namespace rs::reading
