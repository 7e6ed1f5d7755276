#include "Puller.h"

#include "ProjectStore.h"
#include "Publisher.h"
#include "ServerSchema.h"
#include "store/CaseRowCodec.h"

#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <unordered_map>

namespace rs::server {

namespace {

constexpr int kFetch = 1000;

Case caseOfRow(const PgResult& r, int i, const std::string& run) {
    Case c;
    c.key = r.text(i, 1);
    c.questionId = r.text(i, 2);
    if (!r.isNull(i, 3))
        c.correct = r.text(i, 3) == "t";
    c.dataset = r.text(i, 4);
    c.run = run;
    c.model = r.text(i, 5);
    c.sourceFile = r.text(i, 6);
    c.sourceRecord = std::size_t(r.integer(i, 7));
    c.gold = r.text(i, 8);
    c.prediction = r.text(i, 9);
    c.finalAnswer = r.text(i, 10);
    c.question = r.text(i, 11);
    store::decodeCaseParts({r.text(i, 12), r.text(i, 13), r.text(i, 14), r.text(i, 15)}, c);
    c.output = r.text(i, 16);
    return c;
}

// Copies one run's cases and analyses; adds the server-to-file case ids to the map.
void pullRun(PgConnection& c, ProjectStore& store, std::int64_t serverRun, std::int64_t localRun,
             const std::string& label, std::unordered_map<std::int64_t, std::int64_t>& ids,
             PullResult& result) {
    c.execParams("DECLARE rs_pull NO SCROLL CURSOR FOR SELECT c.id, c.case_key, c.question_id, "
                 "c.correct, c.dataset, c.model, c.source_file, c.source_record, c.gold, "
                 "c.prediction, c.final_answer, c.question, c.options, c.images, c.meta, "
                 "c.gold_path, c.output, a.json::text FROM rs.cases c LEFT JOIN rs.analyses a "
                 "ON a.case_id = c.id WHERE c.run_id = $1 ORDER BY c.id",
                 {std::to_string(serverRun)});
    for (;;) {
        auto r = c.execParams("FETCH " + std::to_string(kFetch) + " FROM rs_pull", {});
        for (int i = 0; i < r.rows(); ++i) {
            const std::int64_t id = store.addCase(caseOfRow(r, i, label), localRun);
            ids.emplace(r.integer(i, 0), id);
            ++result.cases;
            if (!r.isNull(i, 17)) {
                store.saveAnalysis(id, nlohmann::json::parse(r.text(i, 17)));
                ++result.analyses;
            }
        }
        if (r.rows() < kFetch)
            break;
    }
    c.execParams("CLOSE rs_pull", {});
}

// The verdicts on the cases of ids (all of the project's, or those of some runs).
void pullVerdicts(PgConnection& c, ProjectStore& store, std::int64_t projectId,
                  const std::unordered_map<std::int64_t, std::int64_t>& ids, PullResult& result,
                  std::vector<std::int64_t>* copied = nullptr) {
    auto r = c.execParams("SELECT v.case_id, v.finding_signature, v.finding_step, v.reviewer, "
                          "v.verdict, v.severity, v.comment, v.id FROM rs.verdicts v JOIN "
                          "rs.cases c ON c.id = v.case_id WHERE c.project_id = $1 ORDER BY v.id",
                          {std::to_string(projectId)});
    for (int i = 0; i < r.rows(); ++i) {
        ProjectStore::Review review;
        const auto local = ids.find(r.integer(i, 0));
        if (local == ids.end())
            continue; // a case of a run the file had already
        review.caseId = local->second;
        if (!r.isNull(i, 1)) {
            review.findingId = localFindingOf(store, review.caseId, r.text(i, 1),
                                              r.isNull(i, 2) ? -1 : int(r.integer(i, 2)));
            if (!review.findingId) {
                ++result.unmatchedVerdicts;
                continue;
            }
        }
        review.reviewer = r.text(i, 3);
        review.role = "team reviewer";
        review.verdict = r.text(i, 4);
        review.severity = r.text(i, 5);
        review.comment = r.text(i, 6);
        store.addReview(review);
        ++result.verdicts;
        if (copied)
            copied->push_back(r.integer(i, 7));
    }
}

// Copies run row i of runs (id, label, model, source_file, source_sha256, description).
void pullRunRow(PgConnection& c, ProjectStore& store, const PgResult& runs, int i,
                std::unordered_map<std::int64_t, std::int64_t>& ids, PullResult& result) {
    const std::string label = runs.text(i, 1);
    const auto local = store.ensureRun(label, runs.text(i, 2), runs.text(i, 3), runs.text(i, 4));
    if (!runs.text(i, 5).empty())
        store.describeRun(local, runs.text(i, 5));
    pullRun(c, store, runs.integer(i, 0), local, label, ids, result);
    ++result.runs;
    result.runIds.push_back(runs.integer(i, 0));
}

constexpr const char* kRunsSql = "SELECT id, label, model, source_file, source_sha256, "
                                 "description FROM rs.runs WHERE project_id = $1 ORDER BY id";

} // namespace

std::optional<std::int64_t> localFindingOf(const ProjectStore& store, std::int64_t caseId,
                                           const std::string& signature, int step) {
    const auto stored = store.loadCase(caseId);
    if (!stored || !stored->analysis.is_object() || !stored->analysis.contains("findings"))
        return std::nullopt;
    const auto& findings = stored->analysis["findings"];
    for (std::size_t i = 0; i < findings.size() && i < stored->findingIds.size(); ++i)
        if (findings[i].value("signature", std::string()) == signature &&
            findings[i].value("step", -1) == step)
            return stored->findingIds[i];
    return std::nullopt;
}

PullResult pullProject(PgConnection& c, const std::string& name, const std::string& projectPath) {
    if (std::filesystem::exists(projectPath))
        throw std::runtime_error(projectPath + " exists already; pull into a new file");
    PgTransaction tx(c);
    c.execParams("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY", {});
    checkServerSchema(c);
    const std::int64_t projectId = serverProjectId(c, name);
    if (projectId == 0)
        throw std::runtime_error("the server has no project \"" + name + "\"");

    PullResult result;
    try {
        std::string error;
        auto store = ProjectStore::open(projectPath, &error);
        if (!store)
            throw std::runtime_error(error);
        ProjectStore::Transaction writes(*store);
        std::unordered_map<std::int64_t, std::int64_t> ids;
        auto runs = c.execParams(kRunsSql, {std::to_string(projectId)});
        for (int i = 0; i < runs.rows(); ++i)
            pullRunRow(c, *store, runs, i, ids, result);
        pullVerdicts(c, *store, projectId, ids, result);
        result.lastVerdictId = c.execParams("SELECT coalesce(max(v.id), 0) FROM rs.verdicts v "
                                            "JOIN rs.cases c ON c.id = v.case_id "
                                            "WHERE c.project_id = $1",
                                            {std::to_string(projectId)})
                                   .integer(0, 0);
        result.caseIds = std::move(ids);
        result.projectId = projectId;
        store->setSetting("team_server.project", name);
        store->recountPatterns();
        writes.commit();
    } catch (...) {
        std::error_code ignored;
        for (const char* suffix : {"", "-wal", "-shm", "-journal"})
            std::filesystem::remove(projectPath + suffix, ignored);
        throw;
    }
    tx.commit();
    return result;
}

NewRuns pullNewRuns(PgConnection& c, ProjectStore& store, std::int64_t projectId,
                    const std::vector<std::int64_t>& knownRuns) {
    NewRuns out;
    PgTransaction tx(c);
    c.execParams("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY", {});
    auto runs = c.execParams(kRunsSql, {std::to_string(projectId)});
    ProjectStore::Transaction writes(store);
    for (int i = 0; i < runs.rows(); ++i) {
        const std::int64_t id = runs.integer(i, 0);
        if (std::find(knownRuns.begin(), knownRuns.end(), id) != knownRuns.end())
            continue;
        pullRunRow(c, store, runs, i, out.result.caseIds, out.result);
    }
    if (!out.result.runIds.empty()) {
        pullVerdicts(c, store, projectId, out.result.caseIds, out.result, &out.copiedVerdicts);
        store.recountPatterns();
    }
    writes.commit();
    tx.commit();
    out.result.projectId = projectId;
    return out;
}

} // namespace rs::server
