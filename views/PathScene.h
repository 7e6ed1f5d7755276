#pragma once
// The path diagram of one analysed case: the model's reasoning path as the top row and the
// KG reference paths below it, laid out together by Graphviz dot (left to right). A concept
// that occurs on several paths is one node, so the rows meet where they share concepts.
//
// Edges are coloured by what the analysis found about them (see EdgeStatus); concepts the
// output should have used but never mentioned (missing findings) are dashed. Every node and
// edge item carries its name/status under the DataKey keys below, so views and tests can
// find items without reading pixels. Tooltips quote the output sentence a claim came from,
// or the finding's explanation.
#include "CaseResult.h"
#include "PathDiagramModel.h"

#include <nlohmann/json_fwd.hpp>

#include <QGraphicsScene>
#include <QImage>
#include <QString>

class QGraphicsItem;

namespace rs {

class PathScene : public QGraphicsScene {
    Q_OBJECT
public:
    // QGraphicsItem::data() keys set on the items this scene creates.
    enum DataKey {
        KeyItemType = 0, // ItemType
        KeyName = 1,     // node: concept name; edge: "from -> to" as laid out
        KeyStatus = 2,   // node: NodeStatus; edge: EdgeStatus (the one that sets its colour)
        KeyKind = 3,     // node: concept kind ("Disease", ...); edge: relation label
        KeyFlags = 4,    // node: NodeFlags; edge: EdgeFlags (every status that applies)
        KeyFrom = 5,     // edge: tail concept name
        KeyTo = 6,       // edge: head concept name
    };
    enum ItemType { NodeItem = 1, EdgeItem = 2, LegendItem = 3, HeaderItem = 4 };

    // What an item shows, as the one Qt-free model of the diagram (graph/PathDiagramModel)
    // classifies it; the flags are the model's, repeated here so items can be tested
    // against PathScene::NodeGold and the like.
    using NodeStatus = PathDiagramModel::NodeStatus;
    using EdgeStatus = PathDiagramModel::EdgeStatus;
    enum NodeFlag {
        NodeGold = PathDiagramModel::NodeGold,
        NodePredicted = PathDiagramModel::NodePredicted,
        NodeBranchPoint = PathDiagramModel::NodeBranchPoint,
        NodeMissing = PathDiagramModel::NodeMissing,
        NodeEvidence = PathDiagramModel::NodeEvidence,
        NodeDecider = PathDiagramModel::NodeDecider,
    };
    enum EdgeFlag {
        EdgeModel = PathDiagramModel::EdgeModel,
        EdgeClaim = PathDiagramModel::EdgeClaim,
        EdgeOnKgPath = PathDiagramModel::EdgeOnKgPath,
        EdgeRelationError = PathDiagramModel::EdgeRelationError,
        EdgeBranch = PathDiagramModel::EdgeBranch,
        EdgeReference = PathDiagramModel::EdgeReference,
        EdgeMissing = PathDiagramModel::EdgeMissing,
    };

    explicit PathScene(QObject* parent = nullptr);
    ~PathScene() override;

    // Builds the diagram of one analysed case. outputUtf8 is the model output the case's
    // byte spans point into; it may be empty, in which case tooltips carry findings and
    // claims but no quoted sentences. Returns false (and leaves the scene empty, with
    // errorString() set) when the diagram cannot be laid out.
    bool setCase(const CaseResult& caseResult, const QByteArray& outputUtf8 = {});
    // The same from a case object of the `--json` document (docs/json-output.md), read
    // leniently; also false when the object is no case result.
    bool setCase(const nlohmann::json& caseResult, const QByteArray& outputUtf8 = {});
    void clearCase();
    bool hasCase() const { return hasCase_; }
    QString caseId() const { return caseId_; }
    QString errorString() const { return error_; }

    // Lookup helpers for views and tests.
    QGraphicsItem* nodeItem(const QString& name) const;
    QList<QGraphicsItem*> nodeItems() const;
    QList<QGraphicsItem*> edgeItems() const;
    QList<QGraphicsItem*> edgeItems(EdgeStatus status) const;
    QGraphicsItem* edgeItem(const QString& from, const QString& to) const; // either direction
    QGraphicsItem* legendItem() const { return legend_; }

    // The pen colour of an edge with this status, and the fill of a node of this kind.
    static QColor edgeColor(EdgeStatus status);
    static QColor kindColor(const QString& kind);
    static QString edgeStatusName(EdgeStatus status);

    // The whole diagram (legend included) as an SVG document / a raster image at `scale`
    // device pixels per scene unit. Empty when there is no case.
    QString toSvg() const;
    QImage toImage(int scale = 2) const;

private:
    bool hasCase_ = false;
    QString caseId_;
    QString error_;
    QGraphicsItem* legend_ = nullptr;
};

} // namespace rs
