#include "ServerSchema.h"

namespace rs::server {

const char* const kRoleSetupSql = R"sql(
DO $$
DECLARE r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['rs_publisher', 'rs_reviewer', 'rs_lead', 'rs_auditor'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END IF;
    END LOOP;
END $$;
)sql";

namespace {

// Version 1. A later version appends a migration and never edits this text: servers
// already hold it.
constexpr const char* kSchemaV1 = R"sql(
CREATE SCHEMA rs;
REVOKE ALL ON SCHEMA rs FROM PUBLIC;
CREATE TABLE rs.schema_info(
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    version integer NOT NULL,
    installed timestamptz NOT NULL DEFAULT now());

CREATE TABLE rs.projects(
    id bigserial PRIMARY KEY,
    name text NOT NULL UNIQUE,
    source_file text NOT NULL,
    published timestamptz NOT NULL DEFAULT now());

CREATE TABLE rs.runs(
    id bigserial PRIMARY KEY,
    project_id bigint NOT NULL REFERENCES rs.projects(id),
    label text NOT NULL,
    model text NOT NULL,
    source_file text NOT NULL,
    source_sha256 text NOT NULL,
    imported text NOT NULL,
    description text NOT NULL DEFAULT '',
    published timestamptz NOT NULL DEFAULT now(),
    UNIQUE (project_id, label, source_sha256));

-- As the project file's cases table (core/store/StoreSchema), with the flag and the
-- full-text vector computed by the server.
CREATE TABLE rs.cases(
    id bigserial PRIMARY KEY,
    project_id bigint NOT NULL REFERENCES rs.projects(id),
    run_id bigint NOT NULL REFERENCES rs.runs(id),
    case_key text NOT NULL,
    question_id text NOT NULL,
    correct boolean,
    n_relation integer NOT NULL DEFAULT 0,
    n_branch integer NOT NULL DEFAULT 0,
    n_missing integer NOT NULL DEFAULT 0,
    n_grounding integer NOT NULL DEFAULT 0,
    n_reading integer NOT NULL DEFAULT 0,
    n_coverage_gaps integer NOT NULL DEFAULT 0,
    max_severity smallint CHECK (max_severity BETWEEN 0 AND 3),
    flagged boolean GENERATED ALWAYS AS
        (n_relation + n_branch + n_missing + n_grounding + n_reading > 0) STORED,
    dataset text NOT NULL,
    model text NOT NULL,
    source_file text NOT NULL,
    source_record bigint NOT NULL,
    gold text NOT NULL,
    prediction text NOT NULL,
    final_answer text NOT NULL DEFAULT '',
    unanchored_reason text,
    question text NOT NULL,
    options text NOT NULL,
    images text NOT NULL,
    meta text NOT NULL,
    gold_path text NOT NULL,
    output text NOT NULL,
    search tsvector GENERATED ALWAYS AS
        (to_tsvector('english', question || ' ' || output)) STORED,
    UNIQUE (run_id, case_key));
CREATE INDEX cases_by_project ON rs.cases(project_id, id);
CREATE INDEX cases_search ON rs.cases USING gin(search);
-- The class filters of the case table, worst first (one partial index per finding class).
CREATE INDEX cases_relation ON rs.cases(project_id, max_severity DESC, id) WHERE n_relation > 0;
CREATE INDEX cases_branch ON rs.cases(project_id, max_severity DESC, id) WHERE n_branch > 0;
CREATE INDEX cases_missing ON rs.cases(project_id, max_severity DESC, id) WHERE n_missing > 0;
CREATE INDEX cases_grounding ON rs.cases(project_id, max_severity DESC, id) WHERE n_grounding > 0;
CREATE INDEX cases_reading ON rs.cases(project_id, max_severity DESC, id) WHERE n_reading > 0;

-- How many cases of each run have a finding of each class ('flagged': of any class, 'all':
-- every case). Published cases never change, so publishing counts them once and the class
-- filter's count is a lookup instead of a scan (333k index entries at 1M cases).
CREATE TABLE rs.class_counts(
    run_id bigint NOT NULL REFERENCES rs.runs(id),
    class text NOT NULL,
    cases bigint NOT NULL,
    PRIMARY KEY (run_id, class));

-- The analysis of a case as the project file holds it: claims with their evidence, the
-- reasoning and reference paths, the findings with their spans.
CREATE TABLE rs.analyses(
    case_id bigint PRIMARY KEY REFERENCES rs.cases(id),
    json jsonb NOT NULL);

CREATE TABLE rs.findings(
    id bigserial PRIMARY KEY,
    case_id bigint NOT NULL REFERENCES rs.cases(id),
    ord integer NOT NULL,
    type text NOT NULL CHECK (type IN ('relation', 'branch', 'missing', 'grounding', 'reading')),
    subtype text NOT NULL,
    severity smallint NOT NULL CHECK (severity BETWEEN 0 AND 3),
    step integer NOT NULL,
    nodes text NOT NULL,
    span_begin integer,
    span_end integer,
    explanation text NOT NULL,
    signature text NOT NULL);
CREATE INDEX findings_by_case ON rs.findings(case_id, ord);
CREATE INDEX findings_by_type ON rs.findings(type, subtype, case_id);

-- The verdicts: append-only. The reviewer is the database role that inserted the row
-- (session_user), checked by row-level security; request_id is made by the client once per
-- verdict, so a retry after a lost connection cannot store it twice.
CREATE TABLE rs.verdicts(
    id bigserial PRIMARY KEY,
    request_id uuid NOT NULL UNIQUE,
    case_id bigint NOT NULL REFERENCES rs.cases(id),
    finding_signature text,
    finding_step integer,
    reviewer name NOT NULL DEFAULT session_user,
    verdict text NOT NULL CHECK (verdict IN ('confirmed', 'rejected', 'unsure')),
    severity text NOT NULL DEFAULT ''
        CHECK (severity IN ('', 'none', 'minor', 'major', 'critical')),
    comment text NOT NULL DEFAULT '',
    created timestamptz NOT NULL DEFAULT clock_timestamp());
CREATE INDEX verdicts_by_case ON rs.verdicts(case_id);
CREATE INDEX verdicts_by_reviewer ON rs.verdicts(reviewer, case_id);

CREATE FUNCTION rs.refuse_verdict_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'verdicts are append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER verdicts_no_update BEFORE UPDATE OR DELETE ON rs.verdicts
    FOR EACH ROW EXECUTE FUNCTION rs.refuse_verdict_change();
-- Per statement as well: it fires even when no row is visible to the statement (row-level
-- security hides every row from an UPDATE or DELETE, which would otherwise end quietly with
-- nothing changed instead of an error).
CREATE TRIGGER verdicts_no_change BEFORE UPDATE OR DELETE ON rs.verdicts
    FOR EACH STATEMENT EXECUTE FUNCTION rs.refuse_verdict_change();
CREATE TRIGGER verdicts_no_truncate BEFORE TRUNCATE ON rs.verdicts
    FOR EACH STATEMENT EXECUTE FUNCTION rs.refuse_verdict_change();

-- FORCE: the rules bind the table's owner (the role that installed the schema) too.
ALTER TABLE rs.verdicts ENABLE ROW LEVEL SECURITY;
ALTER TABLE rs.verdicts FORCE ROW LEVEL SECURITY;
CREATE POLICY verdicts_read ON rs.verdicts FOR SELECT USING (true);
CREATE POLICY verdicts_own_name ON rs.verdicts FOR INSERT TO rs_reviewer
    WITH CHECK (reviewer = session_user);

-- The review queue: the flagged cases with no case-level verdict yet, narrow, so "next"
-- walks a small index. Publishing fills it; a case-level verdict takes its case out.
-- classes: bit 1 relation, 2 branch, 4 missing, 8 grounding, 16 reading.
CREATE TABLE rs.queue(
    case_id bigint PRIMARY KEY REFERENCES rs.cases(id),
    project_id bigint NOT NULL,
    max_severity smallint NOT NULL,
    classes integer NOT NULL);
CREATE INDEX queue_next ON rs.queue(project_id, max_severity DESC, case_id);
CREATE INDEX queue_relation ON rs.queue(project_id, max_severity DESC, case_id) WHERE classes & 1 <> 0;
CREATE INDEX queue_branch ON rs.queue(project_id, max_severity DESC, case_id) WHERE classes & 2 <> 0;
CREATE INDEX queue_missing ON rs.queue(project_id, max_severity DESC, case_id) WHERE classes & 4 <> 0;
CREATE INDEX queue_grounding ON rs.queue(project_id, max_severity DESC, case_id) WHERE classes & 8 <> 0;
CREATE INDEX queue_reading ON rs.queue(project_id, max_severity DESC, case_id) WHERE classes & 16 <> 0;

-- Who holds a case, until when: the queue hands a claimed case to nobody else until the
-- claim expires.
CREATE TABLE rs.claims(
    case_id bigint PRIMARY KEY REFERENCES rs.cases(id),
    reviewer name NOT NULL,
    expires timestamptz NOT NULL);

-- The latest case-level verdict of each case (the lead's progress view, the case table's
-- review state), kept by the trigger below. Ids only grow, so the largest is the latest.
CREATE TABLE rs.case_review_state(
    case_id bigint PRIMARY KEY REFERENCES rs.cases(id),
    verdict text NOT NULL,
    verdict_id bigint NOT NULL,
    reviewer name NOT NULL);

CREATE FUNCTION rs.verdict_saved() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS $$
DECLARE v_project bigint;
BEGIN
    IF NEW.finding_signature IS NULL THEN
        INSERT INTO rs.case_review_state(case_id, verdict, verdict_id, reviewer)
            VALUES (NEW.case_id, NEW.verdict, NEW.id, NEW.reviewer)
        ON CONFLICT (case_id) DO UPDATE
            SET verdict = EXCLUDED.verdict, verdict_id = EXCLUDED.verdict_id,
                reviewer = EXCLUDED.reviewer
            WHERE rs.case_review_state.verdict_id < EXCLUDED.verdict_id;
        DELETE FROM rs.queue WHERE case_id = NEW.case_id;
        DELETE FROM rs.claims WHERE case_id = NEW.case_id;
    END IF;
    SELECT project_id INTO v_project FROM rs.cases WHERE id = NEW.case_id;
    PERFORM pg_notify('rs_verdicts', json_build_object('project', v_project,
        'case', NEW.case_id, 'verdict', NEW.id, 'reviewer', NEW.reviewer)::text);
    RETURN NULL;
END $$;
CREATE TRIGGER verdicts_saved AFTER INSERT ON rs.verdicts
    FOR EACH ROW EXECUTE FUNCTION rs.verdict_saved();

-- The next case of the queue for the calling reviewer, claimed for p_ttl: the worst
-- unreviewed flagged case (of the class, when given) that nobody else holds; the caller's
-- own unexpired claim counts as free for them. NULL when the queue is empty.
CREATE FUNCTION rs.claim_next(p_project bigint, p_class text, p_ttl interval)
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_bit integer;
    v_case bigint;
BEGIN
    v_bit := CASE p_class WHEN 'relation' THEN 1 WHEN 'branch' THEN 2 WHEN 'missing' THEN 4
                          WHEN 'grounding' THEN 8 WHEN 'reading' THEN 16 END;
    IF p_class IS NOT NULL AND v_bit IS NULL THEN
        RAISE EXCEPTION 'unknown finding class: %', p_class USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_ttl IS NULL OR p_ttl <= interval '0' OR p_ttl > interval '1 day' THEN
        RAISE EXCEPTION 'a claim lasts more than 0 and at most a day' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- One statement per class so the planner uses that class's partial index.
    EXECUTE format($q$
        SELECT q.case_id FROM rs.queue q
        WHERE q.project_id = $1 %s
          AND NOT EXISTS (SELECT 1 FROM rs.claims k WHERE k.case_id = q.case_id
                          AND k.expires > now() AND k.reviewer <> session_user)
        ORDER BY q.max_severity DESC, q.case_id
        LIMIT 1 FOR UPDATE OF q SKIP LOCKED$q$,
        CASE WHEN v_bit IS NULL THEN '' ELSE format('AND q.classes & %s <> 0', v_bit) END)
        INTO v_case USING p_project;
    IF v_case IS NULL THEN
        RETURN NULL;
    END IF;
    INSERT INTO rs.claims(case_id, reviewer, expires)
        VALUES (v_case, session_user, now() + p_ttl)
    ON CONFLICT (case_id) DO UPDATE SET reviewer = EXCLUDED.reviewer, expires = EXCLUDED.expires;
    RETURN v_case;
END $$;

-- Counts a published run's cases by class into rs.class_counts (publish and tests).
CREATE FUNCTION rs.count_run_classes(p_run bigint) RETURNS void LANGUAGE sql AS $$
    INSERT INTO rs.class_counts(run_id, class, cases)
    SELECT p_run, v.class, v.cases FROM (
        SELECT count(*) AS n_all, count(*) FILTER (WHERE flagged) AS n_flagged,
               count(*) FILTER (WHERE n_relation > 0) AS n_relation,
               count(*) FILTER (WHERE n_branch > 0) AS n_branch,
               count(*) FILTER (WHERE n_missing > 0) AS n_missing,
               count(*) FILTER (WHERE n_grounding > 0) AS n_grounding,
               count(*) FILTER (WHERE n_reading > 0) AS n_reading
        FROM rs.cases WHERE run_id = p_run) s,
    LATERAL (VALUES ('all', s.n_all), ('flagged', s.n_flagged), ('relation', s.n_relation),
                    ('branch', s.n_branch), ('missing', s.n_missing),
                    ('grounding', s.n_grounding), ('reading', s.n_reading)) v(class, cases);
$$;

-- Who may do what. Reviewers read everything and insert verdicts in their own name; no
-- role but the owner changes a verdict, and the trigger refuses the owner too.
GRANT USAGE ON SCHEMA rs TO rs_publisher, rs_reviewer, rs_lead, rs_auditor;
GRANT SELECT ON ALL TABLES IN SCHEMA rs TO rs_publisher, rs_reviewer, rs_lead, rs_auditor;
GRANT INSERT ON rs.projects, rs.runs, rs.cases, rs.analyses, rs.findings, rs.queue,
    rs.class_counts TO rs_publisher;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA rs TO rs_publisher;
GRANT INSERT ON rs.verdicts TO rs_reviewer;
GRANT USAGE ON SEQUENCE rs.verdicts_id_seq TO rs_reviewer;
REVOKE UPDATE, DELETE, TRUNCATE ON rs.verdicts FROM PUBLIC, rs_publisher, rs_reviewer,
    rs_lead, rs_auditor;
REVOKE ALL ON FUNCTION rs.claim_next(bigint, text, interval) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rs.claim_next(bigint, text, interval) TO rs_reviewer, rs_lead;
REVOKE ALL ON FUNCTION rs.verdict_saved() FROM PUBLIC;
REVOKE ALL ON FUNCTION rs.count_run_classes(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rs.count_run_classes(bigint) TO rs_publisher;
)sql";

} // namespace

std::optional<int> serverSchemaVersion(PgConnection& c) {
    auto exists = c.execParams("SELECT to_regclass('rs.schema_info') IS NOT NULL", {});
    if (exists.text(0, 0) != "t")
        return std::nullopt;
    auto v = c.execParams("SELECT version FROM rs.schema_info", {});
    if (v.rows() == 0)
        return std::nullopt;
    return int(v.integer(0, 0));
}

void checkServerSchema(PgConnection& c) {
    const auto version = serverSchemaVersion(c);
    const std::string ours = std::to_string(kServerSchemaVersion);
    const int v = version.value_or(0);
    if (!version)
        throw ServerError(ServerError::Kind::Schema,
                          "the database holds no ReasonScope team-review schema: publish a "
                          "project to it first (reasonscope publish)");
    if (v < kServerSchemaVersion)
        throw ServerError(ServerError::Kind::Schema, "the server's ReasonScope schema is version " +
                                                         std::to_string(v) +
                                                         ", older than this ReasonScope's " + ours +
                                                         ": ask its administrator to upgrade it");
    if (v > kServerSchemaVersion)
        throw ServerError(ServerError::Kind::Schema, "the server's ReasonScope schema is version " +
                                                         std::to_string(v) +
                                                         ", newer than this ReasonScope's " + ours +
                                                         ": update ReasonScope to use this server");
}

void ensureServerSchema(PgConnection& c) {
    // One installer at a time; held until the caller's transaction ends.
    c.execParams("SELECT pg_advisory_xact_lock(hashtext('reasonscope-schema'))", {});
    if (!serverSchemaVersion(c)) {
        auto roles = c.execParams("SELECT count(*) FROM pg_roles WHERE rolname IN "
                                  "('rs_publisher', 'rs_reviewer', 'rs_lead', 'rs_auditor')",
                                  {});
        if (roles.integer(0, 0) != 4)
            throw ServerError(ServerError::Kind::Schema,
                              "the group roles rs_publisher, rs_reviewer, rs_lead and "
                              "rs_auditor do not all exist: create them first "
                              "(docs/team-review.md, or reasonscope publish --print-roles)");
        c.exec(kSchemaV1);
        c.execParams("INSERT INTO rs.schema_info(version) VALUES ($1)",
                     {std::to_string(kServerSchemaVersion)});
    }
    checkServerSchema(c);
}

} // namespace rs::server
