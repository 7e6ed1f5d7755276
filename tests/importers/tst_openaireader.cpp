#include "ImportTestUtil.h"

using namespace rs;
using rs::test::ImportResult;
using rs::test::runImport;

class TestOpenAiReader : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void batchOutput();
    void batchWithoutQuestionFiles();
    void chatCompletions();
    void questionFileErrors();

private:
    QTemporaryDir dir_;
    std::string questions_;
    std::string write(const std::string& name, const std::string& bytes) {
        return rs::test::writeFile(dir_, name, bytes);
    }
};

namespace {

std::string batchLine(const std::string& customId, const std::string& content,
                      const std::string& model = "gpt-4o-mini") {
    return R"({"id": "batch_req_)" + customId + R"(", "custom_id": ")" + customId +
           R"(", "response": {"status_code": 200, "request_id": "req_1", "body": {"id": "chatcmpl-x", "object": "chat.completion", "model": ")" +
           model + R"(", "choices": [{"index": 0, "message": {"role": "assistant", "content": ")" +
           content + R"("}, "finish_reason": "stop"}]}}, "error": null})";
}

} // namespace

void TestOpenAiReader::initTestCase() {
    questions_ = write(
        "questions.jsonl",
        R"({"id": "q1", "question": "Which drug first?", "options": {"A": "Insulin", "B": "Metformin"}, "gold": "B", "dataset": "demo"})"
        "\n"
        R"({"id": "q2", "question": "Which nerve?", "options": ["CN VII", "CN X"], "gold": "CN VII"})"
        "\n"
        R"({"id": "q3", "question": "Q3", "gold": "x"})"
        "\n"
        R"({"id": "q4", "question": "Q4", "options": ["a", "b"], "gold": "a"})"
        "\n");
}

void TestOpenAiReader::batchOutput() {
    const std::string lines[] = {
        batchLine("q1", "Renal function is normal.\\nThe answer is B."),
        R"({"id": "batch_req_2", "custom_id": "q2", "response": null, "error": {"code": "rate_limit_exceeded", "message": "Rate limit reached"}})",
        R"({"id": "batch_req_3", "custom_id": "q3", "response": {"status_code": 400, "body": {"error": {"message": "Invalid model", "type": "invalid_request_error", "code": null}}}, "error": null})",
        batchLine("zz", "The answer is A."),
        R"({"id": "batch_req_5", "response": {"status_code": 200, "body": {}}})",
        R"({"id": "batch_req_6", "custom_id": "q4", "response": {"status_code": 200, "body": {"model": "gpt-4o-mini", "choices": [{"message": {"content": null, "refusal": "I can't help"}, "finish_reason": "stop"}]}}, "error": null})",
        batchLine("q1", "The answer is A."),
        // The Responses API puts the text elsewhere.
        R"({"id": "batch_req_8", "custom_id": "q2", "response": {"status_code": 200, "body": {"model": "gpt-4.1", "output": [{"type": "message", "content": [{"type": "output_text", "text": "Answer: A"}]}]}}, "error": null})",
    };
    std::string text;
    for (const auto& l : lines)
        text += l + "\n";
    const std::string path = write("batch_output.jsonl", text);
    ImportOptions options;
    options.questionFiles = {questions_};
    const ImportResult r = runImport(path, options);
    QCOMPARE(r.summary.format, OutputFormat::OpenAiBatch);
    QVERIFY(r.summary.fatalError.empty());
    QCOMPARE(r.summary.questionFileSha256.size(), std::size_t(1));
    QCOMPARE(r.summary.questionFileSha256[0].size(), std::size_t(64));

    QCOMPARE(r.cases.size(), std::size_t(2));
    const Case& c1 = r.cases[0];
    QCOMPARE(c1.key, std::string("q1"));
    QCOMPARE(c1.questionId, std::string("demo:q1"));
    QCOMPARE(c1.question, std::string("Which drug first?"));
    QCOMPARE(c1.model, std::string("gpt-4o-mini"));
    QCOMPARE(c1.run, std::string("gpt-4o-mini"));
    QCOMPARE(c1.output, std::string("Renal function is normal.\nThe answer is B."));
    QCOMPARE(c1.prediction, std::string("B"));
    QCOMPARE(c1.correct, std::optional<bool>(true));
    QCOMPARE(c1.sourceRecord, std::size_t(1));
    const Case& c8 = r.cases[1];
    QCOMPARE(c8.key, std::string("q2"));
    QCOMPARE(c8.run, std::string("gpt-4.1"));
    QCOMPARE(c8.gold, std::string("A"));
    QCOMPARE(c8.prediction, std::string("A"));
    QCOMPARE(c8.correct, std::optional<bool>(true));

    const std::vector<std::pair<std::size_t, std::string>> expected = {
        {2, "custom_id 'q2': request failed: rate_limit_exceeded: Rate limit reached"},
        {3, "custom_id 'q3': request failed with HTTP status 400: Invalid model"},
        {4, "custom_id 'zz': no question with this id in the question files"},
        {5, "missing required field 'custom_id'"},
        {6, "custom_id 'q4': the message has no text content (refusal: I can't help) "
            "(finish_reason stop)"},
        {7, "custom_id 'q1': duplicate id 'q1' in run 'gpt-4o-mini' (first at line 1); record "
            "rejected"},
    };
    QCOMPARE(r.errors.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        QCOMPARE(r.errors[i].file, path);
        QCOMPARE(r.errors[i].line, expected[i].first);
        QCOMPARE(r.errors[i].reason, expected[i].second);
    }
}

void TestOpenAiReader::batchWithoutQuestionFiles() {
    const std::string path = write("lonely_batch.jsonl", batchLine("q1", "B") + "\n");
    const ImportResult r = runImport(path);
    QCOMPARE(r.summary.format, OutputFormat::OpenAiBatch);
    QVERIFY(r.cases.empty());
    QVERIFY2(r.summary.fatalError.find("give the question files") != std::string::npos,
             r.summary.fatalError.c_str());
}

void TestOpenAiReader::chatCompletions() {
    const std::string text =
        R"({"id": "chatcmpl-1", "object": "chat.completion", "model": "gpt-4o", "metadata": {"id": "q2"}, "choices": [{"index": 0, "message": {"role": "assistant", "content": "Answer: A"}, "finish_reason": "stop"}]})"
        "\n"
        R"({"id": "chatcmpl-2", "object": "chat.completion", "model": "gpt-4o", "choices": [{"index": 0, "message": {"role": "assistant", "content": "B"}}]})"
        "\n"
        R"({"custom_id": "q1", "object": "chat.completion", "model": "gpt-4o", "choices": [{"message": {"content": [{"type": "text", "text": "The answer is "}, {"type": "text", "text": "A."}]}}]})"
        "\n"
        R"({"custom_id": "q4", "object": "chat.completion", "model": "gpt-4o", "choices": []})"
        "\n";
    const std::string path = write("chat.jsonl", text);
    ImportOptions options;
    options.questionFiles = {questions_};
    const ImportResult r = runImport(path, options);
    QCOMPARE(r.summary.format, OutputFormat::OpenAiChat);
    QCOMPARE(r.cases.size(), std::size_t(2));
    QCOMPARE(r.cases[0].key, std::string("q2"));
    QCOMPARE(r.cases[0].correct, std::optional<bool>(true));
    QCOMPARE(r.cases[1].key, std::string("q1"));
    QCOMPARE(r.cases[1].output, std::string("The answer is A."));
    QCOMPARE(r.cases[1].correct, std::optional<bool>(false));
    QCOMPARE(r.errors.size(), std::size_t(2));
    QCOMPARE(r.errors[0].line, std::size_t(2));
    QCOMPARE(r.errors[0].reason,
             std::string("id 'chatcmpl-2': no question with this id in the question files"));
    QCOMPARE(r.errors[1].line, std::size_t(4));
    QCOMPARE(r.errors[1].reason, std::string("custom_id 'q4': the response has no choices"));
}

void TestOpenAiReader::questionFileErrors() {
    const std::string badQuestions = write(
        "questions-bad.jsonl",
        R"({"id": "q1", "question": "Which drug first?", "options": ["Insulin", "Metformin"], "gold": "B"})"
        "\n"
        R"({"id": "q2", "question": 5})"
        "\n"
        R"({"id": "q1", "question": "again"})"
        "\n"
        "not json\n");
    const std::string path = write("batch2.jsonl", batchLine("q1", "The answer is B.") + "\n" +
                                                       batchLine("q2", "A") + "\n");
    ImportOptions options;
    options.questionFiles = {badQuestions, dir_.filePath("missing-questions.jsonl").toStdString()};
    const ImportResult r = runImport(path, options);
    QCOMPARE(r.cases.size(), std::size_t(1));
    QCOMPARE(r.cases[0].correct, std::optional<bool>(true));
    QCOMPARE(r.summary.questionFileSha256.size(), std::size_t(2));
    QCOMPARE(r.summary.questionFileSha256[1], std::string());
    QCOMPARE(r.errors.size(), std::size_t(5));
    QCOMPARE(r.errors[0].file, badQuestions);
    QCOMPARE(r.errors[0].line, std::size_t(2));
    QCOMPARE(r.errors[0].reason, std::string("'question' must be a string, found a number"));
    QCOMPARE(r.errors[1].line, std::size_t(3));
    QCOMPARE(r.errors[1].reason, std::string("duplicate question id 'q1' (first at line 1)"));
    QCOMPARE(r.errors[2].line, std::size_t(4));
    QVERIFY(r.errors[2].reason.rfind("malformed JSON", 0) == 0);
    QCOMPARE(r.errors[3].file, dir_.filePath("missing-questions.jsonl").toStdString());
    QVERIFY(r.errors[3].reason.rfind("cannot open", 0) == 0);
    QCOMPARE(r.errors[4].file, path);
    QCOMPARE(r.errors[4].line, std::size_t(2));
    QCOMPARE(r.errors[4].reason,
             std::string("custom_id 'q2': no question with this id in the question files"));
}

QTEST_APPLESS_MAIN(TestOpenAiReader)
#include "tst_openaireader.moc"
