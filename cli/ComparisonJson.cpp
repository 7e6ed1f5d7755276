#include "ComparisonJson.h"

#include "CaseResultJson.h"
#include "FindingKinds.h"

namespace rs {

using nlohmann::json;

namespace {

json optionalNumber(std::optional<double> v) {
    return v ? json(*v) : json();
}

json runJson(const ProjectStore::RunInfo& r) {
    return {{"label", validUtf8(r.label)},
            {"model", validUtf8(r.model)},
            {"source_file", validUtf8(r.sourceFile)},
            {"source_sha256", r.sourceSha256},
            {"cases", r.cases},
            {"correct", r.correct},
            {"incorrect", r.incorrect},
            {"accuracy", optionalNumber(r.accuracy())},
            {"complete", r.complete}};
}

json unpairedJson(const UnpairedCases& u) {
    return {{"no_question_id", u.noQuestionId},
            {"only_in_this_run", u.onlyInThisRun},
            {"asked_several_times", u.askedSeveralTimes},
            {"total", u.total()}};
}

json countJson(const FindingCountChange& f) {
    json o = {{"type", f.type}};
    if (!f.subtype.empty())
        o["subtype"] = validUtf8(f.subtype);
    o["base"] = f.baseFindings;
    o["head"] = f.headFindings;
    o["change"] = f.change();
    o["base_questions"] = f.baseCases;
    o["head_questions"] = f.headCases;
    return o;
}

json sideJson(const ComparedSide& s) {
    json findings = json::object();
    for (std::size_t t = 0; t < kAllFindingTypes.size(); ++t)
        findings[findingTypeName(kAllFindingTypes[t])] = s.findingsByType[t];
    return {{"case", validUtf8(s.caseKey)},
            {"correct", s.correct ? json(*s.correct) : json()},
            {"analysed", s.analysed},
            {"findings", findings},
            {"review", s.reviewState.empty() ? json() : json(validUtf8(s.reviewState))}};
}

json involvementJson(const std::vector<RegressionInvolvement>& items) {
    json out = json::array();
    for (const auto& i : items)
        out.push_back({{"name", validUtf8(i.name)}, {"questions", i.questions}});
    return out;
}

} // namespace

json comparisonJson(const RunComparison& c) {
    json o;
    o["version"] = kComparisonJsonVersion;
    o["kind"] = "run_comparison";
    o["generator"] = std::string("reasonscope ") + RS_VERSION;
    o["base"] = runJson(c.base);
    o["head"] = runJson(c.head);
    o["pairing"] = {
        {"paired", std::int64_t(c.questions.size())},
        {"scored", c.accuracy.scoredPairs},
        {"unscored", c.unscoredPairs},
        {"unpaired",
         {{"base", unpairedJson(c.baseUnpaired)}, {"head", unpairedJson(c.headUnpaired)}}}};
    const PairedAccuracy& a = c.accuracy;
    const bool scored = a.scoredPairs > 0;
    o["accuracy"] = {
        {"base", scored ? json(a.base) : json()},
        {"head", scored ? json(a.head) : json()},
        {"difference", scored ? json(a.difference) : json()},
        {"ci95", scored ? json::array({a.difference95.low, a.difference95.high}) : json()},
        {"ci_method", "newcombe_hybrid_score"},
        {"mcnemar_exact_p", a.mcnemarP}};
    json cells = json::object();
    for (CorrectnessCell cell : kScoredCells) {
        json ids = json::array();
        for (const auto& id : c.cells[std::size_t(cell)])
            ids.push_back(validUtf8(id));
        cells[correctnessCellName(cell)] = {{"count", c.count(cell)}, {"questions", ids}};
    }
    o["cells"] = cells;
    json byType = json::array(), bySubtype = json::array();
    for (const auto& f : c.byType)
        byType.push_back(countJson(f));
    for (const auto& f : c.bySubtype)
        bySubtype.push_back(countJson(f));
    o["findings"] = {{"by_type", byType}, {"by_subtype", bySubtype}};
    json patterns = json::array();
    for (const auto& p : c.patterns)
        patterns.push_back({{"signature", validUtf8(p.signature)},
                            {"type", p.type},
                            {"subtype", validUtf8(p.subtype)},
                            {"description", validUtf8(p.description)},
                            {"trend", patternTrendName(p.trend)},
                            {"base_questions", p.baseCases},
                            {"head_questions", p.headCases}});
    o["patterns"] = patterns;
    o["regressions"] = {{"concepts", involvementJson(c.regressionConcepts)},
                        {"relations", involvementJson(c.regressionRelations)}};
    json questions = json::array();
    for (const auto& q : c.questions)
        questions.push_back({{"question_id", validUtf8(q.questionId)},
                             {"cell", correctnessCellName(q.cell)},
                             {"base", sideJson(q.base)},
                             {"head", sideJson(q.head)}});
    o["questions"] = questions;
    return o;
}

} // namespace rs
