#pragma once
// The importer's promises (importers/OutputImporter.h), checked on every fuzz input: no
// exception escapes, every case handed on is valid UTF-8 within the field limit, and the
// summary counts what the sinks received.
#include "FuzzSupport.h"
#include "OutputImporter.h"
#include "Utf8.h"

#include <string>

namespace rs::fuzz {

inline void checkCase(const Case& c) {
    for (const std::string* s :
         {&c.key, &c.question, &c.output, &c.gold, &c.prediction, &c.run, &c.model})
        check(utf8::isValid(*s), "a case field handed on is not valid UTF-8");
    for (const std::string* s : {&c.question, &c.output, &c.gold, &c.prediction})
        check(s->size() <= kMaxFieldBytes, "a case field over kMaxFieldBytes was handed on");
    for (const AnswerOption& o : c.options)
        check(utf8::isValid(o.label) && utf8::isValid(o.text), "an option is not valid UTF-8");
    check(!c.key.empty(), "a case without a key");
}

inline void importAndCheck(const std::string& path, const ImportOptions& options) {
    std::size_t cases = 0, errors = 0;
    const ImportSummary s = importOutputs(
        path, options,
        [&](Case&& c) {
            checkCase(c);
            ++cases;
        },
        [&](ImportError&& e) {
            check(!e.reason.empty(), "an import error without a reason");
            ++errors;
        });
    check(s.imported == cases, "summary.imported differs from the cases handed on");
    check(s.failed == errors, "summary.failed differs from the errors handed on");
}

} // namespace rs::fuzz
