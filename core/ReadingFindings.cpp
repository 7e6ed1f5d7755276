#include "ReadingFindings.h"

#include "FindingKinds.h"

#include <algorithm>

namespace rs {

namespace {

FindingSubtype subtypeOf(reading::ReadingKind kind) {
    switch (kind) {
    case reading::ReadingKind::ValueMisjudged:
        return FindingSubtype::ValueMisjudged;
    case reading::ReadingKind::FindingDenied:
        return FindingSubtype::FindingDenied;
    case reading::ReadingKind::FindingInvented:
        return FindingSubtype::FindingInvented;
    case reading::ReadingKind::FactMisquoted:
        return FindingSubtype::FactMisquoted;
    }
    return FindingSubtype::ValueMisjudged;
}

} // namespace

namespace reading {

// Declared with ReadingKind; the names are the finding sub-kinds' (core/FindingKinds).
const char* toString(ReadingKind kind) {
    return findingSubtypeName(subtypeOf(kind));
}

} // namespace reading

namespace {

// The checker grades 1 mild .. 3 marked, one more when the answer is wrong (at most 4):
// a mild misreading is minor, a marked one or one on the way to a wrong answer major,
// a marked one in a wrong answer critical.
Severity severityOf(int grade) {
    return grade >= 4 ? Severity::Critical : grade >= 2 ? Severity::Major : Severity::Minor;
}

// Table ids read as words ("bilirubin_total" -> "bilirubin total").
std::string words(std::string id) {
    std::replace(id.begin(), id.end(), '_', ' ');
    return id;
}

} // namespace

std::string readingPatternWords(const reading::ReadingFinding& rf) {
    const std::string what = words(rf.analyte);
    switch (rf.kind) {
    case reading::ReadingKind::ValueMisjudged:
        if (!rf.claimed.empty())
            return "calls " + (rf.actual.empty() ? "" : rf.actual + " ") + what + " " + rf.claimed;
        return "misjudges " + what;
    case reading::ReadingKind::FindingDenied:
        return "denies " + what;
    case reading::ReadingKind::FindingInvented:
        return "asserts " + what;
    case reading::ReadingKind::FactMisquoted:
        return "misquotes " + what;
    }
    return what;
}

Finding readingFinding(const reading::ReadingFinding& rf, const std::vector<Step>& steps) {
    Finding f;
    f.type = FindingType::Reading;
    f.subtype = findingSubtypeName(subtypeOf(rf.kind));
    f.severity = severityOf(rf.severity);
    f.spanBegin = rf.outputSpan.begin;
    f.spanEnd = rf.outputSpan.end;
    f.questionSpanBegin = rf.questionSpan.begin;
    f.questionSpanEnd = rf.questionSpan.end;
    for (std::size_t i = 0; i < steps.size(); ++i)
        if (rf.outputSpan.begin >= steps[i].begin && rf.outputSpan.begin < steps[i].end) {
            f.step = int(i);
            break;
        }
    f.explanation = rf.explanation;
    f.signature =
        std::string(findingTypeName(f.type)) + "/" + f.subtype + "/" + readingPatternWords(rf);
    return f;
}

} // namespace rs
