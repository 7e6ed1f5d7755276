// Tells the formats apart by content, not by file name: the first JSON object of a JSONL
// file, or the shape at the start of a JSON document.
#include "InputFile.h"
#include "JsonDocumentStream.h"
#include "JsonUtil.h"
#include "Readers.h"
#include "Utf8.h"

#include <cctype>

namespace rs::importers {

namespace {

constexpr std::size_t kSniffBytes = std::size_t(1) << 20;
constexpr int kSniffLines = 5;

const char* const kExpected = "expected ThoughtSource JSON ({dataset: {split: [items with "
                              "generated_cot]}}), generic JSONL (id, "
                              "question, output), lm-evaluation-harness samples JSONL (doc_id, "
                              "doc, resps), OpenAI batch output "
                              "JSONL (custom_id, response) or OpenAI chat-completion JSONL "
                              "(choices[].message); any other layout "
                              "needs a field mapping: --map question=<field>,output=<field> (a "
                              "folder, one object per file and an "
                              "object keyed by id are read that way too)";

bool has(const Json& o, const char* key) {
    return o.contains(key);
}

bool isThoughtSourceItem(const Json& item) {
    return item.is_object() &&
           (has(item, "generated_cot") || (has(item, "question") && has(item, "choices")));
}

bool isThoughtSourceDocument(const Json& doc) {
    for (const auto& [ds, splits] : doc.items()) {
        if (!splits.is_object())
            continue;
        for (const auto& [split, items] : splits.items())
            if (items.is_array() && (items.empty() || isThoughtSourceItem(items[0])))
                return true;
    }
    return false;
}

OutputFormat classifyRecord(const Json& o) {
    if (has(o, "custom_id") && (has(o, "response") || has(o, "error")))
        return OutputFormat::OpenAiBatch;
    if (has(o, "doc_id") &&
        (has(o, "doc") || has(o, "resps") || has(o, "filtered_resps") || has(o, "arguments")))
        return OutputFormat::LmEvalHarness;
    if (const auto obj = o.find("object"); obj != o.end() && *obj == "chat.completion")
        return OutputFormat::OpenAiChat;
    if (const auto ch = o.find("choices"); ch != o.end() && ch->is_array() && !ch->empty() &&
                                           (*ch)[0].is_object() && (*ch)[0].contains("message"))
        return OutputFormat::OpenAiChat;
    if (has(o, "id") && (has(o, "question") || has(o, "output")))
        return OutputFormat::GenericJsonl;
    if (isThoughtSourceDocument(o))
        return OutputFormat::ThoughtSource;
    return OutputFormat::Unknown;
}

std::string keyList(const Json& o) {
    std::string s;
    std::size_t n = 0;
    for (const auto& [k, v] : o.items()) {
        if (++n > 12) {
            s += ", ...";
            break;
        }
        s += (s.empty() ? "" : ", ") + k;
    }
    return s;
}

bool parseObject(const std::string& line, Json& out, std::string& err) {
    if (nestingDepth(line) > kMaxJsonDepth) {
        err = "nested too deeply";
        return false;
    }
    try {
        out = Json::parse(line);
    } catch (const Json::parse_error& e) {
        err = describeParseError(e, false);
        return false;
    } catch (const Json::exception& e) {
        err = describeJsonValueError(e);
        return false;
    }
    return out.is_object();
}

// Whether the start of a (pretty-printed) document has ThoughtSource's shape. The prefix
// may end anywhere; only the first complete item is looked at.
bool thoughtSourcePrefix(const std::string& prefix) {
    bool found = false;
    streamJsonDocument(
        prefix, {Container::Object, Container::Object, Container::Array},
        [&](const DocumentPosition&, Json&& item) {
            found = isThoughtSourceItem(item);
            return false;
        },
        [](const DocumentPosition&, const std::string&) {});
    return found;
}

} // namespace

SniffResult sniffFile(const std::string& path) {
    SniffResult r;
    InputFile in;
    if (!in.open(path)) {
        r.error = in.error();
        return r;
    }
    std::vector<std::string> lines; // the first non-blank lines
    std::string prefix, line;
    while (prefix.size() < kSniffBytes && in.readLine(line)) {
        if (in.lineNumber() == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0)
            line.erase(0, 3);
        // Bad bytes are the reader's to report per record; here they must not hide the shape.
        if (!utf8::isValid(line))
            line = utf8::repair(line);
        prefix += line;
        prefix += '\n';
        if (line.find_first_not_of(" \t\r") != std::string::npos &&
            lines.size() < std::size_t(kSniffLines))
            lines.push_back(line);
    }
    if (lines.empty()) {
        r.empty = in.error().empty();
        r.error = in.error().empty() ? "the file is empty" : in.error();
        return r;
    }
    const std::size_t first = lines[0].find_first_not_of(" \t\r");
    const char c = lines[0][first];
    if (c == '[') {
        r.error = "a JSON array document, which none of the known formats is; import it with a "
                  "field mapping "
                  "(--map question=<field>,output=<field>)";
        return r;
    }
    if (c != '{') {
        const bool printable = std::isprint(static_cast<unsigned char>(c)) != 0;
        r.error = std::string("not JSON: the file starts with ") +
                  (printable ? std::string("'") + c + "'" : std::string("a binary byte")) + "; " +
                  kExpected;
        return r;
    }
    Json obj;
    std::string err;
    if (parseObject(lines[0], obj, err)) {
        r.format = classifyRecord(obj);
        if (r.format == OutputFormat::Unknown && has(obj, "custom_id") && has(obj, "body"))
            r.error =
                "an OpenAI Batch input file (requests with custom_id and body, no answers): give "
                "it as "
                "--questions FILE, and the batch output file (custom_id, response) as --input";
        else if (r.format == OutputFormat::Unknown)
            r.error = "a JSON object with keys " + keyList(obj) + " matches no known format; " +
                      kExpected;
        return r;
    }
    if (thoughtSourcePrefix(prefix)) {
        r.format = OutputFormat::ThoughtSource;
        return r;
    }
    // JSONL whose first line is broken: the next lines decide.
    for (std::size_t i = 1; i < lines.size(); ++i) {
        std::string ignored;
        if (parseObject(lines[i], obj, ignored) &&
            (r.format = classifyRecord(obj)) != OutputFormat::Unknown)
            return r;
    }
    r.format = OutputFormat::Unknown;
    r.error =
        "JSON that is neither a known document nor JSONL (first line: " + err + "); " + kExpected;
    return r;
}

} // namespace rs::importers
