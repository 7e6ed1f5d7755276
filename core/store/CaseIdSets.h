#pragma once
// Case-id sets the case-table queries test membership in through rs_in_set(slot, id): an
// IN (subquery) would rebuild its set in every statement (about 60 ms for an FTS5 term in
// 100k cases), a bitmap is built once and then costs nothing per row. A set is valid while
// neither this connection nor another one has changed the file.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace rs::store {

struct SqliteConnection;
using SqlValue = std::variant<std::int64_t, std::string>;

struct CaseIdSets {
    enum Slot { FtsHits, FacetCases, SlotCount };
    struct IdSet {
        std::string key;
        std::int64_t dataVersion = -1, changes = -1;
        std::vector<bool> bits;
        bool contains(std::int64_t id) const {
            return id >= 0 && std::uint64_t(id) < bits.size() && bits[std::size_t(id)];
        }
    };
    IdSet sets[SlotCount];
};

// Registers rs_in_set(slot, id) on the connection.
void registerInSetFunction(SqliteConnection& d);

// Fills the slot with the ids the query returns, unless it holds them already.
void fillIdSet(SqliteConnection& d, CaseIdSets::Slot slot, const std::string& sql,
               const std::vector<SqlValue>& params);

// "rs_in_set(<slot>, <idColumn>)", the SQL that tests membership in the slot.
std::string inIdSet(CaseIdSets::Slot slot, const std::string& idColumn);

} // namespace rs::store
