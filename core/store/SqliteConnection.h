#pragma once
// One SQLite connection of a project store: the handle, its prepared-statement cache, the
// case-id sets the listing queries test membership in, and the transaction primitives.
// Everything in core/store works on one of these; ProjectStore owns it.
#include "CaseIdSets.h"

#include <sqlite3.h>

#include <chrono>
#include <string>
#include <unordered_map>

namespace rs::store {

// Extended result codes are on; both BUSY and LOCKED mean "another connection holds it".
bool isBusy(int rc);

struct SqliteConnection {
    sqlite3* db = nullptr;
    std::string path;
    bool readOnly = false;
    std::chrono::milliseconds busyTimeout{5000};

    struct CachedStatement {
        sqlite3_stmt* stmt = nullptr;
        bool inUse = false;
    };
    std::unordered_map<std::string, CachedStatement> cache;
    CaseIdSets idSets;

    SqliteConnection() = default;
    ~SqliteConnection();
    SqliteConnection(const SqliteConnection&) = delete;
    SqliteConnection& operator=(const SqliteConnection&) = delete;

    // Throws StoreError with what and SQLite's message.
    [[noreturn]] void fail(const std::string& what) const;
    void exec(const char* sql);
    // Waits for another writer up to busyTimeout. SQLite's own busy handler already sleeps;
    // the loop covers the cases where it returns BUSY without waiting (e.g. WAL recovery).
    void beginImmediate();
    // Without WAL (e.g. on a file system that cannot share memory) COMMIT can meet readers.
    void commit();
    void rollbackQuietly() noexcept;
    bool inTransaction() const { return !sqlite3_get_autocommit(db); }
};

// Makes one write method atomic: its own transaction when none is open, else a savepoint
// inside the caller's, so a failed call never leaves half a case behind either way.
class WriteScope {
public:
    explicit WriteScope(SqliteConnection& d);
    ~WriteScope();
    WriteScope(const WriteScope&) = delete;
    WriteScope& operator=(const WriteScope&) = delete;
    void commit();

private:
    SqliteConnection& d_;
    bool own_;
    bool done_ = false;
};

} // namespace rs::store
