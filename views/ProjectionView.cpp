#include "ProjectionView.h"

#include "FindingColors.h"
#include "FindingKinds.h"

#include "GraphvizLayout.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QGraphicsItem>
#include <QGraphicsLineItem>
#include <QGraphicsScene>
#include <QMouseEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <exception>
#include <map>
#include <memory>

namespace rs {

namespace {

constexpr qreal kMinZoom = 0.05;
constexpr qreal kMaxZoom = 8.0;
constexpr qreal kMaxFitZoom = 1.5;
// Disc diameters in points: the most affected concept gets kMaxDiameter, the others
// kMaxDiameter * sqrt(cases / max) (area proportional to cases), at least kMinDiameter.
constexpr qreal kMaxDiameter = 64.0;
constexpr qreal kMinDiameter = 9.0;
constexpr qreal kMargin = 24.0;
// The most affected nodes carry a label; the rest show theirs as a tooltip.
constexpr int kLabelledNodes = 60;
constexpr int kLabelChars = 28;
// Co-occurrence lines per node at most, strongest first: beyond that the map turns into a
// hairball and sfdp slows down.
constexpr int kEdgesPerNode = 4;
const auto& kTypes = findingTypeNames();

QString elided(const QString& s, int max) {
    return s.size() <= max ? s : s.left(max - 1) + QChar(0x2026);
}

class ConceptNodeItem : public QGraphicsItem {
public:
    ConceptNodeItem(qreal diameter, QColor colour, QString label)
        : radius_(diameter / 2), colour_(colour), label_(std::move(label)) {
        font_ = labelFont();
        if (!label_.isEmpty()) {
            const QSizeF size = labelSize(label_);
            labelRect_ = QRectF(QPointF(-size.width() / 2, radius_ + 1), size);
        }
        setFlag(ItemIsSelectable);
        setAcceptHoverEvents(true);
    }

    static QFont labelFont() {
        QFont f;
        f.setPointSizeF(8.0);
        return f;
    }
    static QSizeF labelSize(const QString& label) {
        const QFontMetricsF fm(labelFont());
        return QSizeF(fm.horizontalAdvance(label) + 6, fm.height() + 2);
    }

    QRectF boundingRect() const override {
        const qreal r = radius_ + 3; // room for the selection ring
        return QRectF(-r, -r, 2 * r, 2 * r).united(labelRect_);
    }
    // Hit tests and rubber bands use the disc only, not the label below it.
    QPainterPath shape() const override {
        QPainterPath p;
        p.addEllipse(QPointF(0, 0), radius_, radius_);
        return p;
    }

    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) override {
        const bool hover = option->state & QStyle::State_MouseOver;
        painter->setRenderHint(QPainter::Antialiasing);
        if (isSelected()) {
            painter->setPen(QPen(QColor(0x1f, 0x1f, 0x1f), 2.5));
            painter->setBrush(Qt::NoBrush);
            painter->drawEllipse(QPointF(0, 0), radius_ + 2, radius_ + 2);
        }
        QColor fill = colour_;
        fill.setAlphaF(hover || isSelected() ? 1.0 : 0.85);
        painter->setPen(QPen(hover ? QColor(0x33, 0x33, 0x33) : QColor(Qt::white), 1.0));
        painter->setBrush(fill);
        painter->drawEllipse(QPointF(0, 0), radius_, radius_);
        if (!labelRect_.isEmpty()) {
            painter->setPen(Qt::NoPen);
            painter->setBrush(QColor(255, 255, 255, 200));
            painter->drawRoundedRect(labelRect_, 3, 3);
            painter->setFont(font_);
            painter->setPen(QColor(0x22, 0x22, 0x22));
            painter->drawText(labelRect_, Qt::AlignCenter, label_);
        }
    }

private:
    qreal radius_;
    QColor colour_;
    QString label_;
    QFont font_;
    QRectF labelRect_;
};

} // namespace

ProjectionView::ProjectionView(QWidget* parent)
    : QGraphicsView(parent), scene_(new QGraphicsScene(this)) {
    gate_ = new HiddenRebuildGate(this, [this] { rebuild(); });
    setScene(scene_);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::RubberBandDrag);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setBackgroundBrush(Qt::white);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Projection view"));
    rebuild();
}

ProjectionView::~ProjectionView() = default;

void ProjectionView::setStore(const ProjectStore* store) {
    store_ = store;
    gate_->invalidate();
    gate_->request();
}

void ProjectionView::setQuery(const CaseQuery& query) {
    if (gate_->isCurrent() && query == query_)
        return; // e.g. a new sort order of the table: nothing here changes
    query_ = query;
    gate_->request();
}

void ProjectionView::setNodeLimit(int limit) {
    limit_ = std::max(1, limit);
    rebuild();
}

void ProjectionView::refresh() {
    rebuild();
}

QString ProjectionView::dominantType(const ProjectStore::ConceptStat& stat) {
    QString best;
    std::int64_t most = 0;
    for (const char* t : kTypes) {
        auto it = stat.casesByType.find(t);
        if (it != stat.casesByType.end() && it->second > most) {
            most = it->second;
            best = QString::fromLatin1(t);
        }
    }
    return best;
}

QString ProjectionView::toolTipOf(const ProjectStore::ConceptStat& stat) {
    QStringList parts;
    for (const char* t : kTypes)
        if (auto it = stat.casesByType.find(t); it != stat.casesByType.end() && it->second > 0)
            parts << QStringLiteral("%1 %2").arg(QLatin1String(t)).arg(it->second);
    QString text = QString::fromStdString(stat.name) + QStringLiteral(" \u2014 ") +
                   (stat.cases == 1 ? tr("1 case") : tr("%1 cases").arg(stat.cases));
    if (!parts.isEmpty())
        text += QStringLiteral(" (") + parts.join(QStringLiteral(", ")) + QLatin1Char(')');
    return text;
}

// What the map shows for one query: read and laid out on any thread.
struct ProjectionView::Snapshot {
    std::vector<ProjectStore::ConceptStat> stats; // most affected first
    std::vector<std::pair<std::string, std::string>> links;
    std::vector<qreal> diameters;
    std::vector<QPointF> centres;
    bool truncated = false;
    QString message; // shown instead of a map when set
};

ProjectionView::Snapshot ProjectionView::collect(const ProjectStore& store, const CaseQuery& query,
                                                 int limit) {
    Snapshot snap;
    std::vector<ProjectStore::ConceptStat>& stats = snap.stats;
    std::vector<std::pair<std::string, std::string>>& links = snap.links;
    try {
        // One more than shown, to tell whether the map leaves concepts out.
        stats = store.findingConcepts(query, limit + 1);
        if (int(stats.size()) > limit) {
            snap.truncated = true;
            stats.resize(std::size_t(limit));
        }
        std::vector<std::string> names;
        for (const auto& s : stats)
            names.push_back(s.name);
        links = store.conceptLinks(names);
    } catch (const std::exception& e) {
        snap.message = tr("Cannot read the findings: %1").arg(QString::fromUtf8(e.what()));
        return snap;
    }
    if (stats.empty()) {
        snap.message = tr("No findings to map under this filter");
        return snap;
    }
    const std::size_t maxEdges = stats.size() * kEdgesPerNode;
    if (links.size() > maxEdges)
        links.resize(maxEdges); // strongest first

    const double maxCases = double(std::max<std::int64_t>(stats.front().cases, 1));
    std::map<std::string, std::size_t> index;
    LayoutInput in;
    in.engine = "sfdp";
    in.directed = false;
    in.attributes = {{"overlap", "prism"}, {"sep", "+6"}, {"splines", "false"}};
    for (std::size_t i = 0; i < stats.size(); ++i) {
        const qreal d =
            std::max(kMinDiameter, kMaxDiameter * std::sqrt(double(stats[i].cases) / maxCases));
        snap.diameters.push_back(d);
        index[stats[i].name] = i;
        LayoutNode n;
        n.id = "c" + std::to_string(i);
        n.width = n.height = d;
        // Labelled nodes keep room for the text below them (and, to stay centred on the
        // disc, as much above). QFontMetricsF is reentrant, so this may run on a worker.
        if (int(i) < kLabelledNodes) {
            const QSizeF label = ConceptNodeItem::labelSize(
                elided(QString::fromStdString(stats[i].name), kLabelChars));
            n.width = std::max(d, label.width());
            n.height = d + 2 * (label.height() + 1);
        }
        in.nodes.push_back(std::move(n));
    }
    for (const auto& [a, b] : links) {
        LayoutEdge e;
        e.from = "c" + std::to_string(index.at(a));
        e.to = "c" + std::to_string(index.at(b));
        in.edges.push_back(std::move(e));
    }
    LayoutResult out = layoutGraph(in);
    if (!out.ok) {
        // prism needs Graphviz built with GTS; fall back to scaling the layout apart.
        in.attributes["overlap"] = "scale";
        out = layoutGraph(in);
    }
    if (!out.ok) {
        snap.message =
            tr("Cannot lay out the concept map: %1").arg(QString::fromStdString(out.error));
        return snap;
    }
    for (const NodePlacement& p : out.nodes)
        snap.centres.emplace_back(p.centre.x, p.centre.y);
    return snap;
}

void ProjectionView::setBackgroundReading(bool on) {
    if (on == (reader_ != nullptr))
        return;
    if (on) {
        reader_ = new AsyncStoreReader(this);
        connect(reader_, &AsyncStoreReader::busyChanged, viewport(), qOverload<>(&QWidget::update));
    } else {
        delete reader_;
        reader_ = nullptr;
    }
    gate_->invalidate();
    gate_->request();
}

bool ProjectionView::isUpdating() const {
    return reader_ && reader_->isBusy();
}

void ProjectionView::rebuild() {
    if (!store_) {
        if (reader_)
            reader_->cancel();
        Snapshot none;
        none.message = tr("Open a project to see the concept map");
        showSnapshot(none);
        return;
    }
    if (reader_ && !store_->path().empty()) {
        reader_->setPath(store_->path());
        // The job runs on the worker and must not touch the view; the delivery it returns
        // runs on the view's thread.
        reader_->request(
            [this, query = query_, limit = limit_](const ProjectStore& store) {
                auto snap = std::make_shared<Snapshot>(collect(store, query, limit));
                return AsyncStoreReader::Delivery([this, snap] { showSnapshot(*snap); });
            },
            [this](const QString& message) {
                Snapshot failed;
                failed.message = tr("Cannot read the findings: %1").arg(message);
                showSnapshot(failed);
            });
        return;
    }
    showSnapshot(collect(*store_, query_, limit_));
}

void ProjectionView::showSnapshot(const Snapshot& snap) {
    scene_->clear();
    nodes_.clear();
    edgeCount_ = 0;
    truncated_ = snap.truncated;
    message_ = snap.message;
    autoFit_ = true;
    resetTransform();
    if (!message_.isEmpty()) {
        viewport()->update();
        emit updated();
        return;
    }
    const auto& stats = snap.stats;
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < stats.size(); ++i)
        index[stats[i].name] = i;
    const std::vector<QPointF>& centres = snap.centres;
    QPen edgePen(QColor(0x70, 0x70, 0x70, 70), 1.0);
    edgePen.setCosmetic(true);
    for (const auto& [a, b] : snap.links) {
        auto* line = scene_->addLine(QLineF(centres[index.at(a)], centres[index.at(b)]), edgePen);
        line->setZValue(-1);
        line->setData(KeyItemType, EdgeItem);
        line->setData(KeyName, QString::fromStdString(a + " -- " + b));
        ++edgeCount_;
    }
    for (std::size_t i = 0; i < stats.size(); ++i) {
        const ProjectStore::ConceptStat& s = stats[i];
        const QString type = dominantType(s);
        const QString name = QString::fromStdString(s.name);
        auto* item =
            new ConceptNodeItem(snap.diameters[i], findingTypeColor(type),
                                int(i) < kLabelledNodes ? elided(name, kLabelChars) : QString());
        item->setPos(centres[i]);
        // Bigger nodes under smaller ones, so small discs are never hidden.
        item->setZValue(double(i) / double(stats.size()));
        item->setToolTip(toolTipOf(s));
        item->setData(KeyItemType, NodeItem);
        item->setData(KeyName, name);
        item->setData(KeyCases, qint64(s.cases));
        item->setData(KeyType, type);
        scene_->addItem(item);
        nodes_.push_back(item);
    }
    mapRect_ = scene_->itemsBoundingRect().adjusted(-kMargin, -kMargin, kMargin, kMargin);
    scene_->setSceneRect(mapRect_);
    fitToView();
    viewport()->update();
    emit updated();
}

QGraphicsItem* ProjectionView::nodeItem(const QString& name) const {
    for (QGraphicsItem* item : nodes_)
        if (item->data(KeyName).toString() == name)
            return item;
    return nullptr;
}

QList<QGraphicsItem*> ProjectionView::nodeItems() const {
    return QList<QGraphicsItem*>(nodes_.begin(), nodes_.end());
}

QString ProjectionView::placeholderText() const {
    return message_;
}

qreal ProjectionView::zoomFactor() const {
    return transform().m11();
}

void ProjectionView::fitToView() {
    if (nodes_.empty())
        return;
    // The legend strip at the top stays clear of the map: the scene rect grows upwards by
    // the strip's height at the fitted scale.
    const QRectF map = mapRect_;
    const QRectF area = QRectF(viewport()->rect()).adjusted(4, legendHeight() + 4, -4, -4);
    if (map.isEmpty() || area.width() <= 0 || area.height() <= 0)
        return;
    const qreal s = std::clamp(std::min(area.width() / map.width(), area.height() / map.height()),
                               kMinZoom, kMaxFitZoom);
    scene_->setSceneRect(map.adjusted(0, -(legendHeight() + 4) / s, 0, 0));
    setTransform(QTransform::fromScale(s, s));
    centerOn(scene_->sceneRect().center());
}

int ProjectionView::legendHeight() const {
    return fontMetrics().height() + 12;
}

void ProjectionView::zoomIn() {
    zoomBy(1.25);
}
void ProjectionView::zoomOut() {
    zoomBy(0.8);
}

void ProjectionView::zoomBy(qreal factor) {
    const qreal target = std::clamp(zoomFactor() * factor, kMinZoom, kMaxZoom);
    if (zoomFactor() > 0)
        scale(target / zoomFactor(), target / zoomFactor());
    autoFit_ = false;
}

void ProjectionView::wheelEvent(QWheelEvent* event) {
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    zoomBy(std::pow(1.0015, delta));
    event->accept();
}

void ProjectionView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    if (autoFit_)
        fitToView();
}

QString ProjectionView::nodeAt(const QPoint& viewportPos) const {
    for (QGraphicsItem* item : items(viewportPos))
        if (item->data(KeyItemType).toInt() == NodeItem)
            return item->data(KeyName).toString();
    return {};
}

void ProjectionView::mousePressEvent(QMouseEvent* event) {
    pressed_ = event->button() == Qt::LeftButton;
    pressPos_ = event->position().toPoint();
    pressNode_ = pressed_ ? nodeAt(pressPos_) : QString();
    QGraphicsView::mousePressEvent(event);
}

void ProjectionView::mouseReleaseEvent(QMouseEvent* event) {
    QGraphicsView::mouseReleaseEvent(event);
    if (!pressed_ || event->button() != Qt::LeftButton)
        return;
    pressed_ = false;
    const bool click = (event->position().toPoint() - pressPos_).manhattanLength() <
                       QApplication::startDragDistance();
    if (click) {
        if (!pressNode_.isEmpty())
            emit conceptActivated(pressNode_);
        else if (scene_->selectedItems().isEmpty())
            emit selectionCleared();
        return;
    }
    if (pressNode_.isEmpty()) // a rubber band, not a drag that started on a node
        emitSelection();
}

void ProjectionView::emitSelection() {
    std::vector<std::string> names;
    QStringList shown;
    // Most affected first, so the label names the biggest ones.
    for (QGraphicsItem* item : nodes_)
        if (item->isSelected()) {
            names.push_back(item->data(KeyName).toString().toStdString());
            shown << item->data(KeyName).toString();
        }
    if (names.empty() || !store_)
        return;
    std::vector<qint64> ids;
    try {
        for (std::int64_t id : store_->casesWithConcepts(names, query_))
            ids.push_back(qint64(id));
    } catch (const std::exception& e) {
        message_ = tr("Cannot read the findings: %1").arg(QString::fromUtf8(e.what()));
        viewport()->update();
        return;
    }
    QString label;
    if (shown.size() <= 3)
        label = shown.join(QStringLiteral(", "));
    else
        label = tr("%1, %2 and %3 more").arg(shown[0], shown[1]).arg(shown.size() - 2);
    emit casesSelected(ids, tr("Concepts: %1").arg(label));
}

void ProjectionView::drawForeground(QPainter* painter, const QRectF& rect) {
    QGraphicsView::drawForeground(painter, rect);
    // Viewport coordinates, so the text stays put and readable at any zoom.
    painter->save();
    painter->resetTransform();
    if (!message_.isEmpty()) {
        painter->setPen(palette().color(QPalette::PlaceholderText));
        painter->drawText(viewport()->rect().adjusted(24, 24, -24, -24),
                          Qt::AlignCenter | Qt::TextWordWrap, message_);
        painter->restore();
        return;
    }
    // Legend strip: the colours, what size means, and whether concepts were left out.
    const QFontMetrics fm(font());
    const int h = legendHeight();
    const int d = fm.height() - 5;
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(255, 255, 255, 230));
    painter->drawRect(QRect(0, 0, viewport()->width(), h));
    int x = 10;
    for (const char* t : kTypes) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(findingTypeColor(QLatin1String(t)));
        painter->drawEllipse(QRect(x, (h - d) / 2, d, d));
        x += d + 5;
        painter->setPen(palette().color(QPalette::WindowText));
        const QString label = QLatin1String(t);
        painter->drawText(QRect(x, 0, fm.horizontalAdvance(label) + 1, h), Qt::AlignVCenter, label);
        x += fm.horizontalAdvance(label) + 14;
    }
    QString note = tr("Colour: class affecting most cases \u00b7 size: affected cases \u00b7 %1")
                       .arg(truncated_ ? tr("top %1 concepts").arg(nodes_.size())
                                       : tr("%1 concepts").arg(nodes_.size()));
    if (isUpdating())
        note = tr("Updating\u2026") + QStringLiteral(" \u00b7 ") + note;
    painter->setPen(palette().color(QPalette::PlaceholderText));
    painter->drawText(QRect(x + 6, 0, std::max(0, viewport()->width() - x - 12), h),
                      Qt::AlignVCenter,
                      fm.elidedText(note, Qt::ElideRight, viewport()->width() - x - 12));
    painter->setPen(QColor(0xdd, 0xdd, 0xdd));
    painter->drawLine(0, h, viewport()->width(), h);
    painter->restore();
}

} // namespace rs
