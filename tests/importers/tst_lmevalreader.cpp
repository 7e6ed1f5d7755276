#include "ImportTestUtil.h"

#include <QDir>

#include <fstream>

using namespace rs;
using rs::test::ImportResult;
using rs::test::runImport;

class TestLmEvalReader : public QObject {
    Q_OBJECT
private slots:
    void samplesFile();
    void badLines_data();
    void badLines();
    void fileNotNamedLikeSamples();
    void medicalTaskLayouts_data();
    void medicalTaskLayouts();

private:
    QTemporaryDir dir_;
    std::string samplesPath() {
        QDir(dir_.path()).mkpath(QStringLiteral("meta-llama__Llama-2-7b-hf"));
        return dir_
            .filePath(QStringLiteral("meta-llama__Llama-2-7b-hf/"
                                     "samples_medqa_4options_2024-05-01T12-00-00.123456.jsonl"))
            .toStdString();
    }
};

namespace {

// Lines as lm-evaluation-harness v0.4 --log_samples writes them (shortened).
const char* const kGenerate =
    R"({"doc_id": 0, "doc": {"id": "mq-0", "sent1": "A 45-year-old man with polyuria...", "sent2": "", "ending0": "Insulin", "ending1": "Metformin", "ending2": "Glipizide", "ending3": "Acarbose", "label": 1},)"
    R"( "target": 1, "arguments": {"gen_args_0": {"arg_0": "Question: A 45-year-old...\nAnswer:", "arg_1": {"until": ["\n\n"]}}},)"
    R"( "resps": [["Polyuria and a high HbA1c point to type 2 diabetes. The answer is B."]], "filtered_resps": ["B"], "filter": "strict-match",)"
    R"( "metrics": ["exact_match"], "doc_hash": "9f2c", "prompt_hash": "11aa", "target_hash": "22bb", "exact_match": 1.0})";
const char* const kLoglikelihood =
    R"({"doc_id": 1, "doc": {"question": "Which nerve?", "choices": ["CN VII", "CN IX", "CN X"], "answer": 2}, "target": 2,)"
    R"( "arguments": [["ctx", " CN VII"], ["ctx", " CN IX"], ["ctx", " CN X"]],)"
    R"( "resps": [[["-5.2", "False"]], [["-1.0", "False"]], [["-3.3", "False"]]],)"
    R"( "filtered_resps": [["-5.2", "False"], ["-1.0", "False"], ["-3.3", "False"]], "filter": "none", "metrics": ["acc", "acc_norm"], "acc": 0.0, "acc_norm": 1.0})";
const char* const kMedMcqa =
    R"({"doc_id": 2, "doc": {"question": "Drug of choice?", "opa": "w", "opb": "x", "opc": "y", "opd": "z", "cop": 3}, "target": "D",)"
    R"( "filtered_resps": [[-4.0, false], [-3.0, false], [-2.0, false], [-1.0, true]], "acc": 1})";
const char* const kPromptOnly =
    R"({"doc_id": 3, "doc": {"passage": "..."}, "arguments": [["Read the abstract. Is it effective? Answer:", {"until": ["\n"]}]],)"
    R"( "resps": [["yes"]], "filtered_resps": ["yes"], "target": "yes", "exact_match": 1.0})";
const char* const kArc =
    R"({"doc_id": 4, "doc": {"question": "Q", "choices": {"text": ["p", "q"], "label": ["1", "2"]}, "answerKey": "2"},)"
    R"( "resps": [["I pick q"]], "filtered_resps": ["I pick q"], "metrics": ["f1"], "f1": 0.67})";

} // namespace

void TestLmEvalReader::samplesFile() {
    const std::string path = samplesPath();
    rs::test::writeFile(dir_, path.substr(std::size_t(dir_.path().size()) + 1),
                        std::string(kGenerate) + "\n" + kLoglikelihood + "\n" + kMedMcqa + "\n" +
                            kPromptOnly + "\n" + kArc + "\n");
    const ImportResult r = runImport(path);
    QVERIFY2(r.errors.empty(), qPrintable(r.errorText()));
    QCOMPARE(r.summary.format, OutputFormat::LmEvalHarness);
    QCOMPARE(r.cases.size(), std::size_t(5));

    const Case& g = r.cases[0];
    QCOMPARE(g.key, std::string("medqa_4options:0/strict-match"));
    QCOMPARE(g.questionId, std::string("medqa_4options:mq-0"));
    QCOMPARE(g.dataset, std::string("medqa_4options"));
    QCOMPARE(g.model, std::string("meta-llama/Llama-2-7b-hf"));
    QCOMPARE(g.run, std::string("meta-llama/Llama-2-7b-hf/medqa_4options/strict-match"));
    QCOMPARE(g.question, std::string("A 45-year-old man with polyuria..."));
    QCOMPARE(g.options.size(), std::size_t(4));
    QCOMPARE(g.options[3].text, std::string("Acarbose"));
    QCOMPARE(g.gold, std::string("B"));
    QCOMPARE(g.output,
             std::string("Polyuria and a high HbA1c point to type 2 diabetes. The answer is B."));
    QCOMPARE(g.prediction, std::string("B"));
    QCOMPARE(g.correct, std::optional<bool>(true));

    const Case& l = r.cases[1];
    QCOMPARE(l.key, std::string("medqa_4options:1"));
    QCOMPARE(l.run,
             std::string("meta-llama/Llama-2-7b-hf/medqa_4options")); // filter "none" is no variant
    QCOMPARE(l.output, std::string());
    QCOMPARE(l.prediction, std::string("B")); // highest loglikelihood
    QCOMPARE(l.gold, std::string("C"));
    QCOMPARE(l.correct, std::optional<bool>(false)); // acc, the first listed metric

    const Case& m = r.cases[2];
    QCOMPARE(m.options.size(), std::size_t(4));
    QCOMPARE(m.options[1].text, std::string("x"));
    QCOMPARE(m.prediction, std::string("D"));
    QCOMPARE(m.gold, std::string("D"));
    QCOMPARE(m.correct, std::optional<bool>(true));

    const Case& p = r.cases[3];
    QCOMPARE(p.question, std::string("Read the abstract. Is it effective? Answer:"));
    QVERIFY(p.options.empty());
    QCOMPARE(p.prediction, std::string("yes"));
    QCOMPARE(p.correct, std::optional<bool>(true));

    // f1 says nothing about right or wrong; prediction and gold name the same option.
    const Case& a = r.cases[4];
    QCOMPARE(a.options[1].label, std::string("2"));
    QCOMPARE(a.gold, std::string("2"));
    QCOMPARE(a.prediction, std::string("2"));
    QCOMPARE(a.correct, std::optional<bool>(true));
}

void TestLmEvalReader::badLines_data() {
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("reason");
    QTest::newRow("no doc_id")
        << QByteArray(R"({"doc_id": null, "doc": {"question": "Q"}, "resps": [["a"]]})")
        << "missing required field 'doc_id'";
    QTest::newRow("doc is text") << QByteArray(R"({"doc_id": 7, "doc": "Q", "resps": [["a"]]})")
                                 << "'doc' must be an object, found a string";
    QTest::newRow("question is a list")
        << QByteArray(R"({"doc_id": 7, "doc": {"question": ["Q"]}, "resps": [["a"]]})")
        << "the doc's question must be a string, found an array";
    QTest::newRow("no question, no prompt")
        << QByteArray(R"({"doc_id": 7, "doc": {"x": 1}, "resps": [["a"]]})")
        << "no question: the doc has none of question";
    QTest::newRow("no response")
        << QByteArray(R"({"doc_id": 7, "doc": {"question": "Q"}, "resps": []})")
        << "no response: 'resps' and 'filtered_resps' are missing or empty";
    QTest::newRow("response of the wrong kind")
        << QByteArray(
               R"({"doc_id": 7, "doc": {"question": "Q", "choices": ["a", "b"]}, "resps": [[{"x": 1}]]})")
        << "response 0 is neither text nor a loglikelihood";
    QTest::newRow("choices hold numbers")
        << QByteArray(
               R"({"doc_id": 7, "doc": {"question": "Q", "choices": [1, 2]}, "resps": [["a"]]})")
        << "'doc.choices[0]' must be a string, found a number";
}

void TestLmEvalReader::badLines() {
    QFETCH(QByteArray, line);
    QFETCH(QString, reason);
    const std::string path = samplesPath();
    rs::test::writeFile(dir_, path.substr(std::size_t(dir_.path().size()) + 1),
                        std::string(kGenerate) + "\n" + line.toStdString() + "\n" + kMedMcqa +
                            "\n");
    const ImportResult r = runImport(path);
    QCOMPARE(r.summary.format, OutputFormat::LmEvalHarness);
    QCOMPARE(r.cases.size(), std::size_t(2));
    QCOMPARE(r.errors.size(), std::size_t(1));
    QCOMPARE(r.errors[0].line, std::size_t(2));
    QVERIFY2(QString::fromStdString(r.errors[0].reason).startsWith(reason),
             r.errors[0].reason.c_str());
}

void TestLmEvalReader::fileNotNamedLikeSamples() {
    const std::string path =
        rs::test::writeFile(dir_, "my-evals.jsonl", std::string(kMedMcqa) + "\n");
    const ImportResult r = runImport(path);
    QVERIFY2(r.errors.empty(), qPrintable(r.errorText()));
    QCOMPARE(r.cases.size(), std::size_t(1));
    QCOMPARE(r.cases[0].dataset, std::string("my-evals"));
    QCOMPARE(r.cases[0].run, std::string("lm-eval/my-evals"));
    QCOMPARE(r.cases[0].questionId, std::string("my-evals:2"));
}

// Every layout the harness's medical tasks log (task YAML: doc_to_target / doc_to_choice):
// MedMCQA (cop, choices A-D), MedQA-4options (label, choices A-D), MMLU medical subjects
// (answer, choices A-D), PubMedQA (final_decision, choices yes/no/maybe), as
// log-likelihood tasks with the target an integer or a digit string, and generative
// variants with a letter target.
void TestLmEvalReader::medicalTaskLayouts_data() {
    QTest::addColumn<QString>("task");
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("gold");
    QTest::addColumn<QString>("prediction");
    QTest::addColumn<bool>("correct");
    QTest::addColumn<bool>("loglikelihood");
    QTest::addColumn<QString>("questionPart"); // must be in the question

    const QString mcqLoglik = QString::fromUtf8(
        R"("resps": [[["-3.1", "False"]], [["-0.4", "True"]], [["-2.0", "False"]], [["-5.5", "False"]]],)"
        R"( "filtered_resps": [["-3.1", "False"], ["-0.4", "True"], ["-2.0", "False"], ["-5.5", "False"]], "filter": "none",)");
    QTest::newRow("medmcqa, target digit string")
        << "medmcqa"
        << QString::fromUtf8(
               R"({"doc_id": 0, "doc": {"id": "x1", "question": "Nerve of the stylopharyngeus?", "opa": "CN VII", "opb": "CN IX", "opc": "CN X", "opd": "CN XII", "cop": 1}, "target": "1", )") +
               mcqLoglik + R"( "metrics": ["acc", "acc_norm"], "acc": 1.0, "acc_norm": 1.0})"
        << "B"
        << "B" << true << true << "stylopharyngeus";
    QTest::newRow("medqa_4options, target integer")
        << "medqa_4options"
        << QString::fromUtf8(
               R"({"doc_id": 3, "doc": {"id": "test-3", "sent1": "First-line drug for type 2 diabetes?", "sent2": "", "ending0": "Insulin", "ending1": "Metformin", "ending2": "Glipizide", "ending3": "Acarbose", "label": 2}, "target": 2, )") +
               mcqLoglik + R"( "metrics": ["acc", "acc_norm"], "acc": 0.0, "acc_norm": 0.0})"
        << "C"
        << "B" << false << true << "type 2 diabetes";
    QTest::newRow("medqa_4options, target digit string")
        << "medqa_4options"
        << QString::fromUtf8(
               R"({"doc_id": 4, "doc": {"id": "test-4", "sent1": "Q?", "sent2": "", "ending0": "a", "ending1": "b", "ending2": "c", "ending3": "d", "label": 1}, "target": "1", )") +
               mcqLoglik + R"( "metrics": ["acc"], "acc": 1.0})"
        << "B"
        << "B" << true << true << "Q?";
    QTest::newRow("mmlu_anatomy, target digit string")
        << "mmlu_anatomy"
        << QString::fromUtf8(
               R"({"doc_id": 5, "doc": {"question": "The hyoid bone develops from which arches?", "subject": "anatomy", "choices": ["1st", "2nd", "2nd and 3rd", "3rd"], "answer": 2}, "target": "2", )") +
               mcqLoglik + R"( "metrics": ["acc"], "acc": 0.0})"
        << "C"
        << "B" << false << true << "hyoid";
    QTest::newRow("mmlu_professional_medicine, generative letter")
        << "mmlu_flan_cot_zeroshot_professional_medicine"
        << QString::fromUtf8(
               R"j({"doc_id": 6, "doc": {"question": "Most likely diagnosis?", "subject": "professional_medicine", "choices": ["Gout", "Pseudogout", "Septic arthritis", "RA"], "answer": 1}, "target": "(B)", "resps": [["Rhomboid crystals. The answer is (B)."]], "filtered_resps": ["(B)"], "filter": "get-answer", "metrics": ["exact_match"], "exact_match": 1.0})j")
        << "B"
        << "B" << true << false << "diagnosis";
    const QString pubmedDoc = QString::fromUtf8(
        R"("doc": {"QUESTION": "Do statins prevent AF after CABG?", "CONTEXTS": ["Atrial fibrillation follows CABG in a third.", "Statin users had less AF."], "LABELS": ["BACKGROUND", "RESULTS"], "final_decision": "yes"},)");
    const QString pubmedLoglik = QString::fromUtf8(
        R"( "resps": [[["-0.2", "True"]], [["-1.9", "False"]], [["-2.4", "False"]]], "filtered_resps": [["-0.2", "True"], ["-1.9", "False"], ["-2.4", "False"]], "filter": "none", "metrics": ["acc"], "acc": 1.0})");
    QTest::newRow("pubmedqa, log-likelihood, target text")
        << "pubmedqa"
        << QString::fromUtf8(R"({"doc_id": 7, )") + pubmedDoc + R"( "target": "yes",)" +
               pubmedLoglik
        << "yes"
        << "yes" << true << true << "RESULTS: Statin users had less AF.";
    QTest::newRow("pubmedqa, log-likelihood, target index")
        << "pubmedqa"
        << QString::fromUtf8(R"({"doc_id": 8, )") + pubmedDoc + R"( "target": "0",)" + pubmedLoglik
        << "yes"
        << "yes" << true << true << "BACKGROUND: Atrial fibrillation";
    QTest::newRow("pubmedqa, generative")
        << "pubmedqa"
        << QString::fromUtf8(R"({"doc_id": 9, )") + pubmedDoc +
               R"( "target": "yes", "resps": [["Answer: no"]], "filtered_resps": ["no"], "filter": "strict-match", "metrics": ["exact_match"], "exact_match": 0.0})"
        << "yes"
        << "no" << false << false << "Question: Do statins prevent AF after CABG?";
}

void TestLmEvalReader::medicalTaskLayouts() {
    QFETCH(QString, task);
    QFETCH(QString, line);
    QFETCH(QString, gold);
    QFETCH(QString, prediction);
    QFETCH(bool, correct);
    QFETCH(bool, loglikelihood);
    QFETCH(QString, questionPart);
    QDir(dir_.path()).mkpath(QStringLiteral("org__model"));
    const std::string path = dir_.filePath(QStringLiteral("org__model/samples_") + task +
                                           QStringLiteral("_2025-01-01T00-00-00.jsonl"))
                                 .toStdString();
    std::ofstream(path, std::ios::trunc) << line.toStdString() << "\n";
    const ImportResult r = runImport(path);
    QVERIFY2(r.errors.empty(), qPrintable(r.errorText()));
    QCOMPARE(r.cases.size(), std::size_t(1));
    const Case& c = r.cases[0];
    QCOMPARE(QString::fromStdString(c.gold), gold);
    QCOMPARE(QString::fromStdString(c.prediction), prediction);
    QCOMPARE(c.correct, std::optional<bool>(correct));
    QCOMPARE(c.scoredFromLoglikelihoods, loglikelihood);
    QVERIFY2(c.question.find(questionPart.toStdString()) != std::string::npos, c.question.c_str());
    // A gold that names an option names its text too, so it can be found in the KG.
    int goldIndex = -1;
    for (std::size_t i = 0; i < c.options.size(); ++i)
        if (c.options[i].label == c.gold)
            goldIndex = int(i);
    QVERIFY2(goldIndex >= 0 || c.options.empty(), c.gold.c_str());
    if (loglikelihood)
        QVERIFY(c.output.empty());
}

QTEST_APPLESS_MAIN(TestLmEvalReader)
#include "tst_lmevalreader.moc"
