#pragma once
// Decides what the KG says about one claim (h, r, t): supported, contradicted or unverified,
// and the evidence (docs/error-classes.md, "Relation errors"). A KG is never complete, so its
// silence is no evidence: support is looked for first, through the edge itself, through is-a
// relatives of either end (melanoma -> skin cancer -> cancer) and through two-hop chains of
// compatible relations (ischemia -> coronary artery disease -> angina); a claim is
// contradicted only on positive evidence against it:
// - wrong_relation: every KG edge between h and t excludes r (relation-compatibility.tsv rows
//   marked "excludes"); an edge that differs only in specificity is compatible;
// - contradicted_negation: the claim denies an edge the KG has;
// - not_in_complete_list: a source declared complete for r (complete-relations.tsv) covers
//   both ends and has no such edge, not even between their is-a relatives.
#include "CaseAnalysis.h"
#include "KnowledgeBase.h"
#include "Lexicon.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rs {

// The claim relation of the model's inferences about this case ("the elevated calcium
// suggests myeloma"): supported by a KG edge or a two-hop path from finding to diagnosis,
// otherwise unverified; never contradicted (docs/error-classes.md).
inline constexpr std::string_view kEvidentialRelation = "evidential";

struct ClaimVerdict {
    ClaimStatus status = ClaimStatus::Unverified;
    std::string subtype; // for contradicted claims: the relation finding's sub-kind
    ClaimEvidence evidence;
};

class ClaimChecker {
public:
    // mechanisticKinds: node kinds (genes, GO processes) that never serve as the intermediate
    // of a supporting chain: almost any two concepts meet at some gene.
    ClaimChecker(const KnowledgeBase& kb, const Lexicon& lexicon,
                 std::vector<std::string> mechanisticKinds = {});

    ClaimVerdict check(NodeId head, std::string_view relation, NodeId tail,
                       Polarity polarity) const;

    // Levels of is-a walked: up to kIsaLevels for is-a claims, kRelativeLevels for the
    // relatives whose edges support another claim; at most kMaxRelatives relatives per end.
    static constexpr int kIsaLevels = 4;
    static constexpr int kRelativeLevels = 2;
    static constexpr std::size_t kMaxRelatives = 24;

private:
    // A node reached over is-a edges from a start node, with the walk that reached it.
    struct Relative {
        NodeId node = kNoNode;
        ClaimEvidence walk; // from the start node to node
    };

    bool directEdge(NodeId h, std::string_view r, NodeId t, RelationMatch match,
                    ClaimEvidence& out) const;
    bool excludedOnly(NodeId h, std::string_view r, NodeId t, ClaimEvidence& out) const;
    bool isaAncestor(NodeId h, NodeId t, ClaimEvidence& out) const;
    bool relativesSupport(NodeId h, std::string_view r, NodeId t, ClaimEvidence& out) const;
    bool chainSupport(NodeId h, std::string_view r, NodeId t, ClaimEvidence& out) const;
    bool absentFromCompleteList(NodeId h, std::string_view r, NodeId t, ClaimEvidence& out) const;

    // is-a parents (up) or children (down) of n, breadth first, up to levels, at most max.
    std::vector<Relative> relatives(NodeId n, bool up, int levels, std::size_t max) const;
    bool mechanistic(NodeId n) const;

    const KnowledgeBase& kb_;
    const Lexicon& lexicon_;
    std::vector<std::string> mechanisticKinds_;
};

} // namespace rs
