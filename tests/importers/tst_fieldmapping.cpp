#include "ImportTestUtil.h"

using namespace rs;
using rs::test::ImportResult;
using rs::test::runImport;

class TestFieldMapping : public QObject {
    Q_OBJECT
private slots:
    void parseGood();
    void parseBad_data();
    void parseBad();
    void arrayDocumentWithNestedPaths();
    void badRecordsInArrayDocument();
    void jsonlWithoutIdsPairsByQuestionText();
    void mappingOverridesSniffing();
    void truncatedArrayDocument();

private:
    QTemporaryDir dir_;
    std::string write(const std::string& name, const std::string& bytes) {
        return rs::test::writeFile(dir_, name, bytes);
    }
    static ImportOptions mapped(const std::string& spec) {
        std::string error;
        ImportOptions o;
        o.mapping = FieldMapping::parse(spec, &error);
        if (!o.mapping)
            qFatal("bad mapping in test: %s", error.c_str());
        return o;
    }
};

void TestFieldMapping::parseGood() {
    std::string error;
    const auto m = FieldMapping::parse("question=Question,output=Complex_CoT,gold=answer_idx,"
                                       "options=options,id=qid,model=model_name",
                                       &error);
    QVERIFY2(m, error.c_str());
    QCOMPARE(m->source("question"), std::string("Question"));
    QCOMPARE(m->source("output"), std::string("Complex_CoT"));
    QCOMPARE(m->source("gold"), std::string("answer_idx"));
    QCOMPARE(m->source("run"), std::string());
    QCOMPARE(m->toString(), std::string("gold=answer_idx,id=qid,model=model_name,options=options,"
                                        "output=Complex_CoT,question=Question"));

    const auto spaced =
        FieldMapping::parse(" question = data.q , output = choices.0.message.content ", &error);
    QVERIFY2(spaced, error.c_str());
    QCOMPARE(spaced->source("output"), std::string("choices.0.message.content"));
    QCOMPARE(FieldMapping::targets().size(), std::size_t(11));
}

void TestFieldMapping::parseBad_data() {
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("error");
    QTest::newRow("empty")
        << "  "
        << "empty mapping: expected target=source pairs separated by commas, e.g. "
           "\"question=Question,output=Complex_CoT\"";
    QTest::newRow("two commas") << "question=Q,,output=O"
                                << "part 2 is empty (two commas in a row, or a comma at an end)";
    QTest::newRow("trailing comma")
        << "question=Q,output=O,"
        << "part 3 is empty (two commas in a row, or a comma at an end)";
    QTest::newRow("no equals") << "question,output=O"
                               << "'question': expected target=source";
    QTest::newRow("unknown target") << "answer=A,question=Q,output=O"
                                    << "'answer=A': unknown target 'answer' (targets: id, "
                                       "question, output, gold, prediction, options, model, run, "
                                       "question_id, correct, reasoning)";
    QTest::newRow("empty source") << "question=,output=O"
                                  << "'question=': empty source";
    QTest::newRow("empty path segment") << "question=a..b,output=O"
                                        << "'question=a..b': empty segment in the path 'a..b'";
    QTest::newRow("leading dot") << "question=.a,output=O"
                                 << "'question=.a': empty segment in the path '.a'";
    QTest::newRow("mapped twice") << "question=Q,question=R,output=O"
                                  << "'question=R': target 'question' is mapped twice";
    QTest::newRow("no output")
        << "question=Q,id=x"
        << "missing output=<source> (or reasoning=<source>): the question and the output (or the "
           "reasoning) are required";
    QTest::newRow("no question")
        << "output=O"
        << "missing question=<source>: the question and the output (or the reasoning) are required";
}

void TestFieldMapping::parseBad() {
    QFETCH(QString, spec);
    QFETCH(QString, error);
    std::string got;
    QVERIFY(!FieldMapping::parse(spec.toStdString(), &got));
    QCOMPARE(QString::fromStdString(got), error);
    QVERIFY(!FieldMapping::parse(spec.toStdString(), nullptr)); // no error wanted: no crash
}

void TestFieldMapping::arrayDocumentWithNestedPaths() {
    const std::string doc = R"([
  {"qid": 11, "data": {"Question": "Which drug first?", "options": {"A": "Insulin", "B": "Metformin"}},
   "answer_idx": "B", "response": {"choices": [{"text": "The answer is B."}]}, "meta.model": "m-1"},
  {"qid": "12", "data": {"Question": "Which nerve?", "options": ["CN VII", "CN X"]},
   "answer_idx": 0, "response": {"choices": [{"text": "Answer: B"}]}, "meta.model": "m-1"}
])";
    const ImportResult r = runImport(write("mapped.json", doc),
                                     mapped("id=qid,question=data.Question,options=data.options,"
                                            "gold=answer_idx,output=response.choices.0.text,"
                                            "model=meta.model"));
    QVERIFY2(r.errors.empty(), qPrintable(r.errorText()));
    QCOMPARE(r.summary.format, OutputFormat::Mapped);
    QCOMPARE(r.cases.size(), std::size_t(2));
    QCOMPARE(r.cases[0].key, std::string("11"));
    QCOMPARE(r.cases[0].questionId, std::string("11"));
    QCOMPARE(r.cases[0].model, std::string("m-1"));
    QCOMPARE(r.cases[0].run, std::string("m-1"));
    QCOMPARE(r.cases[0].prediction, std::string("B"));
    QCOMPARE(r.cases[0].correct, std::optional<bool>(true));
    QCOMPARE(r.cases[0].sourceRecord, std::size_t(1));
    QCOMPARE(r.cases[1].gold, std::string("A")); // integer gold: 0-based option index
    QCOMPARE(r.cases[1].correct, std::optional<bool>(false));
    QCOMPARE(r.cases[1].sourceRecord, std::size_t(2));
}

void TestFieldMapping::badRecordsInArrayDocument() {
    const std::string doc = "[\n"
                            R"({"q": "Good one", "o": "Fine."},)"
                            "\n42,\n"
                            R"({"q": "No output"},)"
                            "\n"
                            R"({"q": 7, "o": "x"},)"
                            "\n"
                            R"({"q": "Options as text", "o": "x", "opts": "A or B"},)"
                            "\n"
                            "{\"q\": \"caf\xE9\", \"o\": \"x\"},\n"
                            R"({"q": "Good two", "o": "Fine too."})"
                            "\n]\n";
    const ImportResult r =
        runImport(write("bad-mapped.json", doc), mapped("question=q,output=o,options=opts"));
    QCOMPARE(r.cases.size(), std::size_t(2));
    QCOMPARE(r.cases[1].sourceRecord, std::size_t(7));
    QCOMPARE(r.cases[1].key, std::string("bad-mapped.json#7"));
    const std::vector<std::pair<std::size_t, std::string>> expected = {
        {2, "expected an object, found a number"},
        {3, "missing 'o' (mapped to output)"},
        {4, "'q' (mapped to question) must be a string, found a number"},
        {5, "'opts' must be an object of label: text or an array of texts, found a string"},
        {6, "invalid UTF-8; the file must be UTF-8, record rejected"},
    };
    QCOMPARE(r.errors.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        QCOMPARE(r.errors[i].record, expected[i].first);
        QCOMPARE(r.errors[i].line, std::size_t(0));
        QCOMPARE(r.errors[i].reason, expected[i].second);
    }
}

void TestFieldMapping::jsonlWithoutIdsPairsByQuestionText() {
    // HuatuoGPT-o1 style records, no ids; the same question in two runs pairs by its text.
    const std::string a = write(
        "run-a.jsonl",
        R"({"Question": "A 60-year-old with chest pain?", "Complex_CoT": "Think.", "Response": "MI"})"
        "\n");
    const std::string b = write(
        "run-b.jsonl",
        R"({"Question": "a 60-year-old  with chest pain ?", "Complex_CoT": "Hmm.", "Response": "PE"})"
        "\n"
        R"({"Question": "Another question", "Complex_CoT": "...", "Response": "x"})"
        "\n");
    const ImportOptions o = mapped("question=Question,output=Complex_CoT,prediction=Response");
    const ImportResult ra = runImport(a, o);
    const ImportResult rb = runImport(b, o);
    QVERIFY(ra.errors.empty() && rb.errors.empty());
    QCOMPARE(ra.cases.size(), std::size_t(1));
    QCOMPARE(rb.cases.size(), std::size_t(2));
    QCOMPARE(ra.cases[0].key, std::string("run-a.jsonl#1"));
    QCOMPARE(ra.cases[0].run, std::string("run-a"));
    QCOMPARE(ra.cases[0].prediction, std::string("MI"));
    QVERIFY(ra.cases[0].questionId.rfind("q:", 0) == 0);
    QCOMPARE(ra.cases[0].questionId, rb.cases[0].questionId);
    QVERIFY(rb.cases[0].questionId != rb.cases[1].questionId);
}

void TestFieldMapping::mappingOverridesSniffing() {
    // Looks like generic JSONL, but the mapping says where things are.
    const std::string path =
        write("generic-looking.jsonl",
              R"({"id": "x", "question": "Q?", "output": "o", "alt": "Other text"})"
              "\n");
    const ImportResult r = runImport(path, mapped("question=question,output=alt,run=id"));
    QVERIFY(r.errors.empty());
    QCOMPARE(r.summary.format, OutputFormat::Mapped);
    QCOMPARE(r.cases.size(), std::size_t(1));
    QCOMPARE(r.cases[0].output, std::string("Other text"));
    QCOMPARE(r.cases[0].run, std::string("x"));
}

void TestFieldMapping::truncatedArrayDocument() {
    const std::string doc =
        "[\n{\"q\": \"one\", \"o\": \"1\"},\n{\"q\": \"two\", \"o\": \"2\"},\n{\"q\": \"thr";
    const ImportResult r = runImport(write("cut.json", doc), mapped("question=q,output=o"));
    QCOMPARE(r.cases.size(), std::size_t(2));
    QCOMPARE(r.errors.size(), std::size_t(1));
    QCOMPARE(r.errors[0].line, std::size_t(4));
    QVERIFY2(r.errors[0].reason.rfind("malformed JSON at line 4", 0) == 0,
             r.errors[0].reason.c_str());
    QVERIFY2(r.errors[0].reason.find("the 2 records before it were read") != std::string::npos,
             r.errors[0].reason.c_str());
}

QTEST_APPLESS_MAIN(TestFieldMapping)
#include "tst_fieldmapping.moc"
