#pragma once
// Lab results and vital signs a question gives, each with its number, unit, analyte and
// byte span: prose ("her temperature is 39.1°C (102.3°F)", "blood pressure is 80/50 mm
// Hg"), lab tables ("Serum:\nNa+ 140 mEq/L"), printed ranges ("(N = 200–430 mg/dL)"), and
// the specimen (urine and CSF values are not compared with blood ranges).
#include "AnalyteNameIndex.h"
#include "ReadingTypes.h"
#include "ReferenceRangeTable.h"

#include <string>
#include <string_view>
#include <vector>

namespace rs::reading {

// A number with a lab unit whose analyte the table does not know (for coverage reports).
struct UncoveredValue {
    std::string nameGuess; // the last words before the number ("Serum ferritin")
    std::string unit;
    Span span;
};

struct QuestionReading {
    std::vector<MeasuredValue> values;
    PatientFacts facts;
    std::vector<UncoveredValue> uncovered;
};

class QuestionValueExtractor {
public:
    QuestionValueExtractor(const ReferenceRangeTable& table, const AnalyteNameIndex& names);

    QuestionReading read(std::string_view question) const;
    // The values and uncovered values only; facts stay unread (see QuestionFacts).
    QuestionReading readValues(std::string_view question) const;

private:
    const ReferenceRangeTable& table_;
    const AnalyteNameIndex& names_;
};

} // namespace rs::reading
