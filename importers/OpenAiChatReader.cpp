// OpenAI chat-completion JSONL: one chat.completion object per line, as saved from the
// API, joined to the question records of ImportOptions::questionFiles. The API response
// does not echo the request, so the question is found by the first of "custom_id",
// "metadata.custom_id", "metadata.question_id", "metadata.id" (stored completions keep
// request metadata), and finally the completion "id". The run is the response's model.
#include "JsonLines.h"
#include "OpenAiCommon.h"
#include "QuestionBank.h"
#include "Readers.h"

namespace rs::importers {

void readOpenAiChat(ImportContext& ctx) {
    QuestionBank questions;
    if (!questions.load(ctx))
        return;
    forEachJsonLine(ctx, ctx.path(), [&](Json& rec, std::size_t line) {
        std::string id, err;
        const char* idName = nullptr;
        for (const char* path :
             {"custom_id", "metadata.custom_id", "metadata.question_id", "metadata.id", "id"}) {
            const Json* v = resolvePath(rec, path);
            if (v && !v->is_null()) {
                idName = path;
                if (!idText(*v, path, id, err)) {
                    ctx.error(line, 0, err);
                    return true;
                }
                break;
            }
        }
        if (!idName) {
            ctx.error(line, 0, "no id to find the question by (custom_id, metadata.id or id)");
            return true;
        }
        const std::string at = std::string(idName) + " '" + id + "': ";
        if (const auto e = rec.find("error"); e != rec.end() && !e->is_null()) {
            ctx.error(line, 0, at + "request failed: " + apiErrorText(*e));
            return true;
        }
        std::string text, finish, model;
        if (!completionText(rec, text, finish, err) || !optionalString(rec, "model", model, err)) {
            ctx.error(line, 0, at + err);
            return true;
        }
        const Case* question = questions.find(id);
        if (!question) {
            ctx.error(line, 0, at + "no question with this id in the question files");
            return true;
        }
        Case c = answerCase(*question, id, model, std::move(text));
        if (!finish.empty())
            c.meta.emplace_back("openai.finish_reason", finish);
        if (idName != std::string("id")) {
            if (const auto v = rec.find("id"); v != rec.end() && v->is_string())
                c.meta.emplace_back("openai.completion_id", v->get<std::string>());
        }
        ctx.emit(std::move(c), line, 0, at);
        return true;
    });
}

} // namespace rs::importers
