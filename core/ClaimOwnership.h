#pragma once
// Whose statement each claim is (docs/error-classes.md, "Relation errors"): the model's own
// reasoning, a restatement of the question, an option the model is rejecting, or another
// person's history. Only the model's own claims can be its errors: "the patient has
// hypertension and headache" repeats the question, "B is incorrect because X causes Y"
// reports the reason an option fails, "his mother had breast cancer" is not the patient's
// disease.
#include "Case.h"
#include "CaseAnalysis.h"

#include <cstddef>
#include <string_view>

namespace rs {

// Sets Claim::owner of every claim in a. stem: where the question stem ends in c.question
// (a.questionMentions before it are the question's concepts). A restatement: both ends are
// concepts of the question and the sentence speaks of the patient.
void assignClaimOwners(const Case& c, CaseAnalysis& a, std::size_t stem);

// The owner a sentence of the output gives its claims when the words alone decide it
// (family history, option rejection); Model otherwise. Exposed for tests.
ClaimOwner ownerFromWords(std::string_view sentence, bool rejectsAnOption);

} // namespace rs
