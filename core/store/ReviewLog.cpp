#include "ReviewLog.h"

#include "AnalysisRows.h"
#include "SqliteStatement.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace rs::store {

using Review = ProjectStore::Review;

namespace {

bool isBlankText(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](unsigned char ch) { return std::isspace(ch); });
}

} // namespace

std::int64_t addReview(SqliteConnection& d, const Review& r) {
    if (indexOfName(ProjectStore::kVerdicts, r.verdict) < 0)
        throw std::invalid_argument("verdict \"" + r.verdict +
                                    "\" is not one of confirmed, rejected, unsure");
    if (!r.severity.empty() && indexOfName(ProjectStore::kReviewSeverities, r.severity) < 0)
        throw std::invalid_argument("review severity \"" + r.severity +
                                    "\" is not one of none, minor, major, critical");
    if (isBlankText(r.reviewer))
        throw std::invalid_argument("a review needs a reviewer name");
    WriteScope w(d);
    std::optional<std::string> signature;
    std::optional<std::int64_t> step;
    if (r.findingId) {
        SqliteStatement f(d, "SELECT signature, step FROM findings WHERE id = ? AND case_id = ?");
        f.bind(1, *r.findingId).bind(2, r.caseId);
        if (!f.step())
            throw std::invalid_argument("finding " + std::to_string(*r.findingId) +
                                        " is not a finding of case " + std::to_string(r.caseId));
        signature = f.text(0);
        step = f.integer(1);
    }
    SqliteStatement q(
        d, "INSERT INTO reviews(case_id, finding_id, finding_signature, finding_step, "
           "reviewer, role, verdict, severity, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
           "RETURNING id");
    q.bind(1, r.caseId)
        .bind(2, r.findingId)
        .bind(3, signature)
        .bind(4, step)
        .bind(5, r.reviewer)
        .bind(6, r.role)
        .bind(7, r.verdict)
        .bind(8, r.severity)
        .bind(9, r.comment);
    q.step();
    const std::int64_t id = q.integer(0);
    q.run();
    w.commit();
    return id;
}

std::vector<ProjectStore::Review> reviews(SqliteConnection& d, std::int64_t caseId) {
    std::vector<Review> out;
    SqliteStatement q(d,
                      "SELECT id, case_id, finding_id, reviewer, role, verdict, severity, comment, "
                      "finding_signature, finding_step, created FROM reviews WHERE case_id = ? "
                      "ORDER BY id");
    q.bind(1, caseId);
    while (q.step()) {
        Review r;
        r.id = q.integer(0);
        r.caseId = q.integer(1);
        if (!q.isNull(2))
            r.findingId = q.integer(2);
        r.reviewer = q.text(3);
        r.role = q.text(4);
        r.verdict = q.text(5);
        r.severity = q.text(6);
        r.comment = q.text(7);
        r.findingSignature = q.text(8);
        r.findingStep = q.isNull(9) ? -1 : int(q.integer(9));
        r.timestamp = q.text(10);
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace rs::store
