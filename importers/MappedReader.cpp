// Any other JSON layout, described by a FieldMapping: a JSON array document of objects, or
// JSONL of objects. The run is the mapped run, else the mapped model, else the file name.
// Without a mapped question_id or id, the question id is a hash of the normalized
// question text, so the same question still pairs across runs.
#include "Answers.h"
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
char firstSignificant(const std::string& path)
{
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
    bool build(const Json& rec, Case& c, std::string& err) const
    {
        if (!rec.is_object()) {
            err = std::string("expected an object, found ") + typeName(rec);
            return false;
        }
        const Json* v = nullptr;
        if (!text(rec, "question", true, c.question, err) || !text(rec, "output", true, c.output, err) ||
            !text(rec, "model", false, c.model, err) || !text(rec, "run", false, c.run, err))
            return false;
        if (c.question.find_first_not_of(" \t\r\n") == std::string::npos) {
            err = describe("question") + " is empty";
            return false;
        }
        if ((v = find(rec, "id")) && !idText(*v, m_.source("id").c_str(), c.key, err))
            return false;
        if ((v = find(rec, "question_id")) && !idText(*v, m_.source("question_id").c_str(), c.questionId, err))
            return false;
        if ((v = find(rec, "options")) && !parseOptions(*v, m_.source("options").c_str(), c.options, err))
            return false;
        if ((v = find(rec, "gold")) && !answerText(*v, m_.source("gold").c_str(), c.options, c.gold, err))
            return false;
        if ((v = find(rec, "prediction")) &&
            !answerText(*v, m_.source("prediction").c_str(), c.options, c.prediction, err))
            return false;
        if (c.questionId.empty())
            c.questionId = !c.key.empty() ? c.key : "q:" + Sha256::hex(normalizeName(c.question)).substr(0, 16);
        settleAnswers(c);
        return true;
    }

private:
    const Json* find(const Json& rec, const char* target) const
    {
        const std::string src = m_.source(target);
        if (src.empty())
            return nullptr;
        const Json* v = resolvePath(rec, src);
        return v && !v->is_null() ? v : nullptr;
    }

    std::string describe(const char* target) const { return "'" + m_.source(target) + "' (mapped to " + target + ")"; }

    bool text(const Json& rec, const char* target, bool required, std::string& out, std::string& err) const
    {
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

void readMapped(ImportContext& ctx, const FieldMapping& mapping)
{
    const Mapper mapper(mapping);
    if (firstSignificant(ctx.path()) != '[') {
        forEachJsonLine(ctx, ctx.path(), [&](Json& rec, std::size_t line) {
            Case c;
            std::string err;
            if (!mapper.build(rec, c, err))
                ctx.error(line, 0, err);
            else
                ctx.emit(std::move(c), line, 0);
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
            Case c;
            std::string err;
            if (!doc.invalidMarker.empty() && containsText(rec, doc.invalidMarker))
                ctx.error(0, pos.ordinal, "invalid UTF-8; the file must be UTF-8, record rejected");
            else if (!mapper.build(rec, c, err))
                ctx.error(0, pos.ordinal, err);
            else
                ctx.emit(std::move(c), 0, pos.ordinal);
            return true;
        },
        [&](const DocumentPosition& pos, const std::string& reason) {
            ctx.error(0, pos.path.empty() ? 0 : pos.ordinal,
                      pos.path.empty() ? "the document must be an array of records; " + reason : reason);
        });
    reportDocumentEnd(ctx, doc, result);
}

} // namespace rs::importers
