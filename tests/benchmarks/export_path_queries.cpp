// Writes one knowledge graph and a set of reference-path queries in a plain form that the
// peer script (peers/compare_paths.py) reads, and times ReferencePathFinder on exactly
// those queries, so both sides answer the same questions over the same weighted graph.
//
//   export_path_queries --out DIR [--kg FILE]... [--synthetic NODES:EDGES]
//                       [--queries N] [--seed S] [--k K] [--hops H] [--repeat R]
//
// Without --kg or --synthetic it uses Hetionet from the shared data folder. DIR receives
//   nodes.tsv        id, cost of stepping onto the node (1 + a*log(1 + degree)), kind, name
//   edges.tsv        u, v: each adjacent pair once (u < v); paths walk edges both ways
//   queries.tsv      id, type, sources (comma-separated), target
//   cpp_results.tsv  id, median seconds over R runs, path count, path costs, first path
//   meta.tsv         k, hops, hub penalty, graph size
#include "BenchSupport.h"
#include "KnowledgeGraphLoader.h"
#include "PathQueries.h"
#include "ReferencePathFinder.h"
#include "SyntheticKg.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

using namespace rs;
using namespace rs::bench;

namespace {

int usage(const char* why) {
    std::cerr << "export_path_queries: " << why << "\n"
              << "usage: export_path_queries --out DIR [--kg FILE]... [--synthetic NODES:EDGES]\n"
                 "       [--queries N] [--seed S] [--k K] [--hops H] [--repeat R]\n";
    return 2;
}

std::string tsvSafe(std::string_view s) {
    std::string out(s);
    std::replace_if(
        out.begin(), out.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; }, ' ');
    return out;
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> kgPaths;
    std::string out, syntheticSpec;
    std::size_t count = 20;
    std::uint64_t seed = 7;
    int k = 5, hops = 4, repeat = 5;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (i + 1 >= argc)
            return usage(("missing value for " + a).c_str());
        const std::string v = argv[++i];
        try {
            if (a == "--out")
                out = v;
            else if (a == "--kg")
                kgPaths.push_back(v);
            else if (a == "--synthetic")
                syntheticSpec = v;
            else if (a == "--queries")
                count = std::stoul(v);
            else if (a == "--seed")
                seed = std::stoull(v);
            else if (a == "--k")
                k = std::stoi(v);
            else if (a == "--hops")
                hops = std::stoi(v);
            else if (a == "--repeat")
                repeat = std::max(1, std::stoi(v));
            else
                return usage(("unknown option " + a).c_str());
        } catch (const std::exception&) {
            return usage(("bad value for " + a).c_str());
        }
    }
    if (out.empty())
        return usage("--out is required");

    std::shared_ptr<const KnowledgeGraph> graph;
    if (!syntheticSpec.empty()) {
        SyntheticKgSpec spec;
        const auto colon = syntheticSpec.find(':');
        try {
            spec.nodes = std::stoul(syntheticSpec.substr(0, colon));
            if (colon != std::string::npos)
                spec.edges = std::stoul(syntheticSpec.substr(colon + 1));
        } catch (const std::exception&) {
            return usage("--synthetic wants NODES:EDGES");
        }
        graph = std::make_shared<KnowledgeGraph>(makeSyntheticKg(spec));
    } else {
        if (kgPaths.empty())
            kgPaths = hetionetPaths();
        if (kgPaths.empty())
            return usage("no --kg given and no Hetionet in the shared data folder");
        KgLoadResult r = loadKnowledgeGraph(kgPaths);
        if (!r.graph) {
            std::cerr << "export_path_queries: " << r.fatalError << "\n";
            return 1;
        }
        graph = r.graph;
    }
    const KnowledgeGraph& g = *graph;
    const ReferencePathFinder finder(g);
    const auto queries = pickPathQueries(g, count, seed);
    if (queries.empty()) {
        std::cerr << "export_path_queries: the graph has no Disease/Symptom/Compound kinds\n";
        return 1;
    }

    std::filesystem::create_directories(out);
    const std::filesystem::path dir(out);
    {
        std::ofstream f(dir / "nodes.tsv");
        f << "id\tcost\tkind\tname\n";
        char cost[64];
        for (NodeId n = 0; n < g.nodeCount(); ++n) {
            std::snprintf(cost, sizeof cost, "%.17g", finder.nodeCost(n));
            f << n << '\t' << cost << '\t' << tsvSafe(g.kind(n)) << '\t' << tsvSafe(g.name(n))
              << '\n';
        }
    }
    {
        std::ofstream f(dir / "edges.tsv");
        f << "u\tv\n";
        std::vector<NodeId> nbrs;
        for (NodeId u = 0; u < g.nodeCount(); ++u) {
            nbrs.clear();
            for (const auto& list : {g.out(u), g.in(u)})
                for (const KgEdge& e : list)
                    if (e.node > u)
                        nbrs.push_back(e.node);
            std::sort(nbrs.begin(), nbrs.end());
            nbrs.erase(std::unique(nbrs.begin(), nbrs.end()), nbrs.end());
            for (NodeId v : nbrs)
                f << u << '\t' << v << '\n';
        }
    }
    {
        std::ofstream f(dir / "queries.tsv");
        f << "id\ttype\tsources\ttarget\n";
        for (std::size_t i = 0; i < queries.size(); ++i) {
            f << i << '\t' << queries[i].type << '\t';
            for (std::size_t j = 0; j < queries[i].sources.size(); ++j)
                f << (j ? "," : "") << queries[i].sources[j];
            f << '\t' << queries[i].target << '\n';
        }
    }
    {
        std::ofstream f(dir / "meta.tsv");
        f << "key\tvalue\nk\t" << k << "\nhops\t" << hops << "\nhub_penalty\t"
          << finder.hubPenalty() << "\nnodes\t" << g.nodeCount() << "\nedges\t" << g.edgeCount()
          << "\nrepeat\t" << repeat << '\n';
    }

    std::ofstream f(dir / "cpp_results.tsv");
    f << "id\tseconds\tpaths\tcosts\tfirst_path\n";
    finder.find(queries[0].sources, queries[0].target, k, hops); // thread scratch
    double total = 0;
    for (std::size_t i = 0; i < queries.size(); ++i) {
        std::vector<double> seconds;
        std::vector<ReferencePathFinder::PathIds> paths;
        for (int r = 0; r < repeat; ++r) {
            const auto t0 = std::chrono::steady_clock::now();
            paths = finder.find(queries[i].sources, queries[i].target, k, hops);
            const auto t1 = std::chrono::steady_clock::now();
            seconds.push_back(std::chrono::duration<double>(t1 - t0).count());
        }
        std::sort(seconds.begin(), seconds.end());
        const double median = seconds[seconds.size() / 2];
        total += median;
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.9f", median);
        f << i << '\t' << buf << '\t' << paths.size() << '\t';
        for (std::size_t p = 0; p < paths.size(); ++p) {
            std::snprintf(buf, sizeof buf, "%.12g", paths[p].cost);
            f << (p ? "," : "") << buf;
        }
        f << '\t';
        if (!paths.empty())
            for (std::size_t j = 0; j < paths[0].nodes.size(); ++j)
                f << (j ? "," : "") << paths[0].nodes[j];
        f << '\n';
    }
    std::cout << "wrote " << queries.size() << " queries over " << g.nodeCount() << " nodes, "
              << g.edgeCount() << " edges to " << out << "; C++ total " << total * 1e3 << " ms\n";
    return 0;
}
