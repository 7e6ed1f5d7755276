#include "GroundingClassifier.h"

#include "FindingKinds.h"

#include "BoxGeometry.h"
#include "BoxMatcher.h"

#include <cstdio>
#include <filesystem>

namespace rs {

namespace {

std::string fixed2(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

std::string imageName(const ImageRef& im) {
    const std::string name = std::filesystem::path(im.path).filename().string();
    return name.empty() ? im.path : name;
}

std::string quoted(const std::string& label) {
    return label.empty() ? "(unlabelled)" : label;
}

} // namespace

GroundingClassifier::GroundingClassifier(double iouThreshold, const KnowledgeBase* kb)
    : threshold_(iouThreshold), kb_(kb) {}

Severity GroundingClassifier::severityFor(std::string_view subtype, bool answerWrong) {
    Severity s =
        subtype == findingSubtypeName(FindingSubtype::LowIou) ? Severity::Minor : Severity::Major;
    if (answerWrong)
        s = s == Severity::Minor ? Severity::Major : Severity::Critical;
    return s;
}

Finding GroundingClassifier::make(const char* subtype, const std::string& label, int image, int box,
                                  bool answerWrong) const {
    Finding f;
    f.type = FindingType::Grounding;
    f.subtype = subtype;
    f.severity = severityFor(subtype, answerWrong);
    f.image = image;
    f.box = box;
    if (kb_)
        if (const auto n = kb_->findByName(label))
            f.nodes.push_back(*n);
    // Grouped by label, so "misses Nodule" recurring over cases becomes one pattern.
    f.signature =
        std::string(findingTypeName(f.type)) + "/" + subtype + "/" + normalizedBoxLabel(label);
    return f;
}

std::vector<Finding> GroundingClassifier::classify(const Case& c, bool answerWrong) const {
    std::vector<Finding> out;
    const std::string limit = fixed2(threshold_);
    for (std::size_t im = 0; im < c.images.size(); ++im) {
        const ImageRef& image = c.images[im];
        const std::vector<Box>& boxes = image.boxes;
        bool hasReference = false;
        for (const Box& b : boxes)
            hasReference = hasReference || isReferenceBox(b);
        if (!hasReference)
            continue;
        const std::string where = " (image " + imageName(image) + ")";
        const BoxMatching m = matchBoxes(boxes);
        std::vector<bool> namedByMismatch(boxes.size(), false);

        for (std::size_t i = 0; i < boxes.size(); ++i) {
            const Box& b = boxes[i];
            if (!isModelBox(b))
                continue;
            const std::string label = quoted(b.label);
            if (const int p = m.partner[i]; p >= 0) {
                const double iou = boxIou(b, boxes[std::size_t(p)]);
                if (iou >= threshold_)
                    continue;
                Finding f = make(findingSubtypeName(FindingSubtype::LowIou), b.label, int(im),
                                 int(i), answerWrong);
                f.explanation = "The model's " + label + " box overlaps the reference " + label +
                                " box with IoU " + fixed2(iou) + ", below the threshold " + limit +
                                where + ".";
                out.push_back(std::move(f));
                continue;
            }
            if (m.best[i].box >= 0 && m.best[i].iou >= threshold_)
                continue; // a duplicate of a box that already matched this reference
            // The reference box of another label this box covers best, if well enough.
            int other = -1;
            double otherIou = 0;
            for (std::size_t j = 0; j < boxes.size(); ++j) {
                if (!isReferenceBox(boxes[j]) || sameBoxLabel(boxes[j].label, b.label))
                    continue;
                const double iou = boxIou(b, boxes[j]);
                if (iou >= threshold_ && iou > otherIou) {
                    other = int(j);
                    otherIou = iou;
                }
            }
            if (other >= 0) {
                namedByMismatch[std::size_t(other)] = true;
                Finding f = make(findingSubtypeName(FindingSubtype::LabelMismatch), b.label,
                                 int(im), int(i), answerWrong);
                f.explanation = "The model labels " + label + " a region the reference labels " +
                                quoted(boxes[std::size_t(other)].label) + " (IoU " +
                                fixed2(otherIou) + ")" + where + ".";
                out.push_back(std::move(f));
                continue;
            }
            Finding f = make(findingSubtypeName(FindingSubtype::LowIou), b.label, int(im), int(i),
                             answerWrong);
            if (m.best[i].box < 0)
                f.explanation = "The model marks " + label + ", but there is no reference " +
                                label + " box and the box covers no other reference finding" +
                                where + ".";
            else
                f.explanation = "The model's " + label + " box misses the reference " + label +
                                " box (IoU " + fixed2(m.best[i].iou) + ", threshold " + limit +
                                ")" + where + ".";
            out.push_back(std::move(f));
        }

        for (std::size_t j = 0; j < boxes.size(); ++j) {
            const Box& b = boxes[j];
            if (!isReferenceBox(b) || m.partner[j] >= 0 || namedByMismatch[j])
                continue;
            Finding f = make(findingSubtypeName(FindingSubtype::MissedReference), b.label, int(im),
                             int(j), answerWrong);
            f.explanation = "The reference marks " + quoted(b.label) + where +
                            "; the model drew no box of that label for it.";
            out.push_back(std::move(f));
        }
    }
    return out;
}

} // namespace rs
