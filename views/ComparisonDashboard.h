#pragma once
// The overview in compare mode: two runs side by side over the questions both answered
// (core/RunComparison). The paired accuracy of each and the difference with its 95%
// interval and McNemar p; the four correctness cells (right→right, right→wrong,
// wrong→right, wrong→wrong), where a click on the regressions or fixes sets the table's
// "changed" filter; findings per class and per sub-kind as grouped bars (base beside head);
// and the patterns that appeared, disappeared, grew or shrank.
#include "RunComparison.h"

#include <QWidget>

class QChartView;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace rs {

class ComparisonDashboard : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY(ComparisonDashboard)

public:
    // Object names of the parts, for tests.
    static constexpr const char* kClassChart = "compareClassChart";
    static constexpr const char* kSubtypeChart = "compareSubtypeChart";
    static constexpr const char* kAccuracyLabel = "compareAccuracy";
    static constexpr const char* kPatternList = "comparePatterns";
    static constexpr int kTopSubtypes = 8;

    explicit ComparisonDashboard(QWidget* parent = nullptr);
    ~ComparisonDashboard() override;

    void setComparison(const RunComparison& comparison);
    void clear();

    // The text of one of the four cells' buttons ("12 right → wrong").
    QString cellText(CorrectnessCell cell) const;
    QString accuracyText() const;
    QChartView* classChart() const { return classView_; }

    // Colours of the two runs' bars.
    static QColor baseColor();
    static QColor headColor();

signals:
    // A click on a cell of the four (the window filters the table to it).
    void cellActivated(rs::CorrectnessCell cell);

private:
    void fillClasses(const RunComparison& c);
    void fillSubtypes(const RunComparison& c);
    void fillPatterns(const RunComparison& c);

    QLabel* title_ = nullptr;
    QLabel* accuracy_ = nullptr;
    QPushButton* cells_[4] = {};
    QChartView* classView_ = nullptr;
    QChartView* subtypeView_ = nullptr;
    QTreeWidget* patterns_ = nullptr;
};

} // namespace rs
