#pragma once
// Disease Ontology exports. Diseases are keyed by DOID, so they join Hetionet's diseases;
// symptoms carry DO's own SYMP ids and join Hetionet's MeSH symptoms by name and kind.
#include "KgLoadContext.h"
#include "KnowledgeGraph.h"

namespace rs {

// "disease_id disease_label symptom_id symptom_label" -> Disease -presents-> Symptom.
void loadDoDiseaseSymptoms(KnowledgeGraphBuilder& builder, KgLoadContext& context);

// "id label subClassOf" (fields quoted), one row per (disease, parent); subClassOf is the
// parent's label, resolved against the labels of the same file -> child -is_a-> parent.
// The file leaves out DO's root, so the label "disease" resolves to DOID:4.
void loadDoHierarchy(KnowledgeGraphBuilder& builder, KgLoadContext& context);

} // namespace rs
