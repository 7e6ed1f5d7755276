#pragma once
// The patient facts a question states: age, sex, pregnancy and gestational age, the
// durations it gives, and whether it speaks of menopause. The patient is the person the
// question introduces first ("A 48-year-old woman ..."), or the child an adult brings.
#include "ReadingTypes.h"

#include <string_view>

namespace rs::reading {

PatientFacts readPatientFacts(std::string_view question);

// "12-day", "3 weeks", "two months": number and unit at pos, for questions and outputs.
struct DurationMatch {
    std::size_t length = 0;
    double amount = 0;
    std::string unit;
};
DurationMatch matchDuration(std::string_view text, std::size_t pos);

} // namespace rs::reading
