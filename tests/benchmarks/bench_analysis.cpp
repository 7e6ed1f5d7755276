// Speed of the analysis itself (docs/design.md "Performance targets"): linking and claim
// extraction per output, the whole per-case analysis against Hetionet + Disease Ontology,
// and the end-to-end pipeline (KG from cache, import, analysis on all cores, project file).
// Uses ../shared/data when present (real GPT-4 outputs), else the bundled demo.
#include "AnalysisPipeline.h"
#include "BenchSupport.h"
#include "CaseAnalyzer.h"
#include "GraphKnowledgeBase.h"
#include "KnowledgeGraphLoader.h"
#include "Lexicon.h"
#include "NameIndex.h"
#include "OutputImporter.h"
#include "ReferencePathFinder.h"
#include "reading/ReadingChecker.h"

#include <benchmark/benchmark.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <memory>
#include <thread>

namespace fs = std::filesystem;
using namespace rs;

namespace {

struct Corpus {
    std::vector<std::string> kgFiles;
    std::string outputs;
    std::string label;
};

Corpus corpus() {
    const std::string shared = bench::sharedDataDir();
    const std::string gpt4 = shared + "/outputs/thoughtsource-medqa500-gpt-4.json";
    if (!shared.empty() && fs::exists(gpt4)) {
        auto kg = bench::hetionetPaths();
        kg.push_back(shared + "/kg/do-disease-symptom.tsv");
        kg.push_back(shared + "/kg/do-HumanDO.tsv");
        return {kg, gpt4, "hetionet+do/gpt4"};
    }
    const std::string res = RS_DEFAULT_RESOURCES;
    return {{res + "/demo/kg/demo-kg.tsv"}, res + "/demo/outputs/demo-outputs.jsonl", "demo"};
}

// Everything the per-case benchmarks need, loaded once.
struct World {
    Corpus data = corpus();
    std::shared_ptr<const KnowledgeGraph> graph;
    std::unique_ptr<NameIndex> names;
    std::unique_ptr<ReferencePathFinder> paths;
    std::unique_ptr<GraphKnowledgeBase> kb;
    Lexicon lexicon;
    AnalysisSettings settings;
    std::unique_ptr<CaseAnalyzer> analyzer;
    // The same analysis without reading errors, to measure what they add (docs/design.md:
    // reading errors may add at most 20% to the per-case time).
    std::unique_ptr<CaseAnalyzer> analyzerWithoutReading;
    // The same analysis with claims between linked concepts only (before issue 16 let a
    // claim end in a noun phrase the KG has no concept for), to measure what those add.
    std::unique_ptr<CaseAnalyzer> analyzerLinkedEnds;
    reading::ReferenceRangeTable ranges;
    std::unique_ptr<reading::ReadingChecker> readingChecker;
    std::vector<Case> cases;

    World() {
        const std::string lexDir = std::string(RS_DEFAULT_RESOURCES) + "/lexicon";
        graph = loadKnowledgeGraph(data.kgFiles).graph;
        names = std::make_unique<NameIndex>(*graph);
        names->loadSynonyms(lexDir + "/synonyms.tsv", nullptr);
        names->loadGeneSymbolStoplist(lexDir + "/gene-symbol-stoplist.txt", nullptr);
        paths = std::make_unique<ReferencePathFinder>(*graph, 1.0, settings.mechanisticKinds);
        kb = std::make_unique<GraphKnowledgeBase>(*graph, *names, *paths);
        lexicon.load(lexDir);
        analyzer = std::make_unique<CaseAnalyzer>(*kb, lexicon, settings);
        analyzerWithoutReading = std::make_unique<CaseAnalyzer>(*kb, lexicon, settings);
        AnalysisSettings linkedEnds = settings;
        linkedEnds.claims.unlinkedEnds = false;
        analyzerLinkedEnds = std::make_unique<CaseAnalyzer>(*kb, lexicon, linkedEnds);
        ranges.load(std::string(RS_DEFAULT_RESOURCES) + "/" +
                    reading::ReferenceRangeTable::kDefaultFile);
        readingChecker = std::make_unique<reading::ReadingChecker>(ranges);
        analyzer->setReadingChecker(readingChecker.get());
        analyzerLinkedEnds->setReadingChecker(readingChecker.get());
        importOutputs(
            data.outputs, {}, [&](Case&& c) { cases.push_back(std::move(c)); },
            [](ImportError&&) {});
    }
};

World& world() {
    static World w;
    return w;
}

void BM_LinkOutput(benchmark::State& state) {
    World& w = world();
    std::size_t i = 0, mentions = 0;
    for (auto _ : state) {
        const auto m = w.kb->link(w.cases[i++ % w.cases.size()].output);
        mentions += m.size();
        benchmark::DoNotOptimize(m.data());
    }
    state.SetItemsProcessed(std::int64_t(state.iterations()));
    state.counters["mentions/output"] = double(mentions) / double(state.iterations());
    state.SetLabel(w.data.label);
}
BENCHMARK(BM_LinkOutput)->Unit(benchmark::kMicrosecond);

// The whole per-case analysis on one thread: segmentation, linking, claims, anchoring,
// K=5 H=4 reference paths, classification.
void BM_AnalyzeCase(benchmark::State& state) {
    World& w = world();
    std::size_t i = 0, findings = 0;
    for (auto _ : state) {
        const CaseAnalysis a = w.analyzer->analyze(w.cases[i++ % w.cases.size()]);
        findings += a.findings.size();
        benchmark::DoNotOptimize(a.findings.data());
    }
    state.SetItemsProcessed(std::int64_t(state.iterations()));
    state.counters["findings/case"] = double(findings) / double(state.iterations());
    state.SetLabel(w.data.label);
}
BENCHMARK(BM_AnalyzeCase)->Unit(benchmark::kMicrosecond);

// The same cases without the reading-error check: BM_AnalyzeCase minus this is its cost.
void BM_AnalyzeCaseWithoutReading(benchmark::State& state) {
    World& w = world();
    std::size_t i = 0;
    for (auto _ : state) {
        const CaseAnalysis a = w.analyzerWithoutReading->analyze(w.cases[i++ % w.cases.size()]);
        benchmark::DoNotOptimize(a.findings.data());
    }
    state.SetItemsProcessed(std::int64_t(state.iterations()));
    state.SetLabel(w.data.label);
}
BENCHMARK(BM_AnalyzeCaseWithoutReading)->Unit(benchmark::kMicrosecond);

// The same cases with claims between linked concepts only: BM_AnalyzeCase over this is
// what claims with unlinked ends cost (issue 16: at most 1.5x).
void BM_AnalyzeCaseLinkedEndsOnly(benchmark::State& state) {
    World& w = world();
    std::size_t i = 0;
    for (auto _ : state) {
        const CaseAnalysis a = w.analyzerLinkedEnds->analyze(w.cases[i++ % w.cases.size()]);
        benchmark::DoNotOptimize(a.findings.data());
    }
    state.SetItemsProcessed(std::int64_t(state.iterations()));
    state.SetLabel(w.data.label);
}
BENCHMARK(BM_AnalyzeCaseLinkedEndsOnly)->Unit(benchmark::kMicrosecond);

// CPU time of the calling thread, as a std::chrono clock.
struct ThreadCpuClock {
    using duration = std::chrono::nanoseconds;
    using rep = duration::rep;
    using period = duration::period;
    using time_point = std::chrono::time_point<ThreadCpuClock>;
    static constexpr bool is_steady = true;
    static time_point now() {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return time_point(duration(std::int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec));
    }
};

// What the reading check adds to a case's analysis, measured in pairs: each iteration
// analyses one case with and without it, so load on the machine hits both sides alike
// (two benchmarks run one after the other drift apart on a shared machine). The clock is
// this thread's CPU time: other processes on a loaded machine do not count.
void BM_ReadingShare(benchmark::State& state) {
    World& w = world();
    using Clock = ThreadCpuClock;
    std::size_t i = 0;
    Clock::duration with{}, without{};
    for (auto _ : state) {
        // The second analysis of a case finds its concepts in the CPU's caches: alternate
        // which side goes first, and swap each case's order on the next pass over them.
        const std::size_t n = w.cases.size();
        const bool readingFirst = (i % 2 + (i / n) % 2) % 2 == 0;
        const Case& c = w.cases[i++ % n];
        const CaseAnalyzer& first = readingFirst ? *w.analyzer : *w.analyzerWithoutReading;
        const CaseAnalyzer& second = readingFirst ? *w.analyzerWithoutReading : *w.analyzer;
        const auto t0 = Clock::now();
        const CaseAnalysis a = first.analyze(c);
        const auto t1 = Clock::now();
        const CaseAnalysis b = second.analyze(c);
        const auto t2 = Clock::now();
        benchmark::DoNotOptimize(a.findings.data());
        benchmark::DoNotOptimize(b.findings.data());
        with += readingFirst ? t1 - t0 : t2 - t1;
        without += readingFirst ? t2 - t1 : t1 - t0;
    }
    const double n = double(state.iterations());
    const double withUs = std::chrono::duration<double, std::micro>(with).count() / n;
    const double withoutUs = std::chrono::duration<double, std::micro>(without).count() / n;
    state.counters["with_us"] = withUs;
    state.counters["without_us"] = withoutUs;
    state.counters["added_pct"] = 100.0 * (withUs - withoutUs) / withoutUs;
    state.SetLabel(w.data.label);
}
BENCHMARK(BM_ReadingShare)->Unit(benchmark::kMicrosecond);

// The reading-error check alone (question values, output judgements, comparison).
void BM_ReadingCheck(benchmark::State& state) {
    World& w = world();
    std::size_t i = 0, findings = 0;
    for (auto _ : state) {
        const Case& c = w.cases[i++ % w.cases.size()];
        const auto f = w.readingChecker->check(c.question, c.output);
        findings += f.size();
        benchmark::DoNotOptimize(f.data());
    }
    state.SetItemsProcessed(std::int64_t(state.iterations()));
    state.counters["findings/case"] = double(findings) / double(state.iterations());
    state.SetLabel(w.data.label);
}
BENCHMARK(BM_ReadingCheck)->Unit(benchmark::kMicrosecond);

// Analysis throughput over all cores after the KG is loaded (DESIGN: >= 2,000 cases/s).
void BM_AnalyzeAllCases(benchmark::State& state) {
    World& w = world();
    const int threads = int(state.range(0));
    for (auto _ : state) {
        std::atomic<std::size_t> next{0};
        auto work = [&] {
            for (std::size_t i = next++; i < w.cases.size(); i = next++)
                benchmark::DoNotOptimize(w.analyzer->analyze(w.cases[i]).findings.size());
        };
        std::vector<std::thread> pool;
        for (int t = 1; t < threads; ++t)
            pool.emplace_back(work);
        work();
        for (auto& t : pool)
            t.join();
    }
    state.SetItemsProcessed(std::int64_t(state.iterations() * w.cases.size()));
    state.SetLabel(w.data.label + ", " + std::to_string(w.cases.size()) + " cases");
}
BENCHMARK(BM_AnalyzeAllCases)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// End to end as `reasonscope analyze` runs it: lexicons, KG (from the cache after the
// first iteration, as on a user's second start), import, analysis on 2 threads, a fresh
// project file with every case, finding and pattern committed.
void BM_PipelineEndToEnd(benchmark::State& state) {
    const Corpus data = corpus();
    const fs::path dir = fs::temp_directory_path() / "rs-bench-pipeline";
    fs::create_directories(dir);
    std::size_t cases = 0;
    for (auto _ : state) {
        state.PauseTiming();
        const fs::path project = dir / "bench.rsproj";
        for (const char* suffix : {"", "-wal", "-shm"})
            fs::remove(project.string() + suffix);
        PipelineRequest req;
        req.kgFiles = data.kgFiles;
        req.inputFiles = {data.outputs};
        req.projectPath = project.string();
        req.resourcesDir = RS_DEFAULT_RESOURCES;
        req.cacheDir = (dir / "cache").string();
        req.threads = 2;
        state.ResumeTiming();
        const PipelineResult r = runAnalysis(req, {});
        if (!r.ok)
            state.SkipWithError(r.fatalError.c_str());
        cases = r.casesAnalysed;
    }
    state.SetLabel(data.label + ", " + std::to_string(cases) + " cases, KG from cache");
}
BENCHMARK(BM_PipelineEndToEnd)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(5);

} // namespace

BENCHMARK_MAIN();
