#pragma once
// Turns a file of model outputs into rs::Case records, whatever its format.
//
// Contract (docs/design.md "Bad input"): every bad record becomes one ImportError through the
// ErrorSink and the rest imports; nothing is dropped without an error; importOutputs never
// throws (not even when a sink throws: that ends the import with fatalError set).
//
// Policies every reader shares:
//  - Text must be UTF-8. A record holding bytes that are not well-formed UTF-8 is rejected
//    with the offending byte named; it is not repaired, because a silent substitution could
//    change clinical text. Everything handed to the CaseSink is valid UTF-8.
//  - A text field (question, output, an option, gold, prediction, a meta value, ...) over
//    kMaxFieldBytes rejects its record: no real answer is that long, so it is runaway or
//    corrupt output, and cutting it would analyse a text the model never wrote.
//  - A leading UTF-8 byte-order mark is ignored. Blank lines in JSONL are skipped silently.
//  - A truncated or corrupt gzip stream ends the input with one error at the place it
//    happened; the records before it are kept.
//  - A file with no records at all yields the error "no records".
//  - Case::run is ImportOptions::runLabel when set, else what the format says (see each
//    reader), else the file name without extension.
#include "Case.h"
#include "ImportError.h"

#include <atomic>
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rs {

enum class OutputFormat {
    Unknown,
    ThoughtSource,
    GenericJsonl,
    LmEvalHarness,
    OpenAiBatch,
    OpenAiChat,
    Mapped
};

// "thoughtsource", "generic-jsonl", "lm-eval-harness", "openai-batch", "openai-chat",
// "mapped", "unknown".
const char* toString(OutputFormat format);

// Where each Case field is found in a JSON object of some other layout, e.g.
// "question=Question,output=Complex_CoT,gold=answer_idx,options=options,id=qid".
// A source is a key or a dotted path into nested objects ("response.text"); a path segment
// made of digits indexes an array ("choices.0.message.content"); a key that itself contains
// dots is found when it matches the remaining path exactly.
struct FieldMapping {
    // target -> source path. Targets: id, question, output, gold, prediction, options,
    // model, run, question_id, correct (the file's own verdict), reasoning (a reasoning
    // model's trace; output is then its final answer). question is required, and output
    // or reasoning.
    std::map<std::string, std::string> sources;

    // The source path of a target, or an empty string when the target is not mapped.
    std::string source(const std::string& target) const;
    // Canonical "target=source,..." (sorted by target).
    std::string toString() const;
    static const std::vector<std::string>& targets();

    // nullopt with *error naming the bad part ("'answer=': empty source").
    static std::optional<FieldMapping> parse(const std::string& spec, std::string* error);
};

struct ImportOptions {
    // Forces the Mapped format: a JSON array document, JSONL, one JSON object (one record),
    // or an object of records keyed by id; the path may then also be a folder or a
    // wildcard pattern ("runs/*.json"), every matching file read in name order.
    std::optional<FieldMapping> mapping;
    // Generic JSONL question records (id, question, options, gold; no output needed) that
    // OpenAI batch and chat outputs are joined to by custom_id.
    std::vector<std::string> questionFiles;
    // Overrides the run of every imported case when not empty.
    std::string runLabel;
    // The file's SHA-256 when the caller has computed it already; empty: the importer
    // hashes the file itself.
    std::string sourceSha256;
    // Checked between records; when it becomes true the import stops with cancelled set.
    const std::atomic<bool>* cancel = nullptr;
    // ThoughtSource entries with neither model nor trigger (critiques, annotations) are
    // skipped unless this is set (--include-unnamed); then they form the run "unnamed-model".
    bool includeUnnamedRuns = false;
};

struct ImportSummary {
    OutputFormat format = OutputFormat::Unknown;
    std::size_t imported = 0; // cases handed to the CaseSink
    std::size_t failed = 0;   // ImportErrors handed to the ErrorSink
    std::string sha256;       // of the file as stored (compressed bytes for .gz)
    // Set when nothing could be read at all: unopenable file, unknown format, missing
    // question files, a sink that threw. Not also sent to the ErrorSink.
    std::string fatalError;
    bool cancelled = false;
    // ThoughtSource items that carry no generated output (an empty generated_cot): a
    // question nobody answered is not a bad record, but it is counted, not hidden.
    std::size_t questionsWithoutOutputs = 0;
    // ThoughtSource outputs skipped for want of a model and a trigger (see
    // ImportOptions::includeUnnamedRuns). Not errors: they are not a run.
    std::size_t skippedUnnamedOutputs = 0;
    // What the import left out or assumed, one sentence each, for the import summary
    // ("skipped 500 outputs ... (--include-unnamed imports them)").
    std::vector<std::string> notes;
    // sha256 of each ImportOptions::questionFiles entry that was read, same order (empty
    // for a file that could not be read).
    std::vector<std::string> questionFileSha256;
};

using CaseSink = std::function<void(Case&&)>;
using ErrorSink = std::function<void(ImportError&&)>;

// Longest text field accepted; see the policy above.
inline constexpr std::size_t kMaxFieldBytes = std::size_t(1) << 20;

// Reads the start of the file (decompressing .gz) and tells which format it holds. Returns
// Unknown with *error saying what was found and what was expected. Never returns Mapped:
// only a FieldMapping makes a file Mapped.
OutputFormat sniffOutputFormat(const std::string& path, std::string* error);

ImportSummary importOutputs(const std::string& path, const ImportOptions& options,
                            const CaseSink& onCase, const ErrorSink& onError);

} // namespace rs
