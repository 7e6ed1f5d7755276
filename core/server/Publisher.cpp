#include "Publisher.h"

#include "ProjectStore.h"
#include "ServerSchema.h"

#include <sqlite3.h>

#include <memory>
#include <optional>
#include <stdexcept>
#include <unordered_map>

namespace rs::server {

namespace {

// A read-only SQLite handle on the project file, for streaming rows in bulk. The file has
// been checked by ProjectStore::openReadOnly (a project, the current schema) first.
struct ProjectFile {
    sqlite3* db = nullptr;
    explicit ProjectFile(const std::string& path) {
        if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
            const std::string message = db ? sqlite3_errmsg(db) : "out of memory";
            sqlite3_close(db);
            throw std::runtime_error("cannot read " + path + ": " + message);
        }
        sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr); // one snapshot for all reads
    }
    ~ProjectFile() {
        sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
        sqlite3_close(db);
    }
};

class Rows {
public:
    Rows(ProjectFile& f, const char* sql, std::optional<std::int64_t> param = {}) : db_(f.db) {
        if (sqlite3_prepare_v2(db_, sql, -1, &st_, nullptr) != SQLITE_OK)
            throw std::runtime_error(std::string("reading the project: ") + sqlite3_errmsg(db_));
        if (param)
            sqlite3_bind_int64(st_, 1, *param);
    }
    ~Rows() { sqlite3_finalize(st_); }
    bool next() {
        const int rc = sqlite3_step(st_);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            throw std::runtime_error(std::string("reading the project: ") + sqlite3_errmsg(db_));
        return rc == SQLITE_ROW;
    }
    std::optional<std::string> text(int c) const {
        if (sqlite3_column_type(st_, c) == SQLITE_NULL)
            return std::nullopt;
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st_, c));
        return std::string(p, std::size_t(sqlite3_column_bytes(st_, c)));
    }
    std::int64_t integer(int c) const { return sqlite3_column_int64(st_, c); }
    bool isNull(int c) const { return sqlite3_column_type(st_, c) == SQLITE_NULL; }

private:
    sqlite3* db_;
    sqlite3_stmt* st_ = nullptr;
};

// COPY rows are sent in batches of about this many bytes (memory stays bounded).
constexpr std::size_t kCopyBatch = 16u << 20;

class CopyStream {
public:
    CopyStream(PgConnection& c, std::string sql) : c_(c), sql_(std::move(sql)) {}
    void field(const std::optional<std::string>& v) {
        if (!atRowStart_)
            buf_ += '\t';
        copyField(buf_, v);
        atRowStart_ = false;
    }
    void field(std::int64_t v) { field(std::to_string(v)); }
    void endRow() {
        buf_ += '\n';
        atRowStart_ = true;
        ++rows_;
        if (buf_.size() >= kCopyBatch)
            flush();
    }
    void flush() {
        if (!buf_.empty())
            c_.copyIn(sql_, buf_);
        buf_.clear();
    }
    std::int64_t rows() const { return rows_; }

private:
    PgConnection& c_;
    std::string sql_;
    std::string buf_;
    bool atRowStart_ = true;
    std::int64_t rows_ = 0;
};

// Reserves n case ids of the server's sequence: the cases are copied with them, and their
// findings and analyses refer to them.
std::vector<std::int64_t> reserveCaseIds(PgConnection& c, std::int64_t n) {
    auto r = c.execParams("SELECT nextval('rs.cases_id_seq') FROM generate_series(1, $1)",
                          {std::to_string(n)});
    std::vector<std::int64_t> ids;
    ids.reserve(std::size_t(r.rows()));
    for (int i = 0; i < r.rows(); ++i)
        ids.push_back(r.integer(i, 0));
    return ids;
}

constexpr const char* kCaseColumns =
    "c.id, c.case_key, c.question_id, c.correct, c.n_relation, c.n_branch, c.n_missing, "
    "c.n_grounding, c.n_reading, c.n_coverage_gaps, c.max_severity, c.dataset, c.model, "
    "c.source_file, c.source_record, c.gold, c.prediction, c.final_answer, "
    "c.unanchored_reason, c.question, c.options, c.images, c.meta, c.gold_path, c.output";

// Copies the cases of one run; returns the map from the file's case ids to the server's.
std::unordered_map<std::int64_t, std::int64_t> copyCases(PgConnection& c, ProjectFile& f,
                                                         std::int64_t localRun,
                                                         std::int64_t projectId,
                                                         std::int64_t serverRun) {
    Rows count(f, "SELECT count(*) FROM cases WHERE run_id = ?", localRun);
    count.next();
    const auto ids = reserveCaseIds(c, count.integer(0));
    std::unordered_map<std::int64_t, std::int64_t> map;
    CopyStream out(c, "COPY rs.cases(id, project_id, run_id, case_key, question_id, correct, "
                      "n_relation, n_branch, n_missing, n_grounding, n_reading, "
                      "n_coverage_gaps, max_severity, dataset, model, source_file, "
                      "source_record, gold, prediction, final_answer, unanchored_reason, "
                      "question, options, images, meta, gold_path, output) FROM STDIN");
    Rows rows(
        f,
        (std::string("SELECT ") + kCaseColumns + " FROM cases c WHERE c.run_id = ? ORDER BY c.id")
            .c_str(),
        localRun);
    std::size_t i = 0;
    while (rows.next()) {
        if (i >= ids.size())
            throw std::runtime_error("the project changed while it was being published");
        map.emplace(rows.integer(0), ids[i]);
        out.field(ids[i++]);
        out.field(projectId);
        out.field(serverRun);
        out.field(rows.text(1));
        out.field(rows.text(2));
        out.field(rows.isNull(3) ? std::nullopt
                                 : std::optional<std::string>(rows.integer(3) ? "t" : "f"));
        for (int col = 4; col <= 24; ++col)
            out.field(rows.text(col));
        out.endRow();
    }
    out.flush();
    return map;
}

std::int64_t copyFindings(PgConnection& c, ProjectFile& f, std::int64_t localRun,
                          const std::unordered_map<std::int64_t, std::int64_t>& caseIds) {
    CopyStream out(c, "COPY rs.findings(case_id, ord, type, subtype, severity, step, nodes, "
                      "span_begin, span_end, explanation, signature) FROM STDIN");
    Rows rows(f,
              "SELECT f.case_id, f.ord, f.type, f.subtype, f.severity, f.step, f.nodes, "
              "f.span_begin, f.span_end, f.explanation, f.signature FROM findings f "
              "JOIN cases c ON c.id = f.case_id WHERE c.run_id = ? ORDER BY f.case_id, f.ord",
              localRun);
    while (rows.next()) {
        out.field(caseIds.at(rows.integer(0)));
        for (int col = 1; col <= 10; ++col)
            out.field(rows.text(col));
        out.endRow();
    }
    out.flush();
    return out.rows();
}

std::int64_t copyAnalyses(PgConnection& c, ProjectFile& f, std::int64_t localRun,
                          const std::unordered_map<std::int64_t, std::int64_t>& caseIds) {
    CopyStream out(c, "COPY rs.analyses(case_id, json) FROM STDIN");
    Rows rows(f,
              "SELECT a.case_id, a.json FROM analyses a JOIN cases c ON c.id = a.case_id "
              "WHERE c.run_id = ? ORDER BY a.case_id",
              localRun);
    while (rows.next()) {
        out.field(caseIds.at(rows.integer(0)));
        out.field(rows.text(1));
        out.endRow();
    }
    out.flush();
    return out.rows();
}

std::int64_t ensureProject(PgConnection& c, const std::string& name, const std::string& file) {
    c.execParams("SELECT pg_advisory_xact_lock(hashtext('reasonscope-project:' || $1))", {name});
    if (const auto id = serverProjectId(c, name))
        return id;
    return c
        .execParams("INSERT INTO rs.projects(name, source_file) VALUES ($1, $2) RETURNING id",
                    {name, file})
        .integer(0, 0);
}

} // namespace

std::int64_t serverProjectId(PgConnection& c, const std::string& name) {
    auto r = c.execParams("SELECT id FROM rs.projects WHERE name = $1", {name});
    return r.rows() ? r.integer(0, 0) : 0;
}

PublishResult publishProject(PgConnection& c, const std::string& projectPath,
                             const std::string& name) {
    if (name.find_first_not_of(" \t") == std::string::npos)
        throw std::runtime_error("the project's name on the server must not be blank");
    std::string error;
    if (!ProjectStore::openReadOnly(projectPath, &error))
        throw std::runtime_error(error);
    ProjectFile file(projectPath);

    PublishResult result;
    PgTransaction tx(c);
    ensureServerSchema(c);
    result.projectId = ensureProject(c, name, projectPath);
    Rows runs(file, "SELECT id, label, model, source_file, source_sha256, imported, "
                    "description, complete FROM runs ORDER BY id");
    while (runs.next()) {
        const std::string label = *runs.text(1);
        if (runs.integer(7) == 0) {
            result.runsIncomplete.push_back(label);
            continue;
        }
        const std::string project = std::to_string(result.projectId);
        auto there = c.execParams("SELECT id FROM rs.runs WHERE project_id = $1 AND label = $2 "
                                  "AND source_sha256 = $3",
                                  {project, label, runs.text(4)});
        if (there.rows()) {
            result.runsAlreadyThere.push_back(label);
            continue;
        }
        const std::int64_t serverRun =
            c.execParams("INSERT INTO rs.runs(project_id, label, model, source_file, "
                         "source_sha256, imported, description) VALUES ($1, $2, $3, $4, $5, "
                         "$6, $7) RETURNING id",
                         {project, label, runs.text(2), runs.text(3), runs.text(4), runs.text(5),
                          runs.text(6)})
                .integer(0, 0);
        const auto caseIds = copyCases(c, file, runs.integer(0), result.projectId, serverRun);
        result.cases += std::int64_t(caseIds.size());
        result.findings += copyFindings(c, file, runs.integer(0), caseIds);
        result.analyses += copyAnalyses(c, file, runs.integer(0), caseIds);
        result.queued +=
            c.execParams("INSERT INTO rs.queue(case_id, project_id, max_severity, classes) "
                         "SELECT id, project_id, coalesce(max_severity, 0), "
                         "(n_relation > 0)::int | ((n_branch > 0)::int << 1) | "
                         "((n_missing > 0)::int << 2) | ((n_grounding > 0)::int << 3) | "
                         "((n_reading > 0)::int << 4) FROM rs.cases WHERE run_id = $1 AND flagged",
                         {std::to_string(serverRun)})
                .affected();
        c.execParams("SELECT rs.count_run_classes($1)", {std::to_string(serverRun)});
        result.runsAdded.push_back(label);
    }
    // Open windows on the project pull the new runs (delivered at commit, never on rollback).
    if (!result.runsAdded.empty())
        c.execParams("SELECT pg_notify('rs_runs', $1)", {std::to_string(result.projectId)});
    tx.commit();
    return result;
}

} // namespace rs::server
