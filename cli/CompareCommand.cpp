#include "CompareCommand.h"

#include "ComparisonHtml.h"
#include "ComparisonJson.h"
#include "ComparisonText.h"
#include "RunComparison.h"

#include <fstream>
#include <iostream>

namespace rs {

namespace {

constexpr const char* kCompareUsage =
    R"(Usage: reasonscope compare --project FILE --base RUN --head RUN [--json FILE] [--html FILE]
  Compares two runs of the same questions, paired by question id: accuracy of each and the
  paired difference with its 95% interval and McNemar test, the four correctness cells with
  their question ids, finding counts per class and sub-kind, patterns that appeared,
  disappeared, grew or shrank, and the concepts and relations of the regressions.
  RUN is a run label as `reasonscope analyze` prints it (e.g. gpt-4/zhou-01).
Exit status: 0 done, 1 the project could not be read or a file not written, 2 bad usage.
)";

int usage(const std::string& message) {
    std::cerr << "reasonscope compare: " << message << "\n\n" << kCompareUsage;
    return 2;
}

} // namespace

std::unique_ptr<ProjectStore> openProjectForReading(const std::string& path) {
    std::string error;
    auto store = ProjectStore::openReadOnly(path, &error);
    if (!store)
        std::cerr << "reasonscope: " << error << "\n";
    return store;
}

std::optional<ProjectStore::RunInfo> runByLabelOrComplain(const ProjectStore& store,
                                                          const std::string& label) {
    std::string error;
    auto run = findRunByLabel(store, label, &error);
    if (!run)
        std::cerr << "reasonscope: " << error << "\n";
    return run;
}

bool writeTextFile(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (out && out.write(text.data(), std::streamsize(text.size())) && out.flush())
        return true;
    std::cerr << "reasonscope: cannot write " << path << "\n";
    return false;
}

int runCompareCommand(const std::vector<std::string>& args) {
    std::string project, base, head, jsonPath, htmlPath;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        std::string* target = a == "--project" ? &project
                              : a == "--base"  ? &base
                              : a == "--head"  ? &head
                              : a == "--json"  ? &jsonPath
                              : a == "--html"  ? &htmlPath
                                               : nullptr;
        if (a == "--help" || a == "-h") {
            std::cout << kCompareUsage;
            return 0;
        }
        if (!target)
            return usage("unknown argument: " + a);
        if (i + 1 >= args.size())
            return usage(a + " needs a value");
        *target = args[++i];
    }
    if (project.empty() || base.empty() || head.empty())
        return usage("--project, --base and --head are required");
    if (base == head)
        return usage("--base and --head name the same run");
    auto store = openProjectForReading(project);
    if (!store)
        return 1;
    const auto baseRun = runByLabelOrComplain(*store, base);
    const auto headRun = runByLabelOrComplain(*store, head);
    if (!baseRun || !headRun)
        return 2;
    const RunComparison c = compareRuns(*store, baseRun->id, headRun->id);
    std::cout << comparisonText(c);
    if (!jsonPath.empty()) {
        if (!writeTextFile(jsonPath, comparisonJson(c).dump(1) + "\n"))
            return 1;
        std::cout << "JSON written to " << jsonPath << "\n";
    }
    if (!htmlPath.empty()) {
        if (!writeTextFile(htmlPath, comparisonHtml(c)))
            return 1;
        std::cout << "HTML written to " << htmlPath << "\n";
    }
    return 0;
}

} // namespace rs
