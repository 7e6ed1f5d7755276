#pragma once
// Noun phrases of a tokenised sentence, without a parser: the runs of words between the
// closed-class words of the lexicon's phrase-words.tsv (prepositions, conjunctions,
// auxiliaries, pronouns, verbs), punctuation and relation cues. Determiners and
// possessives ("the patient's") are left out, modifiers kept ("severe sickle cell crisis"),
// and a phrase that names no concept by itself ("these findings", "the condition",
// "her symptoms") is no phrase. The claim extractor takes these as the ends of claims the
// KG has no concept for: such claims are shown, never checked.
#include "Lexicon.h"
#include "TextNormalizer.h"

#include <cstddef>
#include <string_view>
#include <vector>

namespace rs {

struct PhraseChunk {
    std::size_t first = 0, last = 0; // token range [first, last)
    // A relational noun whose complement is a linked mention ("deficiency of iron",
    // "damage to the kidney"): the phrase, not the mention, is what the text talks about.
    bool holdsLinked = false;
    bool operator==(const PhraseChunk&) const = default;
};

class NounPhraseChunker {
public:
    // What a token is to the chunker besides its word: free, a word no phrase may hold (a
    // relation cue's), or a word of a linked KG mention (a phrase holding one is dropped:
    // the mention stands for it; unless the mention is the whole complement of an unlinked
    // relational noun, see PhraseChunk::holdsLinked).
    enum class Mark : unsigned char { Free, Blocked, Linked };

    explicit NounPhraseChunker(const Lexicon& lexicon, std::size_t maxTokens = 6);

    // The phrases of tokens [ta, tb) of text, in order. marks: one per token of tokens, or
    // empty for all free.
    std::vector<PhraseChunk> chunk(std::string_view text, const std::vector<Token>& tokens,
                                   std::size_t ta, std::size_t tb,
                                   const std::vector<Mark>& marks = {}) const;

private:
    // The phrase-word kind of each token of [ta, tb) (nullptr: no phrase word), for one
    // chunk() call.
    struct Kinds {
        std::size_t ta = 0;
        std::vector<const PhraseWord*> list;
        const PhraseWord* of(std::size_t t) const { return list[t - ta]; }
    };

    // The open run of words chunk() is reading: where it starts, the preposition of a
    // relational noun's complement in it, and what it holds.
    struct Run {
        std::size_t start = 0, attachedAt = 0;
        std::size_t listed = 0;        // words of a measure's listed complement past the first
        bool linked = false;           // a linked word before a relational noun's complement
        bool attached = false;         // a relational noun took a complement
        bool linkedComplement = false; // a linked word in that complement
        bool linkedHead = false;       // the relational noun before "of" is itself one linked word
    };
    // Adds the phrase of run [run.start, end) to out when it names a concept.
    void closeRun(std::string_view text, const std::vector<Token>& tokens, const Kinds& kinds,
                  const std::vector<Mark>& marks, std::size_t ta, std::size_t tb, const Run& run,
                  std::size_t end, std::vector<PhraseChunk>& out) const;
    // Whether token t opens the complement after the preposition at attachedAt: only
    // determiners between.
    static bool complementEmpty(const Kinds& kinds, std::size_t attachedAt, std::size_t t);

    // Whether the words [first, last) name a concept: not only generic nouns, vague
    // modifiers and numbers, not one letter, not too long (listed: words of a measure's list,
    // "and Y", beyond the length).
    bool namesConcept(std::string_view text, const std::vector<Token>& tokens, const Kinds& kinds,
                      std::size_t first, std::size_t last, std::size_t listed = 0) const;

    // Whether "and"/"or" at token t joins another concept to the complement of the relational
    // noun before attachedAt, a measure or a bare class the KG links (next: the mark of token
    // t + 1).
    static bool complementListGoesOn(std::string_view text, const std::vector<Token>& tokens,
                                     const Kinds& kinds, std::size_t attachedAt, std::size_t t,
                                     Mark next, bool bareClassHead);
    // Whether the relational noun before "of" at token t is one word the KG links alone, the
    // only linked word of the phrase opened at start.
    static bool bareClassBefore(const std::vector<Token>& tokens, const std::vector<Mark>& marks,
                                std::size_t start, std::size_t t);
    // The first word of [start, end) that is not a vague modifier in front of the concept.
    static std::size_t afterVagueWords(std::string_view text, const std::vector<Token>& tokens,
                                       const Kinds& kinds, std::size_t start, std::size_t end);

    // Whether the words [first, last) are adjectives of a noun further on, no phrase of their
    // own: one word in series after an article ("a firm, red nodule"), or words ending in an
    // adjective before "and"/"or" ("palpable cervical and submandibular lymphadenopathy").
    static bool adjectiveOfLaterNoun(std::string_view text, const std::vector<Token>& tokens,
                                     const Kinds& kinds, const std::vector<Mark>& marks,
                                     std::size_t ta, std::size_t tb, std::size_t first,
                                     std::size_t last);

    const Lexicon& lexicon_;
    std::size_t maxTokens_;
};

} // namespace rs
