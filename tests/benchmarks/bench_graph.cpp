// Knowledge-graph benchmarks: loading (text and binary cache), K=5 H=4 reference paths on
// Hetionet and on a synthetic PrimeKG-sized graph, and the hop-bounded BFS the design
// measures them against. Per-query medians are reported as counters (median_us wall,
// median_cpu_us / p90_cpu_us / max_cpu_us thread CPU time); Google Benchmark's own time
// column is the mean.
#include "BenchSupport.h"
#include "InputFile.h"
#include "KnowledgeGraphCache.h"
#include "KnowledgeGraphLoader.h"
#include "NameIndex.h"
#include "PathQueries.h"
#include "ReferencePathFinder.h"
#include "SyntheticKg.h"

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <memory>
#include <mutex>

#include <unistd.h>

using namespace rs;
using namespace rs::bench;

namespace {

constexpr int kK = 5;
constexpr int kHops = 4;
constexpr std::size_t kQueries = 200;
constexpr std::uint64_t kQuerySeed = 42;

struct ScratchDir {
    std::filesystem::path path;
    ScratchDir() {
        path = std::filesystem::temp_directory_path() /
               ("reasonscope-bench-" + std::to_string(::getpid()));
        std::filesystem::create_directories(path);
    }
    ~ScratchDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
};

ScratchDir& scratchDir() {
    static ScratchDir dir;
    return dir;
}

const KnowledgeGraph* hetionet() {
    static std::shared_ptr<const KnowledgeGraph> graph;
    static std::once_flag once;
    std::call_once(once, [] {
        const auto paths = hetionetPaths();
        if (!paths.empty())
            graph = loadKnowledgeGraph(paths).graph;
    });
    return graph.get();
}

const KnowledgeGraph& synthetic() {
    static std::unique_ptr<KnowledgeGraph> graph;
    static std::once_flag once;
    std::call_once(once, [] { graph = std::make_unique<KnowledgeGraph>(makeSyntheticKg({})); });
    return *graph;
}

double graphMiB(const KnowledgeGraph& g) {
    // Adjacency dominates: two CSR arrays of 8-byte entries and their offsets.
    const double bytes = double(g.edgeCount()) * 2 * sizeof(KgEdge) +
                         double(g.nodeCount() + 1) * 2 * sizeof(std::uint64_t);
    return bytes / (1024.0 * 1024.0);
}

// This thread's CPU time: the machine the benchmarks run on is shared, and wall time per
// query then measures the neighbours as much as the code.
double threadCpuMicros() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e6 + double(ts.tv_nsec) / 1e3;
}

struct QueryTimes {
    std::vector<double> wall, cpu;
    template <typename F> void measure(F&& f) {
        const double c0 = threadCpuMicros();
        const auto t0 = std::chrono::steady_clock::now();
        f();
        const auto t1 = std::chrono::steady_clock::now();
        cpu.push_back(threadCpuMicros() - c0);
        wall.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
    }
    void report(benchmark::State& state) {
        if (wall.empty())
            return;
        std::sort(wall.begin(), wall.end());
        std::sort(cpu.begin(), cpu.end());
        state.counters["median_us"] = wall[wall.size() / 2];
        state.counters["median_cpu_us"] = cpu[cpu.size() / 2];
        state.counters["p90_cpu_us"] = cpu[cpu.size() * 9 / 10];
        state.counters["max_cpu_us"] = cpu.back();
    }
};

// ------------------------------------------------------------------------- loading

void BM_LoadHetionetText(benchmark::State& state) {
    const auto paths = hetionetPaths();
    if (paths.empty()) {
        state.SkipWithError("shared data not available (../shared/data/kg)");
        return;
    }
    for (auto _ : state) {
        KgLoadResult r = loadKnowledgeGraph(paths);
        if (!r.graph) {
            state.SkipWithError(r.fatalError.c_str());
            return;
        }
        state.counters["nodes"] = double(r.graph->nodeCount());
        state.counters["edges"] = double(r.graph->edgeCount());
    }
}

void BM_LoadHetionetCache(benchmark::State& state) {
    const auto paths = hetionetPaths();
    if (paths.empty()) {
        state.SkipWithError("shared data not available (../shared/data/kg)");
        return;
    }
    KgLoadOptions options;
    options.cacheDir = (scratchDir().path / "hetionet-cache").string();
    std::filesystem::create_directories(options.cacheDir);
    loadKnowledgeGraph(paths, options); // writes the cache
    for (auto _ : state) {
        KgLoadResult r = loadKnowledgeGraph(paths, options);
        if (!r.fromCache) {
            state.SkipWithError(("cache not used: " + r.cacheNote).c_str());
            return;
        }
    }
}

// The design's target: < 1 s and < 1.5 GB resident for a PrimeKG-sized graph.
void BM_LoadSyntheticCache(benchmark::State& state) {
    const KnowledgeGraph& g = synthetic();
    const std::string path = (scratchDir().path / "synthetic.bin").string();
    const std::vector<std::string> sha{"synthetic-primekg-sized"};
    std::string why;
    KgSourceReport source;
    source.path = "synthetic";
    source.format = "synthetic";
    if (!std::filesystem::exists(path) && !writeKgCache(path, sha, g, {source}, {}, &why)) {
        state.SkipWithError(why.c_str());
        return;
    }
    {
        const double before = residentMiB();
        resetPeakResident();
        auto entry = readKgCache(path, sha, &why);
        if (!entry) {
            state.SkipWithError(why.c_str());
            return;
        }
        state.counters["resident_MiB"] = residentMiB() - before;
        state.counters["peak_MiB"] = peakResidentMiB() - before;
        state.counters["adjacency_MiB"] = graphMiB(entry->graph);
        state.counters["file_MiB"] = double(std::filesystem::file_size(path)) / (1024.0 * 1024.0);
        state.counters["edges"] = double(entry->graph.edgeCount());
    }
    for (auto _ : state) {
        auto entry = readKgCache(path, sha, &why);
        benchmark::DoNotOptimize(entry);
    }
}

// What a ReferencePathFinder adds to a loaded graph: its build time and memory.
void BM_FinderBuildSynthetic(benchmark::State& state) {
    const KnowledgeGraph& g = synthetic();
    for (auto _ : state) {
        const ReferencePathFinder finder(g);
        state.counters["finder_MiB"] = double(finder.memoryBytes()) / (1024.0 * 1024.0);
    }
}

// ------------------------------------------------------------------------- linking

// Concept linking of real text: the 500 MedQA questions and their GPT-4 chains of thought
// against Hetionet with the project's lexicon.
void BM_LinkMedqa(benchmark::State& state) {
    const KnowledgeGraph* g = hetionet();
    const std::string json =
        (std::filesystem::path(sharedDataDir()) / "outputs" / "thoughtsource-medqa500-gpt-4.json")
            .string();
    InputFile in;
    std::string content;
    if (!g || !in.open(json) || !in.readAll(content)) {
        state.SkipWithError("shared data not available (../shared/data)");
        return;
    }
    std::vector<std::string> texts;
    const auto doc = nlohmann::json::parse(content, nullptr, false);
    if (doc.is_object() && doc.contains("med_qa"))
        for (const auto& split : doc["med_qa"])
            for (const auto& item : split) {
                if (item.contains("question") && item["question"].is_string())
                    texts.push_back(item["question"].get<std::string>());
                if (item.contains("generated_cot"))
                    for (const auto& cot : item["generated_cot"])
                        if (cot.contains("cot") && cot["cot"].is_string())
                            texts.push_back(cot["cot"].get<std::string>());
            }
    if (texts.empty()) {
        state.SkipWithError("no texts in the MedQA file");
        return;
    }
    const double c0 = threadCpuMicros();
    NameIndex index(*g);
    const std::filesystem::path lexicon = std::filesystem::path(RS_DEFAULT_RESOURCES) / "lexicon";
    index.loadSynonyms((lexicon / "synonyms.tsv").string(), nullptr);
    index.loadGeneSymbolStoplist((lexicon / "gene-symbol-stoplist.txt").string(), nullptr);
    state.counters["index_build_ms"] = (threadCpuMicros() - c0) / 1e3;
    state.counters["synonyms"] = double(index.synonymCount());

    QueryTimes times;
    std::size_t i = 0, mentions = 0;
    for (auto _ : state) {
        const std::string& text = texts[i++ % texts.size()];
        times.measure([&] { mentions += index.link(text).size(); });
    }
    state.counters["texts"] = double(texts.size());
    state.counters["mentions_per_text"] = double(mentions) / double(std::max<std::size_t>(1, i));
    times.report(state);
}

// ------------------------------------------------------------------------- paths

void runReferencePaths(benchmark::State& state, const KnowledgeGraph* g, const char* type) {
    if (!g) {
        state.SkipWithError("shared data not available (../shared/data/kg)");
        return;
    }
    std::vector<PathQuery> queries;
    for (PathQuery& q : pickPathQueries(*g, kQueries, kQuerySeed))
        if (!type || q.type == type)
            queries.push_back(std::move(q));
    if (queries.empty()) {
        state.SkipWithError("no queries");
        return;
    }
    const ReferencePathFinder finder(*g);
    finder.find(queries[0].sources, queries[0].target, kK, kHops); // thread scratch
    QueryTimes times;
    std::size_t i = 0, paths = 0;
    for (auto _ : state) {
        const PathQuery& q = queries[i++ % queries.size()];
        times.measure([&] {
            auto result = finder.find(q.sources, q.target, kK, kHops);
            paths += result.size();
            benchmark::DoNotOptimize(result);
        });
    }
    state.counters["paths_per_query"] = double(paths) / double(std::max<std::size_t>(1, i));
    times.report(state);
}

// The baseline: breadth-first search from the same sources over the same undirected view,
// at most kHops levels. earlyExit stops when the target is reached (one path's worth of
// search); otherwise it visits the whole kHops neighbourhood.
void runHopBfs(benchmark::State& state, const KnowledgeGraph* g, const char* type, bool earlyExit) {
    if (!g) {
        state.SkipWithError("shared data not available (../shared/data/kg)");
        return;
    }
    std::vector<PathQuery> queries;
    for (PathQuery& q : pickPathQueries(*g, kQueries, kQuerySeed))
        if (!type || q.type == type)
            queries.push_back(std::move(q));
    std::vector<std::uint32_t> seen(g->nodeCount(), 0);
    std::uint32_t stamp = 0;
    std::vector<NodeId> frontier, next;
    const auto bfs = [&](const PathQuery& q, std::size_t& visited) {
        ++stamp;
        frontier.clear();
        for (NodeId s : q.sources)
            if (seen[s] != stamp) {
                seen[s] = stamp;
                frontier.push_back(s);
            }
        bool found = false;
        for (int level = 0; level < kHops && !frontier.empty() && !(found && earlyExit); ++level) {
            next.clear();
            for (NodeId v : frontier)
                for (const auto& list : {g->out(v), g->in(v)})
                    for (const KgEdge& e : list)
                        if (seen[e.node] != stamp) {
                            seen[e.node] = stamp;
                            next.push_back(e.node);
                            found |= e.node == q.target;
                        }
            visited += next.size();
            frontier.swap(next);
        }
        return found;
    };
    QueryTimes times;
    std::size_t i = 0, reached = 0, visited = 0;
    for (auto _ : state) {
        const PathQuery& q = queries[i++ % queries.size()];
        times.measure([&] { reached += bfs(q, visited); });
    }
    state.counters["reached"] = double(reached) / double(std::max<std::size_t>(1, i));
    state.counters["visited"] = double(visited) / double(std::max<std::size_t>(1, i));
    times.report(state);
}

} // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    using benchmark::kMicrosecond;
    using benchmark::kMillisecond;
    benchmark::RegisterBenchmark("load/hetionet_text", BM_LoadHetionetText)
        ->Unit(kMillisecond)
        ->Iterations(5);
    benchmark::RegisterBenchmark("load/hetionet_cache", BM_LoadHetionetCache)
        ->Unit(kMillisecond)
        ->Iterations(10);
    benchmark::RegisterBenchmark("load/synthetic_8M_cache", BM_LoadSyntheticCache)
        ->Unit(kMillisecond)
        ->Iterations(5);
    benchmark::RegisterBenchmark("finder_build/synthetic_8M", BM_FinderBuildSynthetic)
        ->Unit(kMillisecond)
        ->Iterations(3);
    benchmark::RegisterBenchmark("link/hetionet_medqa_gpt4", BM_LinkMedqa)
        ->Unit(kMicrosecond)
        ->MinTime(1.0);

    struct Set {
        const char* name;
        const KnowledgeGraph* (*graph)();
    };
    const Set sets[] = {{"hetionet", [] { return hetionet(); }},
                        {"synthetic_8M", [] { return &synthetic(); }}};
    for (const Set& set : sets)
        for (const char* type : {"symptoms->disease", "disease->compound", "symptoms->compound"}) {
            const std::string suffix = std::string(set.name) + "/" + type;
            auto graphOf = set.graph;
            benchmark::RegisterBenchmark(
                ("paths_k5_h4/" + suffix).c_str(),
                [graphOf, type](benchmark::State& s) { runReferencePaths(s, graphOf(), type); })
                ->Unit(kMicrosecond)
                ->MinTime(2.0);
            benchmark::RegisterBenchmark(
                ("bfs_h4_until_target/" + suffix).c_str(),
                [graphOf, type](benchmark::State& s) { runHopBfs(s, graphOf(), type, true); })
                ->Unit(kMicrosecond)
                ->MinTime(1.0);
            benchmark::RegisterBenchmark(
                ("bfs_h4_full/" + suffix).c_str(),
                [graphOf, type](benchmark::State& s) { runHopBfs(s, graphOf(), type, false); })
                ->Unit(kMicrosecond)
                ->MinTime(1.0);
        }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
