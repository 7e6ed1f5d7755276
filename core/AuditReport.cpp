#include "AuditReport.h"

#include "CaseFilterSpec.h"
#include "CaseResultCodec.h"
#include "CaseResultJson.h"
#include "CaseTitle.h"
#include "FindingKinds.h"
#include "FindingWording.h"

#include <algorithm>
#include <ctime>
#include <stdexcept>

namespace rs {

using nlohmann::json;

const char* severityName(int severity) {
    const auto s = severityFromRank(severity);
    return s ? severityName(*s) : "unanalysed";
}

std::string correctnessName(const std::optional<bool>& correct) {
    return !correct ? "unscored" : *correct ? "yes" : "no";
}

std::string utcTimestampNow() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

namespace {

// An answer as given may be free text from the input; under redaction only an option label
// (which says nothing about the patient) is kept.
std::string redactedAnswer(const Case& c, const std::string& answer) {
    const int i = matchOption(c.options, answer);
    return i >= 0 ? c.options[std::size_t(i)].label : std::string();
}

// What the path diagram draws. Claims keep their spans but no text of the input: the
// diagram's tooltips are not part of a report.
CaseResult diagramParts(const CaseResult& r) {
    CaseResult d;
    d.id = r.id;
    d.run = r.run;
    d.anchors = r.anchors;
    d.unanchoredReason = r.unanchoredReason;
    d.reasoningPath = r.reasoningPath;
    d.referencePaths = r.referencePaths;
    d.bestReference = r.bestReference;
    d.findings = r.findings;
    d.claims = r.claims;
    for (CaseResult::Claim& cl : d.claims)
        cl.cue.clear(); // words of the output
    return d;
}

ReportCase reportCase(const ProjectStore::StoredCase& s, const CaseRow& row,
                      const std::vector<ProjectStore::Review>& reviews, bool redact) {
    const Case& c = s.data;
    ReportCase r;
    r.id = s.id;
    r.key = c.key;
    r.run = c.run;
    r.questionId = c.questionId;
    r.dataset = c.dataset;
    r.model = c.model;
    r.sourceFile = c.sourceFile;
    r.sourceRecord = c.sourceRecord;
    r.correct = c.correct;
    r.maxSeverity = row.maxSeverity;
    if (redact) {
        r.gold = redactedAnswer(c, c.gold);
        r.prediction = redactedAnswer(c, c.prediction);
    } else {
        r.title = caseTitle(c.question);
        r.question = c.question;
        r.output = c.output;
        r.gold = c.gold;
        r.prediction = c.prediction;
        r.options = c.options;
    }
    r.images = c.images;
    const CaseResult result = decodeCaseResult(s.analysis);
    r.unanchoredReason = result.unanchoredReason;
    r.diagram = diagramParts(result);
    const CaseReviewState state = caseReviewState(reviews, s.findingIds, result.findings);
    for (std::size_t i = 0; i < s.findingIds.size(); ++i) {
        ReportFinding rf;
        rf.index = int(i);
        rf.id = s.findingIds[i];
        if (const CaseResult::Finding* f = result.finding(int(i))) {
            rf.type = CaseResult::typeName(*f);
            rf.subtype = f->subtype;
            rf.severity = f->severity ? severityName(*f->severity) : "";
            rf.explanation = f->explanation;
            rf.summary = wordFinding(result, *f).summary;
            rf.signature = f->signature;
            rf.step = f->step;
            rf.nodes = f->nodes;
        }
        rf.verdict = state.findingVerdicts[i];
        rf.history = state.findingHistory[i];
        r.findings.push_back(std::move(rf));
    }
    r.caseVerdict = state.caseVerdict;
    r.caseHistory = state.caseHistory;
    r.orphanedReviews = state.orphaned;
    return r;
}

json reviewJson(const ProjectStore::Review& r) {
    json j = json::object();
    j["review_id"] = r.id;
    j["verdict"] = r.verdict;
    j["severity"] = r.severity;
    j["comment"] = r.comment;
    j["reviewer"] = r.reviewer;
    j["role"] = r.role;
    j["time"] = r.timestamp;
    if (r.findingId) {
        j["finding_id"] = *r.findingId;
        j["finding_signature"] = r.findingSignature;
        j["finding_step"] = r.findingStep;
    }
    return j;
}

json reviewsJson(const std::vector<ProjectStore::Review>& v) {
    json a = json::array();
    for (const auto& r : v)
        a.push_back(reviewJson(r));
    return a;
}

json optReviewJson(const std::optional<ProjectStore::Review>& r) {
    return r ? reviewJson(*r) : json();
}

} // namespace

AuditReport buildAuditReport(const ProjectStore& store, const CaseQuery& filter,
                             const ReportOptions& options) {
    // One snapshot for every query: a reviewer writing meanwhile cannot make the summary
    // disagree with the cases listed below it.
    const ProjectStore::ReadSnapshot snapshot(store);
    AuditReport report;
    report.appVersion = options.appVersion;
    report.generatedAt = options.generatedAt.empty() ? utcTimestampNow() : options.generatedAt;
    report.projectPath = store.path();
    report.filter = filter;
    report.redacted = options.redact;
    report.kgSources = store.kgSources();
    report.runs = store.runs();
    report.settings = store.settings();
    // The canonical form, not the user's spelling: two reports of the same cases say the
    // same filter.
    report.filterText = formatCaseFilter(filter, report.runs);
    report.summary = store.facets(filter);
    report.matchedCases = report.summary.cases;

    // Id order, as the case table lists by default; narrow columns first, a page at a time,
    // keeping of each reported case what reading it needs: its id and the row's severity.
    // A page is an OFFSET query, which steps over the rows before it: big pages keep that
    // small (at 100k cases, pages of 2,048 took the CSV report from 20 s of CPU to 30 s),
    // and a page of rows is a few MB.
    CaseQuery byId = filter;
    byId.sort = CaseQuery::Sort::Id;
    byId.descending = false;
    constexpr std::int64_t kRowPage = 16384;
    std::vector<std::pair<std::int64_t, std::optional<int>>> rows;
    for (std::int64_t offset = 0;; offset += kRowPage) {
        const std::vector<CaseRow> page = store.caseRows(byId, offset, kRowPage);
        for (const CaseRow& row : page) {
            const bool flagged = row.nRelation + row.nBranch + row.nMissing + row.nGrounding > 0;
            report.flaggedCases += flagged ? 1 : 0;
            report.reviewedCases += row.reviewState != "unreviewed" ? 1 : 0;
            if (flagged || row.reviewState != "unreviewed")
                rows.emplace_back(row.id, row.maxSeverity);
        }
        if (std::int64_t(page.size()) < kRowPage)
            break;
    }
    // Patterns and verdict counts are counted as the cases go by, so that with casesInPages
    // no case needs to stay in memory for them. Cases come in id order, so a signature's
    // case count goes up when the case differs from the last one that had it.
    struct SignatureSeen {
        std::int64_t cases = 0, lastCase = -1;
        std::string type, subtype; // of the first finding with it
    };
    std::map<std::string, SignatureSeen> signatures;
    auto count = [&](const ReportCase& c) {
        report.caseIndex.push_back({c.id, c.key, c.title});
        for (const ReportFinding& f : c.findings) {
            report.findingVerdicts += f.verdict ? 1 : 0;
            if (f.signature.empty())
                continue;
            auto [it, added] = signatures.try_emplace(f.signature);
            if (added) {
                it->second.type = f.type;
                it->second.subtype = f.subtype;
            }
            if (it->second.lastCase != c.id) {
                it->second.lastCase = c.id;
                ++it->second.cases;
            }
        }
    };
    auto read = [&store, redact = options.redact](
                    std::int64_t id, std::optional<int> severity) -> std::optional<ReportCase> {
        const auto stored = store.loadCase(id);
        if (!stored)
            return std::nullopt; // deleted meanwhile by another connection
        CaseRow row;
        row.id = id;
        row.maxSeverity = severity;
        return reportCase(*stored, row, store.reviews(id), redact);
    };
    if (!options.casesInPages)
        report.cases.reserve(rows.size());
    std::vector<std::pair<std::int64_t, std::optional<int>>> reported;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (options.progress)
            options.progress(std::int64_t(i), std::int64_t(rows.size()));
        std::optional<ReportCase> c = read(rows[i].first, rows[i].second);
        if (!c)
            continue;
        count(*c);
        if (options.casesInPages)
            reported.push_back(rows[i]);
        else
            report.cases.push_back(std::move(*c));
    }
    if (options.casesInPages)
        report.readCases = [read, reported = std::move(reported)](
                               const std::function<void(const ReportCase&)>& fn) {
            for (const auto& [id, severity] : reported)
                if (const std::optional<ReportCase> c = read(id, severity))
                    fn(*c); // always there under the caller's snapshot
        };
    if (options.progress)
        options.progress(std::int64_t(rows.size()), std::int64_t(rows.size()));

    // Descriptions come from the project's pattern table; a signature recurring only under
    // this filter's cases still gets a row, described by its signature.
    std::map<std::string, json> stored;
    for (const auto& p : store.patterns())
        if (p.is_object())
            stored.emplace(stringField(p, "signature"), p);
    for (const auto& [sig, seen] : signatures) {
        if (seen.cases < 2)
            continue;
        ReportPattern p;
        p.signature = sig;
        p.cases = seen.cases;
        const auto it = stored.find(sig);
        p.type = it != stored.end() ? stringField(it->second, "type") : seen.type;
        p.subtype = it != stored.end() ? stringField(it->second, "subtype") : seen.subtype;
        p.description = it != stored.end() ? stringField(it->second, "description") : std::string();
        report.patterns.push_back(std::move(p));
    }
    std::stable_sort(
        report.patterns.begin(), report.patterns.end(),
        [](const ReportPattern& a, const ReportPattern& b) { return a.cases > b.cases; });
    return report;
}

namespace {

// The document without its cases.
json reportHeadJson(const AuditReport& r) {
    json j = json::object();
    j["format"] = "reasonscope-audit-report";
    j["version"] = 1;
    j["generator"] = "reasonscope " + r.appVersion;
    j["generated"] = r.generatedAt;
    j["project"] = r.projectPath;
    j["filter"] = r.filterText;
    j["redacted"] = r.redacted;
    json kg = json::array();
    for (const auto& s : r.kgSources)
        kg.push_back({{"path", s.path},
                      {"format", s.format},
                      {"sha256", s.sha256},
                      {"nodes", s.nodes},
                      {"edges", s.edges},
                      {"added", s.added}});
    j["kg_sources"] = std::move(kg);
    json runs = json::array();
    for (const auto& run : r.runs)
        runs.push_back({{"label", run.label},
                        {"model", run.model},
                        {"source_file", run.sourceFile},
                        {"source_sha256", run.sourceSha256},
                        {"imported", run.imported},
                        {"cases", run.cases},
                        {"complete", run.complete}});
    j["runs"] = std::move(runs);
    json settings = json::object();
    for (const auto& [k, v] : r.settings)
        settings[k] = v;
    j["settings"] = std::move(settings);

    json summary = json::object();
    summary["cases"] = r.matchedCases;
    summary["flagged_cases"] = r.flaggedCases;
    summary["reviewed_cases"] = r.reviewedCases;
    summary["finding_verdicts"] = r.findingVerdicts;
    json byType = json::object();
    for (const auto& [type, c] : r.summary.byType)
        byType[type] = {{"findings", c.findings}, {"cases", c.cases}};
    summary["findings"] = std::move(byType);
    json bySubtype = json::array();
    for (const auto& [key, c] : r.summary.bySubtype)
        bySubtype.push_back({{"type", key.first},
                             {"subtype", key.second},
                             {"findings", c.findings},
                             {"cases", c.cases}});
    summary["findings_by_subtype"] = std::move(bySubtype);
    json review = json::object();
    for (const auto& [state, n] : r.summary.byReviewState)
        review[state] = n;
    summary["review_state"] = std::move(review);
    json accuracy = json::array();
    for (const auto& run : r.summary.runs)
        accuracy.push_back({{"run", run.label},
                            {"cases", run.cases},
                            {"correct", run.correct},
                            {"incorrect", run.incorrect}});
    summary["runs"] = std::move(accuracy);
    j["summary"] = std::move(summary);

    json patterns = json::array();
    for (const auto& p : r.patterns)
        patterns.push_back({{"signature", p.signature},
                            {"type", p.type},
                            {"subtype", p.subtype},
                            {"description", p.description},
                            {"cases", p.cases}});
    j["patterns"] = std::move(patterns);
    return j;
}

json caseJson(const AuditReport& r, const ReportCase& c) {
    json o = json::object();
    o["case_id"] = c.id;
    o["key"] = c.key;
    o["title"] = c.title;
    o["run"] = c.run;
    o["question_id"] = c.questionId;
    o["source"] = {{"file", c.sourceFile}, {"record", c.sourceRecord}};
    o["correct"] = c.correct ? json(*c.correct) : json();
    o["max_severity"] = c.maxSeverity ? json(severityName(*c.maxSeverity)) : json();
    o["gold"] = c.gold;
    o["prediction"] = c.prediction;
    if (!r.redacted) {
        o["question"] = c.question;
        json opts = json::array();
        for (const auto& opt : c.options)
            opts.push_back({{"label", opt.label}, {"text", opt.text}});
        o["options"] = std::move(opts);
        o["output"] = c.output;
    }
    json images = json::array();
    for (const auto& im : c.images) {
        json boxes = json::array();
        for (const auto& b : im.boxes)
            boxes.push_back({{"label", b.label},
                             {"source", b.source},
                             {"x", b.x},
                             {"y", b.y},
                             {"w", b.w},
                             {"h", b.h}});
        images.push_back({{"path", im.path}, {"modality", im.modality}, {"boxes", boxes}});
    }
    o["images"] = std::move(images);
    json findings = json::array();
    for (const auto& f : c.findings)
        findings.push_back({{"index", f.index},
                            {"finding_id", f.id},
                            {"type", f.type},
                            {"subtype", f.subtype},
                            {"severity", f.severity},
                            {"step", f.step},
                            {"nodes", f.nodes},
                            {"summary", f.summary},
                            {"explanation", f.explanation},
                            {"signature", f.signature},
                            {"verdict", optReviewJson(f.verdict)},
                            {"history", reviewsJson(f.history)}});
    o["findings"] = std::move(findings);
    o["verdict"] = optReviewJson(c.caseVerdict);
    o["history"] = reviewsJson(c.caseHistory);
    if (!c.orphanedReviews.empty())
        o["reviews_of_removed_findings"] = reviewsJson(c.orphanedReviews);
    return o;
}

} // namespace

void AuditReport::forEachCase(const std::function<void(const ReportCase&)>& fn) const {
    if (readCases) {
        readCases(fn);
        return;
    }
    for (const ReportCase& c : cases)
        fn(c);
}

json auditReportJson(const AuditReport& r) {
    json j = reportHeadJson(r);
    json cases = json::array();
    for (const auto& c : r.cases)
        cases.push_back(caseJson(r, c));
    j["cases"] = std::move(cases);
    return j;
}

void writeAuditReportJson(const AuditReport& r, std::ostream& out) {
    constexpr auto kReplace = json::error_handler_t::replace;
    // json objects keep their keys sorted, so "cases" is the document's first member: the
    // head is dumped with an empty array there and each case is dumped alone, indented two
    // steps as dump() indents an array element of a member (every line break in a dump is
    // layout: line breaks inside strings are escaped).
    json head = reportHeadJson(r);
    head["cases"] = json::array();
    const std::string doc = head.dump(1, ' ', false, kReplace);
    const std::string opening = "{\n \"cases\": []";
    if (doc.compare(0, opening.size(), opening) != 0)
        throw std::logic_error("audit report JSON: \"cases\" is not the first member");
    out << "{\n \"cases\": [";
    bool first = true;
    r.forEachCase([&](const ReportCase& c) {
        std::string element = caseJson(r, c).dump(1, ' ', false, kReplace);
        std::string indented = first ? "\n  " : ",\n  ";
        for (char ch : element) {
            indented += ch;
            if (ch == '\n')
                indented += "  ";
        }
        out << indented;
        first = false;
    });
    out << (first ? "]" : "\n ]") << doc.substr(opening.size()) << "\n";
}

} // namespace rs
