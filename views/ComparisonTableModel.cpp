#include "ComparisonTableModel.h"

#include "CaseTitle.h"

#include <QBrush>
#include <QColor>

#include <algorithm>
#include <functional>
#include <numeric>

namespace rs {

namespace {

bool isRegression(const ComparedQuestion& q) {
    return q.cell == CorrectnessCell::RightWrong;
}

bool isFix(const ComparedQuestion& q) {
    return q.cell == CorrectnessCell::WrongRight;
}

QString reviewText(const std::string& state) {
    return state.empty() ? QStringLiteral("unreviewed") : QString::fromStdString(state);
}

QString mark(const std::optional<bool>& correct) {
    return !correct ? QStringLiteral("–") : *correct ? QStringLiteral("✓") : QStringLiteral("✗");
}

// Sort key of a correctness: unscored first, then wrong, then right.
int rank(const std::optional<bool>& correct) {
    return !correct ? 0 : *correct ? 2 : 1;
}

// The order of the change column: regressions first, then new findings, fixes, the rest.
int changeRank(const ComparedQuestion& q) {
    if (isRegression(q))
        return 0;
    if (hasNewFindings(q))
        return 1;
    if (isFix(q))
        return 2;
    return 3;
}

} // namespace

bool hasNewFindings(const ComparedQuestion& q) {
    for (std::size_t i = 0; i < q.base.findingsByType.size(); ++i)
        if (q.head.findingsByType[i] > q.base.findingsByType[i])
            return true;
    return false;
}

ComparisonTableModel::ComparisonTableModel(QObject* parent) : QAbstractTableModel(parent) {}

bool ComparisonTableModel::keeps(Change change, const ComparedQuestion& q) {
    switch (change) {
    case Change::All:
        return true;
    case Change::Changed:
        return isRegression(q) || isFix(q) || hasNewFindings(q);
    case Change::Regressions:
        return isRegression(q);
    case Change::Fixes:
        return isFix(q);
    case Change::NewFindings:
        return hasNewFindings(q);
    }
    return true;
}

QString ComparisonTableModel::changeText(const ComparedQuestion& q) {
    QStringList parts;
    if (isRegression(q))
        parts << tr("regression");
    if (isFix(q))
        parts << tr("fix");
    if (hasNewFindings(q))
        parts << tr("new findings");
    return parts.join(QStringLiteral(", "));
}

void ComparisonTableModel::setRows(std::vector<ComparedQuestion> rows,
                                   std::vector<std::string> previews, const QString& baseLabel,
                                   const QString& headLabel) {
    beginResetModel();
    rows_ = std::move(rows);
    previews_ = std::move(previews);
    if (previews_.size() != rows_.size())
        previews_.clear();
    // Rows in question id order make the id the index (compareRuns gives them so).
    const auto byId = [](const ComparedQuestion& a, const ComparedQuestion& b) {
        return a.questionId < b.questionId;
    };
    if (!std::is_sorted(rows_.begin(), rows_.end(), byId)) {
        std::vector<int> perm(rows_.size());
        std::iota(perm.begin(), perm.end(), 0);
        std::stable_sort(perm.begin(), perm.end(), [&](int a, int b) {
            return byId(rows_[std::size_t(a)], rows_[std::size_t(b)]);
        });
        std::vector<ComparedQuestion> sorted;
        std::vector<std::string> sortedPreviews;
        for (int i : perm) {
            sorted.push_back(std::move(rows_[std::size_t(i)]));
            if (!previews_.empty())
                sortedPreviews.push_back(std::move(previews_[std::size_t(i)]));
        }
        rows_ = std::move(sorted);
        previews_ = std::move(sortedPreviews);
    }
    baseLabel_ = baseLabel;
    headLabel_ = headLabel;
    order_.resize(rows_.size());
    std::iota(order_.begin(), order_.end(), 0);
    sortIndexes();
    refilter();
    endResetModel();
}

void ComparisonTableModel::setChange(Change change) {
    if (change == change_)
        return;
    change_ = change;
    beginResetModel();
    refilter();
    endResetModel();
}

void ComparisonTableModel::refilter() {
    visible_.clear();
    visible_.reserve(order_.size());
    for (int i : order_)
        if (keeps(change_, rows_[std::size_t(i)]))
            visible_.push_back(i);
}

std::int64_t ComparisonTableModel::countOf(Change change) const {
    return std::count_if(rows_.begin(), rows_.end(),
                         [change](const ComparedQuestion& q) { return keeps(change, q); });
}

int ComparisonTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(visible_.size());
}

int ComparisonTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

const ComparedQuestion* ComparisonTableModel::question(int row) const {
    if (row < 0 || row >= int(visible_.size()))
        return nullptr;
    return &rows_[std::size_t(visible_[std::size_t(row)])];
}

int ComparisonTableModel::rowOfHeadCase(std::int64_t caseId) const {
    for (std::size_t r = 0; r < visible_.size(); ++r)
        if (rows_[std::size_t(visible_[r])].head.caseId == caseId)
            return int(r);
    return -1;
}

int ComparisonTableModel::rowOfQuestion(const QString& questionId) const {
    const std::string id = questionId.toStdString();
    for (std::size_t r = 0; r < visible_.size(); ++r)
        if (rows_[std::size_t(visible_[r])].questionId == id)
            return int(r);
    return -1;
}

QVariant ComparisonTableModel::data(const QModelIndex& index, int role) const {
    const ComparedQuestion* q = index.isValid() ? question(index.row()) : nullptr;
    if (!q)
        return {};
    const int column = index.column();
    if (role == Qt::UserRole)
        return QVariant::fromValue<qint64>(q->head.caseId);
    if (role == BaseCaseRole)
        return QVariant::fromValue<qint64>(q->base.caseId);
    if (role == Qt::ForegroundRole && column == ChangeColumn)
        return QBrush(isRegression(*q) ? QColor(0xc0, 0x39, 0x2b)
                      : isFix(*q)      ? QColor(0x1e, 0x84, 0x49)
                                       : QColor(0x8e, 0x44, 0xad));
    if (role == Qt::TextAlignmentRole && column >= BaseCorrectColumn && column < BaseReviewColumn)
        return int(Qt::AlignCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    if (column >= FirstClassColumn && column < BaseReviewColumn) {
        const std::size_t c = std::size_t(column - FirstClassColumn);
        const std::int64_t a = q->base.findingsByType[c], b = q->head.findingsByType[c];
        if (a == 0 && b == 0)
            return role == Qt::ToolTipRole ? QVariant() : QVariant(QString());
        return QStringLiteral("%1 → %2").arg(a).arg(b);
    }
    switch (column) {
    case QuestionColumn:
        return QString::fromStdString(q->questionId);
    case TitleColumn: {
        if (previews_.empty())
            return {};
        const std::string& preview = previews_[std::size_t(q - rows_.data())];
        return role == Qt::ToolTipRole ? QString::fromStdString(preview).simplified()
                                       : QString::fromStdString(caseTitle(preview));
    }
    case ChangeColumn:
        return changeText(*q);
    case BaseCorrectColumn:
        return mark(q->base.correct);
    case HeadCorrectColumn:
        return mark(q->head.correct);
    case BaseReviewColumn:
        return reviewText(q->base.reviewState);
    case HeadReviewColumn:
        return reviewText(q->head.reviewState);
    }
    return {};
}

QVariant ComparisonTableModel::headerData(int section, Qt::Orientation orientation,
                                          int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        if (section >= FirstClassColumn && section < BaseReviewColumn)
            return tr("%1 findings: %2 \u2192 %3")
                .arg(QLatin1String(findingTypeNames()[std::size_t(section - FirstClassColumn)]),
                     baseLabel_, headLabel_);
        if (section == BaseCorrectColumn || section == BaseReviewColumn)
            return baseLabel_;
        if (section == HeadCorrectColumn || section == HeadReviewColumn)
            return headLabel_;
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    if (section >= FirstClassColumn && section < BaseReviewColumn) {
        QString name = QLatin1String(findingTypeNames()[std::size_t(section - FirstClassColumn)]);
        name[0] = name[0].toUpper();
        return name;
    }
    switch (section) {
    case QuestionColumn:
        return tr("Question");
    case TitleColumn:
        return tr("Case");
    case ChangeColumn:
        return tr("Change");
    case BaseCorrectColumn:
        return tr("Base");
    case HeadCorrectColumn:
        return tr("Head");
    case BaseReviewColumn:
        return tr("Base review");
    case HeadReviewColumn:
        return tr("Head review");
    }
    return {};
}

void ComparisonTableModel::sort(int column, Qt::SortOrder order) {
    beginResetModel();
    sortColumn_ = column;
    sortOrder_ = order;
    sortIndexes();
    refilter();
    endResetModel();
}

void ComparisonTableModel::sortIndexes() {
    const int column = sortColumn_;
    const auto key = [column](const ComparedQuestion& q) -> std::int64_t {
        if (column >= FirstClassColumn && column < BaseReviewColumn) {
            const std::size_t c = std::size_t(column - FirstClassColumn);
            return (q.head.findingsByType[c] - q.base.findingsByType[c]) * 1000000 +
                   q.head.findingsByType[c];
        }
        switch (column) {
        case ChangeColumn:
            return changeRank(q);
        case BaseCorrectColumn:
            return rank(q.base.correct);
        case HeadCorrectColumn:
            return rank(q.head.correct);
        default:
            return 0;
        }
    };
    const auto textKey = [column](const ComparedQuestion& q) -> const std::string& {
        if (column == BaseReviewColumn)
            return q.base.reviewState;
        if (column == HeadReviewColumn)
            return q.head.reviewState;
        return q.head.reviewState;
    };
    // Ties go by question id (rows_ is in question id order, so by index), in the same
    // direction: a total order.
    const bool byText = column == BaseReviewColumn || column == HeadReviewColumn;
    if (!byText && column != ChangeColumn && column != BaseCorrectColumn &&
        column != HeadCorrectColumn && (column < FirstClassColumn || column >= BaseReviewColumn)) {
        std::iota(order_.begin(), order_.end(), 0); // question id (also the case column)
        if (sortOrder_ == Qt::DescendingOrder)
            std::reverse(order_.begin(), order_.end());
        return;
    }
    // Numeric keys worked out once, not in every comparison.
    std::vector<std::int64_t> keys;
    if (!byText) {
        keys.reserve(rows_.size());
        for (const ComparedQuestion& q : rows_)
            keys.push_back(key(q));
    }
    const auto less = [&](int a, int b) {
        if (byText) {
            const int c = textKey(rows_[std::size_t(a)]).compare(textKey(rows_[std::size_t(b)]));
            if (c != 0)
                return c < 0;
        } else if (keys[std::size_t(a)] != keys[std::size_t(b)]) {
            return keys[std::size_t(a)] < keys[std::size_t(b)];
        }
        return a < b;
    };
    if (sortOrder_ == Qt::AscendingOrder)
        std::sort(order_.begin(), order_.end(), less);
    else
        std::sort(order_.begin(), order_.end(), [&](int a, int b) { return less(b, a); });
}

} // namespace rs
