#pragma once
// Other ways clinical text writes a KG name, derived from the name alone: the plural of its
// last word ("urinary tract infection" -> "urinary tract infections") and, for the UMLS
// style "Noun adjective" names of side effects, the English order ("Peritonitis bacterial"
// -> "bacterial peritonitis"). The linker indexes them as synonyms of the node.
#include <string>
#include <string_view>
#include <vector>

namespace rs {

// The plural of an English noun (lower or mixed case kept); empty when the word has no
// regular plural to derive (too short, a number, a word already plural-looking).
std::string pluralOf(std::string_view word);

// The variants of one node name; none for a name whose last word has no plural.
std::vector<std::string> nameVariants(std::string_view name);

} // namespace rs
