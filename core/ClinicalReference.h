#pragma once
// What makes a KG path a clinical reference (docs/error-classes.md, "Reference paths"): it
// follows the question's ask (a treatment question goes findings -> disease -> drug), every
// concept inside it is named by the question or explains at least two of its findings, and
// paths that explain more findings rank first. A path "weight loss -> penicilliosis ->
// candidiasis" is short but explains one finding through a disease the question never
// suggests: noise, not reference reasoning.
#include "CaseAnalysis.h"
#include "KnowledgeBase.h"

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace rs {

enum class QuestionAsk {
    Diagnosis,
    Treatment,
    Mechanism,
    AdverseEffect,
    NextStep,
    RiskFactor,
    Other
};

const char* toString(QuestionAsk ask);

// Whether a question concept of this kind is a clinical finding that reasoning starts from.
// A body part ("head", "eye", "lung") says where, not what: as a path source it links the
// answer through whatever disease localizes there.
bool isFindingKind(std::string_view kind);

// Whether a concept of this kind is a drug or drug class (Hetionet, PrimeKG, the demo KG).
bool isDrugKind(std::string_view kind);

// Whether a concept of this kind is a disease (Hetionet's "Disease", Disease Ontology's
// "disease").
bool isDiseaseKind(std::string_view kind);

// "Generalized anxiety disorder involves excessive worry": a localizes_to claim (cues
// "involves", "affects") whose head is a disease and whose tail a linked symptom or side
// effect names a presentation, not a place: it becomes presents_with. The extractor reads
// words, not kinds; this reads the kinds of the linked ends.
void retypeByKinds(std::vector<Claim>& claims, const KnowledgeBase& kb);

// The ask of a question, read from its last sentence (the one that ends the stem).
QuestionAsk recognizeAsk(std::string_view stem);

// How many of findings lie on p or are KG neighbours of one of its inner nodes.
std::size_t findingsExplained(const KnowledgeBase& kb, const ReferencePath& p,
                              const std::vector<NodeId>& findings);

// The candidates that fit the ask's path template and pass only through concepts the question
// names (questionConcepts) or that explain two or more findings (all, when there is one), ranked by
// findings explained (more first), then cost; at most k.
std::vector<ReferencePath> clinicalPaths(const KnowledgeBase& kb,
                                         std::vector<ReferencePath> candidates,
                                         const std::vector<NodeId>& findings,
                                         const std::vector<NodeId>& questionConcepts,
                                         QuestionAsk ask, std::size_t k);

// The model's own KG-supported route from a question finding to gold: its supported claims
// (of its own reasoning) and KG edges between entities it brings up next to each other,
// searched breadth first. origin "model". nullopt when the route does not reach gold.
std::optional<ReferencePath> modelReferencePath(const KnowledgeBase& kb, const CaseAnalysis& a,
                                                const std::vector<std::string>& mechanisticKinds);

} // namespace rs
