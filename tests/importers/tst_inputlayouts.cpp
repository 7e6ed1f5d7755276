// The layouts teams bring beyond the known formats, each written here as a small file: a
// folder of one-object JSON files, an object keyed by case id, a reasoning model's JSONL
// with <think> traces, an OpenAI Batch input file as the questions, and the final-answer
// forms free text ends with.
#include "ImportTestUtil.h"

#include <QDir>

#include <nlohmann/json.hpp>

using namespace rs;
using rs::test::ImportResult;
using rs::test::runImport;

class TestInputLayouts : public QObject {
    Q_OBJECT
private slots:
    void folderOfOneObjectFiles();
    void wildcardPattern();
    void idKeyedObject();
    void reasoningJsonlWithThinkTags();
    void mappedReasoningAndVerdict();
    void reasoningContentField();
    void statedFinalAnswer_data();
    void statedFinalAnswer();
    void batchInputAsQuestions();
    void batchInputGivenAsOutputsNamesTheWayOut();
    void folderWithoutMappingNamesTheWayOut();
    void thoughtSourceUnnamedSkipped();

private:
    QTemporaryDir dir_;
    std::string write(const std::string& name, const std::string& bytes) {
        return rs::test::writeFile(dir_, name, bytes);
    }
    static ImportOptions mapped(const std::string& spec) {
        ImportOptions o;
        std::string error;
        o.mapping = FieldMapping::parse(spec, &error);
        if (!o.mapping)
            qFatal("bad mapping %s: %s", spec.c_str(), error.c_str());
        return o;
    }
};

namespace {

// A DeepSeek-R1 diagnosis trace as research repositories publish them: one pretty-printed
// object per file, the answer at the end of the response under a heading.
std::string diagnosisFile(const std::string& id, const std::string& diagnosis,
                          const std::string& answer, bool correct) {
    return "{\n  \"case_id\": \"" + id +
           "\",\n  \"case_prompt\": \"A 54-year-old with a gastric mass.\",\n"
           "  \"gold_diagnosis\": \"" +
           diagnosis +
           "\",\n"
           "  \"model_response\": \"The mass is submucosal and S100 positive.\\n\\n### Answer:\\n" +
           answer +
           "\",\n"
           "  \"judge\": {\"is_correct\": " +
           (correct ? "true" : "false") + "}\n}\n";
}

} // namespace

void TestInputLayouts::folderOfOneObjectFiles() {
    QDir(dir_.path()).mkpath(QStringLiteral("r1-traces"));
    write("r1-traces/case-01.json",
          diagnosisFile("c1", "Gastric schwannoma", "Gastric schwannoma", true));
    write("r1-traces/case-02.json",
          diagnosisFile("c2", "Gastric schwannoma", "**Gastrointestinal stromal tumour**", false));
    write("r1-traces/notes.txt", "not JSON, not read");
    const std::string folder = dir_.filePath(QStringLiteral("r1-traces")).toStdString();
    const ImportResult r =
        runImport(folder, mapped("question=case_prompt,output=model_response,gold=gold_diagnosis,"
                                 "correct=judge.is_correct"));
    QVERIFY2(r.errors.empty(), qPrintable(r.errorText()));
    QVERIFY2(r.summary.fatalError.empty(), r.summary.fatalError.c_str());
    QCOMPARE(r.cases.size(), std::size_t(2));
    QCOMPARE(r.cases[0].key, std::string("case-01"));   // no id mapped: the file's name
    QCOMPARE(r.cases[0].run, std::string("r1-traces")); // one run: the folder
    QCOMPARE(r.cases[1].run, std::string("r1-traces"));
    QCOMPARE(r.cases[0].prediction, std::string("Gastric schwannoma"));
    QCOMPARE(r.cases[1].prediction, std::string("Gastrointestinal stromal tumour"));
    QCOMPARE(r.cases[0].correct, std::optional<bool>(true));
    QCOMPARE(r.cases[1].correct, std::optional<bool>(false));
    QVERIFY(r.cases[0].sourceFile.ends_with("case-01.json"));

    // Without correct=, the free-text answers are scored by normalised match, or left
    // unscored with the reason when they are worded differently.
    const ImportResult u =
        runImport(folder, mapped("id=case_id,question=case_prompt,output=model_response,"
                                 "gold=gold_diagnosis"));
    QVERIFY2(u.errors.empty(), qPrintable(u.errorText()));
    QCOMPARE(u.cases[0].key, std::string("c1"));
    QCOMPARE(u.cases[0].correct, std::optional<bool>(true));
    QCOMPARE(u.cases[1].correct, std::optional<bool>());
    bool reason = false;
    for (const auto& [k, v] : u.cases[1].meta)
        reason = reason || (k == "scoring" && v.find("unscored") == 0);
    QVERIFY(reason);
}

void TestInputLayouts::wildcardPattern() {
    QDir(dir_.path()).mkpath(QStringLiteral("glob"));
    write("glob/a.json", diagnosisFile("g1", "Sarcoidosis", "Sarcoidosis", true));
    write("glob/b.json", diagnosisFile("g2", "Sarcoidosis", "Tuberculosis", false));
    write("glob/c.txt", diagnosisFile("g3", "x", "x", true));
    const std::string pattern = dir_.filePath(QStringLiteral("glob/*.json")).toStdString();
    const ImportResult r =
        runImport(pattern, mapped("id=case_id,question=case_prompt,output=model_response"));
    QVERIFY2(r.errors.empty(), qPrintable(r.errorText()));
    QCOMPARE(r.cases.size(), std::size_t(2));
    QCOMPARE(r.cases[1].key, std::string("g2"));
    QCOMPARE(r.cases[1].prediction, std::string("Tuberculosis"));
    const ImportResult none = runImport(dir_.filePath(QStringLiteral("glob/*.csv")).toStdString(),
                                        mapped("question=case_prompt,output=model_response"));
    QVERIFY(none.summary.fatalError.find("no file matches the pattern") != std::string::npos);
}

void TestInputLayouts::idKeyedObject() {
    const std::string doc = R"({
  "mq-1": {"question": "Which drug first in type 2 diabetes?", "options": {"A": "Insulin", "B": "Metformin"},
           "answer": "B", "response": "Metformin is first line.\nFinal answer: B"},
  "mq-2": {"question": "Which nerve supplies the stylopharyngeus?", "options": ["CN VII", "CN IX"],
           "answer": 1, "response": "The answer is (A)."},
  "mq-3": "not a record"
})";
    const ImportResult r =
        runImport(write("keyed.json", doc),
                  mapped("question=question,output=response,gold=answer,options=options"));
    QCOMPARE(r.cases.size(), std::size_t(2));
    QCOMPARE(r.cases[0].key, std::string("mq-1"));
    QCOMPARE(r.cases[0].questionId, std::string("mq-1"));
    QCOMPARE(r.cases[0].prediction, std::string("B"));
    QCOMPARE(r.cases[0].correct, std::optional<bool>(true));
    QCOMPARE(r.cases[1].key, std::string("mq-2"));
    QCOMPARE(r.cases[1].gold, std::string("B"));
    QCOMPARE(r.cases[1].correct, std::optional<bool>(false));
    QCOMPARE(r.errors.size(), std::size_t(1)); // one error for the one bad entry, not one per line
    QCOMPARE(r.errors[0].record, std::size_t(3));
    QVERIFY2(r.errors[0].reason.find("--map question=") != std::string::npos,
             r.errors[0].reason.c_str());

    // The same keyed object on one line, as json.dump writes it, is not JSONL of one record.
    const ImportResult oneLine =
        runImport(write("keyed-one-line.json",
                        R"({"k1": {"q": "Q1?", "o": "Answer: yes"}, "k2": {"q": "Q2?", "o": "no"}})"
                        "\n"),
                  mapped("question=q,output=o"));
    QVERIFY2(oneLine.errors.empty(), qPrintable(oneLine.errorText()));
    QCOMPARE(oneLine.cases.size(), std::size_t(2));
    QCOMPARE(oneLine.cases[1].key, std::string("k2"));
    QCOMPARE(oneLine.cases[0].prediction, std::string("yes"));
}

void TestInputLayouts::reasoningJsonlWithThinkTags() {
    // Generic JSONL, detected without a mapping; a trace inline in the output.
    const std::string jsonl =
        R"({"id": "r1", "question": "First-line drug for type 2 diabetes?", "options": ["Insulin", "Metformin"], "gold": "B", "output": "<think>Insulin is for later. The answer is A? No: metformin first, so B.</think>\n\nThe answer is B."})"
        "\n"
        R"({"id": "r2", "question": "Nerve of the stylopharyngeus?", "options": ["CN VII", "CN IX"], "gold": "B", "output": "<think>Stylopharyngeus: glossopharyngeal, CN IX. So B.</think>A"})"
        "\n";
    const ImportResult r = runImport(write("qwen3.jsonl", jsonl));
    QVERIFY2(r.errors.empty(), qPrintable(r.errorText()));
    QCOMPARE(r.summary.format, OutputFormat::GenericJsonl);
    QCOMPARE(r.cases.size(), std::size_t(2));
    QCOMPARE(r.cases[0].output,
             std::string("Insulin is for later. The answer is A? No: metformin first, so B."));
    QCOMPARE(r.cases[0].finalAnswer, std::string("The answer is B."));
    QCOMPARE(r.cases[0].prediction, std::string("B"));
    QCOMPARE(r.cases[0].correct, std::optional<bool>(true));
    // The answer after the trace decides, not the trace's last word.
    QCOMPARE(r.cases[1].finalAnswer, std::string("A"));
    QCOMPARE(r.cases[1].prediction, std::string("A"));
    QCOMPARE(r.cases[1].correct, std::optional<bool>(false));

    // Through a mapping too.
    const std::string mappedJsonl =
        R"({"q": "Most likely diagnosis?", "resp": "<think>Bilateral hilar nodes, non-caseating granulomas.</think>\nDiagnosis: Sarcoidosis", "dx": "sarcoidosis"})"
        "\n";
    const ImportResult m =
        runImport(write("r1.jsonl", mappedJsonl), mapped("question=q,output=resp,gold=dx"));
    QVERIFY2(m.errors.empty(), qPrintable(m.errorText()));
    QCOMPARE(m.cases[0].output, std::string("Bilateral hilar nodes, non-caseating granulomas."));
    QCOMPARE(m.cases[0].prediction, std::string("Sarcoidosis"));
    QCOMPARE(m.cases[0].correct, std::optional<bool>(true)); // normalised match
}

void TestInputLayouts::mappedReasoningAndVerdict() {
    const std::string jsonl =
        R"({"id": 7, "prompt": "Gastric submucosal mass, S100+. Diagnosis?", "think": "Spindle cells, S100 positive, CD117 negative.", "answer": "### Answer:\nGastric schwannoma", "verdict": "correct"})"
        "\n"
        R"({"id": 8, "prompt": "Same?", "think": "Hmm.", "answer": "Final answer: GIST", "verdict": 0})"
        "\n"
        R"({"id": 9, "prompt": "Same?", "think": "Hmm.", "answer": "x", "verdict": "perhaps"})"
        "\n";
    const ImportResult r =
        runImport(write("traces.jsonl", jsonl),
                  mapped("id=id,question=prompt,reasoning=think,output=answer,correct=verdict"));
    QCOMPARE(r.cases.size(), std::size_t(2));
    QCOMPARE(r.cases[0].output, std::string("Spindle cells, S100 positive, CD117 negative."));
    QCOMPARE(r.cases[0].finalAnswer, std::string("### Answer:\nGastric schwannoma"));
    QCOMPARE(r.cases[0].prediction, std::string("Gastric schwannoma"));
    QCOMPARE(r.cases[0].correct, std::optional<bool>(true));
    QCOMPARE(r.cases[1].prediction, std::string("GIST"));
    QCOMPARE(r.cases[1].correct, std::optional<bool>(false));
    QCOMPARE(r.errors.size(), std::size_t(1));
    QCOMPARE(r.errors[0].line, std::size_t(3));
    QVERIFY2(r.errors[0].reason.find("must be a verdict") != std::string::npos,
             r.errors[0].reason.c_str());
}

void TestInputLayouts::reasoningContentField() {
    // OpenAI-compatible chat completions from DeepSeek or vLLM carry the trace apart.
    const std::string questions = write(
        "rc-questions.jsonl",
        R"({"id": "q1", "question": "First-line drug?", "options": ["Insulin", "Metformin"], "gold": "B"})"
        "\n");
    const std::string outputs = write(
        "rc-chat.jsonl",
        R"({"id": "chatcmpl-1", "object": "chat.completion", "model": "deepseek-reasoner", "custom_id": "q1", "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "reasoning_content": "Insulin? No, metformin first.", "content": "B"}}]})"
        "\n");
    ImportOptions o;
    o.questionFiles = {questions};
    const ImportResult r = runImport(outputs, o);
    QVERIFY2(r.errors.empty(), qPrintable(r.errorText()));
    QVERIFY2(r.summary.fatalError.empty(), r.summary.fatalError.c_str());
    QCOMPARE(r.cases.size(), std::size_t(1));
    QCOMPARE(r.cases[0].output, std::string("Insulin? No, metformin first."));
    QCOMPARE(r.cases[0].finalAnswer, std::string("B"));
    QCOMPARE(r.cases[0].prediction, std::string("B"));
    QCOMPARE(r.cases[0].correct, std::optional<bool>(true));

    const ImportResult g = runImport(write(
        "rc-generic.jsonl",
        R"({"id": "g", "question": "Q?", "options": ["x", "y"], "gold": "A", "reasoning": "x fits.", "output": "A"})"
        "\n"));
    QVERIFY2(g.errors.empty(), qPrintable(g.errorText()));
    QCOMPARE(g.cases[0].output, std::string("x fits."));
    QCOMPARE(g.cases[0].finalAnswer, std::string("A"));
    QCOMPARE(g.cases[0].correct, std::optional<bool>(true));
}

void TestInputLayouts::statedFinalAnswer_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("answer");
    QTest::newRow("markdown heading") << "Reasoning here.\n\n### Answer:\nGastric schwannoma"
                                      << "Gastric schwannoma";
    QTest::newRow("heading without colon") << "Thinking.\n## Final Answer\n**Sarcoidosis**"
                                           << "Sarcoidosis";
    QTest::newRow("final answer line") << "So.\nFinal answer: Acute pancreatitis."
                                       << "Acute pancreatitis";
    QTest::newRow("answer line") << "Answer: Kawasaki disease"
                                 << "Kawasaki disease";
    QTest::newRow("diagnosis line") << "Findings fit.\nDiagnosis: Takayasu arteritis"
                                    << "Takayasu arteritis";
    QTest::newRow("the answer is") << "All told, the answer is giant cell arteritis."
                                   << "giant cell arteritis";
    QTest::newRow("the last one wins") << "Answer: GIST\nOn reflection:\nFinal answer: Schwannoma"
                                       << "Schwannoma";
    QTest::newRow("prose is not a label") << "Diagnosis of this rests on biopsy"
                                          << "";
}

void TestInputLayouts::statedFinalAnswer() {
    QFETCH(QString, text);
    QFETCH(QString, answer);
    const std::string jsonl =
        nlohmann::json{{"q", "Diagnosis?"}, {"o", text.toStdString()}}.dump() + "\n";
    const ImportResult r = runImport(write("stated.jsonl", jsonl), mapped("question=q,output=o"));
    QVERIFY2(r.errors.empty(), qPrintable(r.errorText()));
    QCOMPARE(r.cases.size(), std::size_t(1));
    if (answer.isEmpty())
        QVERIFY(r.cases[0].prediction != "this rests on biopsy");
    else
        QCOMPARE(QString::fromStdString(r.cases[0].prediction), answer);
}

void TestInputLayouts::batchInputAsQuestions() {
    const std::string input = write(
        "batch-input.jsonl",
        R"({"custom_id": "q-1", "method": "POST", "url": "/v1/chat/completions", "body": {"model": "gpt-4o-mini", "messages": [{"role": "system", "content": "You are a physician."}, {"role": "user", "content": "First-line drug for type 2 diabetes?\nA. Insulin\nB. Metformin\nC. Glipizide"}]}})"
        "\n"
        R"({"custom_id": "q-2", "method": "POST", "url": "/v1/responses", "body": {"model": "gpt-4o-mini", "input": [{"role": "user", "content": [{"type": "input_text", "text": "Nerve of the stylopharyngeus?\n(A) CN VII\n(B) CN IX"}]}]}})"
        "\n"
        R"({"custom_id": "q-3", "method": "POST", "url": "/v1/chat/completions", "body": {"model": "m", "messages": []}})"
        "\n");
    const std::string output = write(
        "batch-output.jsonl",
        R"({"id": "b1", "custom_id": "q-1", "response": {"status_code": 200, "body": {"model": "gpt-4o-mini", "choices": [{"index": 0, "message": {"role": "assistant", "content": "Metformin. The answer is B."}, "finish_reason": "stop"}]}}, "error": null})"
        "\n"
        R"({"id": "b2", "custom_id": "q-2", "response": {"status_code": 200, "body": {"model": "gpt-4o-mini", "output": [{"type": "message", "content": [{"type": "output_text", "text": "Answer: B"}]}]}}, "error": null})"
        "\n");
    ImportOptions o;
    o.questionFiles = {input};
    const ImportResult r = runImport(output, o);
    QVERIFY2(r.summary.fatalError.empty(), r.summary.fatalError.c_str());
    QCOMPARE(r.cases.size(), std::size_t(2));
    QCOMPARE(r.cases[0].question,
             std::string(
                 "First-line drug for type 2 diabetes?\nA. Insulin\nB. Metformin\nC. Glipizide"));
    QCOMPARE(r.cases[0].options.size(), std::size_t(3));
    QCOMPARE(r.cases[0].options[1].text, std::string("Metformin"));
    QCOMPARE(r.cases[0].prediction, std::string("B"));
    QCOMPARE(r.cases[1].options.size(), std::size_t(2));
    QCOMPARE(r.cases[1].prediction, std::string("B"));
    QCOMPARE(r.cases[1].correct, std::optional<bool>()); // a batch input holds no gold
    // The request without a prompt is one error against the question file, naming what is expected.
    QCOMPARE(r.errors.size(), std::size_t(1));
    QCOMPARE(r.errors[0].file, input);
    QVERIFY2(r.errors[0].reason.find("body.messages") != std::string::npos,
             r.errors[0].reason.c_str());

    // A question file of neither kind: the fatal error names both ways.
    ImportOptions bad;
    bad.questionFiles = {write("not-questions.jsonl", R"({"prompt": "x"})"
                                                      "\n")};
    const ImportResult b = runImport(output, bad);
    QVERIFY(b.summary.fatalError.find("--questions") != std::string::npos);
    QVERIFY(b.summary.fatalError.find("custom_id") != std::string::npos);
    QVERIFY(b.errors.size() == 1 &&
            b.errors[0].reason.find("OpenAI Batch input") != std::string::npos);
}

void TestInputLayouts::batchInputGivenAsOutputsNamesTheWayOut() {
    const ImportResult r = runImport(write(
        "requests.jsonl",
        R"({"custom_id": "q-1", "method": "POST", "url": "/v1/chat/completions", "body": {"messages": [{"role": "user", "content": "Q?"}]}})"
        "\n"));
    QCOMPARE(r.cases.size(), std::size_t(0));
    QVERIFY2(r.summary.fatalError.find("--questions") != std::string::npos,
             r.summary.fatalError.c_str());

    const ImportResult other = runImport(write("other.jsonl", R"({"name": "x", "value": 1})"
                                                              "\n"));
    QVERIFY2(other.summary.fatalError.find("--map question=") != std::string::npos,
             other.summary.fatalError.c_str());
}

void TestInputLayouts::folderWithoutMappingNamesTheWayOut() {
    QDir(dir_.path()).mkpath(QStringLiteral("plain"));
    const ImportResult r = runImport(dir_.filePath(QStringLiteral("plain")).toStdString());
    QVERIFY2(r.summary.fatalError.find("it is a folder") != std::string::npos,
             r.summary.fatalError.c_str());
    QVERIFY2(r.summary.fatalError.find("--map") != std::string::npos, r.summary.fatalError.c_str());
}

void TestInputLayouts::thoughtSourceUnnamedSkipped() {
    // One named output and one critique with neither model nor trigger.
    const std::string doc =
        R"({"med_qa": {"test": [{"id": "1", "question": "Q?", "choices": ["x", "y"], "answer": ["y"],
      "generated_cot": [
        {"id": "1_0", "cot": "y fits. Answer: B", "model": "gpt-4", "cot_trigger": "zhou-01", "answers": [{"answer": "B", "answer_from_choices": "B", "correct_answer": true}]},
        {"id": "1_1", "cot": "The reasoning above is sound.", "model": "", "cot_trigger": "", "answers": []}
      ]}]}})";
    const std::string path = write("ts-critique.json", doc);
    const ImportResult r = runImport(path);
    QVERIFY2(r.errors.empty(), qPrintable(r.errorText()));
    QCOMPARE(r.cases.size(), std::size_t(1));
    QCOMPARE(r.summary.skippedUnnamedOutputs, std::size_t(1));
    QCOMPARE(r.summary.notes.size(), std::size_t(1));
    QVERIFY(r.summary.notes[0].find("--include-unnamed") != std::string::npos);
    ImportOptions all;
    all.includeUnnamedRuns = true;
    const ImportResult a = runImport(path, all);
    QCOMPARE(a.cases.size(), std::size_t(2));
    QCOMPARE(a.cases[1].run, std::string("unnamed-model"));
    QCOMPARE(a.summary.skippedUnnamedOutputs, std::size_t(0));
}

QTEST_APPLESS_MAIN(TestInputLayouts)
#include "tst_inputlayouts.moc"
