#include "ClinicalReference.h"

#include "TextNormalizer.h"

#include <algorithm>
#include <array>
#include <map>
#include <string>

namespace rs {

namespace {

// Phrases of a question's last sentence that name its ask, most specific first: "the next
// step in management" is a next-step question although it says "management", "an adverse
// effect of this drug" an adverse-effect question although it names a drug.
struct AskPhrase {
    std::string_view phrase; // normalized words
    QuestionAsk ask;
};
constexpr std::array<AskPhrase, 27> kAskPhrases = {{
    {"next step", QuestionAsk::NextStep},
    {"next best step", QuestionAsk::NextStep},
    {"most appropriate next", QuestionAsk::NextStep},
    {"adverse effect", QuestionAsk::AdverseEffect},
    {"adverse effects", QuestionAsk::AdverseEffect},
    {"side effect", QuestionAsk::AdverseEffect},
    {"side effects", QuestionAsk::AdverseEffect},
    {"adverse reaction", QuestionAsk::AdverseEffect},
    {"toxicity", QuestionAsk::AdverseEffect},
    {"mechanism", QuestionAsk::Mechanism},
    {"pathophysiology", QuestionAsk::Mechanism},
    {"pathogenesis", QuestionAsk::Mechanism},
    {"risk factor", QuestionAsk::RiskFactor},
    {"risk factors", QuestionAsk::RiskFactor},
    {"predisposing", QuestionAsk::RiskFactor},
    {"increased risk", QuestionAsk::RiskFactor},
    {"treatment", QuestionAsk::Treatment},
    {"pharmacotherapy", QuestionAsk::Treatment},
    {"therapy", QuestionAsk::Treatment},
    {"drug of choice", QuestionAsk::Treatment},
    {"medication", QuestionAsk::Treatment},
    {"treated with", QuestionAsk::Treatment},
    {"diagnosis", QuestionAsk::Diagnosis},
    {"most likely cause", QuestionAsk::Diagnosis},
    {"causal organism", QuestionAsk::Diagnosis},
    {"etiology", QuestionAsk::Diagnosis},
    {"most likely condition", QuestionAsk::Diagnosis},
}};

bool isOneOf(std::string_view kind, std::initializer_list<std::string_view> kinds) {
    return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

bool contains(const std::vector<NodeId>& v, NodeId n) {
    return std::find(v.begin(), v.end(), n) != v.end();
}

std::size_t neighbouringFindings(const KnowledgeBase& kb, NodeId n,
                                 const std::vector<NodeId>& findings) {
    std::size_t count = 0;
    for (NodeId f : findings)
        if (f != n && !kb.edgesBetween(n, f).empty())
            ++count;
    return count;
}

// The ask's path template: which kinds the answer and the step into it must have. A path
// to an answer of another kind than the template expects is judged by relatedness alone.
bool fitsTemplate(const KnowledgeBase& kb, const ReferencePath& p,
                  const std::vector<NodeId>& findings, QuestionAsk ask) {
    if (p.nodes.size() < 2)
        return true;
    const std::string_view goldKind = kb.nodeKind(p.nodes.back());
    const std::string_view beforeKind = kb.nodeKind(p.nodes[p.nodes.size() - 2]);
    switch (ask) {
    case QuestionAsk::Treatment:
        // findings -> disease -> drug: a drug reached from a symptom or another drug is a
        // side-effect or class link, not the reason to give it.
        return !isDrugKind(goldKind) || isDiseaseKind(beforeKind);
    case QuestionAsk::Diagnosis:
        // findings -> diagnosis: another disease or a drug inside the path is a competing
        // diagnosis or a detour, unless the question names it (a history, a drug taken).
        for (std::size_t i = 1; i + 1 < p.nodes.size(); ++i) {
            const std::string_view kind = kb.nodeKind(p.nodes[i]);
            if ((isDrugKind(kind) || isDiseaseKind(kind)) && !contains(findings, p.nodes[i]))
                return false;
        }
        return true;
    case QuestionAsk::AdverseEffect:
        return isDrugKind(goldKind) || isDrugKind(beforeKind) ||
               contains(findings, p.nodes[p.nodes.size() - 2]);
    default:
        return true;
    }
}

} // namespace

const char* toString(QuestionAsk ask) {
    switch (ask) {
    case QuestionAsk::Diagnosis:
        return "diagnosis";
    case QuestionAsk::Treatment:
        return "treatment";
    case QuestionAsk::Mechanism:
        return "mechanism";
    case QuestionAsk::AdverseEffect:
        return "adverse_effect";
    case QuestionAsk::NextStep:
        return "next_step";
    case QuestionAsk::RiskFactor:
        return "risk_factor";
    case QuestionAsk::Other:
        return "other";
    }
    return "other";
}

bool isDrugKind(std::string_view kind) {
    return isOneOf(kind, {"Compound", "Pharmacologic Class", "drug"});
}

bool isDiseaseKind(std::string_view kind) {
    return isOneOf(kind, {"Disease", "disease"});
}

bool isFindingKind(std::string_view kind) {
    return !isOneOf(kind, {"Anatomy", "anatomy"});
}

void retypeByKinds(std::vector<Claim>& claims, const KnowledgeBase& kb) {
    for (Claim& c : claims)
        if (c.relation == "localizes_to" && c.head != kNoNode && c.tail != kNoNode &&
            isDiseaseKind(kb.nodeKind(c.head)) &&
            isOneOf(kb.nodeKind(c.tail), {"Symptom", "Side Effect", "symptom", "phenotype"}))
            c.relation = "presents_with";
}

QuestionAsk recognizeAsk(std::string_view stem) {
    // The last sentence: after the last sentence end that is followed by more text.
    std::size_t end = stem.size();
    while (end > 0 && (stem[end - 1] == ' ' || stem[end - 1] == '\n' || stem[end - 1] == '?' ||
                       stem[end - 1] == '.'))
        --end;
    std::size_t begin = 0;
    for (std::size_t i = end; i-- > 0;) {
        const bool sentenceEnd =
            (stem[i] == '.' || stem[i] == '?') && i + 1 < end && stem[i + 1] == ' ';
        if (sentenceEnd || stem[i] == '\n') {
            begin = i + 1;
            break;
        }
    }
    std::string words = " ";
    for (const Token& t : tokenize(stem.substr(begin, end - begin)))
        words += t.norm + " ";
    for (const AskPhrase& a : kAskPhrases)
        if (words.find(" " + std::string(a.phrase) + " ") != std::string::npos)
            return a.ask;
    return QuestionAsk::Other;
}

std::size_t findingsExplained(const KnowledgeBase& kb, const ReferencePath& p,
                              const std::vector<NodeId>& findings) {
    std::size_t count = 0;
    for (NodeId f : findings) {
        bool explained = contains(p.nodes, f);
        for (std::size_t i = 1; !explained && i + 1 < p.nodes.size(); ++i)
            explained = !kb.edgesBetween(p.nodes[i], f).empty();
        count += explained ? 1 : 0;
    }
    return count;
}

std::vector<ReferencePath> clinicalPaths(const KnowledgeBase& kb,
                                         std::vector<ReferencePath> candidates,
                                         const std::vector<NodeId>& findings,
                                         const std::vector<NodeId>& questionConcepts,
                                         QuestionAsk ask, std::size_t k) {
    std::vector<std::pair<std::size_t, ReferencePath>> kept;
    for (ReferencePath& p : candidates) {
        if (!fitsTemplate(kb, p, findings, ask))
            continue;
        bool related = true;
        // Two findings explained, or every finding when the question gives only one.
        const std::size_t needed = std::min<std::size_t>(2, findings.size());
        for (std::size_t i = 1; related && i + 1 < p.nodes.size(); ++i)
            related = contains(questionConcepts, p.nodes[i]) ||
                      neighbouringFindings(kb, p.nodes[i], findings) >= needed;
        if (related)
            kept.emplace_back(findingsExplained(kb, p, findings), std::move(p));
    }
    std::stable_sort(kept.begin(), kept.end(), [](const auto& x, const auto& y) {
        return x.first != y.first ? x.first > y.first : x.second.cost < y.second.cost;
    });
    std::vector<ReferencePath> out;
    for (auto& [explained, p] : kept) {
        if (out.size() >= k)
            break;
        out.push_back(std::move(p));
    }
    return out;
}

std::optional<ReferencePath> modelReferencePath(const KnowledgeBase& kb, const CaseAnalysis& a,
                                                const std::vector<std::string>& mechanisticKinds) {
    if (a.goldNode == kNoNode)
        return std::nullopt;
    struct Link {
        NodeId to;
        std::string relation;
        bool forward;
    };
    std::map<NodeId, std::vector<Link>> links;
    auto link = [&](NodeId x, NodeId y, const std::string& rel, bool forward) {
        links[x].push_back({y, rel, forward});
        links[y].push_back({x, rel, !forward});
    };
    for (const Claim& c : a.claims)
        if (c.owner == ClaimOwner::Model && c.status == ClaimStatus::Supported &&
            c.polarity != Polarity::Negated)
            link(c.head, c.tail, c.relation, true);
    // Entities brought up close together, in one step, and joined by a KG edge: the model's
    // chain even where no relation cue made it a claim. Across steps they are only listed one
    // after another (options weighed in turn: "ankylosing spondylitis ... gout ...
    // osteoarthritis" joined by resembles edges is no route of the model's).
    const auto& P = a.reasoningPath;
    const auto& steps = a.reasoningPathSteps;
    for (std::size_t i = 0; i < P.size(); ++i) {
        for (std::size_t j = i + 1; j < P.size() && j <= i + 3; ++j) {
            if (i < steps.size() && j < steps.size() && steps[i] != steps[j])
                continue;
            for (const EdgeBetween& e : kb.edgesBetween(P[i], P[j])) {
                const std::string_view mk[] = {kb.nodeKind(P[i]), kb.nodeKind(P[j])};
                const bool mech =
                    std::any_of(std::begin(mk), std::end(mk), [&](std::string_view kind) {
                        return std::find(mechanisticKinds.begin(), mechanisticKinds.end(), kind) !=
                               mechanisticKinds.end();
                    });
                if (!mech) {
                    link(P[i], P[j], std::string(kb.relationName(e.relation)), e.forward);
                    break;
                }
            }
        }
    }
    // Breadth first from every question finding the model uses.
    std::map<NodeId, std::pair<NodeId, const Link*>> parent;
    std::vector<NodeId> frontier;
    for (NodeId f : a.evidence)
        if (links.count(f) && parent.emplace(f, std::make_pair(kNoNode, nullptr)).second)
            frontier.push_back(f);
    for (std::size_t i = 0; i < frontier.size() && !parent.count(a.goldNode); ++i)
        for (const Link& l : links[frontier[i]])
            if (parent.emplace(l.to, std::make_pair(frontier[i], &l)).second)
                frontier.push_back(l.to);
    if (!parent.count(a.goldNode) || contains(a.evidence, a.goldNode))
        return std::nullopt;
    ReferencePath p;
    p.origin = "model";
    for (NodeId n = a.goldNode; n != kNoNode; n = parent[n].first) {
        p.nodes.push_back(n);
        if (const Link* l = parent[n].second) {
            p.relations.push_back(l->relation);
            p.forward.push_back(l->forward);
        }
    }
    std::reverse(p.nodes.begin(), p.nodes.end());
    std::reverse(p.relations.begin(), p.relations.end());
    std::reverse(p.forward.begin(), p.forward.end());
    p.cost = double(p.relations.size());
    return p;
}

} // namespace rs
