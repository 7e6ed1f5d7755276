#include "../support/SharedData.h"
#include "ImportTestUtil.h"
#include "PredictionExtractor.h"

#include <QElapsedTimer>

#include <map>
#include <set>

using namespace rs;
using rs::test::ImportResult;
using rs::test::runImport;

class TestThoughtSourceReader : public QObject {
    Q_OBJECT
private slots:
    void smallDocument();
    void modelNames_data();
    void modelNames();
    void badItemsAreReportedAndSkipped();
    void brokenDocuments_data();
    void brokenDocuments();
    void truncatedGzipKeepsEarlierItems();
    void invalidUtf8RejectsOnlyItsRecord();
    void oversizedOutputIsRejected();
    void runLabelOverrides();
    void sharedGpt4();
    void sharedGpt35();
    void sharedAnnotatedIncorrect();

private:
    QTemporaryDir dir_;
    std::string write(const std::string& name, const std::string& bytes) {
        return rs::test::writeFile(dir_, name, bytes);
    }
};

namespace {

const char* const kChoices = R"(["Insulin", "Metformin", "Glipizide", "Acarbose", "Exenatide"])";

std::string cot(const std::string& id, const std::string& model, const std::string& trigger,
                const std::string& text, const std::string& answerJson) {
    return R"({"id": ")" + id + R"(", "cot": ")" + text + R"(", "model": ")" + model +
           R"(", "cot_trigger": ")" + trigger + R"(", "answers": [)" + answerJson +
           R"(], "annotations": [{"key": "preferred", "value": true}]})";
}

std::string item(const std::string& id, const std::string& question, const std::string& cots,
                 const std::string& answer = "Metformin") {
    return R"({"id": ")" + id + R"(", "question": ")" + question +
           R"(", "type": "multiplechoice", "choices": )" + kChoices + R"(, "answer": [")" + answer +
           R"("], "generated_cot": [)" + cots + "]}";
}

const std::string kGpt4 = "{'name': 'gpt-4', 'temperature': 0, 'max_tokens': 512}";
const std::string kUnnamed = "{'name': '', 'temperature': 0, 'max_tokens': 1600}";

std::map<std::string, std::array<int, 3>> correctnessByRun(const ImportResult& r) {
    std::map<std::string, std::array<int, 3>> out; // true, false, unknown
    for (const Case& c : r.cases)
        ++out[c.run][c.correct ? (*c.correct ? 0 : 1) : 2];
    return out;
}

// The extractor run on the reasoning text alone, against the answer ThoughtSource
// extracted with a second model call (answer_from_choices, which the importer uses): it
// may find nothing, but must never name a different option. Returns the agreements.
int extractionAgreesFromReasoning(const ImportResult& r, const std::string& run) {
    int agree = 0, differ = 0;
    for (const Case& c : r.cases) {
        if (c.run != run || c.prediction.empty())
            continue;
        const ExtractedAnswer a = extractAnswer(c.options, c.output);
        if (a.option < 0)
            continue;
        if (c.options[std::size_t(a.option)].label == c.prediction)
            ++agree;
        else
            ++differ;
    }
    qInfo("%s: extraction from the reasoning agrees %d times, differs %d times", run.c_str(), agree,
          differ);
    if (differ != 0)
        QTest::qFail("the extractor named a different option than answer_from_choices", __FILE__,
                     __LINE__);
    return agree;
}

} // namespace

void TestThoughtSourceReader::smallDocument() {
    const std::string doc =
        "{\n \"med_qa\": {\n  \"test\": [\n" +
        item(
            "q1", "A 50-year-old man with type 2 diabetes...",
            cot("c1", kGpt4, "zhou-01", "Renal function is normal.\\nThe answer is B) Metformin.",
                R"({"answer": "B) Metformin.", "answer_from_choices": "B", "correct_answer": true})") +
                ", " +
                cot("c2", kUnnamed, "", "critique: The reasoning is sound.\\nobj_1: 100",
                    R"({"answer": "", "answer_from_choices": "", "correct_answer": null})")) +
        ",\n" +
        item(
            "q2", "Which drug is first line?",
            cot("c3", kGpt4, "zhou-01", "Reasoning.\\nSo, the correct answer is C) Glipizide.",
                R"({"answer": "C) Glipizide.", "answer_from_choices": null, "correct_answer": false})")) +
        ",\n" + item("q3", "A question nobody answered", "") +
        "\n  ]\n },\n \"pubmed_qa\": {\"train\": [" +
        item("7", "Does it work?", cot("c4", "gpt-3.5-turbo", "kojima-01", "Yes, it works.", "")) +
        "]}\n}\n";
    // c2 has neither model nor trigger: a run only when asked for.
    ImportOptions withUnnamed;
    withUnnamed.includeUnnamedRuns = true;
    const ImportResult r = runImport(write("small.json", doc), withUnnamed);
    QVERIFY2(r.errors.empty(), qPrintable(r.errorText()));
    QCOMPARE(r.summary.format, OutputFormat::ThoughtSource);
    QCOMPARE(r.summary.imported, std::size_t(4));
    QCOMPARE(r.summary.failed, std::size_t(0));
    QCOMPARE(r.summary.questionsWithoutOutputs, std::size_t(1));
    QCOMPARE(r.cases.size(), std::size_t(4));

    const Case* c1 = r.byKey("c1");
    QVERIFY(c1);
    QCOMPARE(c1->questionId, std::string("med_qa:q1"));
    QCOMPARE(c1->dataset, std::string("med_qa"));
    QCOMPARE(c1->run, std::string("gpt-4/zhou-01"));
    QCOMPARE(c1->model, std::string("gpt-4"));
    QCOMPARE(c1->options.size(), std::size_t(5));
    QCOMPARE(c1->options[1].label, std::string("B"));
    QCOMPARE(c1->options[1].text, std::string("Metformin"));
    QCOMPARE(c1->gold, std::string("B"));
    QCOMPARE(c1->prediction, std::string("B"));
    QCOMPARE(c1->correct, std::optional<bool>(true));
    QCOMPARE(c1->output, std::string("Renal function is normal.\nThe answer is B) Metformin."));
    QCOMPARE(c1->sourceRecord, std::size_t(1));
    auto meta = [](const Case& c, const std::string& key) {
        for (const auto& [k, v] : c.meta)
            if (k == key)
                return v;
        return std::string("<absent>");
    };
    QCOMPARE(meta(*c1, "model.temperature"), std::string("0"));
    QCOMPARE(meta(*c1, "annotation.preferred"), std::string("true"));
    QCOMPARE(meta(*c1, "split"), std::string("test"));

    const Case* c2 = r.byKey("c2");
    QVERIFY(c2);
    QCOMPARE(c2->run, std::string("unnamed-model"));
    QCOMPARE(c2->model, std::string());
    QCOMPARE(c2->questionId, c1->questionId);
    QVERIFY(!c2->correct.has_value());
    QCOMPARE(c2->prediction, std::string());

    // answer_from_choices null: the prediction comes from the answer text; correctness
    // stays as ThoughtSource scored it.
    const Case* c3 = r.byKey("c3");
    QVERIFY(c3);
    QCOMPARE(c3->prediction, std::string("C"));
    QCOMPARE(c3->correct, std::optional<bool>(false));
    QCOMPARE(c3->sourceRecord, std::size_t(2));

    const Case* c4 = r.byKey("c4");
    QVERIFY(c4);
    QCOMPARE(c4->questionId, std::string("pubmed_qa:7"));
    QCOMPARE(c4->run, std::string("gpt-3.5-turbo/kojima-01"));
    QVERIFY(!c4->correct.has_value());
    for (const Case& c : r.cases)
        QCOMPARE(c.sourceFile, dir_.filePath("small.json").toStdString());
}

void TestThoughtSourceReader::modelNames_data() {
    QTest::addColumn<QString>("model"); // JSON value of "model"
    QTest::addColumn<QString>("run");
    QTest::newRow("python dict") << R"("{'name': 'gpt-4', 'temperature': 0}")"
                                 << "gpt-4/t";
    QTest::newRow("name not first") << R"("{'temperature': 0.7, 'name': 'med-palm'}")"
                                    << "med-palm/t";
    QTest::newRow("double quotes") << R"("{\"name\": \"gpt-4o\", \"top_p\": 1}")"
                                   << "gpt-4o/t";
    QTest::newRow("escaped quote") << R"("{'name': 'it\\'s-model'}")"
                                   << "it's-model/t";
    QTest::newRow("nested value before name") << R"("{'stop': ['\n', '}'], 'name': 'llama-3'}")"
                                              << "llama-3/t";
    QTest::newRow("plain name") << R"("gpt-3.5-turbo")"
                                << "gpt-3.5-turbo/t";
    QTest::newRow("empty name") << R"("{'name': '', 'max_tokens': 1600}")"
                                << "unnamed-model/t";
    QTest::newRow("None name") << R"("{'name': None}")"
                               << "unnamed-model/t";
    QTest::newRow("JSON object") << R"({"name": "claude-3", "temperature": 0})"
                                 << "claude-3/t";
    QTest::newRow("missing") << "null"
                             << "unnamed-model/t";
}

void TestThoughtSourceReader::modelNames() {
    QFETCH(QString, model);
    QFETCH(QString, run);
    const std::string doc =
        R"({"d": {"s": [{"id": "1", "question": "Q?", "choices": ["x", "y"], "answer": ["x"],
        "generated_cot": [{"id": "c", "cot": "The answer is A.", "cot_trigger": "t", "model": )" +
        model.toStdString() + "}]}]}}";
    const ImportResult r = runImport(write("model.json", doc));
    QVERIFY2(r.errors.empty(), qPrintable(r.errorText()));
    QCOMPARE(r.cases.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(r.cases[0].run), run);
}

void TestThoughtSourceReader::badItemsAreReportedAndSkipped() {
    const std::string good1 = item("g1", "Good one", cot("a1", kGpt4, "z", "The answer is B.", ""));
    const std::string good2 = item("g2", "Good two", cot("a2", kGpt4, "z", "The answer is C.", ""));
    const std::string doc =
        "{\"med_qa\": {\"test\": [\n" + good1 + ",\n" +
        R"({"id": "b1", "question": 17, "choices": [], "generated_cot": []})" + ",\n" +
        R"({"id": "b2", "question": "Q", "generated_cot": "not a list"})" + ",\n" + "42,\n" +
        R"({"id": "b4", "choices": ["a"], "generated_cot": []})" + ",\n" +
        R"({"id": "b5", "question": "Q", "choices": "A or B", "generated_cot": []})" + ",\n" +
        R"({"id": "", "question": "Q", "generated_cot": []})" + ",\n" +
        R"({"id": "b7", "question": "Q", "choices": ["a"], "generated_cot": [17, {"id": "x", "model": "m"}, {"id": "y", "cot": "ok", "answers": [{"correct_answer": "yes"}]}]})" +
        ",\n" + good2 + "\n]},\n \"broken\": [1, 2]}";
    const ImportResult r = runImport(write("bad.json", doc));
    QCOMPARE(r.cases.size(), std::size_t(2));
    QVERIFY(r.byKey("a1") && r.byKey("a2"));
    QCOMPARE(r.byKey("a2")->sourceRecord, std::size_t(9));
    const std::vector<std::pair<std::size_t, std::string>> expected = {
        {2, "med_qa/test record 2: 'question' must be a string, found a number"},
        {3, "med_qa/test record 3: 'generated_cot' must be an array, found a string"},
        {4, "med_qa/test record 4: expected an item object, found a number"},
        {5, "med_qa/test record 5: missing required field 'question'"},
        {6, "med_qa/test record 6: 'choices' must be an object of label: text or an array of "
            "texts, found a string"},
        {7, "med_qa/test record 7: 'id' is empty"},
        {8, "med_qa/test record 8, generated_cot 1: expected an object, found a number"},
        {8, "med_qa/test record 8, generated_cot 2: missing required field 'cot'"},
        {8, "med_qa/test record 8, generated_cot 3: 'answers[0].correct_answer' must be true, "
            "false or null, found a "
            "string"},
        {0, "dataset 'broken' must be an object of splits; expected an object, found an array"},
    };
    QCOMPARE(r.errors.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        QCOMPARE(r.errors[i].record, expected[i].first);
        QCOMPARE(r.errors[i].reason, expected[i].second);
        QCOMPARE(r.errors[i].file, dir_.filePath("bad.json").toStdString());
    }
    QCOMPARE(r.summary.failed, expected.size());
    QCOMPARE(r.summary.imported, std::size_t(2));
}

void TestThoughtSourceReader::brokenDocuments_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("cases");          // imported before the break
    QTest::addColumn<int>("errorLine");      // line of the single error
    QTest::addColumn<QString>("errorStart"); // start of its reason

    const std::string head = "{\"med_qa\": {\"test\": [\n";
    const std::string i1 = item("1", "Q1", cot("k1", kGpt4, "z", "The answer is A.", "")) + ",\n";
    const std::string i2 = item("2", "Q2", cot("k2", kGpt4, "z", "The answer is B.", "")) + ",\n";
    const std::string whole =
        head + i1 + i2 + item("3", "Q3", cot("k3", kGpt4, "z", "The answer is C.", "")) + "\n]}}\n";

    QTest::newRow("malformed after two items")
        << QByteArray::fromStdString(head + i1 + i2 + "{\"id\": \"3\", \"question\": oops}\n]}}")
        << 2 << 4 << "malformed JSON at line 4, column";
    // Cut right after the third item: all three are complete, the containers are not.
    QTest::newRow("cut short") << QByteArray::fromStdString(whole.substr(0, whole.size() - 5)) << 3
                               << 4 << "malformed JSON at line 4, column";
    QTest::newRow("only a bad item")
        << QByteArray("{\"med_qa\": {\"test\": [{\"question\": \"q\", \"choices\": []}]}}") << 0
        << 0 << "med_qa/test record 1: missing required field 'id'";
    QTest::newRow("no items") << QByteArray("{\"med_qa\": {\"test\": []}}") << 0 << 0
                              << "no records: the document holds no items";
}

void TestThoughtSourceReader::brokenDocuments() {
    QFETCH(QByteArray, bytes);
    QFETCH(int, cases);
    QFETCH(int, errorLine);
    QFETCH(QString, errorStart);
    const ImportResult r = runImport(write("broken.json", bytes.toStdString()));
    QCOMPARE(r.summary.format, OutputFormat::ThoughtSource);
    QCOMPARE(int(r.cases.size()), cases);
    QCOMPARE(r.errors.size(), std::size_t(1));
    QVERIFY2(QString::fromStdString(r.errors[0].reason).startsWith(errorStart),
             qPrintable(r.errorText()));
    QCOMPARE(int(r.errors[0].line), errorLine);
}

void TestThoughtSourceReader::truncatedGzipKeepsEarlierItems() {
    std::string doc = "{\"med_qa\": {\"test\": [\n";
    const int items = 200;
    for (int i = 1; i <= items; ++i) {
        const std::string n = std::to_string(i);
        // Varied text so the stream does not compress to almost nothing.
        doc += item(n, "Question " + n + " about patient " + std::to_string(i * 7919 % 1000),
                    cot("k" + n, kGpt4, "z",
                        "Reasoning " + std::to_string(i * 104729) + ". The answer is B.", "")) +
               (i < items ? ",\n" : "\n");
    }
    doc += "]}}\n";
    const std::string gz = rs::test::gzip(doc);
    const ImportResult r = runImport(write("cut.json.gz", gz.substr(0, gz.size() / 2)));
    QCOMPARE(r.summary.format, OutputFormat::ThoughtSource);
    QVERIFY(r.cases.size() > 0 && r.cases.size() < std::size_t(items));
    for (std::size_t i = 0; i < r.cases.size(); ++i)
        QCOMPARE(r.cases[i].key, "k" + std::to_string(i + 1));
    QCOMPARE(r.errors.size(), std::size_t(1));
    const std::string& reason = r.errors[0].reason;
    QVERIFY2(reason.rfind("gzip stream is truncated", 0) == 0, reason.c_str());
    QVERIFY2(reason.find("records before it were read") != std::string::npos, reason.c_str());
    // The break is on the line after the last complete item (line 1 is the header).
    QCOMPARE(r.errors[0].line, r.cases.size() + 2);
}

void TestThoughtSourceReader::invalidUtf8RejectsOnlyItsRecord() {
    const std::string doc =
        "{\"med_qa\": {\"test\": [\n" +
        item("1", "Fever \xE9 chills", cot("k1", kGpt4, "z", "The answer is A.", "")) + ",\n" +
        item("2", "Q2",
             cot("k2", kGpt4, "z", "Bad \xC3\x28 byte", "") + ", " +
                 cot("k3", kGpt4, "z", "Sj\xC3\xB6gren: the answer is B.", "")) +
        "\n]}}";
    const ImportResult r = runImport(write("utf8.json", doc));
    QCOMPARE(r.cases.size(), std::size_t(1));
    QCOMPARE(r.cases[0].key, std::string("k3"));
    QCOMPARE(r.cases[0].output, std::string("Sj\xC3\xB6gren: the answer is B."));
    QCOMPARE(r.errors.size(), std::size_t(2));
    QCOMPARE(r.errors[0].reason, std::string("med_qa/test record 1: invalid UTF-8 in 'question'; "
                                             "the file must be UTF-8, record rejected"));
    QCOMPARE(r.errors[1].reason, std::string("med_qa/test record 2, generated_cot 1: invalid "
                                             "UTF-8; the file must be UTF-8, record rejected"));
}

void TestThoughtSourceReader::oversizedOutputIsRejected() {
    const std::string huge(kMaxFieldBytes + 1, 'x');
    const std::string doc =
        "{\"d\": {\"s\": [" +
        item("1", "Q", cot("big", kGpt4, "z", huge, "") + ", " + cot("ok", kGpt4, "z", "A.", "")) +
        "]}}";
    const ImportResult r = runImport(write("huge.json", doc));
    QCOMPARE(r.cases.size(), std::size_t(1));
    QCOMPARE(r.cases[0].key, std::string("ok"));
    QCOMPARE(r.errors.size(), std::size_t(1));
    QCOMPARE(r.errors[0].reason,
             std::string("d/s record 1, generated_cot 1: field 'output' is 1.0 MiB, over the 1 "
                         "MiB limit for one text field"));
}

void TestThoughtSourceReader::runLabelOverrides() {
    const std::string doc =
        "{\"d\": {\"s\": [" + item("1", "Q", cot("k", kGpt4, "z", "A.", "")) + "]}}";
    ImportOptions options;
    options.runLabel = "baseline";
    const ImportResult r = runImport(write("label.json", doc), options);
    QCOMPARE(r.cases.size(), std::size_t(1));
    QCOMPARE(r.cases[0].run, std::string("baseline"));
    QCOMPARE(r.cases[0].model, std::string("gpt-4"));
}

void TestThoughtSourceReader::sharedGpt4() {
    RS_REQUIRE_SHARED("outputs/thoughtsource-medqa500-gpt-4.json");
    const std::string path =
        rs::test::sharedFile("outputs/thoughtsource-medqa500-gpt-4.json").toStdString();
    // By default the critiques (no model, no trigger) are not a run: one run of 500 cases,
    // and the summary says what was skipped.
    const ImportResult named = runImport(path);
    QVERIFY2(named.errors.empty(), qPrintable(named.errorText()));
    QCOMPARE(named.cases.size(), std::size_t(500));
    QCOMPARE(named.summary.skippedUnnamedOutputs, std::size_t(500));
    QCOMPARE(named.summary.notes.size(), std::size_t(1));
    QVERIFY(named.summary.notes[0].find("skipped 500 outputs") == 0);
    const auto namedRuns = correctnessByRun(named);
    QCOMPARE(namedRuns.size(), std::size_t(1));
    QCOMPARE(namedRuns.at("gpt-4/zhou-01"), (std::array<int, 3>{395, 101, 4}));

    // --include-unnamed: as before, the critiques form the run "unnamed-model".
    ImportOptions all;
    all.includeUnnamedRuns = true;
    QElapsedTimer timer;
    timer.start();
    const ImportResult r = runImport(path, all);
    qInfo("imported %zu cases from the GPT-4 file in %lld ms", r.cases.size(), timer.elapsed());
    QVERIFY2(r.errors.empty(), qPrintable(r.errorText()));
    QVERIFY(r.summary.fatalError.empty());
    QCOMPARE(r.summary.format, OutputFormat::ThoughtSource);
    QCOMPARE(r.cases.size(), std::size_t(1000));
    QCOMPARE(r.summary.imported, std::size_t(1000));
    QCOMPARE(r.summary.sha256,
             std::string("08c647456bc047220cc9b255f413b269cdbca2067569ef67949305f2838acdce"));
    std::set<std::string> questions, keys;
    for (const Case& c : r.cases) {
        questions.insert(c.questionId);
        keys.insert(c.key);
        QCOMPARE(c.options.size(), std::size_t(5));
        QVERIFY(c.gold.size() == 1 && c.gold[0] >= 'A' && c.gold[0] <= 'E');
    }
    QCOMPARE(questions.size(), std::size_t(500));
    QCOMPARE(keys.size(), std::size_t(1000));
    const auto byRun = correctnessByRun(r);
    QCOMPARE(byRun.size(), std::size_t(2));
    QCOMPARE(byRun.at("gpt-4/zhou-01"), (std::array<int, 3>{395, 101, 4}));
    QCOMPARE(byRun.at("unnamed-model"), (std::array<int, 3>{0, 0, 500}));

    // Where ThoughtSource scored an output, its verdict is prediction == gold; the four it
    // did not score name several options or none, and get no prediction either.
    int predicted = 0, critiquePredictions = 0;
    for (const Case& c : r.cases) {
        if (c.run == "unnamed-model") {
            critiquePredictions += !c.prediction.empty();
            continue;
        }
        predicted += !c.prediction.empty();
        if (c.correct)
            QCOMPARE(*c.correct, c.prediction == c.gold);
        else
            QVERIFY2(c.prediction.empty(), c.key.c_str());
    }
    QCOMPARE(predicted, 496);
    QVERIFY(extractionAgreesFromReasoning(r, "gpt-4/zhou-01") >= 464);
    // Four critiques end with their own verdict ("the correct answer should be A) ...");
    // that is what those outputs conclude, so it is their prediction, still unscored.
    QCOMPARE(critiquePredictions, 4);
}

void TestThoughtSourceReader::sharedGpt35() {
    RS_REQUIRE_SHARED("outputs/thoughtsource-medqa500-gpt-3.5-turbo.json");
    const std::string path =
        rs::test::sharedFile("outputs/thoughtsource-medqa500-gpt-3.5-turbo.json").toStdString();
    const ImportResult named = runImport(path);
    QVERIFY2(named.errors.empty(), qPrintable(named.errorText()));
    QCOMPARE(named.cases.size(), std::size_t(400));
    QCOMPARE(named.summary.skippedUnnamedOutputs, std::size_t(400));
    ImportOptions all;
    all.includeUnnamedRuns = true;
    const ImportResult r = runImport(path, all);
    QVERIFY2(r.errors.empty(), qPrintable(r.errorText()));
    // The file holds 400 of the 500 questions, each with a CoT and a critique.
    QCOMPARE(r.cases.size(), std::size_t(800));
    std::set<std::string> questions;
    for (const Case& c : r.cases)
        questions.insert(c.questionId);
    QCOMPARE(questions.size(), std::size_t(400));
    const auto byRun = correctnessByRun(r);
    QCOMPARE(byRun.at("gpt-3.5-turbo/zhou-01"), (std::array<int, 3>{236, 141, 23}));
    QCOMPARE(byRun.at("unnamed-model"), (std::array<int, 3>{0, 0, 400}));
    for (const Case& c : r.cases)
        if (c.correct)
            QCOMPARE(*c.correct, c.prediction == c.gold);
    QVERIFY(extractionAgreesFromReasoning(r, "gpt-3.5-turbo/zhou-01") >= 320);
}

void TestThoughtSourceReader::sharedAnnotatedIncorrect() {
    RS_REQUIRE_SHARED("outputs/thoughtsource-medical-incorrect-annotated.json");
    const std::string path =
        rs::test::sharedFile("outputs/thoughtsource-medical-incorrect-annotated.json")
            .toStdString();
    const ImportResult r = runImport(path);
    QVERIFY2(r.errors.empty(), qPrintable(r.errorText()));
    QCOMPARE(r.cases.size(), std::size_t(57));
    QCOMPARE(r.summary.questionsWithoutOutputs, std::size_t(43));
    const auto byRun = correctnessByRun(r);
    QCOMPARE(byRun.size(), std::size_t(1));
    QCOMPARE(byRun.at("text-davinci-003/kojima-01"), (std::array<int, 3>{0, 57, 0}));
    // No answer_from_choices here: the predictions come from the extracted answer text
    // (" B."), and every one of these outputs was marked wrong. Three answer texts name
    // several options (" B or C.", " A, B, C, D, and E.", " A) Duodenal peptic ulcer or
    // D) Gastric peptic ulcer.") and get none.
    int predicted = 0;
    for (const Case& c : r.cases) {
        predicted += !c.prediction.empty();
        QVERIFY2(c.prediction != c.gold, c.key.c_str());
    }
    QCOMPARE(predicted, 54);
}

QTEST_APPLESS_MAIN(TestThoughtSourceReader)
#include "tst_thoughtsourcereader.moc"
