#pragma once
// Patient facts and numbers the output misquotes: an age, sex, pregnancy state or
// gestational age the question contradicts, "post-menopausal" for a 35-year-old, a "3-month
// history" where the question says 2 months, a platelet count of 76,000 where it says
// 67,000. Only clear contradictions: a fact the question does not state is never misquoted.
#include "AnalyteNameIndex.h"
#include "QuestionValueExtractor.h"
#include "ReadingTypes.h"
#include "ReferenceRangeTable.h"

#include <string_view>
#include <vector>

namespace rs::reading {

class OutputText;
class QuestionFacts;

std::vector<ReadingFinding> checkFacts(std::string_view question, const QuestionFacts& facts,
                                       const OutputText& output);

std::vector<ReadingFinding> checkQuotedValues(std::string_view question,
                                              const QuestionReading& reading,
                                              const OutputText& output,
                                              const ReferenceRangeTable& table,
                                              const AnalyteNameIndex& names);

} // namespace rs::reading
