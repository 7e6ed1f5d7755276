#include "HetionetLoader.h"

#include "DelimitedText.h"
#include "HetionetMetaedges.h"
#include "InputFile.h"
#include "KgFormat.h"
#include "KgHeader.h"

#include <vector>

namespace rs {

namespace {

constexpr std::string_view kKindSeparator = "::";

std::string_view kindPrefix(std::string_view id) {
    const std::size_t sep = id.find(kKindSeparator);
    return sep == std::string_view::npos ? std::string_view() : id.substr(0, sep);
}

} // namespace

void loadHetionetNodes(KnowledgeGraphBuilder& builder, KgLoadContext& context) {
    InputFile in;
    KgHeader header;
    if (!context.openTable(in, header))
        return;
    builder.beginSource();
    std::string line;
    const auto idCol = header.column("id"), nameCol = header.column("name"),
               kindCol = header.column("kind");
    if (!idCol || !nameCol || !kindCol) {
        context.error(in.lineNumber(), "not a Hetionet node file: expected the header "
                                       "\"id, name, kind\", found \"" +
                                           header.joined() + "\"");
        return;
    }
    DelimitedSplitter fields(header.delimiter());
    while (context.nextLine(in, line)) {
        const std::size_t lineNo = in.lineNumber();
        fields.split(line);
        if (fields.size() != header.size()) {
            context.error(lineNo, KgLoadContext::fieldCountMessage(header.size(), fields.size()));
            continue;
        }
        const std::string_view id = trimBlanks(fields[*idCol]);
        const std::string_view name = trimBlanks(fields[*nameCol]);
        const std::string_view kind = trimBlanks(fields[*kindCol]);
        if (id.empty() || name.empty() || kind.empty()) {
            context.error(lineNo, "empty id, name or kind");
            continue;
        }
        std::string_view local = id;
        if (const std::string_view prefix = kindPrefix(id); !prefix.empty()) {
            if (prefix != kind) {
                context.error(lineNo, "id \"" + std::string(id) + "\" says kind \"" +
                                          std::string(prefix) + "\" but the kind column says \"" +
                                          std::string(kind) + "\"");
                continue;
            }
            local = id.substr(prefix.size() + kKindSeparator.size());
            if (local.empty()) {
                context.error(lineNo, "id \"" + std::string(id) + "\" has nothing after the kind");
                continue;
            }
        }
        const NodeId node = builder.addNode(local, name, kind);
        if (local.size() != id.size() && !builder.addKey(node, id)) {
            context.error(lineNo, "id \"" + std::string(id) + "\" already names another node");
            continue;
        }
        context.noteNode(node);
    }
    context.finish();
}

void loadHetionetEdges(KnowledgeGraphBuilder& builder, KgLoadContext& context) {
    InputFile in;
    KgHeader header;
    std::string line;
    if (!context.openTable(in, header, Delimiter::Tab, &line))
        return;
    builder.beginSource();
    std::size_t sourceCol = 0, metaedgeCol = 1, targetCol = 2, width = 3;
    bool firstLineIsData = false;
    if (const auto s = header.column("source"), m = header.column("metaedge"),
        t = header.column("target");
        s && m && t) {
        sourceCol = *s;
        metaedgeCol = *m;
        targetCol = *t;
        width = header.size();
    } else if (looksLikeHetionetEdgeRow(line)) {
        firstLineIsData = true;
    } else {
        context.error(in.lineNumber(), "not a Hetionet SIF edge file: expected the header "
                                       "\"source, metaedge, target\", found \"" +
                                           header.joined() + "\"");
        return;
    }

    const auto metaedges = hetionetMetaedges();
    std::vector<RelationId> relationOf(metaedges.size(), kNoRelation);
    DelimitedSplitter fields(Delimiter::Tab);
    auto processRow = [&](std::size_t lineNo) {
        fields.split(line);
        if (fields.size() != width) {
            context.error(lineNo, KgLoadContext::fieldCountMessage(width, fields.size()));
            return;
        }
        std::string_view source = trimBlanks(fields[sourceCol]);
        std::string_view target = trimBlanks(fields[targetCol]);
        const std::string_view abbreviation = trimBlanks(fields[metaedgeCol]);
        const HetionetMetaedge* metaedge = findHetionetMetaedge(abbreviation);
        if (!metaedge) {
            context.error(lineNo, "unknown metaedge \"" + std::string(abbreviation) + "\"");
            return;
        }
        const std::string_view sourceKind = kindPrefix(source), targetKind = kindPrefix(target);
        if (!sourceKind.empty() && !targetKind.empty() &&
            !(sourceKind == metaedge->sourceKind && targetKind == metaedge->targetKind)) {
            if (sourceKind == metaedge->targetKind && targetKind == metaedge->sourceKind) {
                std::swap(source, target);
            } else {
                context.error(lineNo, std::string(abbreviation) + " joins " +
                                          std::string(metaedge->sourceKind) + " to " +
                                          std::string(metaedge->targetKind) + ", not " +
                                          std::string(sourceKind) + " to " +
                                          std::string(targetKind));
                return;
            }
        }
        const auto head = builder.findByKey(source);
        const auto tail = builder.findByKey(target);
        if (!head || !tail) {
            std::string missing = !head ? "\"" + std::string(source) + "\"" : std::string();
            if (!tail)
                missing += (missing.empty() ? "\"" : " and \"") + std::string(target) + "\"";
            context.error(lineNo, "edge names unknown node " + missing +
                                      " (not in any loaded node source)");
            return;
        }
        RelationId& relation = relationOf[std::size_t(metaedge - metaedges.data())];
        if (relation == kNoRelation)
            relation = builder.internRelation(metaedge->relation);
        if (relation == kNoRelation) {
            context.error(lineNo, "too many distinct relation names in the loaded sources");
            return;
        }
        builder.addEdge(*head, relation, *tail);
        context.noteNode(*head);
        context.noteNode(*tail);
        context.noteEdge();
    };
    if (firstLineIsData) {
        context.headerWasData();
        processRow(in.lineNumber());
    }
    while (context.nextLine(in, line))
        processRow(in.lineNumber());
    context.finish();
}

} // namespace rs
