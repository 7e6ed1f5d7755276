#include "DiseaseOntologyLoader.h"

#include "DelimitedText.h"
#include "InputFile.h"
#include "KgHeader.h"
#include "TextNormalizer.h"

#include <unordered_map>
#include <vector>

namespace rs {

namespace {

constexpr std::string_view kDisease = "Disease";
constexpr std::string_view kSymptom = "Symptom";
constexpr std::string_view kDoRootId = "DOID:4";
constexpr std::string_view kDoRootLabel = "disease";

} // namespace

void loadDoDiseaseSymptoms(KnowledgeGraphBuilder& builder, KgLoadContext& context) {
    InputFile in;
    KgHeader header;
    if (!context.openTable(in, header))
        return;
    builder.beginSource();
    std::string line;
    const auto diseaseId = header.column("disease_id"),
               diseaseLabel = header.column("disease_label"),
               symptomId = header.column("symptom_id"),
               symptomLabel = header.column("symptom_label");
    if (!diseaseId || !diseaseLabel || !symptomId || !symptomLabel) {
        context.error(in.lineNumber(),
                      "not a Disease Ontology disease-symptom file: expected the header "
                      "\"disease_id, disease_label, symptom_id, symptom_label\", found \"" +
                          header.joined() + "\"");
        return;
    }
    const RelationId presents = builder.internRelation("presents");
    DelimitedSplitter fields(header.delimiter());
    while (context.nextRecord(in, line, fields, header.size())) {
        const std::size_t lineNo = in.lineNumber();
        const std::string_view did = trimBlanks(fields[*diseaseId]);
        const std::string_view dlabel = trimBlanks(fields[*diseaseLabel]);
        const std::string_view sid = trimBlanks(fields[*symptomId]);
        const std::string_view slabel = trimBlanks(fields[*symptomLabel]);
        if (did.empty() || dlabel.empty() || sid.empty() || slabel.empty()) {
            context.error(lineNo, "empty disease or symptom id or label");
            continue;
        }
        if (presents == kNoRelation) {
            context.error(lineNo, "too many distinct relation names in the loaded sources");
            continue;
        }
        const NodeId disease = builder.addNode(did, dlabel, kDisease);
        const NodeId symptom = builder.addNode(sid, slabel, kSymptom);
        builder.addEdge(disease, presents, symptom);
        context.noteNode(disease);
        context.noteNode(symptom);
        context.noteEdge();
    }
    context.finish();
}

void loadDoHierarchy(KnowledgeGraphBuilder& builder, KgLoadContext& context) {
    InputFile in;
    KgHeader header;
    if (!context.openTable(in, header))
        return;
    builder.beginSource();
    std::string line;
    const auto idCol = header.column("id"), labelCol = header.column("label"),
               parentCol = header.column("subclassof");
    if (!idCol || !labelCol || !parentCol) {
        context.error(in.lineNumber(), "not a Disease Ontology hierarchy file: expected the "
                                       "header \"id, label, subClassOf\", found \"" +
                                           header.joined() + "\"");
        return;
    }

    // Pass 1 reads every row and creates the diseases, because a parent may be listed
    // after its children; pass 2 resolves the parent labels.
    struct Row {
        std::size_t line;
        NodeId child;
        std::string parentLabel;
    };
    std::vector<Row> rows;
    std::unordered_map<std::string, NodeId> byLabel, byNormalizedLabel;
    constexpr NodeId kAmbiguous = kNoNode;
    DelimitedSplitter fields(header.delimiter());
    while (context.nextRecord(in, line, fields, header.size())) {
        const std::size_t lineNo = in.lineNumber();
        const std::string_view id = trimBlanks(fields[*idCol]);
        const std::string_view label = trimBlanks(fields[*labelCol]);
        if (id.empty() || label.empty()) {
            context.error(lineNo, "empty id or label");
            continue;
        }
        const NodeId child = builder.addNode(id, label, kDisease);
        context.noteNode(child);
        for (auto* index : {&byLabel, &byNormalizedLabel}) {
            const std::string key = index == &byLabel ? std::string(label) : normalizeName(label);
            auto [it, inserted] = index->try_emplace(key, child);
            if (!inserted && it->second != child)
                it->second = kAmbiguous;
        }
        rows.push_back({lineNo, child, std::string(trimBlanks(fields[*parentCol]))});
    }
    if (context.cancelled())
        return;

    const RelationId isA = builder.internRelation("is_a");
    std::optional<NodeId> root;
    for (const Row& row : rows) {
        if (row.parentLabel.empty())
            continue; // a top-level class
        NodeId parent = kNoNode;
        if (auto it = byLabel.find(row.parentLabel); it != byLabel.end()) {
            parent = it->second;
        } else if (auto nit = byNormalizedLabel.find(normalizeName(row.parentLabel));
                   nit != byNormalizedLabel.end()) {
            parent = nit->second;
        } else if (row.parentLabel == kDoRootLabel) {
            if (!root)
                root = builder.addNode(kDoRootId, kDoRootLabel, kDisease);
            parent = *root;
            context.noteNode(parent);
        } else {
            context.error(row.line, "parent \"" + row.parentLabel +
                                        "\" is not the label of any disease in this file");
            continue;
        }
        if (parent == kAmbiguous) {
            context.error(row.line, "parent \"" + row.parentLabel +
                                        "\" is the label of more than one disease");
            continue;
        }
        if (parent == row.child) {
            context.error(row.line, "disease is listed as its own parent");
            continue;
        }
        if (isA == kNoRelation) {
            context.error(row.line, "too many distinct relation names in the loaded sources");
            continue;
        }
        builder.addEdge(row.child, isA, parent);
        context.noteEdge();
    }
    context.finish();
}

} // namespace rs
