#include "ImportTestUtil.h"
#include "Utf8.h"

using namespace rs;

class TestFormatSniffer : public QObject {
    Q_OBJECT
private slots:
    void sniff_data();
    void sniff();
    void toStringNames();
    void utf8Validation_data();
    void utf8Validation();
    void utf8Repair();

private:
    QTemporaryDir dir_;
};

Q_DECLARE_METATYPE(rs::OutputFormat)

namespace {

const char* const kGeneric = R"({"id": "q1", "question": "Q?", "output": "The answer is B."})";
const char* const kLmEval =
    R"({"doc_id": 0, "doc": {"question": "Q"}, "target": "B", "resps": [["B"]], "filtered_resps": ["B"]})";
const char* const kBatch =
    R"({"id": "batch_req_1", "custom_id": "q1", "response": {"status_code": 200, "body": {}}, "error": null})";
const char* const kChat =
    R"({"id": "chatcmpl-1", "object": "chat.completion", "choices": [{"message": {"content": "B"}}]})";
const char* const kTsItem =
    R"({"id": "1", "question": "Q", "choices": ["a"], "answer": ["a"], "generated_cot": []})";

} // namespace

void TestFormatSniffer::sniff_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<rs::OutputFormat>("format");
    QTest::addColumn<QString>("error"); // contained in the error for Unknown

    auto row = [](const char* tag, const char* name, const std::string& bytes, OutputFormat f,
                  const char* err = "") {
        QTest::newRow(tag) << name << QByteArray::fromStdString(bytes) << f << err;
    };
    const std::string ts = std::string("{\n  \"pubmed_qa\": {\n    \"train\": [\n      ") +
                           kTsItem + "\n    ]\n  }\n}\n";
    row("generic", "out.jsonl", std::string(kGeneric) + "\n", OutputFormat::GenericJsonl);
    row("generic questions only", "q.jsonl", R"({"id": "q1", "question": "Q?", "gold": "A"})",
        OutputFormat::GenericJsonl);
    row("generic gzip under another name", "out.txt", rs::test::gzip(std::string(kGeneric) + "\n"),
        OutputFormat::GenericJsonl);
    row("lm-eval", "samples_x.jsonl", std::string(kLmEval) + "\n", OutputFormat::LmEvalHarness);
    row("openai batch", "batch.jsonl", std::string(kBatch) + "\n", OutputFormat::OpenAiBatch);
    row("openai chat", "chat.jsonl", std::string(kChat) + "\n", OutputFormat::OpenAiChat);
    row("thoughtsource pretty", "ts.json", ts, OutputFormat::ThoughtSource);
    row("thoughtsource one line", "ts.json",
        std::string("{\"med_qa\": {\"test\": [") + kTsItem + "]}}", OutputFormat::ThoughtSource);
    row("thoughtsource gzip with BOM", "ts.json.gz", rs::test::gzip("\xEF\xBB\xBF" + ts),
        OutputFormat::ThoughtSource);
    row("thoughtsource named .jsonl", "ts.jsonl", ts, OutputFormat::ThoughtSource);
    row("thoughtsource with bad bytes", "ts.json",
        "{\n\"d\": {\"s\": [{\"id\": \"1\", \"question\": \"caf\xE9\", "
        "\"choices\": [], \"generated_cot\": []}]}}",
        OutputFormat::ThoughtSource);
    row("JSONL with a broken first line", "out.jsonl",
        "{\"id\": oops\n" + std::string(kGeneric) + "\n", OutputFormat::GenericJsonl);
    row("leading blank lines", "out.jsonl", "\n\n  \n" + std::string(kBatch) + "\n",
        OutputFormat::OpenAiBatch);
    row("empty", "empty.jsonl", "", OutputFormat::Unknown, "no records: the file is empty");
    row("array document", "a.json", "[{\"question\": \"q\"}]", OutputFormat::Unknown,
        "field mapping");
    row("CSV", "a.csv", "id,question\n", OutputFormat::Unknown,
        "not JSON: the file starts with 'i'");
    row("unrelated object", "a.jsonl", "{\"name\": \"x\"}\n", OutputFormat::Unknown,
        "a JSON object with keys name matches no known format");
    row("broken document", "a.json", "{\n  \"x\": [1, 2,\n", OutputFormat::Unknown,
        "JSON that is neither a known document nor JSONL");
}

void TestFormatSniffer::sniff() {
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(rs::OutputFormat, format);
    QFETCH(QString, error);
    const std::string path = rs::test::writeFile(dir_, name.toStdString(), bytes.toStdString());
    std::string why;
    QCOMPARE(sniffOutputFormat(path, &why), format);
    if (format == OutputFormat::Unknown) {
        QVERIFY2(QString::fromStdString(why).contains(error), why.c_str());
    }
    QCOMPARE(sniffOutputFormat(path, nullptr), format);
}

void TestFormatSniffer::toStringNames() {
    QCOMPARE(std::string(toString(OutputFormat::ThoughtSource)), std::string("thoughtsource"));
    QCOMPARE(std::string(toString(OutputFormat::GenericJsonl)), std::string("generic-jsonl"));
    QCOMPARE(std::string(toString(OutputFormat::LmEvalHarness)), std::string("lm-eval-harness"));
    QCOMPARE(std::string(toString(OutputFormat::OpenAiBatch)), std::string("openai-batch"));
    QCOMPARE(std::string(toString(OutputFormat::OpenAiChat)), std::string("openai-chat"));
    QCOMPARE(std::string(toString(OutputFormat::Mapped)), std::string("mapped"));
    QCOMPARE(std::string(toString(OutputFormat::Unknown)), std::string("unknown"));
}

void TestFormatSniffer::utf8Validation_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("firstInvalid"); // -1: valid
    QTest::newRow("ascii") << QByteArray("plain") << -1;
    QTest::newRow("two three four bytes")
        << QByteArray("\xC3\xB6 \xE2\x80\x93 \xF0\x9F\x98\x80") << -1;
    QTest::newRow("largest code point") << QByteArray("\xF4\x8F\xBF\xBF") << -1;
    QTest::newRow("lone continuation") << QByteArray("ab\x80") << 2;
    QTest::newRow("overlong slash") << QByteArray("\xC0\xAF") << 0;
    QTest::newRow("overlong three bytes") << QByteArray("x\xE0\x80\xAF") << 1;
    QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80") << 0;
    QTest::newRow("above U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << 0;
    QTest::newRow("truncated at the end") << QByteArray("ok\xE2\x82") << 2;
    QTest::newRow("FE byte") << QByteArray("\xFE") << 0;
}

void TestFormatSniffer::utf8Validation() {
    QFETCH(QByteArray, bytes);
    QFETCH(int, firstInvalid);
    const std::size_t got = utf8::firstInvalid(bytes.toStdString());
    QCOMPARE(got == std::string::npos ? -1 : int(got), firstInvalid);
    QCOMPARE(utf8::isValid(bytes.toStdString()), firstInvalid < 0);
}

void TestFormatSniffer::utf8Repair() {
    QCOMPARE(utf8::repair("a\xFF"
                          "b"),
             std::string("a\xEF\xBF\xBD"
                         "b"));
    QCOMPARE(utf8::repair("\xF0\x9F\x98x"),
             std::string("\xEF\xBF\xBDx")); // a cut 4-byte sequence: one mark
    QCOMPARE(utf8::repair("ok\xE2\x82"), std::string("ok\xEF\xBF\xBD"));
    QCOMPARE(utf8::repair("Sj\xC3\xB6gren"), std::string("Sj\xC3\xB6gren"));
    QCOMPARE(utf8::repair("\x80\x80", "?"), std::string("?"));
    QVERIFY(utf8::isValid(utf8::repair("\xC0\xAF\xED\xA0\x80\xF5\xFF")));
    QCOMPARE(utf8::describeInvalid("caf\xE9", 3), std::string("byte 0xE9 at column 4"));
}

QTEST_APPLESS_MAIN(TestFormatSniffer)
#include "tst_formatsniffer.moc"
