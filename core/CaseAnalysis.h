#pragma once
// What the analysis derives from one Case: steps, mentions, claims, anchors, the model's
// reasoning path, KG reference paths and the classified findings. NodeIds refer to the
// KnowledgeBase the analysis ran against; serializers resolve them to names.
#include "Ids.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rs {

// A segment of the output: numbered item, bullet, paragraph or sentence.
struct Step {
    std::size_t begin = 0, end = 0; // byte offsets into Case::output
    std::string kind;               // "numbered", "bullet", "paragraph", "sentence"
};

// A text span linked to a KG node.
struct Mention {
    std::size_t begin = 0, end = 0; // byte offsets into the text that was linked
    NodeId node = kNoNode;
    double score = 0;    // 1.0 exact name, lower for synonym/abbreviation/fuzzy
    std::string matched; // the dictionary form that matched
};

enum class Polarity { Asserted, Negated, Hedged };

// Whose statement a claim is. Only the model's own reasoning is checked: a restated question
// fact, an option the model is rejecting ("A is incorrect because ...") and a relative's or
// another person's history are read, shown, and never raised as the model's error.
enum class ClaimOwner { Model, QuestionRestatement, RejectedOption, OtherPerson };

// The construction of the sentence a claim was read from (ClaimExtractor), so that a reader
// can tell a claim the words state outright from one the extractor inferred over a list, a
// clause or a label; docs/error-classes.md, Extraction, lists them with an example each.
// Direct: the concepts right beside a relation cue. Coordination: an end is an item of a list
// ("A, B and C suggest D"). RelativeClause: a relative clause carries the head ("X is a Y
// that causes Z", "X, which presents with Y, is treated with Z"). Apposition: "X - an
// agent that blocks Y". CausalChain: "X causes A, leading to B" (A causes B). ActionEffect:
// "X blocks Y, leading to Z" (X causes Z). ItemLabel: a pronoun stands for an item's label
// ("B) X: This is a treatment for Y"). SuchAs: objects listed after a class ("presents
// with symptoms such as A and B", "including A"), or a class's claim said of its examples
// ("treats autoimmune diseases such as A"). Copular: "X is a common cause of Y".
// SecondPredicate: a predicate after a conjunction takes its clause's subject ("X crosses
// the placenta and can cause Y"). FrontedEvidence: an opening "given" phrase is evidence for
// the disease the main clause weighs ("Given A and B, W is likely").
enum class ClaimPattern {
    Direct,
    Coordination,
    RelativeClause,
    Apposition,
    CausalChain,
    ActionEffect,
    ItemLabel,
    SuchAs,
    Copular,
    SecondPredicate,
    FrontedEvidence
};

// What the KG says about a claim. Unverified is the KG's silence: shown, never an error.
enum class ClaimStatus { Unverified, Supported, Contradicted };

// The KG evidence a claim status rests on, as a walk nodes[i] --relations[i]-- nodes[i+1]
// (forward[i]: the edge points nodes[i] -> nodes[i+1]). kind: "edge" (a supporting edge),
// "is_a" (an is-a chain, or an edge between is-a relatives of the ends), "chain" (two
// compatible edges through an intermediate), "specificity" (an edge whose relation differs
// from the claim's only in how specific it is), "denied_edge" (the edge a negation denies),
// and two that are not walks: "excluding_edges" (nodes are the claim's ends, relations the
// edges between them, forward[i] telling each edge's direction; all exclude the claimed
// relation) and "complete_list" (nodes are the claim's ends, relations the KG relations of
// the list declared complete, which has no such edge).
struct ClaimEvidence {
    std::string kind;
    std::vector<NodeId> nodes;
    std::vector<std::string> relations;
    std::vector<bool> forward;
};

// (head, relation, tail) asserted in a step. relation is a canonical claim relation
// (treats, causes, presents_with, indicates, associated_with, localizes_to,
// contraindicated_for, is_a, resembles, ...).
struct Claim {
    int step = -1;
    NodeId head = kNoNode;
    NodeId tail = kNoNode;
    std::string relation;
    Polarity polarity = Polarity::Asserted;
    std::size_t begin = 0, end = 0;             // the sentence span in Case::output
    std::string cue;                            // the cue text that gave the relation
    std::size_t phraseBegin = 0, phraseEnd = 0; // first mention start to second mention end
    // Each end's span in Case::output. An end with no KG concept (head or tail kNoNode) is a
    // noun phrase of the sentence, headText/tailText: such a claim is never checked, only
    // shown as unverified (the KG's coverage gap, not the model's error).
    std::size_t headBegin = 0, headEnd = 0, tailBegin = 0, tailEnd = 0;
    std::string headText, tailText;
    ClaimOwner owner = ClaimOwner::Model;
    // A denial of a norm ("not typically used for", "not the first-line treatment for",
    // "not the best choice for"): it says the relation is not the usual one, not that it
    // does not hold, so a KG edge does not contradict it (ErrorClassifier).
    bool deniesNorm = false;
    ClaimPattern pattern = ClaimPattern::Direct; // the construction it was read from
    ClaimStatus status = ClaimStatus::Unverified;
    ClaimEvidence evidence; // empty kind when unverified
};

// A KG path: nodes[i] --relations[i]--> nodes[i+1]; forward[i] is false where the KG edge
// points from nodes[i+1] to nodes[i].
struct ReferencePath {
    std::vector<NodeId> nodes;
    std::vector<std::string> relations;
    std::vector<bool> forward;
    double cost = 0;
    std::string origin; // "kg" (search) or "input" (gold path supplied with the case)
};

enum class FindingType { Relation, Branch, Missing, Grounding, Reading };
enum class Severity { None, Minor, Major, Critical };

// Stored names; the tables (and display labels) are in FindingKinds.h.
const char* toString(FindingType t);
const char* toString(Severity s);
const char* toString(Polarity p);
const char* toString(ClaimOwner o);
const char* toString(ClaimStatus s);
const char* toString(ClaimPattern p);
std::optional<Polarity> polarityFromName(std::string_view name);
std::optional<ClaimOwner> claimOwnerFromName(std::string_view name);
std::optional<ClaimStatus> claimStatusFromName(std::string_view name);
std::optional<ClaimPattern> claimPatternFromName(std::string_view name);

struct Finding {
    FindingType type = FindingType::Relation;
    std::string subtype; // wrong_relation, not_in_complete_list, contradicted_negation,
                         // plausible_branch, jump, missing_intermediate, ignored_evidence, ...
    Severity severity = Severity::Minor;
    int step = -1; // step index in the output, -1 when not tied to a step
    std::vector<NodeId> nodes;
    std::size_t spanBegin = 0, spanEnd = 0; // span in Case::output (empty when none)
    std::string explanation;                // one sentence a clinician can read
    std::string signature;                  // what recurring patterns are grouped by
    int image = -1;                         // grounding: index into Case::images, -1 otherwise
    int box = -1; // grounding: index into that image's boxes, -1 otherwise
    // reading: what the question says (a value, a stated finding, a patient fact), in
    // Case::question; the span above is the output's judgement of it. Empty otherwise.
    std::size_t questionSpanBegin = 0, questionSpanEnd = 0;
};

// An entity the linker could not place in the KG. Never counted as a model error.
struct CoverageGap {
    std::string text;
    std::string where; // "question", "output", "option A", "gold", "prediction", "claim"
    std::size_t begin = 0, end = 0; // in Case::question for "question", in Case::output for
                                    // "output" and "claim"; 0, 0 for answers and gold paths
    std::string reason;
};

// An image of the case that cannot be shown, and why (missing, unreadable, unknown format).
struct ImageProblem {
    int image = -1; // index into Case::images
    std::string path;
    std::string reason;
};

struct CaseAnalysis {
    std::vector<Step> steps;
    std::vector<Mention> questionMentions;
    std::vector<Mention> outputMentions; // offsets into Case::output
    std::vector<Claim> claims;

    std::vector<NodeId> evidence;    // linked question-stem findings
    std::vector<NodeId> optionNodes; // one per Case::options entry; kNoNode when unlinked
    int goldOption = -1, predictedOption = -1;
    NodeId goldNode = kNoNode;
    NodeId predictedNode = kNoNode;
    std::string unanchoredReason; // non-empty when no reference paths could be built
    std::string questionAsk;      // diagnosis, treatment, mechanism, ... (ClinicalReference.h)

    std::vector<NodeId> reasoningPath;   // ordered linked entities, conclusion last
    std::vector<int> reasoningPathSteps; // step of each reasoningPath node
    std::vector<ReferencePath> referencePaths;
    int bestReference = -1; // index of r* in referencePaths, -1 when none

    std::vector<Finding> findings;
    std::vector<CoverageGap> coverageGaps;
    std::vector<ImageProblem> imageProblems;
};

} // namespace rs
