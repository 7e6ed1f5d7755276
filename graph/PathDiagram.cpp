#include "PathDiagram.h"

#include "ConceptKindStyle.h"
#include "FindingKinds.h"
#include "PathDiagramModel.h"

#include <algorithm>
#include <map>

namespace rs {

namespace {

// Greedy word wrap at about `width` characters, at most three lines. Graphviz breaks a
// label at a newline character; there is no font metric here, so widths are estimates and
// nodes are left free to grow (fixedsize=false).
std::string wrapped(const std::string& text, std::size_t width = 18) {
    std::string out, line;
    int lines = 1;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t j = text.find(' ', i);
        if (j == std::string::npos)
            j = text.size();
        const std::string word = text.substr(i, j - i);
        if (!line.empty() && line.size() + 1 + word.size() > width && lines < 3) {
            out += line + "\n";
            line.clear();
            ++lines;
        }
        line += (line.empty() ? "" : " ") + word;
        i = j + 1;
    }
    return out + line;
}

std::string labelText(const PathDiagramModel::Label& label) {
    using Label = PathDiagramModel::Label;
    std::string relation = label.relation;
    std::replace(relation.begin(), relation.end(), '_', ' ');
    switch (label.kind) {
    case Label::None:
        return {};
    case Label::Relation:
        return relation;
    case Label::NegatedRelation:
        return "not " + relation;
    case Label::HedgedRelation:
        return relation + "?";
    case Label::Branch:
        return findingTypeName(FindingType::Branch);
    }
    return {};
}

const char* edgeColor(PathDiagramModel::EdgeStatus status) {
    using Status = PathDiagramModel::EdgeStatus;
    switch (status) {
    case Status::Supported:
        return PathDiagramColors::kSupported;
    case Status::Unverified:
        return PathDiagramColors::kUnverified;
    case Status::RelationError:
        return PathDiagramColors::kRelationError;
    case Status::Branch:
        return PathDiagramColors::kBranch;
    case Status::Reference:
    case Status::Missing:
        return PathDiagramColors::kReference;
    }
    return PathDiagramColors::kReference;
}

LayoutNode layoutNode(const PathDiagramModel::Concept& c, const std::string& id) {
    LayoutNode n;
    n.id = id;
    n.label = wrapped(c.name);
    if (!c.kind.empty())
        n.label += "\n(" + c.kind + ")";
    n.width = 60;
    n.height = 30;
    n.shape = "box";
    const bool isMissing = c.status() == PathDiagramModel::NodeStatus::Missing;
    std::string style = "rounded,filled";
    if (isMissing)
        style += ",dashed";
    n.attributes = {{"fixedsize", "false"},
                    {"style", style},
                    {"fillcolor", isMissing ? "#ffffff" : conceptKindFill(c.kind)},
                    {"color", c.onPath ? "#333333" : "#8899aa"},
                    {"fontname", "Helvetica"},
                    {"fontsize", "10"},
                    {"margin", "0.08,0.04"}};
    if (c.flags & PathDiagramModel::NodeGold) {
        n.attributes["peripheries"] = "2";
        n.attributes["color"] = PathDiagramColors::kSupported;
    } else if (c.flags & PathDiagramModel::NodePredicted) {
        n.attributes["penwidth"] = "2.2";
        n.attributes["color"] = PathDiagramColors::kRelationError;
    }
    if (c.onPath)
        n.group = "model"; // keeps the reasoning path on one straight line
    return n;
}

LayoutEdge layoutEdge(const PathDiagramModel::Edge& e, const std::string& from,
                      const std::string& to) {
    using Status = PathDiagramModel::EdgeStatus;
    LayoutEdge le;
    le.from = from;
    le.to = to;
    le.label = labelText(e.label);
    le.weight = e.weight;
    le.constraint = e.constraint;
    const Status status = e.status();
    const bool onModel = e.flags & PathDiagramModel::EdgeModel;
    const char* style = status == Status::Missing      ? "dashed"
                        : status == Status::Unverified ? "dotted"
                                                       : "solid";
    le.attributes = {{"color", edgeColor(status)},
                     {"penwidth", onModel ? "2.4" : "1.2"},
                     {"fontcolor", "#555555"},
                     {"fontsize", "9"},
                     {"fontname", "Helvetica"},
                     {"style", style},
                     {"dir", e.direction == PathDiagramModel::Direction::Forward ? "forward"
                             : e.direction == PathDiagramModel::Direction::Back  ? "back"
                                                                                 : "none"}};
    return le;
}

} // namespace

LayoutInput pathDiagramLayout(const CaseResult& c) {
    LayoutInput in;
    in.engine = "dot";
    in.rankdir = "LR";
    in.nodeSep = 14;
    in.rankSep = 30;
    in.attributes["fontname"] = "Helvetica";
    in.attributes["bgcolor"] = "white";
    const PathDiagramModel model = PathDiagramModel::build(c);
    std::map<std::string, std::string> ids;
    for (std::size_t i = 0; i < model.concepts.size(); ++i) {
        const std::string id = "c" + std::to_string(i);
        ids[model.concepts[i].name] = id;
        in.nodes.push_back(layoutNode(model.concepts[i], id));
    }
    for (const PathDiagramModel::Edge& e : model.edges)
        in.edges.push_back(layoutEdge(e, ids[e.from], ids[e.to]));
    return in;
}

namespace {

// Cuts Graphviz's document down to the <svg> element: the XML declaration, the DOCTYPE
// (which names an external DTD) and comments have no place inside HTML.
std::string svgElement(const std::string& doc) {
    const std::size_t start = doc.find("<svg");
    const std::size_t end = doc.rfind("</svg>");
    if (start == std::string::npos || end == std::string::npos || end < start)
        return {};
    std::string svg = doc.substr(start, end + 6 - start);
    for (std::size_t c = svg.find("<!--"); c != std::string::npos; c = svg.find("<!--", c)) {
        const std::size_t close = svg.find("-->", c);
        if (close == std::string::npos)
            break;
        svg.erase(c, close + 3 - c);
    }
    return svg;
}

} // namespace

std::string pathDiagramSvg(const CaseResult& caseResult, std::string* error) {
    const LayoutInput in = pathDiagramLayout(caseResult);
    if (in.nodes.empty()) {
        if (error)
            *error = "no reasoning path and no reference paths";
        return {};
    }
    std::string why;
    const std::string doc = renderSvg(in, &why);
    if (error)
        *error = why;
    return doc.empty() ? std::string() : svgElement(doc);
}

} // namespace rs
