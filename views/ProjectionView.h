#pragma once
// The projection view: a 2D map of the concepts named in findings of the cases under the
// current query, laid out by Graphviz sfdp. One disc per concept (its area grows with the
// number of affected cases, its colour is the finding class that affects most of them),
// joined by a line when two concepts are named together in one finding. Only the most
// affected concepts are shown (nodeLimit, 150 by default), which keeps the layout fast.
//
// Dragging a rubber band over nodes selects them and emits casesSelected with the cases
// (under the current query) that have a finding naming any of them; the window turns that
// into CaseQuery::caseIds. A click (press and release without dragging) on a node emits
// conceptActivated. The wheel zooms under the cursor.
//
// Store queries and the layout are bounded by the node limit. They run on the calling (GUI)
// thread, or with background reading on (the window turns it on) on a worker thread with a
// read-only connection of the view's own: the previous map stays, marked "Updating…", until
// the new one arrives, and updated() says when.
#include "AsyncStoreReader.h"
#include "HiddenRebuildGate.h"
#include "ProjectStore.h"

#include <QGraphicsView>
#include <QString>

#include <cstdint>
#include <vector>

class QGraphicsItem;
class QGraphicsScene;

namespace rs {

class ProjectionView : public QGraphicsView {
    Q_OBJECT
public:
    // QGraphicsItem::data() keys of the items this view creates, so tests and tools can find
    // them without reading pixels.
    enum DataKey {
        KeyItemType = 0, // ItemType
        KeyName = 1,     // node: concept name; edge: "a -- b"
        KeyCases = 2,    // node: affected cases (qint64)
        KeyType = 3,     // node: dominant finding type (its findingTypeName)
    };
    enum ItemType { NodeItem = 1, EdgeItem = 2 };
    static constexpr int kDefaultNodeLimit = 150;

    explicit ProjectionView(QWidget* parent = nullptr);
    ~ProjectionView() override;

    // The store is not owned and must outlive the view (or be reset to nullptr first).
    // Both setters rebuild the map.
    void setStore(const ProjectStore* store);
    void setQuery(const CaseQuery& query);
    // In a window, a hidden view (an inactive dock tab) need not recompute on every filter
    // change: with this on it remembers that it is stale and catches up when shown.
    void setDeferredWhileHidden(bool deferred) { gate_->setDeferredWhileHidden(deferred); }
    const CaseQuery& query() const { return query_; }
    void setNodeLimit(int limit); // at least 1; rebuilds
    // Read and lay out on a worker thread (see above). Off by default.
    void setBackgroundReading(bool on);
    bool isBackgroundReading() const { return reader_ != nullptr; }
    // A map for the current query is being made and not shown yet.
    bool isUpdating() const;
    int nodeLimit() const { return limit_; }

    // The node of a concept, nullptr when it is not on the map.
    QGraphicsItem* nodeItem(const QString& name) const;
    QList<QGraphicsItem*> nodeItems() const; // most affected first
    int edgeCount() const { return edgeCount_; }
    // The text drawn instead of a map (empty while a map is shown).
    QString placeholderText() const;
    qreal zoomFactor() const;

    // The finding type affecting most cases of the concept; ties go to the first of
    // relation, branch, missing, grounding.
    static QString dominantType(const ProjectStore::ConceptStat& stat);
    // "name — N cases (relation a, branch b, ...)", types without cases left out.
    static QString toolTipOf(const ProjectStore::ConceptStat& stat);

public slots:
    void refresh();
    void fitToView();
    void zoomIn();
    void zoomOut();
    // Emits casesSelected for the nodes selected now (what releasing a rubber band does);
    // nothing when no node is selected.
    void emitSelection();

signals:
    void casesSelected(const std::vector<qint64>& caseIds, const QString& label);
    void conceptActivated(const QString& name);
    // A click on empty map space cleared the selection.
    void selectionCleared();
    // The map (or its placeholder text) now shows the current query.
    void updated();

protected:
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void drawForeground(QPainter* painter, const QRectF& rect) override;

private:
    HiddenRebuildGate* gate_ = nullptr;
    AsyncStoreReader* reader_ = nullptr; // background reading when set
    struct Snapshot;
    static Snapshot collect(const ProjectStore& store, const CaseQuery& query, int limit);
    void rebuild();
    void showSnapshot(const Snapshot& snapshot);
    void zoomBy(qreal factor);
    QString nodeAt(const QPoint& viewportPos) const;
    int legendHeight() const;

    QGraphicsScene* scene_ = nullptr;
    const ProjectStore* store_ = nullptr;
    CaseQuery query_;
    int limit_ = kDefaultNodeLimit;
    std::vector<QGraphicsItem*> nodes_; // most affected first
    QRectF mapRect_;                    // the nodes' bounding box plus a margin
    int edgeCount_ = 0;
    bool truncated_ = false; // more concepts than the limit
    QString message_;
    bool autoFit_ = true; // refit on resize until the user zooms
    QPoint pressPos_;
    QString pressNode_;
    bool pressed_ = false;
};

} // namespace rs
