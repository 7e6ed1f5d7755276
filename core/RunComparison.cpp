#include "RunComparison.h"

#include "FindingKinds.h"
#include "PatternAggregator.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <stdexcept>
#include <unordered_map>

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

ComparedSide sideOf(const ProjectStore::RunCase& c) {
    return {c.id, c.key, c.correct, c.analysed, c.findingsByType, c.reviewState};
}

struct QuestionCount {
    int base = 0, head = 0;
    std::size_t baseIndex = 0, headIndex = 0;
};

// Pairs the two runs' cases one to one by question id; everything else is unpaired with
// its reason. A question asked several times in either run is left out on both sides: a
// paired test needs one answer per side, and picking one would be arbitrary.
void pairQuestions(const std::vector<ProjectStore::RunCase>& base,
                   const std::vector<ProjectStore::RunCase>& head, RunComparison& out) {
    std::unordered_map<std::string, QuestionCount> byQuestion;
    byQuestion.reserve(base.size() + head.size());
    for (std::size_t i = 0; i < base.size(); ++i)
        if (!base[i].questionId.empty()) {
            auto& q = byQuestion[base[i].questionId];
            ++q.base;
            q.baseIndex = i;
        }
    for (std::size_t i = 0; i < head.size(); ++i)
        if (!head[i].questionId.empty()) {
            auto& q = byQuestion[head[i].questionId];
            ++q.head;
            q.headIndex = i;
        }
    auto classify = [&](const std::vector<ProjectStore::RunCase>& cases, UnpairedCases& unpaired,
                        bool isBase) {
        for (const auto& c : cases) {
            if (c.questionId.empty()) {
                ++unpaired.noQuestionId;
                continue;
            }
            const QuestionCount& q = byQuestion.at(c.questionId);
            if ((isBase ? q.head : q.base) == 0)
                ++unpaired.onlyInThisRun;
            else if (q.base > 1 || q.head > 1)
                ++unpaired.askedSeveralTimes;
        }
    };
    classify(base, out.baseUnpaired, true);
    classify(head, out.headUnpaired, false);
    for (const auto& [questionId, q] : byQuestion)
        if (q.base == 1 && q.head == 1) {
            ComparedQuestion cq;
            cq.questionId = questionId;
            cq.base = sideOf(base[q.baseIndex]);
            cq.head = sideOf(head[q.headIndex]);
            cq.cell = correctnessCell(cq.base.correct, cq.head.correct);
            out.questions.push_back(std::move(cq));
        }
    std::sort(out.questions.begin(), out.questions.end(),
              [](const ComparedQuestion& a, const ComparedQuestion& b) {
                  return a.questionId < b.questionId;
              });
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

struct SignatureTally {
    std::string type, subtype;
    Tally tally;
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

template <class Map> std::vector<RegressionInvolvement> topInvolved(const Map& tallies, int limit) {
    std::vector<RegressionInvolvement> out;
    for (const auto& [name, t] : tallies)
        out.push_back({name, t.cases[1]});
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.questions != b.questions ? a.questions > b.questions : a.name < b.name;
    });
    if (limit > 0 && out.size() > std::size_t(limit))
        out.resize(std::size_t(limit));
    return out;
}

void rankPatterns(const std::unordered_map<std::string, SignatureTally>& signatures, int limit,
                  RunComparison& out) {
    std::map<PatternTrend, std::vector<PatternChange>> byTrend;
    for (const auto& [signature, s] : signatures) {
        const std::int64_t b = s.tally.cases[0], h = s.tally.cases[1];
        if (b == h || std::max(b, h) < 2)
            continue;
        const PatternTrend trend = b == 0   ? PatternTrend::Appeared
                                   : h == 0 ? PatternTrend::Disappeared
                                   : h > b  ? PatternTrend::Grew
                                            : PatternTrend::Shrank;
        byTrend[trend].push_back({signature, s.type, s.subtype, {}, b, h, trend});
    }
    for (auto& [trend, changes] : byTrend) {
        std::sort(changes.begin(), changes.end(), [](const auto& x, const auto& y) {
            const auto dx = std::llabs(x.headCases - x.baseCases);
            const auto dy = std::llabs(y.headCases - y.baseCases);
            return dx != dy ? dx > dy : x.signature < y.signature;
        });
        if (limit > 0 && changes.size() > std::size_t(limit))
            changes.resize(std::size_t(limit));
        for (auto& c : changes) {
            c.description = PatternAggregator::describe(c.signature);
            out.patterns.push_back(std::move(c));
        }
    }
}

// One pass over each side's finding rows: sub-kinds, signatures, and the relations of the
// head's findings on regressed questions.
void countFindings(const ProjectStore& store, const CompareOptions& options, RunComparison& out) {
    std::unordered_map<std::int64_t, std::size_t> pairOfCase[2];
    for (std::size_t i = 0; i < out.questions.size(); ++i) {
        pairOfCase[0].emplace(out.questions[i].base.caseId, i);
        pairOfCase[1].emplace(out.questions[i].head.caseId, i);
    }
    std::map<std::pair<std::string, std::string>, Tally> subtypes;
    std::unordered_map<std::string, SignatureTally> signatures;
    std::map<std::string, Tally> relations;
    for (int side = 0; side < 2; ++side) {
        const std::int64_t runId = side == 0 ? out.base.id : out.head.id;
        store.forEachRunFinding(runId, [&](const ProjectStore::RunFinding& f) {
            const auto pair = pairOfCase[side].find(f.caseId);
            if (pair == pairOfCase[side].end())
                return;
            subtypes[{f.type, f.subtype}].add(side, f.caseId);
            if (!f.signature.empty()) {
                auto [it, added] = signatures.try_emplace(f.signature);
                if (added) {
                    it->second.type = f.type;
                    it->second.subtype = f.subtype;
                }
                it->second.tally.add(side, f.caseId);
            }
            if (side == 1 && out.questions[pair->second].cell == CorrectnessCell::RightWrong)
                if (std::string r = claimRelation(f.signature); !r.empty())
                    relations[r].add(1, f.caseId);
        });
    }
    for (const auto& [key, t] : subtypes)
        out.bySubtype.push_back(
            {key.first, key.second, t.findings[0], t.findings[1], t.cases[0], t.cases[1]});
    std::stable_sort(out.bySubtype.begin(), out.bySubtype.end(), [](const auto& a, const auto& b) {
        return findingTypeIndex(a.type) < findingTypeIndex(b.type);
    });
    rankPatterns(signatures, options.patternLimit, out);
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
    countFindings(store, options, out);
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
