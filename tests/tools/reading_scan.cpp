// reading_scan: runs the reading-error checker on the ThoughtSource MedQA outputs and
// prints every finding (file, question id, sub-kind, both spans in context, explanation),
// the analytes with a number in the questions that the reference table does not cover,
// and the checker's time per case.
//
//   reading_scan [--resources DIR] [--jsonl OUT] [--sample N --seed S] [FILE...]
//
// --jsonl writes the findings (or a random sample of N with seed S) for clinical judging.
#include "reading/ReadingChecker.h"
#include "reading/ReadingText.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

using namespace rs::reading;

namespace {

std::string context(const std::string& text, Span s, std::size_t around = 60) {
    const std::size_t b = s.begin > around ? s.begin - around : 0;
    const std::size_t e = std::min(text.size(), s.end + around);
    return "…" + quote(text, {b, s.begin}) + " [[" + quote(text, s) + "]] " +
           quote(text, {s.end, e}) + "…";
}

struct Row {
    std::string file, id, model, kind, analyte, questionSpan, outputSpan, explanation;
    std::string questionText, outputText; // the spans alone, for the judged set
    int cot = 0, severity = 0;
    bool answerWrong = false;
    Span questionAt, outputAt; // byte offsets, for the judged set
};

} // namespace

int main(int argc, char** argv) {
    std::string resources = RS_DEFAULT_RESOURCES, jsonlOut;
    std::size_t sample = 0;
    unsigned seed = 11;
    std::vector<std::string> files;
    std::string pairQuestion, pairOutput;
    bool flagged = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--resources" && i + 1 < argc)
            resources = argv[++i];
        else if (a == "--jsonl" && i + 1 < argc)
            jsonlOut = argv[++i];
        else if (a == "--sample" && i + 1 < argc)
            sample = std::stoul(argv[++i]);
        else if (a == "--seed" && i + 1 < argc)
            seed = static_cast<unsigned>(std::stoul(argv[++i]));
        else if (a == "--flagged")
            flagged = true;
        else if (a == "--pair" && i + 2 < argc) { // debug one (question, output) pair
            pairQuestion = argv[++i];
            pairOutput = argv[++i];
        } else
            files.push_back(a);
    }
    if (files.empty())
        for (const char* f :
             {"thoughtsource-medqa500-gpt-4.json", "thoughtsource-medqa500-gpt-3.5-turbo.json"})
            files.push_back(std::string(RS_DEFAULT_SHARED_DATA) + "/outputs/" + f);

    ReferenceRangeTable table;
    std::vector<rs::ImportError> errors;
    if (!table.load(resources + "/" + ReferenceRangeTable::kDefaultFile, &errors)) {
        std::cerr << "cannot load the reference table from " << resources << "\n";
        return 1;
    }
    for (const auto& e : errors)
        std::cerr << e.toString() << "\n";
    ReadingChecker checker(table);
    checker.setJudgeFlagged(flagged);

    if (!pairQuestion.empty()) {
        const QuestionReading r = checker.readQuestion(pairQuestion);
        for (const MeasuredValue& v : r.values)
            std::printf("value %s = %g %s [%s]%s\n", v.analyte.c_str(), v.value, v.unit.c_str(),
                        quote(pairQuestion, v.span).c_str(),
                        v.specimen.empty() ? "" : (" specimen " + v.specimen).c_str());
        for (const Judgement& j : checker.judgements().find(pairOutput))
            std::printf("judgement %s %s [%s]%s%s%s\n", j.analytes.front().c_str(),
                        claimWords(j.claim), quote(pairOutput, j.span).c_str(),
                        j.hedged ? " hedged" : "", j.generic ? " generic" : "",
                        j.otherPerson ? " other-person" : "");
        for (const ReadingFinding& f : checker.check(pairQuestion, r, pairOutput))
            std::printf("finding %s %s: %s\n", toString(f.kind), f.analyte.c_str(),
                        f.explanation.c_str());
        return 0;
    }
    std::vector<Row> rows;
    std::map<std::string, int> uncovered;
    std::set<std::string> questionIds;
    std::size_t cases = 0, questions = 0;
    double seconds = 0, cpuSeconds = 0, questionCpu = 0;
    for (const std::string& path : files) {
        std::ifstream in(path);
        if (!in) {
            std::cerr << "skipping " << path << " (not found)\n";
            continue;
        }
        const nlohmann::json doc = nlohmann::json::parse(in);
        const std::string file = path.substr(path.find_last_of('/') + 1);
        for (const auto& q : doc.at("med_qa").at("test")) {
            const std::string question = q.value("question", "");
            const std::string id = q.value("id", "");
            ++questions;
            if (questionIds.insert(id).second) // both files ask the same questions: count each once
                for (const auto& u : checker.readQuestion(question).uncovered)
                    ++uncovered[lowerAscii(u.nameGuess) + " [" + u.unit + "]"];
            int cotIndex = 0;
            for (const auto& g : q.value("generated_cot", nlohmann::json::array())) {
                const std::string cot = g.value("cot", "");
                bool wrong = false;
                for (const auto& a : g.value("answers", nlohmann::json::array()))
                    if (a.contains("correct_answer") && a["correct_answer"].is_boolean())
                        wrong = wrong || !a["correct_answer"].get<bool>();
                const std::clock_t c0 = std::clock();
                const auto t0 = std::chrono::steady_clock::now();
                const QuestionReading reading = checker.readQuestion(question);
                const std::clock_t c1 = std::clock();
                questionCpu += static_cast<double>(c1 - c0) / CLOCKS_PER_SEC;
                const auto found = checker.check(question, reading, cot, wrong);
                seconds +=
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
                cpuSeconds += static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
                ++cases;
                for (const ReadingFinding& f : found)
                    rows.push_back({file, id,
                                    (g.contains("model") && g["model"].is_string()
                                         ? g["model"].get<std::string>()
                                         : std::string()),
                                    toString(f.kind), f.analyte, context(question, f.questionSpan),
                                    context(cot, f.outputSpan), f.explanation,
                                    quote(question, f.questionSpan), quote(cot, f.outputSpan),
                                    cotIndex, f.severity, wrong, f.questionSpan, f.outputSpan});
                ++cotIndex;
            }
        }
    }
    for (const Row& r : rows)
        std::printf("%s  %s#%d  %s  severity %d%s\n  Q: %s\n  O: %s\n  => %s\n\n", r.file.c_str(),
                    r.id.c_str(), r.cot, r.kind.c_str(), r.severity,
                    r.answerWrong ? " (answer wrong)" : "", r.questionSpan.c_str(),
                    r.outputSpan.c_str(), r.explanation.c_str());
    std::map<std::string, int> byKind;
    for (const Row& r : rows)
        ++byKind[r.kind];
    std::printf("== %zu questions, %zu cases, %zu reading findings", questions, cases, rows.size());
    for (const auto& [k, n] : byKind)
        std::printf(", %s %d", k.c_str(), n);
    std::printf("\n== checker time: %.3f ms per case wall, %.3f ms CPU (question reading "
                "included), %.2f s total\n",
                cases ? 1000.0 * seconds / static_cast<double>(cases) : 0.0,
                cases ? 1000.0 * cpuSeconds / static_cast<double>(cases) : 0.0, seconds);
    std::printf("== of which reading the question: %.3f ms CPU per case\n",
                cases ? 1000.0 * questionCpu / static_cast<double>(cases) : 0.0);
    std::vector<std::pair<std::string, int>> unc(uncovered.begin(), uncovered.end());
    std::sort(unc.begin(), unc.end(),
              [](const auto& a, const auto& b) { return a.second > b.second; });
    std::printf("== numbers with a lab unit whose analyte the table does not cover (%zu kinds, %zu "
                "distinct questions):\n",
                unc.size(), questionIds.size());
    for (const auto& [name, n] : unc)
        std::printf("   %4d  %s\n", n, name.c_str());
    if (!jsonlOut.empty()) {
        std::vector<Row> chosen = rows;
        if (sample && chosen.size() > sample) {
            std::mt19937 rng(seed);
            std::shuffle(chosen.begin(), chosen.end(), rng);
            chosen.resize(sample);
        }
        std::ofstream out(jsonlOut);
        for (const Row& r : chosen)
            out << nlohmann::json{{"file", r.file},
                                  {"id", r.id},
                                  {"cot", r.cot},
                                  {"kind", r.kind},
                                  {"analyte", r.analyte},
                                  {"question_span", r.questionText},
                                  {"output_span", r.outputText},
                                  {"severity", r.severity},
                                  {"explanation", r.explanation},
                                  {"answer_wrong", r.answerWrong},
                                  {"question_offsets", {r.questionAt.begin, r.questionAt.end}},
                                  {"output_offsets", {r.outputAt.begin, r.outputAt.end}}}
                       .dump()
                << "\n";
    }
    return 0;
}
