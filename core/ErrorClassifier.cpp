#include "ErrorClassifier.h"

#include "ClinicalReference.h"
#include "FindingKinds.h"
#include "ReasoningPath.h"

#include <algorithm>
#include <cctype>
#include <tuple>

namespace rs {

namespace {

std::string display(std::string_view relation) {
    std::string s(relation);
    std::replace(s.begin(), s.end(), '_', ' ');
    return s;
}

bool contains(const std::vector<NodeId>& v, NodeId n) {
    return std::find(v.begin(), v.end(), n) != v.end();
}

// Kinds compared without case: Disease Ontology's "disease" and Hetionet's "Disease" are one
// kind of concept when the KGs are loaded together.
bool sameKindFamily(std::string_view x, std::string_view y) {
    return x.size() == y.size() && std::equal(x.begin(), x.end(), y.begin(), [](char p, char q) {
               return std::tolower(static_cast<unsigned char>(p)) ==
                      std::tolower(static_cast<unsigned char>(q));
           });
}

// Whether x and y are alternatives at one decision: concepts of one kind (drug kinds of
// different KGs count as one).
bool areAlternatives(std::string_view xKind, std::string_view yKind) {
    return sameKindFamily(xKind, yKind) || (isDrugKind(xKind) && isDrugKind(yKind));
}

} // namespace

ErrorClassifier::ErrorClassifier(const KnowledgeBase& kb, const Lexicon& lexicon,
                                 std::vector<std::string> mechanisticKinds)
    : kb_(kb), lexicon_(lexicon), mechanisticKinds_(std::move(mechanisticKinds)),
      checker_(kb, lexicon, mechanisticKinds_) {}

Severity ErrorClassifier::severityFor(FindingType type, std::string_view subtype,
                                      bool answerWrong) {
    Severity s = Severity::Minor;
    if (type == FindingType::Branch ||
        (type == FindingType::Relation &&
         (subtype == findingSubtypeName(FindingSubtype::WrongRelation) ||
          subtype == findingSubtypeName(FindingSubtype::ContradictedNegation) ||
          subtype == findingSubtypeName(FindingSubtype::NotInCompleteList))))
        s = Severity::Major;
    if (answerWrong)
        s = s == Severity::Minor ? Severity::Major : Severity::Critical;
    return s;
}

std::string ErrorClassifier::name(NodeId n) const {
    if (n == kNoNode || n >= kb_.nodeCount())
        return "?";
    return std::string(kb_.nodeName(n));
}

std::string ErrorClassifier::edgePhrase(NodeId a, const EdgeBetween& e, NodeId b) const {
    const std::string rel = display(kb_.relationName(e.relation));
    return e.forward ? name(a) + " " + rel + " " + name(b) : name(b) + " " + rel + " " + name(a);
}

std::string ErrorClassifier::pathPhrase(const ReferencePath& p) const {
    std::string s;
    for (std::size_t i = 0; i < p.nodes.size(); ++i) {
        if (i > 0)
            s += " \u2192 ";
        s += name(p.nodes[i]);
    }
    return s;
}

bool ErrorClassifier::claimSupported(NodeId head, std::string_view relation, NodeId tail) const {
    for (const EdgeBetween& e : kb_.edgesBetween(head, tail))
        if (lexicon_.supports(relation, kb_.relationName(e.relation), e.forward))
            return true;
    return false;
}

bool ErrorClassifier::mentionedOrRelated(NodeId n, const std::vector<NodeId>& mentioned) const {
    if (std::binary_search(mentioned.begin(), mentioned.end(), n))
        return true;
    for (NodeId m : mentioned)
        for (const EdgeBetween& e : kb_.edgesBetween(n, m))
            if (lexicon_.isSubsumption(kb_.relationName(e.relation)))
                return true;
    return false;
}

void ErrorClassifier::classify(CaseAnalysis& a, bool answerWrong) const {
    classifyClaims(a, answerWrong);
    classifyPaths(a, answerWrong);
}

void ErrorClassifier::classifyPaths(CaseAnalysis& a, bool answerWrong) const {
    branchErrors(a, answerWrong);
    missingErrors(a, answerWrong);
}

void ErrorClassifier::relationErrors(CaseAnalysis& a, bool answerWrong) const {
    std::vector<std::tuple<std::string, NodeId, std::string, NodeId>> reported;
    for (Claim& c : a.claims) {
        if (c.head == kNoNode || c.tail == kNoNode || c.head == c.tail ||
            !lexicon_.isCheckable(c.relation))
            continue;
        // A concept the KG knows only by name (no edges at all, e.g. Hetionet's side
        // effects once their edges are left out) cannot confirm or refute anything: that
        // is the KG's gap, not the model's error.
        if (kb_.degree(c.head) == 0 || kb_.degree(c.tail) == 0) {
            const NodeId bare = kb_.degree(c.head) == 0 ? c.head : c.tail;
            a.coverageGaps.push_back(
                {name(bare), "claim", c.phraseBegin, c.phraseEnd,
                 "the KG has the concept but no relations for it, so the claim '" + name(c.head) +
                     " " + Lexicon::relationPhrase(c.relation) + " " + name(c.tail) +
                     "' cannot be checked"});
            continue;
        }
        // "not typically used for W" does not deny that it treats W: no edge refutes it.
        if (c.polarity == Polarity::Negated && c.deniesNorm)
            continue;
        ClaimVerdict v = checker_.check(c.head, c.relation, c.tail, c.polarity);
        c.status = v.status;
        c.evidence = std::move(v.evidence);
        // Only the model's own reasoning can be its error; one finding per claim.
        if (c.status != ClaimStatus::Contradicted || c.owner != ClaimOwner::Model)
            continue;
        auto key = std::make_tuple(v.subtype, c.head, c.relation, c.tail);
        if (std::find(reported.begin(), reported.end(), key) != reported.end())
            continue;
        reported.push_back(std::move(key));

        Finding f;
        f.type = FindingType::Relation;
        f.subtype = v.subtype;
        f.severity = severityFor(f.type, v.subtype, answerWrong);
        f.step = c.step;
        f.nodes = {c.head, c.tail};
        f.spanBegin = c.phraseBegin;
        f.spanEnd = c.phraseEnd;
        f.explanation = contradictionPhrase(c, v.subtype, a);
        f.signature = "relation/" + v.subtype + "/(" + std::string(kb_.nodeKind(c.head)) + "," +
                      c.relation + "," + std::string(kb_.nodeKind(c.tail)) + ")";
        a.findings.push_back(std::move(f));
    }
}

std::string ErrorClassifier::evidencePhrase(const ClaimEvidence& e) const {
    std::string s;
    if (e.kind == "excluding_edges" || e.kind == "complete_list") {
        for (std::size_t i = 0; i < e.relations.size() && e.nodes.size() == 2; ++i) {
            const bool fw = i >= e.forward.size() || e.forward[i];
            s += (i ? " and " : "") +
                 (fw ? name(e.nodes[0]) + " " + display(e.relations[i]) + " " + name(e.nodes[1])
                     : name(e.nodes[1]) + " " + display(e.relations[i]) + " " + name(e.nodes[0]));
        }
        return s;
    }
    for (std::size_t i = 0; i < e.relations.size() && i + 1 < e.nodes.size(); ++i) {
        const bool fw = i >= e.forward.size() || e.forward[i];
        s += (i ? ", " : "") +
             (fw ? name(e.nodes[i]) + " " + display(e.relations[i]) + " " + name(e.nodes[i + 1])
                 : name(e.nodes[i + 1]) + " " + display(e.relations[i]) + " " + name(e.nodes[i]));
    }
    return s;
}

std::string ErrorClassifier::contradictionPhrase(const Claim& c, const std::string& subtype,
                                                 const CaseAnalysis& a) const {
    const std::string claimText =
        name(c.head) + " " + Lexicon::relationPhrase(c.relation) + " " + name(c.tail);
    if (subtype == findingSubtypeName(FindingSubtype::ContradictedNegation))
        return "Denies that " + claimText + "; the KG has " + evidencePhrase(c.evidence) + ".";
    const std::string verb = c.polarity == Polarity::Hedged ? "Suggests " : "Claims ";
    std::string why;
    if (subtype == findingSubtypeName(FindingSubtype::WrongRelation)) {
        why = verb + claimText + "; the KG relates them only as " + evidencePhrase(c.evidence);
    } else {
        std::string rels;
        for (std::size_t i = 0; i < c.evidence.relations.size(); ++i)
            rels += (i ? " or " : "") + display(c.evidence.relations[i]);
        why = verb + claimText + "; the KG's " + rels + " list is declared complete for " +
              name(c.head) + " and " + name(c.tail) + ", and has no such edge";
    }
    // Answer candidates the explanation may offer as the supported alternative, gold first.
    std::vector<NodeId> alternatives;
    if (a.goldNode != kNoNode)
        alternatives.push_back(a.goldNode);
    for (NodeId o : a.optionNodes)
        if (o != kNoNode && !contains(alternatives, o))
            alternatives.push_back(o);
    for (NodeId z : alternatives) {
        if (z == c.head || z == c.tail)
            continue;
        if (claimSupported(z, c.relation, c.tail)) {
            why += "; " + name(z) + " " + Lexicon::relationPhrase(c.relation) + " " + name(c.tail) +
                   " does exist";
            break;
        }
        if (claimSupported(c.head, c.relation, z)) {
            why += "; " + name(c.head) + " " + Lexicon::relationPhrase(c.relation) + " " + name(z) +
                   " does exist";
            break;
        }
    }
    return why + ".";
}

void ErrorClassifier::branchErrors(CaseAnalysis& a, bool answerWrong) const {
    if (!answerWrong || a.goldNode == kNoNode || a.predictedNode == a.goldNode ||
        a.bestReference < 0 || a.bestReference >= int(a.referencePaths.size()))
        return;
    const ReferencePath& rStar = a.referencePaths[std::size_t(a.bestReference)];
    const std::vector<NodeId>& r = rStar.nodes;
    // A reference through a disease the case gives no grounds for is no better reasoning than
    // the model's.
    if (r.size() < 2 || !pathGroundedInCase(rStar, a))
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
    // A concept of r* that the question itself states (a history, a drug taken) is a given,
    // not a decision: the decision the model could get wrong comes after it.
    while (dRef + 2 < r.size() && r[dRef + 1] != a.goldNode && contains(a.evidence, r[dRef + 1]))
        ++dRef;
    const NodeId d = r[dRef];
    const NodeId y = r[dRef + 1];
    const std::size_t xPos = takenAlternative(a, r, dRef, searchFrom);
    if (xPos == P.size())
        return;
    const NodeId x = P[xPos];
    // A model that infers the reference's next concept itself ("the calcified mass raises
    // concern for gallbladder cancer") and never infers x turned nowhere at d: its answer does
    // not follow from its own reasoning (it misread what the question asks), which is no
    // branch. Inferring both is weighing them, and choosing x is the branch.
    if (infersItself(y, a) && !infersItself(x, a))
        return;
    const bool neighbour = !kb_.edgesBetween(d, x).empty();

    Finding f;
    f.type = FindingType::Branch;
    f.subtype = neighbour ? findingSubtypeName(FindingSubtype::PlausibleBranch)
                          : findingSubtypeName(FindingSubtype::Jump);
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
    const std::string how =
        neighbour ? "a KG neighbour of " + name(d) : "not connected to " + name(d) + " in the KG";
    const std::string concluded =
        a.predictedNode != kNoNode ? name(a.predictedNode) : "another answer";
    // x and y in the same relation to d (both treat the hypertension): d is not what the
    // choice turned on, and the explanation must not say the model turned there. It names
    // the concept of the case that decides between them where the KG has one (decidingConcept).
    const std::optional<std::pair<EdgeBetween, EdgeBetween>> shared = sameRelationTo(d, x, y);
    if (shared) {
        f.explanation = "The model chooses " + name(x) + " where the reference goes on to " +
                        name(y) + ", and concludes " + concluded + " rather than " +
                        name(a.goldNode) + ". The KG has both " + edgePhrase(d, shared->first, x) +
                        " and " + edgePhrase(d, shared->second, y) + ", so " + name(d) +
                        " does not decide between them; ";
        const auto [e, edge] = decidingConcept(a, d, x, y);
        if (e != kNoNode)
            f.nodes.push_back(e); // the fourth node: what decides (FindingWording, missing)
        f.explanation += e != kNoNode
                             ? name(e) + " does: the KG has " + edgePhrase(e, edge, y) +
                                   " and no edge between " + name(x) + " and " + name(e) + "."
                             : "what does is not in the KG.";
        f.signature = std::string(findingTypeName(f.type)) + "/" + name(x) + " over " + name(y);
        a.findings.push_back(std::move(f));
        return;
    }
    if (atEvidence)
        f.explanation = "The reasoning never joins a KG path to " + name(a.goldNode) +
                        ": from the question finding " + name(d) + " the KG leads to " + name(y) +
                        ", but the output turns to " + name(x) + " (" + how + ") and concludes " +
                        concluded + ".";
    else
        f.explanation = "The reasoning follows the KG path to " + name(d) + ", then turns to " +
                        name(x) + " (" + how + ") instead of " + name(y) + ", and concludes " +
                        concluded + " rather than " + name(a.goldNode) + ".";
    f.signature = std::string(findingTypeName(f.type)) + "/" + name(d) + " -> " + name(x);
    a.findings.push_back(std::move(f));
}

void ErrorClassifier::missingErrors(CaseAnalysis& a, bool answerWrong) const {
    if (a.referencePaths.empty())
        return;
    // The model's own KG-supported route to gold is a reference: nothing is missing from it.
    for (const ReferencePath& p : a.referencePaths)
        if (p.origin == "model")
            return;
    std::vector<NodeId> mentioned;
    mentioned.reserve(a.outputMentions.size());
    for (const Mention& m : a.outputMentions)
        if (m.node != kNoNode)
            mentioned.push_back(m.node);
    std::sort(mentioned.begin(), mentioned.end());
    mentioned.erase(std::unique(mentioned.begin(), mentioned.end()), mentioned.end());

    if (a.bestReference >= 0 && a.bestReference < int(a.referencePaths.size()) &&
        pathGroundedInCase(a.referencePaths[std::size_t(a.bestReference)], a)) {
        const ReferencePath& r = a.referencePaths[std::size_t(a.bestReference)];
        // The nodes of r* after a branch's divergence belong to the branch finding.
        std::size_t until = r.nodes.size();
        for (const Finding& f : a.findings)
            if (f.type == FindingType::Branch && !f.nodes.empty())
                for (std::size_t j = 0; j < r.nodes.size(); ++j)
                    if (r.nodes[j] == f.nodes.front())
                        until = std::min(until, j + 1);
        for (std::size_t j = 1; j + 1 < r.nodes.size() && j < until; ++j) {
            const NodeId n = r.nodes[j];
            const std::string_view kind = kb_.nodeKind(n);
            if (std::find(mechanisticKinds_.begin(), mechanisticKinds_.end(), kind) !=
                    mechanisticKinds_.end() ||
                contains(a.evidence, n) || !decisive(n, a) || mentionedOrRelated(n, mentioned) ||
                reasonedThroughAnother(n, mentioned, a))
                continue;
            Finding f;
            f.type = FindingType::Missing;
            f.subtype = findingSubtypeName(FindingSubtype::MissingIntermediate);
            f.severity = severityFor(f.type, f.subtype, answerWrong);
            f.nodes = {n, r.nodes[j - 1], r.nodes[j + 1]};
            f.explanation = "The output never mentions " + name(n) + ", the step between " +
                            name(r.nodes[j - 1]) + " and " + name(r.nodes[j + 1]) +
                            " on the KG path " + pathPhrase(r) + ".";
            f.signature = std::string(findingTypeName(f.type)) + "/" + f.subtype + "/" + name(n);
            a.findings.push_back(std::move(f));
        }
    }

    // Ignored evidence: a question finding only the reference reasoning uses, when the answer
    // is wrong (with a right answer, leaving a finding aside is no error of the conclusion).
    if (!answerWrong)
        return;
    std::vector<NodeId> reported;
    for (const ReferencePath& p : a.referencePaths) {
        if (p.nodes.size() < 2)
            continue;
        const NodeId s = p.nodes.front();
        if (s == a.goldNode || !contains(a.evidence, s) || contains(reported, s) ||
            mentionedOrRelated(s, mentioned) || decidesBranch(s, a))
            continue;
        // A path that reaches gold through another question finding is that finding's evidence,
        // not s's: obesity -> type 2 diabetes -> metformin is the diabetes' path to metformin.
        if (std::any_of(p.nodes.begin() + 1, p.nodes.end() - 1,
                        [&](NodeId n) { return contains(a.evidence, n); }))
            continue;
        // A path through a disease the case gives no grounds for is no reason to use s. A path
        // whose inference the output reaches anyway (it names the diagnosis s would point to)
        // leaves s unrepeated, not ignored: whatever went wrong came after, one root cause.
        if (!pathGroundedInCase(p, a) ||
            std::any_of(p.nodes.begin() + 1, p.nodes.end() - 1,
                        [&](NodeId n) { return mentionedOrRelated(n, mentioned); }))
            continue;
        reported.push_back(s);
        Finding f;
        f.type = FindingType::Missing;
        f.subtype = findingSubtypeName(FindingSubtype::IgnoredEvidence);
        f.severity = severityFor(f.type, f.subtype, answerWrong);
        f.nodes = {s, p.nodes.back()};
        f.explanation = "The question finding " + name(s) + " leads to the answer " +
                        name(p.nodes.back()) + " in the KG (" + pathPhrase(p) +
                        "), but the output never mentions it.";
        f.signature = std::string(findingTypeName(f.type)) + "/" + f.subtype + "/" + name(s);
        a.findings.push_back(std::move(f));
    }
}

bool ErrorClassifier::explains(NodeId n, NodeId finding) const {
    for (const EdgeBetween& e : kb_.edgesBetween(n, finding))
        if (lexicon_.supports("presents_with", kb_.relationName(e.relation), e.forward))
            return true;
    return false;
}

std::vector<NodeId> ErrorClassifier::explainableFindings(const CaseAnalysis& a) const {
    std::vector<NodeId> findings;
    for (NodeId e : a.evidence)
        if (isFindingKind(kb_.nodeKind(e)) && !isDrugKind(kb_.nodeKind(e)))
            findings.push_back(e);
    return findings;
}

bool ErrorClassifier::reasonedThroughAnother(NodeId n, const std::vector<NodeId>& mentioned,
                                             const CaseAnalysis& a) const {
    std::vector<NodeId> ownFindings;
    for (NodeId e : explainableFindings(a))
        if (e != n && explains(n, e))
            ownFindings.push_back(e);
    for (NodeId m : mentioned) {
        if (m == n || !sameKindFamily(kb_.nodeKind(m), kb_.nodeKind(n)) || contains(a.evidence, m))
            continue;
        for (NodeId e : ownFindings)
            if (e != m && explains(m, e))
                return true;
    }
    return false;
}

std::size_t ErrorClassifier::takenAlternative(const CaseAnalysis& a, const std::vector<NodeId>& r,
                                              std::size_t dRef, std::size_t from) const {
    // A branch is an alternative taken at a decision: another diagnosis where the reference
    // has or goes on to a diagnosis, another drug where it goes on to a drug. A finding the
    // model reads off the question data ("fever" from a temperature, "acidosis" from a blood
    // gas) on its way is no such turn, whatever comes after it; the question's own findings
    // on r* are givens, not decisions. A body part says where, not what (isFindingKind).
    auto alternativeOnReference = [&](NodeId n) {
        return std::any_of(r.begin() + std::ptrdiff_t(dRef), r.end(), [&](NodeId m) {
            return !contains(a.evidence, m) && areAlternatives(kb_.nodeKind(n), kb_.nodeKind(m));
        });
    };
    // Concepts on a reference path, the question's findings, and their classes and members
    // ("biguanides" for the metformin the patient takes, "a lung disease" for pneumonia on
    // r*) describe a given or the reference at another specificity: no alternative.
    std::vector<NodeId> settled = a.evidence;
    for (const ReferencePath& p : a.referencePaths)
        settled.insert(settled.end(), p.nodes.begin(), p.nodes.end());
    std::sort(settled.begin(), settled.end());
    // Options the model weighs and drops are not where its reasoning went.
    auto candidate = [&](NodeId n) {
        return !mentionedOrRelated(n, settled) && isFindingKind(kb_.nodeKind(n)) &&
               alternativeOnReference(n) && takenByModel(n, a) &&
               (n == a.predictedNode || !contains(a.optionNodes, n));
    };
    const std::vector<NodeId>& P = a.reasoningPath;
    for (std::size_t k = from; k < P.size(); ++k)
        if (candidate(P[k]))
            return k;
    return P.size();
}

bool ErrorClassifier::takenByModel(NodeId n, const CaseAnalysis& a) const {
    if (n == a.predictedNode)
        return true;
    // Named in the last step, where the answer is given in words when its option is not
    // linked.
    if (!a.steps.empty()) {
        const Step& last = a.steps.back();
        for (const Mention& m : a.outputMentions)
            if (m.node == n && m.begin >= last.begin && m.end <= last.end)
                return true;
    }
    // Related in a statement of its own that it does not deny; a concept named to set it
    // aside ("no mention of elevated uric acid" against gout) is no turn.
    return std::any_of(a.claims.begin(), a.claims.end(), [&](const Claim& c) {
        return (c.head == n || c.tail == n) && c.owner == ClaimOwner::Model &&
               c.polarity != Polarity::Negated;
    });
}

std::optional<std::pair<EdgeBetween, EdgeBetween>>
ErrorClassifier::sameRelationTo(NodeId d, NodeId x, NodeId y) const {
    const std::vector<EdgeBetween> toY = kb_.edgesBetween(d, y);
    for (const EdgeBetween& ex : kb_.edgesBetween(d, x))
        for (const EdgeBetween& ey : toY)
            if (ex.relation == ey.relation && ex.forward == ey.forward)
                return std::pair{ex, ey};
    return std::nullopt;
}

std::pair<NodeId, EdgeBetween> ErrorClassifier::decidingConcept(const CaseAnalysis& a, NodeId d,
                                                                NodeId x, NodeId y) const {
    // A concept of the case (named in the question, or read off it on the model's path: the
    // hypokalemia of a potassium of 2.8) that the KG relates to y and not to x. Another
    // alternative (an option, another drug where x and y are drugs) is no fact of the case,
    // a class ("a beta-blocker") no reason to choose a member.
    std::vector<NodeId> concepts = a.evidence;
    concepts.insert(concepts.end(), a.reasoningPath.begin(), a.reasoningPath.end());
    for (NodeId e : concepts) {
        if (e == d || e == x || e == y || contains(a.optionNodes, e) ||
            areAlternatives(kb_.nodeKind(e), kb_.nodeKind(y)) || !kb_.edgesBetween(e, x).empty())
            continue;
        for (const EdgeBetween& edge : kb_.edgesBetween(e, y))
            if (!lexicon_.isSubsumption(kb_.relationName(edge.relation)))
                return {e, edge};
    }
    return {kNoNode, {}};
}

bool ErrorClassifier::decidesBranch(NodeId n, const CaseAnalysis& a) {
    // The branch finding names n as what decides between x and y: leaving n aside is the root
    // cause that finding already reports.
    return std::any_of(a.findings.begin(), a.findings.end(), [&](const Finding& f) {
        return f.type == FindingType::Branch && f.nodes.size() > 3 && f.nodes[3] == n;
    });
}

bool ErrorClassifier::infersItself(NodeId n, const CaseAnalysis& a) const {
    // Only an inference to n counts: naming n, classing it ("metoprolol is a beta-blocker")
    // or weighing it with a hedge is not concluding it.
    return std::any_of(a.claims.begin(), a.claims.end(), [&](const Claim& c) {
        return c.tail == n && c.owner == ClaimOwner::Model && c.polarity == Polarity::Asserted &&
               (c.relation == "evidential" || c.relation == "indicates");
    });
}

bool ErrorClassifier::groundedInCase(NodeId n, const CaseAnalysis& a) const {
    if (contains(a.evidence, n) || n == a.goldNode || !isDiseaseKind(kb_.nodeKind(n)))
        return true;
    const std::vector<NodeId> findings = explainableFindings(a);
    const auto explained = std::count_if(findings.begin(), findings.end(),
                                         [&](NodeId e) { return e != n && explains(n, e); });
    // One finding cannot single out a disease among all that present it (polyuria: type 1
    // or type 2 diabetes), however few findings the question gives.
    return explained >= 2 && 2 * std::size_t(explained) >= findings.size();
}

bool ErrorClassifier::pathGroundedInCase(const ReferencePath& p, const CaseAnalysis& a) const {
    if (p.origin == "model" || p.origin == "input" || p.nodes.size() < 3)
        return true;
    return std::all_of(p.nodes.begin() + 1, p.nodes.end() - 1,
                       [&](NodeId n) { return groundedInCase(n, a); });
}

bool ErrorClassifier::decisive(NodeId n, const CaseAnalysis& a) const {
    // "Explains two or more of the question's findings" (docs/design.md, Error classes): n
    // presents or causes them. A drug the patient takes is history, not a finding a disease
    // explains, and a disease that merely resembles or treats-links a finding explains nothing.
    std::size_t explained = 0;
    for (NodeId e : explainableFindings(a))
        if (e != n && explains(n, e) && ++explained >= 2)
            return true;
    // Or on every KG reference path to gold, when those paths start from two or more findings
    // (one start says nothing: every path from it passes its first step). A path from a drug
    // the patient takes starts from history, not from a finding.
    std::vector<NodeId> starts;
    for (const ReferencePath& p : a.referencePaths) {
        if (p.origin == "model")
            continue;
        if (!contains(p.nodes, n))
            return false;
        if (!p.nodes.empty() && !isDrugKind(kb_.nodeKind(p.nodes.front())) &&
            !contains(starts, p.nodes.front()))
            starts.push_back(p.nodes.front());
    }
    return starts.size() >= 2;
}

} // namespace rs
