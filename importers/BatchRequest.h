#pragma once
// One line of an OpenAI Batch *input* file, read as a question: the request a batch output
// line answers, joined to it by custom_id.
//   {"custom_id": "q1", "method": "POST", "url": "/v1/chat/completions",
//    "body": {"model": "...", "messages": [{"role": "user", "content": "..."}]}}
// or, for the Responses API, "body": {"input": "..." | [messages]}. The question is the
// last user message (its text parts joined); options are the lettered lines in it
// ("A. ...", "B) ...", "(C) ..."), when there are at least two from A on. Batch inputs
// carry no gold answer, so outputs joined to them are unscored unless gold comes from
// elsewhere.
#include "JsonUtil.h"

#include <string>

namespace rs::importers {

bool isBatchRequest(const Json& record);

// Fills q (key, question id, question, options, model), or returns false with err naming
// what is missing.
bool parseBatchRequest(const Json& record, Case& q, std::string& err);

} // namespace rs::importers
