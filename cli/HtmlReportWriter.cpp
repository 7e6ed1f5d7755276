#include "HtmlReportWriter.h"

#include "ClaimEvidenceText.h"

#include "BoxColors.h"
#include "FindingColors.h"

#include "CaseResultJson.h"
#include "FindingKinds.h"
#include "PathDiagram.h"
#include "ReportImages.h"

#include <QBuffer>
#include <QFile>
#include <QPainter>
#include <QSaveFile>
#include <QSvgRenderer>

#include <algorithm>
#include <cmath>
#include <map>

namespace rs {

std::string htmlEscape(const std::string& text) {
    const std::string valid = validUtf8(text);
    std::string out;
    out.reserve(valid.size() + valid.size() / 8);
    for (char ch : valid) {
        const auto u = static_cast<unsigned char>(ch);
        switch (ch) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            // XML 1.0 allows tab, line feed and carriage return among the C0 controls only.
            if (u < 0x20 && ch != '\t' && ch != '\n' && ch != '\r')
                break;
            out += ch;
        }
    }
    return out;
}

namespace {

std::string esc(const std::string& s) {
    return htmlEscape(s);
}
std::string esc(const QString& s) {
    return htmlEscape(s.toStdString());
}
std::string num(std::int64_t v) {
    return std::to_string(v);
}

std::string fixed(double v, int digits = 1) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

// The window's palettes (views/FindingColors), so the report reads like the window.
std::string classCss(const std::string& type) {
    return findingTypeColor(QString::fromStdString(type)).name().toStdString();
}

std::string verdictCss(const std::string& verdict) {
    return verdictColor(QString::fromStdString(verdict)).name().toStdString();
}

// --- small SVG charts, written by hand so the HTML needs no script and no Qt Charts ----

struct Bar {
    std::string label;
    double value = 0;
    std::string color;
    std::string text; // shown after the bar
};

std::string barChartSvg(const std::string& title, const std::vector<Bar>& bars, double maxValue,
                        int width = 440) {
    const int labelW = 150, rowH = 22, top = 26, valueW = 115;
    const int height = top + rowH * int(std::max<std::size_t>(bars.size(), 1)) + 6;
    const double barArea = width - labelW - valueW;
    std::string s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(width) +
                    "\" height=\"" + num(height) + "\" viewBox=\"0 0 " + num(width) + " " +
                    num(height) +
                    "\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">";
    s += "<rect x=\"0\" y=\"0\" width=\"" + num(width) + "\" height=\"" + num(height) +
         "\" fill=\"#ffffff\"/>";
    s += "<text x=\"4\" y=\"16\" font-weight=\"bold\" font-size=\"13\">" + esc(title) + "</text>";
    if (bars.empty())
        s += "<text x=\"4\" y=\"" + num(top + 15) + "\" fill=\"#777777\">none</text>";
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const Bar& b = bars[i];
        const int y = top + rowH * int(i);
        const double w = maxValue > 0 ? std::max(1.0, barArea * b.value / maxValue) : 1.0;
        std::string label = b.label;
        if (label.size() > 24)
            label = label.substr(0, 23) + "\xE2\x80\xA6";
        s += "<text x=\"" + num(labelW - 6) + "\" y=\"" + num(y + 15) + "\" text-anchor=\"end\">" +
             esc(label) + "</text>";
        s += "<rect x=\"" + num(labelW) + "\" y=\"" + num(y + 3) + "\" width=\"" + fixed(w) +
             "\" height=\"" + num(rowH - 6) + "\" fill=\"" + esc(b.color) + "\"/>";
        s += "<text x=\"" + fixed(labelW + w + 5) + "\" y=\"" + num(y + 15) +
             "\" fill=\"#333333\">" + esc(b.text) + "</text>";
    }
    return s + "</svg>";
}

std::string reviewerText(const ProjectStore::Review& v) {
    return v.reviewer + (v.role.empty() ? "" : " (" + v.role + ")");
}

// "2024-06-01T12:00:00.123Z" -> "2024-06-01 12:00:00 UTC"
std::string when(const std::string& ts) {
    if (ts.size() < 19)
        return ts;
    return ts.substr(0, 10) + " " + ts.substr(11, 8) + " UTC";
}

std::string verdictBadge(const std::optional<ProjectStore::Review>& v) {
    if (!v)
        return "<span class=\"badge unreviewed\">not reviewed</span>";
    return "<span class=\"badge\" style=\"background:" + verdictCss(v->verdict) + "\">" +
           esc(v->verdict) + (v->severity.empty() ? "" : " \xC2\xB7 " + esc(v->severity)) +
           "</span>";
}

std::string verdictDetail(const std::optional<ProjectStore::Review>& v) {
    if (!v)
        return "<span class=\"muted\">not reviewed</span>";
    std::string s = verdictBadge(v) + "<br/><span class=\"who\">" + esc(reviewerText(*v)) + ", " +
                    esc(when(v->timestamp)) + "</span>";
    if (!v->comment.empty())
        s += "<div class=\"comment\">" + esc(v->comment) + "</div>";
    return s;
}

std::string historyList(const std::vector<ProjectStore::Review>& history) {
    // The current verdict is the last one; the list shows those it replaced.
    if (history.size() < 2)
        return {};
    std::string s = "<div class=\"history\">Earlier verdicts:<ul>";
    for (std::size_t i = 0; i + 1 < history.size(); ++i) {
        const auto& h = history[i];
        s += "<li>" + esc(when(h.timestamp)) + " \xE2\x80\x94 " + esc(reviewerText(h)) + ": " +
             esc(h.verdict) + (h.severity.empty() ? "" : ", " + esc(h.severity)) +
             (h.comment.empty() ? ""
                                : " \xE2\x80\x94 \xE2\x80\x9C" + esc(h.comment) + "\xE2\x80\x9D") +
             "</li>";
    }
    return s + "</ul></div>";
}

constexpr const char* kStyle = R"css(
body { font-family: Helvetica, Arial, sans-serif; font-size: 13px; color: #222; margin: 24px auto; max-width: 1100px; padding: 0 16px; }
h1 { font-size: 22px; margin-bottom: 4px; }
h2 { font-size: 18px; border-bottom: 2px solid #3a7ca5; padding-bottom: 3px; margin-top: 28px; }
h3 { font-size: 15px; margin: 0 0 6px 0; }
h4 { font-size: 13px; margin: 12px 0 4px 0; color: #3a5a75; }
table { border-collapse: collapse; margin: 6px 0; }
th, td { border: 1px solid #c8d0d8; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #eef2f6; }
td.num { text-align: right; }
.hash { font-family: monospace; font-size: 11px; word-break: break-all; }
.meta td { border: none; padding: 1px 10px 1px 0; }
.muted { color: #777; }
.case { border: 1px solid #c8d0d8; border-radius: 6px; padding: 10px 14px; margin: 16px 0; }
.badge { display: inline-block; color: #fff; background: #8c8c8c; border-radius: 8px; padding: 1px 8px; font-size: 12px; }
.badge.unreviewed { background: #b8b8b8; }
.who { color: #555; font-size: 12px; }
.comment { margin-top: 3px; padding: 2px 6px; border-left: 3px solid #c8d0d8; white-space: pre-wrap; }
.history { color: #555; font-size: 12px; margin-top: 4px; }
.history ul { margin: 2px 0 0 0; padding-left: 18px; }
.text { white-space: pre-wrap; background: #f7f8fa; border: 1px solid #e1e5ea; padding: 6px 8px; }
.diagram { overflow-x: auto; border: 1px solid #e1e5ea; padding: 4px; }
.legend span { margin-right: 14px; font-size: 12px; }
.swatch { margin-right: 3px; }
.charts svg { margin: 4px 10px 4px 0; vertical-align: top; }
.filter { font-family: monospace; background: #f2f2f2; padding: 1px 4px; }
.redacted { color: #a04000; font-weight: bold; }
)css";

} // namespace

// The widest picture a PDF page holds: A4 (210 mm) less PdfReportWriter's 15 mm page
// margins and the 2 cm that QTextDocument::print() adds on each side, i.e. 140 mm at 96
// dpi. A wider path diagram ran off the page.
constexpr int kPrintableWidthPx = 520;

HtmlReportWriter::HtmlReportWriter(const AuditReport& report, Target target)
    : r_(report), target_(target) {}

std::string HtmlReportWriter::raster(const QImage& image, const QString& alt) {
    if (target_ == Target::TextDocument) {
        images_.push_back(image);
        return "<img src=\"rsimg:" + num(std::int64_t(images_.size() - 1)) + "\" width=\"" +
               num(image.width()) + "\" height=\"" + num(image.height()) + "\" alt=\"" + esc(alt) +
               "\"/>";
    }
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return "<img src=\"data:image/png;base64," + png.toBase64().toStdString() + "\" width=\"" +
           num(image.width()) + "\" height=\"" + num(image.height()) + "\" alt=\"" + esc(alt) +
           "\"/>";
}

std::string HtmlReportWriter::picture(const std::string& svg, int widthPx, const QString& alt) {
    if (target_ == Target::Browser)
        return svg;
    // QTextDocument cannot show SVG: render it at twice the size for a sharp print, and let
    // the <img> scale it back down.
    QSvgRenderer renderer(QByteArray::fromStdString(svg));
    if (!renderer.isValid())
        return "<p class=\"muted\">(" + esc(alt) + ": cannot be drawn)</p>";
    QSizeF size = renderer.defaultSize();
    if (size.isEmpty())
        size = QSizeF(widthPx, widthPx / 2.0);
    const double shown = std::min<double>(widthPx, size.width());
    const double scale = 2.0 * shown / size.width();
    QImage image((size * scale).toSize(), QImage::Format_ARGB32);
    image.fill(Qt::white);
    {
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        renderer.render(&p);
    }
    images_.push_back(image);
    return "<img src=\"rsimg:" + num(std::int64_t(images_.size() - 1)) + "\" width=\"" +
           num(std::int64_t(shown)) + "\" height=\"" +
           num(std::int64_t(std::lround(size.height() * shown / size.width()))) + "\" alt=\"" +
           esc(alt) + "\"/>";
}

void HtmlReportWriter::header(std::string& o) {
    o += "<h1>ReasonScope audit report</h1>";
    o += "<table class=\"meta\">";
    o += "<tr><td>Generated</td><td>" + esc(when(r_.generatedAt)) + " by ReasonScope " +
         esc(r_.appVersion) + "</td></tr>";
    o += "<tr><td>Project file</td><td>" + esc(r_.projectPath) + "</td></tr>";
    o += "<tr><td>Filter</td><td>" +
         (r_.filterText.empty() ? std::string("none (every case)")
                                : "<span class=\"filter\">" + esc(r_.filterText) + "</span>") +
         "</td></tr>";
    o += "<tr><td>Cases</td><td>" + num(r_.matchedCases) + " match the filter; " +
         num(r_.flaggedCases) + " flagged; " + num(r_.reviewedCases) + " of " +
         num(r_.matchedCases) + " reviewed; " + num(std::int64_t(r_.caseCount())) +
         " reported below</td></tr>";
    if (r_.redacted)
        o += "<tr><td>Redacted</td><td class=\"redacted\">yes: question and output text and image "
             "pixels are left out</td></tr>";
    o += "</table>";
}

void HtmlReportWriter::analysed(std::string& o) {
    o += "<h2>What was analysed</h2>";
    o += "<h4>Knowledge graph sources</h4>";
    if (r_.kgSources.empty()) {
        o += "<p class=\"muted\">none recorded</p>";
    } else {
        o += "<table><tr><th>File</th><th>Format</th><th>Nodes</th><th>Edges</th><th>SHA-256</th></"
             "tr>";
        for (const auto& s : r_.kgSources)
            o += "<tr><td>" + esc(s.path) + "</td><td>" + esc(s.format) +
                 "</td><td class=\"num\">" + num(s.nodes) + "</td><td class=\"num\">" +
                 num(s.edges) + "</td><td class=\"hash\">" + esc(s.sha256) + "</td></tr>";
        o += "</table>";
    }
    o += "<h4>Model outputs</h4>";
    o += "<table><tr><th>Run</th><th>Model</th><th>File</th><th>Cases</th><th>Imported</"
         "th><th>SHA-256</th></tr>";
    for (const auto& run : r_.runs)
        o += "<tr><td>" + esc(run.label) + "</td><td>" + esc(run.model) + "</td><td>" +
             esc(run.sourceFile) + "</td><td class=\"num\">" + num(run.cases) +
             (run.complete ? "" : " (interrupted: its analysis stopped before the end)") +
             "</td><td>" + esc(when(run.imported)) + "</td><td class=\"hash\">" +
             esc(run.sourceSha256) + "</td></tr>";
    o += "</table>";
    o += "<h4>Settings</h4>";
    if (r_.settings.empty()) {
        o += "<p class=\"muted\">none recorded</p>";
    } else {
        o += "<table><tr><th>Setting</th><th>Value</th></tr>";
        for (const auto& [k, v] : r_.settings)
            o += "<tr><td>" + esc(k) + "</td><td>" + esc(v) + "</td></tr>";
        o += "</table>";
    }
}

void HtmlReportWriter::summary(std::string& o) {
    o += "<h2>Summary</h2><div class=\"charts\">";
    const FacetCounts& f = r_.summary;
    {
        std::vector<Bar> bars;
        double max = 0;
        for (FindingType type : kAllFindingTypes) {
            const char* t = findingTypeName(type);
            const auto it = f.byType.find(t);
            const auto n = it == f.byType.end() ? FacetCounts::Count{} : it->second;
            bars.push_back({t, double(n.findings), classCss(t),
                            num(n.findings) + " in " + num(n.cases) + " cases"});
            max = std::max(max, double(n.findings));
        }
        o += picture(barChartSvg("Findings per class", bars, max), 440, "Findings per class");
    }
    {
        std::vector<Bar> bars;
        double max = 0;
        for (const char* s : {"confirmed", "rejected", "unsure", "unreviewed"}) {
            const auto it = f.byReviewState.find(s);
            const std::int64_t n = it == f.byReviewState.end() ? 0 : it->second;
            bars.push_back({s, double(n), verdictCss(s), num(n) + " cases"});
            max = std::max(max, double(n));
        }
        // Any other verdict text in an older file still counts.
        for (const auto& [s, n] : f.byReviewState)
            if (s != "confirmed" && s != "rejected" && s != "unsure" && s != "unreviewed") {
                bars.push_back({s, double(n), "#8c8c8c", num(n) + " cases"});
                max = std::max(max, double(n));
            }
        o += picture(barChartSvg("Case review state", bars, max), 440, "Case review state");
    }
    {
        std::vector<Bar> bars;
        for (const auto& run : f.runs) {
            const std::int64_t scored = run.correct + run.incorrect;
            const double acc = scored ? 100.0 * double(run.correct) / double(scored) : 0.0;
            bars.push_back({run.complete ? run.label : run.label + " (interrupted)", acc, "#3a7ca5",
                            scored ? fixed(acc) + "% of " + num(scored) : "not scored"});
        }
        o += picture(barChartSvg("Accuracy per run", bars, 100.0), 440, "Accuracy per run");
    }
    o += "</div><p class=\"muted\">Not model errors: " + num(f.unverifiedClaims) +
         " unverified claims (the KG neither supports nor contradicts them), " +
         num(f.coverageGaps) + " coverage gaps (entities the KG cannot place).</p>";
}

void HtmlReportWriter::findingsAndPatterns(std::string& o) {
    o += "<h2>Findings by class</h2>";
    o += "<table><tr><th>Class</th><th>Sub-kind</th><th>Findings</th><th>Cases</th></tr>";
    for (const auto& [key, c] : r_.summary.bySubtype)
        o += "<tr><td><span class=\"swatch\" style=\"color:" + classCss(key.first) +
             "\">&#9632;</span>" + esc(key.first) + "</td><td>" + esc(key.second) +
             "</td><td class=\"num\">" + num(c.findings) + "</td><td class=\"num\">" +
             num(c.cases) + "</td></tr>";
    if (r_.summary.bySubtype.empty())
        o += "<tr><td colspan=\"4\" class=\"muted\">no findings under this filter</td></tr>";
    o += "</table>";
    o += "<h4>Recurring patterns (the same signature in two or more reported cases)</h4>";
    if (r_.patterns.empty()) {
        o += "<p class=\"muted\">none</p>";
        return;
    }
    o += "<table><tr><th>Cases</th><th>Pattern</th><th>Class</th><th>Signature</th></tr>";
    for (const auto& p : r_.patterns)
        o += "<tr><td class=\"num\">" + num(p.cases) + "</td><td>" +
             esc(p.description.empty() ? p.signature : p.description) + "</td><td>" + esc(p.type) +
             " / " + esc(p.subtype) + "</td><td class=\"hash\">" + esc(p.signature) + "</td></tr>";
    o += "</table>";
}

void HtmlReportWriter::oneCase(std::string& o, const ReportCase& c) {
    o += "<div class=\"case\" id=\"case-" + num(c.id) + "\">";
    o += "<h3>" +
         (c.title.empty() ? esc(c.key)
                          : esc(c.title) + " <span class=\"muted\">" + esc(c.key) + "</span>") +
         " <span class=\"muted\">" + esc(c.run) + "</span> " + verdictBadge(c.caseVerdict) +
         "</h3>";
    o += "<table class=\"meta\">";
    o += "<tr><td>Case</td><td>#" + num(c.id) +
         (c.questionId.empty() ? "" : ", question " + esc(c.questionId)) + ", from " +
         esc(c.sourceFile) + " record " + num(std::int64_t(c.sourceRecord)) + "</td></tr>";
    o += "<tr><td>Answer</td><td>model " +
         (c.prediction.empty() ? std::string("\xE2\x80\x94") : esc(c.prediction)) + ", gold " +
         (c.gold.empty() ? std::string("\xE2\x80\x94") : esc(c.gold)) +
         " (correct: " + correctnessName(c.correct) + ")</td></tr>";
    o += "<tr><td>Worst finding</td><td>" +
         std::string(c.maxSeverity ? severityName(*c.maxSeverity) : "not analysed") + "</td></tr>";
    o += "</table>";

    if (r_.redacted) {
        o += "<p class=\"redacted\">Question and output text redacted.</p>";
    } else {
        o += "<h4>Question</h4><div class=\"text\">" + esc(c.question) + "</div>";
        if (!c.options.empty()) {
            o += "<table class=\"meta\">";
            for (const auto& opt : c.options)
                o += "<tr><td>" + esc(opt.label) + "</td><td>" + esc(opt.text) + "</td></tr>";
            o += "</table>";
        }
        o += "<h4>The model's answer</h4><div class=\"text\">" + esc(c.output) + "</div>";
    }

    o += "<h4>Path diagram</h4>";
    std::string why;
    const std::string svg = pathDiagramSvg(c.diagram, &why);
    if (svg.empty()) {
        o += "<p class=\"muted\">No diagram: " +
             esc(c.unanchoredReason.empty() ? why : c.unanchoredReason) + "</p>";
    } else {
        o += "<div class=\"diagram\">" +
             picture(svg, kPrintableWidthPx, "Path diagram of " + QString::fromStdString(c.key)) +
             "</div>";
        o += "<div class=\"legend\">";
        for (const auto& [color, text] : std::vector<std::pair<const char*, const char*>>{
                 {PathDiagramColors::kSupported, "KG-supported step"},
                 {PathDiagramColors::kUnverified, "step without KG support"},
                 {PathDiagramColors::kRelationError, "relation error"},
                 {PathDiagramColors::kBranch, findingTypeName(FindingType::Branch)},
                 {PathDiagramColors::kReference, "reference path (dashed: to a missing concept)"}})
            o += "<span><span class=\"swatch\" style=\"color:" + std::string(color) +
                 "\">&#9473;&#9473;</span>" + text + "</span> &#160; ";
        o += "</div>";
    }

    if (!c.images.empty()) {
        o += "<h4>Images</h4>";
        for (const ImageRef& im : c.images) {
            o += "<div>";
            if (r_.redacted) {
                o += "<p class=\"redacted\">Image pixels redacted (" + esc(im.modality) + ", " +
                     num(std::int64_t(im.boxes.size())) + " boxes).</p>";
            } else {
                const ReportImage shown = reportImageWithBoxes(im, c.sourceFile, r_.projectPath);
                if (shown.image.isNull())
                    o += "<p class=\"muted\">" + esc(shown.note) + "</p>";
                else
                    o += raster(shown.image, QString::fromStdString(im.path));
            }
            if (!im.boxes.empty()) {
                o += "<table><tr><th>Box</th><th>Source</th><th>x</th><th>y</th><th>w</th><th>h</"
                     "th></tr>";
                for (const Box& b : im.boxes)
                    o += "<tr><td>" + esc(b.label) +
                         "</td><td><span class=\"swatch\" style=\"color:" +
                         esc(boxColor(b.source).name().toStdString()) + "\">&#9632;</span>" +
                         esc(b.source) + "</td><td class=\"num\">" + fixed(b.x, 0) +
                         "</td><td class=\"num\">" + fixed(b.y, 0) + "</td><td class=\"num\">" +
                         fixed(b.w, 0) + "</td><td class=\"num\">" + fixed(b.h, 0) + "</td></tr>";
                o += "</table>";
            }
            o += "</div>";
        }
    }

    o += "<h4>Findings</h4>";
    if (c.findings.empty()) {
        o += "<p class=\"muted\">No findings.</p>";
    } else {
        o += "<table><tr><th>#</th><th>Class</th><th>Severity</th><th>Explanation</th><th>Verdict</"
             "th></tr>";
        for (const ReportFinding& f : c.findings)
            o += "<tr><td class=\"num\">" + num(f.index + 1) +
                 "</td><td><span class=\"swatch\" style=\"color:" + classCss(f.type) +
                 "\">&#9632;</span>" + esc(f.type) + "<br/><span class=\"muted\">" +
                 esc(f.subtype) + "</span></td><td>" + esc(f.severity) + "</td><td>" +
                 (f.summary.empty() ? std::string() : "<b>" + esc(f.summary) + "</b><br/>") +
                 esc(f.explanation) + "</td><td>" + verdictDetail(f.verdict) +
                 historyList(f.history) + "</td></tr>";
        o += "</table>";
    }
    // The model's claims the KG neither supports nor contradicts: listed, never errors.
    std::string unverified;
    for (const CaseResult::Claim& cl : c.diagram.claims)
        if (cl.owner.empty() || cl.owner == "model")
            if (cl.status.value_or(ClaimStatus::Unverified) == ClaimStatus::Unverified)
                unverified += "<li>" + esc(claimText(cl)) + " <span class=\"muted\">(" +
                              esc(claimEvidenceText(cl)) + ")</span></li>";
    if (!unverified.empty())
        o += "<h4>Unverified claims (the KG is silent; not errors)</h4><ul class=\"muted\">" +
             unverified + "</ul>";
    if (!c.orphanedReviews.empty()) {
        o += "<h4>Verdicts on findings a later analysis no longer has</h4><ul>";
        for (const auto& v : c.orphanedReviews)
            o += "<li>" + esc(v.findingSignature) + " (step " + num(v.findingStep) +
                 "): " + esc(v.verdict) + " by " + esc(reviewerText(v)) + ", " +
                 esc(when(v.timestamp)) +
                 (v.comment.empty() ? "" : " \xE2\x80\x94 " + esc(v.comment)) + "</li>";
        o += "</ul>";
    }
    o += "<h4>Verdict on the case</h4>" + verdictDetail(c.caseVerdict) + historyList(c.caseHistory);
    o += "</div>";
}

std::string HtmlReportWriter::html() {
    images_.clear();
    std::string o;
    o.reserve(64 * 1024 + r_.caseCount() * 8 * 1024);
    o += documentStart();
    o += frontMatter();
    r_.forEachCase([&](const ReportCase& c) { oneCase(o, c); });
    o += closingNote();
    o += documentEnd();
    return o;
}

std::string HtmlReportWriter::documentStart() const {
    std::string o;
    if (target_ == Target::Browser)
        o += "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head>"
             "<meta charset=\"utf-8\"/>";
    else
        o += "<html><head>";
    o += "<title>ReasonScope audit report</title><style>";
    o += kStyle;
    // On paper the page margins are the margins, and the width is the page's.
    if (target_ == Target::TextDocument)
        o += "body { margin: 0; padding: 0; max-width: none; font-size: 12px; } "
             "th, td { padding: 2px 4px; }";
    o += "</style></head><body>";
    return o;
}

std::string HtmlReportWriter::frontMatter() {
    std::string o;
    header(o);
    analysed(o);
    summary(o);
    findingsAndPatterns(o);
    const auto& index = r_.caseIndex;
    o += "<h2>Reported cases (" + num(std::int64_t(index.size())) + ")</h2>";
    if (index.empty())
        o += "<p class=\"muted\">No case under this filter has a finding or a verdict.</p>";
    else if (target_ == Target::Browser) {
        o += "<p>";
        for (std::size_t i = 0; i < index.size(); ++i)
            o += std::string(i ? " \xC2\xB7 " : "") + "<a href=\"#case-" + num(index[i].id) +
                 "\">" + esc(index[i].title.empty() ? index[i].key : index[i].title) + "</a>";
        o += "</p>";
    }
    return o;
}

std::string HtmlReportWriter::caseSection(const ReportCase& c) {
    std::string o;
    oneCase(o, c);
    return o;
}

std::string HtmlReportWriter::closingNote() const {
    return "<p class=\"muted\">End of report. Filter: " +
           (r_.filterText.empty() ? std::string("none (every case)") : esc(r_.filterText)) +
           ". ReasonScope " + esc(r_.appVersion) + ".</p>";
}

std::string HtmlReportWriter::documentEnd() {
    return "</body></html>\n";
}

bool writeHtmlReport(const AuditReport& report, const QString& path, QString* error) {
    HtmlReportWriter writer(report);
    // Written aside and renamed, so a failed export never leaves half a report behind; a
    // case at a time, so the document is never whole in memory (nor, with casesInPages,
    // the cases).
    QSaveFile file(path);
    bool ok = file.open(QIODevice::WriteOnly);
    auto put = [&](const std::string& text) {
        ok = ok && file.write(text.data(), qint64(text.size())) == qint64(text.size());
    };
    put(writer.documentStart() + writer.frontMatter());
    report.forEachCase([&](const ReportCase& c) {
        if (ok)
            put(writer.caseSection(c));
    });
    put(writer.closingNote() + HtmlReportWriter::documentEnd());
    if (!ok || !file.commit()) {
        if (error)
            *error = QObject::tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace rs
