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

} // namespace rs
