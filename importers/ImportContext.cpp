#include "ImportContext.h"

#include "JsonUtil.h"
#include "Utf8.h"

namespace rs::importers {

namespace {

// Checks every text field against the size limit; the first offender is named.
bool caseWithinLimits(const Case& c, std::string& err) {
    const std::pair<const std::string*, const char*> fields[] = {
        {&c.key, "id"},
        {&c.questionId, "question_id"},
        {&c.dataset, "dataset"},
        {&c.run, "run"},
        {&c.model, "model"},
        {&c.question, "question"},
        {&c.gold, "gold"},
        {&c.output, "output"},
        {&c.prediction, "prediction"},
        {&c.finalAnswer, "final answer"},
    };
    for (const auto& [value, name] : fields)
        if (!withinFieldLimit(*value, name, err))
            return false;
    for (const auto& o : c.options)
        if (!withinFieldLimit(o.text, "options." + o.label, err) ||
            !withinFieldLimit(o.label, "options", err))
            return false;
    for (const auto& [k, v] : c.meta)
        if (!withinFieldLimit(v, "meta." + k, err))
            return false;
    for (const auto& t : c.goldPath)
        if (!withinFieldLimit(t.head, "reference_path", err) ||
            !withinFieldLimit(t.relation, "reference_path", err) ||
            !withinFieldLimit(t.tail, "reference_path", err))
            return false;
    return true;
}

// Record text was validated by the JSON parser; what can still be invalid is text built
// from file-system paths (source file, resolved image paths), which is repaired.
void ensureUtf8(std::string& s) {
    if (!utf8::isValid(s))
        s = utf8::repair(s);
}

void ensureUtf8(Case& c) {
    for (std::string* s : {&c.key, &c.questionId, &c.dataset, &c.run, &c.model, &c.sourceFile,
                           &c.question, &c.gold, &c.output, &c.finalAnswer, &c.prediction})
        ensureUtf8(*s);
    for (auto& o : c.options) {
        ensureUtf8(o.label);
        ensureUtf8(o.text);
    }
    for (auto& t : c.goldPath) {
        ensureUtf8(t.head);
        ensureUtf8(t.relation);
        ensureUtf8(t.tail);
    }
    for (auto& img : c.images) {
        ensureUtf8(img.path);
        ensureUtf8(img.modality);
        for (auto& b : img.boxes) {
            ensureUtf8(b.label);
            ensureUtf8(b.source);
        }
    }
    for (auto& [k, v] : c.meta) {
        ensureUtf8(k);
        ensureUtf8(v);
    }
}

std::string stemOf(const std::filesystem::path& p) {
    std::filesystem::path name = p.filename();
    if (name.extension() == ".gz")
        name = name.stem();
    std::string stem = name.stem().string();
    return stem.empty() ? name.string() : stem;
}

} // namespace

ImportContext::ImportContext(const std::string& path, const ImportOptions& options,
                             const CaseSink& onCase, const ErrorSink& onError,
                             ImportSummary& summary)
    : path_(path), options_(options), onCase_(onCase), onError_(onError), summary_(summary) {
    const std::filesystem::path p(path);
    fileName_ = utf8::repair(p.filename().string());
    fileStem_ = utf8::repair(stemOf(p));
    std::error_code ec;
    const std::filesystem::path absolute = std::filesystem::absolute(p, ec);
    directory_ = (ec ? p : absolute).parent_path();
}

bool ImportContext::cancelRequested() {
    if (options_.cancel && options_.cancel->load(std::memory_order_relaxed))
        summary_.cancelled = true;
    return summary_.cancelled;
}

void ImportContext::error(std::size_t line, std::size_t record, std::string reason) {
    errorIn(path_, line, record, std::move(reason));
}

void ImportContext::errorIn(const std::string& file, std::size_t line, std::size_t record,
                            std::string reason) {
    ImportError e;
    e.file = file;
    e.line = line;
    e.record = record;
    // Reasons quote input text now and then; keep them valid UTF-8 for the same consumers.
    e.reason = utf8::isValid(reason) ? std::move(reason) : utf8::repair(reason);
    ++summary_.failed;
    if (onError_)
        onError_(std::move(e));
}

bool ImportContext::emit(Case&& c, std::size_t line, std::size_t record, std::string_view where) {
    c.sourceFile = path_;
    c.sourceRecord = line > 0 ? line : record;
    if (c.key.empty())
        c.key = defaultKey(c.sourceRecord);
    if (!options_.runLabel.empty())
        c.run = options_.runLabel;
    else if (c.run.empty())
        c.run = !c.model.empty() ? c.model : !defaultRun_.empty() ? defaultRun_ : fileStem_;
    std::string err;
    if (!caseWithinLimits(c, err)) {
        error(line, record, std::string(where) + err);
        return false;
    }
    const std::string here =
        line > 0 ? "line " + std::to_string(line) : "record " + std::to_string(record);
    const auto [it, fresh] = seen_.try_emplace(c.run + '\n' + c.key, here);
    if (!fresh) {
        error(line, record,
              std::string(where) + "duplicate id '" + c.key + "' in run '" + c.run +
                  "' (first at " + it->second + "); record rejected");
        return false;
    }
    ensureUtf8(c);
    ++summary_.imported;
    if (onCase_)
        onCase_(std::move(c));
    return true;
}

} // namespace rs::importers
