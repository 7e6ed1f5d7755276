#pragma once
// A finding in a clinician's words. The classifier's explanation names KG paths and
// edges; a reviewer first needs to read what the model did wrong with the patient:
// "Went from chest pain to myocardial infarction and concluded alteplase; the question's
// findings point to aortic dissection." That sentence comes first, the KG detail (the
// classifier's explanation, unchanged, as the evidence) after it. Worded from the typed
// finding and the case it belongs to, so every view and report says the same.
#include "CaseResult.h"

#include <string>
#include <string_view>

namespace rs {

struct FindingWording {
    std::string summary; // one sentence in clinical terms; "" for a kind this version does not word
    std::string detail;  // the KG detail: the finding's own explanation
    // Summary, then detail; the detail alone when there is no summary.
    std::string text() const;
};

FindingWording wordFinding(const CaseResult& result, const CaseResult::Finding& finding);

// A concept name as it reads inside a sentence: Title Case words go to lower case
// ("Chest Pain" -> "chest pain"); acronyms ("HIV", "IgA"), words with digits and
// possessive eponyms ("Crohn's disease") keep their capitals.
std::string clinicalName(std::string_view conceptName);

} // namespace rs
