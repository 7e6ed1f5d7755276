#pragma once
// The patient facts a question states: age, sex, pregnancy and gestational age, the
// durations it gives, and whether it speaks of menopause. The patient is the person the
// question introduces first ("A 48-year-old woman ..."), or the child an adult brings.
#include "ReadingTypes.h"

#include <optional>
#include <string_view>

namespace rs::reading {

PatientFacts readPatientFacts(std::string_view question);

// A question's patient facts, read on first use: most outputs quote no age, sex or
// pregnancy, and reading the facts is a good part of the reading check's time.
class QuestionFacts {
public:
    explicit QuestionFacts(std::string_view question) : question_(question) {}
    explicit QuestionFacts(const PatientFacts& read) : facts_(read) {}
    const PatientFacts& get() const {
        if (!facts_)
            facts_ = readPatientFacts(question_);
        return *facts_;
    }

private:
    std::string_view question_;
    mutable std::optional<PatientFacts> facts_;
};

// "12-day", "3 weeks", "two months": number and unit at pos, for questions and outputs.
struct DurationMatch {
    std::size_t length = 0;
    double amount = 0;
    std::string unit;
};
// lower is the text lowered (lowerAscii): callers scan many positions of one text.
DurationMatch matchDuration(std::string_view lower, std::size_t pos);

} // namespace rs::reading
