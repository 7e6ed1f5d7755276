#include "ComparisonText.h"

#include <cstdio>
#include <sstream>

namespace rs {

std::string formatRate(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", v);
    return buf;
}

std::string formatSigned(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%+.3f", v);
    return buf;
}

std::string formatPValue(double p) {
    char buf[32];
    std::snprintf(buf, sizeof buf, p < 1e-4 ? "%.2e" : "%.4f", p);
    return buf;
}

namespace {

std::string padded(const std::string& s, std::size_t width) {
    return s.size() >= width ? s + " " : s + std::string(width - s.size(), ' ');
}

std::string unpairedText(const UnpairedCases& u) {
    std::ostringstream o;
    o << u.total();
    if (u.total() > 0)
        o << " (no question id " << u.noQuestionId << ", only in this run " << u.onlyInThisRun
          << ", asked several times " << u.askedSeveralTimes << ")";
    return o.str();
}

void cellsText(std::ostringstream& o, const RunComparison& c) {
    o << "Correctness, base -> head:\n";
    for (CorrectnessCell cell : kScoredCells) {
        const auto& ids = c.cells[std::size_t(cell)];
        o << "  " << padded(correctnessCellLabel(cell), 30) << ids.size();
        if (cell == CorrectnessCell::RightWrong || cell == CorrectnessCell::WrongRight) {
            for (std::size_t i = 0; i < ids.size() && i < 8; ++i)
                o << (i == 0 ? "  " : ", ") << ids[i];
            if (ids.size() > 8)
                o << ", ... (--json lists all)";
        }
        o << "\n";
    }
}

void findingsText(std::ostringstream& o, const RunComparison& c) {
    o << "Findings on the paired questions (base -> head, change):\n";
    for (const auto& f : c.byType) {
        o << "  " << padded(f.type, 26) << f.baseFindings << " -> " << f.headFindings << "  ("
          << (f.change() > 0 ? "+" : "") << f.change() << ")\n";
        for (const auto& s : c.bySubtype)
            if (s.type == f.type)
                o << "    " << padded(s.subtype, 24) << s.baseFindings << " -> " << s.headFindings
                  << "  (" << (s.change() > 0 ? "+" : "") << s.change() << ")\n";
    }
}

void patternsText(std::ostringstream& o, const RunComparison& c) {
    if (c.patterns.empty()) {
        o << "Patterns: none appeared, disappeared, grew or shrank\n";
        return;
    }
    o << "Patterns (questions, base -> head):\n";
    for (PatternTrend trend : {PatternTrend::Appeared, PatternTrend::Disappeared,
                               PatternTrend::Grew, PatternTrend::Shrank}) {
        int shown = 0;
        for (const auto& p : c.patterns)
            if (p.trend == trend && shown++ < 5)
                o << "  " << padded(patternTrendName(trend), 12) << p.baseCases << " -> "
                  << p.headCases << "  " << p.description << "\n";
    }
}

void involvementText(std::ostringstream& o, const char* what,
                     const std::vector<RegressionInvolvement>& items) {
    o << "  " << what << ": ";
    if (items.empty())
        o << "none";
    for (std::size_t i = 0; i < items.size() && i < 10; ++i)
        o << (i ? ", " : "") << items[i].name << " (" << items[i].questions << ")";
    o << "\n";
}

} // namespace

std::string comparisonText(const RunComparison& c) {
    std::ostringstream o;
    o << "Base: " << c.base.label << " (" << c.base.cases << " cases)\n"
      << "Head: " << c.head.label << " (" << c.head.cases << " cases)\n";
    if (!c.base.complete || !c.head.complete)
        o << "Warning: " << (!c.base.complete ? c.base.label : c.head.label)
          << " was cut short; its analysis did not finish\n";
    o << "Paired questions: " << c.questions.size() << " (scored on both sides "
      << c.accuracy.scoredPairs << ", unscored " << c.unscoredPairs << ")\n"
      << "Unpaired: base " << unpairedText(c.baseUnpaired) << "; head "
      << unpairedText(c.headUnpaired) << "\n";
    const PairedAccuracy& a = c.accuracy;
    if (a.scoredPairs > 0)
        o << "Accuracy on the scored pairs: base " << formatRate(a.base) << ", head "
          << formatRate(a.head) << ", difference " << formatSigned(a.difference) << " (95% CI "
          << formatSigned(a.difference95.low) << " to " << formatSigned(a.difference95.high)
          << ", Newcombe hybrid score)\n"
          << "McNemar exact test: " << c.fixes() << " fixed vs " << c.regressions()
          << " regressed, p = " << formatPValue(a.mcnemarP) << "\n";
    else
        o << "Accuracy: no question is scored on both sides\n";
    cellsText(o, c);
    findingsText(o, c);
    patternsText(o, c);
    o << "Regressions (right -> wrong) involve, by questions:\n";
    involvementText(o, "concepts", c.regressionConcepts);
    involvementText(o, "claim relations", c.regressionRelations);
    return o.str();
}

} // namespace rs
