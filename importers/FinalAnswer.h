#pragma once
// Where a model's final answer is in its text. Reasoning models (DeepSeek-R1, Qwen3) write
// a trace inside <think>...</think> and then a short answer; other models end free text
// with a stated answer ("### Answer:\nGastric schwannoma", "Final answer: B",
// "Diagnosis: sarcoidosis", "... the answer is metformin").
#include "Case.h"

#include <optional>
#include <string>
#include <string_view>

namespace rs::importers {

// When c.output holds a <think> trace and c.finalAnswer is empty, moves the text after
// </think> to c.finalAnswer and keeps the trace alone in c.output (without the tags). A
// trace cut off before </think> stays the output, with no final answer. Idempotent.
void splitReasoningTrace(Case& c);

// The answer the text states last, by the forms above, trimmed of markdown emphasis and a
// closing period; empty when the text states none.
std::string statedFinalAnswer(std::string_view text);

// A verdict as files write it: true/false, 1/0, "yes"/"no", "correct"/"incorrect",
// "right"/"wrong" (any case). nullopt for anything else.
std::optional<bool> verdictOf(std::string_view text);

// A free-text answer (no options) against a free-text gold: equal after normalisation
// (case, punctuation, spacing, a leading article) is correct; otherwise the case stays
// unscored and meta "scoring" says why, because a differently worded answer may still be
// a synonym, which only the knowledge graph could tell and the importer has none.
void scoreFreeText(Case& c);

} // namespace rs::importers
