#pragma once
// Two answers to one question as paths: the base run's reasoning path over the reference
// paths on top, the head run's below, both drawn by PathScene against the same reference
// paths (the question's, from the one KG). Where the two reasoning paths part is marked
// in both diagrams (core/PathDivergence): the last concept they share gets an orange ring
// labelled "paths part here", and the concepts only one path uses a dashed purple ring.
// A line above the diagrams says it in words. The legend is left to the single path view,
// so the two diagrams have the room.
#include "CaseResult.h"
#include "PathDivergence.h"

#include <QWidget>

class QLabel;

namespace rs {

class PathView;

class ComparisonPathView : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY(ComparisonPathView)

public:
    // QGraphicsItem::data() key of the marks this view adds to the scenes, with the marked
    // concept's name; KeyMarkKind says which mark it is.
    static constexpr int KeyMarkName = 100;
    static constexpr int KeyMarkKind = 101;
    enum MarkKind { PartingMark = 1, OnlyHereMark = 2 };

    explicit ComparisonPathView(QWidget* parent = nullptr);
    ~ComparisonPathView() override;

    // Either result may be nullptr (that run did not answer, or is not analysed).
    void showPair(const CaseResult* base, const QByteArray& baseOutput, const QString& baseLabel,
                  const CaseResult* head, const QByteArray& headOutput, const QString& headLabel);
    void clear();

    PathView* baseView() const { return base_; }
    PathView* headView() const { return head_; }
    // The sentence above the diagrams ("The paths part after X: ...").
    QString summary() const;
    const PathDivergence& divergence() const { return divergence_; }
    // Names of the concepts a mark of this kind rings in one diagram.
    QStringList markedConcepts(bool head, MarkKind kind) const;

signals:
    void nodeActivated(const QString& name);

private:
    void mark(PathView* view, const QString& name, MarkKind kind);
    void refit();
    static QString describe(const PathDivergence& d, const QString& baseLabel,
                            const QString& headLabel);

    QLabel* summary_ = nullptr;
    QLabel* baseTitle_ = nullptr;
    QLabel* headTitle_ = nullptr;
    PathView* base_ = nullptr;
    PathView* head_ = nullptr;
    PathDivergence divergence_;
};

} // namespace rs
