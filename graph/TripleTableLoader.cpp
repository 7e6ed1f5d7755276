#include "TripleTableLoader.h"

#include "DelimitedText.h"
#include "InputFile.h"
#include "KgHeader.h"
#include "TextNormalizer.h"

#include <optional>

namespace rs {

namespace {

constexpr std::string_view kDefaultKind = "Concept";

struct EndSpec {
    std::size_t name;
    std::optional<std::size_t> kind, id;
};

} // namespace

std::string normalizeTripleRelation(std::string_view relation) {
    std::string out;
    out.reserve(relation.size());
    bool pendingBreak = false;
    for (const char c : relation) {
        if (c == ' ' || c == '\t') {
            pendingBreak = true;
            continue;
        }
        if (pendingBreak && !out.empty())
            out.push_back('_');
        pendingBreak = false;
        out.push_back((c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c);
    }
    return out;
}

void loadTripleTable(KnowledgeGraphBuilder& builder, KgLoadContext& context) {
    InputFile in;
    KgHeader header;
    if (!context.openTable(in, header))
        return;
    builder.beginSource();
    std::string line;
    const auto head = header.column("head"), relation = header.column("relation"),
               tail = header.column("tail");
    if (!head || !relation || !tail) {
        context.error(in.lineNumber(), "not a triple table: expected the columns \"head, "
                                       "relation, tail\", found \"" +
                                           header.joined() + "\"");
        return;
    }
    const EndSpec headSpec{*head, header.column("head_kind"), header.column("head_id")};
    const EndSpec tailSpec{*tail, header.column("tail_kind"), header.column("tail_id")};

    DelimitedSplitter fields(header.delimiter());
    std::string key;
    auto resolve = [&](const EndSpec& spec) -> std::optional<NodeId> {
        const std::string_view name = trimBlanks(fields[spec.name]);
        if (name.empty())
            return std::nullopt;
        std::string_view kind = spec.kind ? trimBlanks(fields[*spec.kind]) : std::string_view();
        if (kind.empty())
            kind = kDefaultKind;
        const std::string_view id = spec.id ? trimBlanks(fields[*spec.id]) : std::string_view();
        if (!id.empty()) {
            key.assign(id);
        } else {
            const std::string normalized = normalizeName(name);
            // A name of punctuation only normalizes to nothing; its own bytes still key it.
            key.assign(kind).append(":").append(normalized.empty() ? std::string(name)
                                                                   : normalized);
        }
        return builder.addNode(key, name, kind);
    };
    std::string lastRelation;
    RelationId lastRelationId = kNoRelation;
    while (context.nextRecord(in, line, fields, header.size())) {
        const std::size_t lineNo = in.lineNumber();
        const std::string_view rawRelation = trimBlanks(fields[*relation]);
        if (rawRelation.empty()) {
            context.error(lineNo, "empty relation");
            continue;
        }
        if (trimBlanks(fields[*head]).empty() || trimBlanks(fields[*tail]).empty()) {
            context.error(lineNo, "empty head or tail");
            continue;
        }
        if (rawRelation != lastRelation || lastRelationId == kNoRelation) {
            lastRelation.assign(rawRelation);
            lastRelationId = builder.internRelation(normalizeTripleRelation(rawRelation));
            if (lastRelationId == kNoRelation) {
                context.error(lineNo, "too many distinct relation names in the loaded sources");
                continue;
            }
        }
        const NodeId h = *resolve(headSpec);
        const NodeId t = *resolve(tailSpec);
        builder.addEdge(h, lastRelationId, t);
        context.noteNode(h);
        context.noteNode(t);
        context.noteEdge();
    }
    context.finish();
}

} // namespace rs
