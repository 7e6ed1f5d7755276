#pragma once
// Reads a text input line by line, plain or gzip (detected from the magic bytes, not the
// name). Lines longer than the limit are cut and flagged rather than exhausting memory; a
// truncated or corrupt gzip stream ends the input with an error instead of garbage.
#include <cstddef>
#include <memory>
#include <string>

namespace rs {

class InputFile {
public:
    InputFile();
    ~InputFile();
    InputFile(const InputFile&) = delete;
    InputFile& operator=(const InputFile&) = delete;

    // False with error() set when the file cannot be opened.
    bool open(const std::string& path);
    bool isGzip() const;

    // Next line without its terminator (\n or \r\n). False at the end or on error; check
    // error() to tell them apart. lineNumber() is 1-based.
    bool readLine(std::string& line);
    std::size_t lineNumber() const { return lineNumber_; }
    bool lastLineTruncated() const { return lastLineTruncated_; }
    const std::string& error() const { return error_; }

    // Whole content (for JSON documents); false with error() on failure or over maxBytes.
    bool readAll(std::string& content, std::size_t maxBytes = std::size_t(4) << 30);

    // Bytes decompressed so far and the compressed size of the file, for progress.
    std::size_t bytesRead() const { return compressedRead_; }
    std::size_t fileSize() const { return fileSize_; }

    static constexpr std::size_t kMaxLineBytes = std::size_t(64) << 20;

private:
    bool fill();
    struct Impl;
    std::unique_ptr<Impl> d_;
    std::string buffer_;
    std::size_t pos_ = 0;
    std::size_t lineNumber_ = 0;
    std::size_t compressedRead_ = 0;
    std::size_t fileSize_ = 0;
    bool eof_ = false;
    bool lastLineTruncated_ = false;
    std::string error_;
};

} // namespace rs
