#pragma once
// The clinician's side of the project file: which cases wait for review, in what order, and
// what the current verdicts are. Plain C++ over ProjectStore, so the review panel, the
// reports and the tests share one definition of "reviewed" and "current verdict".
//
// - The queue is a CaseQuery: the user's filter, narrowed to flagged cases (at least one
//   finding of any class) unless the filter already names finding classes or the caller
//   asks for every case of the filter, and sorted by severity, worst first (ties by id).
// - A case counts as reviewed once it has a case-level verdict (the sign-off); verdicts on
//   single findings alone do not make it reviewed. This is the case table's review state.
// - Reviews are append-only; the current verdict on a target (the case, or one finding) is
//   its latest review (largest id: ids only grow). A finding's reviews are recognised by
//   the finding's row id, and after a re-analysis (which renumbers findings) by the
//   signature and step the store recorded with each review.
#include "CaseResult.h"
#include "ProjectStore.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rs {

// The current verdicts and histories of one case.
struct CaseReviewState {
    using Review = ProjectStore::Review;
    std::optional<Review> caseVerdict;                  // latest case-level review
    std::vector<Review> caseHistory;                    // oldest first
    std::vector<std::optional<Review>> findingVerdicts; // parallel to the analysis' findings
    std::vector<std::vector<Review>> findingHistory;    // parallel, oldest first each
    // Reviews of findings the current analysis no longer has (e.g. a re-analysis removed
    // them): kept and shown, never dropped.
    std::vector<Review> orphaned;

    int reviewedFindings() const; // findings with a current verdict
};

// Groups a case's reviews (as ProjectStore::reviews gives them) by target. findingIds and
// findings (the stored result's, parallel) describe the current analysis.
CaseReviewState caseReviewState(const std::vector<ProjectStore::Review>& reviews,
                                const std::vector<std::int64_t>& findingIds,
                                const std::vector<CaseResult::Finding>& findings);

// Reads the case's reviews and analysis from the store. Throws StoreError when there is no
// such case.
CaseReviewState loadCaseReviewState(const ProjectStore& store, std::int64_t caseId);

class ReviewQueue {
public:
    // flaggedOnly: only cases with at least one finding (the default queue). A filter that
    // already names finding classes, sub-kinds or patterns keeps them as they are.
    explicit ReviewQueue(const ProjectStore& store, const CaseQuery& filter = {},
                         bool flaggedOnly = true);

    // The query the queue lists: the filter, narrowed and sorted as described above.
    static CaseQuery queueQuery(const CaseQuery& filter, bool flaggedOnly = true);
    const CaseQuery& query() const { return query_; }
    void setFilter(const CaseQuery& filter, bool flaggedOnly = true);

    // Answered from the store each time (another reviewer may have written meanwhile).
    std::int64_t size() const;
    std::int64_t reviewedCount() const;
    std::vector<CaseRow> rows(std::int64_t offset, std::int64_t limit) const;
    // The position of a case in the queue, -1 when the queue leaves it out.
    std::int64_t indexOf(std::int64_t caseId) const;
    // The case after / before the given one in queue order (-1 at the end / start). A case
    // not in the queue (any more) counts as before the first.
    std::int64_t next(std::int64_t caseId) const;
    std::int64_t previous(std::int64_t caseId) const;
    // The first case in queue order at or after position `from` without a case-level
    // verdict, -1 when there is none.
    std::int64_t nextUnreviewed(std::int64_t from = 0) const;

private:
    std::int64_t caseAt(std::int64_t index) const;
    const ProjectStore& store_;
    CaseQuery query_;
};

} // namespace rs
