#include "PullCommand.h"

#include "PublishCommand.h"

#ifdef RS_HAVE_LIBPQ
#include "Puller.h"
#endif

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>
#include <unordered_map>

namespace rs {

namespace {

constexpr const char* kPullUsage = R"(Usage:
  reasonscope pull --db TARGET [--name NAME] --project FILE [--json]
      Copies a published project from a team-review PostgreSQL server into a new project
      file FILE: its runs, cases, analyses and findings, and every verdict as a review
      (reviewer: the server role). Reports, compare, gate and the window then read it as
      any project file; reviews written to FILE stay in FILE. NAME defaults to the
      ?project= of a TARGET URI. TARGET and passwords as for `reasonscope publish`.
)";

int usage(const std::string& message) {
    std::cerr << "reasonscope: " << message << "\n\n" << kPullUsage;
    return 2;
}

} // namespace

int runPullCommand(const std::vector<std::string>& args) {
    std::string project, target, name;
    bool json = false;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--project" || a == "--db" || a == "--name") {
            if (i + 1 >= args.size())
                return usage(a + " needs a value");
            (a == "--project" ? project : a == "--db" ? target : name) = args[++i];
        } else if (a == "--json")
            json = true;
        else if (a == "--help" || a == "-h") {
            std::cout << kPullUsage;
            return 0;
        } else
            return usage("unknown argument: " + a);
    }
#ifndef RS_HAVE_LIBPQ
    (void)json;
    return usage("this ReasonScope was built without PostgreSQL support (libpq-dev was not "
                 "found when it was built)");
#else
    if (project.empty() || target.empty())
        return usage("pull needs --db TARGET and --project FILE");
    if (targetHasPassword(target))
        return usage("--db must not hold a password: put it in ~/.pgpass or the libpq service "
                     "file");
    if (name.empty())
        server::connectionString(target, &name);
    if (name.empty())
        return usage("name the project with --name NAME or ?project=NAME");
    try {
        auto conn = server::PgConnection::connect(target);
        const auto r = server::pullProject(*conn, name, project);
        if (json)
            std::cout << nlohmann::json{{"project", name},
                                        {"runs", r.runs},
                                        {"cases", r.cases},
                                        {"analyses", r.analyses},
                                        {"verdicts", r.verdicts},
                                        {"unmatched_verdicts", r.unmatchedVerdicts}}
                             .dump(2)
                      << "\n";
        else
            std::cout << "Pulled \"" << name << "\" into " << project << ": " << r.runs
                      << " run(s), " << r.cases << " cases, " << r.verdicts << " verdicts.\n";
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "reasonscope: " << e.what() << "\n";
        return 1;
    }
#endif
}

bool pullSnapshot(const std::string& target, std::string name, const std::string& projectPath,
                  std::string* label, std::string* error, bool* usageError,
                  SnapshotSearch* search) {
    *usageError = true;
#ifndef RS_HAVE_LIBPQ
    (void)target, (void)name, (void)projectPath, (void)label, (void)search;
    *error = "this ReasonScope was built without PostgreSQL support (libpq-dev was not found "
             "when it was built)";
    return false;
#else
    if (targetHasPassword(target)) {
        *error = "--db must not hold a password: put it in ~/.pgpass or the libpq service file";
        return false;
    }
    if (name.empty())
        server::connectionString(target, &name);
    if (name.empty()) {
        *error = "name the project with --name NAME or ?project=NAME";
        return false;
    }
    *usageError = false;
    try {
        std::shared_ptr<server::PgConnection> conn = server::PgConnection::connect(target);
        const auto pulled = server::pullProject(*conn, name, projectPath);
        *label = "\"" + name + "\" on the team server " + server::connectionString(target);
        if (search) {
            auto ids = std::make_shared<const std::unordered_map<std::int64_t, std::int64_t>>(
                pulled.caseIds);
            const std::string project = std::to_string(pulled.projectId);
            *search = [conn, ids, project](const std::string& text) {
                auto r = conn->execParams("SELECT id FROM rs.cases WHERE project_id = $1 AND "
                                          "search @@ websearch_to_tsquery('english', $2)",
                                          {project, text});
                std::vector<std::int64_t> out;
                for (int i = 0; i < r.rows(); ++i)
                    if (const auto local = ids->find(r.integer(i, 0)); local != ids->end())
                        out.push_back(local->second);
                return out;
            };
        }
        return true;
    } catch (const std::exception& e) {
        *error = e.what();
        return false;
    }
#endif
}

} // namespace rs
