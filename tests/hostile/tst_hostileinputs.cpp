// Every file of the hostile-input corpus (MANIFEST.tsv, written by make_hostile.py) through
// the reader it is meant for: no crash, a clear message (per-record errors name the file,
// and the line where the manifest says which), and the good records around a bad one still
// read. Expectations, separated by blanks:
//   refused / read          the reader refuses the whole file (with a message) / accepts it
//   cases=N cases>=N        cases imported (model outputs, --map)
//   errors=N errors>=N      per-record errors reported
//   line=N                  one of them is at line N
//   error~WORD              the refusal or one error contains WORD ('_' stands for a blank)
//   edges=N edges>=N nodes>=N   what a knowledge-graph file contributed
//   boxes=N                 reference boxes read from an NIH box list
//   map=SPEC                read with --map SPEC
#include "CaseFilterSpec.h"
#include "ImageReader.h"
#include "KnowledgeGraphCache.h"
#include "KnowledgeGraphLoader.h"
#include "NihBoxList.h"
#include "OutputImporter.h"
#include "ProjectStore.h"

#include <QtTest>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

struct Outcome {
    bool refused = false;
    std::string message; // why it was refused
    std::vector<rs::ImportError> errors;
    std::size_t cases = 0, boxes = 0, nodes = 0, edges = 0;
};

std::string token(const std::vector<std::string>& tokens, const std::string& key) {
    for (const std::string& t : tokens)
        if (t.rfind(key, 0) == 0)
            return t.substr(key.size());
    return {};
}

Outcome readOutputs(const std::string& path, const std::string& mapSpec) {
    Outcome o;
    rs::ImportOptions options;
    if (!mapSpec.empty()) {
        std::string error;
        options.mapping = rs::FieldMapping::parse(mapSpec, &error);
        if (!options.mapping)
            qFatal("bad map= in the manifest: %s", error.c_str());
    }
    const rs::ImportSummary s = rs::importOutputs(
        path, options, [&](rs::Case&&) { ++o.cases; },
        [&](rs::ImportError&& e) { o.errors.push_back(std::move(e)); });
    if (!s.fatalError.empty()) {
        o.refused = true;
        o.message = s.fatalError;
    } else if (o.cases == 0 && !o.errors.empty() && o.errors.size() == 1) {
        // "no records" and the like come as the file's single error.
        o.refused = true;
        o.message = o.errors.front().toString();
    }
    return o;
}

Outcome readKg(const std::string& path) {
    Outcome o;
    const rs::KgLoadResult r = rs::loadKnowledgeGraph({path});
    o.errors = r.errors;
    if (!r.graph) {
        o.refused = true;
        o.message = r.fatalError;
        return o;
    }
    o.nodes = r.graph->nodeCount();
    o.edges = r.graph->edgeCount();
    return o;
}

Outcome readCache(const std::string& path) {
    Outcome o;
    std::string why;
    o.refused = !rs::readKgCache(path, {"hostile"}, &why);
    o.message = why;
    return o;
}

Outcome readImageFile(const std::string& path) {
    Outcome o;
    const rs::imaging::ImageReadResult r = rs::imaging::readImage(path);
    o.refused = !r.ok();
    o.message = r.error;
    return o;
}

Outcome readBoxes(const std::string& path) {
    Outcome o;
    rs::importers::NihBoxList list;
    o.refused = !list.load(path, o.errors);
    if (o.refused && !o.errors.empty())
        o.message = o.errors.front().toString();
    o.boxes = list.boxCount();
    return o;
}

Outcome readFilter(const std::string& path) {
    Outcome o;
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    std::vector<rs::ProjectStore::RunInfo> runs(1);
    runs[0].id = 1;
    runs[0].label = "demo";
    rs::CaseQuery q;
    o.refused = !rs::parseCaseFilter(text.str(), runs, &q, &o.message);
    return o;
}

Outcome readProject(const std::string& path) {
    Outcome o;
    // A copy: SQLite may leave -wal/-shm files beside what it opens.
    const std::string copy = QDir::temp().filePath("rs-hostile-project.rsproj").toStdString();
    std::filesystem::copy_file(path, copy, std::filesystem::copy_options::overwrite_existing);
    auto store = rs::ProjectStore::openReadOnly(copy, &o.message);
    o.refused = !store;
    if (store)
        o.cases = std::size_t(store->summary().cases);
    store.reset();
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(copy + suffix);
    return o;
}

bool contains(std::string hay, std::string needle) {
    for (char& c : needle)
        c = c == '_' ? ' ' : char(std::tolower(static_cast<unsigned char>(c)));
    for (char& c : hay)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return hay.find(needle) != std::string::npos;
}

// "5" for "=5", ">=5" for ">=5": compares n to the token's value.
bool countMatches(const std::string& spec, std::size_t n) {
    if (spec.rfind(">=", 0) == 0)
        return n >= std::stoul(spec.substr(2));
    return n == std::stoul(spec.substr(1));
}

} // namespace

class TestHostileInputs : public QObject {
    Q_OBJECT
private slots:
    void eachFile_data();
    void eachFile();
    void manifestCoversEveryFile();
};

void TestHostileInputs::eachFile_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("expect");
    std::ifstream manifest(RS_HOSTILE_DIR "/MANIFEST.tsv");
    QVERIFY(manifest);
    std::string line;
    int rows = 0;
    while (std::getline(manifest, line)) {
        if (line.empty() || line[0] == '#')
            continue;
        const std::size_t tab = line.find('\t');
        const QString file = QString::fromStdString(line.substr(0, tab));
        QTest::newRow(qPrintable(file)) << file << QString::fromStdString(line.substr(tab + 1));
        ++rows;
    }
    QVERIFY(rows >= 40);
}

void TestHostileInputs::eachFile() {
    QFETCH(QString, file);
    QFETCH(QString, expect);
    const std::string rel = file.toStdString();
    const std::string path = std::string(RS_HOSTILE_DIR) + "/" + rel;
    std::vector<std::string> tokens;
    for (const QString& t : expect.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        tokens.push_back(t.toStdString());
    const std::string reader = rel.substr(0, rel.find('/'));

    Outcome o;
    if (reader == "outputs" || reader == "mapped")
        o = readOutputs(path, token(tokens, "map="));
    else if (reader == "kg")
        o = readKg(path);
    else if (reader == "kgcache")
        o = readCache(path);
    else if (reader == "images")
        o = readImageFile(path);
    else if (reader == "boxes")
        o = readBoxes(path);
    else if (reader == "filters")
        o = readFilter(path);
    else if (reader == "projects")
        o = readProject(path);
    else
        QFAIL(qPrintable("no reader for " + file));

    QString all = QString::fromStdString(o.message);
    for (const rs::ImportError& e : o.errors)
        all += QLatin1Char('\n') + QString::fromStdString(e.toString());
    const auto why = [&] { return qPrintable(file + QLatin1String(": ") + all); };

    // Every per-record error says which file (the place a user looks) and why.
    const std::string name = std::filesystem::path(path).filename().string();
    for (const rs::ImportError& e : o.errors) {
        QVERIFY2(e.file.find(name) != std::string::npos, why());
        QVERIFY2(!e.reason.empty(), why());
    }
    if (o.refused)
        QVERIFY2(!o.message.empty(), qPrintable(file + ": refused without a message"));

    for (const std::string& t : tokens) {
        if (t == "refused") {
            QVERIFY2(o.refused, why());
        } else if (t == "read") {
            QVERIFY2(!o.refused, why());
        } else if (t.rfind("cases", 0) == 0) {
            QVERIFY2(countMatches(t.substr(5), o.cases),
                     qPrintable(file + QString(": %1 cases; ").arg(o.cases) + all));
        } else if (t.rfind("errors", 0) == 0) {
            QVERIFY2(countMatches(t.substr(6), o.errors.size()), why());
        } else if (t.rfind("edges", 0) == 0) {
            QVERIFY2(countMatches(t.substr(5), o.edges),
                     qPrintable(file + QString(": %1 edges; ").arg(o.edges) + all));
        } else if (t.rfind("nodes", 0) == 0) {
            QVERIFY2(countMatches(t.substr(5), o.nodes),
                     qPrintable(file + QString(": %1 nodes; ").arg(o.nodes) + all));
        } else if (t.rfind("boxes", 0) == 0) {
            QVERIFY2(countMatches(t.substr(5), o.boxes),
                     qPrintable(file + QString(": %1 boxes; ").arg(o.boxes) + all));
        } else if (t.rfind("line=", 0) == 0) {
            const std::size_t n = std::stoul(t.substr(5));
            bool found = false;
            for (const rs::ImportError& e : o.errors)
                found = found || e.line == n;
            QVERIFY2(found, why());
        } else if (t.rfind("error~", 0) == 0) {
            QVERIFY2(contains(all.toStdString(), t.substr(6)), why());
        } else if (t.rfind("map=", 0) != 0) {
            QFAIL(qPrintable("unknown expectation " + QString::fromStdString(t)));
        }
    }
}

// A file added to the corpus without an expectation would never be read.
void TestHostileInputs::manifestCoversEveryFile() {
    std::ifstream manifest(RS_HOSTILE_DIR "/MANIFEST.tsv");
    std::string listed((std::istreambuf_iterator<char>(manifest)),
                       std::istreambuf_iterator<char>());
    for (const auto& e : std::filesystem::recursive_directory_iterator(RS_HOSTILE_DIR)) {
        if (!e.is_regular_file() || e.path().parent_path() == std::filesystem::path(RS_HOSTILE_DIR))
            continue;
        const std::string rel = std::filesystem::relative(e.path(), RS_HOSTILE_DIR).string();
        QVERIFY2(listed.find(rel + "\t") != std::string::npos,
                 qPrintable(QString::fromStdString(rel)));
    }
}

QTEST_APPLESS_MAIN(TestHostileInputs)
#include "tst_hostileinputs.moc"
