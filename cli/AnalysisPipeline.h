#pragma once
// The whole headless analysis: load the KG, import outputs, analyse every case on all
// cores, store everything in the project file batch by batch, aggregate patterns. Used by
// `reasonscope analyze` and, off the GUI thread, by the window.
#include "CaseAnalyzer.h"
#include "ImportError.h"
#include "OutputImporter.h"

#include <atomic>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rs {

struct PipelineRequest {
    std::vector<std::string> kgFiles;
    std::vector<std::string> inputFiles;
    std::vector<std::string> questionFiles;
    std::vector<std::string>
        boxFiles; // NIH ChestX-ray14 box lists: reference boxes by image file name
    std::optional<FieldMapping> mapping;
    bool includeUnnamedRuns =
        false; // --include-unnamed: ThoughtSource outputs without model and trigger
    std::string runLabel;
    std::string projectPath;
    std::string resourcesDir;
    std::string cacheDir; // empty: no KG cache
    AnalysisSettings settings;
    int threads = 0; // 0: one per core
};

struct PipelineInputReport {
    std::string path;
    std::string format;
    std::string sha256;
    std::size_t imported = 0;
    std::size_t failed = 0;
    std::string fatalError;
    std::vector<std::string> notes; // what the import skipped or assumed (ImportSummary::notes)
};

struct PipelineResult {
    bool ok = false; // false: nothing useful could be done (fatalError says why)
    bool cancelled = false;
    std::string fatalError;
    bool someInputUnreadable = false;   // an input or KG file could not be read at all
    std::vector<std::string> kgSources; // "path (format): N nodes, M edges" lines
    std::size_t kgNodes = 0, kgEdges = 0;
    bool kgFromCache = false;
    std::vector<ImportError> kgErrors;
    std::vector<PipelineInputReport> inputs;
    std::vector<ImportError> importErrors;
    std::size_t casesAnalysed = 0;
    std::size_t referenceBoxesAttached = 0; // from boxFiles
    double secondsKg = 0, secondsAnalysis = 0;
    // The model's own claims by status (supported / contradicted / unverified), and how many
    // scored cases have any finding among right and among wrong answers: findings that tell
    // sound reasoning from unsound come far more often with wrong answers.
    std::map<std::string, std::size_t> modelClaimsByStatus;
    std::size_t rightCases = 0, rightWithFinding = 0, wrongCases = 0, wrongWithFinding = 0;
};

// stage: "knowledge graph", "import", "analysis", "patterns"; fraction in [0, 1].
using PipelineProgress = std::function<void(const std::string& stage, double fraction)>;

PipelineResult runAnalysis(const PipelineRequest& request, const PipelineProgress& progress,
                           const std::atomic<bool>* cancel = nullptr);

} // namespace rs
