#include "AnalysisRows.h"

#include "CaseRowCodec.h"

#include <algorithm>
#include <stdexcept>

namespace rs::store {

using nlohmann::json;

std::string optString(const json& o, const char* key, const std::string& where) {
    auto it = o.find(key);
    if (it == o.end() || it->is_null())
        return {};
    if (!it->is_string())
        throw std::invalid_argument(where + ": \"" + key + "\" must be a string");
    return it->get<std::string>();
}

std::optional<std::int64_t> optInt(const json& o, const char* key, const std::string& where) {
    auto it = o.find(key);
    if (it == o.end() || it->is_null())
        return std::nullopt;
    if (!it->is_number_integer())
        throw std::invalid_argument(where + ": \"" + key + "\" must be an integer");
    return it->get<std::int64_t>();
}

const json* optArray(const json& o, const char* key, const std::string& where) {
    auto it = o.find(key);
    if (it == o.end() || it->is_null())
        return nullptr;
    if (!it->is_array())
        throw std::invalid_argument(where + ": \"" + key + "\" must be an array");
    return &*it;
}

namespace {

FindingRow findingRow(const json& f, const std::string& where) {
    if (!f.is_object())
        throw std::invalid_argument(where + " must be a JSON object");
    FindingRow row;
    row.type = indexOfName(kFindingTypes, optString(f, "type", where));
    if (row.type < 0)
        throw std::invalid_argument(where +
                                    ": type must be relation, branch, missing or grounding");
    row.severity = indexOfName(kFindingSeverities, optString(f, "severity", where));
    if (row.severity < 0)
        throw std::invalid_argument(where + ": severity must be none, minor, major or critical");
    row.subtype = optString(f, "subtype", where);
    row.step = optInt(f, "step", where).value_or(-1);
    const json* nodes = optArray(f, "nodes", where);
    row.nodes = nodes ? dumpJson(*nodes) : "[]";
    if (const json* span = optArray(f, "span", where)) {
        if (span->size() != 2 || !(*span)[0].is_number_integer() || !(*span)[1].is_number_integer())
            throw std::invalid_argument(where + ": span must be [begin, end]");
        row.spanBegin = (*span)[0].get<std::int64_t>();
        row.spanEnd = (*span)[1].get<std::int64_t>();
    }
    row.explanation = optString(f, "explanation", where);
    row.signature = optString(f, "signature", where);
    return row;
}

} // namespace

AnalysisRows analysisRows(const json& r) {
    if (!r.is_object())
        throw std::invalid_argument("analysis result must be a JSON object");
    AnalysisRows rows;
    rows.key = optString(r, "id", "analysis result");
    if (auto it = r.find("correct"); it != r.end() && !it->is_null()) {
        if (!it->is_boolean())
            throw std::invalid_argument("analysis result: \"correct\" must be true, false or null");
        rows.correct = it->get<bool>();
    }
    rows.prediction = optString(r, "prediction", "analysis result");
    rows.unanchoredReason = optString(r, "unanchored_reason", "analysis result");
    if (const json* findings = optArray(r, "findings", "analysis result")) {
        for (std::size_t i = 0; i < findings->size(); ++i) {
            FindingRow row = findingRow((*findings)[i], "finding " + std::to_string(i));
            ++rows.perType[row.type];
            rows.maxSeverity = std::max(rows.maxSeverity, row.severity);
            rows.findings.push_back(std::move(row));
        }
    }
    if (const json* gaps = optArray(r, "coverage_gaps", "analysis result")) {
        for (std::size_t i = 0; i < gaps->size(); ++i) {
            const json& g = (*gaps)[i];
            const std::string where = "coverage gap " + std::to_string(i);
            if (!g.is_object())
                throw std::invalid_argument(where + " must be a JSON object");
            rows.gaps.push_back({optString(g, "text", where), optString(g, "where", where),
                                 optString(g, "reason", where)});
        }
    }
    return rows;
}

std::vector<std::pair<std::string, const char*>> caseConceptRows(const json& r) {
    std::vector<std::pair<std::string, const char*>> out;
    auto add = [&](const json& name, const char* role) {
        if (!name.is_string() || name.get_ref<const std::string&>().empty())
            return;
        const std::string& n = name.get_ref<const std::string&>();
        for (const auto& [have, haveRole] : out)
            if (haveRole == role && have == n)
                return;
        out.emplace_back(n, role);
    };
    auto each = [&](const json* array, const char* field, const char* role) {
        if (!array || !array->is_array())
            return;
        for (const json& e : *array) {
            if (!field)
                add(e, role);
            else if (e.is_object())
                if (auto it = e.find(field); it != e.end())
                    add(*it, role);
        }
    };
    auto member = [](const json& o, const char* key) -> const json* {
        if (!o.is_object())
            return nullptr;
        auto it = o.find(key);
        return it == o.end() ? nullptr : &*it;
    };
    each(member(r, "reasoning_path"), "name", "mention");
    each(member(r, "mentions"), "node", "mention");
    if (const json* anchors = member(r, "anchors"))
        each(member(*anchors, "evidence"), nullptr, "evidence");
    return out;
}

} // namespace rs::store
