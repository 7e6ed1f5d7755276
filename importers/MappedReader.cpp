// Any other JSON layout, described by a FieldMapping: a JSON array document of objects,
// JSONL of objects, one (pretty-printed) object holding one record, or an object of
// records keyed by id (the key is the id when id is not mapped). The run is the mapped
// run, else the mapped model, else the file name (the folder name for a folder).
// Without a mapped question_id or id, the question id is a hash of the normalized
// question text, so the same question still pairs across runs.
// reasoning= names a reasoning model's trace: it becomes the output that is analysed, and
// the mapped output is then the final answer, kept apart. prediction= may hold a whole
// response: a stated final answer in it ("### Answer:\nX") is taken. correct= is the
// file's own verdict and wins over any computed one.
#include "Answers.h"
#include "FinalAnswer.h"
#include "InputFile.h"
#include "JsonDocumentStream.h"
#include "JsonLines.h"
#include "Readers.h"
#include "Sha256.h"
#include "TextNormalizer.h"

#include <cctype>

namespace rs::importers {

namespace {

// The first character of the file that is not white space or a byte-order mark, or 0.
char firstSignificant(const std::string& path) {
    InputFile in;
    if (!in.open(path))
        return 0;
    std::string line;
    for (int n = 0; n < 1000 && in.readLine(line); ++n) {
        if (n == 0 && line.rfind("\xEF\xBB\xBF", 0) == 0)
            line.erase(0, 3);
        for (const char c : line)
            if (!std::isspace(static_cast<unsigned char>(c)))
                return c;
    }
    return 0;
}

class Mapper {
public:
    explicit Mapper(const FieldMapping& m) : m_(m) {}

    // Builds the case for one record, or returns false with err.
    bool build(const Json& rec, Case& c, std::string& err) const {
        if (!rec.is_object()) {
            err = std::string("expected an object, found ") + typeName(rec);
            return false;
        }
        const Json* v = nullptr;
        const bool hasReasoning = !m_.source("reasoning").empty();
        std::string output, reasoning;
        if (!text(rec, "question", true, c.question, err) ||
            !text(rec, "output", !hasReasoning, output, err) ||
            !text(rec, "reasoning", false, reasoning, err) ||
            !text(rec, "model", false, c.model, err) || !text(rec, "run", false, c.run, err))
            return false;
        if (hasReasoning && reasoning.empty() && output.empty()) {
            err = "missing " + describe("reasoning") + " and no output";
            return false;
        }
        if (hasReasoning && !reasoning.empty()) {
            c.output = std::move(reasoning);
            c.finalAnswer = std::move(output);
        } else {
            c.output = std::move(output);
        }
        if (c.question.find_first_not_of(" \t\r\n") == std::string::npos) {
            err = describe("question") + " is empty";
            return false;
        }
        if ((v = find(rec, "id")) && !idText(*v, m_.source("id").c_str(), c.key, err))
            return false;
        if ((v = find(rec, "question_id")) &&
            !idText(*v, m_.source("question_id").c_str(), c.questionId, err))
            return false;
        if ((v = find(rec, "options")) &&
            !parseOptions(*v, m_.source("options").c_str(), c.options, err))
            return false;
        if ((v = find(rec, "gold")) &&
            !answerText(*v, m_.source("gold").c_str(), c.options, c.gold, err))
            return false;
        if ((v = find(rec, "prediction")) &&
            !answerText(*v, m_.source("prediction").c_str(), c.options, c.prediction, err))
            return false;
        if (const std::string stated = statedFinalAnswer(c.prediction); !stated.empty())
            c.prediction = stated;
        if ((v = find(rec, "correct"))) {
            const std::optional<bool> verdict = v->is_boolean()
                                                    ? std::optional<bool>(v->get<bool>())
                                                : v->is_number() ? verdictOf(v->dump())
                                                : v->is_string() ? verdictOf(v->get<std::string>())
                                                                 : std::nullopt;
            if (!verdict) {
                err = describe("correct") +
                      " must be a verdict (true/false, 1/0, yes/no, correct/incorrect), found " +
                      (v->is_string() ? "'" + v->get<std::string>() + "'" : typeName(*v));
                return false;
            }
            c.correct = verdict;
        }
        if (c.questionId.empty())
            c.questionId = !c.key.empty()
                               ? c.key
                               : "q:" + Sha256::hex(normalizeName(c.question)).substr(0, 16);
        settleAnswers(c);
        scoreFreeText(c);
        return true;
    }

    // Whether the mapped question is found in this object: then it is one record.
    bool holdsRecord(const Json& obj) const { return find(obj, "question") != nullptr; }

private:
    const Json* find(const Json& rec, const char* target) const {
        const std::string src = m_.source(target);
        if (src.empty())
            return nullptr;
        const Json* v = resolvePath(rec, src);
        return v && !v->is_null() ? v : nullptr;
    }

    std::string describe(const char* target) const {
        return "'" + m_.source(target) + "' (mapped to " + target + ")";
    }

    bool text(const Json& rec, const char* target, bool required, std::string& out,
              std::string& err) const {
        const Json* v = find(rec, target);
        if (!v) {
            if (required)
                err = "missing " + describe(target);
            return !required;
        }
        if (!v->is_string()) {
            err = describe(target) + " must be a string, found " + typeName(*v);
            return false;
        }
        out = v->get<std::string>();
        return true;
    }

    const FieldMapping& m_;
};

} // namespace

namespace {

// keyFromFile: the case id the file gives a record that maps none (its key in an id-keyed
// object, which also names the question; or the name of a one-record file, which does not).
void emitRecord(ImportContext& ctx, const Mapper& mapper, const Json& rec, std::size_t line,
                std::size_t record, const std::string& keyFromFile = {},
                bool keyNamesQuestion = false) {
    Case c;
    std::string err;
    if (!mapper.build(rec, c, err)) {
        ctx.error(line, record, err);
        return;
    }
    if (c.key.empty() && !keyFromFile.empty()) {
        c.key = keyFromFile;
        if (keyNamesQuestion && c.questionId.rfind("q:", 0) == 0)
            c.questionId = keyFromFile;
    }
    ctx.emit(std::move(c), line, record);
}

// JSONL rather than one object spread over lines: the first non-blank line is a whole
// object and either holds a record itself or is followed by more lines. Decided from the
// first lines only, so that a large JSONL file is never loaded whole.
bool looksLikeJsonLines(const std::string& path, const Mapper& mapper) {
    InputFile in;
    if (!in.open(path))
        return true; // the line reader reports why
    std::string line;
    Json first;
    bool haveFirst = false;
    while (in.readLine(line)) {
        if (line.find_first_not_of(" \t\r") == std::string::npos)
            continue;
        if (haveFirst)
            return true; // a second non-blank line after a whole object
        if (in.lineNumber() == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0)
            line.erase(0, 3);
        if (nestingDepth(line) > kMaxJsonDepth)
            return true; // the line reader reports it
        try {
            first = Json::parse(line);
        } catch (const Json::exception&) {
            return false; // an object spread over lines
        }
        if (!first.is_object() || mapper.holdsRecord(first))
            return true;
        haveFirst = true; // an object on one line: records keyed by id if nothing follows
    }
    return false;
}

// A document that is one JSON object: one record, or records keyed by id. False when the
// content is not one JSON value (JSONL, or broken): the caller reads it line by line.
bool readObjectDocument(ImportContext& ctx, const Mapper& mapper, const FieldMapping& mapping) {
    LoadedDocument doc;
    if (!loadJsonDocument(ctx, doc))
        return true;
    Json root;
    if (nestingDepth(doc.content) > kMaxJsonDepth) {
        ctx.error(0, 0,
                  "the JSON object is nested more than " + std::to_string(kMaxJsonDepth) +
                      " levels deep");
        return true;
    }
    try {
        root = Json::parse(doc.content);
    } catch (const Json::exception&) {
        return false;
    }
    if (!root.is_object())
        return false;
    if (!doc.invalidMarker.empty() && containsText(root, doc.invalidMarker)) {
        ctx.error(0, 1, "invalid UTF-8; the file must be UTF-8, record rejected");
        return true;
    }
    if (mapper.holdsRecord(root)) {
        // One record per file: without a mapped id the file's name is the case's id.
        emitRecord(ctx, mapper, root, 0, 1,
                   mapping.source("id").empty() ? ctx.fileStem() : std::string());
        return true;
    }
    std::size_t ordinal = 0;
    for (const auto& [key, value] : root.items()) {
        ++ordinal;
        if (ctx.cancelRequested())
            return true;
        if (!value.is_object()) {
            ctx.error(0, ordinal,
                      "'" + key + "': expected a record (an object), found " + typeName(value) +
                          "; the file is one JSON object in which '" + mapping.source("question") +
                          "' (mapped to question) is not found, so its entries were taken as "
                          "records keyed by id; "
                          "if the question is elsewhere, map it there (--map question=<path>,...)");
            continue;
        }
        emitRecord(ctx, mapper, value, 0, ordinal,
                   mapping.source("id").empty() ? key : std::string(), true);
    }
    if (ordinal == 0)
        ctx.error(0, 0, "no records: the file is an empty JSON object");
    return true;
}

} // namespace

void readMapped(ImportContext& ctx, const FieldMapping& mapping) {
    const Mapper mapper(mapping);
    const char first = firstSignificant(ctx.path());
    if (first == '{' && !looksLikeJsonLines(ctx.path(), mapper) &&
        readObjectDocument(ctx, mapper, mapping))
        return;
    if (first != '[') {
        forEachJsonLine(ctx, ctx.path(), [&](Json& rec, std::size_t line) {
            emitRecord(ctx, mapper, rec, line, 0);
            return true;
        });
        return;
    }
    LoadedDocument doc;
    if (!loadJsonDocument(ctx, doc))
        return;
    const DocumentResult result = streamJsonDocument(
        doc.content, {Container::Array},
        [&](const DocumentPosition& pos, Json&& rec) {
            if (ctx.cancelRequested())
                return false;
            if (!doc.invalidMarker.empty() && containsText(rec, doc.invalidMarker))
                ctx.error(0, pos.ordinal, "invalid UTF-8; the file must be UTF-8, record rejected");
            else
                emitRecord(ctx, mapper, rec, 0, pos.ordinal);
            return true;
        },
        [&](const DocumentPosition& pos, const std::string& reason) {
            ctx.error(0, pos.path.empty() ? 0 : pos.ordinal,
                      pos.path.empty() ? "the document must be an array of records; " + reason
                                       : reason);
        });
    reportDocumentEnd(ctx, doc, result);
}

} // namespace rs::importers
