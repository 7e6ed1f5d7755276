#include "RunComparison.h"

#include "FindingKinds.h"
#include "PatternAggregator.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>

namespace rs {

static_assert(std::tuple_size_v<decltype(ComparedSide::findingsByType)> == kAllFindingTypes.size());
static_assert(std::tuple_size_v<decltype(ProjectStore::RunCase::findingsByType)> ==
              kAllFindingTypes.size());

const char* correctnessCellName(CorrectnessCell cell) {
    switch (cell) {
    case CorrectnessCell::RightRight:
        return "right_to_right";
    case CorrectnessCell::RightWrong:
        return "right_to_wrong";
    case CorrectnessCell::WrongRight:
        return "wrong_to_right";
    case CorrectnessCell::WrongWrong:
        return "wrong_to_wrong";
    case CorrectnessCell::Unscored:
        break;
    }
    return "unscored";
}

const char* correctnessCellLabel(CorrectnessCell cell) {
    switch (cell) {
    case CorrectnessCell::RightRight:
        return "right → right";
    case CorrectnessCell::RightWrong:
        return "right → wrong (regression)";
    case CorrectnessCell::WrongRight:
        return "wrong → right (fix)";
    case CorrectnessCell::WrongWrong:
        return "wrong → wrong";
    case CorrectnessCell::Unscored:
        break;
    }
    return "unscored";
}

CorrectnessCell correctnessCell(std::optional<bool> base, std::optional<bool> head) {
    if (!base || !head)
        return CorrectnessCell::Unscored;
    if (*base)
        return *head ? CorrectnessCell::RightRight : CorrectnessCell::RightWrong;
    return *head ? CorrectnessCell::WrongRight : CorrectnessCell::WrongWrong;
}

const char* patternTrendName(PatternTrend trend) {
    switch (trend) {
    case PatternTrend::Appeared:
        return "appeared";
    case PatternTrend::Disappeared:
        return "disappeared";
    case PatternTrend::Grew:
        return "grew";
    case PatternTrend::Shrank:
        break;
    }
    return "shrank";
}

namespace {

std::int64_t totalFindings(const ComparedSide& s) {
    std::int64_t n = 0;
    for (std::int64_t v : s.findingsByType)
        n += v;
    return n;
}

ComparedSide sideOf(ProjectStore::RunCase&& c) {
    return {c.id,       std::move(c.key), c.correct,
            c.analysed, c.findingsByType, std::move(c.reviewState)};
}

// The positions of the cases that have a question id, by question id (then case id); the
// others counted as having none.
std::vector<std::uint32_t> byQuestionId(const std::vector<ProjectStore::RunCase>& cases,
                                        UnpairedCases& unpaired) {
    std::vector<std::uint32_t> order;
    order.reserve(cases.size());
    for (std::size_t i = 0; i < cases.size(); ++i) {
        if (cases[i].questionId.empty())
            ++unpaired.noQuestionId;
        else
            order.push_back(std::uint32_t(i));
    }
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return cases[a].questionId < cases[b].questionId;
    });
    return order;
}

// Pairs the two runs' cases one to one by question id (a merge of the two sorted lists, so
// the questions come out in id order); everything else is unpaired with its reason. A
// question asked several times in either run is left out on both sides: a paired test
// needs one answer per side, and picking one would be arbitrary.
void pairQuestions(std::vector<ProjectStore::RunCase> base, std::vector<ProjectStore::RunCase> head,
                   RunComparison& out) {
    const std::vector<std::uint32_t> b = byQuestionId(base, out.baseUnpaired);
    const std::vector<std::uint32_t> h = byQuestionId(head, out.headUnpaired);
    out.questions.reserve(std::min(b.size(), h.size()));
    std::size_t i = 0, j = 0;
    while (i < b.size() || j < h.size()) {
        const std::string* q = nullptr;
        if (j >= h.size() || (i < b.size() && base[b[i]].questionId < head[h[j]].questionId))
            q = &base[b[i]].questionId;
        else
            q = &head[h[j]].questionId;
        std::size_t nb = 0, nh = 0;
        while (i + nb < b.size() && base[b[i + nb]].questionId == *q)
            ++nb;
        while (j + nh < h.size() && head[h[j + nh]].questionId == *q)
            ++nh;
        if (nb == 0 || nh == 0) {
            out.baseUnpaired.onlyInThisRun += std::int64_t(nb);
            out.headUnpaired.onlyInThisRun += std::int64_t(nh);
        } else if (nb > 1 || nh > 1) {
            out.baseUnpaired.askedSeveralTimes += std::int64_t(nb);
            out.headUnpaired.askedSeveralTimes += std::int64_t(nh);
        } else {
            ComparedQuestion cq;
            cq.questionId = *q;
            cq.base = sideOf(std::move(base[b[i]]));
            cq.head = sideOf(std::move(head[h[j]]));
            cq.cell = correctnessCell(cq.base.correct, cq.head.correct);
            out.questions.push_back(std::move(cq));
        }
        i += nb;
        j += nh;
    }
}

void scoreCells(RunComparison& out) {
    PairedTable t;
    for (const auto& q : out.questions) {
        switch (q.cell) {
        case CorrectnessCell::RightRight:
            ++t.bothRight;
            break;
        case CorrectnessCell::RightWrong:
            ++t.secondOnly; // head (first) wrong, base (second) right
            break;
        case CorrectnessCell::WrongRight:
            ++t.firstOnly;
            break;
        case CorrectnessCell::WrongWrong:
            ++t.bothWrong;
            break;
        case CorrectnessCell::Unscored:
            ++out.unscoredPairs;
            continue;
        }
        out.cells[std::size_t(q.cell)].push_back(q.questionId); // already in id order
    }
    PairedAccuracy& a = out.accuracy;
    a.scoredPairs = t.n();
    if (a.scoredPairs > 0) {
        a.base = double(t.bothRight + t.secondOnly) / double(a.scoredPairs);
        a.head = double(t.bothRight + t.firstOnly) / double(a.scoredPairs);
        a.difference = double(t.firstOnly - t.secondOnly) / double(a.scoredPairs);
    }
    a.difference95 = newcombePairedDifference(t);
    a.mcnemarP = mcnemarExactP(t.firstOnly, t.secondOnly);
}

void countTypes(RunComparison& out) {
    for (std::size_t t = 0; t < kAllFindingTypes.size(); ++t) {
        FindingCountChange c;
        c.type = findingTypeName(kAllFindingTypes[t]);
        for (const auto& q : out.questions) {
            c.baseFindings += q.base.findingsByType[t];
            c.headFindings += q.head.findingsByType[t];
            c.baseCases += q.base.findingsByType[t] > 0;
            c.headCases += q.head.findingsByType[t] > 0;
        }
        out.byType.push_back(std::move(c));
    }
}

// Per-side tallies over the finding rows of paired questions.
struct Tally {
    std::int64_t findings[2] = {0, 0};
    std::int64_t cases[2] = {0, 0};
    std::int64_t lastCase[2] = {-1, -1};
    void add(int side, std::int64_t caseId) {
        ++findings[side];
        if (lastCase[side] != caseId) {
            lastCase[side] = caseId;
            ++cases[side];
        }
    }
};

// "relation/wrong_relation/(Compound,treats,Disease)" -> "treats"; "" for other findings.
std::string claimRelation(const std::string& signature) {
    const std::size_t open = signature.find("/(");
    if (!signature.starts_with("relation/") || open == std::string::npos)
        return {};
    const std::size_t first = signature.find(',', open);
    const std::size_t last = signature.rfind(',');
    if (first == std::string::npos || last <= first)
        return {};
    return signature.substr(first + 1, last - first - 1);
}

// A signature's type is its first segment; its sub-kind the second when that names one
// ("branch/d -> x" has none).
std::pair<std::string, std::string> kindOfSignature(const std::string& signature) {
    const std::size_t s1 = signature.find('/');
    if (s1 == std::string::npos)
        return {};
    const std::size_t s2 = signature.find('/', s1 + 1);
    std::string subtype =
        signature.substr(s1 + 1, s2 == std::string::npos ? std::string::npos : s2 - s1 - 1);
    if (!findingSubtypeFromName(subtype))
        subtype.clear();
    return {signature.substr(0, s1), subtype};
}

std::vector<RegressionInvolvement>
topInvolved(const std::map<std::string, std::set<std::int64_t>>& questions, int limit) {
    std::vector<RegressionInvolvement> out;
    for (const auto& [name, ids] : questions)
        out.push_back({name, std::int64_t(ids.size())});
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.questions != b.questions ? a.questions > b.questions : a.name < b.name;
    });
    if (limit > 0 && out.size() > std::size_t(limit))
        out.resize(std::size_t(limit));
    return out;
}

void keepPattern(const std::string& signature, const Tally& t, std::vector<PatternChange>& out) {
    const std::int64_t b = t.cases[0], h = t.cases[1];
    if (b == h || std::max(b, h) < 2)
        return;
    const PatternTrend trend = b == 0   ? PatternTrend::Appeared
                               : h == 0 ? PatternTrend::Disappeared
                               : h > b  ? PatternTrend::Grew
                                        : PatternTrend::Shrank;
    auto [type, subtype] = kindOfSignature(signature);
    out.push_back({signature, std::move(type), std::move(subtype), {}, b, h, trend});
}

void rankPatterns(std::vector<PatternChange> changes, int limit, RunComparison& out) {
    std::stable_sort(changes.begin(), changes.end(), [](const auto& x, const auto& y) {
        const auto dx = std::llabs(x.headCases - x.baseCases);
        const auto dy = std::llabs(y.headCases - y.baseCases);
        if (x.trend != y.trend)
            return x.trend < y.trend;
        return dx != dy ? dx > dy : x.signature < y.signature;
    });
    std::map<PatternTrend, int> kept;
    for (auto& c : changes)
        if (limit <= 0 || kept[c.trend]++ < limit) {
            c.description = PatternAggregator::describe(c.signature);
            out.patterns.push_back(std::move(c));
        }
}

// Which side (0 base, 1 head) a case is on, and whether it is a regression, from its id. Case ids
// are row ids, dense from 1: a flat table indexed by id answers each of the million finding rows of
// two 100k runs without a hash lookup's cache misses.
class PairedCases {
public:
    struct Where {
        int side = 0;               // 0 base, 1 head
        bool headRegressed = false; // the head case of a right -> wrong question
    };
    explicit PairedCases(const std::vector<ComparedQuestion>& questions) {
        std::int64_t maxId = 0;
        for (const auto& q : questions)
            maxId = std::max({maxId, q.base.caseId, q.head.caseId});
        slot_.assign(std::size_t(maxId) + 1, kNone);
        for (const auto& q : questions) {
            slot_[std::size_t(q.base.caseId)] = kBase;
            slot_[std::size_t(q.head.caseId)] =
                q.cell == CorrectnessCell::RightWrong ? kHeadRegressed : kHead;
        }
    }
    std::optional<Where> find(std::int64_t caseId) const {
        if (caseId < 0 || std::uint64_t(caseId) >= slot_.size())
            return std::nullopt;
        switch (slot_[std::size_t(caseId)]) {
        case kBase:
            return Where{0, false};
        case kHead:
            return Where{1, false};
        case kHeadRegressed:
            return Where{1, true};
        default:
            return std::nullopt;
        }
    }

private:
    enum : std::uint8_t { kNone, kBase, kHead, kHeadRegressed };
    std::vector<std::uint8_t> slot_;
};

// Sub-kinds, from the (type, subtype, case) index in one pass over the project's findings.
void countSubtypes(const ProjectStore& store, const PairedCases& paired, RunComparison& out) {
    std::map<std::pair<std::string, std::string>, Tally> subtypes;
    std::pair<std::string, std::string> key;
    Tally* tally = nullptr;
    store.forEachFindingKind([&](const ProjectStore::FindingKindRow& f) {
        const auto w = paired.find(f.caseId);
        if (!w)
            return;
        if (!tally || key.first != f.type || key.second != f.subtype) {
            key = {f.type, f.subtype};
            tally = &subtypes[key];
        }
        tally->add(w->side, f.caseId);
    });
    for (const auto& [k, t] : subtypes)
        out.bySubtype.push_back(
            {k.first, k.second, t.findings[0], t.findings[1], t.cases[0], t.cases[1]});
    std::stable_sort(out.bySubtype.begin(), out.bySubtype.end(), [](const auto& a, const auto& b) {
        return findingTypeIndex(a.type) < findingTypeIndex(b.type);
    });
}

// Signatures (patterns) and the claim relations of regressions, from the (signature, case)
// index in one pass: rows come grouped by signature, cases ascending within each.
void countSignatures(const ProjectStore& store, const PairedCases& paired,
                     const CompareOptions& options, RunComparison& out) {
    std::vector<PatternChange> changes;
    std::map<std::string, std::set<std::int64_t>> relations;
    std::string current;
    Tally tally;
    bool any = false;
    store.forEachSignatureCase([&](std::int64_t caseId, const std::string& signature) {
        const auto w = paired.find(caseId);
        if (!w || signature.empty())
            return;
        if (!any || signature != current) {
            if (any)
                keepPattern(current, tally, changes);
            current = signature;
            tally = {};
            any = true;
        }
        tally.add(w->side, caseId);
        if (w->headRegressed)
            if (std::string r = claimRelation(signature); !r.empty())
                relations[r].insert(caseId);
    });
    if (any)
        keepPattern(current, tally, changes);
    rankPatterns(std::move(changes), options.patternLimit, out);
    out.regressionRelations = topInvolved(relations, options.involvementLimit);
}

} // namespace

bool ComparedQuestion::moreFindings() const {
    return totalFindings(head) > totalFindings(base);
}

bool ComparedQuestion::fewerFindings() const {
    return totalFindings(head) < totalFindings(base);
}

std::int64_t RunComparison::count(CorrectnessCell cell) const {
    if (cell == CorrectnessCell::Unscored)
        return unscoredPairs;
    return std::int64_t(cells[std::size_t(cell)].size());
}

RunComparison compareRuns(const ProjectStore& store, std::int64_t baseRunId, std::int64_t headRunId,
                          const CompareOptions& options) {
    if (baseRunId == headRunId)
        throw std::invalid_argument("a run cannot be compared with itself");
    ProjectStore::ReadSnapshot snapshot(store);
    RunComparison out;
    bool haveBase = false, haveHead = false;
    for (const auto& r : store.runs()) {
        if (r.id == baseRunId) {
            out.base = r;
            haveBase = true;
        }
        if (r.id == headRunId) {
            out.head = r;
            haveHead = true;
        }
    }
    if (!haveBase || !haveHead)
        throw std::invalid_argument("no run with id " +
                                    std::to_string(haveBase ? headRunId : baseRunId));
    pairQuestions(store.runCases(baseRunId), store.runCases(headRunId), out);
    scoreCells(out);
    countTypes(out);
    const PairedCases paired(out.questions);
    countSubtypes(store, paired, out);
    countSignatures(store, paired, options, out);
    std::vector<std::int64_t> regressed;
    for (const auto& q : out.questions)
        if (q.cell == CorrectnessCell::RightWrong)
            regressed.push_back(q.head.caseId);
    for (auto& [name, n] : store.conceptsOfCases(regressed, options.involvementLimit))
        out.regressionConcepts.push_back({std::move(name), n});
    return out;
}

std::optional<ProjectStore::RunInfo> findRunByLabel(const ProjectStore& store,
                                                    const std::string& label, std::string* error) {
    std::vector<ProjectStore::RunInfo> matches;
    std::vector<std::string> labels;
    for (const auto& r : store.runs()) {
        labels.push_back(r.label);
        if (r.label == label)
            matches.push_back(r);
    }
    if (matches.size() == 1)
        return matches.front();
    if (error) {
        if (matches.empty()) {
            *error = "no run '" + label + "' in the project";
            std::string known;
            for (const auto& l : labels)
                known += (known.empty() ? "" : ", ") + l;
            *error += known.empty() ? " (it has no runs)" : " (runs: " + known + ")";
        } else {
            *error = "several runs are labelled '" + label + "' (from";
            for (const auto& m : matches)
                *error += " " + m.sourceFile;
            *error += ")";
        }
    }
    return std::nullopt;
}

} // namespace rs
