#pragma once
// Reading errors: where an output contradicts its own question's data. From the question
// text and the output text it finds values misjudged against the reference range, findings
// denied or invented, and patient facts misquoted; each finding quotes both spans.
// Construct once (it indexes the table's names), then call check() from any thread.
#include "AnalyteNameIndex.h"
#include "JudgementFinder.h"
#include "PatientFactExtractor.h"
#include "QuestionValueExtractor.h"
#include "ReadingTypes.h"
#include "ReferenceRangeTable.h"

#include <string_view>
#include <vector>

namespace rs::reading {

class ReadingChecker {
public:
    explicit ReadingChecker(const ReferenceRangeTable& table);

    // answerWrong raises each finding's severity by one.
    std::vector<ReadingFinding> check(std::string_view question, std::string_view output,
                                      bool answerWrong = false) const;
    // The same with the question already read (one question, several outputs).
    std::vector<ReadingFinding> check(std::string_view question, const QuestionReading& reading,
                                      std::string_view output, bool answerWrong = false) const;

    QuestionReading readQuestion(std::string_view question) const {
        return extractor_.read(question);
    }
    // Development only: also judge hedged, general and other-person judgements, to review
    // what those filters hold back (tests/tools/reading_scan --flagged).
    void setJudgeFlagged(bool on) { judgeFlagged_ = on; }
    const JudgementFinder& judgements() const { return judgements_; }

private:
    std::vector<ReadingFinding> check(std::string_view question, const QuestionReading& values,
                                      const QuestionFacts& facts, std::string_view output,
                                      bool answerWrong) const;
    void checkJudgements(std::string_view question, const QuestionReading& reading,
                         const QuestionFacts& facts, const OutputText& output,
                         std::vector<ReadingFinding>& out) const;

    const ReferenceRangeTable& table_;
    AnalyteNameIndex names_;
    QuestionValueExtractor extractor_;
    JudgementFinder judgements_;
    bool judgeFlagged_ = false;
};

} // namespace rs::reading
