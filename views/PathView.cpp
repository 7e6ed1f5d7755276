#include "PathView.h"

#include <QResizeEvent>

#include "PathScene.h"

#include <QApplication>
#include <QGraphicsItem>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QSet>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace rs {

namespace {
constexpr qreal kMinZoom = 0.05;
constexpr qreal kMaxZoom = 8.0;
// Fitting a small path into a large view should not blow its text up beyond reading size.
constexpr qreal kMaxFitZoom = 1.5;
// Below this a long path's labels cannot be read (names are kNameFontPx = 12 px in the
// scene, so at least about 10 px on screen): fitting stops here and shows the part of the
// path where the reasoning went wrong, to be scrolled, rather than all of it in miniature.
constexpr qreal kMinFitZoom = 0.85;
} // namespace

PathView::PathView(QWidget* parent) : QGraphicsView(parent), scene_(new PathScene(this)) {
    setScene(scene_);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Path view"));
}

PathView::~PathView() = default;

QString PathView::placeholderText() const {
    if (!message_.isEmpty())
        return message_;
    return scene_->hasCase() ? QString() : tr("Select a case to see its reasoning path");
}

bool PathView::setCase(const CaseResult& caseResult, const QByteArray& outputUtf8) {
    return showOutcome(scene_->setCase(caseResult, outputUtf8));
}

bool PathView::setCase(const nlohmann::json& caseResult, const QByteArray& outputUtf8) {
    return showOutcome(scene_->setCase(caseResult, outputUtf8));
}

bool PathView::showOutcome(bool ok) {
    message_ = ok ? QString() : scene_->errorString();
    resetTransform();
    if (ok)
        fitToView();
    viewport()->update();
    return ok;
}

void PathView::clearCase() {
    scene_->clearCase();
    message_.clear();
    resetTransform();
    viewport()->update();
}

QRectF PathView::errorRegion() const {
    QRectF region;
    for (QGraphicsItem* node : scene_->nodeItems())
        if (node->data(PathScene::KeyFlags).toInt() &
            (PathScene::NodeBranchPoint | PathScene::NodeMissing | PathScene::NodeDecider))
            region |= node->sceneBoundingRect();
    // The branch edge brings the concept the model turned to along with the divergence.
    for (QGraphicsItem* edge : scene_->edgeItems())
        if (edge->data(PathScene::KeyFlags).toInt() & PathScene::EdgeBranch)
            region |= edge->sceneBoundingRect();
    return region;
}

qreal PathView::zoomFactor() const {
    return transform().m11();
}

void PathView::fitToView() {
    if (!scene_->hasCase())
        return;
    autoFit_ = true;
    const QRectF rect = scene_->sceneRect();
    fitInView(rect, Qt::KeepAspectRatio);
    if (zoomFactor() > kMaxFitZoom)
        setTransform(QTransform::fromScale(kMaxFitZoom, kMaxFitZoom));
    if (zoomFactor() < kMinFitZoom) {
        setTransform(QTransform::fromScale(kMinFitZoom, kMinFitZoom));
        const QRectF focus = errorRegion();
        if (!focus.isEmpty()) {
            centerOn(focus.center());
        } else {
            // The reading order runs left to right: start at the question's findings.
            const qreal halfWidth = viewport()->width() / (2 * kMinFitZoom);
            centerOn(QPointF(rect.left() + halfWidth, rect.center().y()));
        }
    } else {
        centerOn(rect.center());
    }
    emit zoomChanged(zoomFactor());
}

void PathView::zoomIn() {
    zoomBy(1.25);
}
void PathView::zoomOut() {
    zoomBy(1 / 1.25);
}

void PathView::resetZoom() {
    autoFit_ = false;
    setTransform(QTransform());
    emit zoomChanged(1.0);
}

void PathView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    // Docks settle their sizes after the first case is shown: keep it fitted until the user
    // zooms.
    if (autoFit_ && scene_->hasCase())
        fitToView();
}

void PathView::zoomBy(qreal factor) {
    autoFit_ = false;
    const qreal target = std::clamp(zoomFactor() * factor, kMinZoom, kMaxZoom);
    const qreal applied = target / zoomFactor();
    if (std::abs(applied - 1.0) < 1e-9)
        return;
    scale(applied, applied);
    emit zoomChanged(zoomFactor());
}

void PathView::wheelEvent(QWheelEvent* event) {
    // angleDelta is in eighths of a degree; one notch (120) zooms by 15 %, and touchpads
    // sending small deltas zoom proportionally.
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    zoomBy(std::pow(1.15, delta / 120.0));
    event->accept();
}

void PathView::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) {
        pressed_ = true;
        pressPos_ = event->position().toPoint();
    }
    QGraphicsView::mousePressEvent(event);
}

void PathView::mouseReleaseEvent(QMouseEvent* event) {
    QGraphicsView::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton || !pressed_)
        return;
    pressed_ = false;
    const QPoint pos = event->position().toPoint();
    // A press that moved is a pan, not a click.
    if ((pos - pressPos_).manhattanLength() >= QApplication::startDragDistance())
        return;
    const QString name = nodeAt(pos);
    if (!name.isEmpty())
        emit nodeActivated(name);
}

void PathView::keyPressEvent(QKeyEvent* event) {
    if (event->matches(QKeySequence::ZoomIn) || event->key() == Qt::Key_Plus) {
        zoomIn();
    } else if (event->matches(QKeySequence::ZoomOut) || event->key() == Qt::Key_Minus) {
        zoomOut();
    } else if (event->key() == Qt::Key_0 || event->key() == Qt::Key_F) {
        fitToView();
    } else {
        QGraphicsView::keyPressEvent(event);
        return;
    }
    event->accept();
}

QString PathView::nodeAt(const QPoint& viewportPos) const {
    for (QGraphicsItem* item : items(viewportPos)) {
        if (item->data(PathScene::KeyItemType).toInt() == PathScene::NodeItem)
            return item->data(PathScene::KeyName).toString();
    }
    return {};
}

void PathView::drawForeground(QPainter* painter, const QRectF& rect) {
    QGraphicsView::drawForeground(painter, rect);
    const QString text = placeholderText();
    if (text.isEmpty())
        return;
    // Viewport coordinates, so the message stays centred and readable at any zoom.
    painter->save();
    painter->resetTransform();
    painter->setPen(palette().color(QPalette::PlaceholderText));
    painter->drawText(viewport()->rect().adjusted(24, 24, -24, -24),
                      Qt::AlignCenter | Qt::TextWordWrap, text);
    painter->restore();
}

} // namespace rs

namespace rs {

void PathView::highlightNodes(const QStringList& names) {
    const QSet<QString> focus(names.begin(), names.end());
    for (QGraphicsItem* item : scene()->items()) {
        const int type = item->data(PathScene::KeyItemType).toInt();
        bool inFocus = true;
        if (type == PathScene::NodeItem)
            inFocus = focus.isEmpty() || focus.contains(item->data(PathScene::KeyName).toString());
        else if (type == PathScene::EdgeItem)
            inFocus =
                focus.isEmpty() || (focus.contains(item->data(PathScene::KeyFrom).toString()) &&
                                    focus.contains(item->data(PathScene::KeyTo).toString()));
        else
            continue;
        item->setOpacity(inFocus ? 1.0 : 0.25);
    }
}

} // namespace rs
