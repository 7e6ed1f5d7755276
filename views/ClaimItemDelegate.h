#pragma once
// Paints a claim of the claim list as the list would, with one line more under it in a
// smaller, muted font: how the claim was read (its pattern and cue). Apart from the status
// colour of the claim, because it is a note about the extraction, not about the KG.
#include <QStyledItemDelegate>

namespace rs {

class ClaimItemDelegate : public QStyledItemDelegate {
    Q_OBJECT
    Q_DISABLE_COPY(ClaimItemDelegate)

public:
    // role: the item data role that holds the line's text; items without it paint as usual.
    explicit ClaimItemDelegate(int role, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // Colour of the line: a blue-grey none of the status colours is.
    static QColor lineColor();
    static QFont lineFont(const QFont& itemFont);

private:
    int role_;
};

} // namespace rs
