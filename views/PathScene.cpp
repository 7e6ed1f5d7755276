#include "PathScene.h"

#include "ConceptKindStyle.h"

#include "FindingColors.h"

#include "GraphvizLayout.h"

#include <QBuffer>
#include <QCursor>
#include <QFontMetricsF>
#include <QGraphicsItem>
#include <QGraphicsSimpleTextItem>
#include <QHash>
#include <QJsonArray>
#include <QPainter>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>
#include <optional>

namespace rs {

namespace {

// Scene units are Graphviz points, and fonts are sized in pixels, so one scene unit is one
// pixel at zoom 1 and the text Graphviz made room for is the text that gets drawn.
constexpr qreal kNameFontPx = 12.0;
constexpr qreal kSubtitleFontPx = 9.5;
constexpr qreal kEdgeLabelFontPx = 10.0;
constexpr qreal kNodePadX = 10.0;
constexpr qreal kNodePadY = 6.0;
constexpr qreal kMaxNameWidth = 130.0;
constexpr int kMaxNameLines = 3;
constexpr int kMaxQuoteChars = 400;

QFont nameFont(bool bold)
{
    QFont font;
    font.setPixelSize(int(kNameFontPx));
    font.setWeight(bold ? QFont::DemiBold : QFont::Normal);
    return font;
}

QFont smallFont(qreal px, bool italic = false)
{
    QFont font;
    font.setPixelSize(int(px));
    font.setItalic(italic);
    return font;
}

// Greedy word wrap to kMaxNameWidth, at most kMaxNameLines lines (the last one elided).
QStringList wrapName(const QString& name, const QFontMetricsF& metrics)
{
    const QStringList words = name.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QStringList lines;
    QString current;
    for (const QString& word : words) {
        const QString candidate = current.isEmpty() ? word : current + QLatin1Char(' ') + word;
        if (current.isEmpty() || metrics.horizontalAdvance(candidate) <= kMaxNameWidth) {
            current = candidate;
            continue;
        }
        lines << current;
        current = word;
    }
    if (!current.isEmpty() || lines.isEmpty())
        lines << current;
    if (lines.size() > kMaxNameLines) {
        const QString rest = lines.mid(kMaxNameLines - 1).join(QLatin1Char(' '));
        lines = lines.mid(0, kMaxNameLines - 1);
        lines << rest;
    }
    for (QString& line : lines)
        line = metrics.elidedText(line, Qt::ElideRight, kMaxNameWidth);
    return lines;
}

QString canonicalKind(const QString& kind)
{
    return QString::fromStdString(canonicalConceptKind(kind.toStdString()));
}

// Node outline by kind, so kind is readable without colour (and in grey-scale prints).
QPainterPath kindShape(const QString& kind, const QRectF& r)
{
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

QString quoted(const QString& text)
{
    QString t = text.simplified();
    if (t.size() > kMaxQuoteChars)
        t = t.left(kMaxQuoteChars) + QChar(0x2026);
    return QChar(0x201C) + t + QChar(0x201D);
}

// Tooltips are rich text so that model output like "<b>" is shown, not interpreted.
QString tooltipHtml(const QStringList& paragraphs)
{
    QString html = QStringLiteral("<qt>");
    for (const QString& p : paragraphs)
        html += QStringLiteral("<p style='white-space:pre-wrap'>") + p.toHtmlEscaped() +
                QStringLiteral("</p>");
    return html + QStringLiteral("</qt>");
}

class NodeGraphicsItem : public QGraphicsPathItem {
public:
    NodeGraphicsItem(const QRectF& rect, const QString& kind, QStringList lines, QString subtitle,
                     bool bold)
        : lines_(std::move(lines)), subtitle_(std::move(subtitle)), bold_(bold)
    {
        setPath(kindShape(kind, rect));
        rect_ = rect;
    }

    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override
    {
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
        : arrows_(std::move(arrows)), label_(std::move(label)), halo_(halo)
    {
        setPath(curve);
        if (labelCentre && !label_.isEmpty()) {
            const QFontMetricsF metrics(smallFont(kEdgeLabelFontPx));
            const QSizeF size(metrics.horizontalAdvance(label_) + 6, metrics.height() + 2);
            labelRect_ = QRectF(*labelCentre - QPointF(size.width() / 2, size.height() / 2), size);
        }
    }

    QRectF boundingRect() const override
    {
        QRectF r = QGraphicsPathItem::boundingRect().adjusted(-8, -8, 8, 8);
        for (const Arrow& a : arrows_)
            r |= QRectF(a.tip - QPointF(10, 10), QSizeF(20, 20));
        if (!labelRect_.isNull())
            r |= labelRect_;
        return r;
    }

    // A wide hit area: a 2 px curve is hard to hover for its tooltip.
    QPainterPath shape() const override
    {
        QPainterPathStroker stroker;
        stroker.setWidth(10);
        QPainterPath hit = stroker.createStroke(path());
        if (!labelRect_.isNull())
            hit.addRect(labelRect_);
        return hit;
    }

    void paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) override
    {
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
    QPolygonF arrowHead(const Arrow& a) const
    {
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
        : entries_(std::move(entries))
    {
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

    void paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) override
    {
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

QString pairKey(const QString& a, const QString& b)
{
    return a < b ? a + QChar(0x1f) + b : b + QChar(0x1f) + a;
}

QColor nodeFill(const QString& kind, PathScene::NodeStatus status)
{
    const QColor base = PathScene::kindColor(kind);
    if (status == PathScene::NodeStatus::OnPath)
        return base;
    // Reference-only and missing nodes are paler, so the model's own row stands out.
    return QColor::fromRgbF(1 - (1 - base.redF()) * 0.45, 1 - (1 - base.greenF()) * 0.45,
                            1 - (1 - base.blueF()) * 0.45);
}

} // namespace

struct PathScene::Build {
    struct Concept {
        QString name;
        QString kind;
        int step = -1;
        bool onPath = false;
        bool onReference = false;
        int flags = 0;
        int order = 0;
        QStringList notes;
    };
    enum class Direction { Forward, Back, None };
    struct Edge {
        QString from;
        QString to;
        QString label;
        Direction direction = Direction::Forward;
        int flags = 0;
        int weight = 1;
        bool constraint = true;
        bool directionFromClaim = false;
        bool checkedClaim = false; // an asserted or denied claim: the relation check ran on it
        QStringList notes;
    };

    QByteArray output;
    QJsonArray steps;
    std::vector<Concept> concepts;
    QHash<QString, std::size_t> conceptIndex;
    std::vector<Edge> edges;
    QHash<QString, std::size_t> edgeIndex;

    QString textAt(const QJsonValue& span) const
    {
        const QJsonArray s = span.toArray();
        if (s.size() != 2 || output.isEmpty())
            return {};
        const qint64 begin = s.at(0).toInteger(-1);
        const qint64 end = s.at(1).toInteger(-1);
        if (begin < 0 || end <= begin || end > output.size())
            return {};
        return QString::fromUtf8(output.mid(begin, end - begin)).simplified();
    }
    QString stepText(int step) const
    {
        if (step < 0 || step >= steps.size())
            return {};
        return textAt(steps.at(step).toObject().value("span"));
    }

    Concept& ensure(const QString& name, const QString& kind)
    {
        auto it = conceptIndex.find(name);
        if (it == conceptIndex.end()) {
            it = conceptIndex.insert(name, concepts.size());
            Concept c;
            c.name = name;
            c.kind = kind;
            c.order = int(concepts.size());
            concepts.push_back(c);
        }
        Concept& c = concepts[*it];
        if (c.kind.isEmpty())
            c.kind = kind;
        return c;
    }
    Concept* find(const QString& name)
    {
        const auto it = conceptIndex.find(name);
        return it == conceptIndex.end() ? nullptr : &concepts[*it];
    }
    Edge* findEdge(const QString& a, const QString& b)
    {
        const auto it = edgeIndex.find(pairKey(a, b));
        return it == edgeIndex.end() ? nullptr : &edges[*it];
    }
    Edge& edge(const QString& from, const QString& to, bool* created = nullptr)
    {
        if (Edge* existing = findEdge(from, to)) {
            if (created)
                *created = false;
            return *existing;
        }
        edgeIndex.insert(pairKey(from, to), edges.size());
        Edge e;
        e.from = from;
        e.to = to;
        edges.push_back(e);
        if (created)
            *created = true;
        return edges.back();
    }
};

PathScene::PathScene(QObject* parent) : QGraphicsScene(parent)
{
    setBackgroundBrush(Qt::white);
}

PathScene::~PathScene() = default;

QColor PathScene::edgeColor(EdgeStatus status)
{
    switch (status) {
    case EdgeStatus::Supported:
        return QColor(0x2e, 0x8b, 0x57);
    case EdgeStatus::Unverified:
        return QColor(0x9a, 0x9a, 0x9a);
    case EdgeStatus::RelationError:
        return findingTypeColor(QStringLiteral("relation"));
    case EdgeStatus::Branch:
        return findingTypeColor(QStringLiteral("branch"));
    case EdgeStatus::Reference:
        return QColor(0x5f, 0x7f, 0xa3);
    case EdgeStatus::Missing:
        return QColor(0x5f, 0x7f, 0xa3);
    }
    return Qt::black;
}

QString PathScene::edgeStatusName(EdgeStatus status)
{
    switch (status) {
    case EdgeStatus::Supported:
        return tr("KG-supported step");
    case EdgeStatus::Unverified:
        return tr("step without KG support");
    case EdgeStatus::RelationError:
        return tr("relation error");
    case EdgeStatus::Branch:
        return tr("branch (left the reference path)");
    case EdgeStatus::Reference:
        return tr("reference path (KG)");
    case EdgeStatus::Missing:
        return tr("to a missing concept");
    }
    return {};
}

QColor PathScene::kindColor(const QString& kind)
{
    return QColor(QLatin1String(conceptKindFill(kind.toStdString())));
}

void PathScene::clearCase()
{
    clear();
    legend_ = nullptr;
    hasCase_ = false;
    caseId_.clear();
    error_.clear();
    setSceneRect(QRectF());
}

bool PathScene::setCase(const QJsonObject& c, const QByteArray& outputUtf8)
{
    clearCase();
    if (!c.value("reasoning_path").isArray() && !c.value("reference_paths").isArray()) {
        error_ = tr("not a case result: it has neither a reasoning path nor reference paths");
        return false;
    }
    Build b;
    b.output = outputUtf8;
    b.steps = c.value("steps").toArray();
    caseId_ = c.value("id").toString();

    // The model's reasoning path: one chain in reading order, heavy and grouped so dot
    // keeps it a straight row.
    QString previous;
    for (const QJsonValue& v : c.value("reasoning_path").toArray()) {
        const QJsonObject o = v.toObject();
        const QString name = o.value("name").toString();
        if (name.isEmpty() || b.find(name))
            continue;
        Build::Concept& node = b.ensure(name, o.value("kind").toString());
        node.onPath = true;
        node.step = o.value("step").toInt(-1);
        if (const QString s = b.stepText(node.step); !s.isEmpty())
            node.notes << tr("Mentioned in step %1: %2").arg(node.step).arg(quoted(s));
        if (!previous.isEmpty()) {
            Build::Edge& e = b.edge(previous, name);
            e.flags |= EdgeModel;
            e.weight = 8;
            e.notes << tr("Reasoning order: %1 \u2192 %2").arg(previous, name);
        }
        previous = name;
    }

    // Claims: the relation the model stated between two of its concepts.
    for (const QJsonValue& v : c.value("claims").toArray()) {
        const QJsonObject o = v.toObject();
        const QString head = o.value("head").toString();
        const QString tail = o.value("tail").toString();
        if (head.isEmpty() || tail.isEmpty() || head == tail)
            continue;
        for (const QString& end : {head, tail}) {
            if (!b.find(end))
                b.ensure(end, QString()).onPath = true;
        }
        bool created = false;
        Build::Edge& e = b.edge(head, tail, &created);
        if (created)
            e.constraint = false; // a claim across the row must not reorder it
        e.flags |= EdgeModel | EdgeClaim;
        const QString polarity = o.value("polarity").toString();
        QString relation = o.value("relation").toString().replace('_', ' ');
        if (polarity == "negated")
            relation = tr("not %1").arg(relation);
        else if (polarity == "hedged")
            relation = tr("%1?").arg(relation);
        // Hedged claims are exempt from the "unsupported" check, so the absence of a
        // finding says nothing about them.
        if (polarity != "hedged")
            e.checkedClaim = true;
        if (!e.directionFromClaim) {
            e.label = relation;
            e.direction = e.from == head ? Build::Direction::Forward : Build::Direction::Back;
            e.directionFromClaim = true;
        }
        QString note = tr("Claim (step %1): %2 %3 %4")
                           .arg(o.value("step").toInt(-1))
                           .arg(head, relation, tail);
        if (const QString s = b.textAt(o.value("span")); !s.isEmpty())
            note += QLatin1Char('\n') + quoted(s);
        e.notes << note;
    }

    // Findings.
    for (const QJsonValue& v : c.value("findings").toArray()) {
        const QJsonObject o = v.toObject();
        const QString type = o.value("type").toString();
        QStringList nodes;
        for (const QJsonValue& n : o.value("nodes").toArray())
            if (!n.toString().isEmpty())
                nodes << n.toString();
        QString note = tr("%1 \u2014 %2 (%3): %4")
                           .arg(type, o.value("subtype").toString(), o.value("severity").toString(),
                                o.value("explanation").toString());
        if (note.at(0).isLower())
            note[0] = note.at(0).toUpper();
        const QString sentence = b.stepText(o.value("step").toInt(-1));
        const QString noteWithSentence =
            sentence.isEmpty() ? note : note + QLatin1Char('\n') + quoted(sentence);
        if (type == "relation" && nodes.size() >= 2) {
            for (const QString& end : {nodes[0], nodes[1]})
                if (!b.find(end))
                    b.ensure(end, QString()).onPath = true;
            bool created = false;
            Build::Edge& e = b.edge(nodes[0], nodes[1], &created);
            if (created)
                e.constraint = false;
            e.flags |= EdgeModel | EdgeRelationError;
            e.notes << noteWithSentence;
        } else if (type == "branch" && nodes.size() >= 2) {
            for (const QString& end : {nodes[0], nodes[1]})
                if (!b.find(end))
                    b.ensure(end, QString()).onPath = true;
            bool created = false;
            Build::Edge& e = b.edge(nodes[0], nodes[1], &created);
            if (created)
                e.constraint = false;
            e.flags |= EdgeModel | EdgeBranch;
            if (e.label.isEmpty())
                e.label = tr("branch"); // the colour alone is not enough in print
            e.notes << noteWithSentence;
            Build::Concept* d = b.find(nodes[0]);
            d->flags |= NodeBranchPoint;
            d->notes << note;
        } else if (type == "missing" && !nodes.isEmpty()) {
            // nodes[0] is the concept the output never used; the others are context.
            Build::Concept& m = b.ensure(nodes[0], QString());
            if (!m.onPath)
                m.flags |= NodeMissing;
            m.notes << note;
        } else {
            for (const QString& n : nodes)
                if (Build::Concept* known = b.find(n))
                    known->notes << noteWithSentence;
        }
    }

    // Reference paths, r* first so it sits nearest the model row.
    const QJsonArray references = c.value("reference_paths").toArray();
    const int best = c.value("best_reference").toInt(-1);
    std::vector<int> order;
    if (best >= 0 && best < references.size())
        order.push_back(best);
    for (int i = 0; i < references.size(); ++i)
        if (i != best)
            order.push_back(i);
    for (int k : order) {
        const QJsonObject r = references.at(k).toObject();
        const QJsonArray nodes = r.value("nodes").toArray();
        const QJsonArray kinds = r.value("kinds").toArray();
        const QJsonArray relations = r.value("relations").toArray();
        const QJsonArray forward = r.value("forward").toArray();
        const QString pathName = k == best ? tr("reference path %1 (r*, best aligned)").arg(k + 1)
                                           : tr("reference path %1").arg(k + 1);
        for (int i = 0; i < nodes.size(); ++i) {
            const QString name = nodes.at(i).toString();
            if (name.isEmpty())
                continue;
            Build::Concept& node = b.ensure(name, kinds.at(i).toString());
            node.onReference = true;
            if (i + 1 >= nodes.size() || nodes.at(i + 1).toString().isEmpty())
                continue;
            const QString next = nodes.at(i + 1).toString();
            const QString relation = relations.at(i).toString().replace('_', ' ');
            const bool isForward = forward.at(i).toBool(true);
            const QString kgText = isForward ? tr("KG: %1 %2 %3").arg(name, relation, next)
                                             : tr("KG: %1 %2 %3").arg(next, relation, name);
            bool created = false;
            Build::Edge& e = b.edge(name, next, &created);
            if (created) {
                e.flags |= EdgeReference;
                e.label = relation;
                e.direction = isForward ? Build::Direction::Forward : Build::Direction::Back;
                e.weight = k == best ? 3 : 1;
            } else if (e.flags & EdgeModel) {
                e.flags |= EdgeOnKgPath;
                if (e.label.isEmpty()) {
                    e.label = relation;
                    const bool kgFromTail = isForward ? e.from == name : e.from == next;
                    e.direction = kgFromTail ? Build::Direction::Forward : Build::Direction::Back;
                }
            }
            e.notes << kgText + QStringLiteral(" (") + pathName + QLatin1Char(')');
        }
    }

    // A missing concept on no reference path still needs a link to what it relates to.
    for (const QJsonValue& v : c.value("findings").toArray()) {
        const QJsonObject o = v.toObject();
        const QJsonArray nodes = o.value("nodes").toArray();
        if (o.value("type").toString() != "missing" || nodes.size() < 2)
            continue;
        const QString missing = nodes.at(0).toString();
        const QString other = nodes.at(1).toString();
        Build::Concept* m = b.find(missing);
        if (!m || m->onReference || m->onPath || !b.find(other) || b.findEdge(missing, other))
            continue;
        Build::Edge& e = b.edge(missing, other);
        e.flags |= EdgeReference;
        e.direction = Build::Direction::None;
        e.notes << tr("%1 should have been used with %2").arg(missing, other);
    }

    for (Build::Edge& e : b.edges) {
        const Build::Concept* from = b.find(e.from);
        const Build::Concept* to = b.find(e.to);
        if ((from && (from->flags & NodeMissing)) || (to && (to->flags & NodeMissing)))
            e.flags |= EdgeMissing;
    }

    const QJsonObject anchors = c.value("anchors").toObject();
    const QString goldName = anchors.value("gold").toObject().value("name").toString();
    const QString predictedName = anchors.value("predicted").toObject().value("name").toString();
    if (Build::Concept* g = b.find(goldName))
        g->flags |= NodeGold;
    if (Build::Concept* p = b.find(predictedName))
        p->flags |= NodePredicted;
    for (const QJsonValue& v : anchors.value("evidence").toArray())
        if (Build::Concept* e = b.find(v.toString()))
            e->flags |= NodeEvidence;

    // Model concepts first: dot orders each rank by first appearance, which puts the
    // model row on top.
    std::stable_sort(
        b.concepts.begin(), b.concepts.end(),
        [](const Build::Concept& x, const Build::Concept& y) { return x.onPath > y.onPath; });
    b.conceptIndex.clear();
    for (std::size_t i = 0; i < b.concepts.size(); ++i)
        b.conceptIndex.insert(b.concepts[i].name, i);

    // Layout input.
    LayoutInput input;
    input.engine = "dot";
    input.rankdir = "LR";
    input.nodeSep = 16;
    input.rankSep = 36;
    input.attributes["splines"] = "true";
    input.attributes["newrank"] = "true";
    struct NodeText {
        QStringList lines;
        QString subtitle;
    };
    std::vector<NodeText> texts;
    for (const Build::Concept& node : b.concepts) {
        const QFontMetricsF nameMetrics(nameFont(node.onPath));
        const QFontMetricsF subMetrics(smallFont(kSubtitleFontPx, true));
        NodeText text;
        text.lines = wrapName(node.name, nameMetrics);
        QStringList tags;
        tags << (node.kind.isEmpty() ? tr("concept") : node.kind);
        if (node.flags & NodeGold)
            tags << tr("gold answer");
        if ((node.flags & NodePredicted) && !(node.flags & NodeGold))
            tags << tr("model answer");
        if (node.flags & NodeMissing)
            tags << tr("never mentioned");
        text.subtitle = tags.join(QStringLiteral(" \u00b7 "));
        qreal width = subMetrics.horizontalAdvance(text.subtitle);
        for (const QString& line : text.lines)
            width = std::max(width, nameMetrics.horizontalAdvance(line));
        const qreal height =
            text.lines.size() * nameMetrics.height() + subMetrics.height() + 2 * kNodePadY;
        LayoutNode ln;
        ln.id = node.name.toStdString();
        ln.label = node.name.toStdString();
        ln.width = std::ceil(std::max(70.0, width + 2 * kNodePadX + 8));
        ln.height = std::ceil(height);
        if (node.onPath)
            ln.group = "model";
        // Two clusters keep the model row above the reference rows: without them dot
        // sometimes puts a reference-only concept above the model's row.
        ln.cluster = node.onPath ? "model" : "reference";
        texts.push_back(text);
        input.nodes.push_back(std::move(ln));
    }
    for (const Build::Edge& e : b.edges) {
        LayoutEdge le;
        le.from = e.from.toStdString();
        le.to = e.to.toStdString();
        le.label = e.label.toStdString();
        le.weight = e.weight;
        le.constraint = e.constraint;
        le.attributes["fontsize"] = "10";
        le.attributes["dir"] = e.direction == Build::Direction::Forward ? "forward"
                               : e.direction == Build::Direction::Back  ? "back"
                                                                        : "none";
        input.edges.push_back(std::move(le));
    }
    const LayoutResult layout = layoutGraph(input);
    if (!layout.ok) {
        error_ = tr("The path diagram could not be laid out: %1")
                     .arg(QString::fromStdString(layout.error));
        return false;
    }

    // Header: which case and how it ended.
    const QString model = c.value("model").toString();
    QString verdict;
    const QJsonValue correct = c.value("correct");
    if (correct.isBool())
        verdict = correct.toBool() ? tr("correct") : tr("wrong");
    else
        verdict = tr("not scored");
    QString header = caseId_;
    if (!model.isEmpty())
        header += QStringLiteral("  \u00b7  ") + model;
    if (!predictedName.isEmpty())
        header += QStringLiteral("  \u00b7  ") + tr("answer: %1 (%2)").arg(predictedName, verdict);
    else
        header += QStringLiteral("  \u00b7  ") + verdict;
    if (!goldName.isEmpty() && goldName != predictedName)
        header += QStringLiteral("  \u00b7  ") + tr("gold: %1").arg(goldName);
    auto* title = addSimpleText(header, smallFont(13));
    title->setBrush(QColor(0x22, 0x22, 0x22));
    title->setData(KeyItemType, HeaderItem);
    const qreal top = title->boundingRect().height() + 14;
    auto* rowNote = addSimpleText(
        tr("Top row (bold): the model's reasoning path in reading order. Below: KG reference "
           "paths from the question's findings to the gold answer; arrows give relation "
           "direction."),
        smallFont(10.5, true));
    rowNote->setBrush(QColor(0x66, 0x66, 0x66));
    rowNote->setPos(0, title->boundingRect().height() + 1);
    rowNote->setData(KeyItemType, HeaderItem);
    const QPointF origin(0, top + 10);

    // Nodes.
    for (std::size_t i = 0; i < b.concepts.size(); ++i) {
        const Build::Concept& node = b.concepts[i];
        const NodePlacement& placed = layout.nodes[i];
        const QRectF rect(origin.x() + placed.centre.x - placed.width / 2,
                          origin.y() + placed.centre.y - placed.height / 2, placed.width,
                          placed.height);
        const NodeStatus status = node.onPath                  ? NodeStatus::OnPath
                                  : (node.flags & NodeMissing) ? NodeStatus::Missing
                                                               : NodeStatus::Reference;
        auto* item =
            new NodeGraphicsItem(rect, node.kind, texts[i].lines, texts[i].subtitle, node.onPath);
        QPen pen(QColor(0x44, 0x44, 0x44), node.onPath ? 1.6 : 1.0);
        if (status == NodeStatus::Missing) {
            pen = QPen(QColor(0x33, 0x33, 0x33), 1.6, Qt::DashLine);
            item->setBrush(Qt::white);
        } else {
            item->setBrush(nodeFill(node.kind, status));
        }
        if (node.flags & NodeGold)
            pen = QPen(edgeColor(EdgeStatus::Supported).darker(120), 3.0, pen.style());
        else if (node.flags & NodePredicted)
            pen = QPen(edgeColor(EdgeStatus::RelationError), 3.0, pen.style());
        pen.setJoinStyle(Qt::RoundJoin);
        item->setPen(pen);
        item->setZValue(2);
        item->setData(KeyItemType, NodeItem);
        item->setData(KeyName, node.name);
        item->setData(KeyStatus, int(status));
        item->setData(KeyKind, node.kind);
        item->setData(KeyFlags, node.flags);
        item->setCursor(Qt::PointingHandCursor);
        QStringList tip;
        tip << node.name + (node.kind.isEmpty()
                                ? QString()
                                : QStringLiteral(" (") + node.kind + QLatin1Char(')'));
        tip << node.notes;
        tip << tr("Click to open in the KG explorer.");
        item->setToolTip(tooltipHtml(tip));
        addItem(item);
    }

    // Edges.
    for (std::size_t i = 0; i < b.edges.size(); ++i) {
        const Build::Edge& e = b.edges[i];
        const EdgePlacement& placed = layout.edges[i];
        EdgeStatus status;
        if (e.flags & EdgeRelationError)
            status = EdgeStatus::RelationError;
        else if (e.flags & EdgeBranch)
            status = EdgeStatus::Branch;
        else if (e.flags & EdgeModel)
            status = (e.checkedClaim || (e.flags & EdgeOnKgPath)) ? EdgeStatus::Supported
                                                                  : EdgeStatus::Unverified;
        else if (e.flags & EdgeMissing)
            status = EdgeStatus::Missing;
        else
            status = EdgeStatus::Reference;

        QPainterPath curve;
        std::vector<Arrow> arrows;
        auto at = [&](const LayoutPoint& p) { return origin + QPointF(p.x, p.y); };
        if (placed.spline.size() >= 4) {
            curve.moveTo(at(placed.spline[0]));
            for (std::size_t p = 1; p + 2 < placed.spline.size(); p += 3)
                curve.cubicTo(at(placed.spline[p]), at(placed.spline[p + 1]),
                              at(placed.spline[p + 2]));
            // Graphviz stops the spline short of an arrowhead; the head fills the gap.
            if (placed.startArrowTip)
                arrows.push_back({at(*placed.startArrowTip), at(placed.spline.front())});
            if (placed.endArrowTip)
                arrows.push_back({at(*placed.endArrowTip), at(placed.spline.back())});
        } else {
            const QPointF from = at(layout.nodes[b.conceptIndex.value(e.from)].centre);
            const QPointF to = at(layout.nodes[b.conceptIndex.value(e.to)].centre);
            curve.moveTo(from);
            curve.lineTo(to);
        }
        std::optional<QPointF> labelCentre;
        if (placed.labelCentre)
            labelCentre = at(*placed.labelCentre);
        std::optional<QColor> halo;
        if (status == EdgeStatus::RelationError && (e.flags & EdgeBranch)) {
            QColor c = edgeColor(EdgeStatus::Branch);
            c.setAlpha(150);
            halo = c;
        }
        auto* item = new EdgeGraphicsItem(curve, std::move(arrows), e.label, labelCentre, halo);
        const bool model = e.flags & EdgeModel;
        QPen pen(edgeColor(status), model ? 2.4 : 1.5);
        if (status == EdgeStatus::Missing)
            pen.setStyle(Qt::DashLine);
        else if (status == EdgeStatus::Unverified)
            pen.setStyle(Qt::DotLine);
        pen.setCapStyle(Qt::RoundCap);
        item->setPen(pen);
        item->setZValue(model ? 1 : 0);
        item->setData(KeyItemType, EdgeItem);
        item->setData(KeyName, e.from + QStringLiteral(" -> ") + e.to);
        item->setData(KeyStatus, int(status));
        item->setData(KeyKind, e.label);
        item->setData(KeyFlags, e.flags);
        item->setData(KeyFrom, e.from);
        item->setData(KeyTo, e.to);
        QStringList tip;
        tip << QStringLiteral("%1 \u2014 %2 (%3)").arg(e.from, e.to, edgeStatusName(status));
        tip << e.notes;
        item->setToolTip(tooltipHtml(tip));
        addItem(item);
    }

    // Legend: edge statuses always (so absence is readable too), node kinds present.
    std::vector<LegendEntry> entries;
    for (EdgeStatus s : {EdgeStatus::Supported, EdgeStatus::Unverified, EdgeStatus::RelationError,
                         EdgeStatus::Branch, EdgeStatus::Reference}) {
        LegendEntry entry{LegendEntry::Line, edgeStatusName(s), edgeColor(s)};
        entry.width = 2.4;
        if (s == EdgeStatus::Unverified)
            entry.style = Qt::DotLine;
        entries.push_back(entry);
    }
    {
        LegendEntry toMissing{LegendEntry::Line, edgeStatusName(EdgeStatus::Missing),
                              edgeColor(EdgeStatus::Missing)};
        toMissing.style = Qt::DashLine;
        toMissing.width = 1.5;
        entries.push_back(toMissing);
        LegendEntry both{LegendEntry::Line, tr("relation error on the branch"),
                         edgeColor(EdgeStatus::RelationError)};
        both.width = 2.4;
        both.halo = edgeColor(EdgeStatus::Branch);
        entries.push_back(both);
        LegendEntry missing{LegendEntry::Node, tr("never mentioned (missing)"), Qt::white};
        missing.style = Qt::DashLine;
        missing.borderWidth = 1.6;
        entries.push_back(missing);
        LegendEntry gold{LegendEntry::Node, tr("gold answer"), QColor(0xf4, 0xf4, 0xf4)};
        gold.border = edgeColor(EdgeStatus::Supported).darker(120);
        gold.borderWidth = 3;
        entries.push_back(gold);
        LegendEntry predicted{LegendEntry::Node, tr("model answer (wrong)"),
                              QColor(0xf4, 0xf4, 0xf4)};
        predicted.border = edgeColor(EdgeStatus::RelationError);
        predicted.borderWidth = 3;
        entries.push_back(predicted);
    }
    QStringList kinds;
    for (const Build::Concept& node : b.concepts) {
        const QString k = canonicalKind(node.kind);
        if (!kinds.contains(k))
            kinds << k;
    }
    for (const QString& k : kinds) {
        LegendEntry entry{LegendEntry::Node, k == "Other" ? tr("other kind") : k, kindColor(k)};
        entry.nodeKind = k;
        entries.push_back(entry);
    }
    auto* legend = new LegendGraphicsItem(std::move(entries), std::max(640.0, layout.width));
    legend->setPos(origin + QPointF(0, layout.height + 24));
    legend->setData(KeyItemType, LegendItem);
    legend->setZValue(3);
    addItem(legend);
    legend_ = legend;

    if (b.concepts.empty()) {
        auto* empty =
            addSimpleText(tr("No KG concept was linked in this output."), smallFont(12, true));
        empty->setPos(origin);
        empty->setData(KeyItemType, HeaderItem);
    }

    setSceneRect(itemsBoundingRect().adjusted(-16, -16, 16, 16));
    hasCase_ = true;
    return true;
}

QGraphicsItem* PathScene::nodeItem(const QString& name) const
{
    for (QGraphicsItem* item : items())
        if (item->data(KeyItemType).toInt() == NodeItem && item->data(KeyName).toString() == name)
            return item;
    return nullptr;
}

QList<QGraphicsItem*> PathScene::nodeItems() const
{
    QList<QGraphicsItem*> result;
    for (QGraphicsItem* item : items(Qt::AscendingOrder))
        if (item->data(KeyItemType).toInt() == NodeItem)
            result << item;
    return result;
}

QList<QGraphicsItem*> PathScene::edgeItems() const
{
    QList<QGraphicsItem*> result;
    for (QGraphicsItem* item : items(Qt::AscendingOrder))
        if (item->data(KeyItemType).toInt() == EdgeItem)
            result << item;
    return result;
}

QList<QGraphicsItem*> PathScene::edgeItems(EdgeStatus status) const
{
    QList<QGraphicsItem*> result;
    for (QGraphicsItem* item : edgeItems())
        if (item->data(KeyStatus).toInt() == int(status))
            result << item;
    return result;
}

QGraphicsItem* PathScene::edgeItem(const QString& from, const QString& to) const
{
    for (QGraphicsItem* item : edgeItems()) {
        const QString a = item->data(KeyFrom).toString();
        const QString b = item->data(KeyTo).toString();
        if ((a == from && b == to) || (a == to && b == from))
            return item;
    }
    return nullptr;
}

QString PathScene::toSvg() const
{
    if (!hasCase_)
        return {};
    const QRectF source = sceneRect();
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(source.size().toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), source.size()));
    generator.setTitle(tr("Reasoning path of %1").arg(caseId_));
    generator.setDescription(tr("ReasonScope path view"));
    {
        QPainter painter(&generator);
        const_cast<PathScene*>(this)->render(&painter, QRectF(QPointF(0, 0), source.size()),
                                             source);
    }
    return QString::fromUtf8(buffer.data());
}

QImage PathScene::toImage(int scale) const
{
    if (!hasCase_)
        return {};
    scale = std::clamp(scale, 1, 8);
    const QRectF source = sceneRect();
    QImage image((source.size() * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    const_cast<PathScene*>(this)->render(&painter, QRectF(QPointF(0, 0), image.size()), source);
    return image;
}

} // namespace rs
