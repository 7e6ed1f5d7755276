#pragma once
// The analysis vocabulary kept as data, not code: which words in a sentence assert which
// claim relation (and in which direction), which words negate or hedge a claim, and which
// KG relations support which claim relation. Read once from resources/lexicon/*.tsv (or
// built in code by tests), then only read, so one Lexicon is shared by all analysis threads.
#include "CaseAnalysis.h"
#include "ImportError.h"

#include <cstddef>
#include <functional>
#include <istream>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace rs {

// forward: "HEAD cue TAIL" asserts (HEAD, relation, TAIL); reverse: it asserts
// (TAIL, relation, HEAD), as in "fever due to pneumonia".
enum class CueDirection { Forward, Reverse };

// Which way a KG edge must point, relative to the claim's head and tail, to support it.
enum class EdgeDirection { Forward, Reverse, Either };

// What a compatibility row says of a KG relation for a claim relation. Supports: the edge
// confirms the claim. Specificity: the edge states the same link more or less specifically
// ("nitroglycerin causes vasodilation" over an is-a or an association): compatible, so never
// an error. Excludes: the edge is evidence against the claim (a drug that causes a disease
// does not treat it).
enum class RelationMatch { Supports, Specificity, Excludes };

// A source declared complete for a relation: every true (headKind, claimRelation, tailKind)
// link between concepts the list covers is a KG edge of one of kgRelations. A concept is
// covered when it has at least one such edge at its end of the relation.
struct CompleteList {
    std::string source;        // which KG the declaration is about, for the reader
    std::string claimRelation; // lower_snake claim relation
    std::string headKind, tailKind;
    std::vector<std::string> kgRelations; // relation keys
};

struct RelationCue {
    std::string relation; // canonical claim relation
    CueDirection direction = CueDirection::Forward;
    std::string cue;                 // normalized text ("used to treat")
    std::vector<std::string> tokens; // normalized tokens of cue
};

// What a closed-class word does to a noun phrase (phrase-words.tsv, NounPhraseChunker):
// Determiner: left out at the start of a phrase, starts a new one inside ("the", "his");
// Possessor: a noun whose possessive is left out like a determiner ("the patient's");
// Break: ends a phrase and is no part of one (prepositions, conjunctions, auxiliaries,
// pronouns, adverbs); Verb: the same, for verbs; Generic: a noun that names no concept
// by itself ("disease", "symptoms", "findings"); Vague: a modifier that does not make a
// generic noun a class ("other", "possible", "underlying"); Relational: a noun that takes
// its complement with "of", "to" or "in" into the phrase ("damage to the DNA", "shortness of
// breath", "increase in afterload"); Noun: a noun the suffix rules would take for an adverb
// or an adjective ("family", "anomaly"); Kind: a head noun that names no concept whatever
// its modifiers ("a diagnostic test", "a surgical procedure", "the laboratory findings").
enum class PhraseWord {
    Determiner,
    Possessor,
    Break,
    Verb,
    Generic,
    Vague,
    Relational,
    Noun,
    Kind
};

struct PolarityCue {
    Polarity polarity = Polarity::Negated; // Negated or Hedged
    std::string cue;
    std::vector<std::string> tokens;
};

class Lexicon {
public:
    // File names inside a lexicon folder.
    static constexpr const char* kRelationCuesFile = "relation-cues.tsv";
    static constexpr const char* kPolarityCuesFile = "polarity-cues.tsv";
    static constexpr const char* kCompatibilityFile = "relation-compatibility.tsv";
    static constexpr const char* kCompleteListsFile = "complete-relations.tsv"; // optional
    static constexpr const char* kPhraseWordsFile = "phrase-words.tsv";         // optional
    // Where a KG file's own completeness declarations sit: beside it, named after it
    // ("demo-kg.tsv" -> "demo-kg.complete-relations.tsv").
    static std::string completeListsFileFor(const std::string& kgFile);

    // Loads the three files of dir. Bad lines are reported in errors (file:line) and
    // skipped. Returns false only when a file cannot be opened.
    bool load(const std::string& dir, std::vector<ImportError>* errors = nullptr);

    bool loadRelationCues(const std::string& path, std::vector<ImportError>* errors = nullptr);
    bool loadPolarityCues(const std::string& path, std::vector<ImportError>* errors = nullptr);
    bool loadCompatibility(const std::string& path, std::vector<ImportError>* errors = nullptr);
    bool loadCompleteLists(const std::string& path, std::vector<ImportError>* errors = nullptr);
    bool loadPhraseWords(const std::string& path, std::vector<ImportError>* errors = nullptr);

    // The same formats from a stream; source names it in error messages.
    void readRelationCues(std::istream& in, const std::string& source,
                          std::vector<ImportError>* errors);
    void readPolarityCues(std::istream& in, const std::string& source,
                          std::vector<ImportError>* errors);
    void readCompatibility(std::istream& in, const std::string& source,
                           std::vector<ImportError>* errors);
    void readCompleteLists(std::istream& in, const std::string& source,
                           std::vector<ImportError>* errors);
    void readPhraseWords(std::istream& in, const std::string& source,
                         std::vector<ImportError>* errors);

    // Programmatic entries. False (and nothing added) when relation is not lower_snake or the
    // cue normalizes to nothing. Duplicates are ignored.
    bool addRelationCue(std::string_view relation, CueDirection direction, std::string_view cue);
    bool addPolarityCue(Polarity polarity, std::string_view cue); // Negated or Hedged only
    bool addCompatibility(std::string_view claimRelation, std::string_view kgRelation,
                          EdgeDirection direction, RelationMatch match = RelationMatch::Supports);
    // False (and nothing added) without a lower_snake claim relation, both kinds and a relation.
    bool addCompleteList(CompleteList list);
    const std::vector<CompleteList>& completeLists() const { return completeLists_; }
    // False when word normalizes to more or less than one token; the first class given to a
    // word is kept.
    bool addPhraseWord(PhraseWord kind, std::string_view word);
    // The class of a normalized word, nullptr when it has none.
    const PhraseWord* phraseWord(const std::string& norm) const;
    // Bare classes (phrase-words.tsv class "bare", besides a word's other class): a KG
    // concept that, linked alone after words of its own, names only the class of a longer
    // name the KG lacks ("HPV infection", "Medullary carcinoma"). False when word is not one
    // token.
    bool addBareClass(std::string_view word);
    bool bareClass(const std::string& norm) const { return bareClasses_.count(norm) != 0; }
    // Without phrase words there is no noun-phrase chunking: claims need linked ends.
    bool hasPhraseWords() const { return !phraseWords_.empty(); }
    static bool inCompleteList(const CompleteList& list, std::string_view kgRelation);

    const std::vector<RelationCue>& relationCues() const { return relationCues_; }
    const std::vector<PolarityCue>& polarityCues() const { return polarityCues_; }

    // Indices into relationCues()/polarityCues() of the cues whose first token is token,
    // longest cue first; nullptr when there is none.
    const std::vector<std::size_t>* relationCuesStartingWith(const std::string& token) const;
    const std::vector<std::size_t>* polarityCuesStartingWith(const std::string& token) const;

    // True when the compatibility table says anything about claimRelation; claims with
    // other relations cannot be checked against the KG.
    bool isCheckable(std::string_view claimRelation) const;

    // Whether a KG edge named kgRelation supports claimRelation. headToTail tells whether
    // the edge points from the claim's head to its tail. A KG relation with the claim
    // relation's own name supports it head to tail (generic triples need no table rows).
    bool supports(std::string_view claimRelation, std::string_view kgRelation,
                  bool headToTail) const;
    // The same for the table's specificity and excludes rows (RelationMatch).
    bool differsInSpecificity(std::string_view claimRelation, std::string_view kgRelation,
                              bool headToTail) const;
    bool excludes(std::string_view claimRelation, std::string_view kgRelation,
                  bool headToTail) const;

    // Whether a KG relation is a subsumption (is_a) edge: named is_a, or compatible with
    // the claim relation is_a in the table.
    bool isSubsumption(std::string_view kgRelation) const;

    // A claim relation as words inside a sentence: "is_a" -> "is a kind of", "associated_with" ->
    // "is associated with", "presents_with" -> "presents with".
    static std::string relationPhrase(std::string_view claimRelation);

    // Relation names compare on this key: lower case, every run of other characters one
    // '_' ("Off-label use" -> "off_label_use").
    static std::string relationKey(std::string_view name);

private:
    struct Compat {
        std::string kgKey;
        EdgeDirection direction;
        RelationMatch match = RelationMatch::Supports;
    };
    bool hasRow(std::string_view claimRelation, std::string_view kgRelation, bool headToTail,
                RelationMatch match) const;
    void indexRelationCue(std::size_t i);
    void indexPolarityCue(std::size_t i);

    std::vector<RelationCue> relationCues_;
    std::vector<PolarityCue> polarityCues_;
    std::unordered_map<std::string, std::vector<std::size_t>> relationByFirst_;
    std::unordered_map<std::string, std::vector<std::size_t>> polarityByFirst_;
    std::map<std::string, std::vector<Compat>, std::less<>> compat_; // by claim relation
    std::vector<CompleteList> completeLists_;
    std::unordered_map<std::string, PhraseWord> phraseWords_;
    std::unordered_set<std::string> bareClasses_;
};

} // namespace rs
