#include "ClaimItemDelegate.h"

#include <QApplication>
#include <QPainter>

namespace rs {

namespace {

// Pixels under the line, so that one claim's reading does not run into the next claim.
constexpr int kBottomGap = 4;

} // namespace

ClaimItemDelegate::ClaimItemDelegate(int role, QObject* parent)
    : QStyledItemDelegate(parent), role_(role) {}

QColor ClaimItemDelegate::lineColor() {
    return QColor(0x4f, 0x5d, 0x75);
}

QFont ClaimItemDelegate::lineFont(const QFont& itemFont) {
    QFont f = itemFont;
    f.setItalic(false); // the claim's italics mark an unlinked end, not the reading
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * 0.9);
    return f;
}

QSize ClaimItemDelegate::sizeHint(const QStyleOptionViewItem& option,
                                  const QModelIndex& index) const {
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (!index.data(role_).toString().isEmpty())
        size.rheight() += QFontMetrics(lineFont(option.font)).height() + 2 + kBottomGap;
    return size;
}

void ClaimItemDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                              const QModelIndex& index) const {
    const QString line = index.data(role_).toString();
    if (line.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    // The item's panel over the whole height, then its own text above the line.
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);
    const QFont font = lineFont(opt.font);
    const int height = QFontMetrics(font).height() + 2;
    QStyleOptionViewItem top = option;
    top.rect.setBottom(option.rect.bottom() - height - kBottomGap);
    QStyledItemDelegate::paint(painter, top, index);
    // Indented like the evidence line above it ("    KG: ...").
    const QRect text = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);
    const int indent = QFontMetrics(opt.font).horizontalAdvance(QStringLiteral("    "));
    const QRect area(text.left() + indent, option.rect.bottom() - height - kBottomGap + 1,
                     option.rect.right() - text.left() - indent, height - 2);
    painter->save();
    painter->setFont(font);
    painter->setPen(lineColor());
    painter->drawText(area, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(font).elidedText(line, Qt::ElideRight, area.width()));
    painter->restore();
}

} // namespace rs
