#include "RunsCommand.h"

#include "CaseResultJson.h"
#include "ProjectStore.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>

namespace rs {

namespace {

using nlohmann::json;
using RunInfo = ProjectStore::RunInfo;

constexpr const char* kRunsUsage = R"(Usage:
  reasonscope runs --project FILE [--json]
  reasonscope runs --project FILE --rename RUN NEW_LABEL [--json]
  reasonscope runs --project FILE --describe RUN TEXT [--json]
  reasonscope runs --project FILE --delete RUN --yes [--json]
      The project's runs: id, label, model, cases, accuracy, whether the analysis stored
      the whole run or was INTERRUPTED (the same analyze command again completes it), and
      the description. RUN is a run's label, or its id when no run has that label. A new
      label must not be another run's. --delete removes the run with its cases, findings
      and review verdicts for good, in one transaction; it needs --yes. --json prints the
      list (after the edit) as JSON.
)";

int usage(const std::string& message) {
    std::cerr << "reasonscope: " << message << "\n\n" << kRunsUsage;
    return 2;
}

int failure(const std::string& message) {
    std::cerr << "reasonscope: " << message << "\n";
    return 1;
}

std::string percent(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", v * 100.0);
    return buf;
}

// The run a user named: by label first; by id only when no run has that label.
const RunInfo* findRun(const std::vector<RunInfo>& runs, const std::string& name,
                       std::string* error) {
    const RunInfo* found = nullptr;
    for (const RunInfo& r : runs)
        if (r.label == name) {
            if (found) {
                *error = "several runs are labelled \"" + name + "\" (ids " +
                         std::to_string(found->id) + " and " + std::to_string(r.id) +
                         "); name the run by its id";
                return nullptr;
            }
            found = &r;
        }
    if (found)
        return found;
    std::int64_t id = 0;
    const auto [end, ec] = std::from_chars(name.data(), name.data() + name.size(), id);
    if (ec == std::errc() && end == name.data() + name.size())
        for (const RunInfo& r : runs)
            if (r.id == id)
                return &r;
    std::string known;
    for (const RunInfo& r : runs)
        known += (known.empty() ? "" : ", ") + std::to_string(r.id) + " \"" + r.label + "\"";
    *error =
        "no run \"" + name + "\" in the project (runs: " + (known.empty() ? "none" : known) + ")";
    return nullptr;
}

json runJson(const RunInfo& r) {
    const std::optional<double> accuracy = r.accuracy();
    return {{"id", r.id},
            {"label", validUtf8(r.label)},
            {"model", validUtf8(r.model)},
            {"source_file", validUtf8(r.sourceFile)},
            {"source_sha256", r.sourceSha256},
            {"imported", r.imported},
            {"cases", r.cases},
            {"correct", r.correct},
            {"incorrect", r.incorrect},
            {"accuracy", accuracy ? json(*accuracy) : json(nullptr)},
            {"complete", r.complete},
            {"description", validUtf8(r.description)}};
}

// One line per run, in columns; a description keeps to its line.
void printTable(const std::vector<RunInfo>& runs, std::ostream& out) {
    if (runs.empty()) {
        out << "No runs in this project.\n";
        return;
    }
    std::vector<std::vector<std::string>> rows = {
        {"ID", "LABEL", "MODEL", "CASES", "ACCURACY", "STATE", "DESCRIPTION"}};
    for (const RunInfo& r : runs) {
        const std::optional<double> acc = r.accuracy();
        std::string description = r.description;
        std::replace_if(
            description.begin(), description.end(),
            [](char ch) { return ch == '\n' || ch == '\r' || ch == '\t'; }, ' ');
        rows.push_back({std::to_string(r.id), r.label, r.model, std::to_string(r.cases),
                        acc ? percent(*acc) + " (" + std::to_string(r.correct) + "/" +
                                  std::to_string(r.correct + r.incorrect) + ")"
                            : "not scored",
                        r.complete ? "complete" : "INTERRUPTED", description});
    }
    std::vector<std::size_t> width(rows.front().size(), 0);
    for (const auto& row : rows)
        for (std::size_t c = 0; c < row.size(); ++c)
            width[c] = std::max(width[c], row[c].size());
    for (const auto& row : rows) {
        std::string line;
        for (std::size_t c = 0; c < row.size(); ++c) {
            line += row[c];
            if (c + 1 < row.size())
                line += std::string(width[c] - row[c].size() + 2, ' ');
        }
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        out << line << "\n";
    }
    for (const RunInfo& r : runs)
        if (!r.complete) {
            out << "\nINTERRUPTED: the analysis storing the run stopped before the end of its "
                   "file; `reasonscope analyze` with the same input completes it.\n";
            break;
        }
}

struct Request {
    std::string project;
    enum class Edit { None, Rename, Describe, Delete } edit = Edit::None;
    std::string run, value;
    bool yes = false, asJson = false;
};

// Parses the arguments; a usage message in *error when they do not make a request.
std::optional<Request> parse(const std::vector<std::string>& args, std::string* error) {
    Request req;
    auto setEdit = [&](Request::Edit e, const char* name) {
        if (req.edit != Request::Edit::None) {
            *error = std::string("one edit at a time: ") + name + " with another";
            return false;
        }
        req.edit = e;
        return true;
    };
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        const std::size_t left = args.size() - i - 1;
        if (a == "--project" && left >= 1) {
            req.project = args[++i];
        } else if (a == "--rename" && left >= 2) {
            if (!setEdit(Request::Edit::Rename, "--rename"))
                return std::nullopt;
            req.run = args[++i];
            req.value = args[++i];
        } else if (a == "--describe" && left >= 2) {
            if (!setEdit(Request::Edit::Describe, "--describe"))
                return std::nullopt;
            req.run = args[++i];
            req.value = args[++i];
        } else if (a == "--delete" && left >= 1) {
            if (!setEdit(Request::Edit::Delete, "--delete"))
                return std::nullopt;
            req.run = args[++i];
        } else if (a == "--yes") {
            req.yes = true;
        } else if (a == "--json") {
            req.asJson = true;
        } else if (a == "--project" || a == "--delete") {
            *error = a + " needs a value";
            return std::nullopt;
        } else if (a == "--rename" || a == "--describe") {
            *error = a + (a == "--rename" ? " needs RUN and NEW_LABEL" : " needs RUN and TEXT");
            return std::nullopt;
        } else {
            *error = "unknown argument: " + a;
            return std::nullopt;
        }
    }
    if (req.project.empty())
        *error = "runs needs --project FILE";
    else if (req.yes && req.edit != Request::Edit::Delete)
        *error = "--yes confirms --delete and goes with it only";
    return error->empty() ? std::optional<Request>(req) : std::nullopt;
}

// Does the edit; the exit status when it cannot, and *done says what it did.
std::optional<int> applyEdit(ProjectStore& store, const Request& req, const RunInfo& run,
                             json* edited, std::string* done) {
    const std::string name = "run " + std::to_string(run.id) + " \"" + run.label + "\"";
    *edited = {{"action", ""}, {"run", run.id}};
    try {
        switch (req.edit) {
        case Request::Edit::Rename:
            store.renameRun(run.id, req.value);
            (*edited)["action"] = "rename";
            (*edited)["label"] = validUtf8(req.value);
            *done = "Renamed " + name + " to \"" + req.value + "\".";
            break;
        case Request::Edit::Describe:
            store.describeRun(run.id, req.value);
            (*edited)["action"] = "describe";
            *done = "Described " + name + ".";
            break;
        case Request::Edit::Delete: {
            const ProjectStore::RunContents gone = store.deleteRun(run.id);
            (*edited)["action"] = "delete";
            (*edited)["deleted"] = {
                {"cases", gone.cases}, {"findings", gone.findings}, {"reviews", gone.reviews}};
            *done = "Deleted " + name + " with its " + std::to_string(gone.cases) + " cases, " +
                    std::to_string(gone.findings) + " findings and " +
                    std::to_string(gone.reviews) + " review verdicts.";
            break;
        }
        case Request::Edit::None:
            break;
        }
    } catch (const std::invalid_argument& e) {
        return usage(e.what());
    } catch (const StoreError& e) {
        return failure(e.what());
    }
    return std::nullopt;
}

} // namespace

int runRunsCommand(const std::vector<std::string>& args) {
    if (std::find(args.begin(), args.end(), "--help") != args.end()) {
        std::cout << kRunsUsage;
        return 0;
    }
    std::string error;
    const std::optional<Request> req = parse(args, &error);
    if (!req)
        return usage(error);
    // Opening for writing would create a missing file; an edit needs an existing project.
    if (req->edit != Request::Edit::None && !std::filesystem::is_regular_file(req->project))
        return failure("no project file " + req->project);
    auto store = req->edit == Request::Edit::None ? ProjectStore::openReadOnly(req->project, &error)
                                                  : ProjectStore::open(req->project, &error);
    if (!store)
        return failure(error);

    json edited;
    if (req->edit != Request::Edit::None) {
        const std::vector<RunInfo> before = store->runs();
        const RunInfo* run = findRun(before, req->run, &error);
        if (!run)
            return usage(error);
        if (req->edit == Request::Edit::Delete && !req->yes) {
            const ProjectStore::RunContents c = store->runContents(run->id);
            return usage("--delete removes run \"" + run->label + "\" with its " +
                         std::to_string(c.cases) + " cases, " + std::to_string(c.findings) +
                         " findings and " + std::to_string(c.reviews) +
                         " review verdicts, and cannot be undone; add --yes to delete it");
        }
        std::string done;
        if (const std::optional<int> status = applyEdit(*store, *req, *run, &edited, &done))
            return *status;
        if (!req->asJson)
            std::cout << done << "\n\n";
    }

    const std::vector<RunInfo> runs = store->runs();
    if (req->asJson) {
        json out = {{"format", "reasonscope-runs"},
                    {"version", 1},
                    {"project", validUtf8(store->path())},
                    {"runs", json::array()}};
        for (const RunInfo& r : runs)
            out["runs"].push_back(runJson(r));
        if (!edited.is_null())
            out["edited"] = std::move(edited);
        std::cout << out.dump(2) << "\n";
    } else {
        printTable(runs, std::cout);
    }
    return 0;
}

} // namespace rs
