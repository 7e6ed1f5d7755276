// The window at scale (DESIGN.md: open a 100k-case project to a usable window in < 1 s;
// filter or search in < 100 ms). Uses the 100k-case project bench_store generates (run
// bench_store once first; $RS_BENCH_STORE or the temporary folder). Offscreen platform.
#include "CaseTableModel.h"
#include "MainWindow.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QTableView>

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>

using namespace rs;

namespace {

QString projectPath()
{
    if (const char* env = std::getenv("RS_BENCH_STORE"); env && *env)
        return QString::fromLocal8Bit(env);
    return QString::fromStdString(
        (std::filesystem::temp_directory_path() / "rs_bench_store_100k.rsproj").string());
}

bool haveProject(benchmark::State& state)
{
    if (std::filesystem::exists(projectPath().toStdString()))
        return true;
    state.SkipWithError("no 100k-case project: run bench_store once to generate it");
    return false;
}

// From nothing to a window showing the first rows of the table, the dashboard and the
// first case.
void BM_OpenProjectWindow(benchmark::State& state)
{
    if (!haveProject(state))
        return;
    for (auto _ : state) {
        MainWindow w;
        w.show();
        if (!w.openProject(projectPath(), true))
            state.SkipWithError("cannot open the project");
        QApplication::processEvents();
        benchmark::DoNotOptimize(w.caseModel()->rowCount());
    }
}
BENCHMARK(BM_OpenProjectWindow)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(5);

// One filter change as the user makes it: the table's count and first page, the
// dashboard's facets, the current case kept or moved.
void BM_FilterInWindow(benchmark::State& state, int classIndex, const char* search)
{
    if (!haveProject(state))
        return;
    MainWindow w;
    w.show();
    w.openProject(projectPath(), true);
    auto* classFilter = w.findChild<QComboBox*>("classFilter");
    auto* searchBox = w.findChild<QLineEdit*>("search");
    for (auto _ : state) {
        state.PauseTiming();
        classFilter->setCurrentIndex(0);
        searchBox->setText(search);
        QApplication::processEvents();
        state.ResumeTiming();
        classFilter->setCurrentIndex(classIndex); // applies the filter synchronously
        QApplication::processEvents();
        benchmark::DoNotOptimize(w.caseModel()->rowCount());
    }
}
BENCHMARK_CAPTURE(BM_FilterInWindow, relation_class, 1, "")->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(BM_FilterInWindow, branch_class, 2, "")->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(BM_FilterInWindow, rare_word_and_class, 1, "zygomycosis")
    ->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
