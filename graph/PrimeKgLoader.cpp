#include "PrimeKgLoader.h"

#include "DelimitedText.h"
#include "InputFile.h"
#include "KgHeader.h"

#include <array>
#include <charconv>
#include <optional>
#include <utility>
#include <vector>

namespace rs {

namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 10> kKinds{{
    {"disease", "Disease"},
    {"drug", "Compound"},
    {"effect/phenotype", "Symptom"},
    {"gene/protein", "Gene"},
    {"anatomy", "Anatomy"},
    {"biological_process", "Biological Process"},
    {"cellular_component", "Cellular Component"},
    {"molecular_function", "Molecular Function"},
    {"pathway", "Pathway"},
    {"exposure", "Exposure"},
}};

// PrimeKG numbers its ~130k nodes densely; anything far beyond is not such an index and
// goes the slow way (by key) instead of sizing a table after it.
constexpr std::size_t kMaxDenseIndex = std::size_t(1) << 24;

struct EndpointColumns {
    std::optional<std::size_t> index;
    std::size_t id, type, name, source;
};

// Resolves endpoints, mostly through PrimeKG's own node index so that the 8M rows do not
// each build keys and normalize names: only the first row naming a node goes to the builder.
class EndpointResolver {
public:
    EndpointResolver(KnowledgeGraphBuilder& builder, KgLoadContext& context)
        : builder_(builder), context_(context) {}

    NodeId resolve(const DelimitedSplitter& f, const EndpointColumns& c, std::size_t lineNo) {
        const std::string_view id = trimBlanks(f[c.id]);
        const std::string_view source = trimBlanks(f[c.source]);
        std::size_t index = kMaxDenseIndex;
        if (c.index) {
            const std::string_view text = trimBlanks(f[*c.index]);
            std::size_t parsed = 0;
            const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), parsed);
            if (ec == std::errc() && end == text.data() + text.size() && parsed < kMaxDenseIndex)
                index = parsed;
        }
        if (index < nodeOfIndex_.size() && nodeOfIndex_[index] != kNoNode) {
            const std::string& known = keyOfIndex_[index];
            if (known.size() == source.size() + 1 + id.size() && known.starts_with(source) &&
                known[source.size()] == ':' && known.ends_with(id))
                return nodeOfIndex_[index];
            context_.error(lineNo, "node index " + std::to_string(index) + " was \"" + known +
                                       "\" and is now \"" + std::string(source) + ":" +
                                       std::string(id) + "\"");
            return kNoNode;
        }
        const std::string_view type = trimBlanks(f[c.type]);
        const std::string_view name = trimBlanks(f[c.name]);
        if (id.empty() || source.empty() || type.empty() || name.empty()) {
            context_.error(lineNo, "empty node id, type, name or source");
            return kNoNode;
        }
        key_.assign(source).append(":").append(id);
        const NodeId node = builder_.addNode(key_, name, primeKgKind(type));
        if (index < kMaxDenseIndex) {
            if (index >= nodeOfIndex_.size()) {
                nodeOfIndex_.resize(index + 1 + nodeOfIndex_.size() / 2, kNoNode);
                keyOfIndex_.resize(nodeOfIndex_.size());
            }
            nodeOfIndex_[index] = node;
            keyOfIndex_[index] = key_;
        }
        return node;
    }

private:
    KnowledgeGraphBuilder& builder_;
    KgLoadContext& context_;
    std::vector<NodeId> nodeOfIndex_;
    std::vector<std::string> keyOfIndex_;
    std::string key_;
};

} // namespace

std::string_view primeKgKind(std::string_view primeKgType) {
    for (const auto& [type, kind] : kKinds)
        if (type == primeKgType)
            return kind;
    return primeKgType;
}

void loadPrimeKg(KnowledgeGraphBuilder& builder, KgLoadContext& context) {
    InputFile in;
    KgHeader header;
    if (!context.openTable(in, header, Delimiter::Comma))
        return;
    builder.beginSource();
    std::string line;
    std::string missing;
    auto require = [&](std::string_view name) -> std::size_t {
        if (auto c = header.column(name))
            return *c;
        missing += missing.empty() ? "" : ", ";
        missing += name;
        return 0;
    };
    const std::size_t relationCol = require("relation");
    const EndpointColumns x{header.column("x_index"), require("x_id"), require("x_type"),
                            require("x_name"), require("x_source")};
    const EndpointColumns y{header.column("y_index"), require("y_id"), require("y_type"),
                            require("y_name"), require("y_source")};
    if (!missing.empty()) {
        context.error(in.lineNumber(),
                      "not a PrimeKG file: expected the columns relation, x_id, x_type, x_name, "
                      "x_source, y_id, y_type, y_name, y_source; missing " +
                          missing + " in \"" + header.joined() + "\"");
        return;
    }

    EndpointResolver endpoints(builder, context);
    DelimitedSplitter fields(header.delimiter());
    // kg.csv is grouped by relation, so remembering the last one interns almost nothing.
    std::string lastRelation;
    RelationId lastRelationId = kNoRelation;
    while (context.nextRecord(in, line, fields, header.size())) {
        const std::size_t lineNo = in.lineNumber();
        const std::string_view relation = trimBlanks(fields[relationCol]);
        if (relation.empty()) {
            context.error(lineNo, "empty relation");
            continue;
        }
        if (relation != lastRelation || lastRelationId == kNoRelation) {
            lastRelation.assign(relation);
            lastRelationId = builder.internRelation(relation);
            if (lastRelationId == kNoRelation) {
                context.error(lineNo, "too many distinct relation names in the loaded sources");
                continue;
            }
        }
        const NodeId head = endpoints.resolve(fields, x, lineNo);
        if (head == kNoNode)
            continue;
        const NodeId tail = endpoints.resolve(fields, y, lineNo);
        if (tail == kNoNode)
            continue;
        builder.addEdge(head, lastRelationId, tail);
        context.noteNode(head);
        context.noteNode(tail);
        context.noteEdge();
    }
    context.finish();
}

} // namespace rs
