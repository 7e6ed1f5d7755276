#include "FindingColors.h"

namespace rs {

QColor findingTypeColor(const QString& type)
{
    if (type == QLatin1String("relation"))
        return QColor(0xd6, 0x27, 0x28);
    if (type == QLatin1String("branch"))
        return QColor(0xff, 0x7f, 0x0e);
    if (type == QLatin1String("missing"))
        return QColor(0x6b, 0x7b, 0x9c);
    if (type == QLatin1String("grounding"))
        return QColor(0x94, 0x67, 0xbd);
    return QColor(0x8c, 0x8c, 0x8c);
}

} // namespace rs
