#pragma once
// A name for a case that a person can tell apart from the next one and come back to by
// memory: the question's opening clause cut down to the patient and what brings them,
// "35-year-old woman, depressed mood for 3 years". Case ids (UUIDs, "file#12") stay the
// key; this is only what lists and titles show beside them.
#include <cstddef>
#include <string>
#include <string_view>

namespace rs {

// The title of a case from its question text (or the first characters of it: a text that
// ends inside its first sentence loses its last, possibly cut word). At most maxChars
// characters (UTF-8 code points), ending in "…" when shortened; "" for an empty question.
std::string caseTitle(std::string_view question, std::size_t maxChars = 64);

} // namespace rs
