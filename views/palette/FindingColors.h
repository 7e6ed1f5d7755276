#pragma once
// The colour of each finding class and each review verdict, shared by every view and the
// report, so that "red" means a relation error, and green a confirmed finding, everywhere.
#include "CaseAnalysis.h"

#include <QColor>
#include <QString>

#include <optional>

namespace rs {

QColor findingTypeColor(FindingType type);
// A neutral grey for a type this version does not know.
QColor findingTypeColor(const std::optional<FindingType>& type);
// By stored name ("relation", ...); grey for anything else.
QColor findingTypeColor(const QString& typeName);
// "confirmed", "rejected", "unsure"; the same grey for "unreviewed" and anything else.
QColor verdictColor(const QString& verdict);

} // namespace rs
