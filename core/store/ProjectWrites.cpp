#include "ProjectWrites.h"

#include "AnalysisRows.h"
#include "CaseRowCodec.h"
#include "FindingKinds.h"
#include "SqliteStatement.h"
#include "StoreError.h"

#include <stdexcept>

namespace rs::store {

using nlohmann::json;

std::int64_t addKgSource(SqliteConnection& d, const std::string& path, const std::string& format,
                         const std::string& sha256, std::int64_t nodes, std::int64_t edges) {
    WriteScope w(d);
    SqliteStatement q(
        d, "INSERT INTO kg_sources(path, format, sha256, nodes, edges) VALUES (?, ?, ?, ?, ?) "
           "ON CONFLICT(path, sha256) DO UPDATE SET format = excluded.format, "
           "nodes = excluded.nodes, edges = excluded.edges RETURNING id");
    q.bind(1, path).bind(2, format).bind(3, sha256).bind(4, nodes).bind(5, edges);
    q.step();
    const std::int64_t id = q.integer(0);
    q.run();
    w.commit();
    return id;
}

std::int64_t ensureRun(SqliteConnection& d, const std::string& label, const std::string& model,
                       const std::string& sourceFile, const std::string& sourceSha256) {
    WriteScope w(d);
    // The no-op update makes RETURNING give the existing row's id.
    SqliteStatement q(
        d, "INSERT INTO runs(label, model, source_file, source_sha256) VALUES (?, ?, ?, ?) "
           "ON CONFLICT(label, source_sha256) DO UPDATE SET label = excluded.label "
           "RETURNING id");
    q.bind(1, label).bind(2, model).bind(3, sourceFile).bind(4, sourceSha256);
    q.step();
    const std::int64_t id = q.integer(0);
    q.run();
    w.commit();
    return id;
}

void setRunComplete(SqliteConnection& d, std::int64_t runId, bool complete) {
    WriteScope w(d);
    SqliteStatement(d, "UPDATE runs SET complete = ? WHERE id = ?")
        .bind(1, complete ? 1 : 0)
        .bind(2, runId)
        .run();
    w.commit();
}

namespace {

[[noreturn]] void noSuchRun(const SqliteConnection& d, std::int64_t runId) {
    throw StoreError("no run with id " + std::to_string(runId) + " in " + d.path);
}

bool isBlank(const std::string& s) {
    return s.find_first_not_of(" \t\r\n\f\v") == std::string::npos;
}

} // namespace

void renameRun(SqliteConnection& d, std::int64_t runId, const std::string& label) {
    if (isBlank(label))
        throw std::invalid_argument("a run needs a label that is not blank");
    WriteScope w(d);
    // Labels name runs wherever a person or a script picks one (--run, run:LABEL, the run
    // filter, "run/case" in patterns): another run's label is refused, not shared.
    SqliteStatement other(d, "SELECT id FROM runs WHERE label = ? AND id <> ? LIMIT 1");
    other.bind(1, label).bind(2, runId);
    if (other.step())
        throw std::invalid_argument("another run (id " + std::to_string(other.integer(0)) +
                                    ") is already labelled \"" + label + "\"");
    other.run();
    SqliteStatement q(d, "UPDATE runs SET label = ? WHERE id = ? RETURNING id");
    q.bind(1, label).bind(2, runId);
    if (!q.step())
        noSuchRun(d, runId);
    q.run();
    w.commit();
}

void setRunDescription(SqliteConnection& d, std::int64_t runId, const std::string& description) {
    WriteScope w(d);
    SqliteStatement q(d, "UPDATE runs SET description = ? WHERE id = ? RETURNING id");
    q.bind(1, description).bind(2, runId);
    if (!q.step())
        noSuchRun(d, runId);
    q.run();
    w.commit();
}

void deleteRun(SqliteConnection& d, std::int64_t runId) {
    WriteScope w(d);
    SqliteStatement q(d, "DELETE FROM runs WHERE id = ? RETURNING id");
    q.bind(1, runId);
    if (!q.step())
        noSuchRun(d, runId);
    q.run();
    w.commit();
}

std::int64_t addCase(SqliteConnection& d, const Case& c, std::int64_t runId) {
    const CasePartColumns parts = encodeCaseParts(c);
    WriteScope w(d);
    // An upsert rather than INSERT OR REPLACE: the row keeps its id, so reviews and
    // references from elsewhere stay valid.
    SqliteStatement q(d, R"sql(
INSERT INTO cases(run_id, case_key, question_id, correct, dataset, model, source_file,
                  source_record, gold, prediction, question, options, images, meta, gold_path,
                  output, final_answer, scored_from_loglikelihoods)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)
ON CONFLICT(run_id, case_key) DO UPDATE SET
    question_id = excluded.question_id, correct = excluded.correct, dataset = excluded.dataset,
    model = excluded.model, source_file = excluded.source_file,
    source_record = excluded.source_record, gold = excluded.gold,
    prediction = excluded.prediction, question = excluded.question, options = excluded.options,
    images = excluded.images, meta = excluded.meta, gold_path = excluded.gold_path,
    output = excluded.output, final_answer = excluded.final_answer,
    scored_from_loglikelihoods = excluded.scored_from_loglikelihoods, n_relation = 0,
    n_branch = 0, n_missing = 0, n_grounding = 0, n_reading = 0, n_coverage_gaps = 0,
    max_severity = NULL, unanchored_reason = NULL
RETURNING id)sql");
    q.bind(1, runId)
        .bind(2, c.key)
        .bind(3, c.questionId)
        .bind(4, c.correct)
        .bind(5, c.dataset)
        .bind(6, c.model)
        .bind(7, c.sourceFile)
        .bind(8, c.sourceRecord)
        .bind(9, c.gold)
        .bind(10, c.prediction)
        .bind(11, c.question)
        .bind(12, parts.options)
        .bind(13, parts.images)
        .bind(14, parts.meta)
        .bind(15, parts.goldPath)
        .bind(16, c.output)
        .bind(17, c.finalAnswer)
        .bind(18, c.scoredFromLoglikelihoods ? 1 : 0);
    q.step();
    const std::int64_t id = q.integer(0);
    q.run();
    SqliteStatement(d, "DELETE FROM findings WHERE case_id = ?").bind(1, id).run();
    SqliteStatement(d, "DELETE FROM coverage_gaps WHERE case_id = ?").bind(1, id).run();
    SqliteStatement(d, "DELETE FROM analyses WHERE case_id = ?").bind(1, id).run();
    SqliteStatement(d, "DELETE FROM case_concepts WHERE case_id = ?").bind(1, id).run();
    w.commit();
    return id;
}

void addImportError(SqliteConnection& d, const ImportError& e) {
    WriteScope w(d);
    SqliteStatement(d, "INSERT INTO import_errors(file, line, record, reason) VALUES (?, ?, ?, ?)")
        .bind(1, e.file)
        .bind(2, e.line)
        .bind(3, e.record)
        .bind(4, e.reason)
        .run();
    w.commit();
}

namespace {

// The per-case columns the analysis decides; refuses a result filed under another case.
void updateAnalysedCase(SqliteConnection& d, std::int64_t caseId, const AnalysisRows& rows) {
    SqliteStatement q(d, R"sql(
UPDATE cases SET n_relation = ?2, n_branch = ?3, n_missing = ?4, n_grounding = ?5,
    n_coverage_gaps = ?6, max_severity = ?7, unanchored_reason = ?8,
    correct = coalesce(?9, correct), prediction = coalesce(?10, prediction), n_reading = ?11
WHERE id = ?1 RETURNING case_key)sql");
    q.bind(1, caseId)
        .bind(2, rows.perType[0])
        .bind(3, rows.perType[1])
        .bind(4, rows.perType[2])
        .bind(5, rows.perType[3])
        .bind(11, rows.perType[4])
        .bind(6, rows.gaps.size())
        .bind(7, rows.maxSeverity);
    if (rows.unanchoredReason.empty())
        q.bindNull(8);
    else
        q.bind(8, rows.unanchoredReason);
    q.bind(9, rows.correct);
    if (rows.prediction.empty())
        q.bindNull(10);
    else
        q.bind(10, rows.prediction);
    if (!q.step())
        throw StoreError("no case with id " + std::to_string(caseId) + " in " + d.path);
    const std::string key = q.text(0);
    q.run();
    // Catches results filed under the wrong case, e.g. from a parallel analysis.
    if (!rows.key.empty() && rows.key != key)
        throw std::invalid_argument("analysis result of case \"" + rows.key +
                                    "\" given for case \"" + key + "\"");
}

} // namespace

void saveAnalysis(SqliteConnection& d, std::int64_t caseId, const json& caseResult) {
    const AnalysisRows rows = analysisRows(caseResult);
    WriteScope w(d);
    updateAnalysedCase(d, caseId, rows);
    SqliteStatement(d, "INSERT OR REPLACE INTO analyses(case_id, json) VALUES (?, ?)")
        .bind(1, caseId)
        .bind(2, dumpJson(caseResult))
        .run();
    SqliteStatement(d, "DELETE FROM findings WHERE case_id = ?").bind(1, caseId).run();
    SqliteStatement(d, "DELETE FROM coverage_gaps WHERE case_id = ?").bind(1, caseId).run();
    for (std::size_t i = 0; i < rows.findings.size(); ++i) {
        const FindingRow& f = rows.findings[i];
        SqliteStatement(d,
                        "INSERT INTO findings(case_id, ord, type, subtype, severity, step, nodes, "
                        "span_begin, span_end, explanation, signature) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .bind(1, caseId)
            .bind(2, i)
            .bind(3, findingTypeNames()[std::size_t(f.type)])
            .bind(4, f.subtype)
            .bind(5, f.severity)
            .bind(6, f.step)
            .bind(7, f.nodes)
            .bind(8, f.spanBegin)
            .bind(9, f.spanEnd)
            .bind(10, f.explanation)
            .bind(11, f.signature)
            .run();
    }
    for (std::size_t i = 0; i < rows.gaps.size(); ++i) {
        const CoverageGapRow& g = rows.gaps[i];
        SqliteStatement(d, "INSERT INTO coverage_gaps(case_id, ord, text, location, reason) "
                           "VALUES (?, ?, ?, ?, ?)")
            .bind(1, caseId)
            .bind(2, i)
            .bind(3, g.text)
            .bind(4, g.location)
            .bind(5, g.reason)
            .run();
    }
    // Same rule as the v4 migration's backfill.
    SqliteStatement(
        d, "INSERT INTO finding_nodes(finding_id, case_id, type, name) "
           "SELECT DISTINCT f.id, f.case_id, f.type, j.value FROM findings f, json_each(f.nodes) j "
           "WHERE f.case_id = ? AND j.type = 'text' AND j.value <> ''")
        .bind(1, caseId)
        .run();
    SqliteStatement(d, "DELETE FROM case_concepts WHERE case_id = ?").bind(1, caseId).run();
    for (const auto& [name, role] : caseConceptRows(caseResult))
        SqliteStatement(d, "INSERT INTO case_concepts(case_id, name, role) VALUES (?, ?, ?)")
            .bind(1, caseId)
            .bind(2, name)
            .bind(3, role)
            .run();
    w.commit();
}

void replacePatterns(SqliteConnection& d, const json& patterns) {
    if (!patterns.is_array())
        throw std::invalid_argument("patterns must be a JSON array");
    struct Row {
        std::string signature, type, subtype, description, cases;
        std::int64_t count;
    };
    std::vector<Row> rows;
    for (std::size_t i = 0; i < patterns.size(); ++i) {
        const json& p = patterns[i];
        const std::string where = "pattern " + std::to_string(i);
        if (!p.is_object())
            throw std::invalid_argument(where + " must be a JSON object");
        const json* cases = optArray(p, "cases", where);
        rows.push_back({optString(p, "signature", where), optString(p, "type", where),
                        optString(p, "subtype", where), optString(p, "description", where),
                        cases ? dumpJson(*cases) : "[]", optInt(p, "count", where).value_or(0)});
    }
    WriteScope w(d);
    SqliteStatement(d, "DELETE FROM patterns").run();
    for (const Row& r : rows)
        SqliteStatement(d,
                        "INSERT INTO patterns(signature, type, subtype, description, count, cases) "
                        "VALUES (?, ?, ?, ?, ?, ?)")
            .bind(1, r.signature)
            .bind(2, r.type)
            .bind(3, r.subtype)
            .bind(4, r.description)
            .bind(5, r.count)
            .bind(6, r.cases)
            .run();
    w.commit();
}

void setSetting(SqliteConnection& d, const std::string& key, const std::string& value) {
    WriteScope w(d);
    SqliteStatement(d, "INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)")
        .bind(1, key)
        .bind(2, value)
        .run();
    w.commit();
}

} // namespace rs::store
