#include "ComparisonPathView.h"

#include "PathScene.h"
#include "PathView.h"

#include <QBrush>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QLabel>
#include <QPen>
#include <QSplitter>
#include <QVBoxLayout>

namespace rs {

namespace {

const QColor kPartingColor(0xe6, 0x7e, 0x22);
const QColor kOnlyHereColor(0x8e, 0x44, 0xad);

QWidget* titled(QWidget* parent, QLabel*& title, PathView*& view, const QString& name) {
    auto* box = new QWidget(parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    title = new QLabel(box);
    title->setObjectName(name + "PathTitle");
    title->setTextFormat(Qt::PlainText);
    title->setContentsMargins(6, 2, 6, 2);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    view = new PathView(box);
    view->setObjectName(name + "PathView");
    layout->addWidget(title);
    layout->addWidget(view, 1);
    return box;
}

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

} // namespace

ComparisonPathView::ComparisonPathView(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(2);
    summary_ = new QLabel(this);
    summary_->setObjectName("divergenceSummary");
    summary_->setTextFormat(Qt::PlainText);
    summary_->setWordWrap(true);
    summary_->setContentsMargins(6, 2, 6, 2);
    layout->addWidget(summary_);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(titled(splitter, baseTitle_, base_, QStringLiteral("base")));
    splitter->addWidget(titled(splitter, headTitle_, head_, QStringLiteral("head")));
    layout->addWidget(splitter, 1);
    connect(base_, &PathView::nodeActivated, this, &ComparisonPathView::nodeActivated);
    connect(head_, &PathView::nodeActivated, this, &ComparisonPathView::nodeActivated);
    clear();
}

ComparisonPathView::~ComparisonPathView() = default;

QString ComparisonPathView::describe(const PathDivergence& d, const QString& baseLabel,
                                     const QString& headLabel) {
    QString refs;
    if (d.referencePaths == 0)
        refs = tr("No reference paths (the gold answer is not in the KG).");
    else if (d.sameReferencePaths)
        refs = tr("Both against the same %n reference path(s).", nullptr, int(d.referencePaths));
    else
        refs = tr("The two analyses found different reference paths.");
    QString paths;
    if (d.identical)
        paths = d.sharedPrefix.empty() ? tr("Neither output reaches a KG concept.")
                                       : tr("The two reasoning paths are the same.");
    else if (d.partingAt.empty())
        paths = tr("The reasoning paths differ from their first concept.");
    else
        paths = tr("The reasoning paths part after %1: %2 goes on to %3, %4 to %5.")
                    .arg(qs(d.partingAt), baseLabel,
                         d.baseNext.empty() ? tr("nothing") : qs(d.baseNext), headLabel,
                         d.headNext.empty() ? tr("nothing") : qs(d.headNext));
    return paths + QLatin1Char(' ') + refs;
}

void ComparisonPathView::showPair(const CaseResult* base, const QByteArray& baseOutput,
                                  const QString& baseLabel, const CaseResult* head,
                                  const QByteArray& headOutput, const QString& headLabel) {
    baseTitle_->setText(tr("Base: %1").arg(baseLabel));
    headTitle_->setText(tr("Head: %1").arg(headLabel));
    if (base)
        base_->setCase(*base, baseOutput);
    else
        base_->clearCase();
    if (head)
        head_->setCase(*head, headOutput);
    else
        head_->clearCase();
    divergence_ = {};
    // Two diagrams share the height of one: the legend stays with the single path view.
    for (PathView* view : {base_, head_})
        if (QGraphicsItem* legend = view->pathScene()->legendItem())
            legend->hide();
    if (!base || !head) {
        summary_->setText(tr("Only one run answered this question; nothing to compare."));
        refit();
        return;
    }
    divergence_ = PathDivergence::between(*base, *head);
    summary_->setText(describe(divergence_, baseLabel, headLabel));
    if (!divergence_.partingAt.empty()) {
        mark(base_, qs(divergence_.partingAt), PartingMark);
        mark(head_, qs(divergence_.partingAt), PartingMark);
    }
    for (const std::string& name : divergence_.baseOnly)
        mark(base_, qs(name), OnlyHereMark);
    for (const std::string& name : divergence_.headOnly)
        mark(head_, qs(name), OnlyHereMark);
    refit();
}

// The scenes without their legends and with the marks: fitted to what they now show.
void ComparisonPathView::refit() {
    for (PathView* view : {base_, head_}) {
        if (!view->pathScene()->hasCase())
            continue;
        QRectF shown;
        for (QGraphicsItem* item : view->pathScene()->items())
            if (item->isVisible() && !item->parentItem())
                shown |= item->sceneBoundingRect();
        view->pathScene()->setSceneRect(shown.adjusted(-8, -8, 8, 8));
        view->fitToView();
    }
}

void ComparisonPathView::clear() {
    base_->clearCase();
    head_->clearCase();
    divergence_ = {};
    baseTitle_->setText(tr("Base"));
    headTitle_->setText(tr("Head"));
    summary_->setText(tr("Select a question to compare its two reasoning paths."));
}

// A ring around the concept's node (drawn above it, not taking clicks), and for the
// parting concept a label over it.
void ComparisonPathView::mark(PathView* view, const QString& name, MarkKind kind) {
    QGraphicsItem* node = view->pathScene()->nodeItem(name);
    if (!node)
        return;
    const QRectF box = node->sceneBoundingRect().adjusted(-5, -5, 5, 5);
    const QColor color = kind == PartingMark ? kPartingColor : kOnlyHereColor;
    auto* ring =
        view->pathScene()->addRect(box, QPen(color, kind == PartingMark ? 3.0 : 2.0,
                                             kind == PartingMark ? Qt::SolidLine : Qt::DashLine));
    ring->setZValue(node->zValue() + 5);
    ring->setAcceptedMouseButtons(Qt::NoButton);
    ring->setData(KeyMarkName, name);
    ring->setData(KeyMarkKind, int(kind));
    ring->setToolTip(kind == PartingMark ? tr("The two reasoning paths part after this concept")
                                         : tr("Only this run's reasoning uses this concept"));
    if (kind != PartingMark)
        return;
    auto* label = view->pathScene()->addSimpleText(tr("paths part here"));
    label->setBrush(color);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    label->setPos(box.left(), box.top() - label->boundingRect().height() - 1);
    label->setZValue(ring->zValue());
    label->setData(KeyMarkName, name);
    label->setData(KeyMarkKind, int(kind));
}

QString ComparisonPathView::summary() const {
    return summary_->text();
}

QStringList ComparisonPathView::markedConcepts(bool head, MarkKind kind) const {
    QStringList names;
    const PathView* view = head ? head_ : base_;
    for (QGraphicsItem* item : view->pathScene()->items())
        if (item->type() == QGraphicsRectItem::Type && item->data(KeyMarkKind).toInt() == kind)
            names << item->data(KeyMarkName).toString();
    names.sort();
    return names;
}

} // namespace rs
