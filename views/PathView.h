#pragma once
// The path view widget: shows a PathScene with wheel zoom (anchored under the cursor), drag
// to pan, fit-to-view, and an empty-state text when no case is selected. A click (press and
// release without dragging) on a concept emits nodeActivated, which the window routes to
// the KG explorer.
#include "CaseResult.h"

#include <nlohmann/json_fwd.hpp>

#include <QGraphicsView>

namespace rs {

class PathScene;

class PathView : public QGraphicsView {
    Q_OBJECT
public:
    explicit PathView(QWidget* parent = nullptr);
    ~PathView() override;

    // The scene this view owns and shows.
    PathScene* pathScene() const { return scene_; }

    // Shows one case (see PathScene::setCase) and fits it into the view. Returns false and
    // shows the error text instead when the case cannot be drawn.
    bool setCase(const CaseResult& caseResult, const QByteArray& outputUtf8 = {});
    bool setCase(const nlohmann::json& caseResult, const QByteArray& outputUtf8 = {});
    void clearCase();
    // Brings these concepts (and the edges between them) forward and dims the rest, e.g.
    // the nodes of the finding selected in the instance view; empty: everything normal.
    void highlightNodes(const QStringList& names);

    // The text drawn when there is nothing to show.
    QString placeholderText() const;
    qreal zoomFactor() const;

public slots:
    void fitToView();
    void zoomIn();
    void zoomOut();
    void resetZoom();

signals:
    void nodeActivated(const QString& name);
    void zoomChanged(qreal factor);

protected:
    void wheelEvent(QWheelEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void drawForeground(QPainter* painter, const QRectF& rect) override;

private:
    bool showOutcome(bool ok);
    void zoomBy(qreal factor);
    QString nodeAt(const QPoint& viewportPos) const;

    PathScene* scene_ = nullptr;
    QPoint pressPos_;
    bool pressed_ = false;
    QString message_;
    bool autoFit_ = true; // refit on resize until the user zooms
};

} // namespace rs
