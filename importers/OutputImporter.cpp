#include "OutputImporter.h"

#include "ImportContext.h"
#include "InputFile.h"
#include "Readers.h"
#include "Sha256.h"

#include <filesystem>

namespace rs {

const char* toString(OutputFormat format)
{
    switch (format) {
    case OutputFormat::Unknown: return "unknown";
    case OutputFormat::ThoughtSource: return "thoughtsource";
    case OutputFormat::GenericJsonl: return "generic-jsonl";
    case OutputFormat::LmEvalHarness: return "lm-eval-harness";
    case OutputFormat::OpenAiBatch: return "openai-batch";
    case OutputFormat::OpenAiChat: return "openai-chat";
    case OutputFormat::Mapped: return "mapped";
    }
    return "unknown";
}

OutputFormat sniffOutputFormat(const std::string& path, std::string* error)
{
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

ImportSummary importOutputs(const std::string& path, const ImportOptions& options, const CaseSink& onCase,
                            const ErrorSink& onError)
{
    ImportSummary summary;
    try {
        std::error_code ec;
        if (std::filesystem::is_directory(path, ec)) {
            summary.fatalError = "cannot import " + path + ": it is a folder";
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
        case OutputFormat::ThoughtSource: importers::readThoughtSource(ctx); break;
        case OutputFormat::GenericJsonl: importers::readGenericJsonl(ctx); break;
        case OutputFormat::LmEvalHarness: importers::readLmEvalHarness(ctx); break;
        case OutputFormat::OpenAiBatch: importers::readOpenAiBatch(ctx); break;
        case OutputFormat::OpenAiChat: importers::readOpenAiChat(ctx); break;
        case OutputFormat::Mapped:
        case OutputFormat::Unknown:
            summary.fatalError = "unknown format: " + sniffed.error;
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
