// The report filter text (`report --filter`, core/CaseFilterSpec). A filter that parses
// must format to a text that parses to the same query (the header's promise).
#include "CaseFilterSpec.h"
#include "FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace rs;
    static const std::vector<ProjectStore::RunInfo> runs = [] {
        std::vector<ProjectStore::RunInfo> r(3);
        r[0].id = 1, r[0].label = "demo-model-a";
        r[1].id = 2, r[1].label = "demo-model-b 2024-06";
        r[2].id = 7, r[2].label = "quote\"and\\slash";
        return r;
    }();
    const std::string text(reinterpret_cast<const char*>(data), size);
    CaseQuery query;
    std::string error;
    if (!parseCaseFilter(text, runs, &query, &error)) {
        fuzz::check(!error.empty(), "a refused filter without a message");
        fuzz::check(query == CaseQuery{}, "a refused filter changed the query");
        return 0;
    }
    const std::string canonical = formatCaseFilter(query, runs);
    CaseQuery again;
    std::string error2;
    fuzz::check(parseCaseFilter(canonical, runs, &again, &error2),
                "the canonical form of a filter does not parse");
    // parse(format(q)) == q, except that a single runId may come back as one of runIds.
    CaseQuery a = query, b = again;
    fuzz::check(formatCaseFilter(b, runs) == canonical,
                "format(parse(format(q))) differs from format(q)");
    (void)a;
    return 0;
}
