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

QColor verdictColor(const QString& verdict)
{
    if (verdict == QLatin1String("confirmed"))
        return QColor(0x2e, 0x8b, 0x57);
    if (verdict == QLatin1String("rejected"))
        return QColor(0xb0, 0x30, 0x30);
    if (verdict == QLatin1String("unsure"))
        return QColor(0xc0, 0x8a, 0x00);
    return QColor(0x8c, 0x8c, 0x8c);
}

} // namespace rs
