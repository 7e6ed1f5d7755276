#include "PathDiagramModel.h"

#include "FindingKinds.h"

#include <algorithm>

namespace rs {

using Model = PathDiagramModel;

Model::NodeStatus Model::Concept::status() const {
    return onPath                  ? NodeStatus::OnPath
           : (flags & NodeMissing) ? NodeStatus::Missing
                                   : NodeStatus::Reference;
}

Model::EdgeStatus Model::Edge::status() const {
    if (flags & EdgeRelationError)
        return EdgeStatus::RelationError;
    if (flags & EdgeBranch)
        return EdgeStatus::Branch;
    if (flags & EdgeModel)
        return supportedClaim || (flags & EdgeOnKgPath) ? EdgeStatus::Supported
                                                        : EdgeStatus::Unverified;
    if (flags & EdgeMissing)
        return EdgeStatus::Missing;
    return EdgeStatus::Reference;
}

namespace {

std::string pairKey(const std::string& a, const std::string& b) {
    return a < b ? a + '\x1f' + b : b + '\x1f' + a;
}

} // namespace

const Model::Concept* Model::findConcept(const std::string& name) const {
    const auto it = conceptIndex_.find(name);
    return it == conceptIndex_.end() ? nullptr : &concepts[it->second];
}

const Model::Edge* Model::findEdge(const std::string& a, const std::string& b) const {
    const auto it = edgeIndex_.find(pairKey(a, b));
    return it == edgeIndex_.end() ? nullptr : &edges[it->second];
}

// Adds what each part of the result says, in the order the window has always drawn it:
// the reasoning path, claims, findings, reference paths (r* first), then the links of
// missing concepts. Later parts only add flags and notes to what earlier ones created.
struct PathDiagramBuilder {
    Model m;
    const CaseResult& r;

    Model::Concept* find(const std::string& name) {
        const auto it = m.conceptIndex_.find(name);
        return it == m.conceptIndex_.end() ? nullptr : &m.concepts[it->second];
    }

    Model::Concept& ensure(const std::string& name, const std::string& kind) {
        auto it = m.conceptIndex_.find(name);
        if (it == m.conceptIndex_.end()) {
            it = m.conceptIndex_.emplace(name, m.concepts.size()).first;
            Model::Concept c;
            c.name = name;
            c.kind = kind;
            m.concepts.push_back(std::move(c));
        }
        Model::Concept& c = m.concepts[it->second];
        if (c.kind.empty())
            c.kind = kind;
        return c;
    }

    // A concept the model's own text uses (a claim's or finding's end): on its row.
    void ensureOnPath(const std::string& name) {
        if (!find(name))
            ensure(name, {}).onPath = true;
    }

    Model::Edge* findEdge(const std::string& a, const std::string& b) {
        const auto it = m.edgeIndex_.find(pairKey(a, b));
        return it == m.edgeIndex_.end() ? nullptr : &m.edges[it->second];
    }

    Model::Edge& edge(const std::string& from, const std::string& to, bool* created = nullptr) {
        Model::Edge* existing = findEdge(from, to);
        if (created)
            *created = !existing;
        if (existing)
            return *existing;
        m.edgeIndex_.emplace(pairKey(from, to), m.edges.size());
        Model::Edge e;
        e.from = from;
        e.to = to;
        m.edges.push_back(std::move(e));
        return m.edges.back();
    }

    // An edge the model's text asserts across its row: it must not reorder the row.
    Model::Edge& crossEdge(const std::string& a, const std::string& b) {
        bool created = false;
        Model::Edge& e = edge(a, b, &created);
        if (created)
            e.constraint = false;
        return e;
    }

    // The model's reasoning path: one chain in reading order, heavy so dot keeps it a row.
    void addReasoningPath() {
        std::string previous;
        for (const CaseResult::PathNode& n : r.reasoningPath) {
            const std::string name = n.kgConcept ? n.kgConcept->name : std::string();
            if (name.empty() || find(name))
                continue;
            Model::Concept& node = ensure(name, n.kgConcept->kind);
            node.onPath = true;
            node.step = n.step;
            node.notes.push_back({Model::Note::Mentioned, n.step});
            if (!previous.empty()) {
                Model::Edge& e = edge(previous, name);
                e.flags |= Model::EdgeModel;
                e.weight = 8;
                e.notes.push_back({Model::Note::ReasoningOrder});
            }
            previous = name;
        }
    }

    // Claims: the relation the model stated between two of its concepts.
    void addClaims() {
        for (std::size_t i = 0; i < r.claims.size(); ++i) {
            const CaseResult::Claim& cl = r.claims[i];
            // A phrase the KG has no concept for is no node of the path.
            if (cl.head.empty() || cl.tail.empty() || cl.head == cl.tail || !cl.headLinked ||
                !cl.tailLinked)
                continue;
            ensureOnPath(cl.head);
            ensureOnPath(cl.tail);
            Model::Edge& e = crossEdge(cl.head, cl.tail);
            e.flags |= Model::EdgeModel | Model::EdgeClaim;
            // A claim the KG neither supports nor contradicts is unverified, not a
            // KG-supported step ("Montelukast is not typically used for COPD": no check).
            // Projects written before claim statuses: hedged claims are exempt from the
            // check, so the absence of a finding says nothing about them.
            const bool hedged = cl.polarity == Polarity::Hedged;
            if (cl.status ? *cl.status == ClaimStatus::Supported : !hedged)
                e.supportedClaim = true;
            if (!e.directionFromClaim) {
                e.label = {hedged                             ? Model::Label::HedgedRelation
                           : cl.polarity == Polarity::Negated ? Model::Label::NegatedRelation
                                                              : Model::Label::Relation,
                           cl.relation};
                e.direction =
                    e.from == cl.head ? Model::Direction::Forward : Model::Direction::Back;
                e.directionFromClaim = true;
            }
            e.notes.push_back({Model::Note::Claim, int(i)});
        }
    }

    void addFindings() {
        for (std::size_t i = 0; i < r.findings.size(); ++i) {
            const CaseResult::Finding& f = r.findings[i];
            if (!f.readable)
                continue;
            std::vector<std::string> nodes;
            for (const std::string& n : f.nodes)
                if (!n.empty())
                    nodes.push_back(n);
            const Model::Note note{Model::Note::Finding, int(i)};
            const Model::Note inStep{Model::Note::FindingInStep, int(i)};
            if ((f.type == FindingType::Relation || f.type == FindingType::Branch) &&
                nodes.size() >= 2) {
                ensureOnPath(nodes[0]);
                ensureOnPath(nodes[1]);
                Model::Edge& e = crossEdge(nodes[0], nodes[1]);
                e.notes.push_back(inStep);
                if (f.type == FindingType::Relation) {
                    e.flags |= Model::EdgeModel | Model::EdgeRelationError;
                    continue;
                }
                e.flags |= Model::EdgeModel | Model::EdgeBranch;
                if (e.label.empty())
                    e.label = {Model::Label::Branch, {}}; // the colour alone is not enough in print
                // "Chooses x over y": x and y relate to d alike, so d decided nothing; the
                // concept that does (nodes[3], when the KG has one) takes the mark.
                const bool choice = f.signature.find(" over ") != std::string::npos;
                if (!choice) {
                    Model::Concept* d = find(nodes[0]);
                    d->flags |= Model::NodeBranchPoint;
                    d->notes.push_back(note);
                } else if (Model::Concept* decider = nodes.size() >= 4 ? find(nodes[3]) : nullptr) {
                    decider->flags |= Model::NodeDecider;
                    decider->notes.push_back(note);
                }
            } else if (f.type == FindingType::Missing && !nodes.empty()) {
                // nodes[0] is the concept the output never used; the others are context.
                Model::Concept& missing = ensure(nodes[0], {});
                if (!missing.onPath)
                    missing.flags |= Model::NodeMissing;
                missing.notes.push_back(note);
            } else {
                for (const std::string& n : nodes)
                    if (Model::Concept* known = find(n))
                        known->notes.push_back(inStep);
            }
        }
    }

    void addReferencePath(int k, bool best) {
        const CaseResult::ReferencePath& p = r.referencePaths[std::size_t(k)];
        const auto at = [](const std::vector<std::string>& v, std::size_t i) {
            return i < v.size() ? v[i] : std::string();
        };
        for (std::size_t i = 0; i < p.nodes.size(); ++i) {
            const std::string& name = p.nodes[i];
            if (name.empty())
                continue;
            ensure(name, at(p.kinds, i)).onReference = true;
            if (i + 1 >= p.nodes.size() || p.nodes[i + 1].empty())
                continue;
            const std::string& next = p.nodes[i + 1];
            const std::string relation = at(p.relations, i);
            const bool forward = i < p.forward.size() ? bool(p.forward[i]) : true;
            bool created = false;
            Model::Edge& e = edge(name, next, &created);
            if (created) {
                e.flags |= Model::EdgeReference;
                e.label = {Model::Label::Relation, relation};
                e.direction = forward ? Model::Direction::Forward : Model::Direction::Back;
                e.weight = best ? 3 : 1;
            } else if (e.flags & Model::EdgeModel) {
                e.flags |= Model::EdgeOnKgPath;
                if (e.label.empty()) {
                    e.label = {Model::Label::Relation, relation};
                    const bool kgFromTail = forward ? e.from == name : e.from == next;
                    e.direction = kgFromTail ? Model::Direction::Forward : Model::Direction::Back;
                }
            }
            e.notes.push_back({Model::Note::KgEdge, k, int(i)});
        }
    }

    // Reference paths, r* first so it sits nearest the model row.
    void addReferencePaths() {
        const int n = int(r.referencePaths.size());
        const int best = r.bestReference;
        if (best >= 0 && best < n)
            addReferencePath(best, true);
        for (int k = 0; k < n; ++k)
            if (k != best)
                addReferencePath(k, false);
    }

    // A missing concept on no reference path still needs a link to what it relates to.
    void linkMissingConcepts() {
        for (std::size_t i = 0; i < r.findings.size(); ++i) {
            const CaseResult::Finding& f = r.findings[i];
            if (!f.readable || f.type != FindingType::Missing || f.nodes.size() < 2)
                continue;
            const std::string& missing = f.nodes[0];
            const std::string& other = f.nodes[1];
            const Model::Concept* c = find(missing);
            if (!c || c->onReference || c->onPath || !find(other) || findEdge(missing, other))
                continue;
            Model::Edge& e = edge(missing, other);
            e.flags |= Model::EdgeReference;
            e.direction = Model::Direction::None;
            e.notes.push_back({Model::Note::ShouldBeUsedWith, int(i)});
        }
        for (Model::Edge& e : m.edges) {
            const Model::Concept* from = find(e.from);
            const Model::Concept* to = find(e.to);
            if ((from && (from->flags & Model::NodeMissing)) ||
                (to && (to->flags & Model::NodeMissing)))
                e.flags |= Model::EdgeMissing;
        }
    }

    void markAnchors() {
        if (r.anchors.gold)
            if (Model::Concept* g = find(r.anchors.gold->name))
                g->flags |= Model::NodeGold;
        if (r.anchors.predicted)
            if (Model::Concept* p = find(r.anchors.predicted->name))
                p->flags |= Model::NodePredicted;
        for (const std::string& name : r.anchors.evidence)
            if (Model::Concept* e = find(name))
                e->flags |= Model::NodeEvidence;
    }

    // Model concepts first: dot orders each rank by first appearance, which puts the model
    // row on top.
    void orderConcepts() {
        std::stable_sort(
            m.concepts.begin(), m.concepts.end(),
            [](const Model::Concept& x, const Model::Concept& y) { return x.onPath > y.onPath; });
        m.conceptIndex_.clear();
        for (std::size_t i = 0; i < m.concepts.size(); ++i)
            m.conceptIndex_.emplace(m.concepts[i].name, i);
    }
};

PathDiagramModel PathDiagramModel::build(const CaseResult& result) {
    PathDiagramBuilder b{{}, result};
    b.addReasoningPath();
    b.addClaims();
    b.addFindings();
    b.addReferencePaths();
    b.linkMissingConcepts();
    b.markAnchors();
    b.orderConcepts();
    return std::move(b.m);
}

} // namespace rs
