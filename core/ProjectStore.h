#pragma once
// The project file: one SQLite database per project holding the imported cases, their
// analysis, patterns, import errors, reviews and settings. Everything the GUI lists or
// filters is a column or an index here so views can stay lazy over 100k cases.
//
// One ProjectStore is one connection; use it from one thread at a time. Other processes or
// threads open their own store on the same file (WAL: readers never block the writer).
// Write methods are atomic on their own; wrap many in a Transaction for speed. SQLite
// failures are thrown as StoreError; malformed analysis/pattern JSON as
// std::invalid_argument. Either way nothing of the failed call is left behind.
#include "Case.h"
#include "CaseQuery.h"
#include "ImportError.h"
#include "StoreError.h"
#include "store/StoreSchema.h"

#include <nlohmann/json.hpp>

#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace rs {

namespace store {
struct SqliteConnection;
}

class ProjectStore {
public:
    static constexpr int kSchemaVersion = store::kSchemaVersion;
    // PRAGMA application_id of every project file ("RScp"), so that other SQLite files are
    // recognised as not being a project.
    static constexpr std::int32_t kApplicationId = store::kApplicationId;

    // Opens or creates a project; older schemas are migrated forward in one transaction.
    // nullptr and *error set when the path is empty, the file cannot be created or written,
    // is not SQLite, is another application's database, or comes from a newer schema. A
    // refused file is never modified (SQLite may leave an empty -wal/-shm beside a WAL file).
    static std::unique_ptr<ProjectStore> open(const std::string& path, std::string* error);
    // Never writes or creates the project; refuses files that would need a migration.
    static std::unique_ptr<ProjectStore> openReadOnly(const std::string& path, std::string* error);

    ~ProjectStore();
    ProjectStore(const ProjectStore&) = delete;
    ProjectStore& operator=(const ProjectStore&) = delete;

    const std::string& path() const;
    bool isReadOnly() const;
    // At least how long a write waits for another connection's transaction before
    // StoreError (default 5 s); a GUI may want less.
    void setBusyTimeout(std::chrono::milliseconds timeout);

    // Write transaction (BEGIN IMMEDIATE, retried while another writer holds the lock).
    // Rolls back on destruction unless commit() was called. Not nestable.
    class Transaction {
    public:
        explicit Transaction(ProjectStore& store);
        ~Transaction();
        Transaction(const Transaction&) = delete;
        Transaction& operator=(const Transaction&) = delete;
        void commit();

    private:
        ProjectStore& store_;
        bool done_ = false;
    };

    // Every read through the store while it lives sees the file as it was at the first of
    // them, whatever other connections commit meanwhile (an SQLite read transaction; WAL
    // keeps writers going). For multi-query reads that must agree, e.g. a report. Does
    // nothing when a transaction is already open on this connection.
    class ReadSnapshot {
    public:
        explicit ReadSnapshot(const ProjectStore& store);
        ~ReadSnapshot();
        ReadSnapshot(const ReadSnapshot&) = delete;
        ReadSnapshot& operator=(const ReadSnapshot&) = delete;

    private:
        const ProjectStore& store_;
        bool open_ = false;
    };

    // --- the project: KG sources, import errors, settings ---------------------------
    // Same (path, sha256) again updates and returns the existing row.
    std::int64_t addKgSource(const std::string& path, const std::string& format,
                             const std::string& sha256, std::int64_t nodes, std::int64_t edges);
    struct KgSource {
        std::int64_t id = 0;
        std::string path, format, sha256, added;
        std::int64_t nodes = 0, edges = 0;
    };
    std::vector<KgSource> kgSources() const;

    void addImportError(const ImportError& e);
    std::vector<ImportError> importErrors() const;

    void setSetting(const std::string& key, const std::string& value);
    std::optional<std::string> setting(const std::string& key) const;
    // Every setting, ordered by key (what reports list as the analysis settings).
    std::vector<std::pair<std::string, std::string>> settings() const;

    // Changes whenever another connection (thread or process) commits to the file; this
    // connection's own writes leave it alone. Cheap (no I/O beyond the shared WAL index),
    // so a window can poll it to notice another reviewer's verdicts.
    std::int64_t externalChangeCounter() const;

    // --- runs -----------------------------------------------------------------------
    // Same (label, sourceSha256) returns the existing run.
    std::int64_t ensureRun(const std::string& label, const std::string& model,
                           const std::string& sourceFile, const std::string& sourceSha256);
    // An analysis clears the mark when it starts storing a run and sets it once the run's
    // file has been stored to the end: a run without it was cut short (killed, cancelled).
    void setRunComplete(std::int64_t runId, bool complete);
    struct RunInfo {
        std::int64_t id = 0;
        std::string label, model, sourceFile, sourceSha256, imported;
        std::int64_t cases = 0, correct = 0, incorrect = 0; // the rest are unscored
        bool complete = true; // false: the analysis storing it stopped before the end
        // correct / (correct + incorrect); nullopt when nothing is scored.
        std::optional<double> accuracy() const;
    };
    std::vector<RunInfo> runs() const; // by id

    // Cases of two runs that share a non-empty question id, ordered by question id. A
    // question asked several times in one run pairs every combination.
    struct CasePair {
        std::string questionId;
        std::int64_t caseA = 0, caseB = 0;
        std::string keyA, keyB;
    };
    std::vector<CasePair> pairCases(std::int64_t runA, std::int64_t runB) const;

    // --- comparing two runs (core/RunComparison) ------------------------------------
    // The narrow columns of every case of a run, by id, from indexes alone (no case row or
    // analysis JSON is read).
    struct RunCase {
        std::int64_t id = 0;
        std::string key, questionId;
        std::optional<bool> correct;
        bool analysed = false;
        std::array<std::int64_t, 5> findingsByType{}; // in core/FindingKinds kAllFindingTypes order
        std::string reviewState; // the latest case-level verdict, empty when unreviewed
    };
    std::vector<RunCase> runCases(std::int64_t runId) const;
    // Every finding's class with its case, project-wide, in (type, subtype, case id) order,
    // from an index alone: no finding row is read, so 500k findings stream in tens of ms.
    struct FindingKindRow {
        std::int64_t caseId = 0;
        std::string type, subtype;
    };
    void forEachFindingKind(const std::function<void(const FindingKindRow&)>& fn) const;
    // Every finding's signature with its case, project-wide, in (signature, case id) order,
    // from an index alone.
    void forEachSignatureCase(
        const std::function<void(std::int64_t caseId, const std::string& signature)>& fn) const;
    // The concepts the findings of the given cases name, each with how many of those cases
    // name it; most cases first, ties by name. limit <= 0 means no limit.
    std::vector<std::pair<std::string, std::int64_t>>
    conceptsOfCases(const std::vector<std::int64_t>& caseIds, int limit) const;

    struct Summary {
        std::vector<RunInfo> runs;
        std::int64_t cases = 0;
        std::int64_t analysedCases = 0;
        std::int64_t unanchoredCases = 0;
        std::map<std::string, std::int64_t> findingsByType;
        std::map<std::string, std::map<std::string, std::int64_t>>
            findingsBySubtype; // type -> subtype -> n
        std::int64_t importErrors = 0;
        std::int64_t coverageGaps = 0;
    };
    Summary summary() const; // the whole project, runs included

    // --- cases ----------------------------------------------------------------------
    // Returns the case row id. The same (run, key) again replaces the case's fields, drops
    // its analysis and findings, and keeps its id (so its reviews stay attached).
    // Case::run is ignored; the run is runId.
    std::int64_t addCase(const Case& c, std::int64_t runId);

    struct StoredCase {
        std::int64_t id = 0;
        std::int64_t runId = 0;
        Case data;                            // data.run is the run's label
        nlohmann::json analysis;              // null until saveAnalysis
        std::vector<std::int64_t> findingIds; // row ids, parallel to analysis["findings"]
    };
    // A key that exists in several runs gives the first imported unless run (a label) is
    // given.
    std::optional<StoredCase> loadCase(const std::string& key, const std::string& run = {}) const;
    std::optional<StoredCase> loadCase(std::int64_t caseId) const;

    // Streams the cases the query matches, in its order, without holding them all; the
    // callback may throw to stop. Throws std::invalid_argument as countCases does.
    void forEachCase(const std::function<void(const Case&, const nlohmann::json& analysis)>& fn,
                     const CaseQuery& query = {}) const;

    // --- analyses and findings --------------------------------------------------------
    // Replaces the case's earlier analysis, findings and coverage gaps. A non-null
    // "correct" and a non-empty "prediction" in the result also update the case columns.
    // Throws std::invalid_argument when the result is malformed or its "id" is not the
    // case's key, StoreError when there is no such case.
    void saveAnalysis(std::int64_t caseId, const nlohmann::json& caseResult);

    // Every finding's grouping fields, streamed from the findings table without reading
    // any analysis JSON (pattern aggregation over 100k cases stays fast).
    struct FindingSignature {
        std::int64_t caseId = 0;
        std::string caseKey, run, type, subtype, signature;
    };
    void forEachFindingSignature(const std::function<void(const FindingSignature&)>& fn) const;

    void replacePatterns(const nlohmann::json& patterns);
    nlohmann::json patterns() const; // as given to replacePatterns, in that order
    // The patterns without their case lists (megabytes of JSON at 100k cases), for listings.
    struct PatternSummary {
        std::string signature, type, subtype, description;
        std::int64_t count = 0;
    };
    std::vector<PatternSummary> patternSummaries() const; // in stored order

    // --- reviews --------------------------------------------------------------------
    // Append-only: the current verdict on a target is its latest review. A review of a
    // finding also records the finding's signature and step, which survive re-analysis
    // (finding row ids do not).
    struct Review {
        std::int64_t id = 0; // set by the store
        std::int64_t caseId = 0;
        std::optional<std::int64_t> findingId; // nullopt: on the case as a whole
        std::string reviewer, role, verdict, severity, comment;
        std::string findingSignature; // set by the store
        int findingStep = -1;         // set by the store
        std::string timestamp;        // set by the store, UTC ISO 8601
    };
    // The verdicts a review may carry. Its severity is a finding severity name
    // (core/FindingKinds), or empty for "not given".
    static constexpr const char* kVerdicts[] = {"confirmed", "rejected", "unsure"};
    // Committed before it returns (its own transaction unless inside one), so a verdict
    // survives the application being killed right after. Waits up to the busy timeout for
    // another writer. Throws std::invalid_argument when the finding does not belong to the
    // case, the verdict or severity is not one of the above, or the reviewer is blank.
    std::int64_t addReview(const Review& r);
    std::vector<Review> reviews(std::int64_t caseId) const; // oldest first

    // --- queries over cases -------------------------------------------------------------
    // All answered in SQL from the narrow case columns and indexes; nothing is cached.
    // Each throws std::invalid_argument for an unknown finding type in the query.
    std::int64_t countCases(const CaseQuery& query = {}) const;
    // The keys of the cases, in the query's order.
    std::vector<std::string> caseKeys(const CaseQuery& query = {}) const;
    // Rows [offset, offset + limit) of the sorted list; limit <= 0 means to the end.
    std::vector<CaseRow> caseRows(const CaseQuery& query, std::int64_t offset,
                                  std::int64_t limit) const;
    // The 0-based position of the case in the sorted list, -1 when the query excludes it.
    std::int64_t rowOfCase(const CaseQuery& query, std::int64_t caseId) const;

    // Full-text search over question and output, best match first. The query may use FTS5
    // syntax (prefix*, "phrase", OR, NEAR); text that is not valid FTS5 is searched as
    // plain words instead of failing. limit <= 0 means no limit.
    std::vector<std::string> searchCases(const std::string& ftsQuery, int limit) const;

    // --- queries over findings: facets and signatures ---------------------------------
    FacetCounts facets(const CaseQuery& query) const;
    // For each of the given signatures, the cases the query matches that have a finding of
    // that signature, in one grouped pass over the (signature, case_id) index. Signatures
    // without such a case are absent from the result.
    std::map<std::string, std::int64_t>
    countCasesBySignature(const CaseQuery& query, const std::vector<std::string>& signatures) const;

    // --- queries over concepts ----------------------------------------------------------
    // Cases whose analysis mentions a concept by its exact KG node name: an output mention,
    // a reasoning-path node or a question evidence anchor (the case_concepts table that
    // saveAnalysis fills). Ordered by case id, each case once; limit <= 0 means no limit.
    // Answered from the (name, case_id) index, without reading any analysis JSON.
    std::vector<std::int64_t> casesMentioning(const std::string& conceptName, int limit) const;
    std::int64_t countCasesMentioning(const std::string& conceptName) const;

    // The concepts findings name, answered from the findings' node rows (finding_nodes)
    // without reading any analysis JSON.
    struct ConceptStat {
        std::string name;
        std::int64_t cases = 0; // distinct cases with a finding that names the concept
        std::map<std::string, std::int64_t> casesByType; // finding type -> distinct cases
    };
    // Concepts named in findings of the cases q matches, most affected cases first (ties by
    // name). limit <= 0 means no limit.
    std::vector<ConceptStat> findingConcepts(const CaseQuery& q, int limit) const;
    // Pairs (a < b) of the given concepts that are named together in at least one finding
    // (of any case), most shared findings first, ties by names.
    std::vector<std::pair<std::string, std::string>>
    conceptLinks(const std::vector<std::string>& names) const;
    // Cases q matches that have a finding naming any of the given concepts, by id.
    std::vector<std::int64_t> casesWithConcepts(const std::vector<std::string>& names,
                                                const CaseQuery& q) const;

    // --- schema ---------------------------------------------------------------------
    // The SQL that brings a schema toVersion-1 file to toVersion (empty when there is no
    // such step), so tests and tools can build a file of an older schema.
    static std::string migrationSql(int toVersion);

private:
    explicit ProjectStore(std::unique_ptr<store::SqliteConnection> d);
    static std::unique_ptr<ProjectStore> openImpl(const std::string& path, bool readOnly,
                                                  std::string* error);
    std::unique_ptr<store::SqliteConnection> d_;
};

} // namespace rs
