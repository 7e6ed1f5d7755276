#pragma once
// Runs the per-case analysis (docs/design.md "Pipeline", steps 3-6): segment the output, link
// question, options, answers and output to the KG, extract claims, build reference paths
// from the evidence to the gold answer, form the reasoning path, pick r* and classify.
// analyze() is const and keeps no state, so one analyzer serves every worker thread.
#include "Case.h"
#include "CaseAnalysis.h"
#include "ClaimExtractor.h"
#include "ErrorClassifier.h"
#include "GroundingClassifier.h"
#include "KnowledgeBase.h"
#include "Lexicon.h"
#include "TextNormalizer.h"

#include <string>
#include <string_view>
#include <vector>

namespace rs {

namespace reading {
class ReadingChecker;
}

struct AnalysisSettings {
    int k = 5;       // reference paths per case
    int maxHops = 4; // longest reference path
    double minOptionCoverage =
        0.4; // share of an answer text one mention must cover to stand for it
    double iouThreshold =
        0.5; // grounding: a model box below this IoU with its reference box is an error
    // "blood" of "blood pressure", "syndrome" of "IPEX syndrome" are no mentions (MentionFilter.h)
    bool dropModifierMentions = true;
    // Node kinds of molecular mechanism: no clinical reasoning is expected to name them, so
    // they are never a missing intermediate, and the pipeline keeps them out of the inside
    // of reference paths (ReferencePathFinder's interiorExcludedKinds).
    std::vector<std::string> mechanisticKinds = {"Gene",
                                                 "gene/protein",
                                                 "Biological Process",
                                                 "Molecular Function",
                                                 "Cellular Component",
                                                 "Pathway",
                                                 "biological_process",
                                                 "molecular_function",
                                                 "cellular_component",
                                                 "pathway"};
    ClaimSettings claims;
};

class CaseAnalyzer {
public:
    CaseAnalyzer(const KnowledgeBase& kb, const Lexicon& lexicon, AnalysisSettings settings = {});

    CaseAnalysis analyze(const Case& c) const;

    const AnalysisSettings& settings() const { return settings_; }

    // Reading errors (the output contradicts the question's own data) need the reference
    // ranges; without a checker none are looked for. The checker must outlive the analyzer.
    void setReadingChecker(const reading::ReadingChecker* checker) { reading_ = checker; }

    // The node an answer text stands for: its whole text as a KG name, else the longest
    // linked mention (modifiers excluded) covering at least minOptionCoverage of its
    // letters; kNoNode otherwise.
    NodeId anchorAnswer(std::string_view text) const;

    // End of the question stem: where an option list appended to the question begins.
    static std::size_t stemEnd(std::string_view question, const std::vector<AnswerOption>& options);

private:
    // KnowledgeBase::link, ordered, without modifier mentions (when so set). tokens:
    // tokenize(text), which the linker reuses.
    std::vector<Mention> link(std::string_view text, const std::vector<Token>& tokens,
                              std::vector<CoverageGap>* gaps, std::string_view where) const;
    void addReadingFindings(const Case& c, std::size_t stem, bool answerWrong,
                            CaseAnalysis& a) const;

    const KnowledgeBase& kb_;
    const Lexicon& lexicon_;
    AnalysisSettings settings_;
    ClaimExtractor claims_;
    ErrorClassifier classifier_;
    GroundingClassifier grounding_;
    const reading::ReadingChecker* reading_ = nullptr;
};

} // namespace rs
