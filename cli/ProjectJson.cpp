#include "ProjectJson.h"

#include "CaseResultCodec.h"
#include "CaseResultJson.h"
#include "ProjectStore.h"

#include <nlohmann/json.hpp>

#include <ostream>

namespace rs {

namespace {

using nlohmann::json;

json summaryJson(const ProjectStore::Summary& s) {
    std::int64_t correct = 0, incorrect = 0;
    for (const auto& r : s.runs) {
        correct += r.correct;
        incorrect += r.incorrect;
    }
    json findings = json::object();
    for (const auto& [type, n] : s.findingsByType) {
        json t = {{"total", n}};
        if (auto it = s.findingsBySubtype.find(type); it != s.findingsBySubtype.end())
            for (const auto& [sub, m] : it->second)
                t["by_subtype"][sub] = m;
        findings[type] = std::move(t);
    }
    return {{"runs", s.runs.size()},
            {"cases", s.cases},
            {"analysed_cases", s.analysedCases},
            {"correct", correct},
            {"incorrect", incorrect},
            {"unscored", s.cases - correct - incorrect},
            {"accuracy", correct + incorrect ? json(double(correct) / double(correct + incorrect))
                                             : json(nullptr)},
            {"findings", std::move(findings)},
            {"unanchored_cases", s.unanchoredCases},
            {"coverage_gaps", s.coverageGaps},
            {"import_errors", s.importErrors}};
}

} // namespace

bool writeProjectJson(const ProjectStore& store, std::ostream& out, std::string* error) {
    try {
        const ProjectStore::Summary summary = store.summary();
        json head;
        head["version"] = kResultJsonVersion;
        head["generator"] = std::string("reasonscope ") + RS_VERSION;
        head["summary"] = summaryJson(summary);
        json kg = json::array();
        for (const auto& s : store.kgSources())
            kg.push_back({{"path", validUtf8(s.path)},
                          {"format", s.format},
                          {"sha256", s.sha256},
                          {"nodes", s.nodes},
                          {"edges", s.edges}});
        head["kg_sources"] = std::move(kg);
        json runs = json::array();
        for (const auto& r : summary.runs)
            runs.push_back({{"label", validUtf8(r.label)},
                            {"model", validUtf8(r.model)},
                            {"source_file", validUtf8(r.sourceFile)},
                            {"source_sha256", r.sourceSha256},
                            {"cases", r.cases},
                            {"complete", r.complete},
                            {"correct", r.correct},
                            {"incorrect", r.incorrect},
                            {"accuracy", r.accuracy() ? json(*r.accuracy()) : json(nullptr)}});
        head["runs"] = std::move(runs);

        // Stream: the head without its closing brace, then cases one by one, then the rest.
        std::string text = head.dump(1);
        text.pop_back(); // "}"
        while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
            text.pop_back();
        out << text << ",\n \"cases\": [";
        bool first = true;
        // Through the codec, so a project written by an older version comes out in the
        // current shape (and a hand-edited one cannot put anything else in the document).
        store.forEachCase([&](const Case&, const json& analysis) {
            const json stored =
                analysis.is_null() ? json() : encodeCaseResult(decodeCaseResult(analysis));
            out << (first ? "\n  " : ",\n  ") << stored.dump();
            first = false;
        });
        out << "\n ],\n \"patterns\": " << store.patterns().dump();
        json errors = json::array();
        for (const auto& e : store.importErrors())
            errors.push_back({{"file", validUtf8(e.file)},
                              {"line", e.line},
                              {"record", e.record},
                              {"reason", validUtf8(e.reason)},
                              {"message", validUtf8(e.toString())}});
        out << ",\n \"import_errors\": " << errors.dump() << "\n}\n";
        return bool(out);
    } catch (const std::exception& e) {
        if (error)
            *error = e.what();
        return false;
    }
}

} // namespace rs
