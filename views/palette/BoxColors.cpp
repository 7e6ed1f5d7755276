#include "BoxColors.h"

namespace rs {

QColor modelBoxColor() {
    return QColor(255, 140, 0);
} // orange
QColor referenceBoxColor() {
    return QColor(0, 200, 255);
} // cyan

QColor boxColor(std::string_view source) {
    return source == "reference" ? referenceBoxColor() : modelBoxColor();
}

} // namespace rs
