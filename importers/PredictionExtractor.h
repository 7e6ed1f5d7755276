#pragma once
// Finds the answer a free-text model output commits to ("... the answer is (C)",
// "Answer: B", a last line "D) Metformin"), and the option it names. Conservative on
// purpose: when the final statement names several options, or nothing recognisable, there
// is no prediction, because a wrong prediction corrupts the accuracy figures while a
// missing one is merely counted as unknown.
#include "Case.h"

#include <string>
#include <string_view>
#include <vector>

namespace rs {

struct ExtractedAnswer {
    int option = -1;  // index into the options, -1 when none was found
    std::string text; // the answer as stated, for questions without options
    std::string rule; // which rule decided ("short-answer", "answer-cue", "last-line"), or empty
    bool ambiguous = false; // the final answer names more than one option
};

// Rules, in order (a cue on the last line comes before the conclusion rule):
//  short-answer  the whole text is one short line (an already extracted answer such as
//                " B." or "C) Ivermectin"): rs::matchOption on it. Without options it
//                comes last: the text itself when no cue says more.
//  answer-cue    the last cue phrase ("answer is", "answer:", "option is", "i would choose",
//                ... see kAnswerCues in the .cpp) followed by an option letter ("B", "(b)",
//                "**B**", "option B", "\boxed{B}") or by the text of an option.
//  conclusion    the last non-empty line (not itself an option's evaluation starting
//                "C) ...") names an option in a self-checking way: "is B) <text of B>",
//                "<text of C> (C)", "(option C)", or a closing "(C).". A cue phrase earlier
//                than the last line yields to it.
//  last-line     the last non-empty line starts with an option marker ("C)", "(C)", "C.",
//                "C:") or is an option's text, and is not the end of a list of options.
// A cue or last line naming two or more options ("C) Ivermectin or E) Pyrantel") is
// ambiguous and ends the search without a prediction.
ExtractedAnswer extractAnswer(const std::vector<AnswerOption>& options, std::string_view text);

} // namespace rs
