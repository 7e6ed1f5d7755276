#pragma once
// The boxes of one image as a table: label, source (model / reference) and the IoU with the
// best-matching box of the same label from the other source (BoxMatcher), "—" when there
// is none. Rows carry the grounding finding of the box, if any, as a tooltip.
#include "Case.h"

#include <QAbstractTableModel>

#include <vector>

namespace rs {

class BoxListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { LabelColumn, SourceColumn, IouColumn, ColumnCount };

    explicit BoxListModel(QObject* parent = nullptr);

    // findings: explanation per box index (empty strings for boxes without one).
    void setBoxes(std::vector<Box> boxes, std::vector<QString> findings = {});
    const std::vector<Box>& boxes() const { return boxes_; }
    // -1 when the box has no same-label counterpart.
    double iou(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<Box> boxes_;
    std::vector<double> iou_;
    std::vector<QString> findings_;
};

} // namespace rs
