#pragma once
// The graphics items of the path view's scene (views/PathScene): concept nodes shaped by
// kind, edges with arrowheads, labels and an optional halo, and the legend. Internal to
// PathScene; kept apart so the scene's file is about what is drawn, not how.
#include <QFont>
#include <QFontMetricsF>
#include <QGraphicsPathItem>
#include <QPainter>
#include <QPainterPath>

#include <cmath>
#include <optional>
#include <vector>

namespace rs::pathscene {

// Scene units are Graphviz points, and fonts are sized in pixels, so one scene unit is one
// pixel at zoom 1 and the text Graphviz made room for is the text that gets drawn.
constexpr qreal kNameFontPx = 12.0;
constexpr qreal kSubtitleFontPx = 9.5;
constexpr qreal kEdgeLabelFontPx = 10.0;

QFont nameFont(bool bold);
QFont smallFont(qreal px, bool italic = false);
// The kind's canonical name ("Disease", ..., "Other"), as ConceptKindStyle names it.
QString canonicalKind(const QString& kind);
// Node outline by kind, so kind is readable without colour (and in grey-scale prints).
QPainterPath kindShape(const QString& kind, const QRectF& r);

class NodeGraphicsItem : public QGraphicsPathItem {
public:
    NodeGraphicsItem(const QRectF& rect, const QString& kind, QStringList lines, QString subtitle,
                     bool bold)
        : lines_(std::move(lines)), subtitle_(std::move(subtitle)), bold_(bold) {
        setPath(kindShape(kind, rect));
        rect_ = rect;
    }

    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option,
               QWidget* widget) override {
        QGraphicsPathItem::paint(painter, option, widget);
        painter->setPen(QColor(0x22, 0x22, 0x22));
        const QFont font = nameFont(bold_);
        const qreal lineHeight = QFontMetricsF(font).height();
        const qreal subtitleHeight =
            subtitle_.isEmpty() ? 0 : QFontMetricsF(smallFont(kSubtitleFontPx)).height();
        qreal y = rect_.center().y() - (lines_.size() * lineHeight + subtitleHeight) / 2;
        painter->setFont(font);
        for (const QString& line : lines_) {
            painter->drawText(QRectF(rect_.left(), y, rect_.width(), lineHeight), Qt::AlignCenter,
                              line);
            y += lineHeight;
        }
        if (!subtitle_.isEmpty()) {
            painter->setFont(smallFont(kSubtitleFontPx, true));
            painter->setPen(QColor(0x55, 0x55, 0x55));
            painter->drawText(QRectF(rect_.left(), y, rect_.width(), subtitleHeight),
                              Qt::AlignCenter, subtitle_);
        }
    }

private:
    QRectF rect_;
    QStringList lines_;
    QString subtitle_;
    bool bold_;
};

struct Arrow {
    QPointF tip;
    QPointF from; // a point behind the tip giving the direction
};

class EdgeGraphicsItem : public QGraphicsPathItem {
public:
    EdgeGraphicsItem(const QPainterPath& curve, std::vector<Arrow> arrows, QString label,
                     std::optional<QPointF> labelCentre, std::optional<QColor> halo)
        : arrows_(std::move(arrows)), label_(std::move(label)), halo_(halo) {
        setPath(curve);
        if (labelCentre && !label_.isEmpty()) {
            const QFontMetricsF metrics(smallFont(kEdgeLabelFontPx));
            const QSizeF size(metrics.horizontalAdvance(label_) + 6, metrics.height() + 2);
            labelRect_ = QRectF(*labelCentre - QPointF(size.width() / 2, size.height() / 2), size);
        }
    }

    QRectF boundingRect() const override {
        QRectF r = QGraphicsPathItem::boundingRect().adjusted(-8, -8, 8, 8);
        for (const Arrow& a : arrows_)
            r |= QRectF(a.tip - QPointF(10, 10), QSizeF(20, 20));
        if (!labelRect_.isNull())
            r |= labelRect_;
        return r;
    }

    // A wide hit area: a 2 px curve is hard to hover for its tooltip.
    QPainterPath shape() const override {
        QPainterPathStroker stroker;
        stroker.setWidth(10);
        QPainterPath hit = stroker.createStroke(path());
        if (!labelRect_.isNull())
            hit.addRect(labelRect_);
        return hit;
    }

    void paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) override {
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setBrush(Qt::NoBrush);
        if (halo_) {
            QPen haloPen(*halo_, pen().widthF() + 7, Qt::SolidLine, Qt::RoundCap);
            painter->setPen(haloPen);
            painter->drawPath(path());
        }
        painter->setPen(pen());
        painter->drawPath(path());
        const QColor colour = pen().color();
        painter->setPen(QPen(colour, 1));
        painter->setBrush(colour);
        for (const Arrow& a : arrows_)
            painter->drawPolygon(arrowHead(a));
        if (!labelRect_.isNull()) {
            painter->setPen(Qt::NoPen);
            painter->setBrush(QColor(255, 255, 255, 215));
            painter->drawRoundedRect(labelRect_, 3, 3);
            painter->setPen(colour.darker(135));
            painter->setFont(smallFont(kEdgeLabelFontPx));
            painter->drawText(labelRect_, Qt::AlignCenter, label_);
        }
    }

private:
    QPolygonF arrowHead(const Arrow& a) const {
        QPointF d = a.tip - a.from;
        const qreal length = std::hypot(d.x(), d.y());
        if (length < 1e-6)
            d = QPointF(1, 0);
        else
            d /= length;
        const QPointF n(-d.y(), d.x());
        const qreal size = 9.0;
        const QPointF base = a.tip - d * size;
        return QPolygonF({a.tip, base + n * (size * 0.4), base - n * (size * 0.4)});
    }

    std::vector<Arrow> arrows_;
    QString label_;
    QRectF labelRect_;
    std::optional<QColor> halo_;
};

struct LegendEntry {
    enum Kind { Line, Node } kind;
    QString text;
    QColor colour;
    Qt::PenStyle style = Qt::SolidLine;
    qreal width = 2.0;
    QString nodeKind;
    QColor border = QColor(0x44, 0x44, 0x44);
    qreal borderWidth = 1.0;
    std::optional<QColor> halo;
};

class LegendGraphicsItem : public QGraphicsItem {
public:
    LegendGraphicsItem(std::vector<LegendEntry> entries, qreal maxWidth)
        : entries_(std::move(entries)) {
        const QFontMetricsF metrics(smallFont(11));
        qreal x = kPad, y = kPad + metrics.height() + 4;
        for (const LegendEntry& e : entries_) {
            const qreal w = kSwatch + 6 + metrics.horizontalAdvance(e.text) + 18;
            if (x + w > maxWidth && x > kPad) {
                x = kPad;
                y += kRow;
            }
            positions_.push_back(QPointF(x, y));
            x += w;
            size_.setWidth(std::max(size_.width(), x));
        }
        size_.setHeight(y + kRow + kPad - 6);
        size_.setWidth(
            std::max(size_.width() + kPad - 18, metrics.horizontalAdvance("Legend") + 2 * kPad));
    }

    QRectF boundingRect() const override { return QRectF(QPointF(0, 0), size_); }

    void paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) override {
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(QPen(QColor(0xbb, 0xbb, 0xbb), 1));
        painter->setBrush(QColor(0xfa, 0xfa, 0xfa));
        painter->drawRoundedRect(boundingRect().adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
        const QFont font = smallFont(11);
        const QFontMetricsF metrics(font);
        painter->setFont(font);
        painter->setPen(QColor(0x33, 0x33, 0x33));
        QFont title = font;
        title.setWeight(QFont::DemiBold);
        painter->setFont(title);
        painter->drawText(QPointF(kPad, kPad + metrics.ascent()), QStringLiteral("Legend"));
        painter->setFont(font);
        for (std::size_t i = 0; i < entries_.size(); ++i) {
            const LegendEntry& e = entries_[i];
            const QPointF p = positions_[i];
            const QRectF swatch(p.x(), p.y() + 2, kSwatch, kRow - 8);
            if (e.kind == LegendEntry::Line) {
                if (e.halo) {
                    QColor halo = *e.halo;
                    halo.setAlpha(150);
                    painter->setPen(QPen(halo, e.width + 7, Qt::SolidLine, Qt::FlatCap));
                    painter->drawLine(QPointF(swatch.left(), swatch.center().y()),
                                      QPointF(swatch.right(), swatch.center().y()));
                }
                painter->setPen(QPen(e.colour, e.width, e.style, Qt::FlatCap));
                painter->drawLine(QPointF(swatch.left(), swatch.center().y()),
                                  QPointF(swatch.right(), swatch.center().y()));
            } else {
                painter->setPen(QPen(e.border, e.borderWidth, e.style));
                painter->setBrush(e.colour);
                painter->drawPath(kindShape(e.nodeKind, swatch));
                painter->setBrush(Qt::NoBrush);
            }
            painter->setPen(QColor(0x33, 0x33, 0x33));
            painter->drawText(
                QPointF(swatch.right() + 6, swatch.center().y() + metrics.ascent() / 2 - 1),
                e.text);
        }
    }

private:
    static constexpr qreal kPad = 8;
    static constexpr qreal kSwatch = 30;
    static constexpr qreal kRow = 20;
    std::vector<LegendEntry> entries_;
    std::vector<QPointF> positions_;
    QSizeF size_{0, 0};
};

} // namespace rs::pathscene
