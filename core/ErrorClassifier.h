#pragma once
// Classifies what went wrong in one analysed case, by the definitions of docs/design.md "Error
// classes": relation errors (a claim the KG gives evidence against), branch errors (the
// reasoning leaves the best reference path for a node on none) and missing errors (a
// decisive intermediate or a question finding the output never uses). Coverage gaps are
// the KG's shortcoming, not the model's, and never become findings here.
#include "CaseAnalysis.h"
#include "ClaimChecker.h"
#include "KnowledgeBase.h"
#include "Lexicon.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rs {

class ErrorClassifier {
public:
    // Interior reference nodes of a mechanisticKinds kind (genes, pathways) are never
    // reported missing, nor the intermediate of a chain that supports a claim.
    ErrorClassifier(const KnowledgeBase& kb, const Lexicon& lexicon,
                    std::vector<std::string> mechanisticKinds = {});

    // Appends all findings to a.findings. a must have claims, anchors, reasoning path,
    // reference paths and bestReference filled in. answerWrong raises every severity.
    void classify(CaseAnalysis& a, bool answerWrong) const;
    // classify() in two halves: claim statuses and relation findings first (the model's own
    // reference path is built from the supported claims), then branch and missing findings.
    void classifyClaims(CaseAnalysis& a, bool answerWrong) const { relationErrors(a, answerWrong); }
    void classifyPaths(CaseAnalysis& a, bool answerWrong) const;

    void relationErrors(CaseAnalysis& a, bool answerWrong) const;
    void branchErrors(CaseAnalysis& a, bool answerWrong) const;
    void missingErrors(CaseAnalysis& a, bool answerWrong) const;

    // Minor by default; major for wrong_relation, contradicted_negation, not_in_complete_list and
    // every branch error; one level higher when the final answer is wrong, at most critical.
    static Severity severityFor(FindingType type, std::string_view subtype, bool answerWrong);

private:
    std::string name(NodeId n) const;
    std::string edgePhrase(NodeId a, const EdgeBetween& e, NodeId b) const;
    std::string pathPhrase(const ReferencePath& p) const;
    bool claimSupported(NodeId head, std::string_view relation, NodeId tail) const;
    std::string evidencePhrase(const ClaimEvidence& e) const;
    std::string contradictionPhrase(const Claim& c, const std::string& subtype,
                                    const CaseAnalysis& a) const;
    // Whether the output names n itself or a direct is-a parent or child of it.
    bool mentionedOrRelated(NodeId n, const std::vector<NodeId>& mentioned) const;
    // Whether the KG says n presents or causes finding (a disease its symptom, a drug its
    // adverse effect): what "n explains a finding" means for missing intermediates.
    bool explains(NodeId n, NodeId finding) const;
    // The question's findings an intermediate can explain: no body parts, no drugs taken.
    std::vector<NodeId> explainableFindings(const CaseAnalysis& a) const;
    // A decisive intermediate: explains two or more question findings, or lies on every KG
    // reference path when those start from two or more findings.
    bool decisive(NodeId n, const CaseAnalysis& a) const;
    // Whether n may stand on a reference path as the patient's own condition: the question
    // names it, or it is no disease, or it accounts for the case (explains two or more of the
    // question's findings and at least half of them). Any other disease is a hypothesis of the
    // KG search: COPD explains the dyspnea and crackles of an atypical pneumonia, not its
    // fever, headache and myalgia.
    bool groundedInCase(NodeId n, const CaseAnalysis& a) const;
    // A branch's taken node: the first node of the reasoning path from `from` on that is an
    // alternative to a node of r (r*) from dRef on and that the model took; the path's size
    // when there is none.
    std::size_t takenAlternative(const CaseAnalysis& a, const std::vector<NodeId>& r,
                                 std::size_t dRef, std::size_t from) const;
    // Whether the model went to n: its answer, named in its last step, or related in a claim
    // of its own that it does not deny.
    bool takenByModel(NodeId n, const CaseAnalysis& a) const;
    // An edge of the same relation and direction from d to x and from d to y, if any.
    std::optional<std::pair<EdgeBetween, EdgeBetween>> sameRelationTo(NodeId d, NodeId x,
                                                                      NodeId y) const;
    // A concept of the case the KG relates to y but not to x, with that edge; kNoNode if none.
    std::pair<NodeId, EdgeBetween> decidingConcept(const CaseAnalysis& a, NodeId d, NodeId x,
                                                   NodeId y) const;
    // A branch finding of a already names n as the concept that decides its choice.
    static bool decidesBranch(NodeId n, const CaseAnalysis& a);
    // The model concludes n in an asserted claim of its own (a finding suggests or indicates n).
    bool infersItself(NodeId n, const CaseAnalysis& a) const;
    // Every concept inside p is grounded in the case. The model's own route and a path the
    // input gives are references by origin.
    bool pathGroundedInCase(const ReferencePath& p, const CaseAnalysis& a) const;
    // Whether the output names another concept of n's kind (not a question finding) that
    // explains (presents or causes) one of the question findings n explains: the model reasoned
    // through its own intermediate (COPD where the KG's path runs through asthma), so n is not
    // missing.
    bool reasonedThroughAnother(NodeId n, const std::vector<NodeId>& mentioned,
                                const CaseAnalysis& a) const;

    const KnowledgeBase& kb_;
    const Lexicon& lexicon_;
    std::vector<std::string> mechanisticKinds_;
    ClaimChecker checker_;
};

} // namespace rs
