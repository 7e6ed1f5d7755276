#!/usr/bin/python3
"""Times networkx and python-igraph on the reference-path queries that export_path_queries
wrote, over the same graph and the same hub-penalised weights, and prints them beside the
C++ ReferencePathFinder's times.

Run with Debian's interpreter, which has python3-networkx and python3-igraph:

    /usr/bin/python3 tests/benchmarks/peers/compare_paths.py DIR

Both peers get the same problem as the C++ side: every KG edge walkable both ways, where
stepping onto node v costs cost(v) (the arc u->v weighs cost(v)), and a virtual source
joined to every evidence node by a zero-weight arc. The peers have no hop bound, so each
enumerates paths cheapest first and keeps those with at most H hops until it has K:
networkx.shortest_simple_paths (a generator, Yen with bidirectional Dijkstra) and
igraph's get_k_shortest_paths (asked for more paths, doubling, until K fit the bound).
Both give up after --max-paths paths and are then marked incomplete.
"""

import argparse
import csv
import math
import os
import statistics
import sys
import time

try:
    import igraph
    import networkx
except ImportError as e:
    sys.exit(f"compare_paths.py: {e}; run with /usr/bin/python3 (python3-networkx, python3-igraph)")


def read_tsv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def load(folder):
    meta = {r["key"]: r["value"] for r in read_tsv(os.path.join(folder, "meta.tsv"))}
    nodes = read_tsv(os.path.join(folder, "nodes.tsv"))
    cost = [0.0] * len(nodes)
    for r in nodes:
        cost[int(r["id"])] = float(r["cost"])
    edges = [(int(r["u"]), int(r["v"])) for r in read_tsv(os.path.join(folder, "edges.tsv"))]
    queries = []
    for r in read_tsv(os.path.join(folder, "queries.tsv")):
        queries.append({
            "id": int(r["id"]),
            "type": r["type"],
            "sources": [int(x) for x in r["sources"].split(",") if x],
            "target": int(r["target"]),
        })
    cpp = {}
    for r in read_tsv(os.path.join(folder, "cpp_results.tsv")):
        cpp[int(r["id"])] = {
            "seconds": float(r["seconds"]),
            "costs": [float(x) for x in r["costs"].split(",") if x],
        }
    return meta, cost, edges, queries, cpp


def path_cost(cost, path):
    # The virtual source is path[0]; its arcs weigh nothing, so the cost is that of the
    # nodes after the first real one, as on the C++ side.
    return sum(cost[v] for v in path[2:])


def run_networkx(graph, cost, virtual, query, k, hops, max_paths):
    """Returns (costs, complete, seconds); only the path enumeration is timed."""
    sources = {s for s in query["sources"] if s != query["target"]}
    if not sources:
        return [], True, 0.0
    for s in sources:
        graph.add_edge(virtual, s, weight=0.0)
    found = []
    generated = 0
    complete = True
    start = time.perf_counter()
    try:
        for path in networkx.shortest_simple_paths(graph, virtual, query["target"], weight="weight"):
            generated += 1
            if len(path) - 2 <= hops:
                found.append(path_cost(cost, path))
                if len(found) == k:
                    break
            if generated >= max_paths:
                complete = False
                break
    except networkx.NetworkXNoPath:
        pass
    seconds = time.perf_counter() - start
    graph.remove_node(virtual)
    return found, complete, seconds


def run_igraph(graph, cost, virtual, query, k, hops, max_paths, repeat):
    """Returns (costs, complete, median seconds); only the path enumeration is timed."""
    sources = sorted({s for s in query["sources"] if s != query["target"]})
    if not sources:
        return [], True, 0.0
    first = graph.ecount()
    graph.add_edges([(virtual, s) for s in sources], attributes={"weight": [0.0] * len(sources)})
    times = []
    for _ in range(max(1, repeat)):
        start = time.perf_counter()
        ask = k
        while True:
            paths = graph.get_k_shortest_paths(virtual, to=query["target"], k=ask,
                                               weights="weight", mode="out", output="vpath")
            paths = [p for p in paths if p]
            kept = [path_cost(cost, p) for p in paths if len(p) - 2 <= hops][:k]
            if len(kept) == k or len(paths) < ask:
                complete = True
                break
            if ask >= max_paths:
                complete = False
                break
            ask = min(ask * 2, max_paths)
        times.append(time.perf_counter() - start)
    graph.delete_edges(range(first, graph.ecount()))
    return kept, complete, statistics.median(times)


def fmt_ms(seconds):
    return f"{seconds * 1e3:9.2f}" if seconds is not None else f"{'-':>9}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", help="output folder of export_path_queries")
    ap.add_argument("--max-paths", type=int, default=512,
                    help="paths a peer may enumerate per query before giving up (default 512)")
    ap.add_argument("--igraph-repeat", type=int, default=3, help="igraph runs per query, median")
    ap.add_argument("--skip-networkx", action="store_true", help="time igraph only")
    args = ap.parse_args()

    meta, cost, edges, queries, cpp = load(args.folder)
    k, hops = int(meta["k"]), int(meta["hops"])
    n = len(cost)

    t0 = time.perf_counter()
    arcs, weights = [], []
    for u, v in edges:
        arcs.append((u, v))
        weights.append(cost[v])
        arcs.append((v, u))
        weights.append(cost[u])
    # Vertex n is the virtual source in both peers; its arcs are added per query, untimed.
    igg = igraph.Graph(n=n + 1, edges=arcs, directed=True, edge_attrs={"weight": weights})
    nxg = None
    if not args.skip_networkx:
        nxg = networkx.DiGraph()
        nxg.add_nodes_from(range(n))
        nxg.add_weighted_edges_from((u, v, w) for (u, v), w in zip(arcs, weights))
    build = time.perf_counter() - t0
    print(f"graph: {n} nodes, {len(edges)} adjacent pairs ({meta['edges']} KG edges); "
          f"K={k} H={hops} hub penalty {meta['hub_penalty']}; peers' graph build {build:.1f} s "
          f"(not counted)")
    print(f"C++: median of {meta.get('repeat', '?')} runs; igraph: median of {args.igraph_repeat}; "
          f"networkx: 1 run; peers timed on path enumeration only (graph edits untimed)\n")

    header = (f"{'q':>3} {'type':<18} {'C++ ms':>9} {'nx ms':>9} {'ig ms':>9} "
              f"{'nx/C++':>8} {'ig/C++':>8} {'top cost':>9}  nx  ig  costs(K)")
    print(header)
    print("-" * len(header))
    nx_ratios, ig_ratios = [], []
    agree = {"nx": 0, "ig": 0}
    all_costs = {"nx": 0, "ig": 0}
    compared = {"nx": 0, "ig": 0}
    incomplete = {"nx": 0, "ig": 0}

    def same(a, b):
        return len(a) == len(b) and all(math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-9) for x, y in zip(a, b))

    for q in queries:
        c = dict(cpp[q["id"]])
        c["seconds"] = max(c["seconds"], 1e-9)  # a clock tick of zero would divide by zero
        nx_time = nx_costs = None
        nx_complete = True
        if nxg is not None:
            nx_costs, nx_complete, nx_time = run_networkx(nxg, cost, n, q, k, hops, args.max_paths)
        ig_costs, ig_complete, ig_time = run_igraph(igg, cost, n, q, k, hops, args.max_paths,
                                                    args.igraph_repeat)

        top = c["costs"][0] if c["costs"] else None
        marks = {}
        for name, costs, complete in (("nx", nx_costs, nx_complete), ("ig", ig_costs, ig_complete)):
            if costs is None:
                marks[name] = " - "
                continue
            compared[name] += 1
            if not complete:
                incomplete[name] += 1
            top_ok = (not costs and top is None) or (
                costs and top is not None and math.isclose(costs[0], top, rel_tol=1e-9, abs_tol=1e-9))
            agree[name] += bool(top_ok)
            all_costs[name] += same(costs, c["costs"])
            marks[name] = ("yes" if top_ok else "NO ") if complete else "inc"
        if nx_time is not None:
            nx_ratios.append(nx_time / c["seconds"])
        ig_ratios.append(ig_time / c["seconds"])
        nx_ratio = f"{nx_time / c['seconds']:8.0f}" if nx_time is not None else f"{'-':>8}"
        top_text = f"{top:9.4f}" if top is not None else f"{'-':>9}"
        print(f"{q['id']:>3} {q['type']:<18} {fmt_ms(c['seconds'])} {fmt_ms(nx_time)} {fmt_ms(ig_time)} "
              f"{nx_ratio} {ig_time / c['seconds']:8.0f} {top_text}  "
              f"{marks['nx']} {marks['ig']} {len(c['costs'])}")

    def summary(name, ratios):
        if not ratios:
            return
        geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        print(f"{name}: median ratio {statistics.median(ratios):.0f}x, geometric mean {geo:.0f}x, "
              f"min {min(ratios):.0f}x over {len(ratios)} queries")

    print()
    summary("networkx / C++", nx_ratios)
    summary("igraph   / C++", ig_ratios)
    for name, label in (("nx", "networkx"), ("ig", "igraph")):
        if compared[name]:
            print(f"{label}: top path cost agrees on {agree[name]}/{compared[name]} queries, "
                  f"all K costs on {all_costs[name]}/{compared[name]}; "
                  f"{incomplete[name]} gave up after {args.max_paths} paths")
    return 0


if __name__ == "__main__":
    sys.exit(main())
