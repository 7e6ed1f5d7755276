#pragma once
// The colour of each finding class and each review verdict, shared by every view and the
// report, so that "red" means a relation error, and green a confirmed finding, everywhere.
#include <QColor>
#include <QString>

namespace rs {

// "relation", "branch", "missing", "grounding"; a neutral grey for anything else.
QColor findingTypeColor(const QString& type);
// "confirmed", "rejected", "unsure"; the same grey for "unreviewed" and anything else.
QColor verdictColor(const QString& verdict);

} // namespace rs
