#include "CaseText.h"

#include "Case.h"
#include "CaseResult.h"
#include "FindingKinds.h"

#include <sstream>

namespace rs {

namespace {

void heading(std::ostringstream& out, const std::string& title) {
    out << "\n" << title << "\n" << std::string(title.size(), '-') << "\n";
}

std::string pathText(const CaseResult::ReferencePath& p) {
    std::string s;
    for (std::size_t i = 0; i < p.nodes.size(); ++i) {
        if (i > 0) {
            const std::string rel = i - 1 < p.relations.size() ? p.relations[i - 1] : "?";
            const bool fwd = i - 1 < p.forward.size() ? bool(p.forward[i - 1]) : true;
            s += fwd ? " -[" + rel + "]-> " : " <-[" + rel + "]- ";
        }
        s += p.nodes[i];
    }
    return s;
}

void writeSteps(std::ostringstream& out, const Case& c, const CaseResult& r) {
    int i = 0;
    for (const CaseResult::Step& s : r.steps) {
        if (s.span.begin <= s.span.end && s.span.end <= c.output.size())
            out << "[" << i << "] " << c.output.substr(s.span.begin, s.span.end - s.span.begin)
                << "\n";
        ++i;
    }
}

void writePaths(std::ostringstream& out, const CaseResult& r) {
    heading(out, "Reasoning path");
    std::string path;
    for (const CaseResult::PathNode& n : r.reasoningPath) {
        if (!path.empty())
            path += " -> ";
        path += n.kgConcept ? n.kgConcept->name : std::string();
    }
    out << (path.empty() ? "(no linked entities)" : path) << "\n";

    heading(out, "Reference paths");
    if (!r.unanchoredReason.empty())
        out << "none: " << r.unanchoredReason << "\n";
    for (std::size_t i = 0; i < r.referencePaths.size(); ++i) {
        const CaseResult::ReferencePath& p = r.referencePaths[i];
        out << (int(i) == r.bestReference ? "* " : "  ") << pathText(p) << "   (cost " << p.cost
            << ", " << p.origin << ")\n";
    }
}

void writeFindings(std::ostringstream& out, const CaseResult& r) {
    heading(out, "Findings");
    if (r.findings.empty())
        out << "none\n";
    for (const CaseResult::Finding& f : r.findings)
        if (f.readable)
            out << "- [" << (f.severity ? severityName(*f.severity) : "") << "] "
                << CaseResult::typeName(f) << "/" << f.subtype << " (step " << f.step
                << "): " << f.explanation << "\n";
    if (!r.coverageGaps.empty()) {
        heading(out, "Coverage gaps (not model errors)");
        for (const CaseResult::Gap& g : r.coverageGaps)
            out << "- " << g.where << ": \"" << g.text << "\" " << g.reason << "\n";
    }
}

} // namespace

std::string caseAsText(const Case& c, const CaseResult* result) {
    std::ostringstream out;
    out << "Case " << c.key << "  (run " << c.run << ", question " << c.questionId << ")\n";
    out << "Source: " << c.sourceFile << " record " << c.sourceRecord << "\n";
    const char* verdict = !c.correct ? "unknown" : *c.correct ? "correct" : "INCORRECT";
    out << "Prediction: " << (c.prediction.empty() ? "(none)" : c.prediction)
        << "   Gold: " << c.gold << "   -> " << verdict << "\n";

    heading(out, "Question");
    out << c.question << "\n";
    for (const auto& o : c.options)
        out << "  " << o.label << ") " << o.text << "\n";

    // A reasoning model's output is its trace; the answer it wrote after it comes apart.
    heading(out, c.finalAnswer.empty() ? "Output, by step" : "Output, by step (reasoning trace)");
    const CaseResult none;
    const CaseResult& r = result ? *result : none;
    if (c.output.empty() && c.scoredFromLoglikelihoods)
        out << "(scored from log-likelihoods, no written reasoning)\n";
    writeSteps(out, c, r);
    if (!c.finalAnswer.empty()) {
        heading(out, "Final answer");
        out << c.finalAnswer << "\n";
    }
    writePaths(out, r);
    writeFindings(out, r);
    return out.str();
}

} // namespace rs
