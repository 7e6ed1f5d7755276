#pragma once
// What the path diagram of one analysed case shows, before anything is drawn: the concepts
// (the model's reasoning path, the KG reference paths, concepts findings name) and the edges
// between them, each edge classified by what the analysis found about it, and the notes a
// tooltip explains it with. The window's path view (views/PathScene) and the report's
// diagram (graph/PathDiagram) both draw this one model, so they cannot classify an edge
// differently. Plain C++: reports are written headless.
//
// Alignment of the model's path with the reference paths: a concept on both is one node,
// and an edge of the model between two concepts adjacent on some reference path is marked
// EdgeOnKgPath (KG-supported). Reference paths are added best-aligned (r*) first.
#include "CaseResult.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace rs {

struct PathDiagramModel {
    enum class NodeStatus {
        OnPath = 1,    // on the model's reasoning path
        Reference = 2, // only on reference paths
        Missing = 3,   // a concept a missing finding says the output should have used
    };
    enum NodeFlag {
        NodeGold = 0x1,        // the gold answer
        NodePredicted = 0x2,   // the model's answer
        NodeBranchPoint = 0x4, // d of a branch finding: where the model left r*
        NodeMissing = 0x8,
        NodeEvidence = 0x10, // a finding linked from the question
        // The concept of the case that decides a branch whose two alternatives relate to d
        // alike ("Chooses x over y"): where the decision really lies.
        NodeDecider = 0x20,
    };

    // Priority order when several apply: RelationError > Branch > Supported / Unverified
    // (model edges) > Missing > Reference.
    enum class EdgeStatus {
        Supported = 1,     // model edge the KG backs: a claim with no relation finding, or a
                           // step between concepts adjacent on a reference path
        Unverified = 2,    // consecutive concepts with no claim and no KG edge on any
                           // reference path, or a hedged claim
        RelationError = 3, // the two concepts of a relation finding
        Branch = 4,        // the edge d -> x along which the model left the reference path
        Reference = 5,     // a reference-path edge the model did not take
        Missing = 6,       // a reference edge into a concept the output never mentioned
    };
    enum EdgeFlag {
        EdgeModel = 0x1,    // part of the reasoning path (sequence or claim)
        EdgeClaim = 0x2,    // a claim was extracted between the two concepts
        EdgeOnKgPath = 0x4, // the two concepts are adjacent on some reference path
        EdgeRelationError = 0x8,
        EdgeBranch = 0x10,
        EdgeReference = 0x20,
        EdgeMissing = 0x40,
    };
    enum class Direction { Forward, Back, None };

    // One reason a node or edge is there; a view turns it into a tooltip line.
    struct Note {
        enum Kind {
            Mentioned,        // node: the step that mentions it (index: step)
            ReasoningOrder,   // edge: consecutive on the model's path
            Claim,            // edge: index into CaseResult::claims
            Finding,          // index into CaseResult::findings
            FindingInStep,    // the same, quoting the finding's step
            KgEdge,           // edge: reference path index, position: its edge position
            ShouldBeUsedWith, // edge from a missing concept to its context (index: finding)
        };
        Kind kind;
        int index = -1;
        int position = -1;
    };

    // An edge's label: a relation, maybe denied or hedged in a claim, or the branch marker.
    struct Label {
        enum Kind { None, Relation, NegatedRelation, HedgedRelation, Branch } kind = None;
        std::string relation; // as stored ("risk_factor_for")
        bool empty() const { return kind == None || (kind == Relation && relation.empty()); }
    };

    struct Concept {
        std::string name;
        std::string kind;
        int step = -1;
        bool onPath = false;
        bool onReference = false;
        int flags = 0; // NodeFlag
        std::vector<Note> notes;
        NodeStatus status() const;
    };

    struct Edge {
        std::string from, to; // as laid out; direction says which way the arrow points
        Label label;
        Direction direction = Direction::Forward;
        int flags = 0; // EdgeFlag
        int weight = 1;
        bool constraint = true; // false: may not reorder the row (claims across it)
        bool directionFromClaim = false;
        // A claim the KG supports (status supported; in a project written before claim
        // statuses, an asserted or denied claim the relation check ran on with no finding).
        bool supportedClaim = false;
        std::vector<Note> notes;
        EdgeStatus status() const; // the one that sets its colour
    };

    std::vector<Concept> concepts; // the model's concepts first, then the others
    std::vector<Edge> edges;

    const Concept* findConcept(const std::string& name) const;
    const Edge* findEdge(const std::string& a, const std::string& b) const; // either direction

    // Builds the diagram model of one case.
    static PathDiagramModel build(const CaseResult& result);

private:
    std::unordered_map<std::string, std::size_t> conceptIndex_;
    std::unordered_map<std::string, std::size_t> edgeIndex_;
    friend struct PathDiagramBuilder;
};

} // namespace rs
