#pragma once
// The colour that marks a run whose analysis was interrupted (a part of its file stored),
// the same in the run filter and in the case table's Run column: amber, apart from the
// finding classes and the verdicts.
#include <QColor>

namespace rs {

QColor interruptedRunColor();

} // namespace rs
