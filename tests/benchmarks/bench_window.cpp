// The window at scale (docs/design.md: open a 100k-case project to a usable window in < 1 s;
// filter or search in < 100 ms). Uses the 100k-case project bench_store generates (run
// bench_store once first; $RS_BENCH_STORE or the temporary folder). Offscreen platform.
#include "CaseTableModel.h"
#include "MainWindow.h"
#include "ProjectionView.h"

#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QLineEdit>
#include <QTableView>

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>

using namespace rs;

namespace {

QString projectPath() {
    if (const char* env = std::getenv("RS_BENCH_STORE"); env && *env)
        return QString::fromLocal8Bit(env);
    return QString::fromStdString(
        (std::filesystem::temp_directory_path() / "rs_bench_store_100k.rsproj").string());
}

bool haveProject(benchmark::State& state) {
    if (std::filesystem::exists(projectPath().toStdString()))
        return true;
    state.SkipWithError("no 100k-case project: run bench_store once to generate it");
    return false;
}

// From nothing to a window showing the first rows of the table, the dashboard and the
// first case.
void BM_OpenProjectWindow(benchmark::State& state) {
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

// One filter change as the user makes it. "table" stops when the window answers: the
// table's count and first page, the current case kept or moved, the overview and the map
// asked for on their workers. "all views" goes on until the overview (and, with the
// projection tab raised, the concept map) show the new filter.
enum class Until { Table, AllViews };

void BM_FilterInWindow(benchmark::State& state, int classIndex, const char* search, Until until,
                       bool projectionRaised) {
    if (!haveProject(state))
        return;
    MainWindow w;
    w.resize(1600, 1000);
    w.show();
    w.openProject(projectPath(), true);
    QApplication::processEvents(); // the window raises its default tabs first
    if (projectionRaised)
        if (auto* dock = w.findChild<QDockWidget*>("projectionDock"))
            dock->raise();
    auto* classFilter = w.findChild<QComboBox*>("classFilter");

    auto* searchBox = w.findChild<QLineEdit*>("search");
    QApplication::processEvents();
    // A dock behind another tab keeps isVisible(); only its visible region is empty.
    state.SetLabel(w.findChild<ProjectionView*>()->visibleRegion().isEmpty() ? "map hidden"
                                                                             : "map shown");
    auto settle = [&] {
        QApplication::processEvents();
        while (w.isUpdatingViews()) {
            QApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        }
    };
    for (auto _ : state) {
        state.PauseTiming();
        classFilter->setCurrentIndex(0);
        searchBox->setText(search);
        settle();
        state.ResumeTiming();
        classFilter->setCurrentIndex(classIndex); // applies the filter synchronously
        if (until == Until::AllViews)
            settle();
        else
            QApplication::processEvents();
        benchmark::DoNotOptimize(w.caseModel()->rowCount());
    }
}
BENCHMARK_CAPTURE(BM_FilterInWindow, table_relation_class, 1, "", Until::Table, false)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_FilterInWindow, table_branch_class, 2, "", Until::Table, false)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_FilterInWindow, table_rare_word_and_class, 1, "zygomycosis", Until::Table,
                  false)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_FilterInWindow, table_relation_class_map_shown, 1, "", Until::Table, true)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_FilterInWindow, all_views_relation_class, 1, "", Until::AllViews, false)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_FilterInWindow, all_views_rare_word_and_class, 1, "zygomycosis",
                  Until::AllViews, false)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_FilterInWindow, all_views_relation_class_map_shown, 1, "", Until::AllViews,
                  true)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

} // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
