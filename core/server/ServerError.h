#pragma once
// What went wrong talking to the team-review server, sorted by what the user can do about
// it: a refused login (check the role and ~/.pgpass or the service file), a lost connection
// (retry; nothing committed is lost), a server whose schema this version cannot use, a
// statement the server refused (a permission, the append-only rule), or anything else.
#include <stdexcept>
#include <string>

namespace rs::server {

class ServerError : public std::runtime_error {
public:
    enum class Kind { Login, ConnectionLost, Schema, Refused, Other };
    ServerError(Kind kind, const std::string& message, std::string sqlState = {})
        : std::runtime_error(message), kind_(kind), sqlState_(std::move(sqlState)) {}
    Kind kind() const { return kind_; }
    // The five-character SQLSTATE of a server error, empty for client-side ones.
    const std::string& sqlState() const { return sqlState_; }

private:
    Kind kind_;
    std::string sqlState_;
};

} // namespace rs::server
