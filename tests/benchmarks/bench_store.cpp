// Case-table queries of the project store on a generated 100k-case project: opening it,
// and for each filter and sort column what the table does on a query change (countCases
// plus the first page of 256 rows), rowOfCase and the dashboard's facets. The design's
// target is < 100 ms for each.
//
// The project is generated once (about a minute) and kept at $RS_BENCH_STORE, else in
// the temporary folder as rs_bench_store_100k.rsproj; delete it to regenerate. A project
// made by an older generator (its "bench_generator" setting differs) is regenerated.
// $RS_BENCH_STORE_CASES generates another number of cases (with its own $RS_BENCH_STORE),
// e.g. the 10k project the report's memory is measured on (docs/audit-report.md).
#include "PatternAggregator.h"
#include "ProjectStore.h"

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <random>
#include <string>
#include <vector>

using namespace rs;
using nlohmann::json;

namespace {

const int kCases = [] {
    const char* env = std::getenv("RS_BENCH_STORE_CASES");
    return env && std::atoi(env) > 0 ? std::atoi(env) : 100000;
}();
constexpr int kRuns = 4;
constexpr std::int64_t kPage = 256;
// Every case mentions the common word; about one case in a thousand the rare one.
constexpr const char* kCommonWord = "patient";
constexpr const char* kRareWord = "zygomycosis";
// Bumped whenever generate() changes what it writes.
// The case count is part of it: a project of another size is regenerated too.
const std::string kGeneratorVersion = "2/" + std::to_string(kCases);

std::string projectPath() {
    if (const char* env = std::getenv("RS_BENCH_STORE"); env && *env)
        return env;
    return (std::filesystem::temp_directory_path() / "rs_bench_store_100k.rsproj").string();
}

const std::vector<std::string>& vocabulary() {
    static const std::vector<std::string> words = [] {
        std::vector<std::string> w = {
            "fever",     "cough",       "dyspnea",     "chest",       "pain",        "headache",
            "nausea",    "vomiting",    "rash",        "fatigue",     "anemia",      "sepsis",
            "pneumonia", "asthma",      "diabetes",    "insulin",     "metformin",   "aspirin",
            "warfarin",  "heparin",     "tachycardia", "bradycardia", "hypotension", "renal",
            "hepatic",   "biopsy",      "culture",     "antibiotic",  "steroid",     "lesion",
            "tumor",     "carcinoma",   "lymphoma",    "infection",   "virus",       "bacteria",
            "history",   "examination", "laboratory",  "serum",       "elevated",    "decreased"};
        // Filler with a long tail, so the index holds many rare terms like a real corpus.
        for (int i = 0; i < 2000; ++i)
            w.push_back("term" + std::to_string(i));
        return w;
    }();
    return words;
}

std::string text(std::mt19937_64& rng, int words) {
    const auto& vocab = vocabulary();
    std::geometric_distribution<int> zipfish(0.02);
    std::string s = std::string("A ") + kCommonWord;
    for (int i = 0; i < words; ++i) {
        s += ' ';
        s += vocab[std::size_t(zipfish(rng)) % vocab.size()];
    }
    return s + '.';
}

void generate(const std::string& path) {
    std::cerr << "generating " << kCases << " cases in " << path << " ...\n";
    std::filesystem::remove(path);
    std::filesystem::remove(path + "-wal");
    std::filesystem::remove(path + "-shm");
    std::string error;
    auto store = ProjectStore::open(path, &error);
    if (!store)
        throw std::runtime_error(error);
    std::mt19937_64 rng(7);
    std::uniform_int_distribution<int> nFindings(0, 5), pick(0, 99);
    // Concepts named in findings: a long tail over 2,000 names, as on real data, so the
    // projection view has far more candidates than it shows.
    std::geometric_distribution<int> conceptOf(0.005);
    const char* types[] = {"relation", "branch", "missing", "grounding"};
    const char* subtypes[][3] = {{"wrong_relation", "unsupported", "contradicted_negation"},
                                 {"plausible_branch", "jump", "jump"},
                                 {"missing_intermediate", "ignored_evidence", "ignored_evidence"},
                                 {"ungrounded", "ambiguous", "ungrounded"}};
    const char* kinds[] = {"Disease", "Symptom", "Compound", "Anatomy", "Gene"};
    const char* relations[] = {"treats", "causes", "presents", "localizes", "associates"};
    const char* severities[] = {"none", "minor", "major", "critical"};
    std::vector<std::int64_t> runs;
    for (int r = 0; r < kRuns; ++r)
        runs.push_back(store->ensureRun("model-" + std::to_string(r), "m", "f", std::to_string(r)));
    ProjectStore::Transaction t(*store);
    for (int i = 0; i < kCases; ++i) {
        Case c;
        c.key = "case-" + std::to_string(i);
        c.questionId = "q" + std::to_string(i / kRuns);
        c.dataset = "medqa";
        c.model = "m";
        c.sourceFile = "f";
        c.question = text(rng, 90);
        if (pick(rng) == 0)
            c.question += std::string(" ") + kRareWord;
        c.output = text(rng, 180);
        c.options = {{"A", "aspirin"}, {"B", "warfarin"}, {"C", "heparin"}, {"D", "insulin"}};
        c.gold = "A";
        c.prediction = pick(rng) < 60 ? "A" : "B";
        if (pick(rng) < 95)
            c.correct = c.prediction == "A";
        const std::int64_t id = store->addCase(c, runs[std::size_t(i % kRuns)]);
        json findings = json::array();
        const int n = nFindings(rng);
        for (int k = 0; k < n; ++k) {
            const int type = pick(rng) % 4;
            const std::string subtype = subtypes[type][pick(rng) % 3];
            std::string signature = std::string(types[type]) + "/" + subtype + "/";
            if (type == 0)
                signature += std::string("(") + kinds[pick(rng) % 5] + "," +
                             relations[pick(rng) % 5] + "," + kinds[pick(rng) % 5] + ")";
            else
                signature += "term" + std::to_string(pick(rng));
            findings.push_back(
                {{"type", types[type]},
                 {"subtype", subtype},
                 {"severity", severities[pick(rng) % 4]},
                 {"step", k},
                 {"nodes", json::array({"concept" + std::to_string(conceptOf(rng)),
                                        "concept" + std::to_string(conceptOf(rng))})},
                 {"explanation", "A generated finding for the benchmark."},
                 {"signature", signature}});
        }
        if (pick(rng) < 90)
            store->saveAnalysis(id, {{"id", c.key}, {"findings", findings}});
        if (pick(rng) < 5)
            store->addReview({0, id, std::nullopt, "bench", "expert",
                              pick(rng) < 50 ? "confirmed" : "rejected", "minor", "", "", -1, ""});
    }
    // Recurring patterns as the analysis pipeline stores them.
    PatternAggregator patterns;
    store->forEachFindingSignature([&](const ProjectStore::FindingSignature& f) {
        patterns.add(f.run + "/" + f.caseKey, f.type, f.subtype, f.signature);
    });
    store->replacePatterns(patterns.toJson());
    store->setSetting("bench_generator", kGeneratorVersion);
    t.commit();
}

bool isCurrent(const std::string& path) {
    if (!std::filesystem::exists(path))
        return false;
    std::string error;
    auto s = ProjectStore::openReadOnly(path, &error);
    return s && s->setting("bench_generator") == std::optional<std::string>(kGeneratorVersion);
}

ProjectStore& store() {
    static std::unique_ptr<ProjectStore> s = [] {
        const std::string path = projectPath();
        if (!isCurrent(path))
            generate(path);
        std::string error;
        auto opened = ProjectStore::openReadOnly(path, &error);
        if (!opened)
            throw std::runtime_error(error);
        return opened;
    }();
    return *s;
}

void openProject(benchmark::State& state) {
    store(); // generated outside the timing
    for (auto _ : state) {
        std::string error;
        auto s = ProjectStore::openReadOnly(projectPath(), &error);
        benchmark::DoNotOptimize(s->countCases({}));
        benchmark::DoNotOptimize(s->caseRows({}, 0, kPage));
    }
}

void firstPage(benchmark::State& state, const CaseQuery& query) {
    ProjectStore& s = store();
    std::int64_t n = 0;
    for (auto _ : state) {
        n = s.countCases(query);
        benchmark::DoNotOptimize(s.caseRows(query, 0, kPage));
    }
    state.counters["cases"] = double(n);
}

// The FTS5 hits of a search are kept as a bitmap while the file is unchanged; alternating
// between two spellings of the same search measures the first query after typing.
void firstPageUncached(benchmark::State& state, const CaseQuery& query) {
    ProjectStore& s = store();
    CaseQuery other = query;
    other.search += ' ';
    bool flip = false;
    for (auto _ : state) {
        const CaseQuery& q = (flip = !flip) ? query : other;
        benchmark::DoNotOptimize(s.countCases(q));
        benchmark::DoNotOptimize(s.caseRows(q, 0, kPage));
    }
}

void lastPage(benchmark::State& state, const CaseQuery& query) {
    ProjectStore& s = store();
    const std::int64_t n = s.countCases(query);
    for (auto _ : state)
        benchmark::DoNotOptimize(s.caseRows(query, std::max<std::int64_t>(n - kPage, 0), kPage));
}

void rowOfCase(benchmark::State& state, const CaseQuery& query) {
    ProjectStore& s = store();
    for (auto _ : state)
        benchmark::DoNotOptimize(s.rowOfCase(query, kCases / 2));
}

void facets(benchmark::State& state, const CaseQuery& query) {
    ProjectStore& s = store();
    for (auto _ : state)
        benchmark::DoNotOptimize(s.facets(query));
}

// What the dashboard reads besides facets: the pattern list, recounted under a filter.
void patternCounts(benchmark::State& state, const CaseQuery& query) {
    ProjectStore& s = store();
    for (auto _ : state) {
        std::vector<std::string> signatures;
        for (const auto& p : s.patternSummaries())
            signatures.push_back(p.signature);
        benchmark::DoNotOptimize(s.countCasesBySignature(query, signatures));
    }
}

// What the concept map reads before its layout: the 151 most affected concepts and their
// co-occurrence links.
void conceptMap(benchmark::State& state, const CaseQuery& query) {
    ProjectStore& s = store();
    for (auto _ : state) {
        std::vector<std::string> names;
        for (const auto& c : s.findingConcepts(query, 151))
            names.push_back(c.name);
        benchmark::DoNotOptimize(s.conceptLinks(names));
    }
}

void registerAll() {
    using Sort = CaseQuery::Sort;
    const std::pair<const char*, Sort> sorts[] = {{"id", Sort::Id},
                                                  {"key", Sort::Key},
                                                  {"run", Sort::Run},
                                                  {"correct", Sort::Correct},
                                                  {"relation", Sort::Relation},
                                                  {"branch", Sort::Branch},
                                                  {"missing", Sort::Missing},
                                                  {"grounding", Sort::Grounding},
                                                  {"severity", Sort::Severity},
                                                  {"review", Sort::ReviewState}};
    auto unit = [](benchmark::internal::Benchmark* b) { b->Unit(benchmark::kMillisecond); };

    unit(benchmark::RegisterBenchmark("store/open_first_page", openProject));
    for (const auto& [name, sort] : sorts) {
        for (bool desc : {false, true}) {
            CaseQuery q;
            q.sort = sort;
            q.descending = desc;
            unit(benchmark::RegisterBenchmark(
                ("store/first_page/sort_" + std::string(name) + (desc ? "_desc" : "")).c_str(),
                firstPage, q));
        }
    }
    std::vector<std::pair<std::string, CaseQuery>> filters;
    {
        CaseQuery q;
        q.runId = 2;
        filters.emplace_back("run", q);
        q.correctness = StoreCorrectness::Incorrect;
        filters.emplace_back("run_incorrect", q);
    }
    {
        CaseQuery q;
        q.findingTypes = {"branch"};
        filters.emplace_back("type_branch", q);
        q.sort = Sort::Severity;
        q.descending = true;
        filters.emplace_back("type_branch_by_severity", q);
    }
    {
        CaseQuery q;
        q.findingSubtypes = {"contradicted_negation"};
        filters.emplace_back("subtype", q);
    }
    {
        CaseQuery q;
        q.signatures = {"missing/ignored_evidence/term7"};
        filters.emplace_back("signature", q);
    }
    {
        CaseQuery q;
        q.reviewState = "confirmed";
        filters.emplace_back("review_confirmed", q);
    }
    {
        CaseQuery q;
        q.search = kCommonWord;
        filters.emplace_back("fts_common", q);
        q.sort = Sort::Relation;
        filters.emplace_back("fts_common_by_relation", q);
    }
    {
        CaseQuery q;
        q.search = kRareWord;
        filters.emplace_back("fts_rare", q);
    }
    {
        CaseQuery q;
        for (std::int64_t id = 1; id <= kCases; id += 100)
            q.caseIds.push_back(id);
        filters.emplace_back("selection_1000", q);
    }
    for (const auto& [name, q] : filters) {
        unit(benchmark::RegisterBenchmark(("store/first_page/" + name).c_str(), firstPage, q));
        if (!q.search.empty())
            unit(benchmark::RegisterBenchmark(("store/first_page/" + name + "_uncached").c_str(),
                                              firstPageUncached, q));
    }

    CaseQuery bySeverity;
    bySeverity.sort = Sort::Severity;
    unit(benchmark::RegisterBenchmark("store/last_page/sort_severity", lastPage, bySeverity));
    unit(benchmark::RegisterBenchmark("store/row_of_case/sort_severity", rowOfCase, bySeverity));
    unit(benchmark::RegisterBenchmark("store/facets/all", facets, CaseQuery{}));
    unit(benchmark::RegisterBenchmark("store/facets/run", facets, filters[0].second));
    unit(benchmark::RegisterBenchmark("store/facets/fts_common", facets, filters[7].second));
    CaseQuery relation;
    relation.findingTypes = {"relation"};
    unit(benchmark::RegisterBenchmark("store/facets/class_relation", facets, relation));
    unit(benchmark::RegisterBenchmark("store/pattern_counts/class_relation", patternCounts,
                                      relation));
    unit(benchmark::RegisterBenchmark("store/concept_map/all", conceptMap, CaseQuery{}));
    unit(benchmark::RegisterBenchmark("store/concept_map/class_relation", conceptMap, relation));
}

} // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    registerAll();
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
