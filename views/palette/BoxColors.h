#pragma once
// The colours of image boxes: the model's boxes orange, the reference boxes cyan, the same
// in the image view and in the report's images and legends.
#include <QColor>

#include <string_view>

namespace rs {

QColor modelBoxColor();
QColor referenceBoxColor();
// The reference colour for source "reference", the model's for anything else.
QColor boxColor(std::string_view source);

} // namespace rs
