#pragma once
// The laboratory and vital-sign reference ranges (resources/reference-ranges/), with the
// names questions and outputs use for each analyte, its variants by sex, age and
// pregnancy, other units it is reported in, and the words that name its abnormal states
// ("thrombocytopenia" = platelets low). Loaded once, then only read (thread-safe).
#include "ImportError.h"
#include "ReadingTypes.h"

#include <istream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rs::reading {

struct PatientContext {
    Sex sex = Sex::Unknown;
    double ageYears = -1; // -1 unknown: adult rows
    int pregnant = -1;    // 1 yes, 0 no, -1 unknown
};

struct ReferenceRange {
    std::string analyte;
    std::string unit; // unit key, "-" when unitless
    double low = 0, high = 0;
    double borderline = 0;           // values strictly within this of a bound are not judged
    Sex sex = Sex::Unknown;          // Unknown: any
    double ageMin = -1, ageMax = -1; // [min, max) in years, -1 unbounded
    int pregnancy = -1;              // -1 any
};

enum class Level { Low, Normal, High };
enum class StateDirection { Low, Normal, High };

struct RangeVerdict {
    Level level = Level::Normal;
    bool borderline = false; // within the borderline band of a bound: not judged either way
    double deviation = 0;    // 0 inside; else max(relative excess, excess / range width)
    int severity = 0;        // 0 inside, 1 mild, 2 moderate, 3 marked
};

// A word naming a state of one or more analytes ("hypoxia": oxygen saturation low).
struct StateWord {
    std::string word;
    std::string analyte;
    StateDirection direction = StateDirection::Normal;
};

struct AnalyteInfo {
    std::string id;
    std::string displayName;                // first name in the table
    std::vector<std::string> names;         // all names as written in the table
    std::map<std::string, double> altUnits; // unit key -> factor to the table's unit
};

class ReferenceRangeTable {
public:
    static constexpr const char* kDefaultFile = "reference-ranges/reference-ranges.tsv";

    bool load(const std::string& path, std::vector<ImportError>* errors = nullptr);
    void read(std::istream& in, const std::string& source, std::vector<ImportError>* errors);

    const AnalyteInfo* analyte(std::string_view id) const;
    const std::vector<AnalyteInfo>& analytes() const { return analytes_; }
    const std::vector<StateWord>& stateWords() const { return stateWords_; }
    std::size_t rowCount() const { return ranges_.size(); }

    // The range that fits the patient best for the analyte in the given unit (the
    // value is converted first, see toTableUnit). Sex unknown and only sex-specific rows:
    // the union of them (lenient).
    std::optional<ReferenceRange> lookup(std::string_view analyte,
                                         const PatientContext& patient) const;

    // The value in the table's unit for the analyte, or nothing if the unit does not convert.
    std::optional<double> toTableUnit(std::string_view analyte, double value,
                                      std::string_view unitKey) const;

    static RangeVerdict classify(const ReferenceRange& range, double value);

private:
    std::vector<AnalyteInfo> analytes_;
    std::vector<ReferenceRange> ranges_;
    std::vector<StateWord> stateWords_;
};

// "150,000–400,000/mm³": a range in words for explanations.
std::string formatRange(const ReferenceRange& range);
std::string formatNumber(double value);
// The unit key for display ("/mm3" -> "/mm³").
std::string displayUnit(std::string_view unitKey);

} // namespace rs::reading
