#pragma once
// The overview dashboard: accuracy per run, findings per class and per sub-kind, relation
// findings per relation type and per node kind (top 10), and the top recurring patterns,
// all under the current CaseQuery (the counts of what the case table shows).
//
// Clicking a bar or a pattern emits filterRequested() with a CaseQuery that has only the
// clicked facet set, for the window to AND into its filter. Relation types and node kinds
// have no CaseQuery field of their own; their refinement is the relation signatures that
// carry them, (subtype x matching (head kind, relation, tail kind)) from the facet counts.
//
// The store must outlive the view and be used only from the view's thread. With background
// reading on (the window turns it on), the counts are read on a worker thread through a
// read-only connection of the view's own, so a filter change returns at once; the charts
// keep showing the previous filter, marked "Updating…", until the new counts arrive, and
// updated() says when. Store errors are reported by queryFailed() and shown in place of the
// charts rather than escaping into Qt's event loop. Patterns are stored project-wide; under
// a filter every one is recounted (cases of the filter with its signature, one grouped
// query), so a rare pattern that dominates a narrow filter still shows.
#include "AsyncStoreReader.h"
#include "HiddenRebuildGate.h"
#include "ProjectStore.h"

#include <QColor>
#include <QString>
#include <QWidget>

class QBarSet;
class QChart;
class QChartView;
class QLabel;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace rs {

class DashboardView : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY(DashboardView)

public:
    static constexpr int kTopBars = 10;     // relation types, node kinds
    static constexpr int kTopPatterns = 15; // rows of the pattern list

    // Object names of the parts, for tests and style sheets.
    static constexpr const char* kAccuracyChart = "accuracyChart";
    static constexpr const char* kClassChart = "classChart";
    static constexpr const char* kSubtypeChart = "subtypeChart";
    static constexpr const char* kRelationChart = "relationChart";
    static constexpr const char* kNodeKindChart = "nodeKindChart";
    static constexpr const char* kPatternList = "patternList";
    static constexpr const char* kReviewChart = "reviewChart";
    static constexpr const char* kEmptyMessage = "emptyMessage";
    static constexpr const char* kNotErrorsLabel = "notErrorsLabel"; // unverified claims, gaps

    explicit DashboardView(QWidget* parent = nullptr);
    ~DashboardView() override;

    const ProjectStore* store() const { return store_; }
    void setStore(const ProjectStore* store); // nullptr: "No project open"
    const CaseQuery& query() const { return query_; }
    void setQuery(const CaseQuery& query);
    // In a window, a hidden view (an inactive dock tab) need not recompute on every filter
    // change: with this on it remembers that it is stale and catches up when shown.
    void setDeferredWhileHidden(bool deferred) { gate_->setDeferredWhileHidden(deferred); }
    // Re-reads the store under the current query, e.g. after another process wrote to it.
    void refresh();
    // Read the store on a worker thread (see above). Off by default: reads are synchronous.
    void setBackgroundReading(bool on);
    bool isBackgroundReading() const { return reader_ != nullptr; }
    // Counts for the current query are being read and not shown yet.
    bool isUpdating() const { return reader_ && reader_->isBusy(); }

    // Everything the dashboard shows for one query, read in one go (on any thread).
    struct PatternRow {
        std::string signature, type, subtype, description;
        std::int64_t count = 0;
    };
    struct Snapshot {
        FacetCounts facets;
        std::vector<PatternRow> patterns; // most cases first, at most kTopPatterns
        bool filtered = false;            // pattern counts are under a filter
    };
    static Snapshot collect(const ProjectStore& store, const CaseQuery& query);

    // True while the centred message replaces the charts; emptyMessage() is its text.
    bool isShowingMessage() const;
    QString message() const;

    // The colour of a finding class (relation, branch, missing, grounding); grey otherwise.

signals:
    void filterRequested(const rs::CaseQuery& refinement, const QString& label);
    void queryFailed(const QString& message);
    // The charts now show the current query (or its error message).
    void updated();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    HiddenRebuildGate* gate_ = nullptr;
    void rebuild();
    void showSnapshot(const Snapshot& snapshot);
    void showFailure(const QString& message);
    void showMessage(const QString& text, const QString& detail = {});
    void fillAccuracy(const FacetCounts& f);
    void fillClasses(const FacetCounts& f);
    void fillSubtypes(const FacetCounts& f);
    void fillRelations(const FacetCounts& f);
    void fillNodeKinds(const FacetCounts& f);
    void fillPatterns(const Snapshot& snapshot);
    // Cases by review state (latest case-level verdict, or unreviewed); click filters.
    void fillReviewStates(const FacetCounts& f);
    void activatePattern(QTreeWidgetItem* item);
    // Relation signatures whose (head kind, relation, tail kind) passes keep, crossed with
    // every relation subtype under the query.
    template <typename Keep>
    std::vector<std::string> relationSignatures(const FacetCounts& f, Keep keep) const;

    const ProjectStore* store_ = nullptr;
    CaseQuery query_;
    AsyncStoreReader* reader_ = nullptr; // background reading when set
    QLabel* updating_ = nullptr;

    QStackedWidget* stack_ = nullptr;
    QLabel* message_ = nullptr;
    QChartView* accuracyView_ = nullptr;
    QChartView* classView_ = nullptr;
    QChartView* subtypeView_ = nullptr;
    QChartView* relationView_ = nullptr;
    QChartView* nodeKindView_ = nullptr;
    QChartView* reviewView_ = nullptr;
    QTreeWidget* patterns_ = nullptr;
    QLabel* patternTitle_ = nullptr;
    QLabel* notErrors_ = nullptr;
};

} // namespace rs
