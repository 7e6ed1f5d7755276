#include "FindingColors.h"

#include "FindingKinds.h"

namespace rs {

namespace {

const QColor kUnknown(0x8c, 0x8c, 0x8c);

} // namespace

QColor findingTypeColor(FindingType type) {
    switch (type) {
    case FindingType::Relation:
        return QColor(0xd6, 0x27, 0x28);
    case FindingType::Branch:
        return QColor(0xff, 0x7f, 0x0e);
    case FindingType::Missing:
        return QColor(0x6b, 0x7b, 0x9c);
    case FindingType::Grounding:
        return QColor(0x94, 0x67, 0xbd);
    case FindingType::Reading:
        return QColor(0x17, 0x9e, 0x8a);
    }
    return kUnknown;
}

QColor findingTypeColor(const std::optional<FindingType>& type) {
    return type ? findingTypeColor(*type) : kUnknown;
}

QColor findingTypeColor(const QString& typeName) {
    return findingTypeColor(findingTypeFromName(typeName.toStdString()));
}

QColor verdictColor(const QString& verdict) {
    if (verdict == QLatin1String("confirmed"))
        return QColor(0x2e, 0x8b, 0x57);
    if (verdict == QLatin1String("rejected"))
        return QColor(0xb0, 0x30, 0x30);
    if (verdict == QLatin1String("unsure"))
        return QColor(0xc0, 0x8a, 0x00);
    return kUnknown;
}

} // namespace rs
