#pragma once
// Plain data of the reading-error engine: values and facts read from a question, and the
// findings where an output contradicts them. No Qt; the coordinator maps ReadingFinding
// onto the project's Finding.
#include <cstddef>
#include <string>
#include <vector>

namespace rs::reading {

struct Span {
    std::size_t begin = 0, end = 0; // byte offsets, end exclusive
    bool empty() const { return end <= begin; }
};

enum class Sex { Unknown, Female, Male };

// A lab result or vital sign the question gives, with its number and unit as written.
struct MeasuredValue {
    std::string analyte;      // reference-table id ("platelets"), empty when not covered
    std::string name;         // the name as written ("Platelet count")
    double value = 0;         // as written
    std::string unit;         // unit key (see UnitNames.h), "-" for unitless
    std::string unitText;     // the unit as written ("/mm3")
    Span span;                // name through unit
    Span valueSpan;           // number and unit
    std::string specimen;     // "" for blood and vital signs, else "urine", "csf", ...
    bool alternate = false;   // same measurement in another unit, e.g. "(102.3°F)"
    bool hasOwnRange = false; // the question prints a range, e.g. "(N = 200–430 mg/dL)"
    double ownLow = 0, ownHigh = 0;
};

// Patient facts the question states. Age in years (fractions for infants), -1 unknown.
struct PatientFacts {
    double ageYears = -1;
    Span ageSpan;
    Sex sex = Sex::Unknown;
    Span sexSpan;
    int pregnant = -1; // 1 stated pregnant, 0 stated not pregnant, -1 not said
    Span pregnancySpan;
    std::vector<int> gestationWeeks; // "at 32 weeks' gestation"
    bool mentionsMenopause = false;  // menopause, hysterectomy, oophorectomy, amenorrhea
    struct Duration {
        double amount = 0;
        std::string unit; // "day", "week", "month", "year", "hour"
        Span span;
        bool history = false; // "a 2-month history of ..."
    };
    std::vector<Duration> durations;
    std::vector<double> agesMentioned; // every "N-year-old" in the question (relatives too)
};

enum class ReadingKind { ValueMisjudged, FindingDenied, FindingInvented, FactMisquoted };

// The finding sub-kind name of a kind (core/FindingKinds), e.g. value_misjudged.
const char* toString(ReadingKind kind);

struct ReadingFinding {
    ReadingKind kind = ReadingKind::ValueMisjudged;
    std::string analyte; // reference-table id for value findings, else the finding's words
    Span questionSpan;   // what the question says
    Span outputSpan;     // what the output says about it
    int severity = 1;    // 1 mild .. 3 marked; +1 when the answer is wrong (max 4)
    bool answerWrong = false;
    double deviation = 0; // how far outside the range (0 for non-value findings)
    // Value findings judged against a range: what the output calls the value ("normal",
    // "not low", ...) and where it lies ("low", "normal", "high"); empty otherwise.
    std::string claimed, actual;
    std::string explanation;
};

} // namespace rs::reading
