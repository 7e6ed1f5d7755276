#include "Answers.h"

#include "FinalAnswer.h"
#include "PredictionExtractor.h"
#include "TextNormalizer.h"

#include <cctype>

namespace rs::importers {

namespace {

std::string trimmed(const std::string& s) {
    return std::string(trimSpace(s));
}

} // namespace

int optionIndex(const std::vector<AnswerOption>& options, const std::string& answer) {
    if (options.empty())
        return -1;
    const std::string t = trimmed(answer);
    if (t.empty())
        return -1;
    for (std::size_t i = 0; i < options.size(); ++i)
        if (options[i].label == t)
            return int(i);
    return matchOption(options, t);
}

void settleAnswers(Case& c) {
    splitReasoningTrace(c);
    const int gold = optionIndex(c.options, c.gold);
    if (gold >= 0)
        c.gold = c.options[std::size_t(gold)].label;
    int predicted = -1;
    if (!c.prediction.empty()) {
        predicted = optionIndex(c.options, c.prediction);
    } else {
        // A reasoning model's answer is what it wrote after its trace; the trace itself
        // weighs options it then rejects.
        const std::string& answer = c.finalAnswer.empty() ? c.output : c.finalAnswer;
        // Free text ends with a stated answer ("### Answer:\nGastric schwannoma"); with
        // options the extractor's option rules come first.
        const std::string stated = c.options.empty() ? statedFinalAnswer(answer) : std::string();
        const ExtractedAnswer a =
            stated.empty() ? extractAnswer(c.options, answer) : ExtractedAnswer{};
        predicted = a.option;
        if (predicted < 0)
            c.prediction = stated.empty() ? a.text : stated;
    }
    if (predicted >= 0)
        c.prediction = c.options[std::size_t(predicted)].label;
    if (!c.correct && gold >= 0 && predicted >= 0)
        c.correct = gold == predicted;
}

} // namespace rs::importers
