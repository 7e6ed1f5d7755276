#pragma once
// The bar above the table in compare mode: the base and the head run, the "changed" filter
// (all paired questions, changed, regressions, fixes, new findings, each with its count),
// a one-line summary of the comparison and the button that leaves compare mode. It only
// holds the choices; CompareMode acts on them.
#include "ComparisonTableModel.h"
#include "ProjectStore.h"

#include <QWidget>

#include <cstdint>
#include <vector>

class QComboBox;
class QLabel;
class QToolButton;

namespace rs {

class CompareBar : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY(CompareBar)
public:
    explicit CompareBar(QWidget* parent = nullptr);

    // The runs to choose from, with the chosen pair; fires nothing.
    void setRuns(const std::vector<ProjectStore::RunInfo>& runs, std::int64_t base,
                 std::int64_t head);
    std::int64_t baseRun() const;
    std::int64_t headRun() const;
    ComparisonTableModel::Change change() const;
    // Sets the filter choice (fires changeChosen when it differs).
    void setChange(ComparisonTableModel::Change change);
    // The count beside each filter choice, from the model's rows.
    void setCounts(const ComparisonTableModel& model);
    void setSummary(const QString& text);

    QComboBox* baseBox() const { return base_; }
    QComboBox* headBox() const { return head_; }
    QComboBox* changeBox() const { return change_; }

signals:
    void runsChosen(std::int64_t base, std::int64_t head);
    void changeChosen(rs::ComparisonTableModel::Change change);
    void leaveRequested();

private:
    QComboBox* base_ = nullptr;
    QComboBox* head_ = nullptr;
    QComboBox* change_ = nullptr;
    QLabel* summary_ = nullptr;
};

} // namespace rs
