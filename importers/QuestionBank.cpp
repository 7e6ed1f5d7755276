#include "QuestionBank.h"

#include "GenericRecord.h"
#include "JsonLines.h"
#include "Sha256.h"

namespace rs::importers {

bool QuestionBank::load(ImportContext& ctx)
{
    const auto& files = ctx.options().questionFiles;
    if (files.empty()) {
        ctx.summary().fatalError = std::string(toString(ctx.summary().format)) +
                                   " output holds no questions: give the question files (generic JSONL records "
                                   "with id, question, options, gold) its custom_ids refer to";
        return false;
    }
    for (const std::string& file : files) {
        ctx.summary().questionFileSha256.push_back(Sha256::hexOfFile(file).value_or(std::string()));
        std::unordered_map<std::string, std::size_t> firstLine;
        const std::filesystem::path dir = std::filesystem::path(file).parent_path();
        forEachJsonLine(ctx, file, [&](Json& record, std::size_t line) {
            Case q;
            std::string err;
            if (!parseGenericRecord(record, GenericRecordKind::Question, dir, q, err)) {
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
        ctx.summary().fatalError = "no question could be read from the question files";
        return false;
    }
    return true;
}

const Case* QuestionBank::find(const std::string& id) const
{
    const auto it = byId_.find(id);
    return it == byId_.end() ? nullptr : &it->second;
}

} // namespace rs::importers
