#pragma once
// Streams the records of one JSON document (an array of records, or ThoughtSource's
// {dataset: {split: [items]}}) through nlohmann's SAX parser, building one record at a
// time. Compared with parsing the whole document: memory stays at one record, a wrong type
// at the container level costs only that container, and when the document is malformed or
// cut short every record before the break is still delivered.
#include "JsonUtil.h"

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace rs::importers {

enum class Container { Object, Array };

struct DocumentPosition {
    // One entry per container level above the record: the key in an object, the 1-based
    // position (as text) in an array. The last entry is the record's own position.
    std::vector<std::string> path;
    std::size_t ordinal = 0; // 1-based position of the record (or value) in its container
};

struct DocumentResult {
    bool stopped = false;   // onRecord asked to stop
    std::string parseError; // empty when the document parsed to its end
    std::size_t errorLine = 0;
    std::size_t records = 0; // values found at record level, delivered or not
};

// `shape` lists the containers above the record level, outermost first: {Array} for an
// array of records. A value of the wrong type at a container level goes to onShapeError
// and is skipped; so is a record nested deeper than kMaxJsonDepth.
DocumentResult streamJsonDocument(
    std::string_view content, const std::vector<Container>& shape,
    const std::function<bool(const DocumentPosition&, Json&& record)>& onRecord,
    const std::function<void(const DocumentPosition&, const std::string& reason)>& onShapeError);

} // namespace rs::importers

namespace rs::importers {

class ImportContext;

// A whole JSON document read into memory (1 GiB at most), with what went wrong reading it.
struct LoadedDocument {
    std::string content;
    std::string readError;     // truncated or corrupt gzip: content holds what came before
    std::string invalidMarker; // non-empty when invalid UTF-8 was replaced by this marker
};

// Reads ctx.path(). False when there is nothing to parse, with the error (cannot open, too
// large, no records) already reported.
bool loadJsonDocument(ImportContext& ctx, LoadedDocument& doc);

// Reports how the document ended when it did not parse to its end (malformed JSON, cut
// short by a broken gzip stream), or "no records" when it held none.
void reportDocumentEnd(ImportContext& ctx, const LoadedDocument& doc, const DocumentResult& result);

} // namespace rs::importers
