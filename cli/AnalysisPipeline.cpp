#include "AnalysisPipeline.h"

#include "CaseResultJson.h"
#include "GraphKnowledgeBase.h"
#include "KnowledgeGraphLoader.h"
#include "Lexicon.h"
#include "NameIndex.h"
#include "NihBoxList.h"
#include "ProjectStore.h"
#include "ReferencePathFinder.h"
#include "ResourceLocator.h"
#include "Sha256.h"
#include "reading/ReadingChecker.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <thread>

namespace rs {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
}

bool cancelled(const std::atomic<bool>* cancel) {
    return cancel && cancel->load();
}

// The reference ranges of the resource folder and the reading checker over them; no
// checker when the table cannot be read (the other finding classes do not need it).
class ReadingSetup {
public:
    explicit ReadingSetup(const std::string& resourcesDir) {
        if (table_.load(referenceRangesFile(resourcesDir)) && table_.rowCount() > 0)
            checker_ = std::make_unique<reading::ReadingChecker>(table_);
    }
    const reading::ReadingChecker* checker() const { return checker_.get(); }

private:
    reading::ReferenceRangeTable table_;
    std::unique_ptr<reading::ReadingChecker> checker_;
};

// Analyses a batch on all workers. The analyzer is const and thread-safe; each worker
// takes the next unclaimed case, so uneven case sizes balance out.
std::vector<nlohmann::json> analyseBatch(const std::vector<Case>& batch,
                                         const CaseAnalyzer& analyzer, const KnowledgeBase& kb,
                                         int threads) {
    std::vector<nlohmann::json> results(batch.size());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next++; i < batch.size(); i = next++)
            results[i] = caseResultJson(batch[i], analyzer.analyze(batch[i]), kb);
    };
    const int n = std::max(1, std::min<int>(threads, int(batch.size())));
    std::vector<std::thread> pool;
    for (int t = 1; t < n; ++t)
        pool.emplace_back(work);
    work();
    for (auto& t : pool)
        t.join();
    return results;
}

void tallyClaimsAndFindings(const Case& c, const nlohmann::json& analysis, PipelineResult& result) {
    if (const auto claims = analysis.find("claims"); claims != analysis.end() && claims->is_array())
        for (const auto& cl : *claims)
            if (cl.value("owner", "model") == "model")
                ++result.modelClaimsByStatus[cl.value("status", "unverified")];
    if (!c.correct)
        return;
    const auto findings = analysis.find("findings");
    const bool any = findings != analysis.end() && findings->is_array() && !findings->empty();
    (*c.correct ? result.rightCases : result.wrongCases) += 1;
    (*c.correct ? result.rightWithFinding : result.wrongWithFinding) += any ? 1 : 0;
}

// The lexicons of the resource folder, and the complete-list declarations each KG file may
// have beside it (completeness is a property of a source). False with error when the
// lexicons cannot be read.
bool loadLexicon(const PipelineRequest& req, Lexicon& lexicon, std::string& error) {
    const std::filesystem::path lexDir = std::filesystem::path(req.resourcesDir) / "lexicon";
    std::vector<ImportError> lexiconErrors;
    if (!lexicon.load(lexDir.string(), &lexiconErrors)) {
        error = "cannot read the lexicons in " + lexDir.string() +
                (lexiconErrors.empty() ? "" : ": " + lexiconErrors.front().toString());
        return false;
    }
    for (const std::string& kgFile : req.kgFiles)
        if (std::filesystem::exists(Lexicon::completeListsFileFor(kgFile)))
            lexicon.loadCompleteLists(Lexicon::completeListsFileFor(kgFile), &lexiconErrors);
    return true;
}

// What the analysis ran with, for the audit report: the KG sources and the settings.
void recordSettings(ProjectStore& store, const KgLoadResult& kg, const PipelineRequest& req) {
    ProjectStore::Transaction tx(store);
    for (const auto& s : kg.sources)
        store.addKgSource(s.path, s.format, s.sha256, s.nodes, s.edges);
    store.setSetting("analysis.k", std::to_string(req.settings.k));
    store.setSetting("analysis.max_hops", std::to_string(req.settings.maxHops));
    store.setSetting("analysis.iou_threshold", std::to_string(req.settings.iouThreshold));
    tx.commit();
}

void loadBoxLists(const PipelineRequest& req, ProjectStore& store, importers::NihBoxList& boxLists,
                  PipelineResult& result) {
    std::vector<ImportError> boxErrors;
    for (const std::string& path : req.boxFiles)
        if (!boxLists.load(path, boxErrors))
            result.someInputUnreadable = true;
    ProjectStore::Transaction tx(store);
    for (const auto& e : boxErrors)
        store.addImportError(e);
    tx.commit();
    result.importErrors.insert(result.importErrors.end(), boxErrors.begin(), boxErrors.end());
}

// Stores a file's import errors and, for a file read to its end, marks its runs whole in
// the same transaction; runs of a file that stopped early (a fatal read error, a cancel)
// stay marked as cut short.
void finishFile(ProjectStore& store, const std::vector<ImportError>& fileErrors,
                const std::set<std::int64_t>& fileRuns, bool wholeFile) {
    ProjectStore::Transaction tx(store);
    for (const auto& e : fileErrors)
        store.addImportError(e);
    if (wholeFile)
        for (const std::int64_t run : fileRuns)
            store.setRunComplete(run, true);
    tx.commit();
}

// What the run summary says of the loaded graph: each source's counts, and the totals.
void describeKnowledgeGraph(const KgLoadResult& kg, PipelineResult& result) {
    for (const auto& s : kg.sources)
        result.kgSources.push_back(
            s.path + " (" + s.format + "): " + std::to_string(s.nodes) + " nodes, " +
            std::to_string(s.edges) + " edges" +
            (s.errors ? ", " + std::to_string(s.errors) + " bad lines" : ""));
    result.kgNodes = kg.graph->nodeCount();
    result.kgEdges = kg.graph->edgeCount();
}

} // namespace

PipelineResult runAnalysis(const PipelineRequest& req, const PipelineProgress& progress,
                           const std::atomic<bool>* cancel) {
    PipelineResult result;
    auto report = [&](const std::string& stage, double f) {
        if (progress)
            progress(stage, f);
    };
    const int threads =
        req.threads > 0 ? req.threads : int(std::max(1u, std::thread::hardware_concurrency()));

    // Lexicons first: a broken resource folder should fail before minutes of KG loading.
    Lexicon lexicon;
    if (!loadLexicon(req, lexicon, result.fatalError))
        return result;

    // Knowledge graph.
    const auto kgStart = Clock::now();
    KgLoadOptions kgOptions;
    kgOptions.cacheDir = req.cacheDir;
    kgOptions.cancel = cancel;
    kgOptions.progress = [&](double f, const std::string&) { report("knowledge graph", f); };
    KgLoadResult kg = loadKnowledgeGraph(req.kgFiles, kgOptions);
    result.secondsKg = secondsSince(kgStart);
    result.kgErrors = kg.errors;
    result.kgFromCache = kg.fromCache;
    if (kg.cancelled) {
        result.cancelled = true;
        return result;
    }
    if (!kg.graph) {
        result.fatalError = "knowledge graph: " + kg.fatalError;
        result.someInputUnreadable = true;
        return result;
    }
    describeKnowledgeGraph(kg, result);
    const KnowledgeGraph& graph = *kg.graph;

    const std::filesystem::path lexDir = std::filesystem::path(req.resourcesDir) / "lexicon";
    std::vector<ImportError> lexiconErrors;
    NameIndex names(graph);
    names.loadSynonyms((lexDir / "synonyms.tsv").string(), &lexiconErrors);
    names.loadGeneSymbolStoplist((lexDir / "gene-symbol-stoplist.txt").string(), &lexiconErrors);
    ReferencePathFinder paths(graph, 1.0, req.settings.mechanisticKinds);
    GraphKnowledgeBase kb(graph, names, paths);
    CaseAnalyzer analyzer(kb, lexicon, req.settings);
    const ReadingSetup readingSetup(req.resourcesDir);
    analyzer.setReadingChecker(readingSetup.checker());

    // Project file.
    std::string error;
    auto store = ProjectStore::open(req.projectPath, &error);
    if (!store) {
        result.fatalError = error;
        return result;
    }
    recordSettings(*store, kg, req);

    // Reference boxes from box lists, attached to every imported case whose images they
    // name. A bad row is an import error like a bad record; an unreadable list is an
    // unreadable input.
    importers::NihBoxList boxLists;
    loadBoxLists(req, *store, boxLists, result);

    // Import and analyse, one committed batch at a time: a crash loses at most the batch in
    // flight, and memory stays flat however large the input.
    const auto analysisStart = Clock::now();
    constexpr std::size_t kBatch = 512;
    std::map<std::pair<std::string, std::string>, std::int64_t> runIds; // (run, file) -> id
    ImportOptions importOptions;
    importOptions.mapping = req.mapping;
    importOptions.questionFiles = req.questionFiles;
    importOptions.runLabel = req.runLabel;
    importOptions.includeUnnamedRuns = req.includeUnnamedRuns;
    importOptions.cancel = cancel;

    for (std::size_t fileIndex = 0; fileIndex < req.inputFiles.size(); ++fileIndex) {
        const std::string& path = req.inputFiles[fileIndex];
        std::vector<Case> batch;
        std::vector<ImportError> fileErrors;
        std::string fileSha;
        std::set<std::int64_t> fileRuns; // runs this file stores into, complete once it ends
        auto flush = [&] {
            if (batch.empty())
                return;
            const auto results = analyseBatch(batch, analyzer, kb, threads);
            ProjectStore::Transaction tx(*store);
            for (std::size_t i = 0; i < batch.size(); ++i) {
                const Case& c = batch[i];
                auto key = std::make_pair(c.run, c.sourceFile);
                auto it = runIds.find(key);
                if (it == runIds.end()) {
                    it =
                        runIds.emplace(key, store->ensureRun(c.run, c.model, c.sourceFile, fileSha))
                            .first;
                    // Committed with the run's first cases: from then until the file is
                    // stored to the end, the run shows as incomplete.
                    store->setRunComplete(it->second, false);
                }
                fileRuns.insert(it->second);
                const std::int64_t caseId = store->addCase(c, it->second);
                store->saveAnalysis(caseId, results[i]);
                tallyClaimsAndFindings(c, results[i], result);
            }
            tx.commit();
            result.casesAnalysed += batch.size();
            batch.clear();
        };
        // Hashed once here: the run record needs it before the first batch is stored.
        fileSha = Sha256::hexOfFile(path).value_or("");
        importOptions.sourceSha256 = fileSha;
        ImportSummary summary = importOutputs(
            path, importOptions,
            [&](Case&& c) {
                result.referenceBoxesAttached += boxLists.attachTo(c);
                batch.push_back(std::move(c));
                if (batch.size() >= kBatch) {
                    flush();
                    report("analysis", double(fileIndex) / double(req.inputFiles.size()));
                }
            },
            [&](ImportError&& e) { fileErrors.push_back(std::move(e)); });
        const bool wholeFile = !summary.cancelled && !cancelled(cancel);
        if (wholeFile)
            flush();
        PipelineInputReport in{
            path,           toString(summary.format), summary.sha256, summary.imported,
            summary.failed, summary.fatalError,       summary.notes};
        if (!summary.fatalError.empty()) {
            result.someInputUnreadable = true;
            fileErrors.push_back(ImportError{path, 0, 0, summary.fatalError});
        }
        finishFile(*store, fileErrors, fileRuns, wholeFile && summary.fatalError.empty());
        result.importErrors.insert(result.importErrors.end(), fileErrors.begin(), fileErrors.end());
        result.inputs.push_back(std::move(in));
        if (summary.cancelled || cancelled(cancel)) {
            result.cancelled = true;
            return result;
        }
    }

    // Patterns over the whole project, so a second import adds to the same picture.
    report("patterns", 0.0);
    store->recountPatterns();
    result.secondsAnalysis = secondsSince(analysisStart);
    report("patterns", 1.0);
    result.ok = true;
    return result;
}

} // namespace rs
