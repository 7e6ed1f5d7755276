#pragma once
// A prepared statement from the connection's cache (or a fresh one when the cached one is
// busy, e.g. a callback of forEachCase querying the store again). Reset on destruction so
// bound values and read locks never outlive the call.
#include "SqliteConnection.h"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace rs::store {

// A value bound to a placeholder of SQL built at run time (see CaseListingSql).
using SqlValue = std::variant<std::int64_t, std::string>;

class SqliteStatement {
public:
    SqliteStatement(SqliteConnection& d, const std::string& sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    SqliteStatement& bind(int i, const std::string& s);
    SqliteStatement& bind(int i, const char* s) { return bind(i, std::string(s)); }
    SqliteStatement& bind(int i, std::int64_t v);
    SqliteStatement& bind(int i, int v) { return bind(i, std::int64_t(v)); }
    SqliteStatement& bind(int i, std::size_t v) { return bind(i, std::int64_t(v)); }
    SqliteStatement& bindNull(int i);
    template <class T> SqliteStatement& bind(int i, const std::optional<T>& v) {
        return v ? bind(i, *v) : bindNull(i);
    }
    SqliteStatement& bind(int i, std::optional<bool> v) {
        return v ? bind(i, std::int64_t(*v ? 1 : 0)) : bindNull(i);
    }
    // Binds the values to placeholders 1, 2, ... in order.
    SqliteStatement& bindAll(const std::vector<SqlValue>& values);

    // True while there is a row.
    bool step();
    void run() {
        while (step()) {
        }
    }

    bool isNull(int c) const;
    bool isText(int c) const;
    std::int64_t integer(int c) const;
    std::string text(int c) const;

private:
    void check(int rc);
    SqliteConnection& d_;
    SqliteConnection::CachedStatement* cached_ = nullptr;
    sqlite3_stmt* st_ = nullptr;
};

} // namespace rs::store
