// The window's compare mode at scale (issue 13: a filter change in the window answers in
// under 200 ms for 100k paired questions). Generates 100k paired questions in memory with
// a fixed seed (about 20% regressions or fixes, some with new findings) and measures what
// the comparison table does when the "changed" filter or the sort changes: the model's
// whole reset, as the table view sees it. No store and no display are needed.
#include "ComparisonTableModel.h"

#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

using namespace rs;

namespace {

constexpr int kQuestions = 100000;

std::vector<ComparedQuestion> generate() {
    std::mt19937 rng(13);
    std::bernoulli_distribution right(0.7), flip(0.2), analysed(0.9);
    std::poisson_distribution<int> findings(0.3);
    std::uniform_int_distribution<int> review(0, 9);
    const char* states[] = {"", "confirmed", "rejected", "unsure"};
    std::vector<ComparedQuestion> rows(kQuestions);
    for (int i = 0; i < kQuestions; ++i) {
        ComparedQuestion& q = rows[std::size_t(i)];
        q.questionId = "q" + std::to_string(1000000 + i);
        const bool baseRight = right(rng);
        const bool headRight = flip(rng) ? !baseRight : baseRight;
        for (ComparedSide* side : {&q.base, &q.head}) {
            side->caseId = i * 2 + (side == &q.head ? 1 : 0);
            side->caseKey = q.questionId;
            side->correct = side == &q.base ? baseRight : headRight;
            side->analysed = analysed(rng);
            for (auto& n : side->findingsByType)
                n = findings(rng);
            side->reviewState = states[std::min(review(rng), 3)];
        }
        q.cell = correctnessCell(q.base.correct, q.head.correct);
    }
    return rows;
}

ComparisonTableModel& model() {
    static ComparisonTableModel m;
    static const bool filled = [] {
        m.setRows(generate(), {}, QStringLiteral("base"), QStringLiteral("head"));
        return true;
    }();
    (void)filled;
    return m;
}

// From all questions to one filter and back: two filter changes per iteration.
void BM_ComparisonFilter(benchmark::State& state, ComparisonTableModel::Change change) {
    ComparisonTableModel& m = model();
    m.setChange(ComparisonTableModel::Change::All);
    int shown = 0;
    for (auto _ : state) {
        m.setChange(change);
        shown = m.rowCount();
        benchmark::DoNotOptimize(m.question(0));
        m.setChange(ComparisonTableModel::Change::All);
    }
    state.counters["rows_shown"] = shown;
}
BENCHMARK_CAPTURE(BM_ComparisonFilter, changed, ComparisonTableModel::Change::Changed)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ComparisonFilter, regressions, ComparisonTableModel::Change::Regressions)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ComparisonFilter, fixes, ComparisonTableModel::Change::Fixes)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ComparisonFilter, new_findings, ComparisonTableModel::Change::NewFindings)
    ->Unit(benchmark::kMillisecond);

// A click on a column header under the "changed" filter and one back to the question
// column: two sorts (each with its refilter) per iteration.
void BM_ComparisonSort(benchmark::State& state, int column) {
    ComparisonTableModel& m = model();
    m.setChange(ComparisonTableModel::Change::Changed);
    for (auto _ : state) {
        m.sort(column, Qt::DescendingOrder);
        benchmark::DoNotOptimize(m.question(0));
        m.sort(ComparisonTableModel::QuestionColumn, Qt::AscendingOrder);
    }
}
BENCHMARK_CAPTURE(BM_ComparisonSort, change, int(ComparisonTableModel::ChangeColumn))
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ComparisonSort, relation, int(ComparisonTableModel::FirstClassColumn))
    ->Unit(benchmark::kMillisecond);

// The first paint after a filter change: data() of the rows a table shows (40 rows, every
// column).
void BM_ComparisonVisibleRows(benchmark::State& state) {
    ComparisonTableModel& m = model();
    m.setChange(ComparisonTableModel::Change::Changed);
    for (auto _ : state)
        for (int r = 0; r < 40; ++r)
            for (int c = 0; c < ComparisonTableModel::ColumnCount; ++c)
                benchmark::DoNotOptimize(m.data(m.index(r, c)));
}
BENCHMARK(BM_ComparisonVisibleRows)->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
