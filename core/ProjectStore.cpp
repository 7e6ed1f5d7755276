#include "ProjectStore.h"

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>
#include <thread>
#include <unordered_map>
#include <variant>

namespace rs {

using nlohmann::json;

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
};

static_assert(std::size(kMigrations) > 0 &&
                  kMigrations[std::size(kMigrations) - 1].toVersion == ProjectStore::kSchemaVersion,
              "the last migration must produce kSchemaVersion");

constexpr const char* kFindingTypes[] = {"relation", "branch", "missing", "grounding"};
constexpr const char* kSeverities[] = {"none", "minor", "major", "critical"};

int indexOf(const auto& names, const std::string& s) {
    for (std::size_t i = 0; i < std::size(names); ++i)
        if (s == names[i])
            return int(i);
    return -1;
}

bool isBlankText(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](unsigned char ch) { return std::isspace(ch); });
}

// Case text is untrusted and may hold invalid UTF-8, which dump() would otherwise throw on.
std::string dumpJson(const json& j) {
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

// Lenient readers for the JSON columns the store itself wrote.
std::string getString(const json& o, const char* key) {
    if (!o.is_object())
        return {};
    auto it = o.find(key);
    return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
}

double getDouble(const json& o, const char* key) {
    if (!o.is_object())
        return 0;
    auto it = o.find(key);
    return it != o.end() && it->is_number() ? it->get<double>() : 0.0;
}

json casePartsToJson(const Case& c, json* images, json* meta, json* goldPath) {
    json options = json::array();
    for (const auto& o : c.options) {
        json e = json::object();
        e["label"] = o.label;
        e["text"] = o.text;
        options.push_back(std::move(e));
    }
    *images = json::array();
    for (const auto& im : c.images) {
        json boxes = json::array();
        for (const auto& b : im.boxes) {
            json e = json::object();
            e["label"] = b.label;
            e["source"] = b.source;
            e["x"] = b.x;
            e["y"] = b.y;
            e["w"] = b.w;
            e["h"] = b.h;
            e["z"] = b.z;
            e["d"] = b.d;
            e["is3d"] = b.is3d;
            boxes.push_back(std::move(e));
        }
        json e = json::object();
        e["path"] = im.path;
        e["modality"] = im.modality;
        e["boxes"] = std::move(boxes);
        images->push_back(std::move(e));
    }
    // Pairs rather than an object: keeps the input's order and repeated keys.
    *meta = json::array();
    for (const auto& [k, v] : c.meta)
        meta->push_back(json::array({k, v}));
    *goldPath = json::array();
    for (const auto& t : c.goldPath) {
        json e = json::object();
        e["head"] = t.head;
        e["relation"] = t.relation;
        e["tail"] = t.tail;
        goldPath->push_back(std::move(e));
    }
    return options;
}

json parseStored(const std::string& text, const char* what, const std::string& key) {
    json j = json::parse(text, nullptr, false);
    if (j.is_discarded())
        throw StoreError("damaged " + std::string(what) + " of case " + key);
    return j;
}

void partsFromJson(Case& c, const json& options, const json& images, const json& meta,
                   const json& goldPath) {
    for (const auto& o : options.is_array() ? options : json::array())
        c.options.push_back({getString(o, "label"), getString(o, "text")});
    for (const auto& im : images.is_array() ? images : json::array()) {
        ImageRef ref{getString(im, "path"), getString(im, "modality"), {}};
        const json boxes = im.is_object() ? im.value("boxes", json::array()) : json::array();
        for (const auto& b : boxes.is_array() ? boxes : json::array()) {
            Box box;
            box.label = getString(b, "label");
            box.source = getString(b, "source");
            box.x = getDouble(b, "x");
            box.y = getDouble(b, "y");
            box.w = getDouble(b, "w");
            box.h = getDouble(b, "h");
            box.z = getDouble(b, "z");
            box.d = getDouble(b, "d");
            box.is3d = b.is_object() && b.value("is3d", false) == true;
            ref.boxes.push_back(std::move(box));
        }
        c.images.push_back(std::move(ref));
    }
    for (const auto& p : meta.is_array() ? meta : json::array())
        if (p.is_array() && p.size() == 2 && p[0].is_string() && p[1].is_string())
            c.meta.emplace_back(p[0].get<std::string>(), p[1].get<std::string>());
    for (const auto& t : goldPath.is_array() ? goldPath : json::array())
        c.goldPath.push_back(
            {getString(t, "head"), getString(t, "relation"), getString(t, "tail")});
}

// Strict readers for JSON handed to the store by the analysis: a wrong type there is a bug
// upstream and should surface instead of being stored as something else.
std::string optString(const json& o, const char* key, const std::string& where) {
    auto it = o.find(key);
    if (it == o.end() || it->is_null())
        return {};
    if (!it->is_string())
        throw std::invalid_argument(where + ": \"" + key + "\" must be a string");
    return it->get<std::string>();
}

std::optional<std::int64_t> optInt(const json& o, const char* key, const std::string& where) {
    auto it = o.find(key);
    if (it == o.end() || it->is_null())
        return std::nullopt;
    if (!it->is_number_integer())
        throw std::invalid_argument(where + ": \"" + key + "\" must be an integer");
    return it->get<std::int64_t>();
}

const json* optArray(const json& o, const char* key, const std::string& where) {
    auto it = o.find(key);
    if (it == o.end() || it->is_null())
        return nullptr;
    if (!it->is_array())
        throw std::invalid_argument(where + ": \"" + key + "\" must be an array");
    return &*it;
}

struct FindingRow {
    int type = 0;
    std::string subtype;
    int severity = 0;
    std::int64_t step = -1;
    std::string nodes;
    std::optional<std::int64_t> spanBegin, spanEnd;
    std::string explanation, signature;
};

struct GapRow {
    std::string text, location, reason;
};

struct AnalysisRows {
    std::string key;
    std::optional<bool> correct;
    std::string prediction;
    std::string unanchoredReason;
    std::vector<FindingRow> findings;
    std::vector<GapRow> gaps;
    std::int64_t perType[4] = {0, 0, 0, 0};
    int maxSeverity = 0;
};

// Validates the whole result before anything is written.
AnalysisRows parseAnalysis(const json& r) {
    if (!r.is_object())
        throw std::invalid_argument("analysis result must be a JSON object");
    AnalysisRows rows;
    rows.key = optString(r, "id", "analysis result");
    if (auto it = r.find("correct"); it != r.end() && !it->is_null()) {
        if (!it->is_boolean())
            throw std::invalid_argument("analysis result: \"correct\" must be true, false or null");
        rows.correct = it->get<bool>();
    }
    rows.prediction = optString(r, "prediction", "analysis result");
    rows.unanchoredReason = optString(r, "unanchored_reason", "analysis result");
    if (const json* findings = optArray(r, "findings", "analysis result")) {
        for (std::size_t i = 0; i < findings->size(); ++i) {
            const json& f = (*findings)[i];
            const std::string where = "finding " + std::to_string(i);
            if (!f.is_object())
                throw std::invalid_argument(where + " must be a JSON object");
            FindingRow row;
            row.type = indexOf(kFindingTypes, optString(f, "type", where));
            if (row.type < 0)
                throw std::invalid_argument(
                    where + ": type must be relation, branch, missing or grounding");
            row.severity = indexOf(kSeverities, optString(f, "severity", where));
            if (row.severity < 0)
                throw std::invalid_argument(where +
                                            ": severity must be none, minor, major or critical");
            row.subtype = optString(f, "subtype", where);
            row.step = optInt(f, "step", where).value_or(-1);
            const json* nodes = optArray(f, "nodes", where);
            row.nodes = nodes ? dumpJson(*nodes) : "[]";
            if (const json* span = optArray(f, "span", where)) {
                if (span->size() != 2 || !(*span)[0].is_number_integer() ||
                    !(*span)[1].is_number_integer())
                    throw std::invalid_argument(where + ": span must be [begin, end]");
                row.spanBegin = (*span)[0].get<std::int64_t>();
                row.spanEnd = (*span)[1].get<std::int64_t>();
            }
            row.explanation = optString(f, "explanation", where);
            row.signature = optString(f, "signature", where);
            ++rows.perType[row.type];
            rows.maxSeverity = std::max(rows.maxSeverity, row.severity);
            rows.findings.push_back(std::move(row));
        }
    }
    if (const json* gaps = optArray(r, "coverage_gaps", "analysis result")) {
        for (std::size_t i = 0; i < gaps->size(); ++i) {
            const json& g = (*gaps)[i];
            const std::string where = "coverage gap " + std::to_string(i);
            if (!g.is_object())
                throw std::invalid_argument(where + " must be a JSON object");
            rows.gaps.push_back({optString(g, "text", where), optString(g, "where", where),
                                 optString(g, "reason", where)});
        }
    }
    return rows;
}

bool isBusy(int rc) {
    return (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED;
}

} // namespace

// ---------------------------------------------------------------------------------------

namespace detail {

struct StoreConnection {
    sqlite3* db = nullptr;
    std::string path;
    bool readOnly = false;
    std::chrono::milliseconds busyTimeout{5000};

    struct Cached {
        sqlite3_stmt* stmt = nullptr;
        bool inUse = false;
    };
    std::unordered_map<std::string, Cached> cache;

    // Case-id sets the case-table queries test membership in through rs_in_set(slot, id):
    // an IN (subquery) would rebuild its set in every statement (about 60 ms for an FTS5
    // term in 100k cases), a bitmap is built once and then costs nothing per row. A set is
    // valid while neither this connection nor another one has changed the file.
    enum IdSlot { FtsHits, FacetCases, IdSlotCount };
    struct IdSet {
        std::string key;
        std::int64_t dataVersion = -1, changes = -1;
        std::vector<bool> bits;
        bool contains(std::int64_t id) const {
            return id >= 0 && std::uint64_t(id) < bits.size() && bits[std::size_t(id)];
        }
    };
    IdSet idSets[IdSlotCount];

    ~StoreConnection() {
        for (auto& [sql, c] : cache)
            sqlite3_finalize(c.stmt);
        if (db)
            sqlite3_close_v2(db);
    }

    [[noreturn]] void fail(const std::string& what) const {
        throw StoreError(what + ": " + sqlite3_errmsg(db));
    }

    void exec(const char* sql) {
        if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
            fail(std::string("SQL failed on ") + path);
    }

    // Waits for another writer up to busyTimeout. SQLite's own busy handler already sleeps;
    // the loop covers the cases where it returns BUSY without waiting (e.g. WAL recovery).
    void beginImmediate() {
        const auto deadline = std::chrono::steady_clock::now() + busyTimeout;
        for (;;) {
            const int rc = sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
            if (rc == SQLITE_OK)
                return;
            if (!isBusy(rc))
                fail("cannot start a transaction on " + path);
            if (std::chrono::steady_clock::now() >= deadline)
                throw StoreError(path + " is busy: another connection kept it locked for " +
                                 std::to_string(busyTimeout.count()) + " ms");
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    }

    // Without WAL (e.g. on a file system that cannot share memory) COMMIT can meet readers.
    void commit() {
        const auto deadline = std::chrono::steady_clock::now() + busyTimeout;
        for (;;) {
            const int rc = sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
            if (rc == SQLITE_OK)
                return;
            if (!isBusy(rc) || std::chrono::steady_clock::now() >= deadline)
                fail("cannot commit to " + path);
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    }

    void rollbackQuietly() noexcept {
        if (!sqlite3_get_autocommit(db))
            sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    }
};

} // namespace detail

namespace {

// A prepared statement from the connection's cache (or a fresh one when the cached one is
// busy, e.g. a callback of forEachCase querying the store again). Reset on destruction so
// bound values and read locks never outlive the call.
class Query {
    using Cached = detail::StoreConnection::Cached;

public:
    Query(detail::StoreConnection& d, const std::string& sql) : d_(d) {
        auto it = d.cache.find(sql);
        if (it == d.cache.end()) {
            sqlite3_stmt* st = nullptr;
            if (sqlite3_prepare_v3(d.db, sql.c_str(), int(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                   &st, nullptr) != SQLITE_OK)
                d.fail("cannot prepare a query on " + d.path);
            it = d.cache.emplace(sql, detail::StoreConnection::Cached{st, false}).first;
        }
        if (!it->second.inUse) {
            cached_ = &it->second;
            cached_->inUse = true;
            st_ = cached_->stmt;
        } else if (sqlite3_prepare_v2(d.db, sql.c_str(), int(sql.size()), &st_, nullptr) !=
                   SQLITE_OK) {
            d.fail("cannot prepare a query on " + d.path);
        }
    }
    ~Query() {
        if (cached_) {
            sqlite3_reset(st_);
            sqlite3_clear_bindings(st_);
            cached_->inUse = false;
        } else {
            sqlite3_finalize(st_);
        }
    }
    Query(const Query&) = delete;
    Query& operator=(const Query&) = delete;

    Query& bind(int i, const std::string& s) {
        check(sqlite3_bind_text64(st_, i, s.data(), s.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
        return *this;
    }
    Query& bind(int i, const char* s) { return bind(i, std::string(s)); }
    Query& bind(int i, std::int64_t v) {
        check(sqlite3_bind_int64(st_, i, v));
        return *this;
    }
    Query& bind(int i, int v) { return bind(i, std::int64_t(v)); }
    Query& bind(int i, std::size_t v) { return bind(i, std::int64_t(v)); }
    Query& bindNull(int i) {
        check(sqlite3_bind_null(st_, i));
        return *this;
    }
    template <class T> Query& bind(int i, const std::optional<T>& v) {
        return v ? bind(i, *v) : bindNull(i);
    }
    Query& bind(int i, std::optional<bool> v) {
        return v ? bind(i, std::int64_t(*v ? 1 : 0)) : bindNull(i);
    }

    // True while there is a row.
    bool step() {
        const int rc = sqlite3_step(st_);
        if (rc == SQLITE_ROW)
            return true;
        if (rc == SQLITE_DONE)
            return false;
        d_.fail("query failed on " + d_.path);
    }
    void run() {
        while (step()) {
        }
    }

    bool isNull(int c) const { return sqlite3_column_type(st_, c) == SQLITE_NULL; }
    bool isText(int c) const { return sqlite3_column_type(st_, c) == SQLITE_TEXT; }
    std::int64_t integer(int c) const { return sqlite3_column_int64(st_, c); }
    std::string text(int c) const {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st_, c));
        return p ? std::string(p, std::size_t(sqlite3_column_bytes(st_, c))) : std::string();
    }

private:
    void check(int rc) {
        if (rc != SQLITE_OK)
            d_.fail("cannot bind a value on " + d_.path);
    }
    detail::StoreConnection& d_;
    Cached* cached_ = nullptr;
    sqlite3_stmt* st_ = nullptr;
};

// Makes one write method atomic: its own transaction when none is open, else a savepoint
// inside the caller's, so a failed call never leaves half a case behind either way.
class WriteScope {
public:
    explicit WriteScope(detail::StoreConnection& d)
        : d_(d), own_(sqlite3_get_autocommit(d.db) != 0) {
        if (own_)
            d_.beginImmediate();
        else
            Query(d_, "SAVEPOINT rs_write").run();
    }
    ~WriteScope() {
        if (done_)
            return;
        if (own_) {
            d_.rollbackQuietly();
        } else if (!sqlite3_get_autocommit(d_.db)) {
            // SQLite may already have rolled back the whole transaction (I/O error, full
            // disk); then there is no savepoint left and the caller's commit will fail.
            sqlite3_exec(d_.db, "ROLLBACK TO rs_write; RELEASE rs_write", nullptr, nullptr,
                         nullptr);
        }
    }
    WriteScope(const WriteScope&) = delete;
    WriteScope& operator=(const WriteScope&) = delete;

    void commit() {
        if (own_)
            d_.commit();
        else
            Query(d_, "RELEASE rs_write").run();
        done_ = true;
    }

private:
    detail::StoreConnection& d_;
    bool own_;
    bool done_ = false;
};

std::string openError(sqlite3* db, int rc) {
    std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    const int sys = db ? sqlite3_system_errno(db) : 0;
    if (sys != 0)
        msg += std::string(" (") + std::strerror(sys) + ")";
    return msg;
}

// What an existing file is, read without writing anything.
struct FileKind {
    enum { Empty, Project, Foreign, NotSqlite, Damaged, Unreadable } kind = Empty;
    int version = 0;
    std::string message;
};

FileKind inspect(sqlite3* db) {
    FileKind k;
    auto scalar = [&](const char* sql, std::string* out) -> int {
        sqlite3_stmt* st = nullptr;
        int rc = sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
        if (rc == SQLITE_OK) {
            rc = sqlite3_step(st);
            if (rc == SQLITE_ROW) {
                const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
                *out = p ? p : "";
                rc = SQLITE_OK;
            } else if (rc == SQLITE_DONE) {
                out->clear();
                rc = SQLITE_NOTFOUND;
            }
        }
        sqlite3_finalize(st);
        return rc;
    };
    auto failed = [&](int rc) {
        const int primary = rc & 0xff;
        k.kind = primary == SQLITE_NOTADB    ? FileKind::NotSqlite
                 : primary == SQLITE_CORRUPT ? FileKind::Damaged
                                             : FileKind::Unreadable;
        k.message = sqlite3_errmsg(db);
        return k;
    };
    std::string appId, tables;
    if (int rc = scalar("PRAGMA application_id", &appId); rc != SQLITE_OK)
        return failed(rc);
    if (int rc = scalar("SELECT count(*) FROM sqlite_master", &tables); rc != SQLITE_OK)
        return failed(rc);
    if (appId == "0" && tables == "0")
        return k;
    if (appId != std::to_string(ProjectStore::kApplicationId)) {
        k.kind = FileKind::Foreign;
        return k;
    }
    std::string version;
    const int rc = scalar("SELECT value FROM meta WHERE key = 'schema_version'", &version);
    const auto [end, ec] =
        std::from_chars(version.data(), version.data() + version.size(), k.version);
    if (rc != SQLITE_OK || ec != std::errc() || end != version.data() + version.size() ||
        k.version < 1) {
        k.kind = FileKind::Damaged;
        k.message = rc == SQLITE_OK ? "bad schema version" : sqlite3_errmsg(db);
        return k;
    }
    k.kind = FileKind::Project;
    return k;
}

std::string describeRefusal(const std::string& path, const FileKind& k, bool readOnly) {
    switch (k.kind) {
    case FileKind::NotSqlite:
        return path + " is not a ReasonScope project (not an SQLite database)";
    case FileKind::Foreign:
        return path + " is not a ReasonScope project (an SQLite database of another application)";
    case FileKind::Damaged:
        return path + " is a damaged ReasonScope project (" + k.message + ")";
    case FileKind::Unreadable:
        return "cannot read " + path + ": " + k.message;
    case FileKind::Empty:
        return readOnly ? path + " is not a ReasonScope project (empty database)" : std::string();
    case FileKind::Project:
        if (k.version > ProjectStore::kSchemaVersion)
            return path + " was made by a newer ReasonScope (schema " + std::to_string(k.version) +
                   "); this version reads up to " + std::to_string(ProjectStore::kSchemaVersion);
        if (readOnly && k.version < ProjectStore::kSchemaVersion)
            return path + " was made by an older ReasonScope (schema " + std::to_string(k.version) +
                   "); open it for writing once to upgrade it";
        return {};
    }
    return {};
}

void inSetFunction(sqlite3_context* ctx, int, sqlite3_value** argv) {
    auto* d = static_cast<detail::StoreConnection*>(sqlite3_user_data(ctx));
    const std::int64_t slot = sqlite3_value_int64(argv[0]);
    if (slot < 0 || slot >= detail::StoreConnection::IdSlotCount) {
        sqlite3_result_error(ctx, "rs_in_set: no such slot", -1);
        return;
    }
    sqlite3_result_int(ctx, d->idSets[slot].contains(sqlite3_value_int64(argv[1])) ? 1 : 0);
}

void registerFunctions(detail::StoreConnection& d) {
    // Direct-only: the schema (triggers, views) must never depend on this connection state.
    if (sqlite3_create_function_v2(d.db, "rs_in_set", 2, SQLITE_UTF8 | SQLITE_DIRECTONLY, &d,
                                   inSetFunction, nullptr, nullptr, nullptr) != SQLITE_OK)
        d.fail("cannot register functions on " + d.path);
}

} // namespace

// ---------------------------------------------------------------------------------------

ProjectStore::ProjectStore(std::unique_ptr<detail::StoreConnection> d) : d_(std::move(d)) {}
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
    auto refuse = [&](std::string msg) {
        if (error)
            *error = std::move(msg);
        return std::unique_ptr<ProjectStore>();
    };
    if (error)
        error->clear();
    if (path.empty())
        return refuse("no project file given");

    auto d = std::make_unique<detail::StoreConnection>();
    d->path = path;
    d->readOnly = readOnly;
    // No URI flag: a user's path is taken literally, never as "file:...?mode=" options.
    auto openAs = [&](int flags, std::string* why) {
        sqlite3* db = nullptr;
        const int rc = sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
        if (rc != SQLITE_OK) {
            *why = "cannot open " + path + ": " + openError(db, rc);
            sqlite3_close_v2(db);
            return static_cast<sqlite3*>(nullptr);
        }
        sqlite3_extended_result_codes(db, 1);
        sqlite3_busy_timeout(db, int(d->busyTimeout.count()));
        return db;
    };

    // Decide through a read-only connection: when the last read-write connection closes,
    // SQLite checkpoints the log into the file, and a refused file must not change at all.
    // (A read-only connection to a WAL file may leave SQLite's empty -wal/-shm beside it.)
    std::string why;
    FileKind kind;
    d->db = openAs(SQLITE_OPEN_READONLY, &why);
    if (d->db) {
        kind = inspect(d->db);
        if (std::string refusal = describeRefusal(path, kind, readOnly); !refusal.empty())
            return refuse(refusal);
    } else if (readOnly) {
        return refuse(why);
    } // else the file may not exist yet; the read-write open says why it cannot be made

    if (!readOnly) {
        sqlite3_close_v2(d->db);
        d->db = openAs(SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &why);
        if (!d->db)
            return refuse(why);
        // SQLite quietly falls back to read-only when the file cannot be opened for writing.
        if (sqlite3_db_readonly(d->db, "main") == 1)
            return refuse("cannot write " + path + ": the file or its folder is read-only");
        // The file may have been replaced in between; nothing has been written yet.
        kind = inspect(d->db);
        if (std::string refusal = describeRefusal(path, kind, false); !refusal.empty())
            return refuse(refusal);
    }

    try {
        d->exec("PRAGMA foreign_keys = ON");
        if (readOnly) {
            d->exec("PRAGMA query_only = ON");
        } else {
            // Not an error when the file system cannot do WAL: it stays in rollback mode.
            d->exec("PRAGMA journal_mode = WAL");
            d->exec("PRAGMA synchronous = NORMAL");
        }
        d->exec("PRAGMA cache_size = -32768");
        registerFunctions(*d);
        if (!readOnly && (kind.kind == FileKind::Empty || kind.version < kSchemaVersion)) {
            d->beginImmediate();
            // Another process may have created or upgraded the file meanwhile.
            kind = inspect(d->db);
            if (std::string why = describeRefusal(path, kind, false); !why.empty()) {
                d->rollbackQuietly();
                return refuse(why);
            }
            const int from = kind.kind == FileKind::Empty ? 0 : kind.version;
            try {
                if (from == 0)
                    d->exec(("PRAGMA application_id = " + std::to_string(kApplicationId)).c_str());
                for (const auto& m : kMigrations)
                    if (m.toVersion > from)
                        d->exec(m.sql);
                Query(*d, "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)")
                    .bind(1, std::to_string(kSchemaVersion))
                    .run();
                if (from == 0)
                    Query(*d, "INSERT INTO meta(key, value) VALUES ('app', 'ReasonScope'), "
                              "('created', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))")
                        .run();
                d->commit();
            } catch (...) {
                d->rollbackQuietly();
                throw;
            }
        }
    } catch (const StoreError& e) {
        return refuse((kind.kind == FileKind::Empty ? "cannot create " : "cannot open ") + path +
                      ": " + e.what());
    }
    return std::unique_ptr<ProjectStore>(new ProjectStore(std::move(d)));
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

// --- Transaction -----------------------------------------------------------------------

ProjectStore::ReadSnapshot::ReadSnapshot(const ProjectStore& store) : store_(store) {
    if (!sqlite3_get_autocommit(store_.d_->db))
        return;
    store_.d_->exec("BEGIN DEFERRED");
    open_ = true;
    // The snapshot is taken by the first read, so take it now rather than at the caller's.
    Query(*store_.d_, "SELECT count(*) FROM meta").step();
}

ProjectStore::ReadSnapshot::~ReadSnapshot() {
    if (open_)
        store_.d_->rollbackQuietly(); // nothing was written: ending it is all that is left
}

ProjectStore::Transaction::Transaction(ProjectStore& store) : store_(store) {
    if (!sqlite3_get_autocommit(store_.d_->db))
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

// --- writing ---------------------------------------------------------------------------

std::int64_t ProjectStore::addKgSource(const std::string& path, const std::string& format,
                                       const std::string& sha256, std::int64_t nodes,
                                       std::int64_t edges) {
    WriteScope w(*d_);
    Query q(*d_,
            "INSERT INTO kg_sources(path, format, sha256, nodes, edges) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(path, sha256) DO UPDATE SET format = excluded.format, "
            "nodes = excluded.nodes, edges = excluded.edges RETURNING id");
    q.bind(1, path).bind(2, format).bind(3, sha256).bind(4, nodes).bind(5, edges);
    q.step();
    const std::int64_t id = q.integer(0);
    q.run();
    w.commit();
    return id;
}

std::int64_t ProjectStore::ensureRun(const std::string& label, const std::string& model,
                                     const std::string& sourceFile,
                                     const std::string& sourceSha256) {
    WriteScope w(*d_);
    // The no-op update makes RETURNING give the existing row's id.
    Query q(*d_, "INSERT INTO runs(label, model, source_file, source_sha256) VALUES (?, ?, ?, ?) "
                 "ON CONFLICT(label, source_sha256) DO UPDATE SET label = excluded.label "
                 "RETURNING id");
    q.bind(1, label).bind(2, model).bind(3, sourceFile).bind(4, sourceSha256);
    q.step();
    const std::int64_t id = q.integer(0);
    q.run();
    w.commit();
    return id;
}

std::int64_t ProjectStore::addCase(const Case& c, std::int64_t runId) {
    json images, meta, goldPath;
    const json options = casePartsToJson(c, &images, &meta, &goldPath);
    WriteScope w(*d_);
    // An upsert rather than INSERT OR REPLACE: the row keeps its id, so reviews and
    // references from elsewhere stay valid.
    Query q(*d_, R"sql(
INSERT INTO cases(run_id, case_key, question_id, correct, dataset, model, source_file,
                  source_record, gold, prediction, question, options, images, meta, gold_path,
                  output)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
ON CONFLICT(run_id, case_key) DO UPDATE SET
    question_id = excluded.question_id, correct = excluded.correct, dataset = excluded.dataset,
    model = excluded.model, source_file = excluded.source_file,
    source_record = excluded.source_record, gold = excluded.gold,
    prediction = excluded.prediction, question = excluded.question, options = excluded.options,
    images = excluded.images, meta = excluded.meta, gold_path = excluded.gold_path,
    output = excluded.output, n_relation = 0, n_branch = 0, n_missing = 0,
    n_grounding = 0, n_coverage_gaps = 0, max_severity = NULL, unanchored_reason = NULL
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
        .bind(12, dumpJson(options))
        .bind(13, dumpJson(images))
        .bind(14, dumpJson(meta))
        .bind(15, dumpJson(goldPath))
        .bind(16, c.output);
    q.step();
    const std::int64_t id = q.integer(0);
    q.run();
    Query(*d_, "DELETE FROM findings WHERE case_id = ?").bind(1, id).run();
    Query(*d_, "DELETE FROM coverage_gaps WHERE case_id = ?").bind(1, id).run();
    Query(*d_, "DELETE FROM analyses WHERE case_id = ?").bind(1, id).run();
    Query(*d_, "DELETE FROM case_concepts WHERE case_id = ?").bind(1, id).run();
    w.commit();
    return id;
}

void ProjectStore::addImportError(const ImportError& e) {
    WriteScope w(*d_);
    Query(*d_, "INSERT INTO import_errors(file, line, record, reason) VALUES (?, ?, ?, ?)")
        .bind(1, e.file)
        .bind(2, e.line)
        .bind(3, e.record)
        .bind(4, e.reason)
        .run();
    w.commit();
}

namespace {

// The (name, role) rows of case_concepts for an analysis result, each once, in first-seen
// order. Lenient like the v3 backfill: entries not of the expected shape are skipped.
std::vector<std::pair<std::string, const char*>> caseConceptRows(const json& r) {
    std::vector<std::pair<std::string, const char*>> out;
    auto add = [&](const json& name, const char* role) {
        if (!name.is_string() || name.get_ref<const std::string&>().empty())
            return;
        const std::string& n = name.get_ref<const std::string&>();
        for (const auto& [have, haveRole] : out)
            if (haveRole == role && have == n)
                return;
        out.emplace_back(n, role);
    };
    auto each = [&](const json* array, const char* field, const char* role) {
        if (!array || !array->is_array())
            return;
        for (const json& e : *array) {
            if (!field)
                add(e, role);
            else if (e.is_object())
                if (auto it = e.find(field); it != e.end())
                    add(*it, role);
        }
    };
    auto member = [](const json& o, const char* key) -> const json* {
        if (!o.is_object())
            return nullptr;
        auto it = o.find(key);
        return it == o.end() ? nullptr : &*it;
    };
    each(member(r, "reasoning_path"), "name", "mention");
    each(member(r, "mentions"), "node", "mention");
    if (const json* anchors = member(r, "anchors"))
        each(member(*anchors, "evidence"), nullptr, "evidence");
    return out;
}

} // namespace

void ProjectStore::saveAnalysis(std::int64_t caseId, const json& caseResult) {
    const AnalysisRows rows = parseAnalysis(caseResult);
    WriteScope w(*d_);
    {
        Query q(*d_, R"sql(
UPDATE cases SET n_relation = ?2, n_branch = ?3, n_missing = ?4, n_grounding = ?5,
    n_coverage_gaps = ?6, max_severity = ?7, unanchored_reason = ?8,
    correct = coalesce(?9, correct), prediction = coalesce(?10, prediction)
WHERE id = ?1 RETURNING case_key)sql");
        q.bind(1, caseId)
            .bind(2, rows.perType[0])
            .bind(3, rows.perType[1])
            .bind(4, rows.perType[2])
            .bind(5, rows.perType[3])
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
            throw StoreError("no case with id " + std::to_string(caseId) + " in " + d_->path);
        const std::string key = q.text(0);
        q.run();
        // Catches results filed under the wrong case, e.g. from a parallel analysis.
        if (!rows.key.empty() && rows.key != key)
            throw std::invalid_argument("analysis result of case \"" + rows.key +
                                        "\" given for case \"" + key + "\"");
    }
    Query(*d_, "INSERT OR REPLACE INTO analyses(case_id, json) VALUES (?, ?)")
        .bind(1, caseId)
        .bind(2, dumpJson(caseResult))
        .run();
    Query(*d_, "DELETE FROM findings WHERE case_id = ?").bind(1, caseId).run();
    Query(*d_, "DELETE FROM coverage_gaps WHERE case_id = ?").bind(1, caseId).run();
    for (std::size_t i = 0; i < rows.findings.size(); ++i) {
        const FindingRow& f = rows.findings[i];
        Query(*d_, "INSERT INTO findings(case_id, ord, type, subtype, severity, step, nodes, "
                   "span_begin, span_end, explanation, signature) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .bind(1, caseId)
            .bind(2, i)
            .bind(3, kFindingTypes[f.type])
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
        const GapRow& g = rows.gaps[i];
        Query(*d_, "INSERT INTO coverage_gaps(case_id, ord, text, location, reason) "
                   "VALUES (?, ?, ?, ?, ?)")
            .bind(1, caseId)
            .bind(2, i)
            .bind(3, g.text)
            .bind(4, g.location)
            .bind(5, g.reason)
            .run();
    }
    // Same rule as the v4 migration's backfill.
    Query(*d_, "INSERT INTO finding_nodes(finding_id, case_id, type, name) "
               "SELECT DISTINCT f.id, f.case_id, f.type, j.value FROM findings f, json_each(f.nodes) j "
               "WHERE f.case_id = ? AND j.type = 'text' AND j.value <> ''")
        .bind(1, caseId)
        .run();
    Query(*d_, "DELETE FROM case_concepts WHERE case_id = ?").bind(1, caseId).run();
    for (const auto& [name, role] : caseConceptRows(caseResult))
        Query(*d_, "INSERT INTO case_concepts(case_id, name, role) VALUES (?, ?, ?)")
            .bind(1, caseId)
            .bind(2, name)
            .bind(3, role)
            .run();
    w.commit();
}

void ProjectStore::replacePatterns(const json& patterns) {
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
    WriteScope w(*d_);
    Query(*d_, "DELETE FROM patterns").run();
    for (const Row& r : rows)
        Query(*d_, "INSERT INTO patterns(signature, type, subtype, description, count, cases) "
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

void ProjectStore::setSetting(const std::string& key, const std::string& value) {
    WriteScope w(*d_);
    Query(*d_, "INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)")
        .bind(1, key)
        .bind(2, value)
        .run();
    w.commit();
}

std::int64_t ProjectStore::addReview(const Review& r) {
    if (indexOf(kVerdicts, r.verdict) < 0)
        throw std::invalid_argument("verdict \"" + r.verdict +
                                    "\" is not one of confirmed, rejected, unsure");
    if (!r.severity.empty() && indexOf(kReviewSeverities, r.severity) < 0)
        throw std::invalid_argument("review severity \"" + r.severity +
                                    "\" is not one of none, minor, major, critical");
    if (isBlankText(r.reviewer))
        throw std::invalid_argument("a review needs a reviewer name");
    WriteScope w(*d_);
    std::optional<std::string> signature;
    std::optional<std::int64_t> step;
    if (r.findingId) {
        Query f(*d_, "SELECT signature, step FROM findings WHERE id = ? AND case_id = ?");
        f.bind(1, *r.findingId).bind(2, r.caseId);
        if (!f.step())
            throw std::invalid_argument("finding " + std::to_string(*r.findingId) +
                                        " is not a finding of case " + std::to_string(r.caseId));
        signature = f.text(0);
        step = f.integer(1);
    }
    Query q(*d_, "INSERT INTO reviews(case_id, finding_id, finding_signature, finding_step, "
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

// --- reading ---------------------------------------------------------------------------

std::optional<std::string> ProjectStore::setting(const std::string& key) const {
    Query q(*d_, "SELECT value FROM settings WHERE key = ?");
    q.bind(1, key);
    if (!q.step())
        return std::nullopt;
    return q.text(0);
}

std::vector<std::pair<std::string, std::string>> ProjectStore::settings() const {
    std::vector<std::pair<std::string, std::string>> out;
    Query q(*d_, "SELECT key, value FROM settings ORDER BY key");
    while (q.step())
        out.emplace_back(q.text(0), q.text(1));
    return out;
}

std::int64_t ProjectStore::externalChangeCounter() const {
    Query q(*d_, "PRAGMA data_version");
    q.step();
    return q.integer(0);
}

std::vector<ProjectStore::KgSource> ProjectStore::kgSources() const {
    std::vector<KgSource> out;
    Query q(*d_,
            "SELECT id, path, format, sha256, nodes, edges, added FROM kg_sources ORDER BY id");
    while (q.step())
        out.push_back(
            {q.integer(0), q.text(1), q.text(2), q.text(3), q.text(6), q.integer(4), q.integer(5)});
    return out;
}

std::optional<double> ProjectStore::RunInfo::accuracy() const {
    if (correct + incorrect == 0)
        return std::nullopt;
    return double(correct) / double(correct + incorrect);
}

std::vector<ProjectStore::RunInfo> ProjectStore::runs() const {
    std::vector<RunInfo> out;
    // Correlated counts so each is answered from the (run_id, correct) index alone.
    Query q(*d_, R"sql(
SELECT r.id, r.label, r.model, r.source_file, r.source_sha256, r.imported,
    (SELECT count(*) FROM cases c WHERE c.run_id = r.id),
    (SELECT count(*) FROM cases c WHERE c.run_id = r.id AND c.correct = 1),
    (SELECT count(*) FROM cases c WHERE c.run_id = r.id AND c.correct = 0)
FROM runs r ORDER BY r.id)sql");
    while (q.step()) {
        RunInfo r;
        r.id = q.integer(0);
        r.label = q.text(1);
        r.model = q.text(2);
        r.sourceFile = q.text(3);
        r.sourceSha256 = q.text(4);
        r.imported = q.text(5);
        r.cases = q.integer(6);
        r.correct = q.integer(7);
        r.incorrect = q.integer(8);
        out.push_back(std::move(r));
    }
    return out;
}

ProjectStore::Summary ProjectStore::summary() const {
    Summary s;
    s.runs = runs();
    for (const auto& r : s.runs)
        s.cases += r.cases;
    auto count = [&](const char* sql) {
        Query q(*d_, sql);
        q.step();
        return q.integer(0);
    };
    // Each count is answered by an index; none reads the wide case rows.
    s.analysedCases = count("SELECT count(*) FROM cases WHERE max_severity IS NOT NULL");
    s.unanchoredCases = count("SELECT count(*) FROM cases WHERE unanchored_reason IS NOT NULL");
    s.importErrors = count("SELECT count(*) FROM import_errors");
    s.coverageGaps = count("SELECT count(*) FROM coverage_gaps");
    Query q(*d_, "SELECT type, subtype, count(*) FROM findings GROUP BY type, subtype");
    while (q.step()) {
        s.findingsByType[q.text(0)] += q.integer(2);
        s.findingsBySubtype[q.text(0)][q.text(1)] = q.integer(2);
    }
    return s;
}

std::vector<ImportError> ProjectStore::importErrors() const {
    std::vector<ImportError> out;
    Query q(*d_, "SELECT file, line, record, reason FROM import_errors ORDER BY id");
    while (q.step())
        out.push_back({q.text(0), std::size_t(q.integer(1)), std::size_t(q.integer(2)), q.text(3)});
    return out;
}

json ProjectStore::patterns() const {
    json out = json::array();
    Query q(*d_, "SELECT signature, type, subtype, description, count, cases FROM patterns "
                 "ORDER BY id");
    while (q.step()) {
        json p = json::object();
        p["signature"] = q.text(0);
        p["type"] = q.text(1);
        p["subtype"] = q.text(2);
        p["description"] = q.text(3);
        p["count"] = q.integer(4);
        json cases = json::parse(q.text(5), nullptr, false);
        p["cases"] = cases.is_discarded() ? json::array() : std::move(cases);
        out.push_back(std::move(p));
    }
    return out;
}

std::vector<ProjectStore::PatternSummary> ProjectStore::patternSummaries() const {
    std::vector<PatternSummary> out;
    Query q(*d_, "SELECT signature, type, subtype, description, count FROM patterns ORDER BY id");
    while (q.step())
        out.push_back({q.text(0), q.text(1), q.text(2), q.text(3), q.integer(4)});
    return out;
}

namespace {

constexpr const char* kCaseColumns =
    "c.id, c.run_id, r.label, c.case_key, c.question_id, c.dataset, c.model, c.source_file, "
    "c.source_record, c.question, c.options, c.gold, c.output, c.prediction, c.correct, "
    "c.images, c.meta, c.gold_path, a.json FROM cases c JOIN runs r ON r.id = c.run_id "
    "LEFT JOIN analyses a ON a.case_id = c.id ";

ProjectStore::StoredCase caseFromRow(const Query& q) {
    ProjectStore::StoredCase s;
    s.id = q.integer(0);
    s.runId = q.integer(1);
    Case& c = s.data;
    c.run = q.text(2);
    c.key = q.text(3);
    c.questionId = q.text(4);
    c.dataset = q.text(5);
    c.model = q.text(6);
    c.sourceFile = q.text(7);
    c.sourceRecord = std::size_t(q.integer(8));
    c.question = q.text(9);
    c.gold = q.text(11);
    c.output = q.text(12);
    c.prediction = q.text(13);
    if (!q.isNull(14))
        c.correct = q.integer(14) != 0;
    partsFromJson(c, parseStored(q.text(10), "options", c.key),
                  parseStored(q.text(15), "images", c.key), parseStored(q.text(16), "meta", c.key),
                  parseStored(q.text(17), "gold path", c.key));
    if (!q.isNull(18))
        s.analysis = parseStored(q.text(18), "analysis", c.key);
    return s;
}

// Filters are fixed SQL fragments; only values are bound, never spliced in.
std::string whereClause(const ProjectStore::CaseFilter& f) {
    std::string w = "WHERE 1";
    if (f.runId)
        w += " AND c.run_id = ?1";
    if (f.questionId)
        w += " AND c.question_id = ?2";
    switch (f.correctness) {
    case ProjectStore::Correctness::Any:
        break;
    case ProjectStore::Correctness::Correct:
        w += " AND c.correct = 1";
        break;
    case ProjectStore::Correctness::Incorrect:
        w += " AND c.correct = 0";
        break;
    case ProjectStore::Correctness::Unscored:
        w += " AND c.correct IS NULL";
        break;
    }
    return w + " ";
}

void bindFilter(Query& q, const ProjectStore::CaseFilter& f) {
    if (f.runId)
        q.bind(1, *f.runId);
    if (f.questionId)
        q.bind(2, *f.questionId);
}

} // namespace

std::optional<ProjectStore::StoredCase> ProjectStore::loadCase(std::int64_t caseId) const {
    std::optional<StoredCase> s;
    {
        Query q(*d_, std::string("SELECT ") + kCaseColumns + "WHERE c.id = ?");
        q.bind(1, caseId);
        if (!q.step())
            return std::nullopt;
        s = caseFromRow(q);
    }
    Query f(*d_, "SELECT id FROM findings WHERE case_id = ? ORDER BY ord");
    f.bind(1, s->id);
    while (f.step())
        s->findingIds.push_back(f.integer(0));
    return s;
}

std::optional<ProjectStore::StoredCase> ProjectStore::loadCase(const std::string& key,
                                                               const std::string& run) const {
    std::int64_t id = 0;
    {
        Query q(*d_, "SELECT c.id FROM cases c JOIN runs r ON r.id = c.run_id "
                     "WHERE c.case_key = ?1 AND (?2 = '' OR r.label = ?2) ORDER BY c.id LIMIT 1");
        q.bind(1, key).bind(2, run);
        if (!q.step())
            return std::nullopt;
        id = q.integer(0);
    }
    return loadCase(id);
}

std::vector<std::string> ProjectStore::caseKeys(const CaseFilter& filter) const {
    std::vector<std::string> out;
    Query q(*d_, "SELECT c.case_key FROM cases c " + whereClause(filter) + "ORDER BY c.id");
    bindFilter(q, filter);
    while (q.step())
        out.push_back(q.text(0));
    return out;
}

std::int64_t ProjectStore::caseCount(const CaseFilter& filter) const {
    Query q(*d_, "SELECT count(*) FROM cases c " + whereClause(filter));
    bindFilter(q, filter);
    q.step();
    return q.integer(0);
}

void ProjectStore::forEachCase(
    const std::function<void(const Case&, const nlohmann::json& analysis)>& fn,
    const CaseFilter& filter) const {
    Query q(*d_, std::string("SELECT ") + kCaseColumns + whereClause(filter) + "ORDER BY c.id");
    bindFilter(q, filter);
    while (q.step()) {
        const StoredCase s = caseFromRow(q);
        fn(s.data, s.analysis);
    }
}

void ProjectStore::forEachFindingSignature(
    const std::function<void(const FindingSignature&)>& fn) const {
    Query q(*d_, "SELECT f.case_id, c.case_key, r.label, f.type, f.subtype, f.signature "
                 "FROM findings f JOIN cases c ON c.id = f.case_id JOIN runs r ON r.id = c.run_id "
                 "ORDER BY f.case_id, f.ord");
    FindingSignature f;
    while (q.step()) {
        f.caseId = q.integer(0);
        f.caseKey = q.text(1);
        f.run = q.text(2);
        f.type = q.text(3);
        f.subtype = q.text(4);
        f.signature = q.text(5);
        fn(f);
    }
}

std::vector<ProjectStore::CasePair> ProjectStore::pairCases(std::int64_t runA,
                                                            std::int64_t runB) const {
    std::vector<CasePair> out;
    Query q(*d_, "SELECT a.question_id, a.id, b.id, a.case_key, b.case_key FROM cases a "
                 "JOIN cases b ON b.question_id = a.question_id AND b.run_id = ?2 "
                 "WHERE a.run_id = ?1 AND a.question_id <> '' "
                 "ORDER BY a.question_id, a.id, b.id");
    q.bind(1, runA).bind(2, runB);
    while (q.step())
        out.push_back({q.text(0), q.integer(1), q.integer(2), q.text(3), q.text(4)});
    return out;
}

namespace {

// Each whitespace-separated word becomes a quoted FTS5 string, so operators and
// punctuation lose their meaning; words without a letter or digit are dropped (an empty
// phrase matches nothing).
std::string plainWordsQuery(const std::string& text) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])))
            ++i;
        std::size_t j = i;
        bool hasWordChar = false;
        while (j < text.size() && !std::isspace(static_cast<unsigned char>(text[j]))) {
            const auto ch = static_cast<unsigned char>(text[j]);
            hasWordChar = hasWordChar || ch >= 0x80 || std::isalnum(ch);
            ++j;
        }
        if (hasWordChar) {
            out += out.empty() ? "\"" : " \"";
            for (std::size_t k = i; k < j; ++k) {
                out += text[k];
                if (text[k] == '"')
                    out += '"';
            }
            out += '"';
        }
        i = j;
    }
    return out;
}

} // namespace

std::vector<std::string> ProjectStore::searchCases(const std::string& ftsQuery, int limit) const {
    auto search = [&](const std::string& match) {
        std::vector<std::string> out;
        Query q(*d_, "SELECT c.case_key FROM cases_fts f JOIN cases c ON c.id = f.rowid "
                     "WHERE cases_fts MATCH ? ORDER BY f.rank LIMIT ?");
        q.bind(1, match).bind(2, limit > 0 ? std::int64_t(limit) : std::int64_t(-1));
        while (q.step())
            out.push_back(q.text(0));
        return out;
    };
    const std::string plain = plainWordsQuery(ftsQuery);
    if (plain.empty())
        return {};
    try {
        return search(ftsQuery);
    } catch (const StoreError&) {
        // FTS5 syntax errors (unbalanced quotes, a stray "(", "col:" for an unknown column)
        // are errors of the statement; a user's typing should still find something.
    }
    return search(plain);
}

std::vector<ProjectStore::Review> ProjectStore::reviews(std::int64_t caseId) const {
    std::vector<Review> out;
    Query q(*d_, "SELECT id, case_id, finding_id, reviewer, role, verdict, severity, comment, "
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

// --- the case table --------------------------------------------------------------------

std::string ProjectStore::migrationSql(int toVersion) {
    for (const auto& m : kMigrations)
        if (m.toVersion == toVersion)
            return m.sql;
    return {};
}

namespace {

using SqlValue = std::variant<std::int64_t, std::string>;

// A query's SQL with its values in placeholder order. Id-set filters are written "+c.id IN"
// so SQLite scans a narrow covering index and tests membership, instead of fetching each
// matching wide case row by id (one page read per case). Only fixed fragments are spliced in;
// every value, lists included (as JSON for json_each), is bound.
struct CaseSql {
    std::string from;  // "FROM cases c ..." with the joins the filter and sort need
    std::string where; // "WHERE ..."
    std::vector<SqlValue> params;
};

void bindAll(Query& q, const std::vector<SqlValue>& params) {
    int i = 1;
    for (const SqlValue& v : params) {
        if (const auto* n = std::get_if<std::int64_t>(&v))
            q.bind(i++, *n);
        else
            q.bind(i++, std::get<std::string>(v));
    }
}

template <class T> std::string jsonList(const std::vector<T>& values) {
    return dumpJson(json(values));
}

bool isBlank(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](unsigned char ch) { return std::isspace(ch); });
}

bool needsReviewJoin(const CaseQuery& q) {
    return q.reviewState || q.sort == CaseQuery::Sort::ReviewState;
}

// Never NULL, so that row-value comparisons in rowOfCase agree with ORDER BY.
std::string sortKey(detail::StoreConnection& d, CaseQuery::Sort s) {
    switch (s) {
    case CaseQuery::Sort::Id:
        return "c.id";
    case CaseQuery::Sort::Key:
        return "c.case_key";
    case CaseQuery::Sort::Run: {
        // The runs' rank by label as a constant expression: a join with runs makes SQLite
        // walk the wide case rows in run order instead of scanning the narrow index.
        std::string rank = "CASE c.run_id";
        std::int64_t n = 0;
        Query q(d, "SELECT id FROM runs ORDER BY label, id");
        while (q.step())
            rank += " WHEN " + std::to_string(q.integer(0)) + " THEN " + std::to_string(n++);
        return n == 0 ? std::string("0") : rank + " END";
    }
    case CaseQuery::Sort::Correct:
        return "coalesce(c.correct, -1)";
    case CaseQuery::Sort::Relation:
        return "c.n_relation";
    case CaseQuery::Sort::Branch:
        return "c.n_branch";
    case CaseQuery::Sort::Missing:
        return "c.n_missing";
    case CaseQuery::Sort::Grounding:
        return "c.n_grounding";
    case CaseQuery::Sort::Severity:
        return "coalesce(c.max_severity, -1)";
    case CaseQuery::Sort::ReviewState:
        return "coalesce(v.verdict, 'unreviewed')";
    }
    return "c.id";
}

std::string orderBy(const CaseQuery& q, const std::string& key, bool filtered) {
    const char* dir = q.descending ? " DESC" : "";
    // Walking the table in id order reads the wide rows; fine when the first page is the
    // first 256 rows, slow when a filter passes few of them. Then "+c.id" lets SQLite scan a
    // narrow index and sort what passes.
    if (q.sort == CaseQuery::Sort::Id)
        return std::string(filtered ? " ORDER BY +c.id" : " ORDER BY c.id") + dir;
    return " ORDER BY " + key + dir + ", c.id" + dir;
}

// Fills the slot with the ids the query returns, unless it holds them already.
void fillIdSet(detail::StoreConnection& d, int slot, const std::string& sql,
               const std::vector<SqlValue>& params) {
    std::string key = sql;
    for (const SqlValue& v : params) {
        key += '\x1f';
        key += std::holds_alternative<std::int64_t>(v) ? std::to_string(std::get<0>(v))
                                                       : std::get<1>(v);
    }
    // A query that tests membership in another set (the facet cases of a search test the
    // FTS hits) depends on what that set holds, which its SQL text does not show.
    for (int other = 0; other < detail::StoreConnection::IdSlotCount; ++other)
        if (other != slot &&
            sql.find("rs_in_set(" + std::to_string(other) + ",") != std::string::npos) {
            key += '\x1e';
            key += d.idSets[other].key;
        }
    std::int64_t version = 0;
    {
        Query q(d, "PRAGMA data_version");
        q.step();
        version = q.integer(0);
    }
    // data_version sees other connections' commits, total_changes this one's.
    const std::int64_t changes = sqlite3_total_changes64(d.db);
    auto& set = d.idSets[slot];
    if (set.key == key && set.dataVersion == version && set.changes == changes)
        return;
    set.key.clear();
    set.bits.clear();
    {
        Query q(d, "SELECT max(id) FROM cases");
        q.step();
        set.bits.resize(std::size_t(std::max<std::int64_t>(q.integer(0), 0)) + 1);
    }
    Query q(d, sql);
    bindAll(q, params);
    while (q.step()) {
        const std::int64_t id = q.integer(0);
        if (id >= 0 && std::uint64_t(id) < set.bits.size())
            set.bits[std::size_t(id)] = true;
    }
    set.key = std::move(key);
    set.dataVersion = version;
    set.changes = changes;
}

// Needs the connection to check the FTS5 syntax of the search.
CaseSql caseSql(detail::StoreConnection& d, const CaseQuery& q, bool withReviews) {
    CaseSql s;
    s.from = "FROM cases c";
    if (withReviews || needsReviewJoin(q))
        s.from += " LEFT JOIN case_review_state v ON v.case_id = c.id";
    s.where = "WHERE 1";
    if (q.runId) {
        s.where += " AND c.run_id = ?";
        s.params.emplace_back(*q.runId);
    }
    if (!q.runIds.empty()) {
        s.where += " AND c.run_id IN (SELECT value FROM json_each(?))";
        s.params.emplace_back(jsonList(q.runIds));
    }
    switch (q.correctness) {
    case StoreCorrectness::Any:
        break;
    case StoreCorrectness::Correct:
        s.where += " AND c.correct = 1";
        break;
    case StoreCorrectness::Incorrect:
        s.where += " AND c.correct = 0";
        break;
    case StoreCorrectness::Unscored:
        s.where += " AND c.correct IS NULL";
        break;
    }
    if (!q.findingTypes.empty()) {
        // The per-type counts on the case row say the same as the findings table (both are
        // written by saveAnalysis) and need no join.
        static constexpr const char* kColumns[] = {"c.n_relation", "c.n_branch", "c.n_missing",
                                                   "c.n_grounding"};
        std::string any;
        for (const std::string& t : q.findingTypes) {
            const int i = indexOf(kFindingTypes, t);
            if (i < 0)
                throw std::invalid_argument("unknown finding type \"" + t +
                                            "\" (relation, branch, missing or grounding)");
            any += (any.empty() ? "" : " OR ") + std::string(kColumns[i]) + " > 0";
        }
        s.where += " AND (" + any + ")";
    }
    if (!q.findingSubtypes.empty()) {
        s.where += " AND +c.id IN (SELECT case_id FROM findings "
                   "WHERE subtype IN (SELECT value FROM json_each(?)))";
        s.params.emplace_back(jsonList(q.findingSubtypes));
    }
    if (!q.signatures.empty()) {
        s.where += " AND +c.id IN (SELECT case_id FROM findings "
                   "WHERE signature IN (SELECT value FROM json_each(?)))";
        s.params.emplace_back(jsonList(q.signatures));
    }
    if (!isBlank(q.search)) {
        const std::string plain = plainWordsQuery(q.search);
        if (plain.empty()) {
            s.where += " AND 0"; // only punctuation: as in searchCases, nothing
        } else {
            std::string match = q.search;
            // FTS5 reports a syntax error only when the statement runs.
            try {
                fillIdSet(d, detail::StoreConnection::FtsHits,
                          "SELECT rowid FROM cases_fts WHERE cases_fts MATCH ?", {match});
            } catch (const StoreError&) {
                match = plain;
                fillIdSet(d, detail::StoreConnection::FtsHits,
                          "SELECT rowid FROM cases_fts WHERE cases_fts MATCH ?", {match});
            }
            s.where += " AND rs_in_set(" + std::to_string(detail::StoreConnection::FtsHits) +
                       ", c.id)";
        }
    }
    if (q.reviewState) {
        if (*q.reviewState == "unreviewed") {
            s.where += " AND v.case_id IS NULL";
        } else {
            s.where += " AND v.verdict = ?";
            s.params.emplace_back(*q.reviewState);
        }
    }
    if (!q.caseIds.empty()) {
        // Looking up a few ids beats a scan; for many, the lookups into the wide case rows
        // (a page each) cost more than scanning the narrow index.
        s.where += q.caseIds.size() <= 2000 ? " AND c.id IN (SELECT value FROM json_each(?))"
                                            : " AND +c.id IN (SELECT value FROM json_each(?))";
        s.params.emplace_back(jsonList(q.caseIds));
    }
    return s;
}

} // namespace

std::int64_t ProjectStore::countCases(const CaseQuery& query) const {
    const CaseSql s = caseSql(*d_, query, false);
    // The sort's joins do not change the count; leave them out.
    std::string from = "FROM cases c";
    if (query.reviewState)
        from += " LEFT JOIN case_review_state v ON v.case_id = c.id";
    Query q(*d_, "SELECT count(*) " + from + " " + s.where);
    bindAll(q, s.params);
    q.step();
    return q.integer(0);
}

std::vector<CaseRow> ProjectStore::caseRows(const CaseQuery& query, std::int64_t offset,
                                            std::int64_t limit) const {
    const CaseSql s = caseSql(*d_, query, false);
    // First the page's ids, from the narrow columns and indexes only; then the row details
    // of just those ids, so no sort ever carries question text along.
    std::vector<std::int64_t> ids;
    {
        Query q(*d_, "SELECT c.id " + s.from + " " + s.where +
                         orderBy(query, sortKey(*d_, query.sort), s.where != "WHERE 1") +
                         " LIMIT ? OFFSET ?");
        bindAll(q, s.params);
        const int n = int(s.params.size());
        q.bind(n + 1, limit > 0 ? limit : std::int64_t(-1));
        q.bind(n + 2, std::max<std::int64_t>(offset, 0));
        while (q.step())
            ids.push_back(q.integer(0));
    }
    std::vector<CaseRow> rows;
    if (ids.empty())
        return rows;
    rows.reserve(ids.size());
    Query q(*d_, R"sql(
SELECT c.id, c.run_id, r.label, c.case_key, c.question_id, c.correct, c.n_relation,
    c.n_branch, c.n_missing, c.n_grounding, c.max_severity,
    coalesce(v.verdict, 'unreviewed'), substr(c.question, 1, 120)
FROM json_each(?1) j CROSS JOIN cases c ON c.id = j.value JOIN runs r ON r.id = c.run_id
LEFT JOIN case_review_state v ON v.case_id = c.id
ORDER BY j.key)sql");
    q.bind(1, jsonList(ids));
    while (q.step()) {
        CaseRow row;
        row.id = q.integer(0);
        row.runId = q.integer(1);
        row.run = q.text(2);
        row.key = q.text(3);
        row.questionId = q.text(4);
        if (!q.isNull(5))
            row.correct = q.integer(5) != 0;
        row.nRelation = q.integer(6);
        row.nBranch = q.integer(7);
        row.nMissing = q.integer(8);
        row.nGrounding = q.integer(9);
        if (!q.isNull(10))
            row.maxSeverity = int(q.integer(10));
        row.reviewState = q.text(11);
        row.questionPreview = q.text(12);
        rows.push_back(std::move(row));
    }
    return rows;
}

std::int64_t ProjectStore::rowOfCase(const CaseQuery& query, std::int64_t caseId) const {
    CaseSql s = caseSql(*d_, query, false);
    const std::string key = sortKey(*d_, query.sort);
    SqlValue keyValue;
    {
        Query q(*d_, "SELECT " + key + " " + s.from + " " + s.where + " AND c.id = ?");
        bindAll(q, s.params);
        q.bind(int(s.params.size()) + 1, caseId);
        if (!q.step())
            return -1;
        if (q.isText(0))
            keyValue = q.text(0);
        else
            keyValue = q.integer(0);
    }
    // Counting the rows before it is one pass over the filtered set, without sorting.
    const char* before = query.descending ? ">" : "<";
    std::string sql = "SELECT count(*) " + s.from + " " + s.where;
    if (query.sort == CaseQuery::Sort::Id) {
        sql += std::string(" AND c.id ") + before + " ?";
    } else {
        sql += " AND (" + key + ", c.id) " + before + " (?, ?)";
        s.params.push_back(keyValue);
    }
    s.params.emplace_back(caseId);
    Query q(*d_, sql);
    bindAll(q, s.params);
    q.step();
    return q.integer(0);
}

namespace {

// "relation/<subtype>/(<head kind>,<relation>,<tail kind>)", as ErrorClassifier writes it;
// kinds and relations hold no comma, a subtype no slash.
bool parseRelationSignature(const std::string& sig, std::string* head, std::string* rel,
                            std::string* tail) {
    const std::size_t open = sig.find("/(");
    if (!sig.starts_with("relation/") || open == std::string::npos || !sig.ends_with(")"))
        return false;
    const std::size_t c1 = sig.find(',', open);
    const std::size_t c2 = sig.rfind(',');
    if (c1 == std::string::npos || c2 == c1 || c2 < open)
        return false;
    *head = sig.substr(open + 2, c1 - open - 2);
    *rel = sig.substr(c1 + 1, c2 - c1 - 1);
    *tail = sig.substr(c2 + 1, sig.size() - c2 - 2);
    return true;
}

} // namespace

FacetCounts ProjectStore::facets(const CaseQuery& query) const {
    FacetCounts out;
    const CaseSql s = caseSql(*d_, query, true);
    std::map<std::int64_t, std::string> labels;
    {
        Query q(*d_, "SELECT id, label FROM runs");
        while (q.step())
            labels[q.integer(0)] = q.text(1);
    }
    // One pass over the narrow index for the per-run, per-type, severity and review counts;
    // the groups are few (runs x severities x verdicts).
    {
        // Named index: grouping by run, SQLite would otherwise walk the wide rows in the order
        // of the (run_id, correct) index, six times slower.
        std::string from = s.from;
        from.replace(0, std::strlen("FROM cases c"), "FROM cases c INDEXED BY cases_listing");
        Query q(*d_, "SELECT c.run_id, coalesce(c.max_severity, -1), "
                     "coalesce(v.verdict, 'unreviewed'), count(*), sum(c.correct IS 1), "
                     "sum(c.correct IS 0), sum(c.n_relation), sum(c.n_relation > 0), "
                     "sum(c.n_branch), sum(c.n_branch > 0), sum(c.n_missing), "
                     "sum(c.n_missing > 0), sum(c.n_grounding), sum(c.n_grounding > 0) " +
                         from + " " + s.where + " GROUP BY 1, 2, 3 ORDER BY 1");
        bindAll(q, s.params);
        while (q.step()) {
            if (out.runs.empty() || out.runs.back().id != q.integer(0))
                out.runs.push_back({q.integer(0), labels[q.integer(0)], 0, 0, 0});
            FacetCounts::Run& run = out.runs.back();
            const std::int64_t n = q.integer(3);
            run.cases += n;
            run.correct += q.integer(4);
            run.incorrect += q.integer(5);
            out.cases += n;
            out.bySeverity[int(q.integer(1))] += n;
            out.byReviewState[q.text(2)] += n;
            for (int t = 0; t < 4; ++t) {
                if (const std::int64_t findings = q.integer(6 + 2 * t); findings > 0) {
                    FacetCounts::Count& c = out.byType[kFindingTypes[t]];
                    c.findings += findings;
                    c.cases += q.integer(7 + 2 * t);
                }
            }
        }
    }
    // The findings of the filtered cases (all findings without a filter), read from the
    // findings indexes; the filtered case ids are a bitmap for the same reason as FTS hits.
    const bool filtered = s.where != "WHERE 1";
    std::string inCases;
    if (filtered) {
        fillIdSet(*d_, detail::StoreConnection::FacetCases, "SELECT c.id " + s.from + " " + s.where,
                  s.params);
        inCases = "rs_in_set(" + std::to_string(detail::StoreConnection::FacetCases) +
                  ", f.case_id)";
    }
    {
        Query q(*d_, "SELECT f.type, f.subtype, count(*), count(DISTINCT f.case_id) "
                     "FROM findings f" +
                         (filtered ? " WHERE " + inCases : std::string()) +
                         " GROUP BY f.type, f.subtype");
        while (q.step())
            out.bySubtype[{q.text(0), q.text(1)}] = {q.integer(2), q.integer(3)};
    }
    {
        // '0' follows '/': the range is every signature that starts with "relation/".
        Query q(*d_, "SELECT f.signature, count(*) FROM findings f "
                     "WHERE f.signature >= 'relation/' AND f.signature < 'relation0'" +
                         (filtered ? " AND " + inCases : std::string()) +
                         " GROUP BY f.signature");
        std::string head, rel, tail;
        while (q.step()) {
            if (!parseRelationSignature(q.text(0), &head, &rel, &tail))
                continue;
            const std::int64_t n = q.integer(1);
            out.byRelation[rel] += n;
            out.byRelationTriple[{head, rel, tail}] += n;
            out.byNodeKind[head] += n;
            out.byNodeKind[tail] += n;
        }
    }
    return out;
}

// --- concepts of cases -------------------------------------------------------------------

std::vector<std::int64_t> ProjectStore::casesMentioning(const std::string& conceptName,
                                                        int limit) const {
    std::vector<std::int64_t> out;
    Query q(*d_, "SELECT DISTINCT case_id FROM case_concepts WHERE name = ? "
                 "ORDER BY case_id LIMIT ?");
    q.bind(1, conceptName).bind(2, limit > 0 ? std::int64_t(limit) : std::int64_t(-1));
    while (q.step())
        out.push_back(q.integer(0));
    return out;
}

std::int64_t ProjectStore::countCasesMentioning(const std::string& conceptName) const {
    Query q(*d_, "SELECT count(DISTINCT case_id) FROM case_concepts WHERE name = ?");
    q.bind(1, conceptName);
    return q.step() ? q.integer(0) : 0;
}

// --- the projection view ---------------------------------------------------------------

namespace {

// " AND <the query's cases>" over findings f, or nothing when the query matches every case.
// The matching ids go into the same bitmap (and under the same key) as facets() uses, so a
// map and a dashboard of the same query share it.
std::string findingCaseFilter(detail::StoreConnection& d, const CaseQuery& query) {
    const CaseSql s = caseSql(d, query, true);
    if (s.where == "WHERE 1")
        return {};
    fillIdSet(d, detail::StoreConnection::FacetCases, "SELECT c.id " + s.from + " " + s.where,
              s.params);
    return " AND rs_in_set(" + std::to_string(detail::StoreConnection::FacetCases) +
           ", f.case_id)";
}

} // namespace

std::map<std::string, std::int64_t>
ProjectStore::countCasesBySignature(const CaseQuery& query,
                                    const std::vector<std::string>& signatures) const {
    std::map<std::string, std::int64_t> out;
    if (signatures.empty())
        return out;
    const std::string inCases = findingCaseFilter(*d_, query);
    Query q(*d_, "SELECT f.signature, count(DISTINCT f.case_id) FROM findings f "
                 "WHERE f.signature IN (SELECT value FROM json_each(?))" +
                     inCases + " GROUP BY f.signature");
    q.bind(1, jsonList(signatures));
    while (q.step())
        out[q.text(0)] = q.integer(1);
    return out;
}

std::vector<ProjectStore::ConceptStat> ProjectStore::findingConcepts(const CaseQuery& query,
                                                                     int limit) const {
    const std::string inCases = findingCaseFilter(*d_, query);
    std::vector<ConceptStat> out;
    {
        Query q(*d_, "SELECT f.name, count(DISTINCT f.case_id) FROM finding_nodes f WHERE 1" +
                         inCases + " GROUP BY f.name ORDER BY 2 DESC, 1 LIMIT ?");
        q.bind(1, std::int64_t(limit > 0 ? limit : -1));
        while (q.step()) {
            ConceptStat c;
            c.name = q.text(0);
            c.cases = q.integer(1);
            out.push_back(std::move(c));
        }
    }
    if (out.empty())
        return out;
    std::map<std::string, std::size_t> index;
    std::vector<std::string> names;
    for (std::size_t i = 0; i < out.size(); ++i) {
        index[out[i].name] = i;
        names.push_back(out[i].name);
    }
    Query q(*d_, "SELECT f.name, f.type, count(DISTINCT f.case_id) FROM finding_nodes f "
                 "WHERE f.name IN (SELECT value FROM json_each(?))" +
                     inCases + " GROUP BY f.name, f.type");
    q.bind(1, jsonList(names));
    while (q.step())
        if (auto it = index.find(q.text(0)); it != index.end())
            out[it->second].casesByType[q.text(1)] = q.integer(2);
    return out;
}

std::vector<std::pair<std::string, std::string>>
ProjectStore::conceptLinks(const std::vector<std::string>& names) const {
    std::vector<std::pair<std::string, std::string>> out;
    if (names.size() < 2)
        return out;
    // One pass over the findings that name any of them; pairs are counted per finding in C++
    // (a SQL self-join over hundreds of thousands of rows took ~0.8 s). The table is read in
    // its own order (NOT INDEXED): walking the name index and looking each row up costs five
    // times as much at 100k cases. A concept named twice in one finding is one member of it.
    std::unordered_map<std::string, int> number;
    for (const std::string& n : names)
        number.emplace(n, int(number.size()));
    std::unordered_map<std::int64_t, std::vector<int>> members;
    {
        Query q(*d_, "SELECT f.finding_id, f.name FROM finding_nodes f NOT INDEXED "
                     "WHERE f.name IN (SELECT value FROM json_each(?))");
        q.bind(1, jsonList(names));
        while (q.step())
            if (auto it = number.find(q.text(1)); it != number.end())
                members[q.integer(0)].push_back(it->second);
    }
    std::map<std::pair<int, int>, std::int64_t> pairCounts;
    for (auto& [finding, list] : members) {
        if (list.size() < 2)
            continue;
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
        for (std::size_t i = 0; i < list.size(); ++i)
            for (std::size_t j = i + 1; j < list.size(); ++j)
                ++pairCounts[{list[i], list[j]}];
    }
    std::vector<std::string> nameOf(number.size());
    for (const auto& [n, i] : number)
        nameOf[std::size_t(i)] = n;
    std::map<std::pair<std::string, std::string>, std::int64_t> counts;
    for (const auto& [pair, n] : pairCounts) {
        std::string x = nameOf[std::size_t(pair.first)], y = nameOf[std::size_t(pair.second)];
        if (y < x)
            std::swap(x, y);
        counts[{std::move(x), std::move(y)}] += n;
    }
    std::vector<std::pair<std::pair<std::string, std::string>, std::int64_t>> ranked(counts.begin(),
                                                                                     counts.end());
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    for (auto& [pair, n] : ranked)
        out.push_back(std::move(pair));
    return out;
}

std::vector<std::int64_t> ProjectStore::casesWithConcepts(const std::vector<std::string>& names,
                                                          const CaseQuery& query) const {
    std::vector<std::int64_t> out;
    if (names.empty())
        return out;
    const std::string inCases = findingCaseFilter(*d_, query);
    Query q(*d_, "SELECT DISTINCT f.case_id FROM finding_nodes f "
                 "WHERE f.name IN (SELECT value FROM json_each(?))" +
                     inCases + " ORDER BY 1");
    q.bind(1, jsonList(names));
    while (q.step())
        out.push_back(q.integer(0));
    return out;
}

} // namespace rs
