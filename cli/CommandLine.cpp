#include "CommandLine.h"

#include "AnalysisPipeline.h"
#include "CaseResultCodec.h"
#include "CaseText.h"
#include "CompareCommand.h"
#include "GateCommand.h"
#include "ProjectJson.h"
#include "ProjectStore.h"
#include "PublishCommand.h"
#include "PullCommand.h"
#include "ReportCommand.h"
#include "ResourceLocator.h"
#include "RunSummary.h"
#include "RunsCommand.h"

#include <nlohmann/json.hpp>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace rs {

namespace {

constexpr const char* kUsage = R"(Usage:
  reasonscope analyze [--kg FILE ...] [--input FILE ...] [--map SPEC] [--questions FILE ...]
                      [--run LABEL] --project FILE [--json FILE] [--k N] [--hops N]
                      [--boxes FILE ...] [--iou X] [--threads N] [--no-cache] [--quiet]
                      [--include-unnamed]
      Load the knowledge graph(s), import model outputs, analyse every case and store
      everything in the project file. --boxes adds the reference boxes of an NIH
      ChestX-ray14 box list to the images it names; --iou sets the grounding threshold
      (default 0.5). --include-unnamed imports ThoughtSource outputs that have neither
      model nor trigger (critiques) as run "unnamed-model". With neither --kg nor --input it analyses the bundled
      demo (and --project defaults to the demo project in ~/.local/share/reasonscope).
  reasonscope show CASE_ID --project FILE [--run RUN] [--json]
      One case in the terminal: question, steps, reasoning path, reference paths, findings.
  reasonscope report --project FILE --out FILE [--format html|pdf|csv|json]
                     [--filter TEXT] [--redact] [--quiet]
      An audit report: what was analysed, the summary, and every flagged or reviewed case
      of the filter with its findings and verdicts (`reasonscope report --help`).
  reasonscope runs --project FILE [--json]
                   [--rename RUN NEW_LABEL | --describe RUN TEXT | --delete RUN --yes]
      The runs of the project: id, label, model, cases, accuracy, complete or INTERRUPTED,
      description; or rename, describe or delete one (`reasonscope runs --help`).
  reasonscope compare --project FILE --base RUN --head RUN [--json FILE] [--html FILE]
      Two runs compared question by question: accuracy and its paired difference, the
      four correctness cells, finding and pattern changes (`reasonscope compare --help`).
  reasonscope gate --project FILE --run RUN [--base RUN] [--max-rate CLASS=X ...]
                   [--max-regressions N] [--min-accuracy X] [--junit FILE]
      A release gate for CI: each rule with its value, PASS or FAIL; JUnit XML with
      --junit; exit status 3 when a rule fails (`reasonscope gate --help`).
  reasonscope publish --project FILE --db TARGET [--name NAME] [--json]
      Copies the project to a team-review PostgreSQL server (runs, cases, findings,
      evidence; again later: the new runs only). TARGET: a libpq URI or service name; the
      password comes from ~/.pgpass (`reasonscope publish --help`, docs/team-review.md).
  reasonscope pull --db TARGET [--name NAME] --project FILE [--json]
      A published project and its verdicts from the server into a new project file, for
      reports, compare, gate and the window (`reasonscope pull --help`).
  reasonscope help
Exit status: 0 success, 1 an input could not be read, 2 bad usage, 3 (gate) a rule fails.
)";

int usageError(const std::string& message) {
    std::cerr << "reasonscope: " << message << "\n\n" << kUsage;
    return 2;
}

// Progress on stderr once work has taken more than a moment; one line per update when
// stderr is not a terminal, so logs stay readable.
class ProgressPrinter {
public:
    explicit ProgressPrinter(bool quiet) : quiet_(quiet), tty_(isatty(STDERR_FILENO)) {}
    void operator()(const std::string& stage, double fraction) {
        if (quiet_)
            return;
        const auto now = std::chrono::steady_clock::now();
        if (now - start_ < std::chrono::seconds(1))
            return;
        const int percent = int(fraction * 100);
        if (stage == lastStage_ && (now - lastPrint_ < std::chrono::milliseconds(500) ||
                                    (!tty_ && percent < lastPercent_ + 10)))
            return;
        if (tty_)
            std::fprintf(stderr, "\r%-16s %3d%%", stage.c_str(), percent);
        else
            std::fprintf(stderr, "%s: %d%%\n", stage.c_str(), percent);
        lastStage_ = stage;
        lastPercent_ = percent;
        lastPrint_ = now;
        printed_ = true;
    }
    ~ProgressPrinter() {
        if (printed_ && tty_)
            std::fprintf(stderr, "\r%-24s\r", "");
    }

private:
    bool quiet_, tty_;
    bool printed_ = false;
    std::string lastStage_;
    int lastPercent_ = -100;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point lastPrint_;
};

bool parseInt(const std::string& s, int min, int max, int& out) {
    try {
        std::size_t used = 0;
        const int v = std::stoi(s, &used);
        if (used != s.size() || v < min || v > max)
            return false;
        out = v;
        return true;
    } catch (...) {
        return false;
    }
}

bool parseFraction(const std::string& s, double& out) {
    try {
        std::size_t used = 0;
        const double v = std::stod(s, &used);
        if (used != s.size() || !(v > 0 && v <= 1))
            return false;
        out = v;
        return true;
    } catch (...) {
        return false;
    }
}

bool isValueOption(const std::string& a) {
    for (const char* o : {"--kg", "--input", "--questions", "--map", "--run", "--project", "--json",
                          "--k", "--hops", "--threads", "--boxes", "--iou"})
        if (a == o)
            return true;
    return false;
}

int runAnalyze(const std::vector<std::string>& args) {
    PipelineRequest req;
    req.resourcesDir = resourcesDir();
    req.cacheDir = cacheDir();
    std::string jsonPath;
    bool quiet = false;
    std::string mapSpec;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](std::string& out) {
            if (i + 1 >= args.size())
                return false;
            out = args[++i];
            return true;
        };
        std::string v;
        if (a == "--kg" && value(v))
            req.kgFiles.push_back(v);
        else if (a == "--input" && value(v))
            req.inputFiles.push_back(v);
        else if (a == "--questions" && value(v))
            req.questionFiles.push_back(v);
        else if (a == "--boxes" && value(v))
            req.boxFiles.push_back(v);
        else if (a == "--iou" && value(v)) {
            if (!parseFraction(v, req.settings.iouThreshold))
                return usageError("--iou takes a number above 0 and at most 1");
        } else if (a == "--map" && value(v))
            mapSpec = v;
        else if (a == "--run" && value(v))
            req.runLabel = v;
        else if (a == "--project" && value(v))
            req.projectPath = v;
        else if (a == "--json" && value(v))
            jsonPath = v;
        else if (a == "--k" && value(v)) {
            if (!parseInt(v, 1, 100, req.settings.k))
                return usageError("--k takes a whole number from 1 to 100");
        } else if (a == "--hops" && value(v)) {
            if (!parseInt(v, 1, 8, req.settings.maxHops))
                return usageError("--hops takes a whole number from 1 to 8");
        } else if (a == "--threads" && value(v)) {
            if (!parseInt(v, 1, 256, req.threads))
                return usageError("--threads takes a whole number from 1 to 256");
        } else if (a == "--include-unnamed")
            req.includeUnnamedRuns = true;
        else if (a == "--no-cache")
            req.cacheDir.clear();
        else if (a == "--quiet")
            quiet = true;
        else if (a == "--help" || a == "-h") {
            std::cout << kUsage;
            return 0;
        } else if (isValueOption(a))
            return usageError(a + " needs a value");
        else
            return usageError("unknown argument: " + a);
    }
    if (!mapSpec.empty()) {
        std::string error;
        req.mapping = FieldMapping::parse(mapSpec, &error);
        if (!req.mapping)
            return usageError("--map: " + error);
    }
    const bool demo = req.kgFiles.empty() && req.inputFiles.empty();
    if (demo) {
        req.kgFiles = demoKgFiles(req.resourcesDir);
        req.inputFiles = demoOutputFiles(req.resourcesDir);
        if (req.projectPath.empty()) {
            std::filesystem::create_directories(dataDir());
            req.projectPath = (std::filesystem::path(dataDir()) / "demo.rsproj").string();
        }
    }
    if (req.kgFiles.empty())
        return usageError("--input given without --kg: name the knowledge graph file(s)");
    if (req.inputFiles.empty())
        return usageError("--kg given without --input: name the model-output file(s)");
    if (req.projectPath.empty())
        return usageError("--project FILE is required");

    ProgressPrinter progress(quiet);
    const PipelineResult result = runAnalysis(req, std::ref(progress));
    if (!result.ok && !result.cancelled) {
        std::cerr << "reasonscope: " << result.fatalError << "\n";
        for (std::size_t i = 0; i < result.kgErrors.size() && i < 20; ++i)
            std::cerr << "  " << result.kgErrors[i].toString() << "\n";
        return 1;
    }

    std::string error;
    auto store = ProjectStore::openReadOnly(req.projectPath, &error);
    if (!store) {
        std::cerr << "reasonscope: " << error << "\n";
        return 1;
    }
    if (demo)
        std::cout << "Analysed the bundled demo data into " << req.projectPath << "\n";
    std::cout << runSummaryText(*store, result);
    if (!jsonPath.empty()) {
        std::ofstream out(jsonPath, std::ios::binary);
        if (!out || !writeProjectJson(*store, out, &error) || !out.flush()) {
            std::cerr << "reasonscope: cannot write " << jsonPath
                      << (error.empty() ? "" : ": " + error) << "\n";
            return 1;
        }
        std::cout << "JSON written to " << jsonPath << "\n";
    }
    return result.someInputUnreadable ? 1 : 0;
}

int runShow(const std::vector<std::string>& args) {
    std::string caseId, project, run;
    bool asJson = false;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--project" && i + 1 < args.size())
            project = args[++i];
        else if (a == "--run" && i + 1 < args.size())
            run = args[++i];
        else if (a == "--json")
            asJson = true;
        else if (!a.starts_with("--") && caseId.empty())
            caseId = a;
        else
            return usageError("unknown argument: " + a);
    }
    if (caseId.empty() || project.empty())
        return usageError("show needs CASE_ID and --project FILE");
    std::string error;
    auto store = ProjectStore::openReadOnly(project, &error);
    if (!store) {
        std::cerr << "reasonscope: " << error << "\n";
        return 1;
    }
    auto stored = store->loadCase(caseId, run);
    if (!stored) {
        std::cerr << "reasonscope: no case '" << caseId << "' in " << project << "\n";
        return 1;
    }
    // A case of a run cut short is shown as it is, with a word that its run is not whole.
    for (const auto& r : store->runs())
        if (r.id == stored->runId && !r.complete && !asJson)
            std::cout << "Note: run " << r.label
                      << " is INTERRUPTED (its analysis stopped before the end of its file; "
                         "the same analyze command completes it).\n\n";
    std::optional<CaseResult> result;
    if (!stored->analysis.is_null())
        result = decodeCaseResult(stored->analysis);
    if (asJson)
        std::cout << (result ? encodeCaseResult(*result) : nlohmann::json()).dump(2) << "\n";
    else
        std::cout << caseAsText(stored->data, result ? &*result : nullptr);
    return 0;
}

} // namespace

int runCommandLine(const std::vector<std::string>& args) {
    if (args.empty() || args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
        std::cout << kUsage;
        return 0;
    }
    if (args[0] == "--version") {
        std::cout << "reasonscope " << RS_VERSION << "\n";
        return 0;
    }
    try {
        if (args[0] == "analyze")
            return runAnalyze(args);
        if (args[0] == "show")
            return runShow(args);
        if (args[0] == "report")
            return runReportCommand(args);
        if (args[0] == "runs")
            return runRunsCommand(args);
        if (args[0] == "compare")
            return runCompareCommand(args);
        if (args[0] == "gate")
            return runGateCommand(args);
        if (args[0] == "publish")
            return runPublishCommand(args);
        if (args[0] == "pull")
            return runPullCommand(args);
    } catch (const std::exception& e) {
        // Last line of defence: a bug must still end with a message, not an abort.
        std::cerr << "reasonscope: internal error: " << e.what() << "\n";
        return 1;
    }
    return usageError("unknown command: " + args[0]);
}

} // namespace rs
