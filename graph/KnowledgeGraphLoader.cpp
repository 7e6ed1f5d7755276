#include "KnowledgeGraphLoader.h"

#include "DiseaseOntologyLoader.h"
#include "HetionetLoader.h"
#include "KgFormat.h"
#include "KgLoadContext.h"
#include "KnowledgeGraphCache.h"
#include "PrimeKgLoader.h"
#include "SourceHashMemo.h"
#include "TripleTableLoader.h"

#include <algorithm>
#include <filesystem>
#include <new>

namespace rs {

namespace {

// Lower loads first. Sources that define nodes come before the SIF, which only names them;
// Hetionet nodes come first of all so its ids and names are the ones others merge into.
int loadPriority(KgFormat f) {
    switch (f) {
    case KgFormat::HetionetNodes:
        return 0;
    case KgFormat::DoHierarchy:
        return 1;
    case KgFormat::DoDiseaseSymptom:
        return 2;
    case KgFormat::PrimeKg:
        return 3;
    case KgFormat::Triples:
        return 4;
    case KgFormat::HetionetEdges:
        return 5;
    case KgFormat::Unknown:
        break;
    }
    return 6;
}

void runLoader(KgFormat f, KnowledgeGraphBuilder& builder, KgLoadContext& context) {
    switch (f) {
    case KgFormat::HetionetNodes:
        loadHetionetNodes(builder, context);
        return;
    case KgFormat::HetionetEdges:
        loadHetionetEdges(builder, context);
        return;
    case KgFormat::DoDiseaseSymptom:
        loadDoDiseaseSymptoms(builder, context);
        return;
    case KgFormat::DoHierarchy:
        loadDoHierarchy(builder, context);
        return;
    case KgFormat::PrimeKg:
        loadPrimeKg(builder, context);
        return;
    case KgFormat::Triples:
        loadTripleTable(builder, context);
        return;
    case KgFormat::Unknown:
        return;
    }
}

std::string fileName(const std::string& path) {
    return std::filesystem::path(path).filename().string();
}

class Progress {
public:
    explicit Progress(const KgLoadOptions& options) : options_(options) {}
    void operator()(double fraction, const std::string& stage) const {
        if (options_.progress)
            options_.progress(std::clamp(fraction, 0.0, 1.0), stage);
    }
    bool cancelled() const {
        return options_.cancel && options_.cancel->load(std::memory_order_relaxed);
    }

private:
    const KgLoadOptions& options_;
};

// Stage boundaries of the progress fraction.
constexpr double kHashEnd = 0.1, kParseEnd = 0.85, kBuildEnd = 0.92;

KgLoadResult loadUncaught(const std::vector<std::string>& paths, const KgLoadOptions& options) {
    KgLoadResult result;
    const Progress progress(options);
    if (paths.empty()) {
        result.fatalError = "no knowledge-graph sources given";
        return result;
    }
    const std::size_t n = paths.size();
    result.sources.resize(n);
    std::vector<double> sizes(n, 0.0);
    double totalSize = 0;
    for (std::size_t i = 0; i < n; ++i) {
        result.sources[i].path = paths[i];
        result.sources[i].format = std::string(kgFormatName(KgFormat::Unknown));
        std::error_code ec;
        const auto size = std::filesystem::file_size(paths[i], ec);
        sizes[i] = ec ? 0.0 : double(size);
        totalSize += sizes[i];
    }
    auto share = [&](std::size_t i) { return totalSize > 0 ? sizes[i] / totalSize : 1.0 / n; };

    // The cache is keyed by content, so hashing comes first; the text is parsed only on a miss.
    std::vector<std::string> shas(n);
    SourceHashMemo hashes(
        options.cacheDir.empty()
            ? std::string()
            : (std::filesystem::path(options.cacheDir) / "source-hashes.json").string());
    bool allHashed = true;
    double done = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (progress.cancelled()) {
            result.cancelled = true;
            return result;
        }
        progress(kHashEnd * done, "Checking " + fileName(paths[i]));
        if (auto sha = hashes.sha256(paths[i])) {
            shas[i] = *sha;
            result.sources[i].sha256 = *sha;
        } else {
            allHashed = false;
        }
        done += share(i);
    }
    hashes.save();

    std::string cachePath;
    if (!options.cacheDir.empty()) {
        if (!allHashed) {
            result.cacheNote = "cache not used: a source could not be read";
        } else {
            cachePath = kgCachePath(options.cacheDir, shas);
            progress(kHashEnd, "Reading cache");
            std::string why;
            if (auto entry = readKgCache(cachePath, shas, &why)) {
                // The files may have moved since; the content is what the cache vouches for.
                for (std::size_t i = 0; i < n; ++i) {
                    for (auto& e : entry->errors)
                        if (e.file == entry->sources[i].path)
                            e.file = paths[i];
                    entry->sources[i].path = paths[i];
                }
                result.sources = std::move(entry->sources);
                result.errors = std::move(entry->errors);
                result.graph = std::make_shared<const KnowledgeGraph>(std::move(entry->graph));
                result.fromCache = true;
                progress(1.0, "Done");
                return result;
            }
            if (std::filesystem::exists(cachePath))
                result.cacheNote = "cache ignored (" + why + "); parsing the sources again";
        }
    }

    std::vector<KgFormat> formats(n, KgFormat::Unknown);
    std::vector<std::vector<ImportError>> errorsOf(n);
    for (std::size_t i = 0; i < n; ++i) {
        const KgFormatGuess guess = sniffKgFile(paths[i]);
        formats[i] = guess.format;
        result.sources[i].format = std::string(kgFormatName(guess.format));
        if (guess.format == KgFormat::Unknown) {
            errorsOf[i].push_back(ImportError{paths[i], 0, 0, guess.problem});
            result.sources[i].errors = 1;
        }
    }
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < n; ++i)
        if (formats[i] != KgFormat::Unknown)
            order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return loadPriority(formats[a]) < loadPriority(formats[b]);
    });

    KnowledgeGraphBuilder builder;
    done = 0;
    for (const std::size_t i : order) {
        KgLoadContext context(paths[i]);
        context.setCancelFlag(options.cancel);
        const std::string stage = "Reading " + fileName(paths[i]);
        const double base = kHashEnd + (kParseEnd - kHashEnd) * done;
        const double width = (kParseEnd - kHashEnd) * share(i);
        progress(base, stage);
        if (options.progress)
            context.setProgress([&, base, width](double f) { progress(base + width * f, stage); });
        const std::size_t nodesBefore = builder.nodeCount();
        runLoader(formats[i], builder, context);
        if (context.cancelled()) {
            result.cancelled = true;
            return result;
        }
        KgSourceReport& report = result.sources[i];
        report.nodes = context.nodeCount();
        report.newNodes = builder.nodeCount() - nodesBefore;
        report.edges = context.edgeCount();
        report.errors = context.errorCount();
        errorsOf[i] = context.takeErrors();
        done += share(i);
    }
    for (auto& errors : errorsOf)
        for (auto& e : errors)
            result.errors.push_back(std::move(e));

    if (builder.nodeCount() == 0) {
        result.fatalError = "no nodes could be loaded from the " + std::to_string(n) +
                            " source(s) given; see the errors";
        return result;
    }
    progress(kParseEnd, "Building graph");
    auto graph = std::make_shared<const KnowledgeGraph>(builder.build());
    if (!cachePath.empty()) {
        progress(kBuildEnd, "Writing cache");
        std::string why;
        if (!writeKgCache(cachePath, shas, *graph, result.sources, result.errors, &why))
            result.cacheNote = "cache not written: " + why;
    }
    result.graph = std::move(graph);
    progress(1.0, "Done");
    return result;
}

} // namespace

KgLoadResult loadKnowledgeGraph(const std::vector<std::string>& paths,
                                const KgLoadOptions& options) {
    try {
        return loadUncaught(paths, options);
    } catch (const std::bad_alloc&) {
        KgLoadResult result;
        result.fatalError = "out of memory while loading the knowledge graph";
        return result;
    } catch (const std::exception& e) {
        KgLoadResult result;
        result.fatalError = std::string("knowledge-graph load failed: ") + e.what();
        return result;
    }
}

} // namespace rs
