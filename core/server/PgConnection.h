#pragma once
// One libpq connection to the team-review server. Statements with values go through
// execParams (PQexecParams: the values travel apart from the SQL text, never spliced into
// it); bulk rows through copyIn (COPY ... FROM STDIN, text format). Failures throw
// ServerError with the kind set from the connection state and the SQLSTATE.
//
// The target is a libpq connection URI (postgresql://host/db?sslmode=require) or
// key=value string, or a bare word, taken as a service name of the libpq service file
// (~/.pg_service.conf, PGSERVICEFILE). Passwords come from libpq's own sources (the
// password file ~/.pgpass or PGPASSFILE, the service file); ReasonScope never asks for,
// stores or passes one. sslmode and the other libpq options in the target are honoured.
#include "ServerError.h"

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace rs::server {

class PgResult {
public:
    explicit PgResult(PGresult* r = nullptr) : r_(r, &PQclear) {}
    int rows() const { return r_ ? PQntuples(r_.get()) : 0; }
    bool isNull(int row, int col) const { return PQgetisnull(r_.get(), row, col) != 0; }
    std::string text(int row, int col) const;
    std::int64_t integer(int row, int col) const;
    // Rows changed by an INSERT/UPDATE/DELETE, 0 for other statements.
    std::int64_t affected() const;

private:
    std::unique_ptr<PGresult, void (*)(PGresult*)> r_;
};

using PgParam = std::optional<std::string>; // nullopt is SQL NULL

class PgConnection {
public:
    // Throws ServerError (Login when the server refused the role or its password,
    // ConnectionLost when it could not be reached).
    static std::unique_ptr<PgConnection> connect(const std::string& target);
    ~PgConnection();
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    // SQL without values (DDL, BEGIN/COMMIT); may hold several statements.
    PgResult exec(const std::string& sql);
    PgResult execParams(const std::string& sql, const std::vector<PgParam>& params);
    // Sends data (COPY text format, see copyField) to a `COPY ... FROM STDIN` statement.
    void copyIn(const std::string& copySql, const std::string& data);

    bool isOpen() const;
    // Reconnects with the same target (after a lost connection). Throws as connect.
    void reset();
    // The role the server knows this connection as (session_user).
    std::string role();
    PGconn* handle() { return conn_; }

private:
    explicit PgConnection(PGconn* conn) : conn_(conn) {}
    [[noreturn]] void fail(const PGresult* r, const std::string& what);
    PGconn* conn_ = nullptr;
};

// Appends one field of a COPY text-format row: backslash, tab, newline and carriage return
// escaped; nullopt as \N. The caller writes '\t' between fields and '\n' after a row.
void copyField(std::string& out, const std::optional<std::string>& value);

// A transaction on the connection: BEGIN now, ROLLBACK on destruction unless committed.
class PgTransaction {
public:
    explicit PgTransaction(PgConnection& c);
    ~PgTransaction();
    PgTransaction(const PgTransaction&) = delete;
    PgTransaction& operator=(const PgTransaction&) = delete;
    void commit();

private:
    PgConnection& c_;
    bool done_ = false;
};

// The libpq connection string of a target: a URI or key=value string as it is, a bare word
// as "service=WORD". A `project=NAME` query parameter of a URI (not a libpq option) is
// removed and returned in *project when given.
std::string connectionString(const std::string& target, std::string* project = nullptr);

} // namespace rs::server
