#include "OutputImporter.h"

#include "ImportContext.h"
#include "InputFile.h"
#include "Readers.h"
#include "Sha256.h"

#include <algorithm>
#include <filesystem>
#include <string_view>

namespace rs {

const char* toString(OutputFormat format) {
    switch (format) {
    case OutputFormat::Unknown:
        return "unknown";
    case OutputFormat::ThoughtSource:
        return "thoughtsource";
    case OutputFormat::GenericJsonl:
        return "generic-jsonl";
    case OutputFormat::LmEvalHarness:
        return "lm-eval-harness";
    case OutputFormat::OpenAiBatch:
        return "openai-batch";
    case OutputFormat::OpenAiChat:
        return "openai-chat";
    case OutputFormat::Mapped:
        return "mapped";
    }
    return "unknown";
}

OutputFormat sniffOutputFormat(const std::string& path, std::string* error) {
    try {
        const importers::SniffResult r = importers::sniffFile(path);
        if (error)
            *error = r.empty ? "no records: the file is empty" : r.error;
        return r.format;
    } catch (const std::exception& e) {
        if (error)
            *error = std::string("cannot read the file: ") + e.what();
    } catch (...) {
        if (error)
            *error = "cannot read the file";
    }
    return OutputFormat::Unknown;
}

namespace {

// "*" and "?" against a whole file name.
bool wildcardMatch(std::string_view pattern, std::string_view name) {
    std::size_t p = 0, n = 0, star = std::string_view::npos, resume = 0;
    while (n < name.size()) {
        if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == name[n])) {
            ++p;
            ++n;
        } else if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            resume = n;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            n = ++resume;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*')
        ++p;
    return p == pattern.size();
}

bool isWildcard(const std::string& path) {
    return std::filesystem::path(path).filename().string().find_first_of("*?") != std::string::npos;
}

// The files a folder or a wildcard pattern names, in name order: in a folder every
// .json/.jsonl (optionally .gz) file, hidden files left out.
std::vector<std::string> filesOf(const std::string& path) {
    const std::filesystem::path p(path);
    const bool folder = !isWildcard(path);
    const std::filesystem::path dir = folder ? p : (p.has_parent_path() ? p.parent_path() : ".");
    const std::string pattern = folder ? std::string() : p.filename().string();
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        if (!entry.is_regular_file(ec))
            continue;
        const std::string name = entry.path().filename().string();
        if (folder) {
            const bool json = name.ends_with(".json") || name.ends_with(".jsonl") ||
                              name.ends_with(".json.gz") || name.ends_with(".jsonl.gz");
            if (!json || name.front() == '.')
                continue;
        } else if (!wildcardMatch(pattern, name)) {
            continue;
        }
        files.push_back(entry.path().string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

// A folder or pattern read as one input: every file through the mapping, one summary.
ImportSummary importMappedFiles(const std::string& path, const ImportOptions& options,
                                const CaseSink& onCase, const ErrorSink& onError) {
    ImportSummary summary;
    summary.format = OutputFormat::Mapped;
    const std::vector<std::string> files = filesOf(path);
    if (files.empty()) {
        summary.fatalError = "cannot import " + path + ": " +
                             (isWildcard(path) ? "no file matches the pattern"
                                               : "the folder holds no .json or .jsonl file");
        return summary;
    }
    const std::filesystem::path p(path);
    std::string folderName =
        (isWildcard(path) ? p.parent_path() : p).lexically_normal().filename().string();
    if (folderName.empty())
        folderName = std::filesystem::absolute(isWildcard(path) ? p.parent_path() : p)
                         .parent_path()
                         .filename()
                         .string();
    for (const std::string& file : files) {
        importers::ImportContext ctx(file, options, onCase, onError, summary);
        ctx.setDefaultRun(folderName);
        importers::readMapped(ctx, *options.mapping);
        if (summary.cancelled)
            break;
    }
    summary.notes.push_back("read " + std::to_string(files.size()) + " files from " + path);
    return summary;
}

} // namespace

ImportSummary importOutputs(const std::string& path, const ImportOptions& options,
                            const CaseSink& onCase, const ErrorSink& onError) {
    ImportSummary summary;
    try {
        std::error_code ec;
        const bool folder = std::filesystem::is_directory(path, ec);
        if (options.mapping && (folder || isWildcard(path)))
            return importMappedFiles(path, options, onCase, onError);
        if (folder) {
            summary.fatalError =
                "cannot import " + path +
                ": it is a folder; to read every JSON file in it as records of one layout, give a "
                "field mapping (--map question=<field>,output=<field>)";
            return summary;
        }
        {
            InputFile probe;
            if (!probe.open(path)) {
                summary.fatalError = "cannot import " + path + ": " + probe.error();
                return summary;
            }
        }
        summary.sha256 = !options.sourceSha256.empty()
                             ? options.sourceSha256
                             : Sha256::hexOfFile(path).value_or(std::string());
        importers::ImportContext ctx(path, options, onCase, onError, summary);
        if (options.mapping) {
            summary.format = OutputFormat::Mapped;
            importers::readMapped(ctx, *options.mapping);
            return summary;
        }
        const importers::SniffResult sniffed = importers::sniffFile(path);
        summary.format = sniffed.format;
        if (sniffed.empty) {
            ctx.error(0, 0, "no records: the file is empty");
            return summary;
        }
        switch (sniffed.format) {
        case OutputFormat::ThoughtSource:
            importers::readThoughtSource(ctx);
            if (summary.skippedUnnamedOutputs > 0)
                summary.notes.push_back(
                    "skipped " + std::to_string(summary.skippedUnnamedOutputs) +
                    " outputs with neither model nor trigger (critiques or annotations, not "
                    "a model run); --include-unnamed imports them as run 'unnamed-model'");
            break;
        case OutputFormat::GenericJsonl:
            importers::readGenericJsonl(ctx);
            break;
        case OutputFormat::LmEvalHarness:
            importers::readLmEvalHarness(ctx);
            break;
        case OutputFormat::OpenAiBatch:
            importers::readOpenAiBatch(ctx);
            break;
        case OutputFormat::OpenAiChat:
            importers::readOpenAiChat(ctx);
            break;
        case OutputFormat::Mapped:
        case OutputFormat::Unknown:
            summary.fatalError =
                "unknown format: " + sniffed.error +
                (sniffed.error.find("--") == std::string::npos
                     ? "; to read any other JSON layout give --map question=<field>,output=<field>"
                     : "");
            break;
        }
    } catch (const std::exception& e) {
        summary.fatalError = std::string("import stopped: ") + e.what();
    } catch (...) {
        summary.fatalError = "import stopped by an unknown exception";
    }
    return summary;
}

} // namespace rs
