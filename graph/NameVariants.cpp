#include "NameVariants.h"

#include <algorithm>
#include <array>

namespace rs {

namespace {

bool isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

bool endsWith(std::string_view w, std::string_view suffix) {
    if (w.size() < suffix.size())
        return false;
    for (std::size_t i = 0; i < suffix.size(); ++i)
        if (lower(w[w.size() - suffix.size() + i]) != suffix[i])
            return false;
    return true;
}

bool isVowel(char c) {
    c = lower(c);
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

// Endings of English and Latin adjectives that UMLS puts after the noun.
constexpr std::array<std::string_view, 9> kAdjectiveEndings = {"al", "ic", "ous", "ive", "ary",
                                                               "ar", "ed", "oid", "ile"};

} // namespace

std::string pluralOf(std::string_view word) {
    if (word.size() < 4 || !std::all_of(word.begin(), word.end(), isLetter))
        return {};
    // All capitals is an abbreviation or a gene symbol: no plural derived.
    if (std::none_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
        return {};
    std::string w(word);
    if (endsWith(w, "sis")) // diagnosis -> diagnoses, metastasis -> metastases
        return w.substr(0, w.size() - 2) + "es";
    if (endsWith(w, "itis") || endsWith(w, "ss") || endsWith(w, "us") || endsWith(w, "ia") ||
        endsWith(w, "ae") || endsWith(w, "es") || endsWith(w, "is") || endsWith(w, "um"))
        return {}; // Latin or already plural-looking: "arthritis", "virus", "anemia"
    if (endsWith(w, "s") || endsWith(w, "x") || endsWith(w, "z") || endsWith(w, "ch") ||
        endsWith(w, "sh"))
        return w + "es";
    if (endsWith(w, "y") && !isVowel(w[w.size() - 2]))
        return w.substr(0, w.size() - 1) + "ies";
    return w + "s";
}

std::string singularOf(std::string_view word) {
    // Letters, and hyphens inside ("alpha-Agonists"); no symbol in capitals ("AIDS").
    if (word.size() < 5 || !isLetter(word.front()) || !isLetter(word.back()) ||
        !std::all_of(word.begin(), word.end(), [](char c) { return isLetter(c) || c == '-'; }))
        return {};
    if (!(word[word.size() - 1] == 's' && word[word.size() - 2] >= 'a' &&
          word[word.size() - 2] <= 'z'))
        return {};
    std::string w(word);
    if (endsWith(w, "ss") || endsWith(w, "us") || endsWith(w, "is"))
        return {};           // "Dizziness", "Lupus", "Pruritus", "Pyelonephritis"
    if (endsWith(w, "oses")) // psychoses -> psychosis
        return w.substr(0, w.size() - 2) + "is";
    if (endsWith(w, "ies") && w.size() > 5) // allergies -> allergy
        return w.substr(0, w.size() - 3) + "y";
    if (endsWith(w, "xes") || endsWith(w, "ches") || endsWith(w, "shes")) // reflexes -> reflex
        return w.substr(0, w.size() - 2);
    return w.substr(0, w.size() - 1); // Hallucinations -> Hallucination
}

namespace {

bool isConsonant(char c) {
    return isLetter(c) && !isVowel(c) && lower(c) != 'y';
}

// Word stems in "oe" that American spelling writes with "e" ("Oedema", "Dyspnoea"); "oe" alone
// is too common a pair to rewrite ("Moebius", "coenzyme", "shoe").
struct StemSpelling {
    std::string_view british;
    std::string_view american;
};
constexpr std::array<StemSpelling, 7> kOeStems = {{{"oedem", "edem"},
                                                   {"oesophag", "esophag"},
                                                   {"oestr", "estr"},
                                                   {"foet", "fet"},
                                                   {"coeli", "celi"},
                                                   {"rrhoea", "rrhea"},
                                                   {"pnoea", "pnea"}}};

// The plural / singular, English word order and "disorder" forms of one name.
void derivedForms(std::string_view name, std::vector<std::string>& out) {
    const std::size_t space = name.rfind(' ');
    const std::string_view last = space == std::string_view::npos ? name : name.substr(space + 1);
    // "Peritonitis bacterial": two words, the second an adjective; the English order, and
    // its plural ("Anaemia megaloblastic" -> "megaloblastic Anaemia").
    if (space != std::string_view::npos && name.find(' ') == space) {
        const std::string_view first = name.substr(0, space);
        const bool adjective = std::any_of(kAdjectiveEndings.begin(), kAdjectiveEndings.end(),
                                           [&](std::string_view e) { return endsWith(last, e); });
        if (adjective && std::all_of(first.begin(), first.end(), isLetter) &&
            std::all_of(last.begin(), last.end(), isLetter) && first.size() > 3) {
            const std::string swapped = std::string(last) + " ";
            out.push_back(swapped + std::string(first));
            const std::string plural = pluralOf(first);
            if (!plural.empty())
                out.push_back(swapped + plural);
            return;
        }
    }
    const std::string_view stem = name.substr(0, name.size() - last.size());
    // Classes and symptoms named in the plural ("Cyclooxygenase Inhibitors", "Heart
    // Murmurs") are written in the singular as often ("a cyclooxygenase inhibitor").
    if (const std::string singular = singularOf(last); !singular.empty())
        out.push_back(std::string(stem) + singular);
    else if (const std::string plural = pluralOf(last); !plural.empty())
        out.push_back(std::string(stem) + plural);
    // Disease Ontology names its classes "... disease" where clinical text mostly writes
    // "... disorder" ("a genetic disorder", "an autoimmune disorder", "a movement
    // disorder"); a node named "... disorder" still wins (exact names come first).
    if (space != std::string_view::npos && last == "disease") {
        out.push_back(std::string(stem) + "disorder");
        out.push_back(std::string(stem) + "disorders");
    }
}

} // namespace

std::string americanSpelling(std::string_view name) {
    std::string out;
    out.reserve(name.size());
    for (std::size_t i = 0; i < name.size(); ++i) {
        // "ae" between consonants: "Haemorrhage", "Hypocalcaemia", "Faeces" (not "Aerobic").
        if (lower(name[i]) == 'a' && i > 0 && i + 2 < name.size() && lower(name[i + 1]) == 'e' &&
            isConsonant(name[i - 1]) && isConsonant(name[i + 2])) {
            continue; // drop the 'a'
        }
        bool rewritten = false;
        for (const StemSpelling& stem : kOeStems) {
            if (i + stem.british.size() > name.size())
                continue;
            bool same = true;
            for (std::size_t k = 0; k < stem.british.size() && same; ++k)
                same = lower(name[i + k]) == stem.british[k];
            if (!same)
                continue;
            const bool capital = name[i] >= 'A' && name[i] <= 'Z';
            for (std::size_t k = 0; k < stem.american.size(); ++k)
                out.push_back(k == 0 && capital ? char(stem.american[k] - 'a' + 'A')
                                                : stem.american[k]);
            i += stem.british.size() - 1;
            rewritten = true;
            break;
        }
        if (!rewritten)
            out.push_back(name[i]);
    }
    return out;
}

std::vector<std::string> nameVariants(std::string_view name) {
    std::vector<std::string> out;
    derivedForms(name, out);
    // Side effects are named in British spelling (SIDER, MedDRA): "Hyponatraemia",
    // "Oedema"; the outputs write "hyponatremia", "edema".
    if (const std::string american = americanSpelling(name); american != name) {
        out.push_back(american);
        derivedForms(american, out);
    }
    return out;
}

} // namespace rs
