// OpenAI Batch API output JSONL, one line per request:
//   {"id": "batch_req_...", "custom_id": "q17",
//    "response": {"status_code": 200, "request_id": "...", "body": <chat completion>},
//    "error": null}
// joined by custom_id to the question records of ImportOptions::questionFiles. The run is
// the model the body names. A failed request (error set, status not 200) is reported
// with its reason; it is not an output.
#include "JsonLines.h"
#include "OpenAiCommon.h"
#include "QuestionBank.h"
#include "Readers.h"

namespace rs::importers {

void readOpenAiBatch(ImportContext& ctx) {
    QuestionBank questions;
    if (!questions.load(ctx))
        return;
    forEachJsonLine(ctx, ctx.path(), [&](Json& rec, std::size_t line) {
        std::string customId, err;
        const auto cid = rec.find("custom_id");
        if (cid == rec.end() || cid->is_null()) {
            ctx.error(line, 0, "missing required field 'custom_id'");
            return true;
        }
        if (!idText(*cid, "custom_id", customId, err)) {
            ctx.error(line, 0, err);
            return true;
        }
        const std::string at = "custom_id '" + customId + "': ";
        if (const auto e = rec.find("error"); e != rec.end() && !e->is_null()) {
            ctx.error(line, 0, at + "request failed: " + apiErrorText(*e));
            return true;
        }
        const auto response = rec.find("response");
        if (response == rec.end() || !response->is_object()) {
            ctx.error(line, 0,
                      at + (response == rec.end()
                                ? std::string("missing 'response'")
                                : std::string("'response' must be an object, found ") +
                                      typeName(*response)));
            return true;
        }
        const auto body = response->find("body");
        if (const auto status = response->find("status_code");
            status != response->end() && !status->is_null()) {
            if (!status->is_number_integer()) {
                ctx.error(line, 0,
                          at + "'response.status_code' must be an integer, found " +
                              typeName(*status));
                return true;
            }
            if (status->get<long long>() != 200) {
                std::string reason = "request failed with HTTP status " + status->dump();
                if (body != response->end() && body->is_object() && body->contains("error"))
                    reason += ": " + apiErrorText((*body)["error"]);
                ctx.error(line, 0, at + reason);
                return true;
            }
        }
        if (body == response->end() || body->is_null()) {
            ctx.error(line, 0, at + "missing 'response.body'");
            return true;
        }
        std::string text, finish, model;
        if (!completionText(*body, text, finish, err)) {
            ctx.error(line, 0, at + err);
            return true;
        }
        const Case* question = questions.find(customId);
        if (!question) {
            ctx.error(line, 0, at + "no question with this id in the question files");
            return true;
        }
        if (!optionalString(*body, "model", model, err)) {
            ctx.error(line, 0, at + "response.body." + err);
            return true;
        }
        Case c = answerCase(*question, customId, model, std::move(text));
        if (!finish.empty())
            c.meta.emplace_back("openai.finish_reason", finish);
        if (const auto v = response->find("request_id"); v != response->end() && v->is_string())
            c.meta.emplace_back("openai.request_id", v->get<std::string>());
        if (const auto v = rec.find("id"); v != rec.end() && v->is_string())
            c.meta.emplace_back("openai.batch_request_id", v->get<std::string>());
        ctx.emit(std::move(c), line, 0, at);
        return true;
    });
}

} // namespace rs::importers
