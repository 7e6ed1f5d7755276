#include "ChartFactory.h"

#include <QChart>
#include <QChartView>
#include <QFont>
#include <QLegend>
#include <QMargins>
#include <QPainter>

namespace rs {

QChartView* makeChartView(const char* name, int minHeight, QWidget* parent) {
    auto* view = new QChartView(parent);
    view->setObjectName(QLatin1String(name));
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(280, minHeight);
    return view;
}

QChart* freshChart(QChartView* view, const QString& title, bool legend) {
    auto* chart = new QChart;
    chart->setTitle(title);
    QFont font = chart->titleFont();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() + 1);
    chart->setTitleFont(font);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 2, 4, 2));
    if (legend)
        chart->legend()->setAlignment(Qt::AlignBottom);
    else
        chart->legend()->hide();
    QChart* old = view->chart();
    view->setChart(chart);
    delete old;
    return chart;
}

} // namespace rs
