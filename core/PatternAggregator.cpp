#include "PatternAggregator.h"

#include "FindingKinds.h"
#include "Lexicon.h"

#include <algorithm>
#include <cctype>

namespace rs {

namespace {

std::string display(std::string_view relation) {
    std::string s(relation);
    std::replace(s.begin(), s.end(), '_', ' ');
    return s;
}

std::string article(std::string_view word) {
    const char c =
        word.empty() ? 'x' : char(std::tolower(static_cast<unsigned char>(word.front())));
    return (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u') ? "an " : "a ";
}

} // namespace

void PatternAggregator::addOne(const std::string& caseKey, const std::string& signature,
                               const std::string& type, const std::string& subtype) {
    if (signature.empty())
        return;
    auto [it, inserted] = entries_.try_emplace(signature);
    Entry& e = it->second;
    if (inserted) {
        e.type = type;
        e.subtype = subtype;
    }
    if (e.caseSet.insert(caseKey).second)
        e.cases.push_back(caseKey);
}

void PatternAggregator::add(const std::string& caseKey, const std::vector<Finding>& findings) {
    for (const Finding& f : findings)
        addOne(caseKey, f.signature, toString(f.type), f.subtype);
}

std::vector<Pattern> PatternAggregator::patterns(std::size_t minCases) const {
    std::vector<Pattern> out;
    for (const auto& [signature, e] : entries_) {
        if (e.cases.size() < std::max<std::size_t>(minCases, 1))
            continue;
        out.push_back(
            Pattern{signature, e.type, e.subtype, describe(signature), e.cases.size(), e.cases});
    }
    std::sort(out.begin(), out.end(), [](const Pattern& a, const Pattern& b) {
        return a.count != b.count ? a.count > b.count : a.signature < b.signature;
    });
    return out;
}

nlohmann::json PatternAggregator::toJson(const std::vector<Pattern>& patterns) {
    nlohmann::json out = nlohmann::json::array();
    for (const Pattern& p : patterns)
        out.push_back({{"signature", p.signature},
                       {"type", p.type},
                       {"subtype", p.subtype},
                       {"description", p.description},
                       {"count", p.count},
                       {"cases", p.cases}});
    return out;
}

nlohmann::json PatternAggregator::toJson(std::size_t minCases) const {
    return toJson(patterns(minCases));
}

namespace {

// "Claims that a Compound treats a Disease ..." from what the signature holds after
// "relation/<subtype>/": "(head,relation,tail)".
std::string describeRelation(std::string_view subtypeName, std::string_view what,
                             std::string_view signature) {
    const std::size_t open = what.find('('), close = what.rfind(')');
    const std::size_t c1 = what.find(',', open), c2 = what.rfind(',', close);
    if (open == std::string_view::npos || close == std::string_view::npos ||
        c1 == std::string_view::npos || c2 == c1 || c2 == std::string_view::npos)
        return std::string(signature);
    const std::string_view head = what.substr(open + 1, c1 - open - 1);
    const std::string_view rel = what.substr(c1 + 1, c2 - c1 - 1);
    const std::string_view tail = what.substr(c2 + 1, close - c2 - 1);
    // "a Disease is a kind of Disease", not "... is a kind of a Disease".
    const std::string triple = article(head) + std::string(head) + " " +
                               Lexicon::relationPhrase(rel) + " " +
                               (rel == "is_a" ? std::string() : article(tail)) + std::string(tail);
    if (subtypeName == findingSubtypeName(FindingSubtype::WrongRelation))
        return "Claims that " + triple + " where the KG relates the two only otherwise";
    if (subtypeName == findingSubtypeName(FindingSubtype::Unsupported))
        return "Claims that " + triple + " with no such KG edge";
    if (subtypeName == findingSubtypeName(FindingSubtype::ContradictedNegation))
        return "Denies that " + triple + " although the KG has the edge";
    return display(subtypeName) + ": " + triple;
}

std::string describeOther(FindingType type, std::string_view subtypeName, std::string_view what) {
    const std::string w(what);
    // A sub-kind counts only under its own type ("missing/low_iou/..." is no grounding).
    const auto is = [&](FindingSubtype k) {
        return subtypeName == findingSubtypeName(k) && findingSubtypeType(k) == type;
    };
    if (is(FindingSubtype::MissingIntermediate))
        return "Never mentions " + w + ", an intermediate on the reference path";
    if (is(FindingSubtype::IgnoredEvidence))
        return "Ignores the question finding " + w + ", which leads to the gold answer";
    if (is(FindingSubtype::LowIou))
        return "Draws the " + w + " box away from the reference box";
    if (is(FindingSubtype::MissedReference))
        return "Draws no box for the reference finding " + w;
    if (is(FindingSubtype::LabelMismatch))
        return "Labels " + w + " a region the reference calls otherwise";
    // Reading signatures carry their own words: "calls low platelets normal".
    if (type == FindingType::Reading && !w.empty())
        return char(std::toupper(static_cast<unsigned char>(w[0]))) + w.substr(1);
    return display(subtypeName) + ": " + w;
}

} // namespace

std::string PatternAggregator::describe(std::string_view signature) {
    const std::size_t s1 = signature.find('/');
    if (s1 == std::string_view::npos)
        return std::string(signature);
    const std::optional<FindingType> type = findingTypeFromName(signature.substr(0, s1));
    const std::string_view rest = signature.substr(s1 + 1);

    if (type == FindingType::Branch) {
        const std::size_t arrow = rest.find(" -> ");
        // "x over y": both stand in the same relation to the divergence (ErrorClassifier).
        if (const std::size_t over = rest.find(" over ");
            arrow == std::string_view::npos && over != std::string_view::npos)
            return "Chooses " + std::string(rest.substr(0, over)) + " over " +
                   std::string(rest.substr(over + 6));
        if (arrow == std::string_view::npos)
            return "Leaves the reference path: " + std::string(rest);
        return "Leaves the reference path at " + std::string(rest.substr(0, arrow)) + " for " +
               std::string(rest.substr(arrow + 4));
    }
    const std::size_t s2 = rest.find('/');
    if (s2 == std::string_view::npos)
        return std::string(signature);
    const std::string_view subtypeName = rest.substr(0, s2);
    const std::string_view what = rest.substr(s2 + 1);
    if (!type)
        return display(subtypeName) + ": " + std::string(what);
    if (*type == FindingType::Relation)
        return describeRelation(subtypeName, what, signature);
    return describeOther(*type, subtypeName, what);
}

} // namespace rs
