#pragma once
// The case table in compare mode: one row per question both runs answered (the paired
// questions of core/RunComparison), with each side's correctness, finding counts per class
// and review state, and how the question changed from the base run to the head run. Unlike
// CaseTableModel it holds its rows in memory (compareRuns reads both runs once); the
// "changed" filter and sorting permute indexes over them and never touch the store, so a
// filter change over 100k questions is one pass over an index vector.
#include "FindingKinds.h"
#include "RunComparison.h"

#include <QAbstractTableModel>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rs {

// Questions where the head has findings the base lacks: more findings of some class
// (a new branch error counts even when a relation error went away).
bool hasNewFindings(const ComparedQuestion& q);

class ComparisonTableModel : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY(ComparisonTableModel)

public:
    enum Column {
        QuestionColumn,
        TitleColumn,
        ChangeColumn,
        BaseCorrectColumn,
        HeadCorrectColumn,
        FirstClassColumn, // one column per finding class, "base → head"
        BaseReviewColumn = FirstClassColumn + int(kAllFindingTypes.size()),
        HeadReviewColumn,
        ColumnCount
    };
    // Which questions the table lists.
    enum class Change {
        All,
        Changed,     // a regression, a fix or new findings
        Regressions, // right -> wrong
        Fixes,       // wrong -> right
        NewFindings, // the head has findings the base lacks
    };
    // Qt::UserRole gives the head case id, BaseCaseRole the base case id (qint64).
    static constexpr int BaseCaseRole = Qt::UserRole + 1;

    explicit ComparisonTableModel(QObject* parent = nullptr);

    // New rows (another pair of runs); the filter and sort are kept. previews: the start
    // of each question's text, parallel to rows (the case column's titles), or empty.
    void setRows(std::vector<ComparedQuestion> rows, std::vector<std::string> previews,
                 const QString& baseLabel, const QString& headLabel);
    const std::vector<ComparedQuestion>& rows() const { return rows_; }
    Change change() const { return change_; }
    void setChange(Change change);
    // How many of all rows each filter keeps.
    std::int64_t countOf(Change change) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // The question of a listed row (nullptr when out of range), and a question's row
    // (-1 when the filter leaves it out).
    const ComparedQuestion* question(int row) const;
    int rowOfHeadCase(std::int64_t caseId) const;
    int rowOfQuestion(const QString& questionId) const;

    static bool keeps(Change change, const ComparedQuestion& q);
    static QString changeText(const ComparedQuestion& q);

private:
    void refilter();
    void sortIndexes(); // order_ by sortColumn_ and sortOrder_

    std::vector<ComparedQuestion> rows_;
    std::vector<std::string> previews_; // parallel to rows_, or empty
    std::vector<int> order_;            // all rows in the sort order
    std::vector<int> visible_;          // the rows the filter keeps, in the sort order
    Change change_ = Change::All;
    int sortColumn_ = QuestionColumn;
    Qt::SortOrder sortOrder_ = Qt::AscendingOrder;
    QString baseLabel_, headLabel_;
};

} // namespace rs
