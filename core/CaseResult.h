#pragma once
// The analysed case as it is stored and shown: what CaseAnalysis derived, with every
// NodeId resolved to its name (so it stays readable without the knowledge graph it was
// computed against), together with the case's identity and its images. This is what the
// project file keeps per case and what `analyze --json` writes in "cases"; every view,
// report and `show` reads this one type. CaseResultCodec turns it into that JSON and back.
//
// Spans are UTF-8 byte offsets: into Case::output, except coverage gaps found in the
// question (Gap::where == "question") and a reading finding's questionSpan.
#include "CaseAnalysis.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace rs {

struct Case;
class KnowledgeBase;

struct CaseResult {
    struct Span {
        std::size_t begin = 0, end = 0;
        bool empty() const { return end <= begin; }
        bool operator==(const Span&) const = default;
    };

    // A KG concept by name: what a NodeId becomes once stored.
    struct Concept {
        std::string name, kind, key;
        bool operator==(const Concept&) const = default;
    };

    struct Anchors {
        std::optional<Concept> gold, predicted; // the answers' concepts, when linked
        int goldOption = -1, predictedOption = -1;
        std::vector<std::string> evidence; // linked question-stem findings
        std::vector<std::string> options;  // one per option, "" when unlinked
        bool operator==(const Anchors&) const = default;
    };

    struct PathNode {
        std::optional<Concept> kgConcept; // absent only for a node the KG did not have
        int step = -1;                    // step of the output that mentions it
        bool operator==(const PathNode&) const = default;
    };

    // A KG path: nodes[i] --relations[i]--> nodes[i+1]; forward[i] is false where the
    // KG edge points from nodes[i+1] to nodes[i].
    struct ReferencePath {
        std::vector<std::string> nodes, kinds, relations;
        std::vector<bool> forward;
        double cost = 0;
        std::string origin; // "kg" or "input"
        bool operator==(const ReferencePath&) const = default;
    };

    struct Finding {
        // False when the stored entry could not be read at all (it was no JSON object). It
        // keeps its place so that indexes stay those of the stored array: reviews and the
        // store's finding rows refer to findings by position.
        bool readable = true;
        std::optional<FindingType> type;  // nullopt: a type this version does not know
        std::string subtype;              // see FindingSubtype for the known ones
        std::optional<Severity> severity; // nullopt: none given, or one not known here
        int step = -1;
        std::vector<std::string> nodes;
        Span span;
        Span questionSpan; // reading findings: what the question says, in Case::question
        std::string explanation;
        std::string signature;
        int image = -1, box = -1; // grounding findings: which image and box
        bool operator==(const Finding&) const = default;
    };

    struct Gap {
        std::string text;
        std::string where; // "question", "output", "option A", "gold", "prediction", "claim"
        Span span;
        std::string reason;
        bool operator==(const Gap&) const = default;
    };

    struct Step {
        Span span;
        std::string kind; // "numbered", "bullet", "paragraph", "sentence"
        bool operator==(const Step&) const = default;
    };

    struct Mention {
        Span span;
        std::string node;            // concept name
        std::optional<double> score; // 1.0 exact name, lower for synonyms and fuzzy matches
        std::string matched;
        bool operator==(const Mention&) const = default;
    };

    struct Claim {
        int step = -1;
        // The ends: a KG concept's name, or, where headLinked/tailLinked is false, the
        // sentence's phrase for a concept the KG does not have (never checked).
        std::string head, relation, tail;
        Span headSpan, tailSpan;
        bool headLinked = true, tailLinked = true;
        std::optional<Polarity> polarity;
        Span span;
        std::string cue;
        std::string owner;                 // whose claim: "model", "rejected_option", ...
        std::optional<ClaimStatus> status; // not written when unset
        // The construction it was read from; unset in projects written before patterns were
        // recorded, and then not written.
        std::optional<ClaimPattern> pattern;
        // The KG walk or edges the status rests on (ClaimEvidence with names); not written
        // when kind is empty.
        struct Evidence {
            std::string kind;
            std::vector<std::string> nodes, relations;
            std::vector<bool> forward;
            bool operator==(const Evidence&) const = default;
        } evidence;
        bool operator==(const Claim&) const = default;
    };

    struct ImageBox {
        std::string label, source;
        double x = 0, y = 0, w = 0, h = 0;
        std::optional<double> z, d; // 3D boxes only
        int bestMatch = -1;         // best same-label box of the other source, -1 none
        std::optional<double> iou;  // with bestMatch
        bool operator==(const ImageBox&) const = default;
    };

    struct Image {
        std::string path, modality;
        std::vector<ImageBox> boxes;
        std::string problem; // why it cannot be shown; "" when it can
        bool operator==(const Image&) const = default;
    };

    // The case.
    std::string id, run, model, questionId;
    std::string sourceFile;
    std::size_t sourceRecord = 0;
    std::optional<bool> correct;
    std::string prediction, gold;

    // What the analysis found.
    Anchors anchors;
    std::string unanchoredReason; // non-empty when no reference paths could be built
    std::vector<PathNode> reasoningPath;
    std::vector<ReferencePath> referencePaths;
    int bestReference = -1;
    std::vector<Finding> findings;
    std::vector<Image> images;
    std::vector<Gap> coverageGaps;
    std::vector<Step> steps;
    std::vector<Mention> mentions; // in the output
    std::vector<Claim> claims;

    bool operator==(const CaseResult&) const = default;

    // The text of the finding's type as shown: its name, or "" when unknown.
    static const char* typeName(const Finding& f);
    // The finding at index, or nullptr when there is none or it could not be read.
    const Finding* finding(int index) const;
};

// The result of analysing c against kb: NodeIds resolved to names, the images with their
// box matching and problems.
CaseResult makeCaseResult(const Case& c, const CaseAnalysis& a, const KnowledgeBase& kb);

} // namespace rs
