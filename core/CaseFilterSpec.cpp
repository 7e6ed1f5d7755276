#include "CaseFilterSpec.h"

#include "FindingKinds.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace rs {

namespace {

const auto& kClasses = findingTypeNames();
constexpr const char* kReviewStates[] = {"confirmed", "rejected", "unsure", "unreviewed"};

bool oneOf(const auto& names, const std::string& s) {
    return std::any_of(std::begin(names), std::end(names), [&](const char* n) { return s == n; });
}

std::string listOf(const auto& names) {
    std::string out;
    for (const char* n : names)
        out += (out.empty() ? "" : ", ") + std::string(n);
    return out;
}

bool needsQuotes(const std::string& v) {
    if (v.empty())
        return true;
    return std::any_of(v.begin(), v.end(), [](unsigned char ch) {
        return std::isspace(ch) || ch == '"' || ch == '\\';
    });
}

std::string quoted(const std::string& v) {
    if (!needsQuotes(v))
        return v;
    std::string out = "\"";
    for (char ch : v) {
        if (ch == '"' || ch == '\\')
            out += '\\';
        out += ch;
    }
    return out + '"';
}

bool parseId(const std::string& s, std::int64_t* out) {
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
    return ec == std::errc() && end == s.data() + s.size() && *out >= 0;
}

} // namespace

bool parseCaseFilter(const std::string& text, const std::vector<ProjectStore::RunInfo>& runs,
                     CaseQuery* query, std::string* error) {
    // Only the filter fields are replaced; the caller's sort stays.
    CaseQuery q;
    q.sort = query->sort;
    q.descending = query->descending;
    bool sawCorrect = false, sawReview = false, sawSearch = false, sawQuestion = false;

    auto fail = [&](std::size_t at, const std::string& why) {
        if (error)
            *error = "filter, at character " + std::to_string(at + 1) + ": " + why;
        return false;
    };
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])))
            ++i;
        if (i >= text.size())
            break;
        const std::size_t termStart = i;
        std::size_t eq = i;
        while (eq < text.size() && text[eq] != '=' &&
               !std::isspace(static_cast<unsigned char>(text[eq])))
            ++eq;
        if (eq >= text.size() || text[eq] != '=')
            return fail(termStart,
                        "\"" + text.substr(termStart, eq - termStart) + "\" is not KEY=VALUE");
        const std::string key = text.substr(termStart, eq - termStart);
        i = eq + 1;
        std::string value;
        if (i < text.size() && text[i] == '"') {
            ++i;
            bool closed = false;
            while (i < text.size()) {
                const char ch = text[i++];
                if (ch == '\\' && i < text.size()) {
                    value += text[i++];
                } else if (ch == '"') {
                    closed = true;
                    break;
                } else {
                    value += ch;
                }
            }
            if (!closed)
                return fail(eq + 1, "the quoted value of " + key + " has no closing quote");
        } else {
            while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i])))
                value += text[i++];
        }
        if (value.empty())
            return fail(eq + 1, key + " needs a value");

        if (key == "run") {
            auto it = std::find_if(runs.begin(), runs.end(),
                                   [&](const auto& r) { return r.label == value; });
            if (it == runs.end())
                return fail(termStart, "no run labelled \"" + value + "\" in the project");
            q.runIds.push_back(it->id);
        } else if (key == "question") {
            if (sawQuestion)
                return fail(termStart, "question given twice");
            sawQuestion = true;
            q.questionId = value;
        } else if (key == "correct") {
            if (sawCorrect)
                return fail(termStart, "correct given twice");
            sawCorrect = true;
            if (value == "yes")
                q.correctness = StoreCorrectness::Correct;
            else if (value == "no")
                q.correctness = StoreCorrectness::Incorrect;
            else if (value == "unscored")
                q.correctness = StoreCorrectness::Unscored;
            else
                return fail(eq + 1, "correct takes yes, no or unscored, not \"" + value + "\"");
        } else if (key == "class") {
            if (!oneOf(kClasses, value))
                return fail(eq + 1, "class takes " + listOf(kClasses) + ", not \"" + value + "\"");
            q.findingTypes.push_back(value);
        } else if (key == "subtype") {
            q.findingSubtypes.push_back(value);
        } else if (key == "pattern") {
            q.signatures.push_back(value);
        } else if (key == "review") {
            if (sawReview)
                return fail(termStart, "review given twice");
            sawReview = true;
            if (!oneOf(kReviewStates, value))
                return fail(eq + 1,
                            "review takes " + listOf(kReviewStates) + ", not \"" + value + "\"");
            q.reviewState = value;
        } else if (key == "search") {
            if (sawSearch)
                return fail(termStart, "search given twice (put the words in one quoted value)");
            sawSearch = true;
            q.search = value;
        } else if (key == "case") {
            std::size_t pos = 0;
            while (pos <= value.size()) {
                std::size_t comma = value.find(',', pos);
                if (comma == std::string::npos)
                    comma = value.size();
                std::int64_t id = 0;
                if (!parseId(value.substr(pos, comma - pos), &id))
                    return fail(eq + 1,
                                "case takes case row ids (whole numbers) separated by commas");
                q.caseIds.push_back(id);
                pos = comma + 1;
            }
        } else {
            return fail(termStart, "unknown filter key \"" + key +
                                       "\" (run, question, correct, class, subtype, pattern, "
                                       "review, search, case)");
        }
    }
    *query = std::move(q);
    if (error)
        error->clear();
    return true;
}

std::string formatCaseFilter(const CaseQuery& q, const std::vector<ProjectStore::RunInfo>& runs) {
    std::vector<std::string> terms;
    auto label = [&](std::int64_t id) {
        auto it = std::find_if(runs.begin(), runs.end(), [&](const auto& r) { return r.id == id; });
        // A run that is gone still has to show up in the description, so as its id.
        return it != runs.end() ? it->label : "#" + std::to_string(id);
    };
    std::vector<std::int64_t> runIds = q.runIds;
    if (q.runId && std::find(runIds.begin(), runIds.end(), *q.runId) == runIds.end())
        runIds.insert(runIds.begin(), *q.runId);
    for (std::int64_t id : runIds)
        terms.push_back("run=" + quoted(label(id)));
    if (q.questionId)
        terms.push_back("question=" + quoted(*q.questionId));
    switch (q.correctness) {
    case StoreCorrectness::Any:
        break;
    case StoreCorrectness::Correct:
        terms.push_back("correct=yes");
        break;
    case StoreCorrectness::Incorrect:
        terms.push_back("correct=no");
        break;
    case StoreCorrectness::Unscored:
        terms.push_back("correct=unscored");
        break;
    }
    for (const auto& t : q.findingTypes)
        terms.push_back("class=" + quoted(t));
    for (const auto& s : q.findingSubtypes)
        terms.push_back("subtype=" + quoted(s));
    for (const auto& s : q.signatures)
        terms.push_back("pattern=" + quoted(s));
    if (q.reviewState)
        terms.push_back("review=" + quoted(*q.reviewState));
    if (!std::all_of(q.search.begin(), q.search.end(),
                     [](unsigned char ch) { return std::isspace(ch); }))
        terms.push_back("search=" + quoted(q.search));
    if (!q.caseIds.empty()) {
        std::string ids;
        for (std::int64_t id : q.caseIds)
            ids += (ids.empty() ? "" : ",") + std::to_string(id);
        terms.push_back("case=" + ids);
    }
    std::string out;
    for (const auto& t : terms)
        out += (out.empty() ? "" : " ") + t;
    return out;
}

} // namespace rs
