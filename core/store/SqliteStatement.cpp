#include "SqliteStatement.h"

namespace rs::store {

SqliteStatement::SqliteStatement(SqliteConnection& d, const std::string& sql) : d_(d) {
    auto it = d.cache.find(sql);
    if (it == d.cache.end()) {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v3(d.db, sql.c_str(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &st,
                               nullptr) != SQLITE_OK)
            d.fail("cannot prepare a query on " + d.path);
        it = d.cache.emplace(sql, SqliteConnection::CachedStatement{st, false}).first;
    }
    if (!it->second.inUse) {
        cached_ = &it->second;
        cached_->inUse = true;
        st_ = cached_->stmt;
    } else if (sqlite3_prepare_v2(d.db, sql.c_str(), int(sql.size()), &st_, nullptr) != SQLITE_OK) {
        d.fail("cannot prepare a query on " + d.path);
    }
}

SqliteStatement::~SqliteStatement() {
    if (cached_) {
        sqlite3_reset(st_);
        sqlite3_clear_bindings(st_);
        cached_->inUse = false;
    } else {
        sqlite3_finalize(st_);
    }
}

SqliteStatement& SqliteStatement::bind(int i, const std::string& s) {
    check(sqlite3_bind_text64(st_, i, s.data(), s.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
    return *this;
}

SqliteStatement& SqliteStatement::bind(int i, std::int64_t v) {
    check(sqlite3_bind_int64(st_, i, v));
    return *this;
}

SqliteStatement& SqliteStatement::bindNull(int i) {
    check(sqlite3_bind_null(st_, i));
    return *this;
}

SqliteStatement& SqliteStatement::bindAll(const std::vector<SqlValue>& values) {
    int i = 1;
    for (const SqlValue& v : values) {
        if (const auto* n = std::get_if<std::int64_t>(&v))
            bind(i++, *n);
        else
            bind(i++, std::get<std::string>(v));
    }
    return *this;
}

bool SqliteStatement::step() {
    const int rc = sqlite3_step(st_);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    d_.fail("query failed on " + d_.path);
}

bool SqliteStatement::isNull(int c) const {
    return sqlite3_column_type(st_, c) == SQLITE_NULL;
}

bool SqliteStatement::isText(int c) const {
    return sqlite3_column_type(st_, c) == SQLITE_TEXT;
}

std::int64_t SqliteStatement::integer(int c) const {
    return sqlite3_column_int64(st_, c);
}

std::string SqliteStatement::text(int c) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st_, c));
    return p ? std::string(p, std::size_t(sqlite3_column_bytes(st_, c))) : std::string();
}

void SqliteStatement::check(int rc) {
    if (rc != SQLITE_OK)
        d_.fail("cannot bind a value on " + d_.path);
}

} // namespace rs::store
