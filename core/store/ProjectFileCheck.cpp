#include "ProjectFileCheck.h"

#include "ProjectStore.h"
#include "StoreSchema.h"

#include <charconv>
#include <cstring>

namespace rs::store {

namespace {

std::string openError(sqlite3* db, int rc) {
    std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    const int sys = db ? sqlite3_system_errno(db) : 0;
    if (sys != 0)
        msg += std::string(" (") + std::strerror(sys) + ")";
    return msg;
}

// No URI flag: a user's path is taken literally, never as "file:...?mode=" options.
sqlite3* openSqlite(const SqliteConnection& d, int flags, std::string* why) {
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(d.path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        *why = "cannot open " + d.path + ": " + openError(db, rc);
        sqlite3_close_v2(db);
        return nullptr;
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, int(d.busyTimeout.count()));
    return db;
}

// Connection settings, and the schema upgrade of a file opened for writing. Throws
// StoreError; *refusal is set instead when another process made the file unacceptable
// between the checks and the write lock.
void prepareConnection(SqliteConnection& d, ProjectFileKind& kind, std::string* refusal) {
    d.exec("PRAGMA foreign_keys = ON");
    // Without it a REPLACE that deletes a row fires no DELETE trigger, and REPLACE INTO
    // reviews would rewrite a review past the append-only triggers. No table the store
    // itself replaces rows in has a DELETE trigger.
    d.exec("PRAGMA recursive_triggers = ON");
    if (d.readOnly) {
        d.exec("PRAGMA query_only = ON");
    } else {
        // Not an error when the file system cannot do WAL: it stays in rollback mode.
        d.exec("PRAGMA journal_mode = WAL");
        d.exec("PRAGMA synchronous = NORMAL");
    }
    d.exec("PRAGMA cache_size = -32768");
    registerInSetFunction(d);
    if (d.readOnly || (kind.kind != ProjectFileKind::Empty && kind.version >= kSchemaVersion))
        return;
    d.beginImmediate();
    // Another process may have created or upgraded the file meanwhile.
    kind = inspectProjectFile(d.db);
    if (std::string why = describeRefusal(d.path, kind, false); !why.empty()) {
        d.rollbackQuietly();
        *refusal = why;
        return;
    }
    try {
        upgradeSchema(d, kind.kind == ProjectFileKind::Empty ? 0 : kind.version);
        d.commit();
    } catch (...) {
        d.rollbackQuietly();
        throw;
    }
}

} // namespace

ProjectFileKind inspectProjectFile(sqlite3* db) {
    ProjectFileKind k;
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
        k.kind = primary == SQLITE_NOTADB    ? ProjectFileKind::NotSqlite
                 : primary == SQLITE_CORRUPT ? ProjectFileKind::Damaged
                                             : ProjectFileKind::Unreadable;
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
    if (appId != std::to_string(kApplicationId)) {
        k.kind = ProjectFileKind::Foreign;
        return k;
    }
    std::string version;
    const int rc = scalar("SELECT value FROM meta WHERE key = 'schema_version'", &version);
    const auto [end, ec] =
        std::from_chars(version.data(), version.data() + version.size(), k.version);
    if (rc != SQLITE_OK || ec != std::errc() || end != version.data() + version.size() ||
        k.version < 1) {
        k.kind = ProjectFileKind::Damaged;
        k.message = rc == SQLITE_OK ? "bad schema version" : sqlite3_errmsg(db);
        return k;
    }
    k.kind = ProjectFileKind::Project;
    return k;
}

std::string describeRefusal(const std::string& path, const ProjectFileKind& k, bool readOnly) {
    switch (k.kind) {
    case ProjectFileKind::NotSqlite:
        return path + " is not a ReasonScope project (not an SQLite database)";
    case ProjectFileKind::Foreign:
        return path + " is not a ReasonScope project (an SQLite database of another application)";
    case ProjectFileKind::Damaged:
        return path + " is a damaged ReasonScope project (" + k.message + ")";
    case ProjectFileKind::Unreadable:
        return "cannot read " + path + ": " + k.message;
    case ProjectFileKind::Empty:
        return readOnly ? path + " is not a ReasonScope project (empty database)" : std::string();
    case ProjectFileKind::Project:
        if (k.version > kSchemaVersion)
            return path + " was made by a newer ReasonScope (schema " + std::to_string(k.version) +
                   "); this version reads up to " + std::to_string(kSchemaVersion);
        if (readOnly && k.version < kSchemaVersion)
            return path + " was made by an older ReasonScope (schema " + std::to_string(k.version) +
                   "); open it for writing once to upgrade it";
        return {};
    }
    return {};
}

std::unique_ptr<SqliteConnection> openProjectFile(const std::string& path, bool readOnly,
                                                  std::string* error) {
    auto refuse = [&](std::string msg) {
        if (error)
            *error = std::move(msg);
        return std::unique_ptr<SqliteConnection>();
    };
    if (error)
        error->clear();
    if (path.empty())
        return refuse("no project file given");

    auto d = std::make_unique<SqliteConnection>();
    d->path = path;
    d->readOnly = readOnly;

    // Decide through a read-only connection: when the last read-write connection closes,
    // SQLite checkpoints the log into the file, and a refused file must not change at all.
    // (A read-only connection to a WAL file may leave SQLite's empty -wal/-shm beside it.)
    std::string why;
    ProjectFileKind kind;
    d->db = openSqlite(*d, SQLITE_OPEN_READONLY, &why);
    if (d->db) {
        kind = inspectProjectFile(d->db);
        if (std::string refusal = describeRefusal(path, kind, readOnly); !refusal.empty())
            return refuse(refusal);
    } else if (readOnly) {
        return refuse(why);
    } // else the file may not exist yet; the read-write open says why it cannot be made

    if (!readOnly) {
        sqlite3_close_v2(d->db);
        d->db = openSqlite(*d, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &why);
        if (!d->db)
            return refuse(why);
        // SQLite quietly falls back to read-only when the file cannot be opened for writing.
        if (sqlite3_db_readonly(d->db, "main") == 1)
            return refuse("cannot write " + path + ": the file or its folder is read-only");
        // The file may have been replaced in between; nothing has been written yet.
        kind = inspectProjectFile(d->db);
        if (std::string refusal = describeRefusal(path, kind, false); !refusal.empty())
            return refuse(refusal);
    }

    try {
        std::string refusal;
        prepareConnection(*d, kind, &refusal);
        if (!refusal.empty())
            return refuse(refusal);
    } catch (const StoreError& e) {
        return refuse((kind.kind == ProjectFileKind::Empty ? "cannot create " : "cannot open ") +
                      path + ": " + e.what());
    }
    return d;
}

} // namespace rs::store
