#include "SqliteConnection.h"

#include "ProjectStore.h"
#include "SqliteStatement.h"

#include <thread>

namespace rs::store {

bool isBusy(int rc) {
    return (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED;
}

SqliteConnection::~SqliteConnection() {
    for (auto& [sql, c] : cache)
        sqlite3_finalize(c.stmt);
    if (db)
        sqlite3_close_v2(db);
}

void SqliteConnection::fail(const std::string& what) const {
    throw StoreError(what + ": " + sqlite3_errmsg(db));
}

void SqliteConnection::exec(const char* sql) {
    if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
        fail(std::string("SQL failed on ") + path);
}

void SqliteConnection::beginImmediate() {
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

void SqliteConnection::commit() {
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

void SqliteConnection::rollbackQuietly() noexcept {
    if (!sqlite3_get_autocommit(db))
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
}

WriteScope::WriteScope(SqliteConnection& d) : d_(d), own_(!d.inTransaction()) {
    if (own_)
        d_.beginImmediate();
    else
        SqliteStatement(d_, "SAVEPOINT rs_write").run();
}

WriteScope::~WriteScope() {
    if (done_)
        return;
    if (own_) {
        d_.rollbackQuietly();
    } else if (d_.inTransaction()) {
        // SQLite may already have rolled back the whole transaction (I/O error, full
        // disk); then there is no savepoint left and the caller's commit will fail.
        sqlite3_exec(d_.db, "ROLLBACK TO rs_write; RELEASE rs_write", nullptr, nullptr, nullptr);
    }
}

void WriteScope::commit() {
    if (own_)
        d_.commit();
    else
        SqliteStatement(d_, "RELEASE rs_write").run();
    done_ = true;
}

} // namespace rs::store
