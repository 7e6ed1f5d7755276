#include "ErrorClassifier.h"

#include "FindingKinds.h"
#include "ReasoningPath.h"

#include <algorithm>
#include <tuple>

namespace rs {

namespace {

std::string display(std::string_view relation)
{
    std::string s(relation);
    std::replace(s.begin(), s.end(), '_', ' ');
    return s;
}

bool contains(const std::vector<NodeId>& v, NodeId n)
{
    return std::find(v.begin(), v.end(), n) != v.end();
}

// Unsupported claims each cost one bounded path search; a pathological output with
// hundreds of them must not stall a batch.
constexpr int kMaxConnectionSearches = 16;

} // namespace

ErrorClassifier::ErrorClassifier(const KnowledgeBase& kb, const Lexicon& lexicon, int connectionHops,
                                 std::vector<std::string> mechanisticKinds)
    : kb_(kb), lexicon_(lexicon), connectionHops_(connectionHops), mechanisticKinds_(std::move(mechanisticKinds))
{
}

Severity ErrorClassifier::severityFor(FindingType type, std::string_view subtype, bool answerWrong)
{
    Severity s = Severity::Minor;
    if (type == FindingType::Branch ||
        (type == FindingType::Relation && (subtype == findingSubtypeName(FindingSubtype::WrongRelation) || subtype == findingSubtypeName(FindingSubtype::ContradictedNegation))))
        s = Severity::Major;
    if (answerWrong)
        s = s == Severity::Minor ? Severity::Major : Severity::Critical;
    return s;
}

std::string ErrorClassifier::name(NodeId n) const
{
    if (n == kNoNode || n >= kb_.nodeCount())
        return "?";
    return std::string(kb_.nodeName(n));
}

std::string ErrorClassifier::edgePhrase(NodeId a, const EdgeBetween& e, NodeId b) const
{
    const std::string rel = display(kb_.relationName(e.relation));
    return e.forward ? name(a) + " " + rel + " " + name(b) : name(b) + " " + rel + " " + name(a);
}

std::string ErrorClassifier::pathPhrase(const ReferencePath& p) const
{
    std::string s;
    for (std::size_t i = 0; i < p.nodes.size(); ++i) {
        if (i > 0)
            s += " \u2192 ";
        s += name(p.nodes[i]);
    }
    return s;
}

bool ErrorClassifier::claimSupported(NodeId head, std::string_view relation, NodeId tail) const
{
    for (const EdgeBetween& e : kb_.edgesBetween(head, tail))
        if (lexicon_.supports(relation, kb_.relationName(e.relation), e.forward))
            return true;
    return false;
}

bool ErrorClassifier::mentionedOrRelated(NodeId n, const std::vector<NodeId>& mentioned) const
{
    if (std::binary_search(mentioned.begin(), mentioned.end(), n))
        return true;
    for (NodeId m : mentioned)
        for (const EdgeBetween& e : kb_.edgesBetween(n, m))
            if (lexicon_.isSubsumption(kb_.relationName(e.relation)))
                return true;
    return false;
}

void ErrorClassifier::classify(CaseAnalysis& a, bool answerWrong) const
{
    relationErrors(a, answerWrong);
    branchErrors(a, answerWrong);
    missingErrors(a, answerWrong);
}

void ErrorClassifier::relationErrors(CaseAnalysis& a, bool answerWrong) const
{
    std::vector<std::tuple<std::string, NodeId, std::string, NodeId>> reported;
    int connectionSearches = 0;

    // Answer candidates the explanation may offer as the supported alternative, gold first.
    std::vector<NodeId> alternatives;
    if (a.goldNode != kNoNode)
        alternatives.push_back(a.goldNode);
    for (NodeId o : a.optionNodes)
        if (o != kNoNode && !contains(alternatives, o))
            alternatives.push_back(o);
    auto alternative = [&](NodeId h, const std::string& rel, NodeId t) -> std::string {
        for (NodeId z : alternatives) {
            if (z == h || z == t)
                continue;
            if (claimSupported(z, rel, t))
                return name(z) + " " + Lexicon::relationPhrase(rel) + " " + name(t);
            if (claimSupported(h, rel, z))
                return name(h) + " " + Lexicon::relationPhrase(rel) + " " + name(z);
        }
        return {};
    };

    for (const Claim& c : a.claims) {
        if (c.head == kNoNode || c.tail == kNoNode || c.head == c.tail || !lexicon_.isCheckable(c.relation))
            continue;
        const auto edges = kb_.edgesBetween(c.head, c.tail);
        const EdgeBetween* supporting = nullptr;
        for (const EdgeBetween& e : edges)
            if (!supporting && lexicon_.supports(c.relation, kb_.relationName(e.relation), e.forward))
                supporting = &e;

        // A concept the KG knows only by name (no edges at all, e.g. Hetionet's side
        // effects once their edges are left out) cannot confirm or refute anything: that
        // is the KG's gap, not the model's error.
        if (edges.empty() && (kb_.degree(c.head) == 0 || kb_.degree(c.tail) == 0)) {
            const NodeId bare = kb_.degree(c.head) == 0 ? c.head : c.tail;
            a.coverageGaps.push_back({name(bare), "claim", c.phraseBegin, c.phraseEnd,
                                      "the KG has the concept but no relations for it, so the claim '" +
                                          name(c.head) + " " + Lexicon::relationPhrase(c.relation) + " " +
                                          name(c.tail) + "' cannot be checked"});
            continue;
        }

        std::string subtype;
        if (c.polarity == Polarity::Negated)
            subtype = supporting ? findingSubtypeName(FindingSubtype::ContradictedNegation) : "";
        else if (supporting)
            subtype = "";
        else if (!edges.empty())
            subtype = findingSubtypeName(FindingSubtype::WrongRelation);
        else if (c.polarity == Polarity::Asserted)
            subtype = findingSubtypeName(FindingSubtype::Unsupported); // a hedge offers a hypothesis; only a known-wrong one counts
        if (subtype.empty())
            continue;
        auto key = std::make_tuple(subtype, c.head, c.relation, c.tail);
        if (std::find(reported.begin(), reported.end(), key) != reported.end())
            continue;
        reported.push_back(std::move(key));

        const std::string claimText = name(c.head) + " " + Lexicon::relationPhrase(c.relation) + " " + name(c.tail);
        const std::string verb = c.polarity == Polarity::Hedged ? "Suggests " : "Claims ";
        std::string why;
        if (subtype == findingSubtypeName(FindingSubtype::ContradictedNegation)) {
            why = "Denies that " + claimText + "; the KG has " + edgePhrase(c.head, *supporting, c.tail);
        } else if (subtype == findingSubtypeName(FindingSubtype::WrongRelation)) {
            why = verb + claimText + "; the KG relates them only as ";
            for (std::size_t i = 0; i < edges.size() && i < 3; ++i)
                why += (i ? " and " : "") + edgePhrase(c.head, edges[i], c.tail);
        } else {
            why = verb + claimText + "; the KG has no such edge";
            std::vector<ReferencePath> connection;
            if (connectionHops_ >= 2 && connectionSearches++ < kMaxConnectionSearches)
                connection = kb_.referencePaths({c.head}, c.tail, 1, connectionHops_);
            if (!connection.empty() && connection.front().nodes.size() >= 2) {
                const ReferencePath& p = connection.front();
                why += "; the closest KG connection is ";
                for (std::size_t i = 0; i + 1 < p.nodes.size(); ++i) {
                    const bool forward = i >= p.forward.size() || p.forward[i];
                    const std::string rel = i < p.relations.size() ? display(p.relations[i]) : "?";
                    why += (i ? " and " : "") +
                           (forward ? name(p.nodes[i]) + " " + rel + " " + name(p.nodes[i + 1])
                                    : name(p.nodes[i + 1]) + " " + rel + " " + name(p.nodes[i]));
                }
            } else {
                why += " and no connection within " + std::to_string(connectionHops_) + " hops";
            }
        }
        if (subtype != findingSubtypeName(FindingSubtype::ContradictedNegation)) {
            const std::string alt = alternative(c.head, c.relation, c.tail);
            if (!alt.empty())
                why += "; " + alt + " does exist";
        }
        why += ".";

        Finding f;
        f.type = FindingType::Relation;
        f.subtype = subtype;
        f.severity = severityFor(f.type, subtype, answerWrong);
        f.step = c.step;
        f.nodes = {c.head, c.tail};
        f.spanBegin = c.phraseBegin;
        f.spanEnd = c.phraseEnd;
        f.explanation = std::move(why);
        f.signature = std::string(findingTypeName(f.type)) + "/" + subtype + "/(" + std::string(kb_.nodeKind(c.head)) + "," + c.relation +
                      "," + std::string(kb_.nodeKind(c.tail)) + ")";
        a.findings.push_back(std::move(f));
    }
}

void ErrorClassifier::branchErrors(CaseAnalysis& a, bool answerWrong) const
{
    if (!answerWrong || a.goldNode == kNoNode || a.predictedNode == a.goldNode || a.bestReference < 0 ||
        a.bestReference >= int(a.referencePaths.size()))
        return;
    const std::vector<NodeId>& r = a.referencePaths[std::size_t(a.bestReference)].nodes;
    if (r.size() < 2)
        return;
    const std::vector<NodeId>& P = a.reasoningPath;

    // d: the last node of r* the reasoning reaches before r*'s end; with none, the
    // reasoning never joined any reference path and diverges at the evidence itself.
    const PathAlignment al = alignPaths(P, r);
    bool atEvidence = true;
    std::size_t dRef = 0, searchFrom = 0;
    for (auto it = al.pairs.rbegin(); it != al.pairs.rend(); ++it) {
        if (it->second + 1 < r.size()) {
            atEvidence = false;
            dRef = it->second;
            searchFrom = it->first + 1;
            break;
        }
    }
    const NodeId d = r[dRef];
    const NodeId y = r[dRef + 1];

    auto onReference = [&](NodeId n) {
        for (const ReferencePath& p : a.referencePaths)
            if (contains(p.nodes, n))
                return true;
        return false;
    };
    // Restated question findings and the options the model weighs and drops are not where
    // its reasoning went; the branch is the first other concept off every reference path.
    auto candidate = [&](NodeId n) {
        if (n == d || onReference(n) || contains(a.evidence, n))
            return false;
        return n == a.predictedNode || !contains(a.optionNodes, n);
    };
    std::size_t xPos = P.size();
    for (std::size_t k = searchFrom; k < P.size(); ++k) {
        if (candidate(P[k])) {
            xPos = k;
            break;
        }
    }
    if (xPos == P.size())
        return;
    const NodeId x = P[xPos];
    const bool neighbour = !kb_.edgesBetween(d, x).empty();

    Finding f;
    f.type = FindingType::Branch;
    f.subtype = neighbour ? findingSubtypeName(FindingSubtype::PlausibleBranch) : findingSubtypeName(FindingSubtype::Jump);
    f.severity = severityFor(f.type, f.subtype, answerWrong);
    f.step = xPos < a.reasoningPathSteps.size() ? a.reasoningPathSteps[xPos] : -1;
    f.nodes = {d, x, y};
    for (const Mention& m : a.outputMentions) {
        if (m.node == x) {
            f.spanBegin = m.begin;
            f.spanEnd = m.end;
            break;
        }
    }
    const std::string how = neighbour ? "a KG neighbour of " + name(d) : "not connected to " + name(d) + " in the KG";
    const std::string concluded = a.predictedNode != kNoNode ? name(a.predictedNode) : "another answer";
    if (atEvidence)
        f.explanation = "The reasoning never joins a KG path to " + name(a.goldNode) + ": from the question finding " +
                        name(d) + " the KG leads to " + name(y) + ", but the output turns to " + name(x) + " (" +
                        how + ") and concludes " + concluded + ".";
    else
        f.explanation = "The reasoning follows the KG path to " + name(d) + ", then turns to " + name(x) + " (" + how +
                        ") instead of " + name(y) + ", and concludes " + concluded + " rather than " +
                        name(a.goldNode) + ".";
    f.signature = std::string(findingTypeName(f.type)) + "/" + name(d) + " -> " + name(x);
    a.findings.push_back(std::move(f));
}

void ErrorClassifier::missingErrors(CaseAnalysis& a, bool answerWrong) const
{
    if (a.referencePaths.empty())
        return;
    std::vector<NodeId> mentioned;
    mentioned.reserve(a.outputMentions.size());
    for (const Mention& m : a.outputMentions)
        if (m.node != kNoNode)
            mentioned.push_back(m.node);
    std::sort(mentioned.begin(), mentioned.end());
    mentioned.erase(std::unique(mentioned.begin(), mentioned.end()), mentioned.end());

    if (a.bestReference >= 0 && a.bestReference < int(a.referencePaths.size())) {
        const ReferencePath& r = a.referencePaths[std::size_t(a.bestReference)];
        for (std::size_t j = 1; j + 1 < r.nodes.size(); ++j) {
            const NodeId n = r.nodes[j];
            const std::string_view kind = kb_.nodeKind(n);
            if (std::find(mechanisticKinds_.begin(), mechanisticKinds_.end(), kind) != mechanisticKinds_.end() ||
                mentionedOrRelated(n, mentioned))
                continue;
            Finding f;
            f.type = FindingType::Missing;
            f.subtype = findingSubtypeName(FindingSubtype::MissingIntermediate);
            f.severity = severityFor(f.type, f.subtype, answerWrong);
            f.nodes = {n, r.nodes[j - 1], r.nodes[j + 1]};
            f.explanation = "The output never mentions " + name(n) + ", the step between " + name(r.nodes[j - 1]) +
                            " and " + name(r.nodes[j + 1]) + " on the KG path " + pathPhrase(r) + ".";
            f.signature = std::string(findingTypeName(f.type)) + "/" + f.subtype + "/" + name(n);
            a.findings.push_back(std::move(f));
        }
    }

    std::vector<NodeId> reported;
    for (const ReferencePath& p : a.referencePaths) {
        if (p.nodes.size() < 2)
            continue;
        const NodeId s = p.nodes.front();
        if (s == a.goldNode || !contains(a.evidence, s) || contains(reported, s) || mentionedOrRelated(s, mentioned))
            continue;
        reported.push_back(s);
        Finding f;
        f.type = FindingType::Missing;
        f.subtype = findingSubtypeName(FindingSubtype::IgnoredEvidence);
        f.severity = severityFor(f.type, f.subtype, answerWrong);
        f.nodes = {s, p.nodes.back()};
        f.explanation = "The question finding " + name(s) + " leads to the answer " + name(p.nodes.back()) +
                        " in the KG (" + pathPhrase(p) + "), but the output never mentions it.";
        f.signature = std::string(findingTypeName(f.type)) + "/" + f.subtype + "/" + name(s);
        a.findings.push_back(std::move(f));
    }
}

} // namespace rs
