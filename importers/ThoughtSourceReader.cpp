// ThoughtSource JSON: {"<dataset>": {"<split>": [item, ...]}}, where an item is
// {"id", "question", "choices": [..], "answer": [text], "generated_cot": [entry, ...]} and
// each generated_cot entry {"id", "cot", "model", "cot_trigger", "answers": [{"answer",
// "answer_from_choices", "correct_answer"}], "annotations"} is one model output, so one
// Case. Entries with neither a model name nor a trigger (the GPT-4 file's critiques of
// other outputs) are not a model run: they are skipped and counted in the summary, unless
// ImportOptions::includeUnnamedRuns asks for them; then they get the run "unnamed-model".
#include "Answers.h"
#include "JsonDocumentStream.h"
#include "JsonUtil.h"
#include "PredictionExtractor.h"
#include "Readers.h"
#include "TextNormalizer.h"

#include <cctype>

namespace rs::importers {

namespace {

constexpr const char* kUnnamedModel = "unnamed-model";

std::string trim(std::string_view s) {
    return std::string(trimSpace(s)); // a copy: callers keep it
}

// Reads one quoted Python string literal starting at s[i] (a ' or "); i ends after it.
std::string pythonString(std::string_view s, std::size_t& i) {
    const char quote = s[i++];
    std::string out;
    while (i < s.size() && s[i] != quote) {
        if (s[i] == '\\' && i + 1 < s.size())
            ++i;
        out += s[i++];
    }
    if (i < s.size())
        ++i;
    return out;
}

// ThoughtSource writes the model as the str() of a Python dict:
// "{'name': 'gpt-4', 'temperature': 0, 'max_tokens': 512}". Reads its top-level pairs;
// values are kept as written (quotes removed from strings). Stops quietly at anything
// it does not understand, keeping the pairs read so far.
std::vector<std::pair<std::string, std::string>> pythonDictPairs(std::string_view s) {
    std::vector<std::pair<std::string, std::string>> pairs;
    std::size_t i = s.find('{');
    if (i == std::string_view::npos)
        return pairs;
    ++i;
    auto skipSpace = [&] {
        while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i])))
            ++i;
    };
    while (true) {
        skipSpace();
        if (i >= s.size() || s[i] == '}')
            break;
        std::string key;
        if (s[i] == '\'' || s[i] == '"') {
            key = pythonString(s, i);
        } else {
            const std::size_t colon = s.find(':', i);
            if (colon == std::string_view::npos)
                break;
            key = trim(s.substr(i, colon - i));
            i = colon;
        }
        skipSpace();
        if (i >= s.size() || s[i] != ':')
            break;
        ++i;
        skipSpace();
        std::string value;
        if (i < s.size() && (s[i] == '\'' || s[i] == '"')) {
            value = pythonString(s, i);
        } else {
            // A bare value (number, None, True, or a nested literal) up to the next comma
            // or brace at this level.
            const std::size_t start = i;
            int depth = 0;
            while (i < s.size()) {
                const char c = s[i];
                if (c == '\'' || c == '"') {
                    pythonString(s, i);
                    continue;
                }
                if (c == '[' || c == '{' || c == '(')
                    ++depth;
                else if ((c == ']' || c == '}' || c == ')') && depth > 0)
                    --depth;
                else if ((c == ',' || c == '}') && depth == 0)
                    break;
                ++i;
            }
            value = trim(s.substr(start, i - start));
            if (value == "None")
                value.clear();
        }
        pairs.emplace_back(std::move(key), std::move(value));
        skipSpace();
        if (i < s.size() && s[i] == ',')
            ++i;
    }
    return pairs;
}

struct ModelInfo {
    std::string name;
    std::vector<std::pair<std::string, std::string>> params;
};

bool readModel(const Json& entry, ModelInfo& model, std::string& err) {
    const auto it = entry.find("model");
    if (it == entry.end() || it->is_null())
        return true;
    if (it->is_object()) {
        for (const auto& [k, v] : it->items()) {
            if (k == "name")
                model.name = v.is_string() ? trim(v.get<std::string>()) : std::string();
            else
                model.params.emplace_back(k, metaText(v));
        }
        return true;
    }
    if (!it->is_string()) {
        err = std::string("'model' must be a string or an object, found ") + typeName(*it);
        return false;
    }
    const std::string text = trim(it->get<std::string>());
    if (text.empty() || text.front() != '{') {
        model.name = text; // a plain model name
        return true;
    }
    for (auto& [k, v] : pythonDictPairs(text)) {
        if (k == "name")
            model.name = trim(v);
        else
            model.params.emplace_back(std::move(k), std::move(v));
    }
    return true;
}

struct Item {
    std::string id;
    std::string question;
    std::vector<AnswerOption> options;
    std::string gold;
};

bool readItem(const Json& item, Item& out, std::string& err) {
    if (!item.is_object()) {
        err = std::string("expected an item object, found ") + typeName(item);
        return false;
    }
    const auto id = item.find("id");
    if (id == item.end() || id->is_null()) {
        err = "missing required field 'id'";
        return false;
    }
    if (!idText(*id, "id", out.id, err) || !requiredString(item, "question", out.question, err))
        return false;
    if (const auto choices = item.find("choices");
        choices != item.end() && !parseOptions(*choices, "choices", out.options, err))
        return false;
    if (const auto answer = item.find("answer"); answer != item.end() && !answer->is_null()) {
        std::string text;
        if (answer->is_string()) {
            text = answer->get<std::string>();
        } else if (answer->is_array()) {
            if (!answer->empty() && !(*answer)[0].is_string()) {
                err = std::string("'answer[0]' must be a string, found ") + typeName((*answer)[0]);
                return false;
            }
            if (!answer->empty())
                text = (*answer)[0].get<std::string>();
        } else {
            err = std::string("'answer' must be an array of texts, found ") + typeName(*answer);
            return false;
        }
        // The gold answer is stored as the option's text; the label is what predictions
        // are compared with.
        out.gold = text;
        int match = -1;
        for (std::size_t i = 0; i < out.options.size() && match < 0; ++i)
            if (out.options[i].text == text)
                match = int(i);
        const std::string norm = normalizeName(text);
        for (std::size_t i = 0; i < out.options.size() && match < 0 && !norm.empty(); ++i)
            if (normalizeName(out.options[i].text) == norm)
                match = int(i);
        if (match >= 0)
            out.gold = out.options[std::size_t(match)].label;
    }
    return true;
}

// The first entry of "answers", checked for type.
bool readAnswer(const Json& entry, const Json*& answer, std::string& err) {
    answer = nullptr;
    const auto it = entry.find("answers");
    if (it == entry.end() || it->is_null())
        return true;
    if (!it->is_array()) {
        err = std::string("'answers' must be an array, found ") + typeName(*it);
        return false;
    }
    if (it->empty())
        return true;
    if (!(*it)[0].is_object()) {
        err = std::string("'answers[0]' must be an object, found ") + typeName((*it)[0]);
        return false;
    }
    answer = &(*it)[0];
    for (const char* key : {"answer", "answer_from_choices", "answer_extraction"}) {
        if (const auto v = answer->find(key);
            v != answer->end() && !v->is_null() && !v->is_string()) {
            err = std::string("'answers[0].") + key + "' must be a string, found " + typeName(*v);
            return false;
        }
    }
    if (const auto c = answer->find("correct_answer");
        c != answer->end() && !c->is_null() && !c->is_boolean()) {
        err = std::string("'answers[0].correct_answer' must be true, false or null, found ") +
              typeName(*c);
        return false;
    }
    return true;
}

// Prediction: answer_from_choices when given, else what the extracted answer text names,
// else what the reasoning itself concludes (unless the answer text is ambiguous, which
// the reasoning then is as well).
std::string predictionOf(const Item& item, const Json* answer, const std::string& cot) {
    std::string fromChoices, answerText;
    if (answer) {
        if (const auto it = answer->find("answer_from_choices");
            it != answer->end() && it->is_string())
            fromChoices = trim(it->get<std::string>());
        if (const auto it = answer->find("answer"); it != answer->end() && it->is_string())
            answerText = it->get<std::string>();
    }
    if (item.options.empty())
        return trim(!fromChoices.empty() ? fromChoices : answerText);
    if (!fromChoices.empty()) {
        const int o = optionIndex(item.options, fromChoices);
        return o >= 0 ? item.options[std::size_t(o)].label : fromChoices;
    }
    if (!trim(answerText).empty()) {
        // The answer copied verbatim from a choice, even one spanning lines (a choice with a
        // stray newline and quote in the MedQA examples), is that choice.
        for (const AnswerOption& o : item.options)
            if (trim(o.text) == trim(answerText))
                return o.label;
        const ExtractedAnswer a = extractAnswer(item.options, answerText);
        if (a.option >= 0)
            return item.options[std::size_t(a.option)].label;
        if (a.ambiguous)
            return {};
    }
    const ExtractedAnswer a = extractAnswer(item.options, cot);
    return a.option >= 0 ? item.options[std::size_t(a.option)].label : std::string();
}

class Reader {
public:
    explicit Reader(ImportContext& ctx) : ctx_(ctx) {}

    void run() {
        LoadedDocument doc;
        if (!loadJsonDocument(ctx_, doc))
            return;
        marker_ = doc.invalidMarker;
        const DocumentResult result = streamJsonDocument(
            doc.content, {Container::Object, Container::Object, Container::Array},
            [this](const DocumentPosition& pos, Json&& item) { return onItem(pos, item); },
            [this](const DocumentPosition& pos, const std::string& reason) {
                onShapeError(pos, reason);
            });
        reportDocumentEnd(ctx_, doc, result);
    }

private:
    static std::string where(const DocumentPosition& pos) {
        return pos.path[0] + "/" + pos.path[1] + " record " + std::to_string(pos.ordinal) + ": ";
    }

    void onShapeError(const DocumentPosition& pos, const std::string& reason) {
        switch (pos.path.size()) {
        case 0:
            ctx_.error(0, 0, "the document must be an object of datasets; " + reason);
            break;
        case 1:
            ctx_.error(0, 0,
                       "dataset '" + pos.path[0] + "' must be an object of splits; " + reason);
            break;
        case 2:
            ctx_.error(0, 0,
                       "split '" + pos.path[0] + "/" + pos.path[1] +
                           "' must be an array of items; " + reason);
            break;
        default:
            ctx_.error(0, pos.ordinal, where(pos) + reason);
            break;
        }
    }

    bool invalidUtf8(const Json& v) const { return !marker_.empty() && containsText(v, marker_); }

    bool onItem(const DocumentPosition& pos, const Json& json) {
        if (ctx_.cancelRequested())
            return false;
        const std::string at = where(pos);
        const std::size_t record = pos.ordinal;
        Item item;
        std::string err;
        if (!readItem(json, item, err)) {
            ctx_.error(0, record, at + err);
            return true;
        }
        const auto cots = json.find("generated_cot");
        if (cots != json.end() && !cots->is_null() && !cots->is_array()) {
            ctx_.error(0, record,
                       at + "'generated_cot' must be an array, found " + typeName(*cots));
            return true;
        }
        for (const char* key : {"id", "question", "choices", "answer"}) {
            if (const auto it = json.find(key); it != json.end() && invalidUtf8(*it)) {
                ctx_.error(0, record,
                           at + "invalid UTF-8 in '" + key +
                               "'; the file must be UTF-8, record rejected");
                return true;
            }
        }
        if (cots == json.end() || cots->is_null() || cots->empty()) {
            ++ctx_.summary().questionsWithoutOutputs;
            return true;
        }
        for (std::size_t k = 0; k < cots->size(); ++k)
            onOutput(pos, item, json, (*cots)[k], k + 1);
        return true;
    }

    void onOutput(const DocumentPosition& pos, const Item& item, const Json& itemJson,
                  const Json& entry, std::size_t number) {
        const std::string at = pos.path[0] + "/" + pos.path[1] + " record " +
                               std::to_string(pos.ordinal) + ", generated_cot " +
                               std::to_string(number) + ": ";
        const std::size_t record = pos.ordinal;
        if (!entry.is_object()) {
            ctx_.error(0, record, at + "expected an object, found " + typeName(entry));
            return;
        }
        if (invalidUtf8(entry)) {
            ctx_.error(0, record, at + "invalid UTF-8; the file must be UTF-8, record rejected");
            return;
        }
        Case c;
        std::string err, trigger;
        ModelInfo model;
        const Json* answer = nullptr;
        if (!requiredString(entry, "cot", c.output, err) ||
            !optionalString(entry, "cot_trigger", trigger, err) || !readModel(entry, model, err) ||
            !readAnswer(entry, answer, err)) {
            ctx_.error(0, record, at + err);
            return;
        }
        if (const auto id = entry.find("id"); id != entry.end() && !id->is_null()) {
            if (!idText(*id, "id", c.key, err)) {
                ctx_.error(0, record, at + err);
                return;
            }
        } else {
            c.key = ctx_.defaultKey(record) + "." + std::to_string(number);
        }
        c.dataset = pos.path[0];
        c.questionId = c.dataset + ":" + item.id;
        c.model = model.name;
        trigger = trim(trigger);
        if (model.name.empty() && trigger.empty() && !ctx_.options().includeUnnamedRuns) {
            ++ctx_.summary().skippedUnnamedOutputs;
            return;
        }
        c.run = (model.name.empty() ? std::string(kUnnamedModel) : model.name) +
                (trigger.empty() ? "" : "/" + trigger);
        c.question = item.question;
        c.options = item.options;
        c.gold = item.gold;
        c.prediction = predictionOf(item, answer, c.output);
        // Correctness only as ThoughtSource judged it: an output it did not score (a
        // critique, an answer naming several options) stays unknown.
        if (answer) {
            if (const auto ca = answer->find("correct_answer");
                ca != answer->end() && ca->is_boolean())
                c.correct = ca->get<bool>();
        }

        c.meta.emplace_back("split", pos.path[1]);
        if (!trigger.empty())
            c.meta.emplace_back("cot_trigger", trigger);
        for (const auto& [k, v] : model.params)
            c.meta.emplace_back("model." + k, v);
        for (const char* key : {"api_service", "author", "date"}) {
            std::string v;
            if (optionalString(entry, key, v, err) && !v.empty())
                c.meta.emplace_back(key, v);
        }
        if (answer) {
            std::string v;
            if (optionalString(*answer, "answer", v, err) && !trim(v).empty())
                c.meta.emplace_back("answer_text", trim(v));
            v.clear();
            if (optionalString(*answer, "answer_extraction", v, err) && !v.empty())
                c.meta.emplace_back("answer_extraction", v);
        }
        if (const auto t = itemJson.find("type"); t != itemJson.end() && t->is_string())
            c.meta.emplace_back("question_type", t->get<std::string>());
        if (const auto notes = entry.find("annotations");
            notes != entry.end() && notes->is_array()) {
            for (const Json& n : *notes) {
                if (n.is_object() && n.contains("key") && n["key"].is_string() &&
                    n.contains("value"))
                    c.meta.emplace_back("annotation." + n["key"].get<std::string>(),
                                        metaText(n["value"]));
            }
        }
        ctx_.emit(std::move(c), 0, record, at);
    }

    ImportContext& ctx_;
    std::string marker_;
};

} // namespace

void readThoughtSource(ImportContext& ctx) {
    Reader(ctx).run();
}

} // namespace rs::importers
