#include "CaseIdSets.h"

#include "SqliteStatement.h"

#include <algorithm>

namespace rs::store {

namespace {

void inSetFunction(sqlite3_context* ctx, int, sqlite3_value** argv) {
    auto* d = static_cast<SqliteConnection*>(sqlite3_user_data(ctx));
    const std::int64_t slot = sqlite3_value_int64(argv[0]);
    if (slot < 0 || slot >= CaseIdSets::SlotCount) {
        sqlite3_result_error(ctx, "rs_in_set: no such slot", -1);
        return;
    }
    sqlite3_result_int(ctx, d->idSets.sets[slot].contains(sqlite3_value_int64(argv[1])) ? 1 : 0);
}

} // namespace

void registerInSetFunction(SqliteConnection& d) {
    // Direct-only: the schema (triggers, views) must never depend on this connection state.
    if (sqlite3_create_function_v2(d.db, "rs_in_set", 2, SQLITE_UTF8 | SQLITE_DIRECTONLY, &d,
                                   inSetFunction, nullptr, nullptr, nullptr) != SQLITE_OK)
        d.fail("cannot register functions on " + d.path);
}

std::string inIdSet(CaseIdSets::Slot slot, const std::string& idColumn) {
    return "rs_in_set(" + std::to_string(int(slot)) + ", " + idColumn + ")";
}

void fillIdSet(SqliteConnection& d, CaseIdSets::Slot slot, const std::string& sql,
               const std::vector<SqlValue>& params) {
    std::string key = sql;
    for (const SqlValue& v : params) {
        key += '\x1f';
        key += std::holds_alternative<std::int64_t>(v) ? std::to_string(std::get<0>(v))
                                                       : std::get<1>(v);
    }
    // A query that tests membership in another set (the facet cases of a search test the
    // FTS hits) depends on what that set holds, which its SQL text does not show.
    for (int other = 0; other < CaseIdSets::SlotCount; ++other)
        if (other != slot &&
            sql.find("rs_in_set(" + std::to_string(other) + ",") != std::string::npos) {
            key += '\x1e';
            key += d.idSets.sets[other].key;
        }
    std::int64_t version = 0;
    {
        SqliteStatement q(d, "PRAGMA data_version");
        q.step();
        version = q.integer(0);
    }
    // data_version sees other connections' commits, total_changes this one's.
    const std::int64_t changes = sqlite3_total_changes64(d.db);
    auto& set = d.idSets.sets[slot];
    if (set.key == key && set.dataVersion == version && set.changes == changes)
        return;
    set.key.clear();
    set.bits.clear();
    {
        SqliteStatement q(d, "SELECT max(id) FROM cases");
        q.step();
        set.bits.resize(std::size_t(std::max<std::int64_t>(q.integer(0), 0)) + 1);
    }
    SqliteStatement q(d, sql);
    q.bindAll(params);
    while (q.step()) {
        const std::int64_t id = q.integer(0);
        if (id >= 0 && std::uint64_t(id) < set.bits.size())
            set.bits[std::size_t(id)] = true;
    }
    set.key = std::move(key);
    set.dataVersion = version;
    set.changes = changes;
}

} // namespace rs::store
