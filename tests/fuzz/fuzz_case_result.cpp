// Readers of a stored case result (the analysis JSON a project keeps per case): its
// decoding, the path diagram's input and the string fields reports take, on any JSON a hand-edited
// or older project may hold.
#include "CaseResultCodec.h"
#include "CaseResultJson.h"
#include "FuzzSupport.h"
#include "PathDiagram.h"

#include <nlohmann/json.hpp>

#include <set>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using nlohmann::json;
    const json j = json::parse(data, data + size, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded())
        return 0;
    for (const char* key : {"id", "unanchored_reason", "prediction", "question"})
        (void)rs::stringField(j, key);
    // Decoding keeps what it can read and lists the rest; the diagram takes the result.
    std::vector<std::string> problems;
    const rs::CaseResult result = rs::decodeCaseResult(j, &problems);
    for (const std::string& p : problems)
        rs::fuzz::check(!p.empty(), "a decoding problem without a message");
    const rs::LayoutInput layout = rs::pathDiagramLayout(result);
    std::set<std::string> ids;
    for (const rs::LayoutNode& n : layout.nodes)
        rs::fuzz::check(ids.insert(n.id).second, "two diagram nodes with one id");
    for (const rs::LayoutEdge& e : layout.edges)
        rs::fuzz::check(ids.count(e.from) && ids.count(e.to),
                        "a diagram edge to a node that is not there");
    (void)rs::validUtf8(j.dump(-1, ' ', false, json::error_handler_t::replace));
    return 0;
}
