#include "NounPhraseChunker.h"

#include "WordLists.h"

#include <algorithm>
#include <array>

namespace rs {

namespace {

// Measures of a concept: "low levels of immunoglobulins" is a finding, its direction part of it.
constexpr std::array<std::string_view, 4> kMeasures = {"level", "levels", "concentration",
                                                       "concentrations"};

constexpr std::array<std::string_view, 4> kDemonstratives = {"this", "these", "that", "those"};

// After one of these (and "not" or an adverb), a word is a verb: "the muscle will constrict",
// "it may also worsen".
constexpr std::array<std::string_view, 9> kModals = {"can",   "could",  "may",  "might", "will",
                                                     "would", "should", "must", "shall"};

bool hasAny(std::string_view s, std::string_view chars) {
    return s.find_first_of(chars) != std::string_view::npos;
}

bool endsWith(std::string_view w, std::string_view suffix) {
    return w.size() > suffix.size() + 2 && w.substr(w.size() - suffix.size()) == suffix;
}

bool verbAfterAuxiliary(const std::vector<Token>& tokens, std::size_t ta, std::size_t t) {
    // "crackles are heard on auscultation": an irregular participle after a form of "be"
    // is a passive verb ("the murmur heard best at the apex" stays the murmur's phrase).
    static constexpr std::array<std::string_view, 4> kParticiples = {"heard", "found", "known",
                                                                     "shown"};
    if (t > ta && words::in(kParticiples, tokens[t].norm) &&
        words::in(words::kBeForms, tokens[t - 1].norm))
        return true;
    bool negated = false; // "does not polymerize": "do" with "not" is a verb's auxiliary
    while (t > ta && (tokens[t - 1].norm == "not" || tokens[t - 1].norm == "also" ||
                      words::adverb(tokens[t - 1].norm))) {
        negated = negated || tokens[t - 1].norm == "not";
        --t;
    }
    static constexpr std::array<std::string_view, 3> kDo = {"do", "does", "did"};
    return t > ta && (words::in(kModals, tokens[t - 1].norm) ||
                      (negated && words::in(kDo, tokens[t - 1].norm)));
}

bool isNumber(std::string_view w) {
    return !w.empty() && std::all_of(w.begin(), w.end(),
                                     [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
}

// Punctuation between two words that ends a phrase: "A, B", "A (B)", "A: B", "A - B",
// "A. B". A hyphen inside a word ("pressure-volume"), an apostrophe ("Crohn's") and a
// plain space do not.
bool breaksPhrase(std::string_view sep) {
    return hasAny(sep, ",;:()[]{}\"!?/.=<>+*&|") || words::spacedDash(sep);
}

bool possessive(std::string_view sep) {
    return !sep.empty() && (sep.front() == '\'' || sep.substr(0, 3) == "\xE2\x80\x99");
}

// "A) insulin", "B. fever", "C: ...", a letter opening the sentence; not the B of "B cells"
// or "hepatitis B".
// "E. coli", "S. aureus", "H. pylori": a genus initial inside a sentence, its period and a
// lower-case species name after it.
bool genusInitial(std::string_view text, const std::vector<Token>& tokens, std::size_t t,
                  std::size_t ta) {
    const Token& tok = tokens[t];
    if (t == ta || !tok.allUpper || tok.norm.size() != 1 || t + 1 >= tokens.size())
        return false;
    const Token& species = tokens[t + 1];
    return species.begin <= text.size() && text.substr(tok.end, species.begin - tok.end) == ". " &&
           species.begin < text.size() && text[species.begin] >= 'a' && text[species.begin] <= 'z';
}

bool optionLetter(std::string_view text, const std::vector<Token>& tokens, std::size_t t,
                  std::size_t ta) {
    const Token& tok = tokens[t];
    if (!tok.allUpper || tok.norm.size() != 1 || genusInitial(text, tokens, t, ta))
        return false;
    const std::size_t after = t + 1 < tokens.size() ? tokens[t + 1].begin : text.size();
    return t == ta || hasAny(text.substr(tok.end, after - tok.end), ").:");
}

} // namespace

NounPhraseChunker::NounPhraseChunker(const Lexicon& lexicon, std::size_t maxTokens)
    : lexicon_(lexicon), maxTokens_(maxTokens) {}

bool NounPhraseChunker::namesConcept(std::string_view text, const std::vector<Token>& tokens,
                                     const Kinds& kinds, std::size_t first, std::size_t last,
                                     std::size_t listed) const {
    if (last <= first || last - first > maxTokens_ + listed)
        return false;
    if (last - first == 1 && tokens[first].norm.size() < 2)
        return false; // an option letter, a stray initial
    // "leads II, III, and aVF", "grade IV": a numeral or an ECG lead alone names nothing.
    static constexpr std::array<std::string_view, 16> kNumeralsAndLeads = {
        "ii",  "iii", "iv",  "vi",  "vii", "viii", "ix", "xi",
        "xii", "avf", "avl", "avr", "v1",  "v2",   "v3", "v4"};
    if (last - first == 1 && words::in(kNumeralsAndLeads, tokens[first].norm))
        return false;
    // One adjective alone ("raised", "viral", "painless") is a modifier whose noun is
    // elsewhere ("a raised, waxy nodule").
    const std::string& head = tokens[last - 1].norm;
    const PhraseWord* hk = kinds.of(last - 1);
    if (hk && *hk == PhraseWord::Kind)
        return false; // "a diagnostic test", "the laboratory findings"
    if (last - first == 1 && !(hk && *hk == PhraseWord::Noun)) {
        for (std::string_view suffix :
             {"ed", "al", "ous", "ful", "less", "able", "ible", "ic", "ary"})
            if (endsWith(head, suffix))
                return false;
        if ((endsWith(head, "ish") && head.size() > 5) || head == "positive" || head == "negative")
            return false; // "reddish, painful lumps" (not "fish"), "the test is negative"
    }
    // One word in -ing (no noun in -ing: "smoking", "weightlifting" alone and "splitting of S2"
    // are nouns) is a verb opening a clause before a preposition ("..., starting with the
    // cranial nerves"), and a verb with its object right before a determiner ("fears related
    // to leaving her house"; not across punctuation: "Repositioning: This is done to" names
    // the option).
    if (last - first == 1 && last < tokens.size() && endsWith(head, "ing") &&
        !words::in(words::kIngNouns, head) && !(hk && *hk == PhraseWord::Noun)) {
        const std::string& next = tokens[last].norm;
        if (words::in(words::kArgumentPrepositions, next) && next != "of")
            return false;
        const PhraseWord* nextKind = lexicon_.phraseWord(next);
        const std::string_view gap =
            text.substr(tokens[last - 1].end, tokens[last].begin - tokens[last - 1].end);
        if (nextKind && *nextKind == PhraseWord::Determiner &&
            gap.find_first_not_of(" \t") == std::string_view::npos)
            return false;
    }
    // "abnormal labs", "unusual symptoms": a judgement of a generic noun names no class
    // ("abnormal movements" does, "movements" being no generic noun).
    const bool genericHead = hk && *hk == PhraseWord::Generic;
    // "laboratory abnormalities": a relational noun without its complement, qualified only by
    // generic words, names nothing ("kidney damage" does).
    if (hk && *hk == PhraseWord::Relational && last - first > 1 &&
        std::all_of(tokens.begin() + std::ptrdiff_t(first),
                    tokens.begin() + std::ptrdiff_t(last - 1), [&](const Token& w) {
                        const PhraseWord* k = kinds.of(std::size_t(&w - tokens.data()));
                        return k && (*k == PhraseWord::Generic || *k == PhraseWord::Vague);
                    }))
        return false;
    for (std::size_t t = first; t < last; ++t) {
        const std::string& w = tokens[t].norm;
        const PhraseWord* k = kinds.of(t);
        // Closed-class words inside a compound ("first-line") are none of its own either.
        if (isNumber(w) ||
            (genericHead &&
             (words::in(words::kJudgements, w) || words::in(words::kTimeOrder, w))) ||
            (k &&
             (*k == PhraseWord::Generic || *k == PhraseWord::Vague || *k == PhraseWord::Possessor ||
              *k == PhraseWord::Break || *k == PhraseWord::Determiner)))
            continue;
        return true; // one word of its own: "fungal infection", "genetic disorder"
    }
    return false;
}

bool NounPhraseChunker::adjectiveOfLaterNoun(std::string_view text,
                                             const std::vector<Token>& tokens, const Kinds& kinds,
                                             const std::vector<Mark>& marks, std::size_t ta,
                                             std::size_t tb, std::size_t first, std::size_t last) {
    if (last >= tb)
        return false;
    auto sep = [&](std::size_t t) {
        return text.substr(tokens[t - 1].end, tokens[t].begin - tokens[t - 1].end);
    };
    auto closedClass = [&](std::size_t t) {
        const PhraseWord* k = kinds.of(t);
        return k &&
               !(*k == PhraseWord::Vague || *k == PhraseWord::Relational || *k == PhraseWord::Noun);
    };
    // "palpable cervical and submandibular lymphadenopathy": words ending in an adjective
    // before "and"/"or" and the rest of the noun phrase.
    const PhraseWord* headKind = kinds.of(last - 1);
    if ((tokens[last].norm == "and" || tokens[last].norm == "or") && sep(last) == " " &&
        last + 1 < tb && sep(last + 1) == " " && !closedClass(last + 1) &&
        (last + 1 >= marks.size() || marks[last + 1] == Mark::Free) &&
        !(headKind && *headKind == PhraseWord::Noun)) {
        const std::string& w = tokens[last - 1].norm;
        for (std::string_view suffix : {"al", "ic", "ous", "ary", "ible", "able", "ive"})
            if (endsWith(w, suffix))
                return true;
        // "recurrent or severe nosebleeds", "persistent and worsening pain"; not the nouns
        // in -ment, -dent, "patient", "agent", "nutrient", "component", "event".
        static constexpr std::array<std::string_view, 8> kNounsInEnt = {
            "patient", "agent", "nutrient", "component", "event", "parent", "extent", "content"};
        if (endsWith(w, "ent") && !endsWith(w, "ment") && !endsWith(w, "dent") &&
            !words::in(kNounsInEnt, w))
            return true;
    }
    // "a firm, red nodule", "a raised, waxy, and pearly nodule": one word before a comma,
    // after an article and the noun's other adjectives, is one of them.
    if (last - first != 1)
        return false;
    std::size_t series = first;
    while (series > ta + 1 && sep(series) == ", " && !closedClass(series - 1))
        --series;
    // The next adjective or the noun goes on after the comma ("a corticosteroid, which",
    // "a fibrate, not a statin": a noun ends there).
    std::size_t next = last;
    if (next + 1 < tb && tokens[next].norm == "and" && sep(next + 1) == " ")
        ++next;
    // "characterized by excessive, uncontrollable worry": after a preposition, only words
    // shaped as adjectives ("presents with hesitancy, weak stream" lists nouns).
    static constexpr std::array<std::string_view, 6> kOpeners = {"by", "with", "of",
                                                                 "in", "from", "for"};
    auto adjectiveShaped = [&](std::size_t t) {
        const std::string& w = tokens[t].norm;
        for (std::string_view suffix : {"ive", "ous", "ful", "less", "able", "ible"})
            if (endsWith(w, suffix) && w.size() > suffix.size() + 2)
                return true;
        return false;
    };
    bool opened =
        series > ta && (tokens[series - 1].norm == "a" || tokens[series - 1].norm == "an");
    if (!opened && series > ta && words::in(kOpeners, tokens[series - 1].norm)) {
        opened = true;
        for (std::size_t t = series; t < last && opened; ++t)
            opened = adjectiveShaped(t);
    }
    return opened && sep(last) == ", " && (next >= marks.size() || marks[next] == Mark::Free) &&
           !closedClass(next);
}

std::size_t NounPhraseChunker::afterVagueWords(std::string_view text,
                                               const std::vector<Token>& tokens, const Kinds& kinds,
                                               std::size_t start, std::size_t end) {
    // Vague words in front name no part of the concept: "other causes", "underlying
    // infection"; in a hyphenated compound they do ("right-to-left shunting"), and in front
    // of a measure they are the finding ("low levels of immunoglobulins", "a low bicarbonate
    // level").
    if (std::any_of(tokens.begin() + std::ptrdiff_t(start), tokens.begin() + std::ptrdiff_t(end),
                    [](const Token& w) { return words::in(kMeasures, w.norm); }))
        return start;
    std::size_t first = start;
    while (first < end) {
        const PhraseWord* k = kinds.of(first);
        if (!k || *k != PhraseWord::Vague ||
            (first + 1 < end &&
             text.substr(tokens[first].end, tokens[first + 1].begin - tokens[first].end) == "-"))
            break;
        ++first;
    }
    return first;
}

bool NounPhraseChunker::complementListGoesOn(std::string_view text,
                                             const std::vector<Token>& tokens, const Kinds& kinds,
                                             std::size_t attachedAt, std::size_t t, Mark next,
                                             bool bareClassHead) {
    // "decreased serum levels of ethinylestradiol and progesterone", "inflammation of the
    // gastric body and fundus": the complement of a measure or of a bare class may be a list
    // of concepts; not "and decreased Y", nor a comma's list.
    const std::string& w = tokens[t].norm;
    return (w == "and" || w == "or") &&
           (bareClassHead || words::in(kMeasures, tokens[attachedAt - 1].norm)) &&
           (next == Mark::Linked ||
            (next == Mark::Free && !kinds.of(t + 1) && !endsWith(tokens[t + 1].norm, "ed"))) &&
           text.substr(tokens[t - 1].end, tokens[t].begin - tokens[t - 1].end).find(',') ==
               std::string_view::npos;
}

bool NounPhraseChunker::bareClassBefore(const std::vector<Token>& tokens,
                                        const std::vector<Mark>& marks, std::size_t start,
                                        std::size_t t) {
    // "inflammation of the arteries", "obstruction of the cystic duct": a relational noun the
    // KG links alone (one linked word, the phrase's only one, before a free "of") is a class
    // the phrase with its complement names more precisely.
    const auto mark = [&](std::size_t u) { return u < marks.size() ? marks[u] : Mark::Free; };
    if (tokens[t].norm != "of" || mark(t) != Mark::Free || mark(t - 1) != Mark::Linked)
        return false;
    for (std::size_t u = start; u + 1 < t; ++u)
        if (mark(u) == Mark::Linked)
            return false;
    return true;
}

bool NounPhraseChunker::complementEmpty(const Kinds& kinds, std::size_t attachedAt, std::size_t t) {
    if (attachedAt >= t)
        return false;
    for (std::size_t u = attachedAt + 1; u < t; ++u)
        if (const PhraseWord* k = kinds.of(u); !k || *k != PhraseWord::Determiner)
            return false;
    return true;
}

void NounPhraseChunker::closeRun(std::string_view text, const std::vector<Token>& tokens,
                                 const Kinds& kinds, const std::vector<Mark>& marks, std::size_t ta,
                                 std::size_t tb, const Run& run, std::size_t end,
                                 std::vector<PhraseChunk>& out) const {
    const std::size_t first = afterVagueWords(text, tokens, kinds, run.start, end);
    // "these proteins", "this congenital defect": which one is said elsewhere.
    // A demonstrative the caller blocked is a cue of its own ("X: This congenital
    // defect involves": the phrase renames X), not an anaphor.
    const bool demonstrative =
        run.start > ta && words::in(kDemonstratives, tokens[run.start - 1].norm) &&
        tokens[run.start - 1].norm != "that" &&
        !(run.start - 1 < marks.size() && marks[run.start - 1] == Mark::Blocked);
    // "a rightward shift in the pressure-volume loop": a complement too long for a phrase
    // leaves the relational noun's own words. So does a complement that never came
    // ("accumulation of").
    const std::size_t last = run.attached && run.attachedAt > first &&
                                     (end - first > maxTokens_ + run.listed ||
                                      complementEmpty(kinds, run.attachedAt, end))
                                 ? run.attachedAt
                                 : end;
    // "2.8 mEq/L", "90 mg": a phrase that opens with a number is a measurement (the
    // tokenizer cuts "2.8" in two), not a concept; "21-hydroxylase" is one.
    const std::string_view w0 = first < last ? tokens[first].norm : std::string_view();
    const bool measurement =
        !w0.empty() &&
        std::all_of(w0.begin(), w0.end(), [](char ch) { return ch >= '0' && ch <= '9'; }) &&
        !(first + 1 < last &&
          text.substr(tokens[first].end, tokens[first + 1].begin - tokens[first].end) == "-");
    const bool holdsLinked = (run.linkedComplement || run.linkedHead) && last == end;
    if ((!run.linked || (run.linkedHead && holdsLinked)) &&
        (!run.linkedComplement || holdsLinked) && !demonstrative && !measurement &&
        !adjectiveOfLaterNoun(text, tokens, kinds, marks, ta, tb, first, last) &&
        namesConcept(text, tokens, kinds, first, last, last == end ? run.listed : 0))
        out.push_back({first, last, holdsLinked});
}

std::vector<PhraseChunk> NounPhraseChunker::chunk(std::string_view text,
                                                  const std::vector<Token>& tokens, std::size_t ta,
                                                  std::size_t tb,
                                                  const std::vector<Mark>& marks) const {
    std::vector<PhraseChunk> out;
    tb = std::min(tb, tokens.size());
    auto mark = [&](std::size_t t) { return t < marks.size() ? marks[t] : Mark::Free; };
    // Each token's phrase-word kind, looked up once: the rules below ask for most several
    // times.
    Kinds kinds;
    kinds.ta = ta;
    kinds.list.reserve(tb > ta ? tb - ta : 0);
    // "a lack of interest", "a disregard for the rights of others": a verb after an article
    // and before "of" or "for" is a relational noun.
    static constexpr PhraseWord kRelationalNoun = PhraseWord::Relational;
    for (std::size_t t = ta; t < tb; ++t) {
        const PhraseWord* k = lexicon_.phraseWord(tokens[t].norm);
        if (k && *k == PhraseWord::Verb && t > ta && t + 1 < tb &&
            (tokens[t - 1].norm == "a" || tokens[t - 1].norm == "an") && !tokens[t - 1].allUpper &&
            (tokens[t + 1].norm == "of" || tokens[t + 1].norm == "for"))
            k = &kRelationalNoun;
        kinds.list.push_back(k);
    }
    Run run{tb, tb}; // the open run [run.start, t), run.start == tb when none
    auto isDeterminer = [&](std::size_t t) {
        const PhraseWord* k = kinds.of(t);
        return k && *k == PhraseWord::Determiner;
    };
    auto opensPhrase = [&](std::size_t t) {
        const PhraseWord* k = kinds.of(t);
        return !k || *k == PhraseWord::Vague || *k == PhraseWord::Relational ||
               *k == PhraseWord::Noun;
    };
    // Whether t opens the complement of a relational noun ("accumulation of the |X"): only
    // determiners since its preposition.
    auto atComplementStart = [&](std::size_t t) {
        return run.attached && complementEmpty(kinds, run.attachedAt, t);
    };
    auto close = [&](std::size_t end) {
        if (run.start < end)
            closeRun(text, tokens, kinds, marks, ta, tb, run, end, out);
        run = Run{tb, tb};
    };
    for (std::size_t t = ta; t < tb; ++t) {
        const Token& tok = tokens[t];
        if (run.start < t) {
            const std::string_view sep =
                text.substr(tokens[t - 1].end, tok.begin - tokens[t - 1].end);
            const PhraseWord* prev = kinds.of(t - 1);
            if (possessive(sep) && prev && *prev == PhraseWord::Possessor) {
                run = Run{tb, tb}; // "the patient's": a possessive, left out like "his"
            } else if (breaksPhrase(sep) && !genusInitial(text, tokens, t - 1, ta)) {
                close(t);
            }
        }
        if (mark(t) == Mark::Blocked) {
            close(t);
            continue;
        }
        const PhraseWord* k = kinds.of(t);
        if (run.attached && run.attachedAt > ta && t + 1 < tb &&
            complementListGoesOn(text, tokens, kinds, run.attachedAt, t, mark(t + 1),
                                 run.linkedHead)) {
            run.listed += 2;
            continue;
        }
        // "damage to the DNA": a relational noun takes one complement into its phrase.
        if (run.start < t && !run.attached &&
            (tok.norm == "of" || tok.norm == "to" || tok.norm == "in")) {
            const PhraseWord* prev = kinds.of(t - 1);
            std::size_t u = t + 1;
            bool anaphoric = false; // "mutations in these proteins": which ones is elsewhere
            while (u < tb && mark(u) == Mark::Free && isDeterminer(u)) {
                anaphoric = anaphoric || words::in(kDemonstratives, tokens[u].norm);
                ++u;
            }
            if (anaphoric) {
                run = Run{tb, tb};
                continue;
            }
            if (prev && *prev == PhraseWord::Relational && u < tb && mark(u) != Mark::Blocked &&
                opensPhrase(u)) {
                run.linkedHead = bareClassBefore(tokens, marks, run.start, t);
                run.attached = true;
                run.attachedAt = t;
                t = u - 1; // the preposition and determiners join the phrase
                continue;
            }
        }
        // In a hyphenated compound a verb is a modifier: "drug-induced", "X-linked"; and so
        // is any closed-class word on either side of the hyphen: "third-generation".
        const bool compound =
            run.start < t && text.substr(tokens[t - 1].end, tok.begin - tokens[t - 1].end) == "-";
        const bool beforeHyphen = t + 1 < tb && mark(t + 1) != Mark::Blocked &&
                                  text.substr(tok.end, tokens[t + 1].begin - tok.end) == "-";
        // After the hyphen too: "malaria-like illness", "right-to-left shunting".
        if (k && !beforeHyphen && !compound &&
            (*k == PhraseWord::Break || *k == PhraseWord::Determiner || *k == PhraseWord::Verb)) {
            close(t);
            continue;
        }
        if ((words::adverb(tok.norm) && !(k && *k == PhraseWord::Noun)) ||
            optionLetter(text, tokens, t, ta)) {
            close(t);
            continue;
        }
        // After a noun, a participle starts a predicate ("the kidneys affected by"); before
        // one it is a modifier ("elevated calcium"), and so in a compound ("drug-induced").
        // An -ing form after a noun is mostly one too ("airway remodeling"); the verbs that
        // open a clause ("leading to", "causing") are listed.
        // "brain tissue following a stroke": after a noun "following" is a preposition.
        // A participle that opens a relational noun's complement modifies it ("the
        // accumulation of hyperphosphorylated tau protein").
        if (run.start < t && text[tok.begin - 1] != '-' &&
            (endsWith(tok.norm, "ed") || tok.norm == "following") && !atComplementStart(t)) {
            close(t);
            continue;
        }
        if (run.start >= tb && mark(t) == Mark::Free && verbAfterAuxiliary(tokens, ta, t))
            continue;
        if (run.start >= tb)
            run.start = t;
        if (mark(t) == Mark::Linked) {
            if (run.attached)
                run.linkedComplement = true;
            else
                run.linked = true;
        }
    }
    close(tb);
    return out;
}

} // namespace rs
