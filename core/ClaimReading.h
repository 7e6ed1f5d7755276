#pragma once
// Internal to the claim extractor (ClaimExtractor.cpp, ClaimConstructions.cpp): the tokens of
// one output with its mentions aligned to them, the sentence being read, and the closed word
// lists the reading rules use.
#include "ClaimExtractor.h"
#include "NounPhraseChunker.h"
#include "StepSegmenter.h"
#include "WordLists.h"

#include <algorithm>
#include <array>
#include <deque>
#include <optional>
#include <string_view>

namespace rs {

namespace claimwords {

using words::kFillers;
using words::kNonConcepts;
using words::kPhraseStops;

inline constexpr std::array<std::string_view, 3> kDeterminers = {"a", "an", "the"};

// Nouns after a cue that leave their argument the cue's object: "leads to the development
// of cancer" says it causes cancer, "suggests the possibility of a tumor" points to a tumor,
// "is indicated for the management of hyperthyroidism" treats it; "is characterized by a
// combination of A and B" presents with A and B.
inline constexpr std::array<std::string_view, 12> kOnsetNouns = {
    "development", "onset",        "formation", "possibility",  "diagnosis",   "management",
    "suspicion",   "pathogenesis", "triad",     "presentation", "combination", "constellation"};

// Groups of people a disease is common in: "more common in smokers" makes them a risk
// factor for it, not a disease presenting with it.
inline constexpr std::array<std::string_view, 12> kRiskGroups = {
    "smokers", "drinkers", "alcoholics", "women",    "men",       "children",
    "infants", "adults",   "elderly",    "athletes", "travelers", "neonates"};

// Negation cues that, right before a finding, state the finding absent ("no fever",
// "absence of swelling") rather than deny a relation.
inline constexpr std::array<std::string_view, 9> kFindingNegators = {
    "no",     "absence of",   "absent",  "without",  "lack of",
    "denies", "negative for", "free of", "ruled out"};

// Heads of a class that "Y such as X" or "X is a Y" may name when neither is a KG concept: a
// clinical kind by itself ("bacteria such as Bacillus", "cytokines such as IL-4") ...
inline constexpr std::array<std::string_view, 45> kClassHeads = {
    "bacteria",          "microorganisms",  "viruses",        "fungi",
    "parasites",         "staphylococci",   "streptococci",   "antibiotics",
    "antibiotic",        "antidepressants", "antipsychotics", "anticonvulsants",
    "anticoagulants",    "antivirals",      "antifungals",    "antihypertensives",
    "inhibitors",        "blockers",        "antagonists",    "agonists",
    "analgesics",        "opioids",         "steroids",       "corticosteroids",
    "diuretics",         "vaccines",        "cytokines",      "interleukins",
    "chemokines",        "enzymes",         "hormones",       "toxins",
    "antibodies",        "malignancies",    "neoplasms",      "immunosuppressants",
    "supplements",       "vitamins",        "electrolytes",   "mediators",
    "neurotransmitters", "pathogens",       "stimulants",     "sedatives",
    "benzodiazepines"};

// ... or a generic one with a modifier ("obstructive voiding symptoms", "an antidepressant
// medication", "lifestyle modifications"); the chunker leaves a vague modifier out, so
// "other symptoms" is bare "symptoms" here and names no class.
inline constexpr std::array<std::string_view, 52> kQualifiedClassHeads = {
    "symptoms",      "signs",     "features",    "manifestations", "complications",
    "findings",      "diseases",  "disorders",   "syndromes",      "conditions",
    "infections",    "infection", "medications", "medication",     "drugs",
    "drug",          "medicines", "treatments",  "therapies",      "therapy",
    "interventions", "agents",    "agent",       "factors",        "organisms",
    "cells",         "tumors",    "cancers",     "lesions",        "modifications",
    "anomalies",     "issue",     "issues",      "receptor",       "receptors",
    "parasite",      "parasites", "mechanism",   "protein",        "proteins",
    "enzyme",        "hormone",   "bacterium",   "virus",          "antibody",
    "inhibitor",     "blocker",   "antagonist",  "agonist",        "marker",
    "bacillus",      "organism"};

// ... and plural heads of a class the labels class members under, read after "are" and in
// lists of members ("Kupffer cells are macrophages", "cells such as neutrophils").
inline constexpr std::array<std::string_view, 15> kMemberClassHeads = {
    "organelles",  "lymphocytes", "leukocytes",    "macrophages",  "granulocytes",
    "neutrophils", "peptides",    "glycoproteins", "lipoproteins", "proteins",
    "infections",  "stis",        "bacilli",       "cocci",        "spirochetes"};

template <std::size_t N>
inline bool inList(const std::array<std::string_view, N>& list, std::string_view w) {
    return words::in(list, w);
}

inline bool hasAny(std::string_view s, std::string_view chars) {
    return s.find_first_of(chars) != std::string_view::npos;
}

// Conjunctions that, right after a concept, open a second predicate of the clause's
// subject ("crosses the placenta and can cause").
inline constexpr std::array<std::string_view, 3> kClauseConjunctions = {"and", "but", "or"};

// Nouns for people that, before "with", stand for the condition they have.
inline constexpr std::array<std::string_view, 9> kPopulations = {
    "patients", "patient",  "those",  "individuals", "people",
    "persons",  "children", "adults", "women"};

// The forms of "be" that link a subject to its complement.
inline constexpr std::array<std::string_view, 4> kCopulaForms = {"is", "are", "was", "were"};

// Nouns of quantity whose "of" object a claim's head stands for when the quantity is not a
// lack: "high levels of phenylalanine can cause seizures" is about phenylalanine; "low
// levels of immunoglobulins, leading to infections" is not about immunoglobulins.
inline constexpr std::array<std::string_view, 6> kQuantityNouns = {
    "level", "levels", "concentration", "concentrations", "amount", "amounts"};
inline constexpr std::array<std::string_view, 7> kLackWords = {
    "low", "decreased", "reduced", "diminished", "deficient", "insufficient", "inadequate"};

// Nouns that count what they are "of": "an episode of syncope", "recurrent bouts of
// sinusitis", "severe cases of depression" are syncope, sinusitis and depression, as "high
// levels of X" is X. Not singular "case": "in the case of X" names no X.
inline constexpr std::array<std::string_view, 7> kEpisodeNouns = {
    "episode", "episodes", "bout", "bouts", "attack", "attacks", "cases"};

// Nouns whose "of" complement is what the phrase names: "a description of Y, which causes"
// is about Y; "the combination of A, B and C suggests W" is A, B and C; "confirming a
// diagnosis of X, a fungal infection that causes Y" is about X.
inline constexpr std::array<std::string_view, 10> kRelationalNouns = {
    "description", "presence",      "history",   "case",        "evidence",
    "combination", "constellation", "diagnosis", "possibility", "suspicion"};

// Plural heads of a disease class ("various autoimmune diseases, including", "an
// inflammatory condition, specifically"): classBeforeExamples, specificMember.
inline constexpr std::array<std::string_view, 6> kDiseaseClassPlurals = {
    "diseases", "disorders", "infections", "syndromes", "cancers", "tumors"};

// Plural nouns whose "of" object is the disease that shows the examples listed after them
// ("symptoms of a respiratory infection, including cough").
inline constexpr std::array<std::string_view, 5> kSymptomNouns = {"symptoms", "signs", "features",
                                                                  "manifestations", "findings"};

// Plural relational nouns whose "such as" list names their missing argument ("causes of
// chest pain, such as pneumonia", "complications of portal hypertension, such as variceal
// bleeding"): examplesOfRelationalNoun. Symptom nouns ("signs of W, such as") are
// examplesOfSymptoms' (kSymptomNouns).
inline constexpr std::array<std::string_view, 11> kRelationalPlurals = {
    "causes", "treatments", "therapies",  "complications", "factors", "medications",
    "drugs",  "triggers",   "etiologies", "agents",        "options"};

// Processes that define what undergoes them ("Mydriasis, which is dilation of the pupils",
// "is the breakdown of muscle tissue", "is inflammation of the tendon sheath").
inline constexpr std::array<std::string_view, 18> kDefiningProcesses = {
    "inflammation", "infection",    "dilation",     "dilatation", "enlargement",  "narrowing",
    "thickening",   "hardening",    "stiffening",   "breakdown",  "destruction",  "removal",
    "excision",     "accumulation", "degeneration", "herniation", "displacement", "rupture"};

// Head nouns of a class an apposition names ("Gaucher's disease, a lysosomal storage
// disorder", "haloperidol, an antipsychotic medication"): commaApposition.
inline constexpr std::array<std::string_view, 34> kClassNouns = {
    "disorder",      "disease",    "syndrome",   "condition",    "illness",    "infection",
    "inflammation",  "medication", "drug",       "agent",        "antibiotic", "antidepressant",
    "antipsychotic", "inhibitor",  "antagonist", "agonist",      "blocker",    "hormone",
    "enzyme",        "protein",    "tumor",      "cancer",       "carcinoma",  "malignancy",
    "neoplasm",      "defect",     "anomaly",    "form",         "type",       "virus",
    "bacterium",     "parasite",   "vasculitis", "anticoagulant"};

// Nouns that after "this" rename the item a sentence is about ("features of this condition").
inline constexpr std::array<std::string_view, 7> kAnaphoricNouns = {
    "condition", "disease", "disorder", "diagnosis", "syndrome", "drug", "medication"};

// Verb cues that are nouns after a determiner or an adjective ("one possible cause could
// be X", "the most common causes", "a known trigger"), and the words that make them so
// besides articles and kQualifiers.
inline constexpr std::array<std::string_view, 4> kNounVerbs = {"cause", "causes", "trigger",
                                                               "triggers"};
inline constexpr std::array<std::string_view, 10> kNounVerbModifiers = {
    "one", "other", "likely", "main", "underlying", "leading", "any", "another", "its", "their"};

// Nouns of taking a drug or an exposure: "long-term use of X" stands for X.
inline constexpr std::array<std::string_view, 5> kUseNouns = {"use", "abuse", "overuse", "misuse",
                                                              "exposure"};

// Words between "that the patient" and what the patient has ("that the patient may have
// experienced", "that he is suffering from").
inline constexpr std::size_t kMaxPatientVerbs = 4;
inline constexpr std::array<std::string_view, 22> kPatientVerbs = {
    "has",          "had",       "have",       "may",     "might",     "could",
    "is",           "was",       "be",         "been",    "having",    "experienced",
    "experiencing", "developed", "developing", "suffers", "suffering", "suffered",
    "from",         "likely",    "also",       "probably"};

// Possessives before a noun that stands for the condition ("the patient's history of").
inline constexpr std::array<std::string_view, 5> kPossessives = {"patient", "his", "her", "their",
                                                                 "patients"};

// Words between a relative pronoun and its cue ("that can be used to treat").
inline constexpr std::array<std::string_view, 10> kRelativeAuxiliaries = {
    "can", "may", "might", "could", "is", "are", "be", "also", "often", "commonly"};

// Words that open a clause whose subject follows ("but it does not explain").
inline constexpr std::array<std::string_view, 11> kClauseOpeners = {
    "but", "and", "so", "yet", "though", "although", "while", "whereas", "because", "as", "since"};

// Prepositions of time: their object is when something happened, not what a clause after it
// is about ("fever since the trip, which suggests"). Not "following", as often a gerund
// ("difficulty following instructions, which").
inline constexpr std::array<std::string_view, 6> kTimePrepositions = {"since",  "after", "before",
                                                                      "during", "until", "upon"};

// Nouns for people besides kRiskGroups: a phrase either heads names a group of people, no
// clinical class.
inline constexpr std::array<std::string_view, 8> kPersonNouns = {
    "individuals", "people",      "persons",    "patients",
    "population",  "populations", "recipients", "users"};

// Regions of the body (and organs) the KG has no concept for: a phrase of these alone is a
// place, never a cause, an effect, a finding or a disease ("contusions on his forehead,
// legs, and back, which could be due to falls", "NSAIDs can cause damage to the stomach").
inline constexpr std::array<std::string_view, 44> kBodyRegions = {
    "arm",   "arms",  "leg",       "legs",    "hand",        "hands",     "foot",     "feet",
    "back",  "body",  "chest",     "abdomen", "stomach",     "face",      "forehead", "neck",
    "trunk", "toes",  "toe",       "fingers", "finger",      "soles",     "palms",    "side",
    "sides", "flank", "groin",     "scalp",   "thigh",       "thighs",    "shoulder", "knee",
    "hip",   "colon", "esophagus", "spleen",  "extremities", "extremity", "buttocks", "cheeks",
    "cheek", "lips",  "mouth",     "tongue"};

// Words that say which side of the body: "the left upper sternal border".
inline constexpr std::array<std::string_view, 12> kSideWords = {
    "left",     "right",     "upper", "lower", "proximal", "distal",
    "anterior", "posterior", "inner", "outer", "medial",   "lateral"};

// Prepositions inside one list item ("difficulty with certain movements", "tumors in the
// thyroid", "inclusion bodies within erythrocytes").
inline constexpr std::array<std::string_view, 10> kItemPrepositions = {
    "with", "of", "in", "within", "on", "at", "during", "from", "to", "for"};

// Words that may stand between two coordinated concepts: "A, B and C", "A and/or B",
// "A as well as B", "both A and B", "A or the B".
inline constexpr std::array<std::string_view, 9> kCoordinators = {
    "and", "or", "as", "well", "both", "either", "nor", "a", "an"};

} // namespace claimwords

struct ClaimExtractor::AlignedMention {
    std::size_t first = 0, last = 0; // token range [first, last)
    const Mention* mention = nullptr;
    bool holdsLinked = false; // a phrase holding a linked complement ("deficiency of iron")
};

struct ClaimExtractor::CueHit {
    std::size_t start = 0, len = 0; // token range
    std::size_t cue = 0;            // index into Lexicon::relationCues()
    bool used = false;
    bool labelled = false;      // its head is an item label a pronoun stands for
    bool pronoun = false;       // a pronoun before it stands for its head (the sentence's subject)
    std::size_t clauseFrom = 0; // where its clause starts when that is after its head
    bool examples = false;      // "symptoms of Y, including": its head is the object of "of"
    bool appositive = false;    // "X (a Y)": a parenthetical class, no clause boundary
    bool renaming = false;      // "X: This congenital defect involves": the noun renames X
    // "making Y less likely": the polarity a likelihood clause's words give (none: no such
    // clause).
    std::optional<Polarity> likelihood;
    // "The most common cause of W is V": the copula its complement was read at (the
    // is-a cue there is no claim of its own), 0 when none.
    std::size_t copulaRead = 0;

    // This cue widened to start at token `from` before it (a copula it is bridged from).
    CueHit spannedFrom(std::size_t from) const {
        CueHit h = *this;
        h.len = start + len - from;
        h.start = from;
        return h;
    }
};

// One output being read: its tokens, the mentions aligned to them, and the helpers every
// sentence uses. Built once per extract() call.
struct ClaimExtractor::Reading {
    std::string_view text;
    const std::vector<Token>& tokens;
    std::vector<AlignedMention> aligned; // linked mentions in order, then noun phrases
    std::vector<int> covered;            // token -> index into aligned, -1 outside mentions
    std::size_t linkedCount = 0;         // aligned[0, linkedCount) are the linked mentions
    std::deque<Mention> phrases;         // the noun phrases' mentions (node kNoNode)
    // addPhraseMentions' marks per token, kept all Free between its calls.
    std::vector<NounPhraseChunker::Mark> marks;

    // Whether token t lies in a linked mention (not in a noun phrase with no concept).
    bool linked(std::size_t t) const {
        return covered[t] >= 0 && std::size_t(covered[t]) < linkedCount;
    }

    std::size_t tokenAtOrAfter(std::size_t offset) const {
        return std::size_t(
            std::lower_bound(tokens.begin(), tokens.end(), offset,
                             [](const Token& t, std::size_t o) { return t.begin < o; }) -
            tokens.begin());
    }
    // Separator text between tokens a-1 and a.
    std::string_view separator(std::size_t a) const {
        return text.substr(tokens[a - 1].end, tokens[a].begin - tokens[a - 1].end);
    }
    bool clauseBreakBefore(std::size_t a) const {
        const std::string_view sep = separator(a);
        return claimwords::hasAny(sep, ",;:()[]{}\"") || words::spacedDash(sep);
    }
    bool softJoin(std::size_t a) const {
        return !claimwords::hasAny(separator(a), ",;:.!?()[]{}\"/");
    }
    bool matches(const std::vector<std::string>& cue, std::size_t at, std::size_t limit) const {
        if (at + cue.size() > limit)
            return false;
        for (std::size_t j = 0; j < cue.size(); ++j) {
            if (linked(at + j) || tokens[at + j].norm != cue[j])
                return false;
            // "the answer is A) insulin": an option letter is not the article of "is a";
            // "Erythema nodosum: A type of" opens the label's apposition.
            if (tokens[at + j].allUpper && tokens[at + j].norm.size() == 1 &&
                !(tokens[at + j].norm == "a" && at + j > 0 && at + j + 1 < tokens.size() &&
                  claimwords::hasAny(separator(at + j), ":") && separator(at + j + 1) == " " &&
                  !tokens[at + j + 1].allUpper))
                return false;
            if (j > 0 && !softJoin(at + j))
                return false;
        }
        return true;
    }

    // The cue "are symptoms of" over "are common symptoms of", "are all signs of", "is also
    // involved in": one or two qualifiers after a copula that opens the cue; before an
    // article only "also" ("is also an"; "is a classic sign of" is the is-a copula's
    // bridge). The tokens matched, 0 if none.
    std::size_t matchesQualified(const std::vector<std::string>& cue, std::size_t at,
                                 std::size_t limit) const {
        constexpr std::size_t kMaxQualifiers = 2;
        if (cue.size() < 2 || !(cue[0] == "is" || cue[0] == "are") || cue[1] == "the" ||
            at >= limit || linked(at) || tokens[at].norm != cue[0])
            return 0;
        const bool article = cue[1] == "a" || cue[1] == "an";
        std::size_t q = at + 1;
        while (q < limit && q - at <= kMaxQualifiers && !linked(q) && softJoin(q) &&
               (tokens[q].norm == "also" ||
                (!article &&
                 (words::in(words::kQualifiers, tokens[q].norm) || tokens[q].norm == "all"))))
            ++q;
        if (q == at + 1 || q - at > kMaxQualifiers + 1)
            return 0;
        const std::vector<std::string> rest(cue.begin() + 1, cue.end());
        return q < limit && softJoin(q) && matches(rest, q, limit) ? q - at + rest.size() : 0;
    }
};

// One sentence of the reading: token range [ta, tb), its mentions and relation cues.
struct ClaimExtractor::Sentence {
    int step = -1;
    TextSpan span;
    std::size_t ta = 0, tb = 0;
    std::vector<std::size_t> mentions; // indices into Reading::aligned
    std::vector<CueHit> hits;
};

} // namespace rs
