#pragma once
// The house look of the overview's Qt Charts, shared by the dashboard and the comparison
// dashboard so both tabs draw their charts alike.
#include <QString>

class QChart;
class QChartView;
class QWidget;

namespace rs {

// An antialiased chart view, named for tests and screenshots.
QChartView* makeChartView(const char* name, int minHeight, QWidget* parent);

// Swaps a fresh chart into the view (the view does not delete the chart it releases) and
// deletes the old one. The legend, when shown, sits below the plot.
QChart* freshChart(QChartView* view, const QString& title, bool legend);

} // namespace rs
