#pragma once
// Hetionet v1.0 sources. Nodes: TSV "id name kind" with ids like "Disease::DOID:9352".
// Edges: SIF "source metaedge target" (plain or gzip, header optional), metaedges mapped
// to relation names by HetionetMetaedges.
#include "KgLoadContext.h"
#include "KnowledgeGraph.h"

namespace rs {

// Keys each node by its id without the kind prefix ("DOID:9352", so Disease Ontology rows
// join on it) and also by the full Hetionet id, which is what the SIF edges name.
void loadHetionetNodes(KnowledgeGraphBuilder& builder, KgLoadContext& context);

// Needs the nodes loaded first: an edge naming an unknown node is an error of its line.
// Direction follows the metaedge: a directed edge written target-first is turned round;
// symmetric metaedges (DrD, CrC, GcG, GiG) and Gr>G keep the file's direction.
void loadHetionetEdges(KnowledgeGraphBuilder& builder, KgLoadContext& context);

} // namespace rs
