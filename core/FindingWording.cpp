#include "FindingWording.h"

#include "FindingKinds.h"
#include "Lexicon.h"

#include <cctype>
#include <sstream>
#include <vector>

namespace rs {

namespace {

bool isUpper(char c) {
    return std::isupper(static_cast<unsigned char>(c)) != 0;
}
bool isLower(char c) {
    return std::islower(static_cast<unsigned char>(c)) != 0;
}

// "Chest" yes; "HIV", "pH", "IgA", "B12" no.
bool titleCaseWord(std::string_view w) {
    if (w.size() < 2 || !isUpper(w[0]))
        return false;
    for (std::size_t i = 1; i < w.size(); ++i)
        if (!isLower(w[i]) && w[i] != '-')
            return false;
    return true;
}

std::string name(const std::string& n) {
    return clinicalName(n);
}

// The claim a relation finding was raised on: same ends, and the same span when it has one.
const CaseResult::Claim* claimOf(const CaseResult& r, const CaseResult::Finding& f) {
    if (f.nodes.size() < 2)
        return nullptr;
    const CaseResult::Claim* sameEnds = nullptr;
    for (const CaseResult::Claim& c : r.claims) {
        if (!c.headLinked || !c.tailLinked || c.head != f.nodes[0] || c.tail != f.nodes[1])
            continue;
        if (!f.span.empty() && c.span == f.span)
            return &c;
        if (!sameEnds)
            sameEnds = &c;
    }
    return sameEnds;
}

std::string relationSummary(const CaseResult& r, const CaseResult::Finding& f) {
    if (f.nodes.size() < 2)
        return {};
    const CaseResult::Claim* c = claimOf(r, f);
    const std::string rel = c ? Lexicon::relationPhrase(c->relation) : std::string("is related to");
    const std::string claim = name(f.nodes[0]) + " " + rel + " " + name(f.nodes[1]);
    const bool hedged = c && c->polarity == Polarity::Hedged;
    const std::string says = hedged ? "Suggests that " : "States that ";
    const auto sub = findingSubtypeFromName(f.subtype);
    if (sub == FindingSubtype::ContradictedNegation)
        return "Rules out that " + claim + ", although it does.";
    if (sub == FindingSubtype::WrongRelation)
        return says + claim + "; the two are related otherwise.";
    if (sub == FindingSubtype::NotInCompleteList)
        return says + claim + ", which the complete reference list for " + name(f.nodes[0]) +
               " does not include.";
    return says + claim + ", which the knowledge graph does not support.";
}

std::string answerName(const CaseResult& r, bool predicted) {
    const auto& c = predicted ? r.anchors.predicted : r.anchors.gold;
    return c ? name(c->name) : std::string();
}

std::string branchSummary(const CaseResult& r, const CaseResult::Finding& f) {
    if (f.nodes.size() < 3)
        return {};
    const std::string d = name(f.nodes[0]), x = name(f.nodes[1]), y = name(f.nodes[2]);
    const std::string predicted = answerName(r, true), gold = answerName(r, false);
    // "branch/x over y": x and y stand in the same relation to d, which does not decide
    // between them; a fourth node is the concept of the case that does (ErrorClassifier).
    if (f.signature.find(" over ") != std::string::npos) {
        std::string s = "Chose " + x + " over " + y + "; both relate to " + d +
                        " alike, so it does not decide between them";
        if (f.nodes.size() > 3)
            s += ", while " + name(f.nodes[3]) + " points to " + y + " only";
        return s + ".";
    }
    const bool jump = findingSubtypeFromName(f.subtype) == FindingSubtype::Jump;
    std::string s = (jump ? "Jumped from " : "Went from ") + d + " to " + x;
    if (jump)
        s += ", which nothing links to it,";
    if (!predicted.empty() && predicted != x)
        s += " and concluded " + predicted;
    else if (!predicted.empty())
        s += " as the answer";
    s += "; the question's findings point to " + y;
    if (!gold.empty() && gold != y)
        s += " and " + gold;
    return s + ".";
}

std::string missingSummary(const CaseResult& r, const CaseResult::Finding& f) {
    const auto sub = findingSubtypeFromName(f.subtype);
    if (sub == FindingSubtype::MissingIntermediate && f.nodes.size() >= 3)
        return "Never considers " + name(f.nodes[0]) + ", which links " + name(f.nodes[1]) +
               " to " + name(f.nodes[2]) + ".";
    if (sub == FindingSubtype::IgnoredEvidence && f.nodes.size() >= 2) {
        std::string s = "Leaves out the question's " + name(f.nodes[0]) + ", which points to " +
                        name(f.nodes[1]);
        const std::string predicted = answerName(r, true);
        if (!predicted.empty() && predicted != name(f.nodes[1]))
            s += ", and concluded " + predicted + " instead";
        return s + ".";
    }
    return {};
}

std::string groundingSummary(const CaseResult& r, const CaseResult::Finding& f) {
    if (f.image < 0 || std::size_t(f.image) >= r.images.size())
        return {};
    const CaseResult::Image& image = r.images[std::size_t(f.image)];
    if (f.box < 0 || std::size_t(f.box) >= image.boxes.size())
        return {};
    const std::string label = name(image.boxes[std::size_t(f.box)].label);
    const std::string where = " on image " + std::to_string(f.image + 1) + ".";
    switch (findingSubtypeFromName(f.subtype).value_or(FindingSubtype::LowIou)) {
    case FindingSubtype::MissedReference:
        return "Misses the " + label + " the reference marks" + where;
    case FindingSubtype::LabelMismatch:
        return "Calls a region " + label + " that the reference labels otherwise" + where;
    default:
        return "Marks " + label + " in the wrong place" + where;
    }
}

} // namespace

std::string clinicalName(std::string_view conceptName) {
    std::vector<std::string> words;
    std::istringstream in{std::string(conceptName)};
    for (std::string w; in >> w;)
        words.push_back(w);
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        std::string w = words[i];
        const bool possessive = w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0;
        // "Crohn's": a person's name keeps its capital.
        if (!possessive && titleCaseWord(w))
            w[0] = char(std::tolower(static_cast<unsigned char>(w[0])));
        out += (i ? " " : "") + w;
    }
    return out;
}

std::string FindingWording::text() const {
    if (summary.empty())
        return detail;
    if (detail.empty())
        return summary;
    return summary + " " + detail;
}

FindingWording wordFinding(const CaseResult& result, const CaseResult::Finding& finding) {
    FindingWording w;
    w.detail = finding.explanation;
    if (!finding.readable || !finding.type)
        return w;
    switch (*finding.type) {
    case FindingType::Relation:
        w.summary = relationSummary(result, finding);
        break;
    case FindingType::Branch:
        w.summary = branchSummary(result, finding);
        break;
    case FindingType::Missing:
        w.summary = missingSummary(result, finding);
        break;
    case FindingType::Grounding:
        w.summary = groundingSummary(result, finding);
        break;
    default: // a kind worded elsewhere or not yet: the explanation speaks alone
        break;
    }
    return w;
}

} // namespace rs
