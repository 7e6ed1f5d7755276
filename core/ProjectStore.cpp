// The front of the project store: owns the connection and hands each call to the part of
// core/store that does it.
#include "ProjectStore.h"

#include "store/CaseListing.h"
#include "store/CaseReads.h"
#include "store/ComparisonQueries.h"
#include "store/ConceptQueries.h"
#include "store/FacetQueries.h"
#include "store/ProjectFileCheck.h"
#include "store/ProjectReads.h"
#include "store/ProjectWrites.h"
#include "store/ReviewLog.h"
#include "store/SqliteStatement.h"

#include <algorithm>

namespace rs {

using nlohmann::json;

ProjectStore::ProjectStore(std::unique_ptr<store::SqliteConnection> d) : d_(std::move(d)) {}
ProjectStore::~ProjectStore() = default;

std::unique_ptr<ProjectStore> ProjectStore::open(const std::string& path, std::string* error) {
    return openImpl(path, false, error);
}

std::unique_ptr<ProjectStore> ProjectStore::openReadOnly(const std::string& path,
                                                         std::string* error) {
    return openImpl(path, true, error);
}

std::unique_ptr<ProjectStore> ProjectStore::openImpl(const std::string& path, bool readOnly,
                                                     std::string* error) {
    auto d = store::openProjectFile(path, readOnly, error);
    return d ? std::unique_ptr<ProjectStore>(new ProjectStore(std::move(d))) : nullptr;
}

const std::string& ProjectStore::path() const {
    return d_->path;
}

bool ProjectStore::isReadOnly() const {
    return d_->readOnly;
}

void ProjectStore::setBusyTimeout(std::chrono::milliseconds timeout) {
    d_->busyTimeout = std::max(timeout, std::chrono::milliseconds(0));
    sqlite3_busy_timeout(d_->db, int(d_->busyTimeout.count()));
}

// --- transactions ------------------------------------------------------------------------

ProjectStore::ReadSnapshot::ReadSnapshot(const ProjectStore& store) : store_(store) {
    if (store_.d_->inTransaction())
        return;
    store_.d_->exec("BEGIN DEFERRED");
    open_ = true;
    // The snapshot is taken by the first read, so take it now rather than at the caller's.
    store::SqliteStatement(*store_.d_, "SELECT count(*) FROM meta").step();
}

ProjectStore::ReadSnapshot::~ReadSnapshot() {
    if (open_)
        store_.d_->rollbackQuietly(); // nothing was written: ending it is all that is left
}

ProjectStore::Transaction::Transaction(ProjectStore& store) : store_(store) {
    if (store_.d_->inTransaction())
        throw StoreError("a transaction is already open on " + store_.d_->path);
    store_.d_->beginImmediate();
}

ProjectStore::Transaction::~Transaction() {
    if (!done_)
        store_.d_->rollbackQuietly();
}

void ProjectStore::Transaction::commit() {
    if (done_)
        throw StoreError("transaction on " + store_.d_->path + " already committed");
    store_.d_->commit();
    done_ = true;
}

// --- writing -----------------------------------------------------------------------------

std::int64_t ProjectStore::addKgSource(const std::string& path, const std::string& format,
                                       const std::string& sha256, std::int64_t nodes,
                                       std::int64_t edges) {
    return store::addKgSource(*d_, path, format, sha256, nodes, edges);
}

std::int64_t ProjectStore::ensureRun(const std::string& label, const std::string& model,
                                     const std::string& sourceFile,
                                     const std::string& sourceSha256) {
    return store::ensureRun(*d_, label, model, sourceFile, sourceSha256);
}

void ProjectStore::setRunComplete(std::int64_t runId, bool complete) {
    store::setRunComplete(*d_, runId, complete);
}

std::int64_t ProjectStore::addCase(const Case& c, std::int64_t runId) {
    return store::addCase(*d_, c, runId);
}

void ProjectStore::addImportError(const ImportError& e) {
    store::addImportError(*d_, e);
}

void ProjectStore::saveAnalysis(std::int64_t caseId, const json& caseResult) {
    store::saveAnalysis(*d_, caseId, caseResult);
}

void ProjectStore::replacePatterns(const json& patterns) {
    store::replacePatterns(*d_, patterns);
}

void ProjectStore::setSetting(const std::string& key, const std::string& value) {
    store::setSetting(*d_, key, value);
}

std::int64_t ProjectStore::addReview(const Review& r) {
    return store::addReview(*d_, r);
}

// --- reading -----------------------------------------------------------------------------

std::optional<std::string> ProjectStore::setting(const std::string& key) const {
    return store::setting(*d_, key);
}

std::vector<std::pair<std::string, std::string>> ProjectStore::settings() const {
    return store::settings(*d_);
}

std::int64_t ProjectStore::externalChangeCounter() const {
    return store::externalChangeCounter(*d_);
}

std::vector<ProjectStore::KgSource> ProjectStore::kgSources() const {
    return store::kgSources(*d_);
}

std::optional<double> ProjectStore::RunInfo::accuracy() const {
    if (correct + incorrect == 0)
        return std::nullopt;
    return double(correct) / double(correct + incorrect);
}

std::vector<ProjectStore::RunInfo> ProjectStore::runs() const {
    return store::runs(*d_);
}

ProjectStore::Summary ProjectStore::summary() const {
    return store::summary(*d_);
}

std::vector<ImportError> ProjectStore::importErrors() const {
    return store::importErrors(*d_);
}

json ProjectStore::patterns() const {
    return store::patterns(*d_);
}

std::vector<ProjectStore::PatternSummary> ProjectStore::patternSummaries() const {
    return store::patternSummaries(*d_);
}

std::optional<ProjectStore::StoredCase> ProjectStore::loadCase(std::int64_t caseId) const {
    return store::loadCase(*d_, caseId);
}

std::optional<ProjectStore::StoredCase> ProjectStore::loadCase(const std::string& key,
                                                               const std::string& run) const {
    return store::loadCase(*d_, key, run);
}

void ProjectStore::forEachCase(const std::function<void(const Case&, const json& analysis)>& fn,
                               const CaseQuery& query) const {
    store::forEachCase(*d_, fn, query);
}

void ProjectStore::forEachFindingSignature(
    const std::function<void(const FindingSignature&)>& fn) const {
    store::forEachFindingSignature(*d_, fn);
}

std::vector<ProjectStore::CasePair> ProjectStore::pairCases(std::int64_t runA,
                                                            std::int64_t runB) const {
    return store::pairCases(*d_, runA, runB);
}

std::vector<ProjectStore::RunCase> ProjectStore::runCases(std::int64_t runId) const {
    return store::runCases(*d_, runId);
}

void ProjectStore::forEachFindingKind(const std::function<void(const FindingKindRow&)>& fn) const {
    store::forEachFindingKind(*d_, fn);
}

void ProjectStore::forEachSignatureCase(
    const std::function<void(std::int64_t caseId, const std::string& signature)>& fn) const {
    store::forEachSignatureCase(*d_, fn);
}

std::vector<std::pair<std::string, std::int64_t>>
ProjectStore::conceptsOfCases(const std::vector<std::int64_t>& caseIds, int limit) const {
    return store::conceptsOfCases(*d_, caseIds, limit);
}

std::vector<std::string> ProjectStore::searchCases(const std::string& ftsQuery, int limit) const {
    return store::searchCases(*d_, ftsQuery, limit);
}

std::vector<ProjectStore::Review> ProjectStore::reviews(std::int64_t caseId) const {
    return store::reviews(*d_, caseId);
}

std::string ProjectStore::migrationSql(int toVersion) {
    return store::migrationSql(toVersion);
}

// --- queries -----------------------------------------------------------------------------

std::int64_t ProjectStore::countCases(const CaseQuery& query) const {
    return store::countCases(*d_, query);
}

std::vector<std::string> ProjectStore::caseKeys(const CaseQuery& query) const {
    return store::caseKeys(*d_, query);
}

std::vector<CaseRow> ProjectStore::caseRows(const CaseQuery& query, std::int64_t offset,
                                            std::int64_t limit) const {
    return store::caseRows(*d_, query, offset, limit);
}

std::int64_t ProjectStore::rowOfCase(const CaseQuery& query, std::int64_t caseId) const {
    return store::rowOfCase(*d_, query, caseId);
}

FacetCounts ProjectStore::facets(const CaseQuery& query) const {
    return store::facets(*d_, query);
}

std::map<std::string, std::int64_t>
ProjectStore::countCasesBySignature(const CaseQuery& query,
                                    const std::vector<std::string>& signatures) const {
    return store::countCasesBySignature(*d_, query, signatures);
}

std::vector<std::int64_t> ProjectStore::casesMentioning(const std::string& conceptName,
                                                        int limit) const {
    return store::casesMentioning(*d_, conceptName, limit);
}

std::int64_t ProjectStore::countCasesMentioning(const std::string& conceptName) const {
    return store::countCasesMentioning(*d_, conceptName);
}

std::vector<ProjectStore::ConceptStat> ProjectStore::findingConcepts(const CaseQuery& query,
                                                                     int limit) const {
    return store::findingConcepts(*d_, query, limit);
}

std::vector<std::pair<std::string, std::string>>
ProjectStore::conceptLinks(const std::vector<std::string>& names) const {
    return store::conceptLinks(*d_, names);
}

std::vector<std::int64_t> ProjectStore::casesWithConcepts(const std::vector<std::string>& names,
                                                          const CaseQuery& query) const {
    return store::casesWithConcepts(*d_, names, query);
}

} // namespace rs
