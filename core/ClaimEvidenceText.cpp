#include "ClaimEvidenceText.h"

#include "Lexicon.h"

#include <algorithm>

namespace rs {

namespace {

std::string words(std::string relation) {
    std::replace(relation.begin(), relation.end(), '_', ' ');
    return relation;
}

std::string edge(const std::string& from, const std::string& relation, const std::string& to,
                 bool forward) {
    return forward ? from + " " + words(relation) + " " + to
                   : to + " " + words(relation) + " " + from;
}

} // namespace

std::string claimText(const CaseResult::Claim& c) {
    const std::string text = c.head + " " + Lexicon::relationPhrase(c.relation) + " " + c.tail;
    if (c.polarity == Polarity::Negated)
        return "not: " + text;
    if (c.polarity == Polarity::Hedged)
        return "maybe: " + text;
    return text;
}

std::string claimEvidenceText(const CaseResult::Claim& c) {
    const CaseResult::Claim::Evidence& e = c.evidence;
    if (!c.headLinked || !c.tailLinked) {
        const std::string& phrase = !c.headLinked ? c.head : c.tail;
        return "'" + phrase + "'" +
               (!c.headLinked && !c.tailLinked ? " and '" + c.tail + "'" : "") +
               (!c.headLinked && !c.tailLinked ? ": no KG concepts" : ": no KG concept") +
               ", not checked";
    }
    if (c.status.value_or(ClaimStatus::Unverified) == ClaimStatus::Unverified || e.kind.empty())
        return "no KG edge found";
    std::string s;
    auto forward = [&](std::size_t i) { return i >= e.forward.size() || e.forward[i]; };
    if (e.kind == "excluding_edges" || e.kind == "complete_list") {
        if (e.nodes.size() != 2)
            return "KG: " + e.kind;
        if (e.kind == "complete_list") {
            std::string rels;
            for (std::size_t i = 0; i < e.relations.size(); ++i)
                rels += (i ? " or " : "") + words(e.relations[i]);
            return "KG: its " + rels + " list is complete for " + e.nodes[0] + " and " +
                   e.nodes[1] + " and has no such edge";
        }
        for (std::size_t i = 0; i < e.relations.size(); ++i)
            s += (i ? "; " : "") + edge(e.nodes[0], e.relations[i], e.nodes[1], forward(i));
        return "KG: only " + s;
    }
    for (std::size_t i = 0; i < e.relations.size() && i + 1 < e.nodes.size(); ++i)
        s += (i ? ", " : "") + edge(e.nodes[i], e.relations[i], e.nodes[i + 1], forward(i));
    if (s.empty())
        return "KG: " + e.kind;
    return (e.kind == "denied_edge" ? "KG has " : "KG: ") + s;
}

std::string claimOwnerText(const CaseResult::Claim& c) {
    if (c.owner == "question_restatement")
        return "restates the question";
    if (c.owner == "rejected_option")
        return "an option being rejected";
    if (c.owner == "other_person")
        return "about another person";
    return {};
}

namespace {

constexpr struct {
    ClaimPattern pattern;
    const char* label;
    const char* explanation;
} kPatternTexts[] = {
    {ClaimPattern::Direct, "direct",
     "The two concepts stand right beside the relation cue: \"Amoxicillin treats pneumonia\"."},
    {ClaimPattern::Coordination, "coordination",
     "An end is one item of a list, and every item makes a claim: \"Fever, cough and rash "
     "suggest measles\" gives fever, cough and rash each suggesting measles."},
    {ClaimPattern::RelativeClause, "relative clause",
     "A relative clause carries the head over: \"X is a drug that treats Y\" says X treats Y; "
     "\"X, which causes Y, is treated with Z\" says Z treats X; \"presents with A and B, "
     "which suggests Y\" says A and B each suggest Y."},
    {ClaimPattern::Apposition, "apposition",
     "An apposition's clause is said of the concept it renames: \"X - an agent that blocks "
     "Y\" says X blocks Y."},
    {ClaimPattern::CausalChain, "causal chain",
     "A causal participle continues from the last effect: \"X causes A, leading to B\" says "
     "A causes B."},
    {ClaimPattern::ActionEffect, "action effect",
     "The effect of a drug's action is the drug's: \"X blocks Y, leading to Z\" says X "
     "causes Z."},
    {ClaimPattern::ItemLabel, "item label",
     "A pronoun stands for an item's label: \"B) X: This is a treatment for Y\" says X "
     "treats Y."},
    {ClaimPattern::SuchAs, "such-as list",
     "The objects are listed after a class, with \"such as\", \"including\" or \"like\": "
     "\"presents with a range of symptoms, including A and B\" says it presents with A and "
     "with B; \"other causes of Y, such as X\" says X causes Y; \"can cause conditions like "
     "X\" says it causes X; \"treats autoimmune diseases such as X\" says it treats X too."},
    {ClaimPattern::Copular, "copular",
     "The copula leads into a relational noun, or out of one that heads the subject: \"X is "
     "a common cause of Y\" and \"The most common cause of Y is X\" both say X causes Y."},
    {ClaimPattern::SecondPredicate, "second predicate",
     "A predicate after a conjunction takes the subject of its clause: \"X crosses the "
     "placenta and can cause Y\" says X causes Y."},
    {ClaimPattern::FrontedEvidence, "fronted evidence",
     "An opening \"given\" phrase is evidence for the diagnosis the main clause weighs: "
     "\"Given A and B, W is a likely diagnosis\" says A and B each support W, hedged."},
};

} // namespace

std::string claimPatternLabel(ClaimPattern p) {
    for (const auto& row : kPatternTexts)
        if (row.pattern == p)
            return row.label;
    return toString(p);
}

std::string claimPatternExplanation(ClaimPattern p) {
    for (const auto& row : kPatternTexts)
        if (row.pattern == p)
            return row.explanation;
    return {};
}

std::string claimReadingText(const CaseResult::Claim& c) {
    std::string s = c.pattern ? claimPatternLabel(*c.pattern) : std::string();
    if (!c.cue.empty())
        s += (s.empty() ? "" : " · ") + std::string("cue “") + c.cue + "”";
    return s;
}

} // namespace rs
