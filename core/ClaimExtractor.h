#pragma once
// Finds (head, relation, tail) claims in a model output: within one sentence, the linked
// mentions on each side of a relation cue, nearest first, with the mentions coordinated with
// them ("A, B and C are signs of W" gives every pair). The cue gives relation and direction;
// negation and hedging cues around the relation give the polarity, and a finding stated
// absent ("no cough suggests ...") is no head of a claim. With the lexicon's phrase words,
// the noun phrases of the sentence that no KG concept covers (NounPhraseChunker) take part
// like mentions: a claim may have an end with no KG concept, which is never checked. A cue
// with a linked concept on one side only is also reported as a coverage gap of the KG.
// Beyond the neighbours of a cue it reads item labels ("A) X: This ..., but it does not
// explain Y"), relative clauses and appositions on a predicate noun ("X is a Y that causes
// Z", "X - an agent that blocks Z"), causal chains ("causes A, leading to B"), objects
// listed after a class ("a range of symptoms, including A and B") and lists in brackets.
// tests/extraction/README.md measures it on labelled sentences.
#include "CaseAnalysis.h"
#include "KnowledgeBase.h"
#include "Lexicon.h"
#include "TextNormalizer.h"

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rs {

struct ClaimSettings {
    int maxGapTokens = 4;       // words allowed between a mention and the cue, each side
    int polarityLookBehind = 3; // words before the head still searched for negation/hedging
    int maxPhraseTokens = 4;    // longest unlinked phrase reported as a coverage gap
    bool unlinkedEnds = true;   // noun phrases with no KG concept may be claim ends
    int maxChunkTokens = 6;     // longest noun phrase taken as such an end
    // Relations whose cues are too vague to relate phrases the KG does not know ("this
    // design involves collecting data", "can affect the liver"): their claims need linked
    // ends. associated_with was one: its cues with one end the KG lacks ("COX-2 is an enzyme
    // involved in inflammation", "not related to the patient's immune deficiency") gave on
    // the tuning sets 13 right claims of 14, and on the full outputs 120 claims: 13 wrong,
    // the rest about half right and half partly (most an end cut short, since mended by
    // relational nouns in phrase-words.tsv). With an end the KG lacks, none can be checked,
    // so none can make a relation finding.
    std::vector<std::string> linkedOnlyRelations{"localizes_to"};
    // Words that make a cue of those relations explicit enough for one end the KG does not
    // know ("X is commonly associated with Y", "implicated in"): on the labelled sets 12 of
    // 16 such claims were right, against about half for "involved in" and "related to".
    // Explicit enough for two such ends too when both are phrases of two words or more
    // ("Anti-Scl-70 antibodies: associated with diffuse systemic sclerosis"): on the full
    // outputs 30 of 35 were right, 4 partly.
    std::vector<std::string> explicitCueWords{"associated", "implicated", "linked"};
    // First words of cues whose object must be a KG concept: what a finding "can occur in",
    // when the KG does not know it, was mostly a place or a group ("occurs in most
    // newborns", "occur in clusters"): half of those claims were wrong on the real outputs.
    std::vector<std::string> linkedObjectCueWords{"occur", "occurs"};
    // Whether a claim may have no KG concept at either end. Off: on the labelled set such
    // claims were right less than half the time (tests/extraction/README.md).
    bool bothEndsUnlinked = false;
    // Relations whose cues are clinical vocabulary ("a treatment for", "a sign of",
    // "indicative of", "suggests", "a risk factor for"): their claims may have no KG concept
    // at either end even with bothEndsUnlinked off. Not "causes" nor "is_a", whose cues
    // ("leads to", "produces", "such as") relate anything: causes only between two phrases
    // of two words or more ("destruction of the alveolar walls, leading to a loss of elastic
    // recoil"), is_a only to a qualified clinical class (ClaimAssembly.cpp).
    std::vector<std::string> unlinkedPairRelations{
        "treats",     "prevents",        "presents_with",      "indicates",
        "evidential", "risk_factor_for", "contraindicated_for"};
    // Whether an item label ("B) Exchange transfusion: This is a treatment for ...") the KG
    // does not name may still head a claim whose tail it does not name either, and a claim
    // of a linkedOnlyRelations relation with a linked tail: the label is a delimited noun
    // phrase, not a guess of the chunker.
    bool unlinkedItemLabels = true;
};

struct ClaimExtraction {
    std::vector<Claim> claims;
    std::vector<CoverageGap> gaps; // where == "claim"
};

class ClaimExtractor {
public:
    // kb, when given, tells the kinds of the linked concepts: "seen in the lungs" places a
    // finding in an organ, it is no disease presenting with it.
    explicit ClaimExtractor(const Lexicon& lexicon, ClaimSettings settings = {},
                            const KnowledgeBase* kb = nullptr);

    // mentions: linked spans of text (offsets into text), ordered and non-overlapping as
    // KnowledgeBase::link returns them. Claims carry the index of the step they lie in.
    ClaimExtraction extract(std::string_view text, const std::vector<Step>& steps,
                            const std::vector<Mention>& mentions) const;

    // The same with the tokens of text already computed (tokenize(text)).
    ClaimExtraction extract(std::string_view text, const std::vector<Token>& tokens,
                            const std::vector<Step>& steps,
                            const std::vector<Mention>& mentions) const;

private:
    struct AlignedMention;
    struct CueHit;
    struct Reading;
    struct Sentence;

    void findCues(const Reading& r, Sentence& s) const;
    // "symptoms of a respiratory infection, including cough and fever", "the hallmark
    // features of PTSD, such as flashbacks": the listed items are what Y presents with; adds
    // (or turns the "such as" into) a presents_with cue at the list word.
    void examplesOfSymptoms(const Reading& r, Sentence& s) const;
    // "other causes of chest pain, such as pneumonia", "treatments for W, including V": the
    // examples are the relational noun cue's missing argument; adds the same relation,
    // turned around, at the list word ("pneumonia causes chest pain").
    void examplesOfRelationalNoun(const Reading& r, Sentence& s) const;
    // "nortriptyline (a tricyclic antidepressant)", "Tiotropium - an anticholinergic agent
    // that": an indefinite noun phrase in a bracket or after a spaced dash right after a KG
    // concept names its class; adds an is-a cue at the article.
    void appositiveClasses(const Reading& r, Sentence& s) const;
    // "Gonadotropins are hormones that", "CD20+ cells, which are B-lymphocytes": a bare
    // plural class after "are" classes its subject; adds an is-a cue at "are"
    // (ClaimCopularClasses.cpp).
    void copularClasses(const Reading& r, Sentence& s) const;
    // "Mydriasis, which is dilation of the pupils", "This is the surgical removal of the
    // gonads": adds an is-a cue at "is" before a bare process noun and "of"
    // (ClaimCopularClasses.cpp).
    void copularProcesses(const Reading& r, Sentence& s) const;
    // "already on lisinopril for hypertension": a KG drug, "for" and a KG disease; adds a
    // treats cue at "for" (ClaimIndications.cpp).
    void indications(const Reading& r, Sentence& s) const;

    // The KG kind of the concept covering token t ("" for none or a noun phrase).
    std::string_view kindAtToken(const Reading& r, std::size_t t) const;
    // Whether w is a vague word of the lexicon ("multiple", "other", "possible").
    bool vagueWord(const std::string& w) const;
    // Whether token t lies in one of the sentence's cue hits.
    static bool inCue(const Sentence& s, std::size_t t);
    // Whether the words after the "are" at token `at` are such a class: modifiers and a
    // plural class head that end at a clause boundary, a relative pronoun or a participle.
    static bool copularClassAt(const Reading& r, const Sentence& s, std::size_t at);
    // Whether the plural noun at token t can be a class's member: no pronoun nor group, and
    // a class noun only with a modifier of its own ("Kupffer cells", not "these cells").
    bool pluralMember(const Reading& r, const Sentence& s, std::size_t t) const;
    // Whether the subject ending at token t is the object of a kind noun's "of" ("classes of
    // antiretroviral drugs are"): a class, not a member.
    static bool kindsBefore(const Reading& r, const Sentence& s, std::size_t t);
    // "no prior history of heart problems, making VT less likely", "the presence of chorea
    // makes Huntington's disease more likely": the finding (stated absent or present) bears
    // on the diagnosis. Keeps a "makes" cue only before such words, which give its polarity
    // (ClaimLikelihood.cpp).
    void likelihoodClauses(const Reading& r, Sentence& s) const;
    // "Given A and B, W is likely": the token where the main clause after an opening
    // "given" phrase starts, 0 when the sentence opens no such phrase; frontedEvidence adds
    // the evidential claims of A and B for the disease the main clause weighs
    // (ClaimFrontedEvidence.cpp).
    static std::size_t frontedClauseEnd(const Reading& r, const Sentence& s);
    void frontedEvidence(const Reading& r, const Sentence& s, std::size_t mainAt,
                         std::vector<Claim>& claims) const;
    // Whether the cue's own words hedge its claims: "possibility", "possible", or "likely" /
    // "probable" before its last word ("the most likely cause of") (ClaimLikelihood.cpp).
    static bool cueHedgesItself(const Reading& r, const Sentence& s, const CueHit& cue);
    // Whether ", a" / ", an" at article opens an apposition on the concept before the comma
    // rather than a list item.
    // antecedent: the last token of the concept the phrase at article renames (article - 1,
    // or the token before a bracketed gloss).
    static bool commaApposition(const Reading& r, const Sentence& s, std::size_t article,
                                std::size_t antecedent);
    // Where "it is possible / likely / unlikely that" opens the clause holding token before:
    // the index of its "that", 0 when none.
    static std::size_t matrixThat(const Reading& r, const Sentence& s, std::size_t before);
    // "D) Atrial septal defect: This congenital heart defect involves": the noun phrase after
    // the demonstrative that opens an item's clause names the item's class; adds an is-a cue
    // at the demonstrative.
    void renamingDemonstratives(const Reading& r, Sentence& s) const;
    // Whether the object of such a cue is a phrase of two words or more right after the
    // demonstrative that ends at a verb the lexicon knows (a cue, a common verb, an
    // auxiliary).
    bool renamesSubject(const Reading& r, const Sentence& s, const CueHit& hit,
                        const std::vector<std::size_t>& right) const;
    // The cue hit of one word at token `at` that a construction reads as `cue` (the hit
    // already there, or a new one kept in order): "such as" as presents_with, an
    // apposition's bracket or a renaming "This" as is_a.
    static CueHit& syntheticHit(Sentence& s, std::size_t at, std::size_t cue);
    // How many tokens the examples marker at t has ("including" 1, "such as" 2, a noun's
    // "like" 1), 0 when there is none.
    static std::size_t examplesMarker(const Reading& r, const Sentence& s, std::size_t t);
    // Whether a one-word examples cue at token t ("like", "including", "specifically") lists
    // members of a class here (true for any other word): "Y like X", not "seems like" or
    // "malaria-like"; classBeforeExamples, specificMember.
    bool membersListedAt(const Reading& r, const Sentence& s, std::size_t t,
                         std::string_view cue) const;
    // Whether "including" at token t lists members of the clinical class right before it
    // ("various autoimmune diseases, including RA"), not parts of a whole ("multiple organs,
    // including the kidneys") nor examples of a vague class ("medical conditions").
    bool classBeforeExamples(const Reading& r, const Sentence& s, std::size_t t) const;
    // Whether ", specifically" at token t names a member of the disease or drug class right
    // before it ("an autoimmune disorder, specifically SLE"), not a part of an organ or a
    // system ("the endocrine system, specifically the pituitary gland").
    bool specificMember(const Reading& r, const Sentence& s, std::size_t t) const;
    // Whether the first token at or after text offset `offset` is "a" or "an".
    static bool opensIndefinite(const Reading& r, std::size_t offset);
    // Adds the sentence's noun phrases that no mention covers to r and s as unlinked
    // mentions (node kNoNode).
    void addPhraseMentions(Reading& r, Sentence& s) const;
    // Whether the bracket at text offset follows a concept (a linked mention, or the noun
    // phrase ending at token lastChunkEnd) and so opens its gloss.
    static bool glossOpens(const Reading& r, std::size_t offset, std::size_t lastChunkEnd);
    // The sentence's cues, overlapping ones merged into the longest.
    static std::vector<CueHit*> longestCues(Sentence& s);
    // Claims of every cue: the concepts next to it on each side, with those coordinated
    // with them (every pair of "A and B cause C or D").
    void claimsAtCues(const Reading& r, Sentence& s, std::vector<Claim>& claims) const;
    // "treats autoimmune diseases such as multiple sclerosis": a claim whose object is a
    // class holds for each example the sentence lists of it (claims from `first` on;
    // ClaimLists.cpp).
    void claimsOfExamples(std::string_view text, std::vector<Claim>& claims,
                          std::size_t first) const;
    // "osteomyelitis, a severe infection of the bone": an is-a claim (from `first` on) whose
    // class is of, in or on an organ (a KG Anatomy concept) adds that the member localizes
    // to it (ClaimPlaces.cpp).
    void placesOfClasses(const Reading& r, const Sentence& s, std::vector<Claim>& claims,
                         std::size_t first) const;
    // "can cause hyperprolactinemia and subsequent amenorrhea": of two effects of one cause
    // (claims from `first` on) joined by "and subsequent", the first causes the second too
    // (ClaimSequels.cpp).
    void sequels(const Reading& r, std::vector<Claim>& claims, std::size_t first) const;
    // A localizes_to claim of sentence s from `what` to the organ `place` (ClaimPlaces.cpp).
    static Claim placeClaim(const Reading& r, const Sentence& s, const AlignedMention& what,
                            const AlignedMention& place);
    // "osteomyelitis of the mandible": a KG disease, a place preposition and a KG organ; the
    // disease localizes to the organ (ClaimPlaces.cpp).
    void placesInPhrases(const Reading& r, const Sentence& s, std::vector<Claim>& claims,
                         std::size_t first) const;
    // "X is a condition where fluid accumulates in the pericardial sac", "X: This occurs when
    // air accumulates in the pleural space": the defined condition localizes to each organ of
    // its defining clause, no claim of sentence s (from `first` on) twice (ClaimDefinitions.cpp).
    void placesOfDefinitions(const Reading& r, const Sentence& s, std::vector<Claim>& claims,
                             std::size_t first) const;
    // The first token of a defining clause opened at token t ("a condition where", "an
    // autoimmune disorder in which", "occurs when"), 0 when none; verb is set to the token of
    // its "is" or "occurs" (or the article of an apposition).
    std::size_t definingClauseAt(const Reading& r, const Sentence& s, std::size_t t,
                                 std::size_t& verb) const;
    // Whether sentence s has a defining clause (a sentence without a cue is read for it too).
    bool definesCondition(const Reading& r, const Sentence& s) const;
    // 1 + the index into s.mentions of the concept a defining clause's verb is said of, 0 when
    // none.
    std::size_t definedConcept(const Reading& r, const Sentence& s, std::size_t verb) const;
    // "B) X will increase Y - This statement is not true": the verdict after the option's
    // statement denies the claims before it, claims [first, end) of sentence s
    // (ClaimStatements.cpp).
    void deniedStatements(const Reading& r, const Sentence& s, std::vector<Claim>& claims,
                          std::size_t first) const;
    // The claims of a cue's heads (left) and tails (right), every pair that may make one
    // (ClaimAssembly.cpp); marks the cue used when both ends of a pair are linked.
    void claimsOfPairs(const Reading& r, const Sentence& s, CueHit& hit,
                       const std::vector<std::size_t>& left, const std::vector<std::size_t>& right,
                       ClaimPattern pattern, std::vector<Claim>& claims) const;
    // The token of the conjunction that opens a second predicate before the cue ("X crosses
    // the placenta and can cause Y"), searched back to token `after`; 0 when there is none.
    std::size_t secondPredicateAt(const Reading& r, const CueHit& hit, std::size_t after) const;
    // Whether the cue is a noun that a verb takes as its object ("to determine the cause
    // of", "rule out other causes of"): it then has no head of its own (ClaimHeads.cpp).
    bool verbObjectCue(const Reading& r, const Sentence& s, const CueHit& hit) const;
    // fromLabel: whether the head is an item label a pronoun stands for; pronoun: whether a
    // pronoun before the cue stands for the head; secondPredicate: the token of the
    // conjunction when the cue opens a second predicate whose subject is not next to it
    // ("X crosses the placenta and can cause Y"), 0 otherwise.
    std::vector<std::size_t> leftArguments(const Reading& r, const Sentence& s, const CueHit& hit,
                                           std::size_t from, std::size_t prevTailEnd,
                                           bool& fromLabel, bool& pronoun,
                                           std::size_t& secondPredicate) const;
    // The concept that opens the sentence's main clause, after an item label's separator and
    // an introductory phrase ("However, methimazole is ..."), as 1 + its index into
    // s.mentions; the label's concept when the clause opens with a pronoun ("X: This is
    // ..."); 0 when the clause opens with anything else. isLabel: which of the two. A list
    // of concepts may open it ("Acyclovir and ganciclovir are ..."): the last item is
    // returned and *firstItem, when given, is the first's index.
    std::size_t sentenceSubject(const Reading& r, const Sentence& s, bool& isLabel,
                                std::size_t* firstItem = nullptr) const;
    // "this condition", "this disease" right after the cue (from token `from`) in a sentence
    // whose clause opens with a pronoun for an item label: 1 + the index into s.mentions of
    // the label's concept; 0 otherwise.
    std::size_t anaphoricObject(const Reading& r, const Sentence& s, std::size_t from) const;
    // "N1 prep N2" ("inclusion bodies within erythrocytes", "wide splitting of S2"): the
    // index into s.mentions of N1 when mention i is N2 and N1 a noun (not a relational, kind
    // or onset noun, not a particle) after `from`; i otherwise. anyPreposition: any of
    // kItemPrepositions, else only "of".
    std::size_t nounHead(const Reading& r, const Sentence& s, std::size_t i, std::size_t from,
                         bool anyPreposition) const;
    // "difficulty with certain movements", "broad chest with widely spaced nipples": the
    // token where the list item ending with mention m starts, when the words before m back
    // to a comma or bracket hold one preposition and no other stop; m.first otherwise.
    std::size_t itemStart(const Reading& r, const Sentence& s, const AlignedMention& m) const;
    // The same forward: the token after the list item that starts with mention m ("pain in
    // the chest, fever").
    std::size_t itemEnd(const Reading& r, const Sentence& s, const AlignedMention& m) const;
    // Whether aligned mention mi is the object of "of" after a noun that is not a kind noun
    // ("features of PTSD"; not "a type of infection", nor the "of" of a cue ending at from).
    static bool ofArgument(const Reading& r, const Sentence& s, std::size_t mi, std::size_t from);
    // Which mention heads the cue's left argument when mention k - 1 (1-based k into
    // s.mentions) is the one next to it: that one (Next), the head noun N1 of "N1 prep N2"
    // before it (Before), or none (None: it is the object of a time preposition before
    // ", which" with no concept right before the time phrase).
    enum class HeadNoun { Next, Before, None };
    HeadNoun cueHeadNoun(const Reading& r, const Sentence& s, const CueHit& hit, std::size_t k,
                         std::size_t from) const;
    // The token of the time preposition whose object starts at token first ("since the
    // trip", "after starting amoxicillin"); 0 when there is none.
    static std::size_t timePrepositionBefore(const Reading& r, std::size_t first);
    // Whether mention m lies in a bracket opened right after a concept: a gloss, no list item.
    // afterLinked: only after a KG concept (a gloss that links what the phrase before it
    // does not, "cholecystokinin (CCK)", names the concept).
    static bool inGloss(const Reading& r, const Sentence& s, const AlignedMention& m,
                        bool afterLinked = false);
    // listed: whether the objects are the items after "including" or "such as".
    std::vector<std::size_t> rightArguments(const Reading& r, const Sentence& s, const CueHit& hit,
                                            std::size_t until, bool& listed) const;
    // "with a range of symptoms, including A": the index into s.mentions of A, the first
    // item listed after words from `from` that name no KG concept; s.mentions.size() if none.
    std::size_t listedItem(const Reading& r, const Sentence& s, std::size_t from) const;
    // Whether token t can only be a modifier of the concept after it: a free word of no
    // phrase-word class, joined to the next word ("paraneoplastic" syndromes).
    bool modifierOnly(const Reading& r, std::size_t t) const;
    // Whether an is-a cue of s ends at token `end` ("X is a").
    bool isaCueEndingAt(const Sentence& s, std::size_t end) const;
    // "X: This ...": 1 + the index into s.mentions of the concept a pronoun before the cue
    // stands for, 0 when there is none.
    std::size_t itemLabelBefore(const Reading& r, const Sentence& s, const CueHit& hit,
                                std::size_t from) const;
    // Words from the end of a to the cue, a bracketed gloss right after a left out.
    // A word that is no distance between a concept and its cue: an auxiliary, a denial, a
    // degree ("it is not the most appropriate treatment for").
    static bool noDistance(const Reading& r, std::size_t t);
    std::size_t wordsBetween(const Reading& r, const Sentence& s, const AlignedMention& a,
                             const CueHit& hit) const;
    // "A) X: This ..., but it does not explain Y": the same for a pronoun that opens a later
    // clause of a sentence with an item label.
    std::size_t clauseLabel(const Reading& r, const Sentence& s, const CueHit& hit) const;
    // 1 + the token of a subject pronoun a few words before the cue that opens a later
    // clause ("..., but it", "as it"); 0 if none.
    std::size_t laterClausePronoun(const Reading& r, const Sentence& s, const CueHit& hit) const;
    // "X - an agent that blocks Y", "X, a drug used to treat Y": the index into s.mentions
    // of X, the head of the cue after the apposition; s.mentions.size() if none.
    std::size_t appositionHead(const Reading& r, const Sentence& s, const CueHit& hit) const;
    // "E) X - an immunosuppressive drug, used for Y, not indicated for Z": the index into
    // s.mentions of the item label X that predicates after its class apposition are said
    // of; s.mentions.size() if none.
    std::size_t labelApposition(const Reading& r, const Sentence& s, const CueHit& hit) const;
    // Whether the head of an evidential cue in a relative clause after a comma is the object
    // of a preposition, so that the clause's antecedent is the clause before it.
    bool clauseAntecedent(const Reading& r, const Sentence& s, const std::vector<std::size_t>& left,
                          const CueHit& hit) const;
    // Whether the cue is a causal participle after a comma that follows a drug's action
    // ("X blocks Y, leading to Z": X causes Z).
    bool actionEffect(const Reading& r, const CueHit& prev, const CueHit& hit) const;
    // Whether the cue continues a causal chain from the tail of the cue before it ("X causes
    // A, leading to B" says A causes B).
    bool causalChain(const Reading& r, const CueHit& prev, std::size_t prevTail,
                     const CueHit& hit) const;
    // Whether "X is a [common] cue Y" makes the is-a copula lead into the cue.
    bool copularBridge(const Reading& r, const CueHit& copula, const CueHit& hit) const;
    // Where the words in front of m that modify it start ("a hyperkalemic non-anion gap
    // metabolic acidosis"): words in no mention, joined by spaces, of no closed class.
    std::size_t premodifiersFrom(const Reading& r, const AlignedMention& m) const;
    // Whether the comma before token t follows adjectives in series that open a cue's
    // object at objectAt ("sudden, severe pain"): words in no mention, neither generic nor
    // closed-class.
    bool adjectivesBeforeComma(const Reading& r, std::size_t objectAt, std::size_t t) const;
    // The head of a second predicate whose conjunction is at token `conjunction` (the
    // subject of the previous cue, else the sentence's), empty when none; sets the cue's
    // labelled and clauseFrom.
    std::vector<std::size_t> secondPredicateHead(const Reading& r, const Sentence& s, CueHit& hit,
                                                 const CueHit* subjectCue,
                                                 const std::vector<std::size_t>& subjectLeft,
                                                 std::size_t conjunction) const;
    // Whether an apposition with a relative clause (", a structure that") stands between the
    // cue a second predicate would take its subject from and its conjunction.
    static bool appositiveRelativeBetween(const Reading& r, const CueHit& subjectCue,
                                          std::size_t conjunction);
    // Where a cue's objects start past a first item naming only the patient's age or history
    // ("given the patient's age, X and Y"); objectAt when there is none.
    static std::size_t afterPatientItem(const Reading& r, const Sentence& s, std::size_t objectAt);
    // Whether tokens [from, to) end in a class noun's "of" complement, a concept ("a
    // condition of the esophagus").
    static bool classOfPlace(const Reading& r, std::size_t from, std::size_t to);
    // Whether "X is a Y that <cue> Z" makes the cue take the copula's head X.
    bool relativeBridge(const Reading& r, const Sentence& s, const CueHit& copula,
                        const CueHit& hit) const;
    // Where the object of a cue ending at token `from` starts: after "patients with" and
    // "a history of", which stand for the condition.
    static std::size_t objectStart(const Reading& r, const Sentence& s, std::size_t from);
    // Whether the separator after an item label ends it: a colon or a spaced dash.
    static bool labelSeparator(std::string_view sep);
    // Whether mention q follows p with only a space between: one item of a list ("jugular
    // [vein] [distention]").
    static bool adjacent(const Reading& r, const AlignedMention& p, const AlignedMention& q);
    // Whether mention q follows p as the next item of a list ("p, q", "p and q").
    bool coordinated(const Reading& r, const AlignedMention& p, const AlignedMention& q) const;
    // Whether the comma before token t closes a clause that opened its sentence or item with a
    // subordinator ("While X may require Y, Z is"): no list runs over it.
    bool closesOpeningClause(const Reading& r, std::size_t t) const;
    static bool contrasted(const Reading& r, const AlignedMention& p, const AlignedMention& q);
    bool listAntecedent(const Reading& r, std::size_t after, const CueHit& hit) const;
    // The heads a list before the cue gives: every object of a relational noun its examples
    // follow, the object list a ", which suggests" clause is on (else clauseAntecedent).
    void listHeads(const Reading& r, const Sentence& s, const CueHit& hit,
                   const std::vector<std::size_t>& prevRight, std::vector<std::size_t>& left,
                   ClaimPattern& pattern) const;
    // The claims of one cue from its heads and objects: a copular complement when it has no
    // head, else the checked pairs, ends renamed by "also known as".
    void claimsOfCue(const Reading& r, const Sentence& s, CueHit& hit,
                     std::vector<std::size_t> left, const std::vector<std::size_t>& right,
                     bool listed, std::size_t from, ClaimPattern pattern,
                     std::vector<Claim>& claims) const;
    // The mention named after "also known as" / "also called" right after m's item, when
    // the KG knows it and m is an unlinked or cut phrase; else m.
    std::size_t alsoKnownAs(const Reading& r, const Sentence& s, std::size_t m) const;
    // Whether a denial at the cue is of a norm ("not typically used for", "not the best
    // choice for"): a word of the norm in the cue or just before it.
    static bool normDenied(const Reading& r, const Sentence& s, const CueHit& hit);
    // Whether m, the head of a participle cue after a comma, is the place its clause ends on
    // ("fluid accumulates in the pericardial sac, compressing"): no head of the cue.
    bool placeOfClause(const Reading& r, const Sentence& s, const AlignedMention& m,
                       const CueHit& hit) const;
    // The polarity of the claims [from, end) read at a copula: negation or hedge between
    // the copula and the complement, or a hedge in the subject [subject, cue).
    void copularPolarity(const Reading& r, std::size_t subject, std::size_t cue, std::size_t copula,
                         const std::vector<std::size_t>& complement, std::vector<Claim>& claims,
                         std::size_t from) const;
    // The copula's complement when a relational noun cue heads the clause's subject ("The
    // first-line treatment for W is V"); copula: where "is" / "are" stands; subject: where
    // the subject's "the" stands.
    std::vector<std::size_t> copularComplement(const Reading& r, const Sentence& s,
                                               const CueHit& hit,
                                               const std::vector<std::size_t>& right,
                                               std::size_t& copula, std::size_t& subject) const;
    // False when the words around the cue make a mention the argument of something else;
    // from: where the words of the previous cue end.
    // Whether the cue stands inside a bracket of s: open is the bracket's first token, close
    // the first token after it (s.tb when it does not close).
    // A cue inside a bracket: its head is the item right before the bracket (or a concept
    // inside it), its objects what the bracket holds.
    static void narrowToBracket(const Reading& r, const Sentence& s, const CueHit& hit,
                                std::vector<std::size_t>& left, std::vector<std::size_t>& right,
                                ClaimPattern& pattern);
    // Takes the linked mentions inside tokens [first, last) out of s.mentions for a phrase
    // that holds them; false (nothing changed) when one reaches out of the range.
    static bool absorbMentions(const Reading& r, Sentence& s, std::size_t first, std::size_t last);
    static bool bracketAround(const Reading& r, const Sentence& s, const CueHit& hit,
                              std::size_t& open, std::size_t& close);
    bool cueArgumentsAreMentions(const Reading& r, const Sentence& s, const AlignedMention& a,
                                 const AlignedMention& b, const CueHit& cue,
                                 std::size_t from) const;
    // Whether two ends name the same concept: the same KG node, or the same words.
    static bool sameConcept(const Reading& r, const AlignedMention& a, const AlignedMention& b);
    // Whether m is a noun phrase that holds a relational noun's complement ("removal of
    // bacteria", "deficiency of iron").
    static bool complementPhrase(const Reading& r, const AlignedMention& m);
    bool negatesMention(const Reading& r, const Sentence& s, const AlignedMention& m) const;
    // Whether a noun phrase the KG does not know names a clinical class ("bacteria",
    // "obstructive voiding symptoms"), so that "Y such as X" and "X is a Y" relate it to an
    // X the KG does not know either.
    static bool namesClinicalClass(const Reading& r, const AlignedMention& m);
    // "the correct answer is B) X, as it is ...": 1 + the index into s.mentions of X, the
    // concept the reason clause's pronoun stands for; 0 when none.
    std::size_t answeredOption(const Reading& r, const Sentence& s, const CueHit& hit) const;
    // "X, which is a good choice as it is ...": 1 + the index into s.mentions of X, the
    // relative clause's antecedent the reason clause's pronoun stands for; 0 when none.
    std::size_t relativeAntecedent(const Reading& r, const Sentence& s, const CueHit& hit) const;
    // "Aspirin is given after MI to prevent stroke": for a purpose ("to prevent", "to treat")
    // whose nearest head is a disease, 1 + the index into s.mentions of the clause's subject
    // that is no disease, 0 for no head at all, kNoAgent when the head stands.
    static constexpr std::size_t kNoAgent = std::size_t(-1);
    std::size_t purposeAgent(const Reading& r, const Sentence& s, const CueHit& hit,
                             const std::vector<std::size_t>& left) const;
    // Whether word names only a class ("disease", "syndrome", "infection"), so that after
    // "this" it points back to a concept named before rather than naming one.
    bool genericClass(const std::string& word) const;
    // Whether token t opens a mention headed by such a class, after "this", "these" or
    // "those" ("that" is as often a conjunction).
    bool anaphoricClassAt(const Reading& r, std::size_t t) const;
    // Whether the mention at token t is the class of "this type of" ("Vascular dementia: This
    // type of dementia is caused by"): the item before is meant, the class when there is none.
    static bool demonstrativeKindAt(const Reading& r, std::size_t t);
    // Whether tokens t, t + 1 are a kind noun and "of" ("type of", "form of").
    static bool kindOfAt(const Reading& r, std::size_t t);
    // Whether the words from first to the cue are a subject that names nothing ("and
    // abnormal labs are consistent with"), coordinated with the concept before them.
    bool genericCosubject(const Reading& r, std::size_t first, const CueHit& hit) const;
    // Whether m (the first of its list) is the object of "avoid", "stop", "abstain from":
    // what a "prevents" cue then says is a risk factor.
    static bool avoidedObject(const Reading& r, const Sentence& s, const AlignedMention& m);
    // Whether node is an organ: a KG concept of kind Anatomy (false without a KB).
    bool organ(NodeId node) const;
    // Whether node is a drug (a KG Compound or Pharmacologic Class).
    bool drug(NodeId node) const;
    // Whether hit's cue relates a drug, as its head, to what it acts on (treats, prevents,
    // targets, contraindicated_for).
    bool drugRelation(const CueHit& hit) const;
    // Whether a claim puts an organ where no place can be (a cause, an effect, a finding).
    bool organOutOfPlace(const Claim& c, std::string_view cue) const;
    // "damage to the kidneys", "tumors of the pituitary": the relational noun's phrase ending
    // at the organ m becomes the end (node, begin, text), when there is one.
    void placeOfRelationalNoun(const Reading& r, const Sentence& s, const AlignedMention& m,
                               NodeId& node, std::size_t& begin, std::string& text) const;
    // "tea-colored urine", "enlarged knees", "a low TSH": an end linked to an organ (a KG
    // Anatomy concept) with modifiers before it, or to a gene or compound right after a
    // direction word, names a finding the KG does not know; widens the end to the
    // modifiers and unlinks it.
    void findingWithModifiers(const Reading& r, const Sentence& s, const AlignedMention& m,
                              NodeId& node, std::size_t& begin, std::string& text) const;
    // "edema in the lower extremities": the finding a preposition before an organ (a KG
    // Anatomy concept) joins it to, when a mention ends right before; m itself otherwise.
    const AlignedMention& findingAt(const Reading& r, const Sentence& s,
                                    const AlignedMention& m) const;
    // The first of the unlinked modifiers right before m in its noun phrase ("swollen red"
    // tongue); m.first when there is none.
    std::size_t modifiersStart(const Reading& r, const Sentence& s, const AlignedMention& m) const;
    // One end of a claim that the KG does not know: its words, and whether it holds a linked
    // complement ("a tumor in the left atrium").
    struct PhraseEnd {
        std::size_t words = 0;
        bool holdsLinked = false;
    };
    // Whether two such ends may make a claim on hit's cue: a relation of clinical vocabulary
    // (unlinkedPairRelations), an item label, causes or an explicit association between
    // phrases of two words or more; clinicalClass: an is-a to a clinical class.
    bool phrasePairAllowed(const CueHit& hit, PhraseEnd a, PhraseEnd b, bool clinicalClass) const;
    // Whether cue holds one of settings_.explicitCueWords ("associated", "implicated").
    bool explicitCue(const RelationCue& cue) const;
    // The tokens of text [begin, end).
    static std::size_t wordsOf(const Reading& r, std::size_t begin, std::size_t end);
    // The ends of claim c (from mentions h and tl) where they are organs: an organ with the
    // words that make it a finding is that finding; an organ out of place is dropped, or
    // gives way to the relational noun it is the place of. False when c makes no claim.
    // anyLinked: whether the pair had a KG concept at either end.
    // "absent reflexes": an end right after "absent" (up to two modifiers between) is the
    // absence, a finding the KG does not know; widens the end and unlinks it.
    static void absentFinding(const Reading& r, const AlignedMention& m, NodeId& node,
                              std::size_t& begin, std::string& text);
    // Whether mention m (a phrase the KG does not know) names only a region of the body
    // ("legs", "the lower back"), a place and nothing that happens there.
    static bool bareRegion(const Reading& r, const AlignedMention& m);
    // Whether mention m, with its modifiers and articles, comes right after "with" ("people
    // with weakened immune systems").
    bool afterWith(const Reading& r, const Sentence& s, const AlignedMention& m) const;
    // Whether claim b says what claim a says with ends that start where a's do and end no
    // earlier at a region of the body (two regions of one list item widened to it); an end
    // b has as a KG concept, a has as the same one.
    static bool sameEndsWidened(const Reading& r, const Claim& a, const Claim& b);
    // For an end that is a bare region (node kNoNode, mention m): widens begin/text to what
    // happens there ("damage to the stomach", "jerky movements of her arms and legs", the
    // list item it ends). False when it is nothing's place: no claim, unless the claim is
    // evidence, whose finding the region still points to. True for other ends.
    bool endOfRegion(const Reading& r, const Sentence& s, const AlignedMention& m, NodeId node,
                     bool evidence, std::size_t& begin, std::string& text) const;
    bool readOrganEnds(const Reading& r, const Sentence& s, const CueHit& hit, bool anyLinked,
                       const AlignedMention& h, const AlignedMention& tl, Claim& c) const;
    // Whether m is an organ (a KG Anatomy concept) a test is "of" ("a CT scan of the head").
    bool testedOrgan(const Reading& r, const AlignedMention& m) const;
    // Whether the noun at token noun names what its "of" object is: "an episode of syncope",
    // "elevated levels of calcium" (not "low levels of": a lack of it).
    static bool countsItsObject(const Reading& r, std::size_t noun);
    // The polarity of "Y such as X" and of "X, a Y": asserted whatever the clause says of
    // them, unless the member itself is denied ("like A, but not B").
    Polarity classPolarity(const Reading& r, const AlignedMention& example,
                           const CueHit& hit) const;
    // Whether a mention starts at token t, articles and a few modifiers skipped, before
    // token to.
    static bool opensMention(const Reading& r, std::size_t t, std::size_t to);
    Polarity polarityOf(const Reading& r, const Sentence& s, const AlignedMention& a,
                        const AlignedMention& b, const CueHit& cue) const;
    void scanPolarity(const Reading& r, const AlignedMention* skip, std::size_t from,
                      std::size_t to, bool& negated, bool& hedged) const;
    // Coverage gaps of cues used by no claim (ClaimGaps.cpp).
    void gapsOfUnusedCues(const Reading& r, const Sentence& s,
                          std::vector<CoverageGap>& gaps) const;
    // Token range of the unlinked phrase on the far side of a cue with a concept on one side.
    std::pair<std::size_t, std::size_t> unlinkedPhrase(const Reading& r, const Sentence& s,
                                                       const CueHit& hit, bool afterCue) const;

    static constexpr std::size_t kNoCue = std::size_t(-1);
    const Lexicon& lexicon_;
    ClaimSettings settings_;
    const KnowledgeBase* kb_ = nullptr;
    std::size_t presentsWithCue_ = kNoCue;  // index of "presents with" in the lexicon
    std::size_t isACue_ = kNoCue;           // index of "is a"
    std::vector<std::string> examplesCues_; // the reverse is-a cues: "Y such as X", "Y like X"
    // Per relation, the index of its first forward / reverse cue.
    std::map<std::string, std::size_t> forwardCue_, reverseCue_;
};

} // namespace rs
