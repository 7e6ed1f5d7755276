#pragma once
// The colour of each finding class, shared by every view so that "red" means a relation
// error in the dashboard, the text, the path diagram and the concept map alike.
#include <QColor>
#include <QString>

namespace rs {

// "relation", "branch", "missing", "grounding"; a neutral grey for anything else.
QColor findingTypeColor(const QString& type);

} // namespace rs
