#include "PathDiagram.h"
#include "CaseResultJson.h"
#include "ConceptKindStyle.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace rs {

using nlohmann::json;

namespace {


const json& arrayAt(const json& o, const char* key) {
    static const json empty = json::array();
    if (!o.is_object())
        return empty;
    const auto it = o.find(key);
    return it != o.end() && it->is_array() ? *it : empty;
}


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

struct Pair {
    std::string a, b;
    bool operator<(const Pair& o) const { return std::tie(a, b) < std::tie(o.a, o.b); }
};
Pair unordered(const std::string& a, const std::string& b) {
    return a < b ? Pair{a, b} : Pair{b, a};
}

} // namespace

LayoutInput pathDiagramLayout(const json& c) {
    LayoutInput in;
    in.engine = "dot";
    in.rankdir = "LR";
    in.nodeSep = 14;
    in.rankSep = 30;
    in.attributes["fontname"] = "Helvetica";
    in.attributes["bgcolor"] = "white";

    std::vector<std::string> order;      // node names, first seen first
    std::map<std::string, std::string> kinds;
    auto addNode = [&](const std::string& name, const std::string& kind) {
        if (name.empty())
            return;
        if (!kinds.count(name)) {
            order.push_back(name);
            kinds[name] = kind;
        } else if (kinds[name].empty()) {
            kinds[name] = kind;
        }
    };

    std::vector<std::string> model;
    for (const auto& n : arrayAt(c, "reasoning_path")) {
        const std::string name = stringField(n, "name");
        if (name.empty())
            continue;
        addNode(name, stringField(n, "kind"));
        if (model.empty() || model.back() != name)
            model.push_back(name);
    }
    const json& refs = arrayAt(c, "reference_paths");
    std::set<Pair> onReference;
    for (const auto& r : refs) {
        const json& nodes = arrayAt(r, "nodes");
        const json& nodeKinds = arrayAt(r, "kinds");
        for (std::size_t i = 0; i < nodes.size(); ++i)
            if (nodes[i].is_string())
                addNode(nodes[i].get<std::string>(),
                        i < nodeKinds.size() && nodeKinds[i].is_string()
                            ? nodeKinds[i].get<std::string>()
                            : std::string());
        for (std::size_t i = 0; i + 1 < nodes.size(); ++i)
            if (nodes[i].is_string() && nodes[i + 1].is_string())
                onReference.insert(unordered(nodes[i].get<std::string>(), nodes[i + 1].get<std::string>()));
    }
    if (order.empty())
        return in;

    // What the findings say about pairs and concepts.
    std::set<Pair> relationErrors, branches;
    std::set<std::string> missing;
    for (const auto& f : arrayAt(c, "findings")) {
        std::vector<std::string> names;
        for (const auto& n : arrayAt(f, "nodes"))
            if (n.is_string())
                names.push_back(n.get<std::string>());
        const std::string type = stringField(f, "type");
        if (type == "relation" && names.size() >= 2)
            relationErrors.insert(unordered(names[0], names[1]));
        else if (type == "branch" && names.size() >= 2)
            branches.insert(unordered(names[0], names[1]));
        else if (type == "missing")
            for (const auto& n : names)
                missing.insert(n);
    }
    const std::set<std::string> onModel(model.begin(), model.end());
    const json& anchors = c.is_object() && c.contains("anchors") ? c["anchors"] : json();
    const std::string gold = stringField(anchors.is_object() ? anchors.value("gold", json()) : json(), "name");
    const std::string predicted =
        stringField(anchors.is_object() ? anchors.value("predicted", json()) : json(), "name");

    std::map<std::string, std::string> ids;
    for (std::size_t i = 0; i < order.size(); ++i) {
        const std::string& name = order[i];
        ids[name] = "c" + std::to_string(i);
        LayoutNode n;
        n.id = ids[name];
        n.label = wrapped(name);
        if (!kinds[name].empty())
            n.label += "\n(" + kinds[name] + ")";
        n.width = 60;
        n.height = 30;
        n.shape = "box";
        const bool isMissing = missing.count(name) && !onModel.count(name);
        std::string style = "rounded,filled";
        if (isMissing)
            style += ",dashed";
        n.attributes = {{"fixedsize", "false"},
                        {"style", style},
                        {"fillcolor", isMissing ? "#ffffff" : conceptKindFill(kinds[name])},
                        {"color", onModel.count(name) ? "#333333" : "#8899aa"},
                        {"fontname", "Helvetica"},
                        {"fontsize", "10"},
                        {"margin", "0.08,0.04"}};
        if (name == gold) {
            n.attributes["peripheries"] = "2";
            n.attributes["color"] = PathDiagramColors::kSupported;
        }
        if (name == predicted && name != gold) {
            n.attributes["penwidth"] = "2.2";
            n.attributes["color"] = PathDiagramColors::kRelationError;
        }
        if (onModel.count(name))
            n.group = "model"; // keeps the reasoning path on one straight line
        in.nodes.push_back(std::move(n));
    }

    // The model's path: consecutive concepts, coloured by what the analysis found.
    for (std::size_t i = 0; i + 1 < model.size(); ++i) {
        const Pair p = unordered(model[i], model[i + 1]);
        LayoutEdge e;
        e.from = ids[model[i]];
        e.to = ids[model[i + 1]];
        e.weight = 4;
        const char* color = relationErrors.count(p) ? PathDiagramColors::kRelationError
                            : branches.count(p)     ? PathDiagramColors::kBranch
                            : onReference.count(p)  ? PathDiagramColors::kSupported
                                                    : PathDiagramColors::kUnverified;
        e.attributes = {{"color", color}, {"penwidth", "2.4"}};
        in.edges.push_back(std::move(e));
    }
    // Reference paths: each KG edge once, labelled with its relation.
    std::set<std::tuple<std::string, std::string, std::string>> drawn;
    for (const auto& r : refs) {
        const json& nodes = arrayAt(r, "nodes");
        const json& relations = arrayAt(r, "relations");
        for (std::size_t i = 0; i + 1 < nodes.size(); ++i) {
            if (!nodes[i].is_string() || !nodes[i + 1].is_string())
                continue;
            const std::string a = nodes[i].get<std::string>(), b = nodes[i + 1].get<std::string>();
            const std::string rel =
                i < relations.size() && relations[i].is_string() ? relations[i].get<std::string>() : "";
            if (!drawn.insert({a, b, rel}).second)
                continue;
            LayoutEdge e;
            e.from = ids[a];
            e.to = ids[b];
            e.label = rel;
            const bool intoMissing = (missing.count(a) && !onModel.count(a)) ||
                                     (missing.count(b) && !onModel.count(b));
            e.attributes = {{"color", PathDiagramColors::kReference},
                            {"fontcolor", "#555555"},
                            {"fontsize", "9"},
                            {"fontname", "Helvetica"},
                            {"style", intoMissing ? "dashed" : "solid"}};
            in.edges.push_back(std::move(e));
        }
    }
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

std::string pathDiagramSvg(const json& caseResult, std::string* error) {
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
