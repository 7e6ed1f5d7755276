#pragma once
// The path diagram of one analysed case as a Graphviz graph, for reports: the model's
// reasoning path and the KG reference paths laid out together (dot, left to right), edges
// coloured as in the window's path view (green KG-supported, red relation error, orange the
// branch away from the reference path, grey unverified, blue-grey reference edges, dashed
// into concepts the output never mentioned). Plain C++: reports are written headless.
//
// The input is a case object of the `--json` document (docs/json-output.md), or the parts
// of it the diagram needs. Names come from input files; they travel only as attribute
// values (GraphvizLayout escapes them), so they cannot inject DOT or SVG markup.
#include "GraphvizLayout.h"

#include <nlohmann/json.hpp>

#include <string>

namespace rs {

// Empty (no nodes) when the case has neither a reasoning path nor reference paths.
LayoutInput pathDiagramLayout(const nlohmann::json& caseResult);

// The diagram as an SVG element ready to inline into HTML: no XML declaration, DOCTYPE or
// comments. Empty when there is nothing to draw or
// Graphviz fails (*error then says why, when given).
std::string pathDiagramSvg(const nlohmann::json& caseResult, std::string* error = nullptr);

// Colours of the diagram's edge kinds, for legends elsewhere ("#2e8b57", ...).
struct PathDiagramColors {
    static constexpr const char* kSupported = "#2e8b57";
    static constexpr const char* kUnverified = "#9a9a9a";
    static constexpr const char* kRelationError = "#d62728";
    static constexpr const char* kBranch = "#ff7f0e";
    static constexpr const char* kReference = "#5f7fa3";
};

} // namespace rs
