#include "DashboardView.h"

#include "ChartFactory.h"

#include "FindingColors.h"
#include "FindingKinds.h"

#include <QBarCategoryAxis>
#include <QBarLegendMarker>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QGridLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QKeyEvent>
#include <QLabel>
#include <QLegend>
#include <QPainter>
#include <QPixmap>
#include <QResizeEvent>
#include <QSet>
#include <QStackedBarSeries>
#include <QStackedWidget>
#include <QToolTip>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <exception>
#include <functional>
#include <memory>
#include <utility>

namespace rs {

namespace {

const auto& kTypes = findingTypeNames();
const QColor kAccuracyColor("#3a7ca5");
// Bars of runs whose analysis was interrupted: a warning colour apart from the finding classes.
const QColor kInterruptedColor("#c98a2b");
const QColor kNodeKindColor("#c0504d");
constexpr int kSignatureRole = Qt::UserRole;

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

QString percent(double v) {
    return QString::number(v, 'f', 1) + QLatin1Char('%');
}

// A value axis over 0..max with whole-number ticks on 1, 2 or 5 times a power of ten.
QValueAxis* countAxis(std::int64_t max) {
    auto* axis = new QValueAxis;
    axis->setLabelFormat("%d");
    std::int64_t step = 1;
    while (max > 5 * step) {
        if (max <= 10 * step) {
            step *= 2;
            break;
        }
        if (max <= 25 * step) {
            step *= 5;
            break;
        }
        step *= 10;
    }
    const std::int64_t top = std::max<std::int64_t>(1, (max + step - 1) / step) * step;
    axis->setRange(0, double(top));
    axis->setTickCount(int(top / step) + 1);
    return axis;
}

QIcon swatch(const QColor& color) {
    QPixmap pm(12, 12);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setPen(color.darker(130));
    p.setBrush(color);
    p.drawRect(0, 0, 11, 11);
    return QIcon(pm);
}

void showTip(bool on, const QString& text) {
    if (on)
        QToolTip::showText(QCursor::pos(), text);
    else
        QToolTip::hideText();
}

QFont smaller(QFont font) {
    font.setPointSizeF(font.pointSizeF() * 0.9);
    return font;
}

// Category (first) and value axes of a bar series; horizontal swaps the sides.
void attachAxes(QChart* chart, QAbstractBarSeries* series, const QStringList& categories,
                QValueAxis* values, bool horizontal) {
    chart->addSeries(series);
    auto* cats = new QBarCategoryAxis;
    // Beside horizontal bars the names are what the reader needs, but Qt cuts them to "..."
    // in a narrow dock long before the bars run short of room, and without cutting lets long
    // ones run off the chart. So they are shortened here (the bars' tooltips say them whole),
    // unless that would make two the same: categories must stay distinct. A short qualifier
    // in parentheses at the end ("gpt-4 (interrupted)") is kept whole, on a line of its own
    // (labels are rich text): it is what the bar says about the run.
    QStringList shown = categories;
    if (horizontal) {
        constexpr int kMaxChars = 16;
        for (QString& c : shown) {
            const qsizetype paren = c.endsWith(QLatin1Char(')')) ? c.lastIndexOf(" (") : -1;
            const bool keepTail = paren > 0 && c.size() - paren <= kMaxChars;
            const QString head = keepTail ? c.left(paren) : c;
            const QString shortHead =
                head.size() > kMaxChars ? head.left(kMaxChars - 1) + QChar(0x2026) : head;
            if (keepTail)
                c = shortHead.toHtmlEscaped() + QStringLiteral("<br>") +
                    c.mid(paren + 1).toHtmlEscaped();
            else
                c = shortHead;
        }
        if (QSet<QString>(shown.begin(), shown.end()).size() != categories.size())
            shown = categories;
        cats->setTruncateLabels(false);
    }
    cats->append(shown);
    cats->setLabelsFont(smaller(cats->labelsFont()));
    values->setLabelsFont(smaller(values->labelsFont()));
    chart->addAxis(cats, horizontal ? Qt::AlignLeft : Qt::AlignBottom);
    chart->addAxis(values, horizontal ? Qt::AlignBottom : Qt::AlignLeft);
    series->attachAxis(cats);
    series->attachAxis(values);
}

} // namespace

DashboardView::DashboardView(QWidget* parent) : QWidget(parent) {
    gate_ = new HiddenRebuildGate(this, [this] { rebuild(); });
    stack_ = new QStackedWidget(this);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(stack_);

    // Floats over the charts' top-right corner rather than taking a row of its own, so the
    // charts do not jump when it comes and goes.
    updating_ = new QLabel(tr("Updating\u2026"), this);
    updating_->setObjectName(QStringLiteral("updatingLabel"));
    updating_->setStyleSheet(
        QStringLiteral("QLabel { background: rgba(255,255,255,220); color: #555; padding: 2px 6px; "
                       "border: 1px solid #ccc; border-radius: 3px; }"));
    updating_->hide();

    message_ = new QLabel(stack_);
    message_->setObjectName(QLatin1String(kEmptyMessage));
    message_->setAlignment(Qt::AlignCenter);
    message_->setWordWrap(true);
    message_->setTextFormat(Qt::RichText);
    stack_->addWidget(message_);

    auto* content = new QWidget(stack_);
    auto* grid = new QGridLayout(content);
    grid->setContentsMargins(6, 6, 6, 6);
    grid->setSpacing(6);
    accuracyView_ = makeChartView(kAccuracyChart, 220, content);
    classView_ = makeChartView(kClassChart, 220, content);
    subtypeView_ = makeChartView(kSubtypeChart, 220, content);
    relationView_ = makeChartView(kRelationChart, 220, content);
    nodeKindView_ = makeChartView(kNodeKindChart, 220, content);
    reviewView_ = makeChartView(kReviewChart, 220, content);
    reviewView_->setMinimumSize(280, 120);
    reviewView_->setMaximumHeight(150);

    auto* patternBox = new QWidget(content);
    auto* patternLayout = new QVBoxLayout(patternBox);
    patternLayout->setContentsMargins(0, 0, 0, 0);
    patternLayout->setSpacing(2);
    patternTitle_ = new QLabel(patternBox);
    QFont titleFont = patternTitle_->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() + 1);
    patternTitle_->setFont(titleFont);
    patternTitle_->setAlignment(Qt::AlignHCenter);
    patterns_ = new QTreeWidget(patternBox);
    patterns_->setObjectName(QLatin1String(kPatternList));
    patterns_->setColumnCount(2);
    patterns_->setHeaderLabels({tr("Cases"), tr("Pattern")});
    patterns_->setRootIsDecorated(false);
    patterns_->setUniformRowHeights(true);
    patterns_->setAlternatingRowColors(true);
    patterns_->setTextElideMode(Qt::ElideRight);
    patterns_->setSelectionMode(QAbstractItemView::SingleSelection);
    patterns_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    patterns_->header()->setStretchLastSection(true);
    patterns_->installEventFilter(this);
    patternLayout->addWidget(patternTitle_);
    patternLayout->addWidget(patterns_);
    connect(patterns_, &QTreeWidget::itemClicked, this,
            [this](QTreeWidgetItem* item, int) { activatePattern(item); });

    grid->addWidget(accuracyView_, 0, 0);
    grid->addWidget(classView_, 0, 1);
    grid->addWidget(subtypeView_, 0, 2);
    grid->addWidget(relationView_, 1, 0);
    grid->addWidget(nodeKindView_, 1, 1);
    grid->addWidget(patternBox, 1, 2);
    grid->addWidget(reviewView_, 2, 0, 1, 3);
    // Beside the findings and never among them (docs/design.md, Views).
    notErrors_ = new QLabel(content);
    notErrors_->setObjectName(QLatin1String(kNotErrorsLabel));
    notErrors_->setTextFormat(Qt::PlainText);
    notErrors_->setStyleSheet(QStringLiteral("QLabel { color: #5f6368; }"));
    grid->addWidget(notErrors_, 3, 0, 1, 3);
    for (int c = 0; c < 3; ++c)
        grid->setColumnStretch(c, 1);
    stack_->addWidget(content);

    rebuild();
}

DashboardView::~DashboardView() = default;

void DashboardView::setStore(const ProjectStore* store) {
    store_ = store;
    gate_->invalidate();
    gate_->request();
}

void DashboardView::setQuery(const CaseQuery& query) {
    if (gate_->isCurrent() && query == query_)
        return; // e.g. a new sort order of the table: nothing here changes
    query_ = query;
    gate_->request();
}

void DashboardView::refresh() {
    rebuild();
}

bool DashboardView::isShowingMessage() const {
    return stack_->currentWidget() == message_;
}

QString DashboardView::message() const {
    return isShowingMessage() ? message_->text() : QString();
}

void DashboardView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    updating_->adjustSize();
    updating_->move(width() - updating_->width() - 8, 4);
    updating_->raise();
}

bool DashboardView::eventFilter(QObject* watched, QEvent* event) {
    if (watched == patterns_ && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if ((key == Qt::Key_Return || key == Qt::Key_Enter) && patterns_->currentItem()) {
            activatePattern(patterns_->currentItem());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void DashboardView::showMessage(const QString& text, const QString& detail) {
    QString html = QStringLiteral("<div style='font-size:15pt; color:#555'>%1</div>")
                       .arg(text.toHtmlEscaped());
    if (!detail.isEmpty())
        html += QStringLiteral("<div style='color:#888'>%1</div>").arg(detail.toHtmlEscaped());
    message_->setText(html);
    stack_->setCurrentWidget(message_);
}

DashboardView::Snapshot DashboardView::collect(const ProjectStore& store, const CaseQuery& query) {
    Snapshot out;
    out.facets = store.facets(query);
    for (ProjectStore::PatternSummary& p : store.patternSummaries())
        if (!p.signature.empty())
            out.patterns.push_back({std::move(p.signature), std::move(p.type), std::move(p.subtype),
                                    std::move(p.description), p.count});
    CaseQuery unfiltered;
    unfiltered.sort = query.sort;
    unfiltered.descending = query.descending;
    out.filtered = !(query == unfiltered);
    if (out.filtered) {
        // Every stored pattern recounted under the filter in one grouped query; a filter on
        // signatures keeps only its own patterns, each counted alone within the rest.
        std::vector<std::string> signatures;
        for (const PatternRow& p : out.patterns)
            if (query.signatures.empty() ||
                std::find(query.signatures.begin(), query.signatures.end(), p.signature) !=
                    query.signatures.end())
                signatures.push_back(p.signature);
        CaseQuery rest = query;
        rest.signatures.clear();
        const auto counts = store.countCasesBySignature(rest, signatures);
        std::vector<PatternRow> counted;
        for (PatternRow& p : out.patterns) {
            auto it = counts.find(p.signature);
            if (it == counts.end() || it->second == 0)
                continue;
            if (!query.signatures.empty() &&
                std::find(query.signatures.begin(), query.signatures.end(), p.signature) ==
                    query.signatures.end())
                continue;
            p.count = it->second;
            counted.push_back(std::move(p));
        }
        out.patterns = std::move(counted);
    }
    std::stable_sort(out.patterns.begin(), out.patterns.end(),
                     [](const PatternRow& a, const PatternRow& b) { return a.count > b.count; });
    if (out.patterns.size() > std::size_t(kTopPatterns))
        out.patterns.resize(std::size_t(kTopPatterns));
    return out;
}

void DashboardView::setBackgroundReading(bool on) {
    if (on == (reader_ != nullptr))
        return;
    if (on) {
        reader_ = new AsyncStoreReader(this);
        connect(reader_, &AsyncStoreReader::busyChanged, this, [this](bool busy) {
            updating_->setVisible(busy);
            if (busy) {
                updating_->adjustSize();
                updating_->move(width() - updating_->width() - 8, 4);
                updating_->raise();
            }
        });
    } else {
        delete reader_;
        reader_ = nullptr;
        updating_->hide();
    }
    gate_->invalidate();
    gate_->request();
}

void DashboardView::rebuild() {
    if (!store_) {
        if (reader_)
            reader_->cancel();
        showMessage(tr("No project open"));
        emit updated();
        return;
    }
    if (reader_ && !store_->path().empty()) {
        reader_->setPath(store_->path());
        if (isShowingMessage()) // e.g. "No project open" from before the project came
            showMessage(tr("Reading the project\u2026"));
        // The job runs on the worker and must not touch the view; the delivery it returns
        // runs on the view's thread.
        reader_->request(
            [this, query = query_](const ProjectStore& store) -> AsyncStoreReader::Delivery {
                auto snapshot = std::make_shared<Snapshot>(collect(store, query));
                return [this, snapshot] { showSnapshot(*snapshot); };
            },
            [this](const QString& message) { showFailure(message); });
        return;
    }
    try {
        showSnapshot(collect(*store_, query_));
    } catch (const std::exception& e) {
        showFailure(QString::fromUtf8(e.what()));
    }
}

void DashboardView::showFailure(const QString& message) {
    showMessage(tr("Cannot read the project"), message);
    emit queryFailed(message);
    emit updated();
}

void DashboardView::showSnapshot(const Snapshot& snapshot) {
    const FacetCounts& f = snapshot.facets;
    std::int64_t findings = 0;
    for (const auto& [type, count] : f.byType)
        findings += count.findings;
    if (f.cases == 0 || findings == 0) {
        showMessage(tr("No findings under this filter"),
                    f.cases == 0 ? tr("No case matches the filter.")
                                 : tr("%n case(s) match, none with findings.", nullptr,
                                      int(std::min<std::int64_t>(f.cases, INT32_MAX))));
        emit updated();
        return;
    }
    fillAccuracy(f);
    fillClasses(f);
    fillSubtypes(f);
    fillRelations(f);
    fillNodeKinds(f);
    fillPatterns(snapshot);
    fillReviewStates(f);
    notErrors_->setText(
        tr("Not model errors: %1 unverified claims (the KG neither supports nor contradicts them), "
           "%2 coverage gaps (entities the KG cannot place)")
            .arg(f.unverifiedClaims)
            .arg(f.coverageGaps));
    stack_->setCurrentIndex(1);
    emit updated();
}

void DashboardView::fillAccuracy(const FacetCounts& f) {
    QChart* chart = freshChart(accuracyView_, tr("Accuracy per run"), false);
    auto* set = new QBarSet(tr("Accuracy"));
    set->setColor(kAccuracyColor);
    set->setBorderColor(kAccuracyColor.darker(120));
    set->setLabelColor(Qt::white);
    // Horizontal bars so that long run labels stay readable; the first run at the top.
    QStringList categories;
    std::vector<QString> tips;
    std::vector<std::pair<std::int64_t, QString>> runs;
    std::vector<int> interrupted; // bars of runs whose analysis stopped part-way
    for (auto it = f.runs.rbegin(); it != f.runs.rend(); ++it) {
        const FacetCounts::Run& r = *it;
        const std::int64_t scored = r.correct + r.incorrect;
        const double acc = scored ? 100.0 * double(r.correct) / double(scored) : 0.0;
        *set << acc;
        QString label = qs(r.label);
        // The accuracy of part of a run is not the run's: the axis says so, not only a tip.
        categories << (r.complete ? label : tr("%1 (interrupted)").arg(label));
        runs.emplace_back(r.id, label);
        QString tip = scored ? tr("%1: %2 (%3 of %4 scored correct; %5 cases)")
                                   .arg(label, percent(acc))
                                   .arg(r.correct)
                                   .arg(scored)
                                   .arg(r.cases)
                             : tr("%1: no scored cases (%2 cases)").arg(label).arg(r.cases);
        if (!r.complete) {
            interrupted.push_back(set->count() - 1);
            tip += tr("\nInterrupted: its analysis stopped before the end of its file, so this "
                      "is the accuracy of the part stored.");
        }
        tips.push_back(tip);
    }
    set->setSelectedColor(kInterruptedColor);
    for (int bar : interrupted)
        set->selectBar(bar);
    auto* series = new QHorizontalBarSeries;
    series->append(set);
    series->setBarWidth(0.6);
    series->setLabelsVisible(true);
    series->setLabelsFormat(QStringLiteral("@value%"));
    series->setLabelsPrecision(3);
    series->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);
    auto* values = new QValueAxis;
    values->setRange(0, 100);
    values->setTickCount(6);
    values->setLabelFormat("%d%%");
    attachAxes(chart, series, categories, values, true);
    connect(set, &QBarSet::hovered, this, [tips](bool on, int i) {
        showTip(on, i >= 0 && i < int(tips.size()) ? tips[std::size_t(i)] : QString());
    });
    connect(set, &QBarSet::clicked, this, [this, runs](int i) {
        if (i < 0 || i >= int(runs.size()))
            return;
        CaseQuery q;
        q.runIds = {runs[std::size_t(i)].first};
        emit filterRequested(q, tr("Run: %1").arg(runs[std::size_t(i)].second));
    });
}

void DashboardView::fillClasses(const FacetCounts& f) {
    QChart* chart = freshChart(classView_, tr("Findings per class"), false);
    auto* series = new QStackedBarSeries;
    series->setBarWidth(0.6);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);
    QStringList categories;
    std::int64_t max = 0;
    const int n = int(std::size(kTypes));
    for (const char* t : kTypes)
        categories << QLatin1String(t);
    for (int k = 0; k < n; ++k) {
        const QString type = QLatin1String(kTypes[k]);
        const auto it = f.byType.find(kTypes[k]);
        const FacetCounts::Count count = it == f.byType.end() ? FacetCounts::Count{} : it->second;
        max = std::max(max, count.findings);
        // One set per class, non-zero only in its own category, so each bar has its colour.
        auto* set = new QBarSet(type);
        for (int j = 0; j < n; ++j)
            *set << (j == k ? double(count.findings) : 0.0);
        set->setColor(findingTypeColor(type));
        set->setBorderColor(findingTypeColor(type).darker(120));
        set->setLabelColor(Qt::white);
        series->append(set);
        const QString tip =
            tr("%1: %2 findings in %3 cases").arg(type).arg(count.findings).arg(count.cases);
        connect(set, &QBarSet::hovered, this, [tip](bool on, int) { showTip(on, tip); });
        connect(set, &QBarSet::clicked, this, [this, type, k](int i) {
            if (i != k)
                return;
            CaseQuery q;
            q.findingTypes = {type.toStdString()};
            emit filterRequested(q, tr("Class: %1").arg(type));
        });
    }
    attachAxes(chart, series, categories, countAxis(max), false);
}

void DashboardView::fillSubtypes(const FacetCounts& f) {
    QChart* chart = freshChart(subtypeView_, tr("Findings per sub-kind"), false);
    struct Row {
        int type;
        std::string subtype;
        FacetCounts::Count count;
    };
    std::vector<Row> rows;
    for (const auto& [key, count] : f.bySubtype) {
        const auto* t = std::find_if(std::begin(kTypes), std::end(kTypes),
                                     [&](const char* x) { return key.first == x; });
        if (t != std::end(kTypes) && count.findings > 0)
            rows.push_back({int(t - std::begin(kTypes)), key.second, count});
    }
    // Grouped by class, most frequent first; the first row is drawn at the top.
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        return a.type != b.type ? a.type < b.type : a.count.findings > b.count.findings;
    });
    std::reverse(rows.begin(), rows.end());
    QStringList categories;
    std::int64_t max = 0;
    for (const Row& r : rows) {
        QString label = qs(r.subtype).replace(QLatin1Char('_'), QLatin1Char(' '));
        if (label.isEmpty() || categories.contains(label))
            label = QStringLiteral("%1 (%2)").arg(label, QLatin1String(kTypes[r.type]));
        categories << label;
        max = std::max(max, r.count.findings);
    }
    auto* series = new QHorizontalStackedBarSeries;
    series->setBarWidth(0.7);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);
    std::vector<QBarSet*> unused; // classes without findings: no legend entry
    for (int k = 0; k < int(std::size(kTypes)); ++k) {
        const QString type = QLatin1String(kTypes[k]);
        auto* set = new QBarSet(type);
        bool any = false;
        for (const Row& r : rows) {
            *set << (r.type == k ? double(r.count.findings) : 0.0);
            any = any || r.type == k;
        }
        set->setColor(findingTypeColor(type));
        set->setBorderColor(findingTypeColor(type).darker(120));
        set->setLabelColor(Qt::white);
        series->append(set);
        unused.push_back(any ? nullptr : set);
        connect(set, &QBarSet::hovered, this, [rows, k](bool on, int i) {
            if (i < 0 || i >= int(rows.size()) || rows[std::size_t(i)].type != k)
                return showTip(false, {});
            const Row& r = rows[std::size_t(i)];
            showTip(on, tr("%1 / %2: %3 findings in %4 cases")
                            .arg(QLatin1String(kTypes[k]), qs(r.subtype))
                            .arg(r.count.findings)
                            .arg(r.count.cases));
        });
        connect(set, &QBarSet::clicked, this, [this, rows, k](int i) {
            if (i < 0 || i >= int(rows.size()) || rows[std::size_t(i)].type != k)
                return;
            CaseQuery q;
            q.findingSubtypes = {rows[std::size_t(i)].subtype};
            emit filterRequested(
                q, tr("Sub-kind: %1 / %2")
                       .arg(QLatin1String(kTypes[k]), qs(rows[std::size_t(i)].subtype)));
        });
    }
    attachAxes(chart, series, categories, countAxis(max), true);
    chart->legend()->setVisible(true);
    chart->legend()->setAlignment(Qt::AlignBottom);
    for (QLegendMarker* marker : chart->legend()->markers(series))
        if (auto* bar = qobject_cast<QBarLegendMarker*>(marker))
            marker->setVisible(std::find(unused.begin(), unused.end(), bar->barset()) ==
                               unused.end());
    chart->legend()->setFont(smaller(chart->legend()->font()));
}

template <typename Keep>
std::vector<std::string> DashboardView::relationSignatures(const FacetCounts& f, Keep keep) const {
    std::vector<std::string> subtypes;
    for (const auto& [key, count] : f.bySubtype)
        if (findingTypeFromName(key.first) == FindingType::Relation && count.findings > 0)
            subtypes.push_back(key.second);
    std::vector<std::string> out;
    for (const auto& [triple, n] : f.byRelationTriple) {
        const auto& [head, rel, tail] = triple;
        if (n <= 0 || !keep(head, rel, tail))
            continue;
        for (const std::string& s : subtypes)
            out.push_back("relation/" + s + "/(" + head + "," + rel + "," + tail + ")");
    }
    std::sort(out.begin(), out.end());
    return out;
}

namespace {

// The top entries of a count map, most frequent first (ties by name).
std::vector<std::pair<std::string, std::int64_t>>
topOf(const std::map<std::string, std::int64_t>& m, std::size_t n) {
    std::vector<std::pair<std::string, std::int64_t>> v;
    for (const auto& e : m)
        if (e.second > 0)
            v.push_back(e);
    std::stable_sort(v.begin(), v.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    if (v.size() > n)
        v.resize(n);
    return v;
}

} // namespace

// A horizontal bar chart of the top entries, the most frequent at the top.
static void fillTopChart(QChart* chart,
                         const std::vector<std::pair<std::string, std::int64_t>>& top,
                         const QColor& color, const QString& what, QObject* context,
                         const std::function<void(int)>& onClick) {
    auto* set = new QBarSet(what);
    set->setColor(color);
    set->setBorderColor(color.darker(120));
    set->setLabelColor(Qt::white);
    QStringList categories;
    std::vector<QString> tips;
    std::int64_t max = 0;
    for (auto it = top.rbegin(); it != top.rend(); ++it) {
        *set << double(it->second);
        categories << qs(it->first);
        tips.push_back(QObject::tr("%1: %2 relation findings").arg(qs(it->first)).arg(it->second));
        max = std::max(max, it->second);
    }
    auto* series = new QHorizontalBarSeries;
    series->append(set);
    series->setBarWidth(0.7);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);
    attachAxes(chart, series, categories, countAxis(max), true);
    const int n = int(top.size());
    QObject::connect(set, &QBarSet::hovered, context, [tips](bool on, int i) {
        showTip(on && i >= 0 && i < int(tips.size()),
                i >= 0 && i < int(tips.size()) ? tips[std::size_t(i)] : QString());
    });
    // Bars are listed bottom-up: index i is top[n - 1 - i].
    QObject::connect(set, &QBarSet::clicked, context, [onClick, n](int i) {
        if (i >= 0 && i < n)
            onClick(n - 1 - i);
    });
}

void DashboardView::fillRelations(const FacetCounts& f) {
    QChart* chart = freshChart(relationView_,
                               tr("Relation findings per relation (top %1)").arg(kTopBars), false);
    const auto top = topOf(f.byRelation, kTopBars);
    fillTopChart(chart, top, findingTypeColor(FindingType::Relation), tr("Relation"), this,
                 [this, f, top](int k) {
                     const std::string rel = top[std::size_t(k)].first;
                     CaseQuery q;
                     q.signatures =
                         relationSignatures(f, [&](const std::string&, const std::string& r,
                                                   const std::string&) { return r == rel; });
                     emit filterRequested(q, tr("Relation: %1").arg(qs(rel)));
                 });
}

void DashboardView::fillNodeKinds(const FacetCounts& f) {
    QChart* chart = freshChart(nodeKindView_,
                               tr("Relation findings per node kind (top %1)").arg(kTopBars), false);
    const auto top = topOf(f.byNodeKind, kTopBars);
    fillTopChart(chart, top, kNodeKindColor, tr("Node kind"), this, [this, f, top](int k) {
        const std::string kind = top[std::size_t(k)].first;
        CaseQuery q;
        q.signatures =
            relationSignatures(f, [&](const std::string& h, const std::string&,
                                      const std::string& t) { return h == kind || t == kind; });
        emit filterRequested(q, tr("Node kind: %1").arg(qs(kind)));
    });
}

void DashboardView::fillPatterns(const Snapshot& snapshot) {
    patterns_->clear();
    const bool filtered = snapshot.filtered;
    const auto& list = snapshot.patterns;
    patternTitle_->setText(filtered ? tr("Top recurring patterns (cases under this filter)")
                                    : tr("Top recurring patterns"));
    for (const PatternRow& p : list) {
        auto* item = new QTreeWidgetItem(patterns_);
        item->setText(0, QString::number(p.count));
        item->setTextAlignment(0, Qt::AlignRight | Qt::AlignVCenter);
        const QString description = p.description.empty() ? qs(p.signature) : qs(p.description);
        item->setText(1, description);
        item->setIcon(1, swatch(findingTypeColor(qs(p.type))));
        item->setData(0, kSignatureRole, qs(p.signature));
        item->setToolTip(1, QStringLiteral("%1\n%2 / %3 — %4")
                                .arg(description, qs(p.type), qs(p.subtype), qs(p.signature)));
    }
    if (list.empty()) {
        auto* item = new QTreeWidgetItem(patterns_);
        item->setText(1, tr("No recurring pattern under this filter"));
        item->setFlags(Qt::NoItemFlags);
    }
}

void DashboardView::fillReviewStates(const FacetCounts& f) {
    std::int64_t total = 0;
    for (const auto& [state, n] : f.byReviewState)
        total += n;
    const std::int64_t reviewed =
        total - (f.byReviewState.count("unreviewed") ? f.byReviewState.at("unreviewed") : 0);
    QChart* chart = freshChart(
        reviewView_, tr("Review state (%1 of %2 cases reviewed)").arg(reviewed).arg(total), false);
    // One horizontal stacked bar: the share of each state at a glance.
    // Unreviewed lighter than the verdicts' grey: it is most of the bar at first.
    static const std::pair<const char*, QColor> kStates[] = {
        {"confirmed", verdictColor(QStringLiteral("confirmed"))},
        {"rejected", verdictColor(QStringLiteral("rejected"))},
        {"unsure", verdictColor(QStringLiteral("unsure"))},
        {"unreviewed", QColor("#b8b8b8")}};
    auto* series = new QHorizontalStackedBarSeries;
    series->setBarWidth(0.8);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsCenter);
    std::vector<std::string> states;
    std::vector<QColor> colors;
    for (const auto& [state, color] : kStates) {
        states.push_back(state);
        colors.push_back(color);
    }
    for (const auto& [state, n] : f.byReviewState) // verdict texts of older files
        if (std::find(states.begin(), states.end(), state) == states.end()) {
            states.push_back(state);
            colors.push_back(QColor("#8c8c8c"));
        }
    for (std::size_t i = 0; i < states.size(); ++i) {
        const auto it = f.byReviewState.find(states[i]);
        const std::int64_t n = it == f.byReviewState.end() ? 0 : it->second;
        auto* set = new QBarSet(qs(states[i]));
        *set << double(n);
        set->setColor(colors[i]);
        set->setBorderColor(colors[i].darker(120));
        set->setLabelColor(Qt::white);
        series->append(set);
        const QString state = qs(states[i]);
        const QString tip = tr("%1: %2 cases").arg(state).arg(n);
        connect(set, &QBarSet::hovered, this, [tip](bool on, int) { showTip(on, tip); });
        connect(set, &QBarSet::clicked, this, [this, state](int) {
            CaseQuery q;
            q.reviewState = state.toStdString();
            emit filterRequested(q, tr("Review: %1").arg(state));
        });
    }
    attachAxes(chart, series, {tr("cases")}, countAxis(total), true);
    chart->legend()->setVisible(true);
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->legend()->setFont(smaller(chart->legend()->font()));
}

void DashboardView::activatePattern(QTreeWidgetItem* item) {
    if (!item)
        return;
    const QString signature = item->data(0, kSignatureRole).toString();
    if (signature.isEmpty())
        return;
    CaseQuery q;
    q.signatures = {signature.toStdString()};
    QString label = item->text(1);
    if (label.size() > 48)
        label = label.left(47) + QChar(0x2026);
    emit filterRequested(q, tr("Pattern: %1").arg(label));
}

} // namespace rs
