#pragma once
// What one knowledge-graph source is read under: where its errors go (capped, so a file of
// garbage cannot fill memory with messages), what it counted, and the cancel flag and
// progress callback of the whole load. Every loader reads its lines through nextLine(),
// so truncated gzip, over-long lines and cancellation are handled the same way everywhere.
#include "DelimitedText.h"
#include "Ids.h"
#include "ImportError.h"

#include <atomic>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace rs {

class InputFile;
class KgHeader;

class KgLoadContext {
public:
    static constexpr std::size_t kDefaultErrorLimit = 1000;

    explicit KgLoadContext(std::string file);

    void setErrorLimit(std::size_t limit) { errorLimit_ = limit; }
    void setCancelFlag(const std::atomic<bool>* cancel) { cancel_ = cancel; }
    // Called now and then with the fraction of this file read so far.
    void setProgress(std::function<void(double)> progress) { progress_ = std::move(progress); }

    const std::string& file() const { return file_; }

    // Opens the file; reports a failure as an error of this source.
    bool open(InputFile& in);
    // Next non-blank line. False at the end, after a read error (reported here), or when
    // the load was cancelled. A line cut short by a truncated gzip stream is reported, not
    // returned: a half line can look like a valid but wrong record.
    bool nextLine(InputFile& in, std::string& line);
    // Next data line that splits into exactly `width` fields; a line that does not is
    // reported (with its number) and skipped. False at the end, as nextLine.
    bool nextRecord(InputFile& in, std::string& line, DelimitedSplitter& fields, std::size_t width);
    // A headerless file's first line, read as the header, was a data line after all.
    void headerWasData() { ++dataLines_; }
    // The first line; an empty file is reported as such.
    bool readHeader(InputFile& in, std::string& line);
    // What every table loader starts with: open the file and parse its header line (split
    // with the fallback delimiter when the header alone cannot tell). False when there is
    // nothing to load; the reason is already reported and the source finished.
    // headerLine receives the raw first line (a headerless SIF's first edge).
    bool openTable(InputFile& in, KgHeader& header, Delimiter fallback = Delimiter::Tab,
                   std::string* headerLine = nullptr);
    static std::string fieldCountMessage(std::size_t expected, std::size_t found);

    void error(std::size_t line, std::string reason);
    // Ends the source: a header without a single data line is reported (a KG source that
    // contributes nothing is a mistake worth showing), then the "... N more lines with
    // errors" summary if errors were dropped.
    // Data lines are those nextLine() returned after the header.
    void finish();

    void noteNode(NodeId n);
    void noteEdge() { ++edges_; }

    bool cancelled() const { return cancel_ && cancel_->load(std::memory_order_relaxed); }
    const std::vector<ImportError>& errors() const { return errors_; }
    std::vector<ImportError> takeErrors() { return std::move(errors_); }
    std::size_t errorCount() const { return errorCount_; }
    // Distinct graph nodes this source named, and the edges it contributed.
    std::size_t nodeCount() const { return nodes_; }
    std::size_t edgeCount() const { return edges_; }

private:
    std::string file_;
    std::size_t errorLimit_ = kDefaultErrorLimit;
    const std::atomic<bool>* cancel_ = nullptr;
    std::function<void(double)> progress_;
    std::vector<ImportError> errors_;
    std::size_t errorCount_ = 0;
    bool summarized_ = false;
    bool headerRead_ = false;
    std::vector<bool> seenNodes_;
    std::size_t nodes_ = 0;
    std::size_t edges_ = 0;
    std::size_t linesSinceTick_ = 0;
    std::size_t dataLines_ = 0;
};

} // namespace rs
