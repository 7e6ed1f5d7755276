#pragma once
// Closed-class English words the text analysis must recognise without a parser. Internal
// to core's extraction code; normalized (lower case) forms, as rs::tokenize produces them.
#include <algorithm>
#include <array>
#include <string_view>

namespace rs::words {

// Length and first letter first: most words of a text are in no list, and comparing
// those two rejects them without a call to memcmp per entry.
template <std::size_t N> bool in(const std::array<std::string_view, N>& list, std::string_view w) {
    if (w.empty())
        return std::find(list.begin(), list.end(), w) != list.end();
    return std::any_of(list.begin(), list.end(), [w](std::string_view s) {
        return s.size() == w.size() && s[0] == w[0] && s == w;
    });
}

// Whether the text between two words holds a dash set off by a space ("Ceftriaxone - a
// cephalosporin", "X -- Y"): not a hyphen inside a word ("pressure-volume"), nor a charge
// sign glued to the word before it ("a low HCO3- concentration", "Cl- levels").
inline bool spacedDash(std::string_view sep) {
    const std::size_t dash = sep.find('-');
    if (dash == std::string_view::npos || sep.find_first_of(" \t\r\n") == std::string_view::npos)
        return false;
    const std::size_t afterDashes = sep.find_first_not_of('-');
    const bool chargeSign = dash == 0 && afterDashes != std::string_view::npos &&
                            sep.find_first_not_of(" \t\r\n", afterDashes) == std::string_view::npos;
    return !chargeSign;
}

// An adverb by its shape: "rapidly", "directly", "typically"; not "hepatomegaly",
// "splenomegaly", "scaly" (-aly nouns and adjectives).
inline bool adverb(std::string_view w) {
    return w.size() > 4 && w.ends_with("ly") && !w.ends_with("aly");
}

// Judgements of a generic noun that name no class with it: "abnormal labs", "unusual
// symptoms" ("abnormal movements" does, "movements" being no generic noun).
inline constexpr std::array<std::string_view, 2> kJudgements = {"abnormal", "unusual"};
// Words that place a generic noun in a sequence and make no class of it either: "her last
// visit", "the initial management". Not "recent": "recent changes in behavior" names them.
inline constexpr std::array<std::string_view, 6> kTimeOrder = {"last", "previous",   "prior",
                                                               "next", "subsequent", "initial"};

// Words that end an unlinked phrase: a concept name does not run across them.
inline constexpr std::array<std::string_view, 68> kPhraseStops = {
    "and",     "or",       "but",       "which",   "that",  "who",   "whom",      "whose",
    "with",    "without",  "in",        "on",      "at",    "for",   "from",      "by",
    "as",      "than",     "then",      "because", "since", "while", "when",      "if",
    "so",      "thus",     "therefore", "however", "also",  "not",   "no",        "is",
    "are",     "was",      "were",      "be",      "been",  "being", "has",       "have",
    "had",     "to",       "such",      "into",    "of",    "over",  "after",     "before",
    "during",  "within",   "about",     "despite", "per",   "via",   "including", "especially",
    "against", "among",    "between",   "through", "under", "until", "upon",      "around",
    "whereas", "although", "where",     "whereby"};

// Words skipped between a cue and the phrase it relates ("caused by the ...", "X is often
// treated with", "... can cause").
inline constexpr std::array<std::string_view, 34> kFillers = {
    "a",         "an",        "the",       "is",   "are",   "was",    "were",
    "be",        "been",      "can",       "may",  "might", "could",  "would",
    "will",      "should",    "must",      "does", "do",    "did",    "often",
    "commonly",  "usually",   "typically", "also", "most",  "likely", "frequently",
    "sometimes", "generally", "which",     "to",   "very",  "more"};

// Heads and tails that are no medical concept at all: pronouns and the vocabulary of the
// question format. An unlinked phrase made only of these is not a KG coverage gap.
inline constexpr std::array<std::string_view, 40> kNonConcepts = {
    "this",      "that",       "these",   "those",    "it",      "its",      "they",
    "them",      "their",      "he",      "she",      "him",     "her",      "his",
    "patient",   "patients",   "option",  "options",  "answer",  "choice",   "choices",
    "condition", "conditions", "symptom", "symptoms", "finding", "findings", "presentation",
    "history",   "case",       "man",     "woman",    "boy",     "girl",     "child",
    "person",    "one",        "which",   "what",     "there"};

// Nouns that, after a concept, leave it the concept: "aspirin therapy" is still aspirin,
// "HIV infection" still HIV; "blood pressure" is not blood.
inline constexpr std::array<std::string_view, 51> kTransparentHeads = {"therapy",
                                                                       "therapies",
                                                                       "treatment",
                                                                       "treatments",
                                                                       "infection",
                                                                       "infections",
                                                                       "level",
                                                                       "levels",
                                                                       "use",
                                                                       "usage",
                                                                       "dose",
                                                                       "doses",
                                                                       "dosage",
                                                                       "administration",
                                                                       "medication",
                                                                       "medications",
                                                                       "drug",
                                                                       "drugs",
                                                                       "positive",
                                                                       "negative",
                                                                       "status",
                                                                       "episode",
                                                                       "episodes",
                                                                       "type",
                                                                       "patients",
                                                                       "patient",
                                                                       "exposure",
                                                                       "overdose",
                                                                       "tablet",
                                                                       "tablets",
                                                                       "capsule",
                                                                       "capsules",
                                                                       "injection",
                                                                       "injections",
                                                                       "infusion",
                                                                       "infusions",
                                                                       "ointment",
                                                                       "cream",
                                                                       "solution",
                                                                       "suspension",
                                                                       "inhaler",
                                                                       "patch",
                                                                       "gel",
                                                                       "spray",
                                                                       "supplement",
                                                                       "supplements",
                                                                       "supplementation",
                                                                       "prophylaxis",
                                                                       "regimen",
                                                                       "monotherapy",
                                                                       "vaccine"};

// Verbs common after a subject in clinical explanations ("aspirin inhibits ...", "thyroid
// cancer makes ...", "causes of stroke include"): after a concept they start a predicate,
// they are no head noun.
inline constexpr std::array<std::string_view, 63> kCommonVerbs = {
    "makes",    "make",     "seen",       "shows",     "show",     "seems",     "appears",
    "remains",  "occurs",   "develops",   "involves",  "affects",  "increases", "decreases",
    "reduces",  "lowers",   "raises",     "inhibits",  "blocks",   "binds",     "acts",
    "works",    "helps",    "requires",   "needs",     "explains", "fits",      "matches",
    "means",    "contains", "produces",   "prevents",  "includes", "becomes",   "gets",
    "gives",    "takes",    "stimulates", "activates", "promotes", "impairs",   "worsens",
    "improves", "presents", "results",    "leads",     "causes",   "suggests",  "indicates",
    "supports", "carries",  "spreads",    "responds",  "persists", "resolves",  "progresses",
    "arises",   "exists",   "lies",       "begins",    "points",   "support",   "include"};

// Auxiliaries and modals: a clause's verb ("An HPV infection can cause", "While X may
// require Y,").
inline constexpr std::array<std::string_view, 18> kAuxiliaries = {
    "is",    "are", "was",   "were",  "be",   "has",  "have", "had", "can",
    "could", "may", "might", "would", "will", "does", "do",   "did", "should"};

// Words that follow a verb, not a noun: a determiner starting its object ("hemianopia
// support a lesion") or a particle ("fever points away from").
inline constexpr std::array<std::string_view, 17> kVerbFollowers = {
    "a",     "an",  "the",  "this", "these", "those", "his", "her", "its",
    "their", "any", "some", "away", "up",    "down",  "out", "off"};

// Prepositions that make the words before them a relational noun: in "X causes
// inflammation of Y" or "X is a common symptom of Y" the cue does not relate X to Y.
inline constexpr std::array<std::string_view, 11> kArgumentPrepositions = {
    "of", "in", "with", "for", "on", "at", "from", "to", "into", "after", "following"};

// Nouns that keep an is-a relation through "of": "a severe form of", "a type of".
// Words that open a relative clause: what follows them is a new predicate.
inline constexpr std::array<std::string_view, 7> kRelativePronouns = {
    "which", "that", "who", "whom", "whose", "where", "when"};

// Words that qualify a relational noun after "is a" ("is a common cause of", "is an
// effective treatment for").
inline constexpr std::array<std::string_view, 29> kQualifiers = {
    "common",      "classic",     "known",      "well",      "frequent",   "rare",
    "major",       "typical",     "recognized", "important", "possible",   "potential",
    "primary",     "key",         "cardinal",   "late",      "early",      "serious",
    "effective",   "first",       "line",       "standard",  "uncommon",   "characteristic",
    "recommended", "appropriate", "physical",   "specific",  "established"};

// Forms of "be" before a passive participle ("crackles are heard on auscultation").
inline constexpr std::array<std::string_view, 6> kBeForms = {"is",   "are", "was",
                                                             "were", "be",  "been"};

// Pronouns that open a clause about the item named before them ("X: This is ...").
inline constexpr std::array<std::string_view, 4> kSubjectPronouns = {"this", "it", "these", "they"};

inline constexpr std::array<std::string_view, 18> kSubsumptionNouns = {
    "type",    "types",    "form",    "forms",   "kind",     "kinds",
    "subtype", "subtypes", "sort",    "variant", "variants", "variety",
    "class",   "category", "species", "genus",   "strain",   "sorts"};

// Clinical nouns in -ing: unlike participles they do head a phrase ("knee swelling",
// "gum bleeding"), so the concept before them is a modifier.
inline constexpr std::array<std::string_view, 20> kIngNouns = {
    "swelling",   "bleeding", "vomiting",   "wheezing",  "itching",  "burning",    "tingling",
    "ringing",    "clotting", "thinning",   "scarring",  "bruising", "hearing",    "breathing",
    "swallowing", "staining", "thickening", "narrowing", "widening", "functioning"};

} // namespace rs::words
