#pragma once
// Graph layout through Graphviz (cgraph + gvc), for the path and projection views and for
// SVG in reports. The input is a plain value: callers never write DOT text, and the graph
// is built object by object (agnode/agedge/agsafeset), so labels taken from input files
// cannot inject DOT syntax. Node names inside Graphviz are generated ("n0", "n1", ...);
// the caller's ids and labels only ever travel as attribute values.
//
// Graphviz keeps global state (error handler, plugin tables, the current graph while
// parsing attributes) and is not thread-safe. Every call here takes one process-wide mutex
// for its whole duration, so layouts from several threads are serialised, not parallel;
// they share one Graphviz context, created on first use and freed at exit. Each graph and
// its layout are freed before the call returns. Code elsewhere that calls Graphviz
// directly must not run at the same time.
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rs {

struct LayoutNode {
    std::string id;       // caller's key; edges refer to it; must be unique
    std::string label;    // shown text; may contain anything (escaped on the way in)
    double width = 54.0;  // points; the node is fixed to this size (fixedsize=true)
    double height = 36.0; // points
    std::string group;    // dot: nodes of one group are kept on a straight line
    std::string sameRank; // dot: nodes with the same non-empty value share a rank
    std::string cluster;  // dot: nodes with the same non-empty value are kept together
                          // (an unlabelled cluster box, not drawn by the views)
    std::string shape = "box";
    // Further Graphviz node attributes (style, color, fontsize, ...); values may be
    // arbitrary text, keys must be Graphviz attribute names.
    std::map<std::string, std::string> attributes;
};

struct LayoutEdge {
    std::string from; // LayoutNode::id
    std::string to;
    std::string label;
    double weight = 1.0;    // dot: heavier edges are kept shorter and straighter
    bool constraint = true; // dot: false lets the edge ignore ranking (back links, extras)
    std::map<std::string, std::string> attributes;
};

struct LayoutInput {
    std::vector<LayoutNode> nodes;
    std::vector<LayoutEdge> edges;
    std::string engine = "dot"; // dot, neato, sfdp, fdp, circo, twopi
    std::string rankdir = "LR"; // dot only: TB, LR, BT, RL
    bool directed = true;
    double nodeSep = 0.0; // points; 0 keeps the Graphviz default
    double rankSep = 0.0; // points; 0 keeps the Graphviz default
    // Further graph attributes (splines, overlap, K, ...).
    std::map<std::string, std::string> attributes;
};

struct LayoutPoint {
    double x = 0.0;
    double y = 0.0;
};

// All coordinates are points, with y pointing DOWN and (0, 0) the top-left corner of the
// bounding box, so they can be used as scene coordinates directly (Graphviz itself has y
// pointing up).
struct NodePlacement {
    std::string id;
    LayoutPoint centre;
    double width = 0.0;
    double height = 0.0;
};

struct EdgePlacement {
    std::size_t index = 0; // into LayoutInput::edges
    // Cubic Bezier control points: p0, c1, c2, p1, c1, c2, p2, ... (3n + 1 points). Empty
    // when Graphviz routed no spline (then draw a straight line between the node centres).
    std::vector<LayoutPoint> spline;
    // Where Graphviz put the arrowhead tips, when the edge has arrowheads there; the spline
    // then stops short of the node by the arrowhead length.
    std::optional<LayoutPoint> startArrowTip;
    std::optional<LayoutPoint> endArrowTip;
    std::optional<LayoutPoint> labelCentre;
};

struct LayoutResult {
    bool ok = false;
    std::string error;                 // why the layout failed (ok == false)
    std::vector<std::string> warnings; // Graphviz warnings, for diagnostics
    double width = 0.0;                // bounding box, points
    double height = 0.0;
    std::vector<NodePlacement> nodes; // same order as LayoutInput::nodes
    std::vector<EdgePlacement> edges; // same order as LayoutInput::edges
};

// Lays the graph out. Never throws for bad input: unknown engines, duplicate node ids,
// edges naming unknown nodes and Graphviz failures come back in LayoutResult::error.
LayoutResult layoutGraph(const LayoutInput& input);

// Lays out and renders the graph as an SVG document. Returns an empty string on failure,
// with the reason in *error when error is not null.
std::string renderSvg(const LayoutInput& input, std::string* error = nullptr);

// The text as Graphviz shows it literally: valid UTF-8 (invalid bytes become U+FFFD), and
// backslashes and ampersands escaped so that "\N" or "&lt;" in a label are not expanded.
std::string graphvizLiteral(const std::string& text);

} // namespace rs
