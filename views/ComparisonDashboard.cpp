#include "ComparisonDashboard.h"

#include "ChartFactory.h"

#include "FindingColors.h"
#include "FindingKinds.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QGridLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLegend>
#include <QPushButton>
#include <QScrollArea>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace rs {

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

QString percent(double fraction) {
    return QStringLiteral("%1%").arg(fraction * 100.0, 0, 'f', 1);
}

QString points(double fraction) {
    const double p = fraction * 100.0;
    return QStringLiteral("%1%2").arg(p >= 0 ? QStringLiteral("+") : QString()).arg(p, 0, 'f', 1);
}

// A base set and a head set, in the runs' colours.
std::pair<QBarSet*, QBarSet*> runSets(const RunComparison& c) {
    auto* base = new QBarSet(qs(c.base.label));
    auto* head = new QBarSet(qs(c.head.label));
    for (auto [set, color] : {std::pair{base, ComparisonDashboard::baseColor()},
                              std::pair{head, ComparisonDashboard::headColor()}}) {
        set->setColor(color);
        set->setBorderColor(color.darker(120));
        set->setLabelColor(Qt::black);
    }
    return {base, head};
}

void attachAxes(QChart* chart, QAbstractBarSeries* series, const QStringList& categories,
                std::int64_t max, bool horizontal) {
    chart->addSeries(series);
    auto* cats = new QBarCategoryAxis;
    cats->append(categories);
    auto* values = new QValueAxis;
    values->setLabelFormat("%d");
    // Room beyond the longest bar for its label, in whole steps of 1, 2, 5, 10, 20, ...
    const auto room = std::int64_t(std::ceil(double(std::max<std::int64_t>(max, 1)) * 1.15));
    std::int64_t step = 1;
    for (int k = 0; room > 5 * step; ++k)
        step = (k % 3 == 1) ? step / 2 * 5 : step * 2;
    const std::int64_t top = (room + step - 1) / step * step;
    values->setRange(0, double(top));
    values->setTickCount(int(top / step) + 1);
    chart->addAxis(cats, horizontal ? Qt::AlignLeft : Qt::AlignBottom);
    chart->addAxis(values, horizontal ? Qt::AlignBottom : Qt::AlignLeft);
    series->attachAxis(cats);
    series->attachAxis(values);
}

QLabel* boldLabel(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    QFont f = label->font();
    f.setBold(true);
    label->setFont(f);
    return label;
}

} // namespace

QColor ComparisonDashboard::baseColor() {
    return QColor(0xa6, 0xac, 0xaf);
}

QColor ComparisonDashboard::headColor() {
    return QColor(0x28, 0x74, 0xa6);
}

ComparisonDashboard::ComparisonDashboard(QWidget* parent) : QWidget(parent) {
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);
    auto* content = new QWidget(scroll);
    scroll->setWidget(content);
    auto* column = new QVBoxLayout(content);
    column->setContentsMargins(8, 8, 8, 8);

    title_ = boldLabel(QString(), content);
    title_->setWordWrap(true);
    column->addWidget(title_);
    accuracy_ = new QLabel(content);
    accuracy_->setObjectName(QLatin1String(kAccuracyLabel));
    accuracy_->setTextFormat(Qt::PlainText);
    accuracy_->setWordWrap(true);
    column->addWidget(accuracy_);

    // The four cells as a 2x2 table: base down the side, head across the top.
    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(6);
    grid->setVerticalSpacing(4);
    grid->addWidget(boldLabel(tr("head right"), content), 0, 1, Qt::AlignCenter);
    grid->addWidget(boldLabel(tr("head wrong"), content), 0, 2, Qt::AlignCenter);
    grid->addWidget(boldLabel(tr("base right"), content), 1, 0);
    grid->addWidget(boldLabel(tr("base wrong"), content), 2, 0);
    const QString tints[4] = {QStringLiteral("#e9f5ec"), QStringLiteral("#f8d7d3"),
                              QStringLiteral("#d4efdf"), QStringLiteral("#f2f3f4")};
    for (std::size_t i = 0; i < kScoredCells.size(); ++i) {
        auto* button = new QPushButton(content);
        button->setObjectName(QStringLiteral("cell_") +
                              QLatin1String(correctnessCellName(kScoredCells[i])));
        button->setStyleSheet(QStringLiteral("QPushButton { background: %1; border: 1px solid "
                                             "#bbb; padding: 6px; font-weight: bold; }")
                                  .arg(tints[i]));
        button->setMinimumHeight(34);
        const CorrectnessCell cell = kScoredCells[i];
        connect(button, &QPushButton::clicked, this, [this, cell] { emit cellActivated(cell); });
        cells_[i] = button;
        grid->addWidget(button, 1 + int(i / 2), 1 + int(i % 2));
    }
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(2, 1);
    column->addLayout(grid);

    classView_ = makeChartView(kClassChart, 260, content);
    column->addWidget(classView_);
    subtypeView_ = makeChartView(kSubtypeChart, 300, content);
    column->addWidget(subtypeView_);

    column->addWidget(boldLabel(tr("Patterns that changed"), content));
    patterns_ = new QTreeWidget(content);
    patterns_->setObjectName(QLatin1String(kPatternList));
    patterns_->setRootIsDecorated(false);
    patterns_->setHeaderLabels({tr("Trend"), tr("Base"), tr("Head"), tr("Pattern")});
    patterns_->header()->setStretchLastSection(true);
    patterns_->setColumnWidth(0, 90);
    patterns_->setColumnWidth(1, 50);
    patterns_->setColumnWidth(2, 50);
    patterns_->setMinimumHeight(90);
    patterns_->setMaximumHeight(220);
    column->addWidget(patterns_);
    column->addStretch(1);
    clear();
}

ComparisonDashboard::~ComparisonDashboard() = default;

void ComparisonDashboard::clear() {
    title_->setText(tr("Choose a base and a head run to compare."));
    accuracy_->clear();
    for (QPushButton* b : cells_)
        b->setText(QStringLiteral("–"));
    freshChart(classView_, tr("Findings per class"), true);
    freshChart(subtypeView_, tr("Findings per sub-kind"), true);
    patterns_->clear();
}

void ComparisonDashboard::setComparison(const RunComparison& c) {
    title_->setText(
        tr("%1 (base) \u2192 %2 (head): %n paired question(s)", nullptr, int(c.questions.size()))
            .arg(qs(c.base.label), qs(c.head.label)) +
        (c.baseUnpaired.total() + c.headUnpaired.total() > 0
             ? tr("; unpaired: %1 in the base, %2 in the head")
                   .arg(c.baseUnpaired.total())
                   .arg(c.headUnpaired.total())
             : QString()));
    const PairedAccuracy& a = c.accuracy;
    if (a.scoredPairs == 0) {
        accuracy_->setText(tr("No paired question is scored on both sides."));
    } else {
        const QString p = a.mcnemarP < 0.001 ? QStringLiteral("< 0.001")
                                             : QStringLiteral("= %1").arg(a.mcnemarP, 0, 'f', 3);
        accuracy_->setText(tr("Accuracy %1 \u2192 %2 over %3 scored pairs: %4 points "
                              "(95% CI %5 to %6; McNemar p %7)")
                               .arg(percent(a.base), percent(a.head))
                               .arg(a.scoredPairs)
                               .arg(points(a.difference), points(a.difference95.low),
                                    points(a.difference95.high), p));
    }
    for (std::size_t i = 0; i < kScoredCells.size(); ++i) {
        cells_[i]->setText(QStringLiteral("%1  %2")
                               .arg(c.count(kScoredCells[i]))
                               .arg(QString::fromUtf8(correctnessCellLabel(kScoredCells[i]))));
        cells_[i]->setToolTip(tr("Show these questions in the table"));
    }
    fillClasses(c);
    fillSubtypes(c);
    fillPatterns(c);
}

QString ComparisonDashboard::cellText(CorrectnessCell cell) const {
    for (std::size_t i = 0; i < kScoredCells.size(); ++i)
        if (kScoredCells[i] == cell)
            return cells_[i]->text();
    return {};
}

QString ComparisonDashboard::accuracyText() const {
    return accuracy_->text();
}

void ComparisonDashboard::fillClasses(const RunComparison& c) {
    QChart* chart = freshChart(classView_, tr("Findings per class"), true);
    auto* series = new QBarSeries;
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    auto [base, head] = runSets(c);
    QStringList categories;
    std::int64_t max = 0;
    for (const FindingCountChange& t : c.byType) {
        categories << qs(t.type);
        *base << double(t.baseFindings);
        *head << double(t.headFindings);
        max = std::max({max, t.baseFindings, t.headFindings});
    }
    series->append(base);
    series->append(head);
    attachAxes(chart, series, categories, max, false);
}

void ComparisonDashboard::fillSubtypes(const RunComparison& c) {
    QChart* chart = freshChart(subtypeView_, tr("Findings per sub-kind"), true);
    std::vector<const FindingCountChange*> rows;
    for (const FindingCountChange& s : c.bySubtype)
        rows.push_back(&s);
    std::stable_sort(rows.begin(), rows.end(), [](const auto* x, const auto* y) {
        return std::max(x->baseFindings, x->headFindings) >
               std::max(y->baseFindings, y->headFindings);
    });
    if (rows.size() > std::size_t(kTopSubtypes))
        rows.resize(std::size_t(kTopSubtypes));
    std::reverse(rows.begin(), rows.end()); // horizontal bars are drawn bottom-up
    auto* series = new QHorizontalBarSeries;
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    auto [base, head] = runSets(c);
    QStringList categories;
    std::int64_t max = 0;
    for (const FindingCountChange* s : rows) {
        categories << qs(s->subtype).replace(QLatin1Char('_'), QLatin1Char(' '));
        *base << double(s->baseFindings);
        *head << double(s->headFindings);
        max = std::max({max, s->baseFindings, s->headFindings});
    }
    series->append(base);
    series->append(head);
    attachAxes(chart, series, categories, max, true);
}

void ComparisonDashboard::fillPatterns(const RunComparison& c) {
    patterns_->clear();
    for (const PatternChange& p : c.patterns) {
        auto* item = new QTreeWidgetItem(patterns_);
        item->setText(0, QLatin1String(patternTrendName(p.trend)));
        item->setText(1, QString::number(p.baseCases));
        item->setText(2, QString::number(p.headCases));
        item->setText(3, qs(p.description.empty() ? p.signature : p.description));
        item->setToolTip(3, qs(p.signature));
        item->setForeground(0, findingTypeColor(qs(p.type)).darker(130));
    }
    if (c.patterns.empty()) {
        auto* item = new QTreeWidgetItem(patterns_);
        item->setText(3, tr("No recurring pattern changed."));
        item->setDisabled(true);
    }
}

} // namespace rs
