#pragma once
// Overlap of grounding boxes (docs/design.md "Grounding errors"). Boxes are in pixel (voxel
// index) units of their image: x, y from the top-left corner, w, h the extent; 3D boxes add
// z (first slice) and d (slice count).
#include "Case.h"

#include <string>
#include <string_view>

namespace rs {

// Intersection over union, in [0, 1]. Two 3D boxes are compared as volumes; when only one
// is 3D, or neither, the in-plane rectangles are compared (a 2D box says nothing about
// depth). Empty boxes overlap nothing: 0.
double boxIou(const Box& a, const Box& b);

// Labels as compared for matching: case, surrounding blanks, and '_'/'-'/repeated spaces
// do not count ("Pleural_Thickening" is "pleural thickening").
std::string normalizedBoxLabel(std::string_view label);
bool sameBoxLabel(std::string_view a, std::string_view b);

} // namespace rs
