#pragma once
// The path diagram of one analysed case as a Graphviz graph, for reports: the model's
// reasoning path and the KG reference paths laid out together (dot, left to right). It
// draws the same PathDiagramModel as the window's path view, so concepts, edges and their
// classification are the window's: green KG-supported, red relation error, orange the
// branch away from the reference path, grey dotted unverified, blue-grey reference edges,
// dashed into concepts the output never mentioned. Plain C++: reports are written headless.
//
// Names come from input files; they travel only as attribute values (GraphvizLayout
// escapes them), so they cannot inject DOT or SVG markup.
#include "CaseResult.h"
#include "GraphvizLayout.h"

#include <string>

namespace rs {

// Empty (no nodes) when the case has neither a reasoning path nor reference paths.
LayoutInput pathDiagramLayout(const CaseResult& caseResult);

// The diagram as an SVG element ready to inline into HTML: no XML declaration, DOCTYPE or
// comments. Empty when there is nothing to draw or
// Graphviz fails (*error then says why, when given).
std::string pathDiagramSvg(const CaseResult& caseResult, std::string* error = nullptr);

// Colours of the diagram's edge kinds, for legends elsewhere ("#2e8b57", ...).
struct PathDiagramColors {
    static constexpr const char* kSupported = "#2e8b57";
    static constexpr const char* kUnverified = "#9a9a9a";
    static constexpr const char* kRelationError = "#d62728";
    static constexpr const char* kBranch = "#ff7f0e";
    static constexpr const char* kReference = "#5f7fa3";
};

} // namespace rs
