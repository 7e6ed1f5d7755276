#include "CaseText.h"

#include "Case.h"

#include <nlohmann/json.hpp>

#include <sstream>

namespace rs {

namespace {

std::string str(const nlohmann::json& j, const char* key)
{
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

void heading(std::ostringstream& out, const std::string& title)
{
    out << "\n" << title << "\n" << std::string(title.size(), '-') << "\n";
}

std::string pathText(const nlohmann::json& nodes, const nlohmann::json& relations,
                     const nlohmann::json& forward)
{
    std::string s;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (i > 0) {
            const std::string rel = i - 1 < relations.size() ? relations[i - 1].get<std::string>() : "?";
            const bool fwd = i - 1 < forward.size() ? forward[i - 1].get<bool>() : true;
            s += fwd ? " -[" + rel + "]-> " : " <-[" + rel + "]- ";
        }
        s += nodes[i].get<std::string>();
    }
    return s;
}

} // namespace

std::string caseAsText(const Case& c, const nlohmann::json& a)
{
    std::ostringstream out;
    out << "Case " << c.key << "  (run " << c.run << ", question " << c.questionId << ")\n";
    out << "Source: " << c.sourceFile << " record " << c.sourceRecord << "\n";
    const char* verdict = !c.correct ? "unknown" : *c.correct ? "correct" : "INCORRECT";
    out << "Prediction: " << (c.prediction.empty() ? "(none)" : c.prediction) << "   Gold: " << c.gold
        << "   -> " << verdict << "\n";

    heading(out, "Question");
    out << c.question << "\n";
    for (const auto& o : c.options)
        out << "  " << o.label << ") " << o.text << "\n";

    heading(out, "Output, by step");
    if (a.contains("steps")) {
        int i = 0;
        for (const auto& s : a["steps"]) {
            const std::size_t b = s["span"][0].get<std::size_t>(), e = s["span"][1].get<std::size_t>();
            if (b <= e && e <= c.output.size())
                out << "[" << i << "] " << c.output.substr(b, e - b) << "\n";
            ++i;
        }
    }

    heading(out, "Reasoning path");
    std::string path;
    for (const auto& n : a.value("reasoning_path", nlohmann::json::array())) {
        if (!path.empty())
            path += " -> ";
        path += str(n, "name");
    }
    out << (path.empty() ? "(no linked entities)" : path) << "\n";

    heading(out, "Reference paths");
    const std::string unanchored = str(a, "unanchored_reason");
    if (!unanchored.empty())
        out << "none: " << unanchored << "\n";
    int best = a.value("best_reference", -1), i = 0;
    for (const auto& r : a.value("reference_paths", nlohmann::json::array())) {
        out << (i == best ? "* " : "  ") << pathText(r["nodes"], r["relations"], r["forward"])
            << "   (cost " << r.value("cost", 0.0) << ", " << str(r, "origin") << ")\n";
        ++i;
    }

    heading(out, "Findings");
    const auto& findings = a.value("findings", nlohmann::json::array());
    if (findings.empty())
        out << "none\n";
    for (const auto& f : findings)
        out << "- [" << str(f, "severity") << "] " << str(f, "type") << "/" << str(f, "subtype")
            << " (step " << f.value("step", -1) << "): " << str(f, "explanation") << "\n";

    const auto& gaps = a.value("coverage_gaps", nlohmann::json::array());
    if (!gaps.empty()) {
        heading(out, "Coverage gaps (not model errors)");
        for (const auto& g : gaps)
            out << "- " << str(g, "where") << ": \"" << str(g, "text") << "\" " << str(g, "reason") << "\n";
    }
    return out.str();
}

} // namespace rs
