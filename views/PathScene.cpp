#include "PathScene.h"

#include "CaseResultCodec.h"
#include "ConceptKindStyle.h"
#include "FindingColors.h"
#include "FindingKinds.h"
#include "GraphvizLayout.h"
#include "PathDiagramModel.h"
#include "PathSceneItems.h"

#include <nlohmann/json.hpp>

#include <QBuffer>
#include <QCursor>
#include <QFontMetricsF>
#include <QGraphicsItem>
#include <QGraphicsSimpleTextItem>
#include <QPainter>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>
#include <optional>
#include <unordered_map>

namespace rs {

namespace {

using namespace pathscene;

constexpr qreal kNodePadX = 10.0;
constexpr qreal kNodePadY = 6.0;
constexpr qreal kMaxNameWidth = 130.0;
constexpr int kMaxNameLines = 3;
constexpr int kMaxQuoteChars = 400;

// Greedy word wrap to kMaxNameWidth, at most kMaxNameLines lines (the last one elided).
QStringList wrapName(const QString& name, const QFontMetricsF& metrics) {
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

QString quoted(const QString& text) {
    QString t = text.simplified();
    if (t.size() > kMaxQuoteChars)
        t = t.left(kMaxQuoteChars) + QChar(0x2026);
    return QChar(0x201C) + t + QChar(0x201D);
}

// Tooltips are rich text so that model output like "<b>" is shown, not interpreted.
QString tooltipHtml(const QStringList& paragraphs) {
    QString html = QStringLiteral("<qt>");
    for (const QString& p : paragraphs)
        html += QStringLiteral("<p style='white-space:pre-wrap'>") + p.toHtmlEscaped() +
                QStringLiteral("</p>");
    return html + QStringLiteral("</qt>");
}

QColor nodeFill(const QString& kind, PathScene::NodeStatus status) {
    const QColor base = PathScene::kindColor(kind);
    if (status == PathScene::NodeStatus::OnPath)
        return base;
    // Reference-only and missing nodes are paler, so the model's own row stands out.
    return QColor::fromRgbF(1 - (1 - base.redF()) * 0.45, 1 - (1 - base.greenF()) * 0.45,
                            1 - (1 - base.blueF()) * 0.45);
}

QString qs(const std::string& s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QString relationText(const std::string& relation) {
    return qs(relation).replace(QLatin1Char('_'), QLatin1Char(' '));
}

QString labelText(const PathDiagramModel::Label& label) {
    using Label = PathDiagramModel::Label;
    switch (label.kind) {
    case Label::None:
        return {};
    case Label::Relation:
        return relationText(label.relation);
    case Label::NegatedRelation:
        return PathScene::tr("not %1").arg(relationText(label.relation));
    case Label::HedgedRelation:
        return PathScene::tr("%1?").arg(relationText(label.relation));
    case Label::Branch:
        return QString::fromLatin1(findingTypeName(FindingType::Branch));
    }
    return {};
}

// The tooltip lines of the diagram's notes: sentences of the output quoted by their spans.
class NoteText {
public:
    NoteText(const CaseResult& r, const QByteArray& output) : r_(r), output_(output) {}

    QString textAt(const CaseResult::Span& span) const {
        if (output_.isEmpty() || span.empty() || span.end > std::size_t(output_.size()))
            return {};
        return QString::fromUtf8(
                   output_.mid(qsizetype(span.begin), qsizetype(span.end - span.begin)))
            .simplified();
    }
    QString stepText(int step) const {
        if (step < 0 || std::size_t(step) >= r_.steps.size())
            return {};
        return textAt(r_.steps[std::size_t(step)].span);
    }

    QStringList lines(const std::vector<PathDiagramModel::Note>& notes, const QString& from,
                      const QString& to) const {
        QStringList out;
        for (const PathDiagramModel::Note& n : notes)
            if (const QString line = text(n, from, to); !line.isEmpty())
                out << line;
        return out;
    }

private:
    QString text(const PathDiagramModel::Note& n, const QString& from, const QString& to) const {
        using Note = PathDiagramModel::Note;
        switch (n.kind) {
        case Note::Mentioned:
            if (const QString s = stepText(n.index); !s.isEmpty())
                return PathScene::tr("Mentioned in step %1: %2").arg(n.index).arg(quoted(s));
            return {};
        case Note::ReasoningOrder:
            return PathScene::tr("Reasoning order: %1 \u2192 %2").arg(from, to);
        case Note::Claim:
            return claim(r_.claims[std::size_t(n.index)]);
        case Note::Finding:
        case Note::FindingInStep:
            return finding(r_.findings[std::size_t(n.index)], n.kind == Note::FindingInStep);
        case Note::KgEdge:
            return kgEdge(n.index, std::size_t(n.position));
        case Note::ShouldBeUsedWith:
            return PathScene::tr("%1 should have been used with %2").arg(from, to);
        }
        return {};
    }

    QString claim(const CaseResult::Claim& cl) const {
        QString relation = relationText(cl.relation);
        if (cl.polarity == Polarity::Negated)
            relation = PathScene::tr("not %1").arg(relation);
        else if (cl.polarity == Polarity::Hedged)
            relation = PathScene::tr("%1?").arg(relation);
        QString note = PathScene::tr("Claim (step %1): %2 %3 %4")
                           .arg(cl.step)
                           .arg(qs(cl.head), relation, qs(cl.tail));
        if (const QString s = textAt(cl.span); !s.isEmpty())
            note += QLatin1Char('\n') + quoted(s);
        return note;
    }

    QString finding(const CaseResult::Finding& f, bool withSentence) const {
        QString note =
            PathScene::tr("%1 \u2014 %2 (%3): %4")
                .arg(QLatin1String(CaseResult::typeName(f)), qs(f.subtype),
                     QLatin1String(f.severity ? severityName(*f.severity) : ""), qs(f.explanation));
        if (note.at(0).isLower())
            note[0] = note.at(0).toUpper();
        const QString sentence = withSentence ? stepText(f.step) : QString();
        return sentence.isEmpty() ? note : note + QLatin1Char('\n') + quoted(sentence);
    }

    QString kgEdge(int k, std::size_t i) const {
        const CaseResult::ReferencePath& p = r_.referencePaths[std::size_t(k)];
        const QString name = qs(p.nodes[i]), next = qs(p.nodes[i + 1]);
        const QString relation =
            relationText(i < p.relations.size() ? p.relations[i] : std::string());
        const bool forward = i < p.forward.size() ? bool(p.forward[i]) : true;
        const QString kgText = forward ? PathScene::tr("KG: %1 %2 %3").arg(name, relation, next)
                                       : PathScene::tr("KG: %1 %2 %3").arg(next, relation, name);
        const QString pathName =
            k == r_.bestReference ? PathScene::tr("reference path %1 (r*, best aligned)").arg(k + 1)
                                  : PathScene::tr("reference path %1").arg(k + 1);
        return kgText + QStringLiteral(" (") + pathName + QLatin1Char(')');
    }

    const CaseResult& r_;
    const QByteArray& output_;
};

// The text drawn inside a node: its wrapped name and a subtitle of kind and role.
struct NodeText {
    QStringList lines;
    QString subtitle;
};

NodeText nodeText(const PathDiagramModel::Concept& node) {
    const QFontMetricsF nameMetrics(nameFont(node.onPath));
    NodeText text;
    text.lines = wrapName(qs(node.name), nameMetrics);
    QStringList tags;
    tags << (node.kind.empty() ? PathScene::tr("concept") : qs(node.kind));
    if (node.flags & PathScene::NodeGold)
        tags << PathScene::tr("gold answer");
    if ((node.flags & PathScene::NodePredicted) && !(node.flags & PathScene::NodeGold))
        tags << PathScene::tr("model answer");
    if (node.flags & PathScene::NodeMissing)
        tags << PathScene::tr("never mentioned");
    if (node.flags & PathScene::NodeDecider)
        tags << PathScene::tr("decides the choice");
    text.subtitle = tags.join(QStringLiteral(" \u00b7 "));
    return text;
}

// Graphviz input for the model: node sizes from the text they will hold.
LayoutInput layoutInput(const PathDiagramModel& model, const std::vector<NodeText>& texts) {
    LayoutInput input;
    input.engine = "dot";
    input.rankdir = "LR";
    input.nodeSep = 16;
    input.rankSep = 36;
    input.attributes["splines"] = "true";
    input.attributes["newrank"] = "true";
    const QFontMetricsF subMetrics(smallFont(kSubtitleFontPx, true));
    for (std::size_t i = 0; i < model.concepts.size(); ++i) {
        const PathDiagramModel::Concept& node = model.concepts[i];
        const QFontMetricsF nameMetrics(nameFont(node.onPath));
        qreal width = subMetrics.horizontalAdvance(texts[i].subtitle);
        for (const QString& line : texts[i].lines)
            width = std::max(width, nameMetrics.horizontalAdvance(line));
        const qreal height =
            texts[i].lines.size() * nameMetrics.height() + subMetrics.height() + 2 * kNodePadY;
        LayoutNode ln;
        ln.id = node.name;
        ln.label = node.name;
        ln.width = std::ceil(std::max(70.0, width + 2 * kNodePadX + 8));
        ln.height = std::ceil(height);
        if (node.onPath)
            ln.group = "model";
        // Two clusters keep the model row above the reference rows: without them dot
        // sometimes puts a reference-only concept above the model's row.
        ln.cluster = node.onPath ? "model" : "reference";
        input.nodes.push_back(std::move(ln));
    }
    for (const PathDiagramModel::Edge& e : model.edges) {
        LayoutEdge le;
        le.from = e.from;
        le.to = e.to;
        le.label = labelText(e.label).toStdString();
        le.weight = e.weight;
        le.constraint = e.constraint;
        le.attributes["fontsize"] = "10";
        using Direction = PathDiagramModel::Direction;
        le.attributes["dir"] = e.direction == Direction::Forward ? "forward"
                               : e.direction == Direction::Back  ? "back"
                                                                 : "none";
        input.edges.push_back(std::move(le));
    }
    return input;
}

// Which case and how it ended, and how to read the rows; returns where the diagram starts.
QPointF addHeader(QGraphicsScene& scene, const CaseResult& r) {
    const QString predictedName = r.anchors.predicted ? qs(r.anchors.predicted->name) : QString();
    const QString goldName = r.anchors.gold ? qs(r.anchors.gold->name) : QString();
    const QString verdict = !r.correct   ? PathScene::tr("not scored")
                            : *r.correct ? PathScene::tr("correct")
                                         : PathScene::tr("wrong");
    QString header = qs(r.id);
    if (!r.model.empty())
        header += QStringLiteral("  \u00b7  ") + qs(r.model);
    if (!predictedName.isEmpty())
        header += QStringLiteral("  \u00b7  ") +
                  PathScene::tr("answer: %1 (%2)").arg(predictedName, verdict);
    else
        header += QStringLiteral("  \u00b7  ") + verdict;
    if (!goldName.isEmpty() && goldName != predictedName)
        header += QStringLiteral("  \u00b7  ") + PathScene::tr("gold: %1").arg(goldName);
    auto* title = scene.addSimpleText(header, smallFont(13));
    title->setBrush(QColor(0x22, 0x22, 0x22));
    title->setData(PathScene::KeyItemType, PathScene::HeaderItem);
    const qreal top = title->boundingRect().height() + 14;
    auto* rowNote = scene.addSimpleText(
        PathScene::tr("Top row (bold): the model's reasoning path in reading order. Below: KG "
                      "reference paths from the question's findings to the gold answer; arrows "
                      "give relation direction."),
        smallFont(10.5, true));
    rowNote->setBrush(QColor(0x66, 0x66, 0x66));
    rowNote->setPos(0, title->boundingRect().height() + 1);
    rowNote->setData(PathScene::KeyItemType, PathScene::HeaderItem);
    return QPointF(0, top + 10);
}

void addNodes(QGraphicsScene& scene, const PathDiagramModel& model, const LayoutResult& layout,
              const std::vector<NodeText>& texts, const NoteText& notes, QPointF origin) {
    for (std::size_t i = 0; i < model.concepts.size(); ++i) {
        const PathDiagramModel::Concept& node = model.concepts[i];
        const NodePlacement& placed = layout.nodes[i];
        const QRectF rect(origin.x() + placed.centre.x - placed.width / 2,
                          origin.y() + placed.centre.y - placed.height / 2, placed.width,
                          placed.height);
        const PathScene::NodeStatus status = node.status();
        const QString name = qs(node.name), kind = qs(node.kind);
        auto* item =
            new NodeGraphicsItem(rect, kind, texts[i].lines, texts[i].subtitle, node.onPath);
        QPen pen(QColor(0x44, 0x44, 0x44), node.onPath ? 1.6 : 1.0);
        if (status == PathScene::NodeStatus::Missing) {
            pen = QPen(QColor(0x33, 0x33, 0x33), 1.6, Qt::DashLine);
            item->setBrush(Qt::white);
        } else {
            item->setBrush(nodeFill(kind, status));
        }
        if (node.flags & PathScene::NodeGold)
            pen = QPen(PathScene::edgeColor(PathScene::EdgeStatus::Supported).darker(120), 3.0,
                       pen.style());
        else if (node.flags & PathScene::NodePredicted)
            pen =
                QPen(PathScene::edgeColor(PathScene::EdgeStatus::RelationError), 3.0, pen.style());
        pen.setJoinStyle(Qt::RoundJoin);
        item->setPen(pen);
        item->setZValue(2);
        item->setData(PathScene::KeyItemType, PathScene::NodeItem);
        item->setData(PathScene::KeyName, name);
        item->setData(PathScene::KeyStatus, int(status));
        item->setData(PathScene::KeyKind, kind);
        item->setData(PathScene::KeyFlags, node.flags);
        item->setCursor(Qt::PointingHandCursor);
        QStringList tip;
        tip << name + (kind.isEmpty() ? QString() : QStringLiteral(" (") + kind + QLatin1Char(')'));
        tip << notes.lines(node.notes, name, name);
        tip << PathScene::tr("Click to open in the KG explorer.");
        item->setToolTip(tooltipHtml(tip));
        scene.addItem(item);
    }
}

// The edge's curve as Graphviz routed it, with its arrowheads.
QPainterPath edgeCurve(const EdgePlacement& placed, const LayoutResult& layout,
                       const NodePlacement& fromNode, const NodePlacement& toNode, QPointF origin,
                       std::vector<Arrow>& arrows) {
    QPainterPath curve;
    auto at = [&](const LayoutPoint& p) { return origin + QPointF(p.x, p.y); };
    if (placed.spline.size() >= 4) {
        curve.moveTo(at(placed.spline[0]));
        for (std::size_t p = 1; p + 2 < placed.spline.size(); p += 3)
            curve.cubicTo(at(placed.spline[p]), at(placed.spline[p + 1]), at(placed.spline[p + 2]));
        // Graphviz stops the spline short of an arrowhead; the head fills the gap.
        if (placed.startArrowTip)
            arrows.push_back({at(*placed.startArrowTip), at(placed.spline.front())});
        if (placed.endArrowTip)
            arrows.push_back({at(*placed.endArrowTip), at(placed.spline.back())});
    } else {
        curve.moveTo(at(fromNode.centre));
        curve.lineTo(at(toNode.centre));
    }
    (void)layout;
    return curve;
}

void addEdges(QGraphicsScene& scene, const PathDiagramModel& model, const LayoutResult& layout,
              const NoteText& notes, QPointF origin) {
    std::unordered_map<std::string, std::size_t> nodeIndex;
    for (std::size_t i = 0; i < model.concepts.size(); ++i)
        nodeIndex.emplace(model.concepts[i].name, i);
    for (std::size_t i = 0; i < model.edges.size(); ++i) {
        const PathDiagramModel::Edge& e = model.edges[i];
        const EdgePlacement& placed = layout.edges[i];
        const PathScene::EdgeStatus status = e.status();
        std::vector<Arrow> arrows;
        const QPainterPath curve = edgeCurve(placed, layout, layout.nodes[nodeIndex.at(e.from)],
                                             layout.nodes[nodeIndex.at(e.to)], origin, arrows);
        std::optional<QPointF> labelCentre;
        if (placed.labelCentre)
            labelCentre = origin + QPointF(placed.labelCentre->x, placed.labelCentre->y);
        std::optional<QColor> halo;
        if (status == PathScene::EdgeStatus::RelationError && (e.flags & PathScene::EdgeBranch)) {
            QColor c = PathScene::edgeColor(PathScene::EdgeStatus::Branch);
            c.setAlpha(150);
            halo = c;
        }
        const QString label = labelText(e.label), from = qs(e.from), to = qs(e.to);
        auto* item = new EdgeGraphicsItem(curve, std::move(arrows), label, labelCentre, halo);
        const bool onModel = e.flags & PathScene::EdgeModel;
        QPen pen(PathScene::edgeColor(status), onModel ? 2.4 : 1.5);
        if (status == PathScene::EdgeStatus::Missing)
            pen.setStyle(Qt::DashLine);
        else if (status == PathScene::EdgeStatus::Unverified)
            pen.setStyle(Qt::DotLine);
        pen.setCapStyle(Qt::RoundCap);
        item->setPen(pen);
        item->setZValue(onModel ? 1 : 0);
        item->setData(PathScene::KeyItemType, PathScene::EdgeItem);
        item->setData(PathScene::KeyName, from + QStringLiteral(" -> ") + to);
        item->setData(PathScene::KeyStatus, int(status));
        item->setData(PathScene::KeyKind, label);
        item->setData(PathScene::KeyFlags, e.flags);
        item->setData(PathScene::KeyFrom, from);
        item->setData(PathScene::KeyTo, to);
        QStringList tip;
        tip << QStringLiteral("%1 \u2014 %2 (%3)").arg(from, to, PathScene::edgeStatusName(status));
        tip << notes.lines(e.notes, from, to);
        item->setToolTip(tooltipHtml(tip));
        scene.addItem(item);
    }
}

// Edge statuses always (so absence is readable too), then the node kinds present.
std::vector<LegendEntry> legendEntries(const PathDiagramModel& model) {
    using Status = PathScene::EdgeStatus;
    std::vector<LegendEntry> entries;
    for (Status s : {Status::Supported, Status::Unverified, Status::RelationError, Status::Branch,
                     Status::Reference}) {
        LegendEntry entry{LegendEntry::Line, PathScene::edgeStatusName(s), PathScene::edgeColor(s)};
        entry.width = 2.4;
        if (s == Status::Unverified)
            entry.style = Qt::DotLine;
        entries.push_back(entry);
    }
    LegendEntry toMissing{LegendEntry::Line, PathScene::edgeStatusName(Status::Missing),
                          PathScene::edgeColor(Status::Missing)};
    toMissing.style = Qt::DashLine;
    toMissing.width = 1.5;
    entries.push_back(toMissing);
    LegendEntry both{LegendEntry::Line, PathScene::tr("relation error on the branch"),
                     PathScene::edgeColor(Status::RelationError)};
    both.width = 2.4;
    both.halo = PathScene::edgeColor(Status::Branch);
    entries.push_back(both);
    LegendEntry missing{LegendEntry::Node, PathScene::tr("never mentioned (missing)"), Qt::white};
    missing.style = Qt::DashLine;
    missing.borderWidth = 1.6;
    entries.push_back(missing);
    LegendEntry gold{LegendEntry::Node, PathScene::tr("gold answer"), QColor(0xf4, 0xf4, 0xf4)};
    gold.border = PathScene::edgeColor(Status::Supported).darker(120);
    gold.borderWidth = 3;
    entries.push_back(gold);
    LegendEntry predicted{LegendEntry::Node, PathScene::tr("model answer (wrong)"),
                          QColor(0xf4, 0xf4, 0xf4)};
    predicted.border = PathScene::edgeColor(Status::RelationError);
    predicted.borderWidth = 3;
    entries.push_back(predicted);
    QStringList kinds;
    for (const PathDiagramModel::Concept& node : model.concepts) {
        const QString k = canonicalKind(qs(node.kind));
        if (!kinds.contains(k))
            kinds << k;
    }
    for (const QString& k : kinds) {
        LegendEntry entry{LegendEntry::Node, k == "Other" ? PathScene::tr("other kind") : k,
                          PathScene::kindColor(k)};
        entry.nodeKind = k;
        entries.push_back(entry);
    }
    return entries;
}

} // namespace

PathScene::PathScene(QObject* parent) : QGraphicsScene(parent) {
    setBackgroundBrush(Qt::white);
}

PathScene::~PathScene() = default;

QColor PathScene::edgeColor(EdgeStatus status) {
    switch (status) {
    case EdgeStatus::Supported:
        return QColor(0x2e, 0x8b, 0x57);
    case EdgeStatus::Unverified:
        return QColor(0x9a, 0x9a, 0x9a);
    case EdgeStatus::RelationError:
        return findingTypeColor(FindingType::Relation);
    case EdgeStatus::Branch:
        return findingTypeColor(FindingType::Branch);
    case EdgeStatus::Reference:
        return QColor(0x5f, 0x7f, 0xa3);
    case EdgeStatus::Missing:
        return QColor(0x5f, 0x7f, 0xa3);
    }
    return Qt::black;
}

QString PathScene::edgeStatusName(EdgeStatus status) {
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

QColor PathScene::kindColor(const QString& kind) {
    return QColor(QLatin1String(conceptKindFill(kind.toStdString())));
}

void PathScene::clearCase() {
    clear();
    legend_ = nullptr;
    hasCase_ = false;
    caseId_.clear();
    error_.clear();
    setSceneRect(QRectF());
}

bool PathScene::setCase(const nlohmann::json& caseResult, const QByteArray& outputUtf8) {
    if (!looksLikeCaseResult(caseResult)) {
        clearCase();
        error_ = tr("not a case result: it has neither a reasoning path nor reference paths");
        return false;
    }
    return setCase(decodeCaseResult(caseResult), outputUtf8);
}

bool PathScene::setCase(const CaseResult& r, const QByteArray& outputUtf8) {
    clearCase();
    caseId_ = QString::fromStdString(r.id);
    const PathDiagramModel model = PathDiagramModel::build(r);
    std::vector<NodeText> texts;
    for (const PathDiagramModel::Concept& node : model.concepts)
        texts.push_back(nodeText(node));
    const LayoutResult layout = layoutGraph(layoutInput(model, texts));
    if (!layout.ok) {
        error_ = tr("The path diagram could not be laid out: %1")
                     .arg(QString::fromStdString(layout.error));
        return false;
    }

    const QPointF origin = addHeader(*this, r);
    const NoteText notes(r, outputUtf8);
    addNodes(*this, model, layout, texts, notes, origin);
    addEdges(*this, model, layout, notes, origin);

    auto* legend = new LegendGraphicsItem(legendEntries(model), std::max(640.0, layout.width));
    legend->setPos(origin + QPointF(0, layout.height + 24));
    legend->setData(KeyItemType, LegendItem);
    legend->setZValue(3);
    addItem(legend);
    legend_ = legend;

    if (model.concepts.empty()) {
        auto* empty =
            addSimpleText(tr("No KG concept was linked in this output."), smallFont(12, true));
        empty->setPos(origin);
        empty->setData(KeyItemType, HeaderItem);
    }

    setSceneRect(itemsBoundingRect().adjusted(-16, -16, 16, 16));
    hasCase_ = true;
    return true;
}

QGraphicsItem* PathScene::nodeItem(const QString& name) const {
    for (QGraphicsItem* item : items())
        if (item->data(KeyItemType).toInt() == NodeItem && item->data(KeyName).toString() == name)
            return item;
    return nullptr;
}

QList<QGraphicsItem*> PathScene::nodeItems() const {
    QList<QGraphicsItem*> result;
    for (QGraphicsItem* item : items(Qt::AscendingOrder))
        if (item->data(KeyItemType).toInt() == NodeItem)
            result << item;
    return result;
}

QList<QGraphicsItem*> PathScene::edgeItems() const {
    QList<QGraphicsItem*> result;
    for (QGraphicsItem* item : items(Qt::AscendingOrder))
        if (item->data(KeyItemType).toInt() == EdgeItem)
            result << item;
    return result;
}

QList<QGraphicsItem*> PathScene::edgeItems(EdgeStatus status) const {
    QList<QGraphicsItem*> result;
    for (QGraphicsItem* item : edgeItems())
        if (item->data(KeyStatus).toInt() == int(status))
            result << item;
    return result;
}

QGraphicsItem* PathScene::edgeItem(const QString& from, const QString& to) const {
    for (QGraphicsItem* item : edgeItems()) {
        const QString a = item->data(KeyFrom).toString();
        const QString b = item->data(KeyTo).toString();
        if ((a == from && b == to) || (a == to && b == from))
            return item;
    }
    return nullptr;
}

QString PathScene::toSvg() const {
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

QImage PathScene::toImage(int scale) const {
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
