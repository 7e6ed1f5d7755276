#pragma once
// Reading errors (docs/design.md "Error classes") as the project's findings of type
// "reading": the output's judgement is the finding's span, what the question says its
// question span, so views can mark and link both. The signature groups the same misreading
// across cases ("reading/value_misjudged/calls low platelets normal").
#include "CaseAnalysis.h"
#include "reading/ReadingTypes.h"

#include <string>
#include <vector>

namespace rs {

// steps: the output's steps, to tie the finding to the one its judgement lies in.
Finding readingFinding(const reading::ReadingFinding& rf, const std::vector<Step>& steps);

// The words a signature and a pattern use for what was misread: "calls low platelets
// normal", "denies weight loss".
std::string readingPatternWords(const reading::ReadingFinding& rf);

} // namespace rs
