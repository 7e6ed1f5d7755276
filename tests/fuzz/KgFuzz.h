#pragma once
// One knowledge-graph loader on a fuzz input: the loader reads the scratch file into a
// builder (after a few fixed Hetionet nodes, so that edge rows can name known nodes), the
// graph is built and walked, and its binary form must load back to the same counts.
#include "FuzzSupport.h"
#include "KgLoadContext.h"
#include "KnowledgeGraph.h"

#include <sstream>

namespace rs::fuzz {

using KgLoader = void (*)(KnowledgeGraphBuilder&, KgLoadContext&);

inline void walkGraph(const KnowledgeGraph& g) {
    std::size_t edges = 0;
    for (NodeId n = 0; n < g.nodeCount(); ++n) {
        (void)g.key(n);
        (void)g.kind(n);
        for (const KgEdge& e : g.out(n)) {
            check(e.node < g.nodeCount() && e.relation < g.relationCount(),
                  "an out-edge out of range");
            ++edges;
        }
        for (const KgEdge& e : g.in(n))
            check(e.node < g.nodeCount() && e.relation < g.relationCount(),
                  "an in-edge out of range");
        for (const std::string& a : g.aliases(n))
            (void)a;
    }
    check(edges == g.edgeCount(), "out-edge lists do not add up to edgeCount");
}

inline void fuzzKgLoader(KgLoader loader, const char* scratchName, const std::uint8_t* data,
                         std::size_t size) {
    const std::string path = writeScratch(scratchName, data, size);
    KnowledgeGraphBuilder builder;
    for (const char* key :
         {"Disease::DOID:9352", "Symptom::D005334", "Compound::DB00945", "Gene::7097"}) {
        const std::string_view k(key);
        const std::size_t sep = k.find("::");
        const NodeId n = builder.addNode(k.substr(sep + 2), k.substr(sep + 2), k.substr(0, sep));
        builder.addKey(n, k);
    }
    builder.beginSource();
    KgLoadContext context(path);
    context.setErrorLimit(50);
    loader(builder, context);
    context.finish();
    for (const ImportError& e : context.errors())
        check(!e.reason.empty(), "a KG error without a reason");
    const KnowledgeGraph graph = builder.build();
    walkGraph(graph);

    std::stringstream bytes;
    graph.save(bytes);
    std::string error;
    const auto back = KnowledgeGraph::load(bytes, &error);
    check(back.has_value(), "a graph the loaders built does not load back from its binary form");
    check(back->nodeCount() == graph.nodeCount() && back->edgeCount() == graph.edgeCount(),
          "the binary form changes the graph's size");
}

} // namespace rs::fuzz
