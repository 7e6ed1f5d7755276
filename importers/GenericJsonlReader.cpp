// ReasonScope's generic JSONL, version 1: one output record per line (GenericRecord.h).
// The run is the record's "run", else its "model", else the file name.
#include "Answers.h"
#include "GenericRecord.h"
#include "JsonLines.h"
#include "Readers.h"

namespace rs::importers {

void readGenericJsonl(ImportContext& ctx) {
    forEachJsonLine(ctx, ctx.path(), [&](Json& record, std::size_t line) {
        Case c;
        std::string err;
        if (!parseGenericRecord(record, GenericRecordKind::Output, ctx.directory(), c, err)) {
            ctx.error(line, 0, err);
            return true;
        }
        settleAnswers(c);
        ctx.emit(std::move(c), line, 0);
        return true;
    });
}

} // namespace rs::importers
