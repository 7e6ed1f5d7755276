#include "ComparisonHtml.h"

#include "ComparisonText.h"
#include "HtmlReportWriter.h"

#include <algorithm>

namespace rs {

namespace {

constexpr const char* kStyle =
    "body { font-family: Helvetica, Arial, sans-serif; margin: 24px auto; max-width: 1000px; "
    "color: #222; } h1 { font-size: 22px; } h2 { font-size: 17px; margin-top: 28px; } "
    "table { border-collapse: collapse; margin: 8px 0; } th, td { border: 1px solid #ccc; "
    "padding: 3px 8px; text-align: left; } td.n { text-align: right; } "
    ".muted { color: #777; } .up { color: #b22; } .down { color: #282; } "
    ".ids { font-family: monospace; font-size: 12px; }";

constexpr const char* kBaseColor = "#9a9a9a";
constexpr const char* kHeadColor = "#3b6fb6";

std::string esc(const std::string& s) {
    return htmlEscape(s);
}
std::string num(std::int64_t v) {
    return std::to_string(v);
}
std::string signedNum(std::int64_t v) {
    return (v > 0 ? "+" : "") + std::to_string(v);
}
std::string changeCell(std::int64_t v) {
    return std::string("<td class=\"n ") +
           (v > 0   ? "up"
            : v < 0 ? "down"
                    : "") +
           "\">" + signedNum(v) + "</td>";
}

// Grouped bars: base and head findings of each class on the paired questions.
std::string groupedBarsSvg(const RunComparison& c) {
    const int labelW = 90, rowH = 34, top = 30, width = 560, valueW = 60;
    const int height = top + rowH * int(c.byType.size()) + 8;
    std::int64_t maxValue = 1;
    for (const auto& f : c.byType)
        maxValue = std::max({maxValue, f.baseFindings, f.headFindings});
    const double area = width - labelW - valueW;
    std::string s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(width) +
                    "\" height=\"" + num(height) +
                    "\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">";
    s += "<rect x=\"" + num(labelW) + "\" y=\"6\" width=\"12\" height=\"12\" fill=\"" + kBaseColor +
         "\"/><text x=\"" + num(labelW + 16) + "\" y=\"16\">base " + esc(c.base.label) + "</text>";
    s += "<rect x=\"" + num(labelW + 260) + "\" y=\"6\" width=\"12\" height=\"12\" fill=\"" +
         kHeadColor + "\"/><text x=\"" + num(labelW + 276) + "\" y=\"16\">head " +
         esc(c.head.label) + "</text>";
    for (std::size_t i = 0; i < c.byType.size(); ++i) {
        const auto& f = c.byType[i];
        const int y = top + rowH * int(i);
        s += "<text x=\"" + num(labelW - 6) + "\" y=\"" + num(y + 20) + "\" text-anchor=\"end\">" +
             esc(f.type) + "</text>";
        const std::int64_t values[2] = {f.baseFindings, f.headFindings};
        for (int side = 0; side < 2; ++side) {
            const double w = std::max(1.0, area * double(values[side]) / double(maxValue));
            const int by = y + 3 + side * 14;
            s += "<rect x=\"" + num(labelW) + "\" y=\"" + num(by) + "\" width=\"" +
                 num(std::int64_t(w)) + "\" height=\"12\" fill=\"" +
                 (side ? kHeadColor : kBaseColor) + "\"/>";
            s += "<text x=\"" + num(labelW + std::int64_t(w) + 4) + "\" y=\"" + num(by + 10) +
                 "\">" + num(values[side]) + "</text>";
        }
    }
    return s + "</svg>";
}

void accuracySection(std::string& o, const RunComparison& c) {
    const PairedAccuracy& a = c.accuracy;
    o += "<h2>Accuracy</h2><table><tr><th></th><th>base</th><th>head</th></tr>";
    o +=
        "<tr><td>run</td><td>" + esc(c.base.label) + "</td><td>" + esc(c.head.label) + "</td></tr>";
    o += "<tr><td>cases</td><td class=\"n\">" + num(c.base.cases) + "</td><td class=\"n\">" +
         num(c.head.cases) + "</td></tr>";
    o += "<tr><td>unpaired</td><td class=\"n\">" + num(c.baseUnpaired.total()) +
         "</td><td class=\"n\">" + num(c.headUnpaired.total()) + "</td></tr>";
    if (a.scoredPairs > 0)
        o += "<tr><td>accuracy on the " + num(a.scoredPairs) +
             " scored pairs</td><td class=\"n\">" + formatRate(a.base) + "</td><td class=\"n\">" +
             formatRate(a.head) + "</td></tr>";
    o += "</table>";
    if (a.scoredPairs > 0)
        o += "<p>Difference (head − base) <b>" + formatSigned(a.difference) + "</b>, 95% CI " +
             formatSigned(a.difference95.low) + " to " + formatSigned(a.difference95.high) +
             " (Newcombe hybrid score, paired). Exact McNemar test: " + num(c.fixes()) +
             " fixed vs " + num(c.regressions()) + " regressed, p = " + formatPValue(a.mcnemarP) +
             ".</p>";
    o += "<p class=\"muted\">Unpaired base: no question id " + num(c.baseUnpaired.noQuestionId) +
         ", only in base " + num(c.baseUnpaired.onlyInThisRun) + ", asked several times " +
         num(c.baseUnpaired.askedSeveralTimes) + ". Unpaired head: no question id " +
         num(c.headUnpaired.noQuestionId) + ", only in head " + num(c.headUnpaired.onlyInThisRun) +
         ", asked several times " + num(c.headUnpaired.askedSeveralTimes) +
         ". Unscored pairs: " + num(c.unscoredPairs) + ".</p>";
}

void cellsSection(std::string& o, const RunComparison& c) {
    o += "<h2>Correctness, base → head</h2><table><tr><th>cell</th><th>questions</th>"
         "<th>question ids</th></tr>";
    for (CorrectnessCell cell : kScoredCells) {
        const auto& ids = c.cells[std::size_t(cell)];
        std::string list;
        for (std::size_t i = 0; i < ids.size() && i < 200; ++i)
            list += (i ? ", " : "") + esc(ids[i]);
        if (ids.size() > 200)
            list += ", … (" + num(std::int64_t(ids.size()) - 200) + " more in --json)";
        o += "<tr><td>" + esc(correctnessCellLabel(cell)) + "</td><td class=\"n\">" +
             num(std::int64_t(ids.size())) + "</td><td class=\"ids\">" + list + "</td></tr>";
    }
    o += "</table>";
}

void findingsSection(std::string& o, const RunComparison& c) {
    o += "<h2>Findings on the paired questions</h2>" + groupedBarsSvg(c);
    o += "<table><tr><th>class / sub-kind</th><th>base</th><th>head</th><th>change</th>"
         "<th>questions base</th><th>questions head</th></tr>";
    auto row = [&](const FindingCountChange& f, bool sub) {
        o += "<tr><td>" + std::string(sub ? "&#160;&#160;&#160;" : "<b>") +
             esc(sub ? f.subtype : f.type) + (sub ? "" : "</b>") + "</td><td class=\"n\">" +
             num(f.baseFindings) + "</td><td class=\"n\">" + num(f.headFindings) + "</td>" +
             changeCell(f.change()) + "<td class=\"n\">" + num(f.baseCases) +
             "</td><td class=\"n\">" + num(f.headCases) + "</td></tr>";
    };
    for (const auto& f : c.byType) {
        row(f, false);
        for (const auto& s : c.bySubtype)
            if (s.type == f.type)
                row(s, true);
    }
    o += "</table>";
}

void patternsSection(std::string& o, const RunComparison& c) {
    o += "<h2>Patterns that changed</h2>";
    if (c.patterns.empty()) {
        o += "<p class=\"muted\">None appeared, disappeared, grew or shrank.</p>";
        return;
    }
    o += "<table><tr><th>trend</th><th>base</th><th>head</th><th>pattern</th></tr>";
    for (const auto& p : c.patterns)
        o += "<tr><td>" + std::string(patternTrendName(p.trend)) + "</td><td class=\"n\">" +
             num(p.baseCases) + "</td><td class=\"n\">" + num(p.headCases) + "</td><td>" +
             esc(p.description) + "<br/><span class=\"ids muted\">" + esc(p.signature) +
             "</span></td></tr>";
    o += "</table>";
}

void involvementSection(std::string& o, const char* title,
                        const std::vector<RegressionInvolvement>& items) {
    o += "<h3>" + std::string(title) + "</h3>";
    if (items.empty()) {
        o += "<p class=\"muted\">none</p>";
        return;
    }
    o += "<table><tr><th>name</th><th>regressed questions</th></tr>";
    for (const auto& i : items)
        o += "<tr><td>" + esc(i.name) + "</td><td class=\"n\">" + num(i.questions) + "</td></tr>";
    o += "</table>";
}

} // namespace

std::string comparisonHtml(const RunComparison& c) {
    std::string o = "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">"
                    "<head><meta charset=\"utf-8\"/><title>ReasonScope run comparison</title>"
                    "<style>";
    o += kStyle;
    o += "</style></head><body>";
    o += "<h1>Run comparison: " + esc(c.base.label) + " → " + esc(c.head.label) + "</h1>";
    o += "<p>" + num(std::int64_t(c.questions.size())) +
         " questions answered once by both runs, paired by question id. Generated by "
         "reasonscope " RS_VERSION ".</p>";
    accuracySection(o, c);
    cellsSection(o, c);
    findingsSection(o, c);
    patternsSection(o, c);
    o += "<h2>What the regressions involve</h2><p class=\"muted\">Named by the head's "
         "findings on questions the base got right and the head got wrong.</p>";
    involvementSection(o, "Concepts", c.regressionConcepts);
    involvementSection(o, "Claim relations", c.regressionRelations);
    o += "</body></html>\n";
    return o;
}

} // namespace rs
