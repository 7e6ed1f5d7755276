#pragma once
// The audit report as one self-contained HTML file: styles inline, charts and path diagrams
// as inline SVG, case images as data: PNG, nothing fetched from anywhere. The document is
// also well-formed XML (XHTML syntax: every element closed, only numeric character
// references), so tools and tests can parse it with an XML reader.
//
// Every string that came from an input file or a reviewer (questions, outputs, answers,
// concept names, explanations, comments, paths, run labels) is escaped; SVG comes from
// Graphviz, which escapes the labels it was given, or from this writer.
//
// The same writer makes the HTML that the PDF writer lays out with QTextDocument (Target
// TextDocument): that engine knows no inline SVG or data: URLs, so pictures are then
// referenced as "rsimg:N" and handed over, rendered, through images().
#include "AuditReport.h"

#include <QImage>
#include <QString>

#include <string>
#include <vector>

namespace rs {

class HtmlReportWriter {
public:
    enum class Target { Browser, TextDocument };
    explicit HtmlReportWriter(const AuditReport& report, Target target = Target::Browser);

    // Builds the document (needs a QGuiApplication when the report has images or the target
    // is TextDocument: decoding and drawing use Qt's GUI classes).
    std::string html();
    // TextDocument target: the pictures the document names "rsimg:<index>".
    const std::vector<QImage>& images() const { return images_; }

    // html() in parts, for a writer that lays the report out a piece at a time (the PDF):
    // documentStart() + frontMatter() + caseSection() of each case + closingNote() +
    // documentEnd() is html(). Pictures accumulate in images() until releaseImages().
    std::string documentStart() const; // <html>, styles, <body>
    std::string frontMatter();         // what was analysed, summary, patterns, case index
    std::string caseSection(const ReportCase& c);
    std::string closingNote() const;
    static std::string documentEnd();
    // Forgets the pictures; the next one is "rsimg:0" again.
    void releaseImages() { images_ = {}; }

private:
    std::string picture(const std::string& svg, int widthPx, const QString& alt);
    std::string raster(const QImage& image, const QString& alt);
    void header(std::string& o);
    void analysed(std::string& o);
    void summary(std::string& o);
    void findingsAndPatterns(std::string& o);
    void oneCase(std::string& o, const ReportCase& c);

    const AuditReport& r_;
    Target target_;
    std::vector<QImage> images_;
};

// Writes the browser HTML to path; false with *error on failure.
bool writeHtmlReport(const AuditReport& report, const QString& path, QString* error);

// Text escaped for HTML/XML content and attribute values: & < > " ' replaced, invalid
// UTF-8 replaced by U+FFFD, and control characters XML does not allow dropped.
std::string htmlEscape(const std::string& text);

} // namespace rs
