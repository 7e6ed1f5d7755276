#include "ClaimChecker.h"

#include "FindingKinds.h"

#include <algorithm>
#include <array>
#include <unordered_set>

namespace rs {

namespace {

// Two-hop chains that support a claim relation: h --first--> m --second--> t, each hop
// judged as a claim of that relation. A cause's cause is a cause; a drug that treats a
// disease treats what the disease presents with; a finding of a disease's subtype or cause
// still points to it.
struct Composition {
    std::string_view claim, first, second;
};
constexpr std::array<Composition, 13> kCompositions = {{
    {"causes", "causes", "causes"},
    {"causes", "causes", "presents_with"},
    {"presents_with", "presents_with", "presents_with"},
    {"presents_with", "causes", "presents_with"},
    {"treats", "treats", "presents_with"},
    {"treats", "treats", "causes"},
    {"prevents", "prevents", "causes"},
    {"indicates", "indicates", "indicates"},
    // An evidential claim is a step of the model's path: finding -> intermediate -> diagnosis.
    {kEvidentialRelation, kEvidentialRelation, kEvidentialRelation},
    {"risk_factor_for", "risk_factor_for", "causes"},
    {"risk_factor_for", "causes", "causes"},
    {"associated_with", "causes", "presents_with"},
    {"associated_with", "associated_with", "is_a"},
}};

void appendHop(ClaimEvidence& e, NodeId to, std::string_view relation, bool forward) {
    e.nodes.push_back(to);
    e.relations.emplace_back(relation);
    e.forward.push_back(forward);
}

// a's walk followed by b's walk read backwards (b runs from the far end to the meeting node).
ClaimEvidence joinWalks(const ClaimEvidence& a, std::string_view relation, bool forward,
                        const ClaimEvidence& b) {
    ClaimEvidence e = a;
    appendHop(e, b.nodes.back(), relation, forward);
    for (std::size_t i = b.relations.size(); i-- > 0;)
        appendHop(e, b.nodes[i], b.relations[i], !b.forward[i]);
    return e;
}

ClaimEvidence start(NodeId n) {
    ClaimEvidence e;
    e.nodes.push_back(n);
    return e;
}

} // namespace

ClaimChecker::ClaimChecker(const KnowledgeBase& kb, const Lexicon& lexicon,
                           std::vector<std::string> mechanisticKinds)
    : kb_(kb), lexicon_(lexicon), mechanisticKinds_(std::move(mechanisticKinds)) {}

bool ClaimChecker::mechanistic(NodeId n) const {
    const std::string_view kind = kb_.nodeKind(n);
    return std::find(mechanisticKinds_.begin(), mechanisticKinds_.end(), kind) !=
           mechanisticKinds_.end();
}

ClaimVerdict ClaimChecker::check(NodeId h, std::string_view r, NodeId t, Polarity polarity) const {
    ClaimVerdict v;
    if (h == kNoNode || t == kNoNode || h == t || !lexicon_.isCheckable(r))
        return v;
    // "X is not consistent with Y" judges this case; a KG edge from X to Y does not
    // make the judgement wrong, and the KG's silence never does: an evidential claim is
    // supported or unverified, never contradicted.
    const bool evidential = r == kEvidentialRelation;
    if (polarity == Polarity::Negated && evidential)
        return v;
    if (polarity == Polarity::Negated) {
        // Only the edge itself contradicts a denial: "no X" is consistent with X's relatives.
        if (directEdge(h, r, t, RelationMatch::Supports, v.evidence)) {
            v.status = ClaimStatus::Contradicted;
            v.subtype = findingSubtypeName(FindingSubtype::ContradictedNegation);
            v.evidence.kind = "denied_edge";
        }
        return v;
    }
    // Direct edges first: an edge against the claim outweighs support found further away.
    if (directEdge(h, r, t, RelationMatch::Supports, v.evidence)) {
        v.status = ClaimStatus::Supported;
        v.evidence.kind = "edge";
        return v;
    }
    if (directEdge(h, r, t, RelationMatch::Specificity, v.evidence)) {
        v.status = ClaimStatus::Supported;
        v.evidence.kind = "specificity";
        return v;
    }
    if (!evidential && excludedOnly(h, r, t, v.evidence)) {
        v.status = ClaimStatus::Contradicted;
        v.subtype = findingSubtypeName(FindingSubtype::WrongRelation);
        v.evidence.kind = "excluding_edges";
        return v;
    }
    if ((r == "is_a" && isaAncestor(h, t, v.evidence)) || relativesSupport(h, r, t, v.evidence)) {
        v.status = ClaimStatus::Supported;
        v.evidence.kind = "is_a";
        return v;
    }
    if (chainSupport(h, r, t, v.evidence)) {
        v.status = ClaimStatus::Supported;
        v.evidence.kind = "chain";
        return v;
    }
    // A hedge offers a hypothesis: only evidence against the relation itself counts.
    if (polarity == Polarity::Asserted && !evidential &&
        absentFromCompleteList(h, r, t, v.evidence)) {
        v.status = ClaimStatus::Contradicted;
        v.subtype = findingSubtypeName(FindingSubtype::NotInCompleteList);
        v.evidence.kind = "complete_list";
        return v;
    }
    v.evidence = {};
    return v;
}

bool ClaimChecker::directEdge(NodeId h, std::string_view r, NodeId t, RelationMatch match,
                              ClaimEvidence& out) const {
    for (const EdgeBetween& e : kb_.edgesBetween(h, t)) {
        const std::string_view rel = kb_.relationName(e.relation);
        const bool ok = match == RelationMatch::Supports
                            ? lexicon_.supports(r, rel, e.forward)
                            : lexicon_.differsInSpecificity(r, rel, e.forward);
        if (ok) {
            out = start(h);
            appendHop(out, t, rel, e.forward);
            return true;
        }
    }
    return false;
}

bool ClaimChecker::excludedOnly(NodeId h, std::string_view r, NodeId t, ClaimEvidence& out) const {
    const auto edges = kb_.edgesBetween(h, t);
    if (edges.empty())
        return false;
    out = start(h);
    for (const EdgeBetween& e : edges) {
        const std::string_view rel = kb_.relationName(e.relation);
        if (!lexicon_.excludes(r, rel, e.forward))
            return false;
        // Every excluding edge is cited: nodes repeat t so each relation has its pair.
        if (out.relations.size() < 3)
            appendHop(out, t, rel, e.forward);
    }
    out.nodes.resize(2);
    return true;
}

std::vector<ClaimChecker::Relative> ClaimChecker::relatives(NodeId n, bool up, int levels,
                                                            std::size_t max) const {
    std::vector<Relative> found;
    std::unordered_set<NodeId> seen{n};
    std::vector<Relative> frontier{{n, start(n)}};
    for (int level = 0; level < levels && !frontier.empty() && found.size() < max; ++level) {
        std::vector<Relative> next;
        for (const Relative& from : frontier) {
            for (const NeighbourEdge& e : kb_.neighbours(from.node)) {
                const std::string_view rel = kb_.relationName(e.relation);
                // n is_a m when the edge, read from n's side, supports is_a head to tail.
                if (!lexicon_.supports("is_a", rel, up ? e.forward : !e.forward) ||
                    !seen.insert(e.node).second)
                    continue;
                Relative r{e.node, from.walk};
                appendHop(r.walk, e.node, rel, e.forward);
                next.push_back(r);
                found.push_back(std::move(r));
                if (found.size() >= max)
                    return found;
            }
        }
        frontier = std::move(next);
    }
    return found;
}

bool ClaimChecker::isaAncestor(NodeId h, NodeId t, ClaimEvidence& out) const {
    for (Relative& a : relatives(h, true, kIsaLevels, 4 * kMaxRelatives)) {
        if (a.node == t) {
            out = std::move(a.walk);
            return true;
        }
    }
    return false;
}

bool ClaimChecker::relativesSupport(NodeId h, std::string_view r, NodeId t,
                                    ClaimEvidence& out) const {
    auto family = [&](NodeId n) {
        std::vector<Relative> all{{n, start(n)}};
        for (bool up : {true, false})
            for (Relative& x : relatives(n, up, kRelativeLevels, kMaxRelatives / 2))
                all.push_back(std::move(x));
        return all;
    };
    const std::vector<Relative> hs = family(h), ts = family(t);
    // The pairs share a few relations: whether the lexicon reads each (relation, direction)
    // as support for r is asked once (-1: not yet).
    std::vector<signed char> supportsOf;
    auto supported = [&](const EdgeBetween& e, std::string_view rel) {
        const std::size_t at = std::size_t(e.relation) * 2 + (e.forward ? 1 : 0);
        if (at >= supportsOf.size())
            supportsOf.resize(at + 1, -1);
        if (supportsOf[at] < 0)
            supportsOf[at] = lexicon_.supports(r, rel, e.forward) ? 1 : 0;
        return supportsOf[at] == 1;
    };
    for (const Relative& a : hs) {
        for (const Relative& b : ts) {
            if ((a.node == h && b.node == t) || a.node == b.node)
                continue;
            for (const EdgeBetween& e : kb_.edgesBetween(a.node, b.node)) {
                const std::string_view rel = kb_.relationName(e.relation);
                if (supported(e, rel)) {
                    out = joinWalks(a.walk, rel, e.forward, b.walk);
                    return true;
                }
            }
        }
    }
    return false;
}

bool ClaimChecker::chainSupport(NodeId h, std::string_view r, NodeId t, ClaimEvidence& out) const {
    auto byNode = [](const NeighbourEdge& x, const NeighbourEdge& y) { return x.node < y.node; };
    std::vector<NeighbourEdge> hn = kb_.neighbours(h), tn = kb_.neighbours(t);
    std::sort(hn.begin(), hn.end(), byNode);
    std::sort(tn.begin(), tn.end(), byNode);
    auto holds = [&](std::string_view claim, const NeighbourEdge& e, bool fromHead) {
        // e is seen from h (fromHead) or from t; the hop is read in the chain's direction.
        return lexicon_.supports(claim, kb_.relationName(e.relation),
                                 fromHead ? e.forward : !e.forward);
    };
    auto it = tn.begin();
    for (auto a = hn.begin(); a != hn.end();) {
        const NodeId m = a->node;
        auto aEnd = std::find_if(a, hn.end(), [&](const NeighbourEdge& x) { return x.node != m; });
        it = std::lower_bound(it, tn.end(), *a, byNode);
        if (m != h && m != t && it != tn.end() && it->node == m && !mechanistic(m)) {
            auto bEnd =
                std::find_if(it, tn.end(), [&](const NeighbourEdge& x) { return x.node != m; });
            for (const Composition& c : kCompositions) {
                if (c.claim != r)
                    continue;
                for (auto x = a; x != aEnd; ++x) {
                    if (!holds(c.first, *x, true))
                        continue;
                    for (auto y = it; y != bEnd; ++y) {
                        if (!holds(c.second, *y, false))
                            continue;
                        out = start(h);
                        appendHop(out, m, kb_.relationName(x->relation), x->forward);
                        appendHop(out, t, kb_.relationName(y->relation), !y->forward);
                        return true;
                    }
                }
            }
        }
        a = aEnd;
    }
    return false;
}

bool ClaimChecker::absentFromCompleteList(NodeId h, std::string_view r, NodeId t,
                                          ClaimEvidence& out) const {
    for (const CompleteList& list : lexicon_.completeLists()) {
        if (list.claimRelation != r || kb_.nodeKind(h) != list.headKind ||
            kb_.nodeKind(t) != list.tailKind)
            continue;
        auto covered = [&](NodeId n, bool asHead) {
            for (const NeighbourEdge& e : kb_.neighbours(n))
                if (e.forward == asHead &&
                    Lexicon::inCompleteList(list, kb_.relationName(e.relation)))
                    return true;
            return false;
        };
        if (!covered(h, true) || !covered(t, false))
            continue;
        out = start(h);
        out.nodes.push_back(t);
        out.relations = list.kgRelations;
        out.forward.assign(list.kgRelations.size(), true);
        return true;
    }
    return false;
}

} // namespace rs
