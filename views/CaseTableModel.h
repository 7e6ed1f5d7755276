#pragma once
// The case table: a read-only item model straight over the project file. It keeps the row
// count of the current query and a few pages of rows, never the whole list, so a 100k-case
// project costs the memory of a few hundred rows. Sorting, filtering and search are the
// store's (SQL); the model maps columns and caches.
//
// The store must outlive the model and be used only from the model's thread (one SQLite
// connection per thread; open a read-only one for the GUI). Store errors are reported by
// queryFailed() and leave the model empty rather than escaping into Qt's event loop.
#include "ProjectStore.h"

#include <QAbstractTableModel>

#include <list>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace rs {

class CaseTableModel : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY(CaseTableModel)

public:
    enum Column {
        IdColumn,
        TitleColumn, // a short name a person can tell cases apart by (core/CaseTitle)
        RunColumn,
        CorrectColumn,
        RelationColumn,
        BranchColumn,
        MissingColumn,
        GroundingColumn,
        SeverityColumn,
        ReviewColumn,
        QuestionColumn,
        ColumnCount
    };
    static constexpr int kPageSize = 256;
    static constexpr std::size_t kCachedPages = 8;

    explicit CaseTableModel(const ProjectStore* store, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    // Qt::UserRole gives the case row id (qint64) in every column. The Run column of a case
    // whose run was interrupted reads "label (interrupted)", in the interrupted-run colour and
    // with a swatch of it in front (the narrow column often elides the words).
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    const CaseQuery& query() const { return query_; }
    void setQuery(const CaseQuery& query);
    // Re-reads the count and drops cached rows, e.g. after another instance wrote reviews.
    void refresh();
    // Another project (or none): the query keeps its sort and is otherwise reset.
    void setStore(const ProjectStore* store);

    // -1 when the row is out of range.
    qint64 caseId(int row) const;
    // -1 when the current query leaves the case out.
    int rowOfCase(qint64 caseId) const;

    static CaseQuery::Sort sortForColumn(int column);

signals:
    void queryChanged();
    void queryFailed(const QString& message);

private:
    const CaseRow* rowAt(int row) const;
    void resetWith(const CaseQuery& query);
    void reportFailure(const std::exception& e) const;

    const ProjectStore* store_;
    CaseQuery query_;
    int rowCount_ = 0;
    // The cache is filled from const data(), hence mutable. Most recently used page first.
    mutable std::list<int> lru_;
    mutable std::unordered_map<int, std::vector<CaseRow>> pages_;
    mutable std::unordered_map<qint64, QString> titles_; // by case id, worked out once
    // Runs whose analysis was interrupted (RunInfo::complete false), read with the count:
    // their Run cells say so, as the run filter does.
    std::unordered_set<std::int64_t> interruptedRuns_;
};

} // namespace rs
