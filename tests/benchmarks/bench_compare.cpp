// Comparing two runs of 100k questions each (core/RunComparison, what `reasonscope compare`
// and `gate --max-regressions` do): the whole comparison, and its two store passes on their
// own. The target is under 1 s for the whole comparison.
//
// The project (two runs x 100k cases, 0-5 findings each, question and output text of the
// size bench_store uses) is generated once, a few minutes, and kept at $RS_BENCH_COMPARE,
// else in the temporary folder as rs_bench_compare_2x100k.rsproj; delete it to regenerate.
#include "RunComparison.h"

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <random>
#include <string>

using namespace rs;
using nlohmann::json;

namespace {

constexpr int kQuestions = 100000;
// Bumped whenever generate() changes what it writes.
constexpr const char* kGeneratorVersion = "1";

std::string projectPath() {
    if (const char* env = std::getenv("RS_BENCH_COMPARE"); env && *env)
        return env;
    return (std::filesystem::temp_directory_path() / "rs_bench_compare_2x100k.rsproj").string();
}

std::string text(std::mt19937_64& rng, int words) {
    static const char* vocab[] = {"fever",  "cough",  "dyspnea",  "chest",   "pain",     "rash",
                                  "sepsis", "asthma", "insulin",  "aspirin", "warfarin", "renal",
                                  "biopsy", "serum",  "elevated", "history", "lesion",   "tumor"};
    std::uniform_int_distribution<int> w(0, int(std::size(vocab)) - 1);
    std::string s = "A patient";
    for (int i = 0; i < words; ++i)
        s += std::string(" ") + vocab[w(rng)];
    return s + '.';
}

json findingsOf(std::mt19937_64& rng) {
    static const char* types[] = {"relation", "branch", "missing", "reading"};
    static const char* subtypes[] = {"wrong_relation", "jump", "ignored_evidence",
                                     "value_misjudged"};
    static const char* relations[] = {"treats", "causes", "presents_with", "indicates"};
    std::uniform_int_distribution<int> nFindings(0, 5), pick(0, 99);
    std::geometric_distribution<int> conceptOf(0.01);
    json findings = json::array();
    const int n = nFindings(rng);
    for (int k = 0; k < n; ++k) {
        const int type = pick(rng) % 4;
        std::string signature = std::string(types[type]) + "/" + subtypes[type] + "/";
        signature += type == 0 ? std::string("(Compound,") + relations[pick(rng) % 4] + ",Disease)"
                               : "term" + std::to_string(pick(rng));
        findings.push_back({{"type", types[type]},
                            {"subtype", subtypes[type]},
                            {"severity", "major"},
                            {"step", k},
                            {"nodes", json::array({"concept" + std::to_string(conceptOf(rng)),
                                                   "concept" + std::to_string(conceptOf(rng))})},
                            {"explanation", "A generated finding for the benchmark."},
                            {"signature", signature}});
    }
    return findings;
}

void generate(const std::string& path) {
    std::cerr << "generating 2 x " << kQuestions << " cases in " << path << " ...\n";
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path + suffix);
    std::string error;
    auto store = ProjectStore::open(path, &error);
    if (!store)
        throw std::runtime_error(error);
    std::mt19937_64 rng(13);
    std::uniform_int_distribution<int> pick(0, 99);
    const std::int64_t runs[2] = {store->ensureRun("base", "m", "base.json", "b"),
                                  store->ensureRun("head", "m", "head.json", "h")};
    ProjectStore::Transaction t(*store);
    for (int side = 0; side < 2; ++side)
        for (int i = 0; i < kQuestions; ++i) {
            Case c;
            c.key = "case-" + std::to_string(i);
            c.questionId = "q" + std::to_string(i);
            c.dataset = "medqa";
            c.model = "m";
            c.sourceFile = side ? "head.json" : "base.json";
            c.question = text(rng, 90);
            c.output = text(rng, 180);
            c.options = {{"A", "aspirin"}, {"B", "warfarin"}};
            c.gold = "A";
            c.prediction = pick(rng) < (side ? 70 : 60) ? "A" : "B";
            if (pick(rng) < 97)
                c.correct = c.prediction == "A";
            const std::int64_t id = store->addCase(c, runs[side]);
            store->saveAnalysis(id, {{"id", c.key}, {"findings", findingsOf(rng)}});
        }
    store->setSetting("bench_generator", kGeneratorVersion);
    t.commit();
}

ProjectStore& store() {
    static std::unique_ptr<ProjectStore> s = [] {
        const std::string path = projectPath();
        std::string error;
        auto opened = ProjectStore::openReadOnly(path, &error);
        if (!opened || opened->setting("bench_generator") != kGeneratorVersion) {
            opened.reset();
            generate(path);
            opened = ProjectStore::openReadOnly(path, &error);
        }
        if (!opened)
            throw std::runtime_error(error);
        return opened;
    }();
    return *s;
}

void compareTwoRuns(benchmark::State& state) {
    ProjectStore& s = store();
    const auto runs = s.runs();
    RunComparison c;
    for (auto _ : state) {
        c = compareRuns(s, runs[0].id, runs[1].id);
        benchmark::DoNotOptimize(c.questions.data());
    }
    state.counters["paired"] = double(c.questions.size());
    state.counters["regressions"] = double(c.regressions());
    state.counters["patterns"] = double(c.patterns.size());
}

void runCasesOfOneRun(benchmark::State& state) {
    ProjectStore& s = store();
    const std::int64_t run = s.runs()[0].id;
    for (auto _ : state)
        benchmark::DoNotOptimize(s.runCases(run).size());
}

// The two index-only passes over the project's findings (both runs).
void findingPasses(benchmark::State& state) {
    ProjectStore& s = store();
    std::int64_t n = 0;
    for (auto _ : state) {
        n = 0;
        s.forEachFindingKind([&](const ProjectStore::FindingKindRow&) { ++n; });
        s.forEachSignatureCase([&](std::int64_t, const std::string&) { ++n; });
    }
    state.counters["rows"] = double(n);
}

} // namespace

BENCHMARK(compareTwoRuns)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK(runCasesOfOneRun)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK(findingPasses)->Unit(benchmark::kMillisecond)->Iterations(5);

BENCHMARK_MAIN();
