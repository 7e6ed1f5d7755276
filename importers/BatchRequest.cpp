#include "BatchRequest.h"

#include <cctype>

namespace rs::importers {

namespace {

// The text of a message content: a string, or parts {"type": "text"|"input_text", "text"}.
std::string contentText(const Json& content) {
    if (content.is_string())
        return content.get<std::string>();
    std::string text;
    if (content.is_array())
        for (const Json& part : content)
            if (part.is_object())
                if (const auto t = part.find("text"); t != part.end() && t->is_string())
                    text += (text.empty() ? "" : "\n") + t->get<std::string>();
    return text;
}

std::string lastUserText(const Json& messages) {
    std::string text;
    for (const Json& m : messages) {
        if (!m.is_object())
            continue;
        const auto role = m.find("role");
        const auto content = m.find("content");
        if (content != m.end() && (role == m.end() || *role == "user"))
            if (std::string t = contentText(*content); !t.empty())
                text = std::move(t);
    }
    return text;
}

// "A. Insulin" / "B) Metformin" / "(C) Ivermectin" -> label and text, else false.
bool optionLine(const std::string& line, char expected, std::string& text) {
    std::size_t i = line.find_first_not_of(" \t");
    if (i == std::string::npos)
        return false;
    const bool paren = line[i] == '(';
    if (paren)
        ++i;
    if (i + 1 >= line.size() || line[i] != expected)
        return false;
    const char mark = line[i + 1];
    if (!(paren ? mark == ')' : (mark == '.' || mark == ')' || mark == ':')))
        return false;
    const std::size_t start = line.find_first_not_of(" \t", i + 2);
    if (start == std::string::npos)
        return false;
    text = line.substr(start);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.pop_back();
    return !text.empty();
}

std::vector<AnswerOption> lettered(const std::string& prompt) {
    std::vector<AnswerOption> options;
    std::size_t start = 0;
    while (start < prompt.size()) {
        std::size_t end = prompt.find('\n', start);
        if (end == std::string::npos)
            end = prompt.size();
        std::string text;
        const char next = char('A' + options.size());
        if (options.size() < 26 && optionLine(prompt.substr(start, end - start), next, text))
            options.push_back({std::string(1, next), text});
        else if (!options.empty() && options.size() < 2)
            options.clear(); // a lone "A." line is prose, not a list
        start = end + 1;
    }
    if (options.size() < 2)
        options.clear();
    return options;
}

} // namespace

bool isBatchRequest(const Json& record) {
    return record.is_object() && record.contains("custom_id") && record.contains("body") &&
           record["body"].is_object();
}

bool parseBatchRequest(const Json& record, Case& q, std::string& err) {
    if (!idText(record["custom_id"], "custom_id", q.key, err))
        return false;
    const Json& body = record["body"];
    std::string prompt;
    if (const auto messages = body.find("messages"); messages != body.end() && messages->is_array())
        prompt = lastUserText(*messages);
    else if (const auto input = body.find("input"); input != body.end())
        prompt = input->is_array() ? lastUserText(*input) : contentText(*input);
    if (prompt.find_first_not_of(" \t\r\n") == std::string::npos) {
        err = "batch request '" + q.key +
              "' has no user prompt: expected body.messages (chat completions) or "
              "body.input (Responses API) with the question as text";
        return false;
    }
    q.question = prompt;
    q.questionId = q.key;
    q.options = lettered(prompt);
    if (const auto model = body.find("model"); model != body.end() && model->is_string())
        q.model = model->get<std::string>();
    return true;
}

} // namespace rs::importers
