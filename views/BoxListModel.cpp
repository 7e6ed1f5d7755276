#include "BoxListModel.h"

#include "BoxMatcher.h"
#include "ImageView.h"

#include <QBrush>

namespace rs {

BoxListModel::BoxListModel(QObject* parent) : QAbstractTableModel(parent) {}

void BoxListModel::setBoxes(std::vector<Box> boxes, std::vector<QString> findings) {
    beginResetModel();
    boxes_ = std::move(boxes);
    const BoxMatching m = matchBoxes(boxes_);
    iou_.assign(boxes_.size(), -1);
    for (std::size_t i = 0; i < boxes_.size(); ++i)
        if (m.best[i].box >= 0)
            iou_[i] = m.best[i].iou;
    findings_ = std::move(findings);
    findings_.resize(boxes_.size());
    endResetModel();
}

double BoxListModel::iou(int row) const {
    return row >= 0 && row < int(iou_.size()) ? iou_[std::size_t(row)] : -1;
}

int BoxListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(boxes_.size());
}

int BoxListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BoxListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= int(boxes_.size()))
        return {};
    const Box& b = boxes_[std::size_t(index.row())];
    const double iou = iou_[std::size_t(index.row())];
    const QString& finding = findings_[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case LabelColumn:
            return QString::fromStdString(b.label) +
                   (finding.isEmpty() ? QString() : QStringLiteral("  \u26a0"));
        case SourceColumn:
            return QString::fromStdString(b.source);
        case IouColumn:
            return iou < 0 ? QStringLiteral("\u2014") : QString::number(iou, 'f', 2);
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == SourceColumn)
            return QBrush(
                (b.source == "model" ? ImageView::modelBoxColor() : ImageView::referenceBoxColor())
                    .darker(130));
        break;
    case Qt::ToolTipRole:
        if (!finding.isEmpty())
            return finding;
        return iou < 0 ? tr("No %1 box of this label")
                             .arg(b.source == "model" ? tr("reference") : tr("model"))
                       : tr("IoU with the best-matching %1 box of the same label")
                             .arg(b.source == "model" ? tr("reference") : tr("model"));
    case Qt::TextAlignmentRole:
        if (index.column() == IouColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::UserRole:
        if (index.column() == IouColumn)
            return iou;
        break;
    }
    return {};
}

QVariant BoxListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case LabelColumn:
        return tr("Label");
    case SourceColumn:
        return tr("Source");
    case IouColumn:
        return tr("IoU");
    }
    return {};
}

} // namespace rs
