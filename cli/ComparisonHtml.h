#pragma once
// `reasonscope compare --html`: the comparison as one self-contained HTML file (styles
// inline, the chart as inline SVG, nothing fetched), well-formed XML like the audit report
// (cli/HtmlReportWriter) so tools and tests can parse it. Every label from the project is
// escaped.
#include "RunComparison.h"

#include <string>

namespace rs {

std::string comparisonHtml(const RunComparison& c);

} // namespace rs
