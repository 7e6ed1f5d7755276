#pragma once
// Pairs the model boxes of one image with its reference boxes (docs/design.md "Grounding
// errors"). Two views of the same boxes:
// - best: for every box, the box of the other source with the same label that overlaps it
//   most; this is the IoU the box list shows.
// - partner: a one-to-one pairing of same-label model and reference boxes, greedy by
//   descending IoU (the usual detection-evaluation rule; pairs that do not overlap count,
//   last), so two model boxes cannot both claim one reference finding and a duplicate box
//   stays unpaired.
#include "Case.h"

#include <vector>

namespace rs {

struct BoxMatching {
    struct Best {
        int box = -1; // index into the image's boxes, -1: no same-label box of the other source
        double iou = 0;
    };
    std::vector<Best> best;   // one per box
    std::vector<int> partner; // one per box: its one-to-one partner, -1 none
};

bool isModelBox(const Box& b);
bool isReferenceBox(const Box& b);

BoxMatching matchBoxes(const std::vector<Box>& boxes);

} // namespace rs
