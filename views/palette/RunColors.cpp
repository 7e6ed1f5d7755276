#include "RunColors.h"

namespace rs {

QColor interruptedRunColor() {
    return QColor(0xb3, 0x58, 0x06);
}

} // namespace rs
