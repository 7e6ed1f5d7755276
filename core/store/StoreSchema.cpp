#include "StoreSchema.h"

#include "SqliteStatement.h"

#include <iterator>

namespace rs::store {

namespace {

// Each entry brings a file from schema toVersion-1 to toVersion; a new file is schema 0 and
// runs all of them. A later schema appends an entry here and never edits an earlier one,
// because files made by earlier versions have already run it.
struct Migration {
    int toVersion;
    const char* sql;
};

constexpr Migration kMigrations[] = {
    {1, R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

CREATE TABLE kg_sources(
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    format TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    nodes INTEGER NOT NULL,
    edges INTEGER NOT NULL,
    added TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE(path, sha256));

CREATE TABLE runs(
    id INTEGER PRIMARY KEY,
    label TEXT NOT NULL,
    model TEXT NOT NULL,
    source_file TEXT NOT NULL,
    source_sha256 TEXT NOT NULL,
    imported TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE(label, source_sha256));

-- Small columns first: rows with long outputs overflow their page, and SQLite keeps the
-- start of a row on the leaf, so scans over keys and counts stay cheap. max_severity is
-- NULL until the case is analysed (0 none/no findings .. 3 critical).
CREATE TABLE cases(
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(id),
    case_key TEXT NOT NULL,
    question_id TEXT NOT NULL,
    correct INTEGER CHECK (correct IN (0, 1)),
    n_relation INTEGER NOT NULL DEFAULT 0,
    n_branch INTEGER NOT NULL DEFAULT 0,
    n_missing INTEGER NOT NULL DEFAULT 0,
    n_grounding INTEGER NOT NULL DEFAULT 0,
    n_coverage_gaps INTEGER NOT NULL DEFAULT 0,
    max_severity INTEGER CHECK (max_severity BETWEEN 0 AND 3),
    dataset TEXT NOT NULL,
    model TEXT NOT NULL,
    source_file TEXT NOT NULL,
    source_record INTEGER NOT NULL,
    gold TEXT NOT NULL,
    prediction TEXT NOT NULL,
    unanchored_reason TEXT,
    question TEXT NOT NULL,
    options TEXT NOT NULL,
    images TEXT NOT NULL,
    meta TEXT NOT NULL,
    gold_path TEXT NOT NULL,
    output TEXT NOT NULL,
    UNIQUE(run_id, case_key));
CREATE INDEX cases_by_key ON cases(case_key);
CREATE INDEX cases_by_question ON cases(question_id);
CREATE INDEX cases_by_run_correct ON cases(run_id, correct);
CREATE INDEX cases_by_correct ON cases(correct);
CREATE INDEX cases_by_severity ON cases(max_severity);
CREATE INDEX cases_unanchored ON cases(run_id) WHERE unanchored_reason IS NOT NULL;

-- The analysis JSON of a case, apart from the case row: it is the largest part, and case
-- rows that grow by it on saveAnalysis split their pages (measured: a 13% larger file than
-- appending it here in case order). The case table also stays narrower for listing.
CREATE TABLE analyses(
    case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
    json TEXT NOT NULL);

-- severity: 0 none, 1 minor, 2 major, 3 critical (sortable). ord: position in the
-- analysis JSON's findings array.
CREATE TABLE findings(
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('relation', 'branch', 'missing', 'grounding')),
    subtype TEXT NOT NULL,
    severity INTEGER NOT NULL CHECK (severity BETWEEN 0 AND 3),
    step INTEGER NOT NULL,
    nodes TEXT NOT NULL,
    span_begin INTEGER,
    span_end INTEGER,
    explanation TEXT NOT NULL,
    signature TEXT NOT NULL);
CREATE INDEX findings_by_case ON findings(case_id, ord);
CREATE INDEX findings_by_type ON findings(type, subtype);
CREATE INDEX findings_by_signature ON findings(signature);

CREATE TABLE coverage_gaps(
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    text TEXT NOT NULL,
    location TEXT NOT NULL,
    reason TEXT NOT NULL);
CREATE INDEX coverage_gaps_by_case ON coverage_gaps(case_id, ord);

CREATE TABLE patterns(
    id INTEGER PRIMARY KEY,
    signature TEXT NOT NULL,
    type TEXT NOT NULL,
    subtype TEXT NOT NULL,
    description TEXT NOT NULL,
    count INTEGER NOT NULL,
    cases TEXT NOT NULL);

CREATE TABLE import_errors(
    id INTEGER PRIMARY KEY,
    file TEXT NOT NULL,
    line INTEGER NOT NULL,
    record INTEGER NOT NULL,
    reason TEXT NOT NULL);

-- finding_id is the row at review time and deliberately no foreign key: findings are
-- rebuilt on re-analysis, while signature and step still identify the finding. The case
-- reference has no cascade so a reviewed case cannot silently disappear.
CREATE TABLE reviews(
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    finding_id INTEGER,
    finding_signature TEXT,
    finding_step INTEGER,
    reviewer TEXT NOT NULL,
    role TEXT NOT NULL,
    verdict TEXT NOT NULL,
    severity TEXT NOT NULL,
    comment TEXT NOT NULL,
    created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')));
CREATE INDEX reviews_by_case ON reviews(case_id);
CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews
BEGIN SELECT RAISE(ABORT, 'reviews are append-only'); END;
CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews
BEGIN SELECT RAISE(ABORT, 'reviews are append-only'); END;

-- External content: the text lives once, in cases; the triggers keep the index in step.
CREATE VIRTUAL TABLE cases_fts USING fts5(question, output, content='cases',
    content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER cases_fts_insert AFTER INSERT ON cases BEGIN
    INSERT INTO cases_fts(rowid, question, output) VALUES (new.id, new.question, new.output);
END;
CREATE TRIGGER cases_fts_delete AFTER DELETE ON cases BEGIN
    INSERT INTO cases_fts(cases_fts, rowid, question, output)
        VALUES ('delete', old.id, old.question, old.output);
END;
CREATE TRIGGER cases_fts_update AFTER UPDATE OF question, output ON cases BEGIN
    INSERT INTO cases_fts(cases_fts, rowid, question, output)
        VALUES ('delete', old.id, old.question, old.output);
    INSERT INTO cases_fts(rowid, question, output) VALUES (new.id, new.question, new.output);
END;
)sql"},
    {2, R"sql(
-- The latest case-level verdict of each case, kept by a trigger so the case table can sort
-- and filter by review state without reading the reviews. Unreviewed cases have no row.
-- Review ids only grow (reviews are append-only), so the newest insert is the latest.
CREATE TABLE case_review_state(
    case_id INTEGER PRIMARY KEY REFERENCES cases(id),
    verdict TEXT NOT NULL,
    review_id INTEGER NOT NULL);
INSERT INTO case_review_state(case_id, verdict, review_id)
    SELECT r.case_id, r.verdict, r.id FROM reviews r
    WHERE r.id = (SELECT max(r2.id) FROM reviews r2
                  WHERE r2.case_id = r.case_id AND r2.finding_id IS NULL);
CREATE INDEX case_review_state_by_verdict ON case_review_state(verdict);
CREATE TRIGGER reviews_case_state AFTER INSERT ON reviews WHEN new.finding_id IS NULL
BEGIN
    INSERT OR REPLACE INTO case_review_state(case_id, verdict, review_id)
        VALUES (new.case_id, new.verdict, new.id);
END;

-- Every column the case table filters or sorts on besides id, so counting and sorting
-- scan this index instead of the wide case rows (whose outputs fill whole pages).
CREATE INDEX cases_listing ON cases(run_id, correct, n_relation, n_branch, n_missing,
    n_grounding, max_severity, case_key);

-- With case_id the finding filters and facets are answered from the index alone. They
-- supersede the v1 indexes on (type, subtype) and (signature), their prefixes.
DROP INDEX findings_by_type;
DROP INDEX findings_by_signature;
CREATE INDEX findings_by_type ON findings(type, subtype, case_id);
CREATE INDEX findings_by_subtype ON findings(subtype, case_id);
CREATE INDEX findings_by_signature ON findings(signature, case_id);
)sql"},
    {3, R"sql(
-- The KG concepts each analysed case involves, for "which cases mention this concept"
-- without reading analysis JSON. role: 'mention' (an output mention or a reasoning-path
-- node) or 'evidence' (an evidence anchor of the question). One row per (case, name, role).
CREATE TABLE case_concepts(
    case_id INTEGER REFERENCES cases(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    role TEXT NOT NULL);
CREATE INDEX case_concepts_by_name ON case_concepts(name, case_id);
-- For replacing a case's rows and for the cascade.
CREATE INDEX case_concepts_by_case ON case_concepts(case_id);

-- Backfill from the stored analyses, with the same rules as saveAnalysis: entries that are
-- not of the expected shape are skipped, empty names too.
INSERT INTO case_concepts(case_id, name, role)
SELECT DISTINCT case_id, name, role FROM (
    SELECT a.case_id AS case_id, json_extract(p.value, '$.name') AS name, 'mention' AS role
    FROM analyses a, json_each(a.json, '$.reasoning_path') p
    WHERE json_type(a.json, '$.reasoning_path') = 'array' AND p.type = 'object'
    UNION ALL
    SELECT a.case_id, json_extract(m.value, '$.node'), 'mention'
    FROM analyses a, json_each(a.json, '$.mentions') m
    WHERE json_type(a.json, '$.mentions') = 'array' AND m.type = 'object'
    UNION ALL
    SELECT a.case_id, e.value, 'evidence'
    FROM analyses a, json_each(a.json, '$.anchors.evidence') e
    WHERE json_type(a.json, '$.anchors.evidence') = 'array' AND e.type = 'text')
WHERE typeof(name) = 'text' AND name <> ''
ORDER BY case_id;
)sql"},
    {4, R"sql(
-- The concepts each finding names, one row each, so the projection map groups and joins
-- on an index instead of parsing every finding's node list (three full scans at 100k
-- cases took about a second). Rows go with their finding (cascade).
CREATE TABLE finding_nodes(
    finding_id INTEGER NOT NULL REFERENCES findings(id) ON DELETE CASCADE,
    case_id INTEGER NOT NULL,
    type TEXT NOT NULL,
    name TEXT NOT NULL);
CREATE INDEX finding_nodes_by_name ON finding_nodes(name, case_id, type);
-- Per-type counts group by (name, type): this order streams them without a sort.
CREATE INDEX finding_nodes_by_name_type ON finding_nodes(name, type, case_id);
CREATE INDEX finding_nodes_by_finding ON finding_nodes(finding_id);
INSERT INTO finding_nodes(finding_id, case_id, type, name)
SELECT DISTINCT f.id, f.case_id, f.type, j.value
FROM findings f, json_each(CASE WHEN json_valid(f.nodes) THEN f.nodes ELSE '[]' END) j
WHERE j.type = 'text' AND j.value <> '';
)sql"},
    {5, R"sql(
-- What the window needs of a reasoning model's case: the answer it wrote after its trace
-- (output then holds the trace alone), and whether the tool scored the case from per-option
-- log-likelihoods, so that an empty output is shown as "no written reasoning", not as lost.
-- Files of older versions knew neither; their cases read as no final answer and not scored
-- that way, which is what those versions imported.
ALTER TABLE cases ADD COLUMN final_answer TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN scored_from_loglikelihoods INTEGER NOT NULL DEFAULT 0
    CHECK (scored_from_loglikelihoods IN (0, 1));
)sql"},
    {6, R"sql(
-- Reading errors, the fifth finding type (docs/design.md "Error classes"): a per-case count
-- beside the other four, and 'reading' admitted by the findings table. SQLite cannot change
-- a CHECK constraint in place, so the findings table is rebuilt under its name; its
-- finding_nodes rows go with the old table's rows (cascade) and are backfilled as in v4.
ALTER TABLE cases ADD COLUMN n_reading INTEGER NOT NULL DEFAULT 0;
DROP INDEX cases_listing;
CREATE INDEX cases_listing ON cases(run_id, correct, n_relation, n_branch, n_missing,
    n_grounding, n_reading, max_severity, case_key);

CREATE TABLE findings_v6(
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('relation', 'branch', 'missing', 'grounding', 'reading')),
    subtype TEXT NOT NULL,
    severity INTEGER NOT NULL CHECK (severity BETWEEN 0 AND 3),
    step INTEGER NOT NULL,
    nodes TEXT NOT NULL,
    span_begin INTEGER,
    span_end INTEGER,
    explanation TEXT NOT NULL,
    signature TEXT NOT NULL);
INSERT INTO findings_v6 SELECT id, case_id, ord, type, subtype, severity, step, nodes,
    span_begin, span_end, explanation, signature FROM findings;
DROP TABLE findings;
ALTER TABLE findings_v6 RENAME TO findings;
CREATE INDEX findings_by_case ON findings(case_id, ord);
CREATE INDEX findings_by_type ON findings(type, subtype, case_id);
CREATE INDEX findings_by_subtype ON findings(subtype, case_id);
CREATE INDEX findings_by_signature ON findings(signature, case_id);
DELETE FROM finding_nodes;
INSERT INTO finding_nodes(finding_id, case_id, type, name)
SELECT DISTINCT f.id, f.case_id, f.type, j.value
FROM findings f, json_each(CASE WHEN json_valid(f.nodes) THEN f.nodes ELSE '[]' END) j
WHERE j.type = 'text' AND j.value <> '';
)sql"},
    {7, R"sql(
-- Whether every record of the run's source file was analysed and stored. The analysis
-- clears it when it starts storing a run and sets it in the transaction after the file's
-- last batch, so a run cut short (a kill, a crash, a cancel) stays visibly incomplete
-- instead of passing for a whole run. Runs stored before this schema have no such record;
-- they count as complete, as they did until now.
ALTER TABLE runs ADD COLUMN complete INTEGER NOT NULL DEFAULT 1 CHECK (complete IN (0, 1));
)sql"},
    {8, R"sql(
-- Runs as things a user edits: a free-text description beside the label.
ALTER TABLE runs ADD COLUMN description TEXT NOT NULL DEFAULT '';

-- Deleting a run takes its cases, their analyses, findings, gaps, concepts and reviews with
-- it, in the one statement DELETE FROM runs (the trigger below; the cascades of cases do the
-- rest). Reviews stay append-only otherwise: a single verdict can be neither changed nor
-- deleted, and a reviewed case cannot be deleted on its own (its reviews keep it, by foreign
-- key). The guard is the run row itself, not a flag or a setting a caller could leave on: a
-- review may be deleted only once the run its case belongs to is gone, which happens only
-- inside the run's own deletion. Foreign keys are checked at the end of that statement,
-- when the cases and their reviews have gone too.
DROP TRIGGER reviews_no_delete;
CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews
WHEN EXISTS (SELECT 1 FROM cases c JOIN runs r ON r.id = c.run_id WHERE c.id = old.case_id)
BEGIN SELECT RAISE(ABORT, 'reviews are append-only'); END;
CREATE TRIGGER runs_delete_contents AFTER DELETE ON runs
BEGIN
    DELETE FROM reviews WHERE case_id IN (SELECT id FROM cases WHERE run_id = old.id);
    DELETE FROM case_review_state WHERE case_id IN (SELECT id FROM cases WHERE run_id = old.id);
    DELETE FROM cases WHERE run_id = old.id;
END;
)sql"},
};

static_assert(std::size(kMigrations) > 0 &&
                  kMigrations[std::size(kMigrations) - 1].toVersion == kSchemaVersion,
              "the last migration must produce kSchemaVersion");

} // namespace

std::string migrationSql(int toVersion) {
    for (const auto& m : kMigrations)
        if (m.toVersion == toVersion)
            return m.sql;
    return {};
}

void upgradeSchema(SqliteConnection& d, int fromVersion) {
    if (fromVersion == 0)
        d.exec(("PRAGMA application_id = " + std::to_string(kApplicationId)).c_str());
    for (const auto& m : kMigrations)
        if (m.toVersion > fromVersion)
            d.exec(m.sql);
    SqliteStatement(d, "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)")
        .bind(1, std::to_string(kSchemaVersion))
        .run();
    if (fromVersion == 0)
        SqliteStatement(d, "INSERT INTO meta(key, value) VALUES ('app', 'ReasonScope'), "
                           "('created', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))")
            .run();
}

} // namespace rs::store
