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
#include <QGraphicsScene>
#include <QImage>
#include <QJsonObject>
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

    enum class NodeStatus {
        OnPath = 1,    // on the model's reasoning path
        Reference = 2, // only on reference paths
        Missing = 3,   // a concept a missing finding says the output should have used
    };
    enum NodeFlag {
        NodeGold = 0x1,        // the gold answer
        NodePredicted = 0x2,   // the model's answer
        NodeBranchPoint = 0x4, // d of a branch finding: where the model left r*
        NodeMissing = 0x8,
        NodeEvidence = 0x10, // a finding linked from the question
    };

    // Priority order for the colour when several apply: RelationError > Branch > Missing >
    // Supported > Unverified; Reference is used only for edges of reference paths alone.
    enum class EdgeStatus {
        Supported = 1,     // model edge the KG backs: a claim with no relation finding, or a
                           // step between concepts adjacent on a reference path
        Unverified = 2,    // consecutive concepts with no claim and no KG edge on any
                           // reference path, or a hedged claim
        RelationError = 3, // the two concepts of a relation finding
        Branch = 4,        // the edge d -> x along which the model left the reference path
        Reference = 5,     // a reference-path edge the model did not take
        Missing = 6,       // a reference edge into a concept the output never mentioned
    };
    enum EdgeFlag {
        EdgeModel = 0x1,    // part of the reasoning path (sequence or claim)
        EdgeClaim = 0x2,    // a claim was extracted between the two concepts
        EdgeOnKgPath = 0x4, // the two concepts are adjacent on some reference path
        EdgeRelationError = 0x8,
        EdgeBranch = 0x10,
        EdgeReference = 0x20,
        EdgeMissing = 0x40,
    };

    explicit PathScene(QObject* parent = nullptr);
    ~PathScene() override;

    // Builds the diagram of one case object of the `--json` document (docs/json-output.md).
    // outputUtf8 is the model output the case's byte spans point into; it may be empty, in
    // which case tooltips carry findings and claims but no quoted sentences. Returns false
    // (and leaves the scene empty, with errorString() set) when the object is no case.
    bool setCase(const QJsonObject& caseResult, const QByteArray& outputUtf8 = {});
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
    struct Build;
    bool hasCase_ = false;
    QString caseId_;
    QString error_;
    QGraphicsItem* legend_ = nullptr;
};

} // namespace rs
