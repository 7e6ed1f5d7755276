#include "RunSummary.h"

#include "AnalysisPipeline.h"
#include "ProjectStore.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <sstream>

namespace rs {

namespace {

std::string percent(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", v * 100.0);
    return buf;
}

// 1273 -> "1,273".
std::string grouped(long long v) {
    std::string digits = std::to_string(v < 0 ? -v : v);
    for (int at = int(digits.size()) - 3; at > 0; at -= 3)
        digits.insert(std::size_t(at), ",");
    return (v < 0 ? "-" : "") + digits;
}

std::string seconds(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f s", v);
    return buf;
}

} // namespace

std::string runSummaryText(const ProjectStore& store, const PipelineResult& result) {
    constexpr std::size_t kErrorLines = 20;
    constexpr std::size_t kPatternLines = 10;
    std::ostringstream out;
    const ProjectStore::Summary s = store.summary();

    out << "\nKnowledge graph: " << result.kgNodes << " nodes, " << result.kgEdges << " edges"
        << (result.kgFromCache ? " (from cache, " : " (parsed, ") << seconds(result.secondsKg)
        << ")\n";
    for (const auto& line : result.kgSources)
        out << "  " << line << "\n";
    for (std::size_t i = 0; i < result.kgErrors.size() && i < kErrorLines; ++i)
        out << "  ! " << result.kgErrors[i].toString() << "\n";
    if (result.kgErrors.size() > kErrorLines)
        out << "  ! ... " << result.kgErrors.size() - kErrorLines << " more KG errors\n";

    out << "\nInputs:\n";
    for (const auto& in : result.inputs)
        out << "  " << in.path << " (" << in.format << "): " << in.imported << " imported, "
            << in.failed << " failed" << (in.fatalError.empty() ? "" : " - " + in.fatalError)
            << "\n";
    for (const auto& in : result.inputs)
        for (const auto& note : in.notes)
            out << "    " << note << "\n";
    if (result.referenceBoxesAttached > 0)
        out << "  " << result.referenceBoxesAttached
            << " reference boxes attached from box lists\n";
    if (result.cancelled)
        out << "  (cancelled: what was committed before is kept)\n";
    out << "  analysed " << result.casesAnalysed << " cases in " << seconds(result.secondsAnalysis);
    if (result.secondsAnalysis > 0 && result.casesAnalysed > 0)
        out << " (" << int(double(result.casesAnalysed) / result.secondsAnalysis) << " cases/s)";
    out << "\n";

    out << "\nProject " << store.path() << ": " << s.runs.size() << " runs, " << s.cases
        << " cases\n";
    for (const auto& r : s.runs) {
        out << "  " << r.label << ": " << r.cases << " cases";
        // "787 correct of 1,273 scored (61.8%)": the count scored is the denominator, said
        // as such, so it cannot be read as the number scored.
        if (auto acc = r.accuracy())
            out << ", " << grouped(r.correct) << " correct of " << grouped(r.correct + r.incorrect)
                << " scored (" << percent(*acc) << ")";
        else
            out << ", no scored answers";
        if (!r.complete)
            out << ", INTERRUPTED (its analysis was stopped; the same command again completes it)";
        out << "\n";
    }

    out << "\nFindings:\n";
    if (s.findingsByType.empty())
        out << "  none\n";
    for (const auto& [type, n] : s.findingsByType) {
        out << "  " << type << ": " << n;
        if (auto it = s.findingsBySubtype.find(type); it != s.findingsBySubtype.end()) {
            out << "  (";
            bool first = true;
            for (const auto& [sub, m] : it->second) {
                out << (first ? "" : ", ") << sub << " " << m;
                first = false;
            }
            out << ")";
        }
        out << "\n";
    }

    // Unverified claims are the KG's silence, counted apart from the findings like coverage gaps.
    const auto& claims = result.modelClaimsByStatus;
    auto claimCount = [&](const char* status) {
        const auto it = claims.find(status);
        return it == claims.end() ? std::size_t(0) : it->second;
    };
    out << "  claims of the model: " << claimCount("supported") << " supported, "
        << claimCount("contradicted") << " contradicted, " << claimCount("unverified")
        << " unverified (the KG is silent; not errors)\n";
    if (result.rightCases + result.wrongCases > 0) {
        auto share = [](std::size_t n, std::size_t of) {
            return of ? percent(double(n) / double(of)) : std::string("-");
        };
        out << "  cases with any finding: " << share(result.wrongWithFinding, result.wrongCases)
            << " of wrong answers (" << result.wrongWithFinding << " of " << result.wrongCases
            << "), " << share(result.rightWithFinding, result.rightCases) << " of right answers ("
            << result.rightWithFinding << " of " << result.rightCases << ")\n";
    }

    const nlohmann::json patterns = store.patterns();
    out << "\nTop recurring patterns:\n";
    if (patterns.empty())
        out << "  none (a pattern is the same finding signature in two or more cases)\n";
    for (std::size_t i = 0; i < patterns.size() && i < kPatternLines; ++i) {
        const auto& p = patterns[i];
        out << "  " << p.value("count", 0) << " cases  "
            << p.value("description", p.value("signature", "")) << "\n";
    }

    out << "\nCoverage: " << s.unanchoredCases << " of " << s.cases
        << " cases unanchored (gold answer not in the KG, no reference paths); " << s.coverageGaps
        << " coverage gaps (entities the KG lacks; not counted as model errors)\n";

    const auto errors = store.importErrors();
    out << "\nImport errors: " << errors.size() << "\n";
    for (std::size_t i = 0; i < errors.size() && i < kErrorLines; ++i)
        out << "  " << errors[i].toString() << "\n";
    if (errors.size() > kErrorLines)
        out << "  ... " << errors.size() - kErrorLines
            << " more (all are in the project file and --json)\n";
    return out.str();
}

} // namespace rs
