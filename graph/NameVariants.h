#pragma once
// Other ways clinical text writes a KG name, derived from the name alone: the plural of its
// last word ("urinary tract infection" -> "urinary tract infections") or the singular of a
// plural name ("Opioid Antagonists" -> "Opioid Antagonist") and, for the UMLS
// style "Noun adjective" names of side effects, the English order ("Peritonitis bacterial"
// -> "bacterial peritonitis"), a Disease Ontology "... disease" class as "... disorder", and
// the American spelling of a British name. The linker indexes them as synonyms of the node.
#include <string>
#include <string_view>
#include <vector>

namespace rs {

// The plural of an English noun (lower or mixed case kept); empty when the word has no
// regular plural to derive (too short, a number, a word already plural-looking).
std::string pluralOf(std::string_view word);

// The singular of a plural-looking English noun ("Hallucinations" -> "Hallucination",
// "Allergies" -> "Allergy", "psychoses" -> "psychosis"); empty for a word that does not end
// in a lower-case "s" after a letter, or ends in "ss", "us" or "is".
std::string singularOf(std::string_view word);

// The American spelling of a British medical name ("Hyponatraemia" -> "Hyponatremia",
// "Oedema" -> "Edema", "Diarrhoea" -> "Diarrhea"); the name itself when there is none.
std::string americanSpelling(std::string_view name);

// The variants of one node name; none for a name whose last word has neither a plural
// nor a singular to derive.
std::vector<std::string> nameVariants(std::string_view name);

} // namespace rs
