#pragma once
// A claim and the KG evidence its status rests on, in words, for the instance view, the
// audit report and anyone reading a case: "metformin treats type 2 diabetes mellitus",
// and "KG: Metformin treats type 2 diabetes mellitus" or, for an unverified claim, "no KG
// edge found" (the KG's silence, never an error; docs/design.md, Error classes).
#include "CaseResult.h"

#include <string>

namespace rs {

// "head relation tail" with the polarity: "X does not treat Y" reads "not: X treats Y".
std::string claimText(const CaseResult::Claim& c);

// The evidence behind the claim's status: the KG walk or edges, prefixed "KG: ", or "no KG
// edge found" when the claim is unverified or has no evidence recorded.
std::string claimEvidenceText(const CaseResult::Claim& c);

// The construction a claim was read from, in words: "relative clause", "item label", ...
// (docs/error-classes.md, Extraction).
std::string claimPatternLabel(ClaimPattern p);

// One sentence with an example that says how the construction gives the claim, for a
// tooltip: "A relative clause carries the head: ...".
std::string claimPatternExplanation(ClaimPattern p);

// The line under a claim that says how it was read: "apposition · cue “used to treat”";
// only the cue for a claim stored without a pattern, empty with neither.
std::string claimReadingText(const CaseResult::Claim& c);

// Whose statement a non-model claim is, in words ("restates the question", ...); empty for
// the model's own claims.
std::string claimOwnerText(const CaseResult::Claim& c);

} // namespace rs
