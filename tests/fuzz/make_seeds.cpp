// Writes the binary seed inputs of two fuzz targets into a folder:
//   kg_cache/seed-small.bin   a cache of a five-node graph for the source list {"fuzz-source"}
//   project_open/seed-small.rsproj  a project of the given --json document's first cases,
//                             with a review and the patterns, on 512-byte pages (small seed)
//   raster/grey.png, raster/colour.jpg, raster/grey.jpg   tiny pictures written by Qt
// Usage: fuzz_make_seeds OUT_DIR ANALYZE_JSON
#include "KnowledgeGraph.h"
#include "KnowledgeGraphCache.h"
#include "ProjectStore.h"

#include <sqlite3.h>

#include <QImage>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using nlohmann::json;

static void writeCache(const fs::path& dir) {
    rs::KnowledgeGraphBuilder b;
    b.beginSource();
    const auto fever = b.addNode("DOID:1", "fever", "Symptom");
    const auto flu = b.addNode("DOID:2", "influenza", "Disease");
    const auto aspirin = b.addNode("DB1", "aspirin", "Compound");
    const auto gene = b.addNode("G1", "IL6", "Gene");
    b.addAlias(flu, "flu");
    b.addEdge(flu, "presents", fever);
    b.addEdge(aspirin, "treats", flu);
    b.addEdge(gene, "associates", flu);
    const rs::KnowledgeGraph g = b.build();
    std::vector<rs::KgSourceReport> sources(1);
    sources[0].path = "kg.tsv";
    sources[0].format = "triples";
    sources[0].sha256 = "fuzz-source";
    std::vector<rs::ImportError> errors{{"kg.tsv", 3, 0, "empty head"}};
    fs::create_directories(dir / "kg_cache");
    std::string why;
    if (!rs::writeKgCache((dir / "kg_cache" / "seed-small.bin").string(), {"fuzz-source"}, g,
                          sources, errors, &why))
        std::fprintf(stderr, "cache: %s\n", why.c_str());
}

static void writeProject(const fs::path& dir, const fs::path& analyzeJson) {
    fs::create_directories(dir / "project_open");
    const fs::path path = dir / "project_open" / "seed-small.rsproj";
    fs::remove(path);
    sqlite3* db = nullptr; // small pages keep the seed small
    sqlite3_open(path.c_str(), &db);
    sqlite3_exec(db, "PRAGMA page_size=512; VACUUM;", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    std::string error;
    auto store = rs::ProjectStore::open(path.string(), &error);
    if (!store) {
        std::fprintf(stderr, "project: %s\n", error.c_str());
        return;
    }
    std::ifstream in(analyzeJson);
    const json doc = json::parse(in);
    const auto run = store->ensureRun("fuzz-run", "model", "outputs.jsonl", "abc");
    int n = 0;
    for (const json& c : doc.at("cases")) {
        if (n++ == 3)
            break;
        rs::Case k;
        k.key = c.value("id", "");
        k.question = c.value("question", "q");
        k.output = c.value("output", "o");
        const auto id = store->addCase(k, run);
        store->saveAnalysis(id, c);
        rs::ProjectStore::Review r;
        r.caseId = id;
        r.reviewer = "fuzz";
        r.verdict = "confirmed";
        store->addReview(r);
    }
    if (doc.contains("patterns"))
        store->replacePatterns(doc.at("patterns"));
    store->addImportError({"outputs.jsonl", 2, 0, "bad record"});
    store.reset();
    sqlite3_open(path.c_str(), &db);
    sqlite3_exec(db, "PRAGMA journal_mode=DELETE; VACUUM;", nullptr, nullptr, nullptr);
    sqlite3_close(db);
}

static void writeRaster(const fs::path& dir) {
    fs::create_directories(dir / "raster");
    QImage grey(12, 9, QImage::Format_Grayscale8);
    QImage colour(8, 8, QImage::Format_RGB32);
    for (int y = 0; y < 9; ++y)
        for (int x = 0; x < 12; ++x) {
            grey.setPixel(x, y, qRgb(x * 20, x * 20, x * 20));
            if (x < 8 && y < 8)
                colour.setPixel(x, y, qRgb(x * 30, y * 30, 128));
        }
    grey.save(QString::fromStdString((dir / "raster" / "grey.png").string()), "PNG");
    grey.save(QString::fromStdString((dir / "raster" / "grey.jpg").string()), "JPEG", 50);
    colour.save(QString::fromStdString((dir / "raster" / "colour.jpg").string()), "JPEG", 50);
}

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: fuzz_make_seeds OUT_DIR ANALYZE_JSON\n");
        return 2;
    }
    writeCache(argv[1]);
    writeProject(argv[1], argv[2]);
    writeRaster(argv[1]);
    return 0;
}
