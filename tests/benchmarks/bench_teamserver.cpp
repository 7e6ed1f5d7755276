// The team-review server's review queue and case-table class filter over 1M published
// cases (docs/team-review.md "Speed"). Starts its own throwaway PostgreSQL cluster
// (tests/support/pg_cluster.sh), generates the cases server-side with generate_series, marks
// the worst 100k flagged cases reviewed (so "next" must pass over reviewed cases' former
// place in the order) and has other reviewers hold 1000 claims at the front of the queue.
//
//   build/tests/benchmarks/bench_teamserver [--cases N]    (default 1000000)
#include "PgConnection.h"
#include "ServerQueue.h"
#include "ServerSchema.h"

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

#include <unistd.h>

using namespace rs::server;

namespace {

std::string gDir;
std::int64_t gProject = 0;
std::unique_ptr<PgConnection> gReviewer;

std::string target(const std::string& role) {
    return "host=" + gDir + " dbname=rs user=" + role;
}

double secondsSince(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

// Publishes n synthetic cases as one project and run, as `publish` would leave them.
void generate(PgConnection& admin, long n) {
    auto t = std::chrono::steady_clock::now();
    admin.exec(kRoleSetupSql);
    admin.exec("CREATE ROLE bench_reviewer LOGIN IN ROLE rs_reviewer");
    admin.exec("CREATE ROLE other_reviewer LOGIN IN ROLE rs_reviewer");
    {
        PgTransaction tx(admin);
        ensureServerSchema(admin);
        tx.commit();
    }
    gProject = admin
                   .execParams("INSERT INTO rs.projects(name, source_file) VALUES ('bench', "
                               "'bench.rsproj') RETURNING id",
                               {})
                   .integer(0, 0);
    const std::string p = std::to_string(gProject);
    const auto run = admin
                         .execParams("INSERT INTO rs.runs(project_id, label, model, source_file, "
                                     "source_sha256, imported) VALUES ($1, 'bench', 'm', 'f', "
                                     "'sha', '') RETURNING id",
                                     {p})
                         .text(0, 0);
    // Classes: relation 1/3 of cases, branch 1/7, missing 1/5, grounding 1/101 (rare),
    // reading 1/13; severity 1..3 on flagged cases.
    admin.execParams(
        "INSERT INTO rs.cases(project_id, run_id, case_key, question_id, correct, n_relation, "
        "n_branch, n_missing, n_grounding, n_reading, max_severity, dataset, model, "
        "source_file, source_record, gold, prediction, question, options, images, meta, "
        "gold_path, output) "
        "SELECT $1, $2, 'case-' || i, 'q' || (i % 50000), i % 2 = 0, (i % 3 = 0)::int, "
        "(i % 7 = 0)::int, (i % 5 = 0)::int, (i % 101 = 0)::int, (i % 13 = 0)::int, "
        "CASE WHEN i % 3 = 0 OR i % 7 = 0 OR i % 5 = 0 OR i % 101 = 0 OR i % 13 = 0 "
        "THEN 1 + (i * 7919) % 3 ELSE 0 END, 'bench', 'm', 'f', i, 'A', 'B', "
        "'Which finding explains case ' || i || '?', '[]', '[]', '{}', '[]', "
        "'The model reasons about aspirin and fever in case ' || i "
        "FROM generate_series(1, $3::bigint) i",
        {p, run, std::to_string(n)});
    admin.execParams(
        "INSERT INTO rs.queue(case_id, project_id, max_severity, classes) "
        "SELECT id, project_id, coalesce(max_severity, 0), "
        "(n_relation > 0)::int | ((n_branch > 0)::int << 1) | ((n_missing > 0)::int << 2) | "
        "((n_grounding > 0)::int << 3) | ((n_reading > 0)::int << 4) "
        "FROM rs.cases WHERE project_id = $1 AND flagged",
        {p});
    admin.execParams("SELECT rs.count_run_classes($1)", {run});
    std::fprintf(stderr, "generated %ld cases in %.1f s\n", n, secondsSince(t));
    t = std::chrono::steady_clock::now();
    // The worst 100k flagged cases reviewed (through the verdict trigger, as reviewers would).
    admin.execParams("INSERT INTO rs.verdicts(request_id, case_id, verdict) "
                     "SELECT gen_random_uuid(), case_id, 'confirmed' FROM rs.queue "
                     "WHERE project_id = $1 ORDER BY max_severity DESC, case_id LIMIT 100000",
                     {p});
    // Another reviewer holds the next 1000.
    admin.execParams("INSERT INTO rs.claims(case_id, reviewer, expires) "
                     "SELECT case_id, 'other_reviewer', now() + interval '1 day' FROM rs.queue "
                     "WHERE project_id = $1 ORDER BY max_severity DESC, case_id LIMIT 1000",
                     {p});
    admin.exec("VACUUM ANALYZE");
    std::fprintf(stderr, "reviewed 100k, claimed 1000, vacuumed in %.1f s\n", secondsSince(t));
}

void BM_QueueNext(benchmark::State& state, const char* findingClass) {
    const std::optional<std::string> cls =
        findingClass ? std::optional<std::string>(findingClass) : std::nullopt;
    for (auto _ : state) {
        auto id = claimNextCase(*gReviewer, gProject, cls);
        benchmark::DoNotOptimize(id);
    }
}

void BM_ClassFilterFirstPage(benchmark::State& state, const char* findingClass) {
    std::int64_t n = 0;
    for (auto _ : state) {
        auto rows = casesOfClass(*gReviewer, gProject, findingClass, 0, 100);
        benchmark::DoNotOptimize(rows);
        n = std::int64_t(rows.size());
    }
    state.counters["rows"] = double(n);
}

void BM_ClassFilterCount(benchmark::State& state, const char* findingClass) {
    std::int64_t n = 0;
    for (auto _ : state)
        n = countCasesOfClass(*gReviewer, gProject, findingClass);
    state.counters["cases"] = double(n);
}

void BM_ClassFilterDeepPage(benchmark::State& state, const char* findingClass) {
    for (auto _ : state) {
        auto rows = casesOfClass(*gReviewer, gProject, findingClass, 50000, 100);
        benchmark::DoNotOptimize(rows);
    }
}

// The page at row 50000 by keyset (after the last row of the page before), as the window
// scrolls.
void BM_ClassFilterDeepPageKeyset(benchmark::State& state, const char* findingClass) {
    const auto before = casesOfClass(*gReviewer, gProject, findingClass, 49999, 1);
    if (before.empty()) {
        state.SkipWithError("fewer than 50000 cases of the class");
        return;
    }
    for (auto _ : state) {
        auto rows = casesOfClassAfter(*gReviewer, gProject, findingClass, before[0], 100);
        benchmark::DoNotOptimize(rows);
    }
}

void registerAll() {
    using benchmark::kMillisecond;
    benchmark::RegisterBenchmark("queue_next/any", BM_QueueNext, nullptr)
        ->Unit(kMillisecond)
        ->UseRealTime();
    for (const char* cls : {"relation", "grounding"}) {
        benchmark::RegisterBenchmark((std::string("queue_next/") + cls).c_str(), BM_QueueNext, cls)
            ->Unit(kMillisecond)
            ->UseRealTime();
        benchmark::RegisterBenchmark((std::string("class_filter_page/") + cls).c_str(),
                                     BM_ClassFilterFirstPage, cls)
            ->Unit(kMillisecond)
            ->UseRealTime();
        benchmark::RegisterBenchmark((std::string("class_filter_count/") + cls).c_str(),
                                     BM_ClassFilterCount, cls)
            ->Unit(kMillisecond)
            ->UseRealTime();
    }
    benchmark::RegisterBenchmark("class_filter_page_after_50000_keyset/relation",
                                 BM_ClassFilterDeepPageKeyset, "relation")
        ->Unit(kMillisecond)
        ->UseRealTime();
    benchmark::RegisterBenchmark("class_filter_page_at_50000_offset/relation",
                                 BM_ClassFilterDeepPage, "relation")
        ->Unit(kMillisecond)
        ->UseRealTime();
}

int runCluster(const char* verb) {
    const std::string cmd =
        std::string("bash '") + RS_PG_CLUSTER_SCRIPT + "' " + verb + " '" + gDir + "' " +
        std::to_string(getpid()); // the watchdog stops the server if this process dies
    return std::system(cmd.c_str());
}

} // namespace

int main(int argc, char** argv) {
    long cases = 1000000;
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "--cases") == 0)
            cases = std::atol(argv[i + 1]);
    benchmark::Initialize(&argc, argv);
    char tmpl[] = "/tmp/rs-bench-pg-XXXXXX";
    if (!mkdtemp(tmpl)) {
        std::perror("mkdtemp");
        return 1;
    }
    gDir = tmpl;
    const int started = runCluster("start");
    if (started != 0) {
        std::fprintf(stderr, "no PostgreSQL cluster (pg_cluster.sh exit %d): skipped\n",
                     WEXITSTATUS(started));
        std::filesystem::remove_all(gDir);
        return 0;
    }
    int rc = 0;
    try {
        auto admin = PgConnection::connect(target("rs_admin"));
        generate(*admin, cases);
        gReviewer = PgConnection::connect(target("bench_reviewer"));
        registerAll();
        benchmark::RunSpecifiedBenchmarks();
        gReviewer.reset();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_teamserver: %s\n", e.what());
        rc = 1;
    }
    runCluster("stop");
    std::filesystem::remove_all(gDir);
    benchmark::Shutdown();
    return rc;
}
