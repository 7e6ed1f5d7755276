#pragma once
// Typed access to untrusted JSON records: each accessor says exactly what was wrong, so a
// bad record can be reported and skipped. Internal to the importers.
#include "Case.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rs::importers {

using Json = nlohmann::json;

// Deeper nesting than this rejects a record: the recursive helpers here (and json::dump)
// would otherwise let one crafted line exhaust the stack. Real records nest 4-6 levels.
inline constexpr int kMaxJsonDepth = 64;

// "a string", "a number", "an object", ... for messages.
const char* typeName(const Json& v);

// Deepest bracket nesting in JSON text, strings skipped; stops counting past limit.
int nestingDepth(std::string_view text, int limit = kMaxJsonDepth + 1);

// "column 37: syntax error while parsing ..." from a nlohmann parse error (the library
// prefix dropped; "line L, " kept only when keepLine).
std::string describeParseError(const std::exception& e, bool keepLine);
// A JSON error that is not a syntax error, in words: a number beyond a double reads
// "number out of range: 1e309 does not fit a double".
std::string describeJsonValueError(const std::exception& e);

// A field that is absent or null is "missing". These return false with err set
// ("'question' must be a string, found a number") on a wrong type.
bool optionalString(const Json& obj, const char* key, std::string& out, std::string& err);
bool requiredString(const Json& obj, const char* key, std::string& out, std::string& err);

// An identifier: a string, or an integer written in decimal. Empty strings are refused.
bool idText(const Json& v, const char* what, std::string& out, std::string& err);

// Option label for a list position: A..Z, then AA, AB, ...
std::string optionLabel(std::size_t index);

// {"A": "text", ...} keeps the keys as labels; ["text", ...] labels by position. Anything
// else, or a non-string option text, is an error naming `what`.
bool parseOptions(const Json& v, const char* what, std::vector<AnswerOption>& out,
                  std::string& err);

// A gold or prediction value: a string as given, or an integer taken as a 0-based option
// index when options exist (the convention of lm-eval targets, MMLU, HellaSwag); otherwise
// the integer as text.
bool answerText(const Json& v, const char* what, const std::vector<AnswerOption>& options,
                std::string& out, std::string& err);

// Resolves a dotted path ("a.b.0.c"); nullptr when absent. See FieldMapping.
const Json* resolvePath(const Json& root, std::string_view path);

// A value as meta text: strings as they are, everything else as compact JSON.
std::string metaText(const Json& v);

// Size check for one text field; err names the field and the size.
bool withinFieldLimit(const std::string& value, std::string_view field, std::string& err);

// A character that stands in for invalid UTF-8 in a JSON document so the document still
// parses and the records that held bad bytes can be found and rejected: a Unicode
// noncharacter (U+FDD0..U+FDEF) that occurs in the content neither raw nor as a \u escape.
std::string invalidUtf8Marker(std::string_view content);

// Whether any string or key in v contains needle.
bool containsText(const Json& v, std::string_view needle);

} // namespace rs::importers
