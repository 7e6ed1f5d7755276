#pragma once
// State one import shares between importOutputs and the reader doing the work: where the
// file is, the sinks, the running summary. Every case and error goes through here so the
// counts, the run label and the output guarantees (limits, UTF-8) hold for all formats.
#include "OutputImporter.h"

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>

namespace rs::importers {

class ImportContext {
public:
    ImportContext(const std::string& path, const ImportOptions& options, const CaseSink& onCase,
                  const ErrorSink& onError, ImportSummary& summary);

    const std::string& path() const { return path_; }
    const ImportOptions& options() const { return options_; }
    ImportSummary& summary() { return summary_; }
    // File name and name without ".gz" and extension, as valid UTF-8 (they end up in keys
    // and run labels).
    const std::string& fileName() const { return fileName_; }
    const std::string& fileStem() const { return fileStem_; }
    // Folder of the file, for resolving relative image paths.
    const std::filesystem::path& directory() const { return directory_; }

    // The run of cases whose format names none, instead of the file name: the folder's name
    // when the file is one of a folder imported together.
    void setDefaultRun(std::string run) { defaultRun_ = std::move(run); }

    // True once the cancel flag is set; marks the summary cancelled.
    bool cancelRequested();

    // Reports one error against this file, or against another file (a question file).
    void error(std::size_t line, std::size_t record, std::string reason);
    void errorIn(const std::string& file, std::size_t line, std::size_t record, std::string reason);

    // Completes a case (source location, run label, default key and run) and hands it on.
    // A case over the field limit, or repeating the key of an earlier case of the same run
    // in this file, is reported as an error, prefixed with `where`, instead. Returns
    // whether the case was delivered.
    bool emit(Case&& c, std::size_t line, std::size_t record, std::string_view where = {});

    // "<file name>#<n>" for a record without an id of its own.
    std::string defaultKey(std::size_t n) const { return fileName_ + "#" + std::to_string(n); }

private:
    const std::string& path_;
    const ImportOptions& options_;
    const CaseSink& onCase_;
    const ErrorSink& onError_;
    ImportSummary& summary_;
    std::string fileName_;
    std::string fileStem_;
    std::filesystem::path directory_;
    std::string defaultRun_;
    // run + '\n' + key -> where it was first seen ("line 3").
    std::unordered_map<std::string, std::string> seen_;
};

} // namespace rs::importers
