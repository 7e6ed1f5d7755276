#pragma once
// Grounding errors (docs/design.md "Error classes"): where the model's boxes on a case's images
// disagree with the reference boxes. Per image that has reference boxes:
// - low_iou: a model box whose one-to-one same-label partner (BoxMatcher) overlaps it with
//   IoU below the threshold (0 when drawn elsewhere), or that has no same-label reference
//   box left and does not sit on a reference box of another label either;
// - label_mismatch: an unpaired model box that covers a reference box of another label with
//   IoU at or above the threshold (the model saw the right place, called it otherwise);
// - missed_reference: a reference box left without a same-label model box (unless a
//   label_mismatch already names it).
// An unpaired model box that overlaps a same-label reference well is a duplicate and not an
// error. Images without reference boxes cannot be judged and give no findings.
#include "Case.h"
#include "CaseAnalysis.h"
#include "KnowledgeBase.h"

#include <string_view>
#include <vector>

namespace rs {

class GroundingClassifier {
public:
    // kb (optional) links box labels to KG concepts for Finding::nodes.
    explicit GroundingClassifier(double iouThreshold = 0.5, const KnowledgeBase* kb = nullptr);

    // Findings of type Grounding with image and box set; answerWrong raises severities.
    std::vector<Finding> classify(const Case& c, bool answerWrong) const;

    // Minor for low_iou; major for missed_reference and label_mismatch; one level higher
    // when the final answer is wrong, at most critical.
    static Severity severityFor(std::string_view subtype, bool answerWrong);

    double threshold() const { return threshold_; }

private:
    Finding make(const char* subtype, const std::string& label, int image, int box,
                 bool answerWrong) const;

    double threshold_;
    const KnowledgeBase* kb_;
};

} // namespace rs
