#include "CaseTableModel.h"

#include "CaseTitle.h"
#include "FindingKinds.h"
#include "RunColors.h"

#include <algorithm>
#include <climits>

namespace rs {

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

// Newlines and runs of spaces make a one-line cell unreadable.
QString oneLine(const std::string& s) {
    return qs(s).simplified();
}

} // namespace

CaseTableModel::CaseTableModel(const ProjectStore* store, QObject* parent)
    : QAbstractTableModel(parent), store_(store) {
    resetWith(query_);
}

CaseQuery::Sort CaseTableModel::sortForColumn(int column) {
    switch (column) {
    case RunColumn:
        return CaseQuery::Sort::Run;
    case CorrectColumn:
        return CaseQuery::Sort::Correct;
    case RelationColumn:
        return CaseQuery::Sort::Relation;
    case BranchColumn:
        return CaseQuery::Sort::Branch;
    case MissingColumn:
        return CaseQuery::Sort::Missing;
    case GroundingColumn:
        return CaseQuery::Sort::Grounding;
    case SeverityColumn:
        return CaseQuery::Sort::Severity;
    case ReviewColumn:
        return CaseQuery::Sort::ReviewState;
    case TitleColumn:    // titles are worked out here, not stored: the case key sorts them
    case QuestionColumn: // the question text has no index; its key is the next best
        return CaseQuery::Sort::Key;
    default:
        return CaseQuery::Sort::Id;
    }
}

int CaseTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : rowCount_;
}

int CaseTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

void CaseTableModel::reportFailure(const std::exception& e) const {
    emit const_cast<CaseTableModel*>(this)->queryFailed(QString::fromUtf8(e.what()));
}

const CaseRow* CaseTableModel::rowAt(int row) const {
    if (!store_ || row < 0 || row >= rowCount_)
        return nullptr;
    const int page = row / kPageSize;
    auto it = pages_.find(page);
    if (it != pages_.end()) {
        lru_.remove(page);
        lru_.push_front(page);
    } else {
        std::vector<CaseRow> rows;
        try {
            rows = store_->caseRows(query_, std::int64_t(page) * kPageSize, kPageSize);
        } catch (const std::exception& e) {
            reportFailure(e);
            return nullptr;
        }
        while (pages_.size() >= kCachedPages) {
            pages_.erase(lru_.back());
            lru_.pop_back();
        }
        it = pages_.emplace(page, std::move(rows)).first;
        lru_.push_front(page);
    }
    // Short when another connection removed cases since the count; refresh() catches up.
    const std::size_t i = std::size_t(row % kPageSize);
    return i < it->second.size() ? &it->second[i] : nullptr;
}

QVariant CaseTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CaseRow* r = rowAt(index.row());
    if (!r)
        return {};
    const int column = index.column();
    switch (role) {
    case Qt::UserRole:
        return QVariant::fromValue<qint64>(r->id);
    case Qt::DisplayRole:
        switch (column) {
        case IdColumn:
            return qs(r->key);
        case TitleColumn: {
            auto it = titles_.find(r->id);
            if (it == titles_.end() && titles_.size() >= kPageSize * kCachedPages)
                titles_.clear(); // as bounded as the pages: a few hundred rows' worth
            if (it == titles_.end())
                it = titles_.emplace(r->id, qs(caseTitle(r->questionPreview))).first;
            return it->second;
        }
        case RunColumn:
            return interruptedRuns_.count(r->runId) ? tr("%1 (interrupted)").arg(qs(r->run))
                                                    : qs(r->run);
        case CorrectColumn:
            return !r->correct   ? QStringLiteral("–")
                   : *r->correct ? QStringLiteral("✓")
                                 : QStringLiteral("✗");
        case RelationColumn:
            return QVariant::fromValue<qint64>(r->nRelation);
        case BranchColumn:
            return QVariant::fromValue<qint64>(r->nBranch);
        case MissingColumn:
            return QVariant::fromValue<qint64>(r->nMissing);
        case GroundingColumn:
            return QVariant::fromValue<qint64>(r->nGrounding);
        case SeverityColumn:
            if (const auto s = r->maxSeverity ? severityFromRank(*r->maxSeverity) : std::nullopt)
                return QString::fromLatin1(severityName(*s));
            return QString();
        case ReviewColumn:
            return qs(r->reviewState);
        case QuestionColumn:
            return oneLine(r->questionPreview);
        }
        return {};
    case Qt::ToolTipRole:
        switch (column) {
        case IdColumn:
            return tr("Case %1 (row id %2), question %3")
                .arg(qs(r->key))
                .arg(r->id)
                .arg(r->questionId.empty() ? tr("without id") : qs(r->questionId));
        case TitleColumn:
            return tr("%1\n(case %2)").arg(oneLine(r->questionPreview), qs(r->key));
        case RunColumn:
            if (interruptedRuns_.count(r->runId))
                return tr("Interrupted: the analysis storing run %1 stopped before the end of "
                          "its file, so its cases are a part of it. Running the same import "
                          "again completes it.")
                    .arg(qs(r->run));
            return {};
        case CorrectColumn:
            return !r->correct   ? tr("Not scored")
                   : *r->correct ? tr("Correct answer")
                                 : tr("Wrong answer");
        case RelationColumn:
            return tr("Relation findings: claims the KG contradicts or does not support");
        case BranchColumn:
            return tr("Branch findings: the reasoning leaves the reference path");
        case MissingColumn:
            return tr("Missing findings: reference steps or evidence the output never mentions");
        case GroundingColumn:
            return tr("Grounding findings");
        case SeverityColumn:
            return r->maxSeverity ? tr("Most severe finding of the case") : tr("Not analysed");
        case ReviewColumn:
            return tr("Latest verdict on the case as a whole");
        case QuestionColumn:
            return qs(r->questionPreview); // with its line breaks
        default:
            return {};
        }
    case Qt::ForegroundRole:
    case Qt::DecorationRole: // a swatch too: the narrow column often elides "(interrupted)"
        if (column == RunColumn && interruptedRuns_.count(r->runId))
            return interruptedRunColor();
        return {};
    case Qt::TextAlignmentRole:
        switch (column) {
        case CorrectColumn:
        case ReviewColumn:
        case SeverityColumn:
            return QVariant(Qt::AlignCenter);
        case RelationColumn:
        case BranchColumn:
        case MissingColumn:
        case GroundingColumn:
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
        }
    default:
        return {};
    }
}

QVariant CaseTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        static const char* const names[] = {
            QT_TR_NOOP("Id"),      QT_TR_NOOP("Case"),      QT_TR_NOOP("Run"),
            QT_TR_NOOP("Correct"), QT_TR_NOOP("Relation"),  QT_TR_NOOP("Branch"),
            QT_TR_NOOP("Missing"), QT_TR_NOOP("Grounding"), QT_TR_NOOP("Severity"),
            QT_TR_NOOP("Review"),  QT_TR_NOOP("Question")};
        return tr(names[section]);
    }
    if (role == Qt::ToolTipRole && section == TitleColumn)
        return tr("The patient and what brings them, from the question's opening; sorting goes by "
                  "case id text");
    if (role == Qt::ToolTipRole && section == QuestionColumn)
        return tr("The first 120 characters of the question; sorting goes by case id text");
    return {};
}

void CaseTableModel::sort(int column, Qt::SortOrder order) {
    CaseQuery q = query_;
    q.sort = sortForColumn(column);
    q.descending = order == Qt::DescendingOrder;
    setQuery(q);
}

void CaseTableModel::setQuery(const CaseQuery& query) {
    if (query == query_)
        return;
    resetWith(query);
    emit queryChanged();
}

void CaseTableModel::refresh() {
    resetWith(query_);
}

void CaseTableModel::setStore(const ProjectStore* store) {
    store_ = store;
    CaseQuery fresh;
    fresh.sort = query_.sort;
    fresh.descending = query_.descending;
    resetWith(fresh);
    emit queryChanged();
}

void CaseTableModel::resetWith(const CaseQuery& query) {
    beginResetModel();
    query_ = query;
    pages_.clear();
    lru_.clear();
    titles_.clear();
    interruptedRuns_.clear();
    rowCount_ = 0;
    if (store_) {
        try {
            for (const auto& run : store_->runs())
                if (!run.complete)
                    interruptedRuns_.insert(run.id);
            rowCount_ = int(std::min<std::int64_t>(store_->countCases(query_), INT_MAX));
        } catch (const std::exception& e) {
            reportFailure(e);
        }
    }
    endResetModel();
}

qint64 CaseTableModel::caseId(int row) const {
    const CaseRow* r = rowAt(row);
    return r ? r->id : -1;
}

int CaseTableModel::rowOfCase(qint64 caseId) const {
    if (!store_)
        return -1;
    // A cached page answers without a query (the common case: the row is on screen).
    for (const auto& [page, rows] : pages_)
        for (std::size_t i = 0; i < rows.size(); ++i)
            if (rows[i].id == caseId)
                return page * kPageSize + int(i);
    try {
        const std::int64_t row = store_->rowOfCase(query_, caseId);
        return row >= 0 && row < rowCount_ ? int(row) : -1;
    } catch (const std::exception& e) {
        reportFailure(e);
        return -1;
    }
}

} // namespace rs
