#include "ReviewQueue.h"

#include "CaseResultCodec.h"
#include "FindingKinds.h"

#include <algorithm>

namespace rs {

int CaseReviewState::reviewedFindings() const {
    return int(std::count_if(findingVerdicts.begin(), findingVerdicts.end(),
                             [](const auto& v) { return v.has_value(); }));
}

CaseReviewState caseReviewState(const std::vector<ProjectStore::Review>& reviews,
                                const std::vector<std::int64_t>& findingIds,
                                const std::vector<CaseResult::Finding>& findings) {
    CaseReviewState s;
    const std::size_t n = findingIds.size();
    s.findingVerdicts.resize(n);
    s.findingHistory.resize(n);
    // Reviews come oldest first; sorting by id makes "latest" independent of the caller.
    std::vector<ProjectStore::Review> sorted = reviews;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto& a, const auto& b) { return a.id < b.id; });
    for (const auto& r : sorted) {
        if (!r.findingId) {
            s.caseHistory.push_back(r);
            s.caseVerdict = r;
            continue;
        }
        // The row id first: it names exactly one finding of this analysis. Otherwise the
        // finding was renumbered by a re-analysis; signature and step still identify it.
        std::optional<std::size_t> target;
        for (std::size_t i = 0; i < n && !target; ++i)
            if (findingIds[i] == *r.findingId)
                target = i;
        for (std::size_t i = 0; i < n && i < findings.size() && !target; ++i)
            if (!r.findingSignature.empty() && findings[i].signature == r.findingSignature &&
                findings[i].step == r.findingStep)
                target = i;
        if (!target) {
            s.orphaned.push_back(r);
            continue;
        }
        s.findingHistory[*target].push_back(r);
        s.findingVerdicts[*target] = r;
    }
    return s;
}

CaseReviewState loadCaseReviewState(const ProjectStore& store, std::int64_t caseId) {
    const auto stored = store.loadCase(caseId);
    if (!stored)
        throw StoreError("no case with id " + std::to_string(caseId) + " in " + store.path());
    return caseReviewState(store.reviews(caseId), stored->findingIds,
                           decodeCaseResult(stored->analysis).findings);
}

// --- ReviewQueue -------------------------------------------------------------------------

ReviewQueue::ReviewQueue(const ProjectStore& store, const CaseQuery& filter, bool flaggedOnly)
    : store_(store), query_(queueQuery(filter, flaggedOnly)) {}

CaseQuery ReviewQueue::queueQuery(const CaseQuery& filter, bool flaggedOnly) {
    CaseQuery q = filter;
    const bool namesFindings =
        !q.findingTypes.empty() || !q.findingSubtypes.empty() || !q.signatures.empty();
    if (flaggedOnly && !namesFindings)
        for (FindingType t : kAllFindingTypes)
            q.findingTypes.push_back(findingTypeName(t));
    // Worst first; the store breaks ties by id in the same direction, so the queue reads
    // critical cases by descending id. Stable either way, which is what navigation needs.
    q.sort = CaseQuery::Sort::Severity;
    q.descending = true;
    return q;
}

void ReviewQueue::setFilter(const CaseQuery& filter, bool flaggedOnly) {
    query_ = queueQuery(filter, flaggedOnly);
}

std::int64_t ReviewQueue::size() const {
    return store_.countCases(query_);
}

std::int64_t ReviewQueue::reviewedCount() const {
    CaseQuery unreviewed = query_;
    if (unreviewed.reviewState) // the filter itself asks for one review state
        return *unreviewed.reviewState == "unreviewed" ? 0 : size();
    unreviewed.reviewState = "unreviewed";
    return size() - store_.countCases(unreviewed);
}

std::vector<CaseRow> ReviewQueue::rows(std::int64_t offset, std::int64_t limit) const {
    return store_.caseRows(query_, offset, limit);
}

std::int64_t ReviewQueue::indexOf(std::int64_t caseId) const {
    return store_.rowOfCase(query_, caseId);
}

std::int64_t ReviewQueue::caseAt(std::int64_t index) const {
    if (index < 0)
        return -1;
    const auto r = store_.caseRows(query_, index, 1);
    return r.empty() ? -1 : r.front().id;
}

std::int64_t ReviewQueue::next(std::int64_t caseId) const {
    return caseAt(indexOf(caseId) + 1); // not in the queue: -1 + 1, the first case
}

std::int64_t ReviewQueue::previous(std::int64_t caseId) const {
    const std::int64_t i = indexOf(caseId);
    return i <= 0 ? -1 : caseAt(i - 1);
}

std::int64_t ReviewQueue::nextUnreviewed(std::int64_t from) const {
    constexpr std::int64_t kPage = 256;
    for (std::int64_t offset = std::max<std::int64_t>(from, 0);; offset += kPage) {
        const auto page = store_.caseRows(query_, offset, kPage);
        for (const CaseRow& r : page)
            if (r.reviewState == "unreviewed")
                return r.id;
        if (std::int64_t(page.size()) < kPage)
            return -1;
    }
}

} // namespace rs
