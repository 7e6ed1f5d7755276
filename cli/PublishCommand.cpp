#include "PublishCommand.h"

#ifdef RS_HAVE_LIBPQ
#include "Publisher.h"
#include "ServerSchema.h"
#endif

#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>

namespace rs {

namespace {

constexpr const char* kPublishUsage = R"(Usage:
  reasonscope publish --project FILE --db TARGET [--name NAME] [--json]
  reasonscope publish --print-roles
      Copies the project's runs, cases, findings and their evidence to a team-review
      PostgreSQL server, in one transaction, under NAME (default: the file's name without
      its extension). Publishing again adds the runs the server does not have yet and
      changes nothing already there, verdicts included; runs whose analysis was cut short
      are left out. TARGET is a libpq connection URI (postgresql://host/db?sslmode=require)
      or the name of a service in the libpq service file (~/.pg_service.conf). The password
      comes from ~/.pgpass (PGPASSFILE) or the service file: a TARGET that holds one is
      refused. The first publish creates the schema; the group roles must exist
      (--print-roles prints their SQL; docs/team-review.md).
)";

int usage(const std::string& message) {
    std::cerr << "reasonscope: " << message << "\n\n" << kPublishUsage;
    return 2;
}

} // namespace

bool targetHasPassword(const std::string& target) {
    if (target.rfind("postgresql://", 0) == 0 || target.rfind("postgres://", 0) == 0) {
        const auto start = target.find("://") + 3;
        const auto at = target.find('@', start);
        const auto slash = target.find('/', start);
        if (at != std::string::npos && (slash == std::string::npos || at < slash) &&
            target.substr(start, at - start).find(':') != std::string::npos)
            return true;
        const auto q = target.find('?');
        return q != std::string::npos && (target.find("?password=", q) != std::string::npos ||
                                          target.find("&password=", q) != std::string::npos);
    }
    const auto p = target.find("password");
    return p != std::string::npos && (p == 0 || target[p - 1] == ' ') &&
           target.find_first_not_of(' ', p + 8) != std::string::npos &&
           target[target.find_first_not_of(' ', p + 8)] == '=';
}

int runPublishCommand(const std::vector<std::string>& args) {
    std::string project, target, name;
    bool json = false, printRoles = false;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](std::string& out) {
            if (i + 1 >= args.size())
                return false;
            out = args[++i];
            return true;
        };
        if (a == "--project" || a == "--db" || a == "--name") {
            std::string& out = a == "--project" ? project : a == "--db" ? target : name;
            if (!value(out))
                return usage(a + " needs a value");
        } else if (a == "--json")
            json = true;
        else if (a == "--print-roles")
            printRoles = true;
        else if (a == "--help" || a == "-h") {
            std::cout << kPublishUsage;
            return 0;
        } else
            return usage("unknown argument: " + a);
    }
#ifndef RS_HAVE_LIBPQ
    (void)json;
    (void)printRoles;
    return usage("this ReasonScope was built without PostgreSQL support (libpq-dev was not "
                 "found when it was built)");
#else
    if (printRoles) {
        std::cout << server::kRoleSetupSql;
        return 0;
    }
    if (project.empty() || target.empty())
        return usage("publish needs --project FILE and --db TARGET");
    if (targetHasPassword(target))
        return usage("--db must not hold a password (it would be seen in the process list and "
                     "the shell history): put it in ~/.pgpass or the libpq service file");
    if (name.empty())
        server::connectionString(target, &name);
    if (name.empty())
        name = std::filesystem::path(project).stem().string();
    try {
        auto conn = server::PgConnection::connect(target);
        const auto r = server::publishProject(*conn, project, name);
        if (json) {
            std::cout << nlohmann::json{{"project", name},
                                        {"project_id", r.projectId},
                                        {"runs_added", r.runsAdded},
                                        {"runs_already_published", r.runsAlreadyThere},
                                        {"runs_incomplete", r.runsIncomplete},
                                        {"cases", r.cases},
                                        {"findings", r.findings},
                                        {"analyses", r.analyses},
                                        {"queued", r.queued}}
                             .dump(2)
                      << "\n";
        } else {
            std::cout << "Published \"" << name << "\": " << r.runsAdded.size() << " new run(s), "
                      << r.cases << " cases, " << r.findings << " findings, " << r.queued
                      << " cases queued for review.\n";
            for (const auto& l : r.runsAlreadyThere)
                std::cout << "  already on the server, unchanged: " << l << "\n";
            for (const auto& l : r.runsIncomplete)
                std::cout << "  left out, its analysis was cut short: " << l << "\n";
        }
        return 0;
    } catch (const server::ServerError& e) {
        std::cerr << "reasonscope: " << e.what() << "\n";
        if (e.kind() == server::ServerError::Kind::ConnectionLost)
            std::cerr << "Nothing was published (the transaction rolled back); run the same "
                         "command again.\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "reasonscope: " << e.what() << "\n";
        return 1;
    }
#endif
}

} // namespace rs
