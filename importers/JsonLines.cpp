#include "JsonLines.h"

#include "InputFile.h"
#include "Utf8.h"

#include <cctype>

namespace rs::importers {

namespace {

bool isBlank(const std::string& s) {
    for (const char c : s)
        if (!std::isspace(static_cast<unsigned char>(c)))
            return false;
    return true;
}

} // namespace

std::size_t forEachJsonLine(ImportContext& ctx, const std::string& file,
                            const std::function<bool(Json& record, std::size_t line)>& onRecord) {
    InputFile in;
    if (!in.open(file)) {
        ctx.errorIn(file, 0, 0, in.error());
        return 0;
    }
    std::size_t records = 0;
    std::string line;
    bool endReported = false;
    while (in.readLine(line)) {
        const std::size_t lineNo = in.lineNumber();
        if (lineNo == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0)
            line.erase(0, 3);
        if (!in.error().empty()) {
            // InputFile hands out what it had before the stream broke: an incomplete line
            // that might even parse, so it is not trusted.
            if (!isBlank(line))
                ++records;
            ctx.errorIn(file, lineNo, 0,
                        in.error() +
                            "; the file ends inside this line, the records before it were kept");
            endReported = true;
            break;
        }
        if (isBlank(line))
            continue;
        ++records;
        if (ctx.cancelRequested())
            break;
        if (in.lastLineTruncated()) {
            ctx.errorIn(file, lineNo, 0,
                        "line is longer than " + std::to_string(InputFile::kMaxLineBytes >> 20) +
                            " MiB; skipped");
            continue;
        }
        if (const auto bad = utf8::firstInvalid(line); bad != std::string::npos) {
            ctx.errorIn(file, lineNo, 0,
                        "invalid UTF-8 (" + utf8::describeInvalid(line, bad) +
                            "); the file must be UTF-8, record rejected");
            continue;
        }
        if (nestingDepth(line) > kMaxJsonDepth) {
            ctx.errorIn(file, lineNo, 0,
                        "JSON nested deeper than " + std::to_string(kMaxJsonDepth) +
                            " levels; record rejected");
            continue;
        }
        Json record;
        try {
            record = Json::parse(line);
        } catch (const Json::parse_error& e) {
            ctx.errorIn(file, lineNo, 0, "malformed JSON at " + describeParseError(e, false));
            continue;
        } catch (const Json::exception& e) {
            // A number beyond a double (1e309) is an out_of_range, not a parse_error; it
            // spoils this record only.
            ctx.errorIn(file, lineNo, 0, describeJsonValueError(e) + "; record rejected");
            continue;
        }
        if (!record.is_object()) {
            ctx.errorIn(file, lineNo, 0,
                        std::string("expected one JSON object per line, found ") +
                            typeName(record));
            continue;
        }
        if (!onRecord(record, lineNo))
            break;
    }
    if (!in.error().empty() && !endReported && !ctx.summary().cancelled)
        ctx.errorIn(file, in.lineNumber() + 1, 0,
                    in.error() + " after line " + std::to_string(in.lineNumber()) +
                        "; the records before it were kept");
    else if (records == 0 && in.error().empty() && !ctx.summary().cancelled)
        ctx.errorIn(file, 0, 0, "no records: the file is empty or has only blank lines");
    return records;
}

} // namespace rs::importers
