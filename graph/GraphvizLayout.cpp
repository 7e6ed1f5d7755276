#include "GraphvizLayout.h"

#include "CaseResultJson.h" // validUtf8

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <array>
#include <charconv>
#include <locale.h>
#include <mutex>
#include <unordered_map>
#include <unordered_set>

namespace rs {

namespace {

std::mutex& graphvizMutex() {
    static std::mutex mutex;
    return mutex;
}

// Graphviz reports through one process-global callback. It is installed only while the
// mutex is held, so this pointer needs no synchronisation of its own.
std::string* g_messages = nullptr;

int collectMessage(char* text) {
    if (g_messages && text)
        g_messages->append(text);
    return 0;
}

std::string number(double value) {
    // to_chars ignores the C locale: a Qt application runs with setlocale(LC_ALL, ""), and
    // "0,75" would not parse as a width.
    std::array<char, 64> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                      std::chars_format::fixed, 4);
    return std::string(buffer.data(), result.ptr);
}

bool knownEngine(const std::string& engine) {
    static const std::unordered_set<std::string> engines = {"dot",   "neato", "sfdp",  "fdp",
                                                            "circo", "twopi", "osage", "patchwork"};
    return engines.count(engine) != 0;
}

// cgraph takes char* for names and values it only reads.
char* mutableText(const std::string& text) {
    return const_cast<char*>(text.c_str());
}

void setAttribute(void* object, const std::string& name, const std::string& value,
                  const std::string& fallback = std::string()) {
    agsafeset(object, mutableText(name), mutableText(value), mutableText(fallback));
}

// Graphviz's own defaults for the attributes set here, so that objects which do not set an
// attribute keep Graphviz behaviour once another object has declared it.
std::string defaultFor(const std::string& attribute) {
    static const std::unordered_map<std::string, std::string> defaults = {
        {"label", "\\N"},       {"shape", "ellipse"},   {"width", "0.75"},
        {"height", "0.5"},      {"fixedsize", "false"}, {"weight", "1"},
        {"constraint", "true"}, {"fontsize", "14"},     {"penwidth", "1"},
        {"style", ""},          {"color", "black"},     {"fontname", "Times-Roman"},
    };
    const auto it = defaults.find(attribute);
    return it == defaults.end() ? std::string() : it->second;
}

void setAttributes(void* object, const std::map<std::string, std::string>& attributes) {
    for (const auto& [name, value] : attributes) {
        if (name.empty())
            continue;
        setAttribute(object, name, graphvizLiteral(value), defaultFor(name));
    }
}

// Sets LC_NUMERIC to "C" for this thread only: Graphviz parses and prints numbers with
// strtod/printf, which follow the locale an application may have set.
class CNumericLocale {
public:
    CNumericLocale() {
        c_ = newlocale(LC_NUMERIC_MASK, "C", static_cast<locale_t>(0));
        if (c_)
            previous_ = uselocale(c_);
    }
    ~CNumericLocale() {
        if (c_) {
            uselocale(previous_);
            freelocale(c_);
        }
    }
    CNumericLocale(const CNumericLocale&) = delete;
    CNumericLocale& operator=(const CNumericLocale&) = delete;

private:
    locale_t c_ = static_cast<locale_t>(0);
    locale_t previous_ = static_cast<locale_t>(0);
};

// One context for the process, used only under the mutex. A context per call would be
// simpler but is worse with Graphviz 2.42: gvContext() leaks its parsed plugin
// configuration (a few KB per call), and the pango text-layout plugin caches a pointer to
// a font name owned by the context, which it reads again (after free) in the next context.
GVC_t* sharedContext() {
    struct Holder {
        GVC_t* gvc = gvContext();
        ~Holder() {
            if (gvc)
                gvFreeContext(gvc);
        }
    };
    static Holder holder;
    return holder.gvc;
}

// Everything one Graphviz call owns, released in the right order whatever happens.
class Session {
public:
    Session() {
        g_messages = &messages_;
        previousHandler_ = agseterrf(collectMessage);
        gvc_ = sharedContext();
    }
    ~Session() {
        if (laidOut_)
            gvFreeLayout(gvc_, graph_);
        if (graph_)
            agclose(graph_);
        agseterrf(previousHandler_);
        g_messages = nullptr;
    }
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    GVC_t* gvc() const { return gvc_; }
    Agraph_t* graph() const { return graph_; }
    void setGraph(Agraph_t* graph) { graph_ = graph; }
    void setLaidOut() { laidOut_ = true; }
    const std::string& messages() const { return messages_; }

private:
    CNumericLocale locale_;
    std::string messages_;
    agusererrf previousHandler_ = nullptr;
    GVC_t* gvc_ = nullptr;
    Agraph_t* graph_ = nullptr;
    bool laidOut_ = false;
};

std::vector<std::string> splitLines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        std::string line = text.substr(start, end - start);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
            line.pop_back();
        if (!line.empty())
            lines.push_back(validUtf8(line));
        start = end + 1;
    }
    return lines;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string text;
    for (const auto& line : lines) {
        if (!text.empty())
            text += ' ';
        text += line;
    }
    return text;
}

// Builds the graph and lays it out. Returns an error message, empty on success. The caller
// holds the mutex and owns `session`.
std::string buildAndLayOut(Session& session, const LayoutInput& input,
                           std::vector<Agedge_t*>& edgeObjects,
                           std::vector<Agnode_t*>& nodeObjects) {
    if (!knownEngine(input.engine))
        return "unknown layout engine \"" + validUtf8(input.engine) + "\"";
    if (!session.gvc())
        return "Graphviz could not create a context";

    std::unordered_map<std::string, std::size_t> indexOf;
    for (std::size_t i = 0; i < input.nodes.size(); ++i) {
        if (!indexOf.emplace(input.nodes[i].id, i).second)
            return "duplicate node id \"" + validUtf8(input.nodes[i].id) + "\"";
    }
    for (std::size_t i = 0; i < input.edges.size(); ++i) {
        const auto& edge = input.edges[i];
        for (const std::string* end : {&edge.from, &edge.to}) {
            if (!indexOf.count(*end))
                return "edge " + std::to_string(i) + " names unknown node \"" + validUtf8(*end) +
                       "\"";
        }
    }

    std::string graphName = "layout";
    Agraph_t* graph =
        agopen(mutableText(graphName), input.directed ? Agdirected : Agundirected, nullptr);
    if (!graph)
        return "Graphviz could not create a graph";
    session.setGraph(graph);

    if (input.engine == "dot" && !input.rankdir.empty())
        setAttribute(graph, "rankdir", input.rankdir, "TB");
    if (input.nodeSep > 0)
        setAttribute(graph, "nodesep", number(input.nodeSep / 72.0), "0.25");
    if (input.rankSep > 0)
        setAttribute(graph, "ranksep", number(input.rankSep / 72.0), "0.5");
    for (const auto& [name, value] : input.attributes) {
        if (!name.empty())
            setAttribute(graph, name, graphvizLiteral(value));
    }

    // Clusters and same-rank sets become subgraphs; their Graphviz names are generated so
    // that caller text never decides whether a subgraph is a cluster.
    std::map<std::string, Agraph_t*> clusters;
    std::map<std::pair<std::string, std::string>, Agraph_t*> rankSets;
    auto subgraph = [&](Agraph_t* parent, const std::string& name) {
        return agsubg(parent, mutableText(name), 1);
    };

    nodeObjects.assign(input.nodes.size(), nullptr);
    for (std::size_t i = 0; i < input.nodes.size(); ++i) {
        const LayoutNode& node = input.nodes[i];
        Agraph_t* parent = graph;
        if (!node.cluster.empty()) {
            auto& cluster = clusters[node.cluster];
            if (!cluster)
                cluster = subgraph(graph, "cluster_" + std::to_string(clusters.size()));
            parent = cluster;
        }
        if (!node.sameRank.empty()) {
            auto& rankSet = rankSets[{node.cluster, node.sameRank}];
            if (!rankSet) {
                rankSet = subgraph(parent, "rank_" + std::to_string(rankSets.size()));
                setAttribute(rankSet, "rank", "same");
            }
            parent = rankSet;
        }
        const std::string name = "n" + std::to_string(i);
        Agnode_t* object = agnode(parent, mutableText(name), 1);
        if (!object)
            return "Graphviz could not create node " + std::to_string(i);
        nodeObjects[i] = object;
        setAttribute(object, "label", graphvizLiteral(node.label), defaultFor("label"));
        setAttribute(object, "shape", node.shape.empty() ? "box" : node.shape, defaultFor("shape"));
        setAttribute(object, "width", number(std::max(node.width, 1.0) / 72.0),
                     defaultFor("width"));
        setAttribute(object, "height", number(std::max(node.height, 1.0) / 72.0),
                     defaultFor("height"));
        setAttribute(object, "fixedsize", "true", defaultFor("fixedsize"));
        if (!node.group.empty())
            setAttribute(object, "group", graphvizLiteral(node.group));
        setAttributes(object, node.attributes);
    }

    edgeObjects.assign(input.edges.size(), nullptr);
    for (std::size_t i = 0; i < input.edges.size(); ++i) {
        const LayoutEdge& edge = input.edges[i];
        Agnode_t* tail = nodeObjects[indexOf.at(edge.from)];
        Agnode_t* head = nodeObjects[indexOf.at(edge.to)];
        // A null name with create=1 always makes a new edge in a non-strict graph, so
        // parallel edges (a claim and a reference edge between the same nodes) stay apart.
        Agedge_t* object = agedge(graph, tail, head, nullptr, 1);
        if (!object)
            return "Graphviz could not create edge " + std::to_string(i);
        edgeObjects[i] = object;
        if (!edge.label.empty())
            setAttribute(object, "label", graphvizLiteral(edge.label));
        if (edge.weight != 1.0)
            setAttribute(object, "weight",
                         std::to_string(std::max(0, static_cast<int>(edge.weight + 0.5))),
                         defaultFor("weight"));
        if (!edge.constraint)
            setAttribute(object, "constraint", "false", defaultFor("constraint"));
        setAttributes(object, edge.attributes);
    }

    if (gvLayout(session.gvc(), graph, input.engine.c_str()) != 0) {
        const std::string details = joined(splitLines(session.messages()));
        return "Graphviz layout with " + input.engine + " failed" +
               (details.empty() ? std::string() : ": " + details);
    }
    session.setLaidOut();
    return {};
}

} // namespace

std::string graphvizLiteral(const std::string& text) {
    const std::string valid = validUtf8(text);
    std::string escaped;
    escaped.reserve(valid.size());
    for (char c : valid) {
        // Graphviz expands \N, \G, \E, \n, ... in labels and decodes HTML entities such as
        // &lt; (it decodes &amp; back to &), so both characters are escaped once.
        if (c == '\\')
            escaped += "\\\\";
        else if (c == '&')
            escaped += "&amp;";
        else
            escaped += c;
    }
    return escaped;
}

LayoutResult layoutGraph(const LayoutInput& input) {
    LayoutResult result;
    std::lock_guard<std::mutex> lock(graphvizMutex());
    Session session;
    std::vector<Agedge_t*> edgeObjects;
    std::vector<Agnode_t*> nodeObjects;
    result.error = buildAndLayOut(session, input, edgeObjects, nodeObjects);
    result.warnings = splitLines(session.messages());
    if (!result.error.empty())
        return result;

    Agraph_t* graph = session.graph();
    const boxf box = GD_bb(graph);
    result.width = box.UR.x - box.LL.x;
    result.height = box.UR.y - box.LL.y;
    auto toScene = [&](pointf p) { return LayoutPoint{p.x - box.LL.x, box.UR.y - p.y}; };

    result.nodes.reserve(input.nodes.size());
    for (std::size_t i = 0; i < input.nodes.size(); ++i) {
        Agnode_t* node = nodeObjects[i];
        result.nodes.push_back(NodePlacement{input.nodes[i].id, toScene(ND_coord(node)),
                                             ND_width(node) * 72.0, ND_height(node) * 72.0});
    }

    result.edges.reserve(input.edges.size());
    for (std::size_t i = 0; i < input.edges.size(); ++i) {
        Agedge_t* edge = edgeObjects[i];
        EdgePlacement placement;
        placement.index = i;
        if (const splines* routed = ED_spl(edge); routed && routed->size > 0) {
            for (int b = 0; b < routed->size; ++b) {
                const bezier& piece = routed->list[b];
                // Joining pieces (only produced for concentrated edges) keeps the 3n + 1
                // shape: each later piece starts where the previous one ended.
                for (int p = (b == 0 ? 0 : 1); p < piece.size; ++p)
                    placement.spline.push_back(toScene(piece.list[p]));
                if (b == 0 && piece.sflag)
                    placement.startArrowTip = toScene(piece.sp);
                if (b == routed->size - 1 && piece.eflag)
                    placement.endArrowTip = toScene(piece.ep);
            }
        }
        if (const textlabel_t* label = ED_label(edge); label && label->set)
            placement.labelCentre = toScene(label->pos);
        result.edges.push_back(std::move(placement));
    }
    result.ok = true;
    return result;
}

std::string renderSvg(const LayoutInput& input, std::string* error) {
    std::lock_guard<std::mutex> lock(graphvizMutex());
    Session session;
    std::vector<Agedge_t*> edgeObjects;
    std::vector<Agnode_t*> nodeObjects;
    std::string failure = buildAndLayOut(session, input, edgeObjects, nodeObjects);
    std::string svg;
    if (failure.empty()) {
        char* data = nullptr;
        unsigned int length = 0;
        if (gvRenderData(session.gvc(), session.graph(), "svg", &data, &length) == 0 && data)
            svg.assign(data, length);
        else
            failure = "Graphviz could not render SVG: " + joined(splitLines(session.messages()));
        if (data)
            gvFreeRenderData(data);
    }
    if (error)
        *error = failure;
    return svg;
}

} // namespace rs
