#pragma once
// Gold, prediction and correctness settled the same way for every format that does not
// state them itself.
#include "Case.h"

namespace rs::importers {

// Index of the option an answer names: an exact label first ("opa", "1"), then
// rs::matchOption. -1 when none.
int optionIndex(const std::vector<AnswerOption>& options, const std::string& answer);

// Rewrites gold and a given prediction to the option label they name (kept as given when
// they name none); extracts the prediction from the final answer (else the output) when
// none was given; sets
// correct, unless already set, when gold and prediction both name options.
void settleAnswers(Case& c);

} // namespace rs::importers
