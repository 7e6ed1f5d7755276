#pragma once
// The format readers behind importOutputs, one per file. Each reports its bad records
// through the context and keeps going.
#include "ImportContext.h"

#include <string>

namespace rs::importers {

void readThoughtSource(ImportContext& ctx);
void readGenericJsonl(ImportContext& ctx);
void readLmEvalHarness(ImportContext& ctx);
void readOpenAiBatch(ImportContext& ctx);
void readOpenAiChat(ImportContext& ctx);
void readMapped(ImportContext& ctx, const FieldMapping& mapping);

struct SniffResult {
    OutputFormat format = OutputFormat::Unknown;
    std::string error;  // why Unknown
    bool empty = false; // nothing but white space: "no records", not an unknown format
};
SniffResult sniffFile(const std::string& path);

} // namespace rs::importers
