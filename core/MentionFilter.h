#pragma once
// English noun phrases end in their head noun, so a linked word directly followed by
// another noun names only a modifier: "blood" in "blood pressure", "heart" in "heart rate",
// "eye" in "eye drops", "insulin" in "insulin resistance". And a generic head linked alone
// after a word of its own names only the class of a longer name: "syndrome" in "tumor lysis
// syndrome", "disease" in "minimal change disease". Such a mention does not stand for what
// the text talks about; the whole phrase is a KG coverage gap instead.
#include "CaseAnalysis.h"
#include "Lexicon.h"
#include "TextNormalizer.h"

#include <functional>
#include <string_view>
#include <vector>

namespace rs {

// The mentions of text that are not modifiers, in order. For each one dropped, a coverage
// gap (where, the whole phrase, "only '<matched>' of it is in the KG") is appended to gaps
// when gaps is not null. tokens = tokenize(text); mentions ordered and non-overlapping.
// isOrgan, when given, tells which nodes are places in the body (a KG's Anatomy).
std::vector<Mention> dropModifierMentions(std::string_view text, const std::vector<Token>& tokens,
                                          const std::vector<Mention>& mentions,
                                          const Lexicon& lexicon, std::vector<CoverageGap>* gaps,
                                          std::string_view where, int maxPhraseTokens = 4,
                                          const std::function<bool(NodeId)>& isOrgan = {});

} // namespace rs
