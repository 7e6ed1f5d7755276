#include "OpenAiCommon.h"

#include "Answers.h"

namespace rs::importers {

namespace {

// A content value: a string, or an array of parts whose text is joined.
bool contentText(const Json& content, std::string& out) {
    if (content.is_string()) {
        out = content.get<std::string>();
        return true;
    }
    if (!content.is_array())
        return false;
    bool any = false;
    for (const Json& part : content) {
        const auto t = part.is_object() ? part.find("text") : part.end();
        if (part.is_object() && t != part.end() && t->is_string()) {
            out += t->get<std::string>();
            any = true;
        }
    }
    return any;
}

// Wraps a reasoning model's trace in <think> tags ahead of its answer: settleAnswers then
// keeps the trace as the output that is analysed and the answer apart, the same way for
// reasoning_content fields (DeepSeek, vLLM), reasoning fields (OpenRouter, some vLLM
// versions) and traces written inline.
void prependTrace(const std::string& trace, std::string& text) {
    if (trace.find_first_not_of(" \t\r\n") != std::string::npos)
        text = "<think>" + trace + "</think>\n" + text;
}

} // namespace

bool completionText(const Json& body, std::string& text, std::string& finishReason,
                    std::string& err) {
    if (!body.is_object()) {
        err = std::string("the response body must be an object, found ") + typeName(body);
        return false;
    }
    if (const auto output = body.find("output"); output != body.end() && output->is_array()) {
        std::string trace;
        for (const Json& item : *output) {
            if (item.is_object() && item.value("type", std::string()) == "message") {
                if (const auto c = item.find("content"); c != item.end())
                    contentText(*c, text);
            } else if (item.is_object() && item.value("type", std::string()) == "reasoning") {
                // Responses API reasoning items carry a summary of the trace, when asked.
                if (const auto sum = item.find("summary"); sum != item.end())
                    contentText(*sum, trace);
            }
        }
        if (!text.empty()) {
            prependTrace(trace, text);
            return true;
        }
    }
    const auto choices = body.find("choices");
    if (choices == body.end() || !choices->is_array() || choices->empty()) {
        err = "the response has no choices";
        return false;
    }
    const Json& choice = (*choices)[0];
    if (!choice.is_object()) {
        err = std::string("choices[0] must be an object, found ") + typeName(choice);
        return false;
    }
    if (const auto fr = choice.find("finish_reason"); fr != choice.end() && fr->is_string())
        finishReason = fr->get<std::string>();
    if (const auto msg = choice.find("message"); msg != choice.end() && msg->is_object()) {
        if (const auto c = msg->find("content"); c != msg->end() && contentText(*c, text)) {
            for (const char* key : {"reasoning_content", "reasoning"})
                if (const auto r = msg->find(key); r != msg->end() && r->is_string()) {
                    prependTrace(r->get<std::string>(), text);
                    break;
                }
            return true;
        }
        std::string refusal;
        if (const auto r = msg->find("refusal"); r != msg->end() && r->is_string())
            refusal = r->get<std::string>();
        err = "the message has no text content" +
              (refusal.empty() ? std::string() : " (refusal: " + refusal + ")") +
              (finishReason.empty() ? std::string() : " (finish_reason " + finishReason + ")");
        return false;
    }
    if (const auto t = choice.find("text"); t != choice.end() && t->is_string()) {
        text = t->get<std::string>();
        return true;
    }
    err = "choices[0] has neither a message nor text";
    return false;
}

std::string apiErrorText(const Json& error) {
    if (error.is_string())
        return error.get<std::string>();
    if (!error.is_object())
        return error.dump();
    std::string code, message;
    if (const auto c = error.find("code"); c != error.end() && !c->is_null())
        code = metaText(*c);
    if (const auto m = error.find("message"); m != error.end() && m->is_string())
        message = m->get<std::string>();
    if (code.empty() && message.empty())
        return error.dump();
    return code.empty() ? message : message.empty() ? code : code + ": " + message;
}

Case answerCase(const Case& question, const std::string& key, const std::string& model,
                std::string output) {
    Case c = question;
    c.key = key;
    c.model = model.empty() ? question.model : model;
    c.run.clear(); // the run is the model (or the run label), not anything the question file says
    c.output = std::move(output);
    c.prediction.clear();
    c.correct.reset();
    settleAnswers(c);
    return c;
}

} // namespace rs::importers
