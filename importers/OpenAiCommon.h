#pragma once
// What the OpenAI batch and chat readers share: the text of a completion body and the
// join of an output to its question.
#include "JsonUtil.h"

#include <string>

namespace rs::importers {

// The answer text of a response body: choices[0].message.content (a string, or content
// parts with "text"), choices[0].text (completions), or the Responses API's output[]
// message parts. False with err when there is none (refusal, tool call, no choices).
bool completionText(const Json& body, std::string& text, std::string& finishReason,
                    std::string& err);

// "429: Rate limit reached" from an {"error": {"code", "message"}} value.
std::string apiErrorText(const Json& error);

// The question's case with this output attached, answers settled.
Case answerCase(const Case& question, const std::string& key, const std::string& model,
                std::string output);

} // namespace rs::importers
