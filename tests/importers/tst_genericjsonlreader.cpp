#include "ImportTestUtil.h"

#include <QDir>

#include <stdexcept>

using namespace rs;
using rs::test::ImportResult;
using rs::test::runImport;

class TestGenericJsonlReader : public QObject {
    Q_OBJECT
private slots:
    void goodRecords();
    void badLine_data();
    void badLine();
    void blankLinesCrLfAndBom();
    void emptyFiles_data();
    void emptyFiles();
    void gzipAndTruncatedGzip();
    void cancel();
    void unusableFiles_data();
    void unusableFiles();
    void throwingSinkDoesNotEscape();
    void outputIsValidUtf8();

private:
    QTemporaryDir dir_;
    std::string write(const std::string& name, const std::string& bytes) {
        return rs::test::writeFile(dir_, name, bytes);
    }
};

namespace {

std::string good(const std::string& id, const std::string& extra = {}) {
    return R"({"id": ")" + id +
           R"(", "question": "Which drug first?", "options": {"A": "Insulin", "B": "Metformin"}, "gold": "B", )"
           R"("run": "r", "output": "Renal function is fine.\nThe answer is B.")" +
           extra + "}";
}

std::string meta(const Case& c, const std::string& key) {
    for (const auto& [k, v] : c.meta)
        if (k == key)
            return v;
    return "<absent>";
}

} // namespace

void TestGenericJsonlReader::goodRecords() {
    const std::string lines[] = {
        // options as an object, gold as a label, prediction extracted from the output
        good(
            "q1",
            R"(, "model": "gpt-4o", "dataset": "medqa", "meta": {"specialty": "endocrinology", "difficulty": 3, "tags": ["a"]})"),
        // options as a list, gold as text, prediction given as text
        R"({"id": 7, "question": "Q2", "options": ["Aspirin", "Heparin", "Warfarin"], "gold": "heparin", "output": "...", "prediction": "Warfarin", "model": "m2"})",
        // gold as a 0-based index, explicit correctness, a question id pairing runs
        R"({"id": "q3", "question": "Q3", "options": ["x", "y"], "gold": 1, "output": "Answer: A", "correct": true, "question_id": "shared-3"})",
        // no options: free text, no correctness
        R"({"id": "q4", "question": "Diagnosis?", "output": "The final answer is pulmonary embolism. Start heparin.", "gold": "Pulmonary embolism"})",
        // reference path and images with boxes, relative and absolute paths
        R"({"id": "q5", "question": "CXR?", "output": "Effusion.", "reference_path": [["pneumonia", "presents_with", "fever"], {"head": "fever", "relation": "indicates", "tail": "infection"}],)"
        R"( "images": [{"path": "img/cxr1.png", "modality": "CR", "boxes": [{"label": "Effusion", "source": "model", "x": 10, "y": 20.5, "w": 30, "h": 40}]},)"
        R"( {"path": "/data/vol.nii.gz", "boxes": [{"label": "Nodule", "source": "reference", "x": 1, "y": 2, "w": 3, "h": 4, "z": 5, "d": 6}]}]})",
    };
    std::string text;
    for (const auto& l : lines)
        text += l + "\n";
    const std::string path = write("run-a.jsonl", text);
    const ImportResult r = runImport(path);
    QVERIFY2(r.errors.empty(), qPrintable(r.errorText()));
    QCOMPARE(r.summary.format, OutputFormat::GenericJsonl);
    QCOMPARE(r.cases.size(), std::size_t(5));
    QCOMPARE(r.summary.imported, std::size_t(5));
    QCOMPARE(r.summary.sha256.size(), std::size_t(64));

    const Case& c1 = *r.byKey("q1");
    QCOMPARE(c1.questionId, std::string("medqa:q1"));
    QCOMPARE(c1.run, std::string("r"));
    QCOMPARE(c1.model, std::string("gpt-4o"));
    QCOMPARE(c1.gold, std::string("B"));
    QCOMPARE(c1.prediction, std::string("B"));
    QCOMPARE(c1.correct, std::optional<bool>(true));
    QCOMPARE(c1.sourceRecord, std::size_t(1));
    QCOMPARE(c1.sourceFile, path);
    QCOMPARE(meta(c1, "specialty"), std::string("endocrinology"));
    QCOMPARE(meta(c1, "difficulty"), std::string("3"));
    QCOMPARE(meta(c1, "tags"), std::string("[\"a\"]"));

    const Case& c2 = *r.byKey("7");
    QCOMPARE(c2.run, std::string("m2")); // no run: the model
    QCOMPARE(c2.options.size(), std::size_t(3));
    QCOMPARE(c2.options[2].label, std::string("C"));
    QCOMPARE(c2.gold, std::string("B"));
    QCOMPARE(c2.prediction, std::string("C"));
    QCOMPARE(c2.correct, std::optional<bool>(false));

    const Case& c3 = *r.byKey("q3");
    QCOMPARE(c3.run, std::string("run-a")); // neither run nor model: the file name
    QCOMPARE(c3.questionId, std::string("shared-3"));
    QCOMPARE(c3.gold, std::string("B"));
    QCOMPARE(c3.prediction, std::string("A"));
    QCOMPARE(c3.correct, std::optional<bool>(true)); // as stated, not recomputed

    const Case& c4 = *r.byKey("q4");
    QCOMPARE(c4.prediction, std::string("pulmonary embolism"));
    QVERIFY(!c4.correct.has_value());

    const Case& c5 = *r.byKey("q5");
    QCOMPARE(c5.goldPath.size(), std::size_t(2));
    QCOMPARE(c5.goldPath[0].relation, std::string("presents_with"));
    QCOMPARE(c5.goldPath[1].tail, std::string("infection"));
    QCOMPARE(c5.images.size(), std::size_t(2));
    QCOMPARE(QString::fromStdString(c5.images[0].path),
             QDir(dir_.path()).absoluteFilePath("img/cxr1.png"));
    QCOMPARE(c5.images[0].modality, std::string("CR"));
    QCOMPARE(c5.images[0].boxes[0].source, std::string("model"));
    QCOMPARE(c5.images[0].boxes[0].y, 20.5);
    QVERIFY(!c5.images[0].boxes[0].is3d);
    QCOMPARE(c5.images[1].path, std::string("/data/vol.nii.gz"));
    QVERIFY(c5.images[1].boxes[0].is3d);
    QCOMPARE(c5.images[1].boxes[0].d, 6.0);
}

void TestGenericJsonlReader::badLine_data() {
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("reason"); // the error must start with this

    auto row = [](const char* name, const std::string& line, const char* reason) {
        QTest::newRow(name) << QByteArray::fromStdString(line) << QString::fromUtf8(reason);
    };
    row("malformed JSON", R"({"id": "x", "question": })",
        "malformed JSON at column 25: syntax error");
    row("unterminated object", R"({"id": "x", "question": "q")", "malformed JSON at column");
    row("array line", "[1, 2]", "expected one JSON object per line, found an array");
    row("string line", "\"hello\"", "expected one JSON object per line, found a string");
    row("question is a number", R"({"id": "x", "question": 42, "output": "o"})",
        "'question' must be a string, found a number");
    row("options is a string",
        R"({"id": "x", "question": "q", "output": "o", "options": "A or B"})",
        "'options' must be an object of label: text or an array of texts, found a string");
    row("option text is a number",
        R"({"id": "x", "question": "q", "output": "o", "options": ["a", 3]})",
        "'options[1]' must be a string, found a number");
    row("missing id", R"({"question": "q", "output": "o"})", "missing required field 'id'");
    row("empty id", R"({"id": " ", "question": "q", "output": "o"})", "'id' is empty");
    row("id is an object", R"({"id": {"a": 1}, "question": "q", "output": "o"})",
        "'id' must be a string or an integer, found an object");
    row("id is a float", R"({"id": 1.5, "question": "q", "output": "o"})",
        "'id' must be a string or an integer, found a number");
    row("missing question", R"({"id": "x", "output": "o"})", "missing required field 'question'");
    row("blank question", R"({"id": "x", "question": "  ", "output": "o"})", "'question' is empty");
    row("missing output", R"({"id": "x", "question": "q"})", "missing required field 'output'");
    row("null output", R"({"id": "x", "question": "q", "output": null})",
        "missing required field 'output'");
    row("output is an array", R"({"id": "x", "question": "q", "output": ["o"]})",
        "'output' must be a string, found an array");
    row("gold is an array", R"({"id": "x", "question": "q", "output": "o", "gold": ["B"]})",
        "'gold' must be a string or an integer, found an array");
    row("model is a number", R"({"id": "x", "question": "q", "output": "o", "model": 4})",
        "'model' must be a string, found a number");
    row("correct is a string", R"({"id": "x", "question": "q", "output": "o", "correct": "yes"})",
        "'correct' must be true or false, found a string");
    row("reference path not a list",
        R"({"id": "x", "question": "q", "output": "o", "reference_path": "a-b"})",
        "'reference_path' must be an array of triples, found a string");
    row("reference triple too short",
        R"({"id": "x", "question": "q", "output": "o", "reference_path": [["a", "b"]]})",
        "'reference_path[0]' must be [\"head\", \"relation\", \"tail\"]");
    row("images not a list",
        R"({"id": "x", "question": "q", "output": "o", "images": {"path": "a.png"}})",
        "'images' must be an array, found an object");
    row("image without path",
        R"({"id": "x", "question": "q", "output": "o", "images": [{"modality": "CT"}]})",
        "images[0]: missing required field 'path'");
    row("box with unknown source",
        R"({"id": "x", "question": "q", "output": "o", "images": [{"path": "a", "boxes": [{"source": "gt", "x": 1, "y": 1, "w": 1, "h": 1}]}]})",
        "'images[0].boxes[0].source' must be \"model\" or \"reference\"");
    row("box coordinate is text",
        R"({"id": "x", "question": "q", "output": "o", "images": [{"path": "a", "boxes": [{"source": "model", "x": "1", "y": 1, "w": 1, "h": 1}]}]})",
        "'images[0].boxes[0].x' must be a number, found a string");
    row("box with negative size",
        R"({"id": "x", "question": "q", "output": "o", "images": [{"path": "a", "boxes": [{"source": "model", "x": 1, "y": 1, "w": -1, "h": 1}]}]})",
        "'images[0].boxes[0]' has a negative size");
    row("meta is a list", R"({"id": "x", "question": "q", "output": "o", "meta": [1]})",
        "'meta' must be an object, found an array");
    row("Latin-1 byte", "{\"id\": \"x\", \"question\": \"caf\xE9\", \"output\": \"o\"}",
        "invalid UTF-8 (byte 0xE9 at column 29); the file must be UTF-8, record rejected");
    row("overlong encoding", "{\"id\": \"x\", \"question\": \"\xC0\xAF\", \"output\": \"o\"}",
        "invalid UTF-8 (byte 0xC0 at column 26)");
    row("encoded surrogate", "{\"id\": \"x\", \"question\": \"\xED\xA0\x80\", \"output\": \"o\"}",
        "invalid UTF-8 (byte 0xED at column 26)");
    row("escaped lone surrogate", R"({"id": "x", "question": "\ud800", "output": "o"})",
        "malformed JSON at column");
    row("output over 1 MiB",
        R"({"id": "x", "question": "q", "output": ")" + std::string(kMaxFieldBytes + 10, 'y') +
            "\"}",
        "field 'output' is 1.0 MiB, over the 1 MiB limit for one text field");
    row("option over 1 MiB",
        R"({"id": "x", "question": "q", "output": "o", "options": {"A": ")" +
            std::string(kMaxFieldBytes + 1, 'y') + "\"}}",
        "field 'options.A' is 1.0 MiB");
    row("nested too deep",
        R"({"id": "x", "question": "q", "output": "o", "meta": {"deep": )" + std::string(100, '[') +
            std::string(100, ']') + "}}",
        "JSON nested deeper than 64 levels; record rejected");
    row("number overflows a double", R"({"id": "x", "question": "q", "output": "o", "x": 1e309})",
        "number out of range: 1e309 does not fit a double; record rejected");
    row("negative overflow in meta",
        R"({"id": "x", "question": "q", "output": "o", "meta": {"v": -2e400}})",
        "number out of range: -2e400 does not fit a double; record rejected");
    row("duplicate of line 1", good("g1"),
        "duplicate id 'g1' in run 'r' (first at line 1); record rejected");
}

void TestGenericJsonlReader::badLine() {
    QFETCH(QByteArray, line);
    QFETCH(QString, reason);
    const std::string path =
        write("bad.jsonl", good("g1") + "\n" + line.toStdString() + "\n" + good("g3") + "\n");
    const ImportResult r = runImport(path);
    QCOMPARE(r.summary.format, OutputFormat::GenericJsonl);
    QVERIFY(r.summary.fatalError.empty());
    QCOMPARE(r.cases.size(), std::size_t(2));
    QCOMPARE(r.cases[0].key, std::string("g1"));
    QCOMPARE(r.cases[1].key, std::string("g3"));
    QCOMPARE(r.cases[1].sourceRecord, std::size_t(3));
    QCOMPARE(r.errors.size(), std::size_t(1));
    QCOMPARE(r.summary.failed, std::size_t(1));
    QCOMPARE(r.summary.imported, std::size_t(2));
    const ImportError& e = r.errors[0];
    QCOMPARE(e.file, path);
    QCOMPARE(e.line, std::size_t(2));
    QVERIFY2(QString::fromStdString(e.reason).startsWith(reason), e.reason.c_str());
}

void TestGenericJsonlReader::blankLinesCrLfAndBom() {
    const std::string text = "\xEF\xBB\xBF" + good("a") + "\r\n\r\n   \n" + good("b") + "\r\n\n";
    const ImportResult r = runImport(write("crlf.jsonl", text));
    QVERIFY2(r.errors.empty(), qPrintable(r.errorText()));
    QCOMPARE(r.cases.size(), std::size_t(2));
    QCOMPARE(r.cases[1].sourceRecord, std::size_t(4)); // line numbers count the blank lines
}

void TestGenericJsonlReader::emptyFiles_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("zero bytes") << QByteArray();
    QTest::newRow("only blank lines") << QByteArray("\n\n   \r\n\t\n");
    QTest::newRow("empty gzip") << QByteArray::fromStdString(rs::test::gzip(""));
}

void TestGenericJsonlReader::emptyFiles() {
    QFETCH(QByteArray, bytes);
    const ImportResult r = runImport(write("empty.jsonl", bytes.toStdString()));
    QVERIFY(r.cases.empty());
    QVERIFY2(r.summary.fatalError.empty(), r.summary.fatalError.c_str());
    QCOMPARE(r.errors.size(), std::size_t(1));
    QCOMPARE(r.errors[0].reason, std::string("no records: the file is empty"));
    QCOMPARE(r.summary.failed, std::size_t(1));
}

void TestGenericJsonlReader::gzipAndTruncatedGzip() {
    std::string text;
    const int lines = 400;
    for (int i = 1; i <= lines; ++i)
        text += good("k" + std::to_string(i),
                     R"(, "meta": {"noise": ")" + std::to_string(i * 2654435761u) + "\"}") +
                "\n";
    const std::string gz = rs::test::gzip(text);

    // .gz is read by content: the same records under a name that does not say gzip.
    const ImportResult whole = runImport(write("records.data", gz));
    QVERIFY2(whole.errors.empty(), qPrintable(whole.errorText()));
    QCOMPARE(whole.cases.size(), std::size_t(lines));

    const ImportResult cut = runImport(write("cut.jsonl.gz", gz.substr(0, gz.size() / 2)));
    QVERIFY(cut.cases.size() > 10 && cut.cases.size() < std::size_t(lines));
    for (std::size_t i = 0; i < cut.cases.size(); ++i)
        QCOMPARE(cut.cases[i].key, "k" + std::to_string(i + 1));
    QCOMPARE(cut.errors.size(), std::size_t(1));
    const ImportError& e = cut.errors[0];
    QCOMPARE(e.line, cut.cases.size() + 1);
    QVERIFY2(e.reason.rfind("gzip stream is truncated", 0) == 0, e.reason.c_str());
    QVERIFY2(e.reason.find("the records before it were kept") != std::string::npos,
             e.reason.c_str());
}

void TestGenericJsonlReader::cancel() {
    std::string text;
    for (int i = 1; i <= 20; ++i)
        text += good("c" + std::to_string(i)) + "\n";
    const std::string path = write("cancel.jsonl", text);
    std::atomic<bool> stop{false};
    ImportOptions options;
    options.cancel = &stop;
    std::size_t seen = 0;
    const ImportSummary s = importOutputs(
        path, options,
        [&](Case&&) {
            if (++seen == 3)
                stop = true;
        },
        [](ImportError&&) {});
    QVERIFY(s.cancelled);
    QCOMPARE(s.imported, std::size_t(3));
    QCOMPARE(s.failed, std::size_t(0));
}

void TestGenericJsonlReader::unusableFiles_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes"); // empty name: no file is written
    QTest::addColumn<QString>("fatal");
    QTest::newRow("CSV") << "table.csv" << QByteArray("id,question,output\n1,q,o\n")
                         << "unknown format: not JSON: the file starts with 'i'";
    QTest::newRow("binary") << "blob.bin" << QByteArray("\x01\x02\x03\xff", 4)
                            << "unknown format: not JSON: the file starts with a binary byte";
    QTest::newRow("unrelated JSONL")
        << "other.jsonl" << QByteArray("{\"name\": \"x\", \"value\": 1}\n")
        << "unknown format: a JSON object with keys name, value matches no known format";
    QTest::newRow("JSON array") << "array.json" << QByteArray("[{\"q\": 1}]")
                                << "unknown format: a JSON array document";
    QTest::newRow("missing file") << "" << QByteArray() << "cannot import";
}

void TestGenericJsonlReader::unusableFiles() {
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, fatal);
    const std::string path = name.isEmpty() ? dir_.filePath("does-not-exist.jsonl").toStdString()
                                            : write(name.toStdString(), bytes.toStdString());
    const ImportResult r = runImport(path);
    QVERIFY(r.cases.empty());
    QVERIFY(r.errors.empty());
    QCOMPARE(r.summary.format, OutputFormat::Unknown);
    QVERIFY2(QString::fromStdString(r.summary.fatalError).startsWith(fatal),
             r.summary.fatalError.c_str());
    if (fatal.startsWith(QLatin1String("unknown format")))
        QVERIFY2(r.summary.fatalError.find("expected ThoughtSource JSON") != std::string::npos ||
                     r.summary.fatalError.find("field mapping") != std::string::npos,
                 r.summary.fatalError.c_str());
}

void TestGenericJsonlReader::throwingSinkDoesNotEscape() {
    const std::string path = write("throw.jsonl", good("t1") + "\n" + good("t2") + "\n");
    ImportSummary s;
    bool escaped = false;
    try {
        s = importOutputs(
            path, {}, [](Case&&) { throw std::runtime_error("disk full"); }, [](ImportError&&) {});
    } catch (...) {
        escaped = true;
    }
    QVERIFY(!escaped);
    QCOMPARE(s.fatalError, std::string("import stopped: disk full"));
}

void TestGenericJsonlReader::outputIsValidUtf8() {
    // Valid multi-byte text passes through untouched; every string that comes out is UTF-8.
    const std::string text = good("u1", R"(, "meta": {"note": "Sjögren – 37 °C"})") + "\n" +
                             "{\"id\": \"u2\", \"question\": \"\xff\", \"output\": \"o\"}\n" +
                             R"({"id": "u3", "question": "\u00e9 \ud83d\ude00", "output": "o"})" +
                             "\n";
    const ImportResult r = runImport(write("utf8.jsonl", text));
    QCOMPARE(r.cases.size(), std::size_t(2));
    QCOMPARE(r.errors.size(), std::size_t(1));
    QCOMPARE(r.errors[0].line, std::size_t(2));
    QCOMPARE(meta(*r.byKey("u1"), "note"), std::string("Sjögren – 37 °C"));
    QCOMPARE(r.byKey("u3")->question, std::string("\xC3\xA9 \xF0\x9F\x98\x80"));
    for (const Case& c : r.cases) {
        for (const std::string* s :
             {&c.key, &c.questionId, &c.run, &c.question, &c.output, &c.prediction, &c.gold})
            QVERIFY(rs::test::isValidUtf8(*s));
        for (const auto& [k, v] : c.meta)
            QVERIFY(rs::test::isValidUtf8(k) && rs::test::isValidUtf8(v));
    }
}

QTEST_APPLESS_MAIN(TestGenericJsonlReader)
#include "tst_genericjsonlreader.moc"
