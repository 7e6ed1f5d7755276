#include "BoxMatcher.h"

#include "BoxGeometry.h"

#include <algorithm>
#include <string>
#include <tuple>

namespace rs {

bool isModelBox(const Box& b) {
    return b.source == "model";
}
bool isReferenceBox(const Box& b) {
    return b.source == "reference";
}

BoxMatching matchBoxes(const std::vector<Box>& boxes) {
    const std::size_t n = boxes.size();
    BoxMatching m;
    m.best.assign(n, {});
    m.partner.assign(n, -1);
    std::vector<std::string> labels(n);
    for (std::size_t i = 0; i < n; ++i)
        labels[i] = normalizedBoxLabel(boxes[i].label);

    // (iou, model, reference) of every same-label pair. Pairs that do not overlap take part
    // too: a model box drawn in the wrong place is then one low-IoU error, not also a missed
    // reference.
    std::vector<std::tuple<double, int, int>> pairs;
    for (std::size_t i = 0; i < n; ++i) {
        if (!isModelBox(boxes[i]))
            continue;
        for (std::size_t j = 0; j < n; ++j) {
            if (!isReferenceBox(boxes[j]) || labels[i] != labels[j])
                continue;
            const double iou = boxIou(boxes[i], boxes[j]);
            if (m.best[i].box < 0 || iou > m.best[i].iou)
                m.best[i] = {int(j), iou};
            if (m.best[j].box < 0 || iou > m.best[j].iou)
                m.best[j] = {int(i), iou};
            pairs.emplace_back(iou, int(i), int(j));
        }
    }
    // Highest IoU first; ties by input order so the result does not depend on sort details.
    std::sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) {
        if (std::get<0>(a) != std::get<0>(b))
            return std::get<0>(a) > std::get<0>(b);
        return std::tie(std::get<1>(a), std::get<2>(a)) < std::tie(std::get<1>(b), std::get<2>(b));
    });
    for (const auto& [iou, model, reference] : pairs) {
        if (m.partner[std::size_t(model)] >= 0 || m.partner[std::size_t(reference)] >= 0)
            continue;
        m.partner[std::size_t(model)] = reference;
        m.partner[std::size_t(reference)] = model;
    }
    return m;
}

} // namespace rs
