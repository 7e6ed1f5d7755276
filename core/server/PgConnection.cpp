#include "PgConnection.h"

#include <algorithm>
#include <cstdlib>

namespace rs::server {

namespace {

std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' '))
        s.pop_back();
    return s;
}

bool contains(const std::string& s, const char* part) {
    return s.find(part) != std::string::npos;
}

ServerError::Kind kindOfConnectFailure(const std::string& message) {
    for (const char* login : {"password authentication failed", "no password supplied",
                              "authentication failed", "pg_hba.conf", "does not exist",
                              "permission denied for database", "not permitted to log in"})
        if (contains(message, login))
            return ServerError::Kind::Login;
    return ServerError::Kind::ConnectionLost;
}

ServerError::Kind kindOfSqlState(const std::string& state) {
    if (state == "42501" || state == "P0001" || state.rfind("23", 0) == 0)
        return ServerError::Kind::Refused;
    if (state.rfind("28", 0) == 0)
        return ServerError::Kind::Login;
    if (state.rfind("08", 0) == 0 || state.rfind("57P", 0) == 0)
        return ServerError::Kind::ConnectionLost;
    return ServerError::Kind::Other;
}

} // namespace

std::string PgResult::text(int row, int col) const {
    const char* v = PQgetvalue(r_.get(), row, col);
    return v ? std::string(v, std::size_t(PQgetlength(r_.get(), row, col))) : std::string();
}

std::int64_t PgResult::integer(int row, int col) const {
    return std::strtoll(PQgetvalue(r_.get(), row, col), nullptr, 10);
}

std::int64_t PgResult::affected() const {
    const char* n = r_ ? PQcmdTuples(r_.get()) : "";
    return *n ? std::strtoll(n, nullptr, 10) : 0;
}

std::unique_ptr<PgConnection> PgConnection::connect(const std::string& target) {
    PGconn* conn = PQconnectdb(connectionString(target).c_str());
    if (!conn)
        throw ServerError(ServerError::Kind::Other, "out of memory connecting to the server");
    if (PQstatus(conn) != CONNECTION_OK) {
        const std::string message = trimmed(PQerrorMessage(conn));
        PQfinish(conn);
        const auto kind = kindOfConnectFailure(message);
        throw ServerError(kind,
                          (kind == ServerError::Kind::Login ? "the server refused the login: "
                                                            : "could not connect to the server: ") +
                              message);
    }
    // Server messages in a fixed form, whatever the client's locale.
    PQsetErrorVerbosity(conn, PQERRORS_DEFAULT);
    return std::unique_ptr<PgConnection>(new PgConnection(conn));
}

PgConnection::~PgConnection() {
    PQfinish(conn_);
}

bool PgConnection::isOpen() const {
    return PQstatus(conn_) == CONNECTION_OK;
}

void PgConnection::reset() {
    PQreset(conn_);
    if (PQstatus(conn_) != CONNECTION_OK) {
        const std::string message = trimmed(PQerrorMessage(conn_));
        throw ServerError(kindOfConnectFailure(message),
                          "could not reconnect to the server: " + message);
    }
}

void PgConnection::fail(const PGresult* r, const std::string& what) {
    const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    const std::string sqlState = state ? state : "";
    const std::string message =
        trimmed(r && *PQresultErrorMessage(r) ? PQresultErrorMessage(r) : PQerrorMessage(conn_));
    if (PQstatus(conn_) != CONNECTION_OK)
        throw ServerError(ServerError::Kind::ConnectionLost,
                          "lost the connection to the server (" + what + "): " + message, sqlState);
    throw ServerError(kindOfSqlState(sqlState), message, sqlState);
}

PgResult PgConnection::exec(const std::string& sql) {
    PGresult* r = PQexec(conn_, sql.c_str());
    const auto status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        PgResult keep(r);
        fail(r, "a statement");
    }
    return PgResult(r);
}

PgResult PgConnection::execParams(const std::string& sql, const std::vector<PgParam>& params) {
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params)
        values.push_back(p ? p->c_str() : nullptr);
    PGresult* r = PQexecParams(conn_, sql.c_str(), int(values.size()), nullptr, values.data(),
                               nullptr, nullptr, 0);
    const auto status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        PgResult keep(r);
        fail(r, "a statement");
    }
    return PgResult(r);
}

void PgConnection::copyIn(const std::string& copySql, const std::string& data) {
    PGresult* start = PQexec(conn_, copySql.c_str());
    if (!start || PQresultStatus(start) != PGRES_COPY_IN) {
        PgResult keep(start);
        fail(start, "COPY");
    }
    PQclear(start);
    constexpr std::size_t kChunk = 1 << 20;
    for (std::size_t at = 0; at < data.size(); at += kChunk) {
        const std::size_t n = std::min(kChunk, data.size() - at);
        if (PQputCopyData(conn_, data.data() + at, int(n)) != 1)
            fail(nullptr, "COPY");
    }
    if (PQputCopyEnd(conn_, nullptr) != 1)
        fail(nullptr, "COPY");
    PGresult* end = PQgetResult(conn_);
    PgResult keep(end);
    const bool ok = end && PQresultStatus(end) == PGRES_COMMAND_OK;
    while (PGresult* more = PQgetResult(conn_))
        PQclear(more);
    if (!ok)
        fail(end, "COPY");
}

std::string PgConnection::role() {
    return execParams("SELECT session_user", {}).text(0, 0);
}

void copyField(std::string& out, const std::optional<std::string>& value) {
    if (!value) {
        out += "\\N";
        return;
    }
    for (const char ch : *value) {
        switch (ch) {
        case '\\':
            out += "\\\\";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\0':
            break; // text cannot hold NUL; SQLite text never should either
        default:
            out += ch;
        }
    }
}

PgTransaction::PgTransaction(PgConnection& c) : c_(c) {
    c_.execParams("BEGIN", {});
}

PgTransaction::~PgTransaction() {
    if (!done_ && c_.isOpen())
        PQclear(PQexec(c_.handle(), "ROLLBACK"));
}

void PgTransaction::commit() {
    c_.execParams("COMMIT", {});
    done_ = true;
}

std::string connectionString(const std::string& target, std::string* project) {
    const bool isUri = target.rfind("postgresql://", 0) == 0 || target.rfind("postgres://", 0) == 0;
    if (!isUri)
        return target.find('=') != std::string::npos ? target : "service=" + target;
    const auto q = target.find('?');
    if (q == std::string::npos)
        return target;
    std::string kept;
    std::size_t at = q + 1;
    while (at <= target.size()) {
        auto amp = target.find('&', at);
        if (amp == std::string::npos)
            amp = target.size();
        const std::string pair = target.substr(at, amp - at);
        if (pair.rfind("project=", 0) == 0) {
            if (project)
                *project = pair.substr(8);
        } else if (!pair.empty())
            kept += (kept.empty() ? "" : "&") + pair;
        at = amp + 1;
    }
    return target.substr(0, q) + (kept.empty() ? "" : "?" + kept);
}

} // namespace rs::server
