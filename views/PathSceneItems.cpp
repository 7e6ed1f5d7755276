#include "PathSceneItems.h"

#include "ConceptKindStyle.h"

namespace rs::pathscene {

QFont nameFont(bool bold) {
    QFont font;
    font.setPixelSize(int(kNameFontPx));
    font.setWeight(bold ? QFont::DemiBold : QFont::Normal);
    return font;
}

QFont smallFont(qreal px, bool italic) {
    QFont font;
    font.setPixelSize(int(px));
    font.setItalic(italic);
    return font;
}

QString canonicalKind(const QString& kind) {
    return QString::fromStdString(canonicalConceptKind(kind.toStdString()));
}

// Node outline by kind, so kind is readable without colour (and in grey-scale prints).
QPainterPath kindShape(const QString& kind, const QRectF& r) {
    QPainterPath path;
    const QString k = canonicalKind(kind);
    if (k == "Symptom") {
        path.addRoundedRect(r, r.height() / 2, r.height() / 2);
    } else if (k == "Compound" || k == "Pharmacologic Class") {
        const qreal cut = std::min(10.0, r.height() / 2);
        path.moveTo(r.left() + cut, r.top());
        path.lineTo(r.right() - cut, r.top());
        path.lineTo(r.right(), r.center().y());
        path.lineTo(r.right() - cut, r.bottom());
        path.lineTo(r.left() + cut, r.bottom());
        path.lineTo(r.left(), r.center().y());
        path.closeSubpath();
    } else if (k == "Disease") {
        path.addRoundedRect(r, 7, 7);
    } else if (k == "Lab Finding" || k == "Exposure") {
        const qreal cut = 6;
        path.moveTo(r.left() + cut, r.top());
        path.lineTo(r.right(), r.top());
        path.lineTo(r.right() - cut, r.bottom());
        path.lineTo(r.left(), r.bottom());
        path.closeSubpath();
    } else {
        path.addRect(r);
    }
    return path;
}

} // namespace rs::pathscene
