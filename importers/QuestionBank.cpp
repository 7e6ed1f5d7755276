#include "QuestionBank.h"

#include "BatchRequest.h"
#include "GenericRecord.h"
#include "JsonLines.h"
#include "Sha256.h"

namespace rs::importers {

bool QuestionBank::load(ImportContext& ctx) {
    const auto& files = ctx.options().questionFiles;
    if (files.empty()) {
        ctx.summary().fatalError =
            std::string(toString(ctx.summary().format)) +
            " output holds no questions: give the question files its custom_ids refer "
            "to with --questions FILE (generic JSONL records with id, question, options, "
            "gold, or the OpenAI Batch input file the requests were sent from)";
        return false;
    }
    for (const std::string& file : files) {
        ctx.summary().questionFileSha256.push_back(Sha256::hexOfFile(file).value_or(std::string()));
        std::unordered_map<std::string, std::size_t> firstLine;
        const std::filesystem::path dir = std::filesystem::path(file).parent_path();
        forEachJsonLine(ctx, file, [&](Json& record, std::size_t line) {
            Case q;
            std::string err;
            const bool request = isBatchRequest(record);
            if (request ? !parseBatchRequest(record, q, err)
                        : !parseGenericRecord(record, GenericRecordKind::Question, dir, q, err)) {
                if (!request && !record.contains("id"))
                    err += " (a question file holds generic records with id, question, options, "
                           "gold, or OpenAI "
                           "Batch input requests with custom_id and body)";
                ctx.errorIn(file, line, 0, err);
                return true;
            }
            const auto [it, fresh] = firstLine.try_emplace(q.key, line);
            if (!fresh || byId_.count(q.key)) {
                ctx.errorIn(file, line, 0,
                            "duplicate question id '" + q.key + "'" +
                                (fresh ? std::string(" (also in an earlier question file)")
                                       : " (first at line " + std::to_string(it->second) + ")"));
                return true;
            }
            byId_.emplace(q.key, std::move(q));
            return true;
        });
        if (ctx.cancelRequested())
            return false;
    }
    if (byId_.empty()) {
        ctx.summary().fatalError = "no question could be read from the question files: give "
                                   "--questions files of generic JSONL question "
                                   "records (id, question, options, gold) or the OpenAI Batch "
                                   "input file (custom_id, body.messages or "
                                   "body.input) the outputs answer";
        return false;
    }
    return true;
}

const Case* QuestionBank::find(const std::string& id) const {
    const auto it = byId_.find(id);
    return it == byId_.end() ? nullptr : &it->second;
}

} // namespace rs::importers
