#include "KgLoadContext.h"

#include "KgHeader.h"

#include "InputFile.h"

namespace rs {

namespace {
// Polling the cancel flag and reporting progress per line would cost more than the parse.
constexpr std::size_t kLinesPerTick = 8192;
} // namespace

KgLoadContext::KgLoadContext(std::string file) : file_(std::move(file)) {}

bool KgLoadContext::open(InputFile& in) {
    if (in.open(file_))
        return true;
    error(0, in.error());
    return false;
}

bool KgLoadContext::nextLine(InputFile& in, std::string& line) {
    while (true) {
        if (++linesSinceTick_ >= kLinesPerTick) {
            linesSinceTick_ = 0;
            if (cancelled())
                return false;
            if (progress_ && in.fileSize() > 0)
                progress_(double(in.bytesRead()) / double(in.fileSize()));
        }
        if (!in.readLine(line)) {
            if (!in.error().empty())
                error(in.lineNumber() + 1, in.error());
            return false;
        }
        if (!in.error().empty()) {
            error(in.lineNumber(), in.error() + "; the last, incomplete line is not used");
            return false;
        }
        if (in.lastLineTruncated()) {
            error(in.lineNumber(), "line longer than " +
                                       std::to_string(InputFile::kMaxLineBytes >> 20) +
                                       " MiB; skipped");
            continue;
        }
        if (line.find_first_not_of(" \t") == std::string::npos)
            continue;
        if (headerRead_)
            ++dataLines_;
        return true;
    }
}

bool KgLoadContext::nextRecord(InputFile& in, std::string& line, DelimitedSplitter& fields,
                               std::size_t width) {
    while (nextLine(in, line)) {
        if (!fields.split(line)) {
            error(in.lineNumber(), fields.error());
            continue;
        }
        if (fields.size() != width) {
            error(in.lineNumber(), fieldCountMessage(width, fields.size()));
            continue;
        }
        return true;
    }
    return false;
}

void KgLoadContext::error(std::size_t line, std::string reason) {
    ++errorCount_;
    if (errors_.size() < errorLimit_)
        errors_.push_back(ImportError{file_, line, 0, std::move(reason)});
}

bool KgLoadContext::readHeader(InputFile& in, std::string& line) {
    const std::size_t before = errorCount_;
    if (nextLine(in, line)) {
        headerRead_ = true;
        return true;
    }
    if (errorCount_ == before && !cancelled())
        error(0, "file is empty");
    return false;
}

bool KgLoadContext::openTable(InputFile& in, KgHeader& header, Delimiter fallback,
                              std::string* headerLine) {
    if (!open(in))
        return false;
    std::string line;
    if (!readHeader(in, line)) {
        finish();
        return false;
    }
    header.parse(line, fallback);
    if (headerLine)
        *headerLine = std::move(line);
    return true;
}

std::string KgLoadContext::fieldCountMessage(std::size_t expected, std::size_t found) {
    return "expected " + std::to_string(expected) + " fields, found " + std::to_string(found);
}

void KgLoadContext::finish() {
    if (summarized_)
        return;
    summarized_ = true;
    if (headerRead_ && dataLines_ == 0 && !cancelled())
        error(1, "header only: no data lines");
    if (errorCount_ <= errors_.size())
        return;
    const std::size_t dropped = errorCount_ - errors_.size();
    errors_.push_back(ImportError{
        file_, 0, 0, "... " + std::to_string(dropped) + " more lines with errors (not listed)"});
}

void KgLoadContext::noteNode(NodeId n) {
    if (n >= seenNodes_.size())
        seenNodes_.resize(std::size_t(n) + 1 + seenNodes_.size() / 2);
    if (!seenNodes_[n]) {
        seenNodes_[n] = true;
        ++nodes_;
    }
}

} // namespace rs
