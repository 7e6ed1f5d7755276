#pragma once
// The content of an audit report, independent of its format: what was analysed (KG sources
// and model-output files with their SHA-256, settings, app version, date), the summary and
// recurring patterns under the filter, and every reported case with its findings and
// verdicts. The HTML, PDF, CSV and JSON writers all render this one model, so every format
// says the same thing and honours the same filter.
//
// Which cases: those the filter matches that have at least one finding or a case-level
// verdict, in case-table id order. Exactly the filter: the summary counts are the store's
// facet counts under the same CaseQuery, and patterns are recounted from the reported
// cases (a signature in two or more of them).
//
// Bounded memory: with ReportOptions::casesInPages the report holds no ReportCase. It keeps
// what the front matter needs (counts, patterns, an index of ids and titles) and the
// writers read the cases again, one at a time, through forEachCase. The caller then holds
// a ProjectStore::ReadSnapshot from buildAuditReport until the report is written, so both
// readings see the same cases, and keeps the store alive as long as the report.
//
// Redaction leaves out everything a case's input text says (question, options, output,
// free-text gold and prediction) and marks images so writers omit their pixels; ids,
// findings (their explanations name KG concepts), verdicts and comments stay.
#include "CaseResult.h"
#include "ProjectStore.h"
#include "ReviewQueue.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace rs {

struct ReportOptions {
    bool redact = false;
    std::string appVersion;  // "0.1.0"
    std::string generatedAt; // UTC ISO 8601; empty: now
    std::string filterText;  // the filter as the user wrote it; empty: formatted from the query
    // Called with (cases done, cases total) while cases are read; may be empty.
    std::function<void(std::int64_t, std::int64_t)> progress;
    // Leave AuditReport::cases empty; forEachCase reads each case from the store when a
    // writer asks for it (see above).
    bool casesInPages = false;
};

struct ReportFinding {
    int index = 0;       // position in the case's analysis
    std::int64_t id = 0; // finding row id
    std::string type, subtype, severity, explanation, signature;
    std::string summary; // the clinical first sentence (core/FindingWording); "" when none
    int step = -1;
    std::vector<std::string> nodes;
    std::optional<ProjectStore::Review> verdict; // current (latest)
    std::vector<ProjectStore::Review> history;   // oldest first, the current one last
};

struct ReportCase {
    std::int64_t id = 0;
    std::string key, run, questionId, dataset, model, sourceFile;
    std::string title; // core/CaseTitle of the question; "" under redaction (patient text)
    std::size_t sourceRecord = 0;
    std::optional<bool> correct;
    std::optional<int> maxSeverity; // 0 none .. 3 critical; nullopt: not analysed
    // Empty under redaction (gold and prediction keep an option label when they are one).
    std::string question, output, gold, prediction;
    std::vector<AnswerOption> options;
    std::vector<ImageRef> images; // paths and boxes; writers omit pixels when redacted
    std::string unanchoredReason;
    std::vector<ReportFinding> findings;
    std::optional<ProjectStore::Review> caseVerdict;
    std::vector<ProjectStore::Review> caseHistory;
    std::vector<ProjectStore::Review> orphanedReviews; // of findings no longer present
    // The parts of the result the path diagram needs (paths, anchors, findings, claims
    // without their output spans' text): nothing the input says about the patient, so
    // also kept under redaction.
    CaseResult diagram;
};

// What the front matter's case index shows of a reported case.
struct ReportCaseEntry {
    std::int64_t id = 0;
    std::string key, title;
};

struct ReportPattern {
    std::string signature, type, subtype, description;
    std::int64_t cases = 0; // reported cases with a finding of this signature
};

struct AuditReport {
    std::string appVersion, generatedAt, projectPath;
    CaseQuery filter;
    std::string filterText; // canonical; empty means every case
    bool redacted = false;
    std::vector<ProjectStore::KgSource> kgSources;
    std::vector<ProjectStore::RunInfo> runs; // every run of the project, with source SHA-256
    std::vector<std::pair<std::string, std::string>> settings;
    FacetCounts summary;                    // under the filter
    std::int64_t matchedCases = 0;          // cases the filter matches
    std::int64_t flaggedCases = 0;          // ... with at least one finding
    std::int64_t reviewedCases = 0;         // ... with a case-level verdict
    std::int64_t findingVerdicts = 0;       // findings of reported cases with a current verdict
    std::vector<ReportPattern> patterns;    // most cases first
    std::vector<ReportCaseEntry> caseIndex; // every reported case, in report order
    std::vector<ReportCase> cases;          // the same cases; empty with casesInPages
    // With casesInPages: reads the reported cases again and calls the function with each.
    std::function<void(const std::function<void(const ReportCase&)>&)> readCases;

    std::size_t caseCount() const { return caseIndex.size(); }
    // Each reported case in order, from cases or read from the store (casesInPages).
    void forEachCase(const std::function<void(const ReportCase&)>& fn) const;
};

// Reads everything from the store (one read transaction's worth of queries; run it on the
// thread that owns the store). Throws StoreError / std::invalid_argument as the store does.
AuditReport buildAuditReport(const ProjectStore& store, const CaseQuery& filter,
                             const ReportOptions& options);

// The report as a JSON document (docs/audit-report.md): format "reasonscope-audit-report",
// version 1. Text is passed through as valid UTF-8. Needs report.cases (not casesInPages).
nlohmann::json auditReportJson(const AuditReport& report);
// The same document as auditReportJson(report).dump(1, ' ', false, replace) + "\n", byte
// for byte, written one case at a time (forEachCase): for either kind of report.
void writeAuditReportJson(const AuditReport& report, std::ostream& out);

// "confirmed", "minor", ... helpers shared by the writers.
const char* severityName(int severity); // by rank 0..3 (FindingKinds); "unanalysed" otherwise
std::string correctnessName(const std::optional<bool>& correct); // "yes", "no", "unscored"
// "now" as UTC ISO 8601 with seconds ("2024-06-01T12:00:00Z").
std::string utcTimestampNow();

} // namespace rs
