#pragma once
// The line loop every JSONL reader shares, with the bad-line handling in one place.
#include "ImportContext.h"
#include "JsonUtil.h"

#include <cstddef>
#include <functional>
#include <string>

namespace rs::importers {

// Reads `file` (plain or gzip) as JSONL and calls onRecord(object, line) for each line that
// is one well-formed JSON object; onRecord returns false to stop. Blank lines are skipped.
// Every other line (malformed JSON, not an object, invalid UTF-8, too deep, too long) is
// reported against `file` and skipped; a truncated gzip stream is reported where it ends.
// Reports "no records" for a file with no non-blank line. Returns the number of non-blank
// lines seen, good or bad.
std::size_t forEachJsonLine(ImportContext& ctx, const std::string& file,
                            const std::function<bool(Json& record, std::size_t line)>& onRecord);

} // namespace rs::importers
