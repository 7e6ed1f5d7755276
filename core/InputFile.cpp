#include "InputFile.h"

#include <zlib.h>

#include <cstdio>
#include <cstring>
#include <vector>

namespace rs {

struct InputFile::Impl {
    std::FILE* file = nullptr;
    bool gzip = false;
    z_stream zs{};
    bool zsInit = false;
    bool streamEnded = false;
    std::vector<unsigned char> in = std::vector<unsigned char>(1 << 16);

    ~Impl() {
        if (zsInit)
            inflateEnd(&zs);
        if (file)
            std::fclose(file);
    }
};

InputFile::InputFile() : d_(std::make_unique<Impl>()) {}
InputFile::~InputFile() = default;

bool InputFile::isGzip() const {
    return d_->gzip;
}

bool InputFile::open(const std::string& path) {
    d_ = std::make_unique<Impl>();
    buffer_.clear();
    pos_ = 0;
    lineNumber_ = 0;
    compressedRead_ = 0;
    eof_ = false;
    error_.clear();
    d_->file = std::fopen(path.c_str(), "rb");
    if (!d_->file) {
        error_ = std::string("cannot open: ") + std::strerror(errno);
        return false;
    }
    if (std::fseek(d_->file, 0, SEEK_END) == 0) {
        const long size = std::ftell(d_->file);
        fileSize_ = size > 0 ? std::size_t(size) : 0;
        std::fseek(d_->file, 0, SEEK_SET);
    }
    unsigned char magic[2] = {0, 0};
    const std::size_t n = std::fread(magic, 1, 2, d_->file);
    std::fseek(d_->file, 0, SEEK_SET);
    if (n == 2 && magic[0] == 0x1f && magic[1] == 0x8b) {
        d_->gzip = true;
        // 15 + 32: zlib or gzip header, detected automatically.
        if (inflateInit2(&d_->zs, 15 + 32) != Z_OK) {
            error_ = "cannot initialise gzip decoder";
            return false;
        }
        d_->zsInit = true;
    }
    return true;
}

// Appends more decoded bytes to buffer_. False at the end of input or on error.
bool InputFile::fill() {
    if (eof_ || !d_->file)
        return false;
    std::vector<char> out(1 << 16);
    if (!d_->gzip) {
        const std::size_t n = std::fread(out.data(), 1, out.size(), d_->file);
        compressedRead_ += n;
        if (n == 0) {
            if (std::ferror(d_->file))
                error_ = "read error";
            eof_ = true;
            return false;
        }
        buffer_.append(out.data(), n);
        return true;
    }
    while (true) {
        if (d_->zs.avail_in == 0) {
            if (d_->streamEnded) {
                eof_ = true;
                return false;
            }
            const std::size_t n = std::fread(d_->in.data(), 1, d_->in.size(), d_->file);
            compressedRead_ += n;
            if (n == 0) {
                eof_ = true;
                error_ = "gzip stream is truncated (unexpected end of file)";
                return false;
            }
            d_->zs.next_in = d_->in.data();
            d_->zs.avail_in = uInt(n);
        }
        d_->zs.next_out = reinterpret_cast<Bytef*>(out.data());
        d_->zs.avail_out = uInt(out.size());
        const int rc = inflate(&d_->zs, Z_NO_FLUSH);
        const std::size_t produced = out.size() - d_->zs.avail_out;
        if (rc == Z_STREAM_END) {
            buffer_.append(out.data(), produced);
            // Concatenated gzip members are legal: continue with the next one if any.
            if (d_->zs.avail_in == 0) {
                const std::size_t n = std::fread(d_->in.data(), 1, d_->in.size(), d_->file);
                compressedRead_ += n;
                d_->zs.next_in = d_->in.data();
                d_->zs.avail_in = uInt(n);
            }
            if (d_->zs.avail_in == 0)
                d_->streamEnded = true;
            else
                inflateReset(&d_->zs);
            if (produced > 0)
                return true;
            continue;
        }
        if (rc != Z_OK && rc != Z_BUF_ERROR) {
            eof_ = true;
            error_ = std::string("gzip data is corrupt: ") +
                     (d_->zs.msg ? d_->zs.msg : "inflate failed");
            return false;
        }
        if (produced > 0) {
            buffer_.append(out.data(), produced);
            return true;
        }
    }
}

bool InputFile::readLine(std::string& line) {
    lastLineTruncated_ = false;
    while (true) {
        const std::size_t nl = buffer_.find('\n', pos_);
        if (nl != std::string::npos) {
            line.assign(buffer_, pos_, nl - pos_);
            pos_ = nl + 1;
            break;
        }
        if (buffer_.size() - pos_ > kMaxLineBytes) {
            // Cut an absurd line rather than hold it all; skip to its end.
            line.assign(buffer_, pos_, kMaxLineBytes);
            lastLineTruncated_ = true;
            buffer_.clear();
            pos_ = 0;
            while (fill()) {
                const std::size_t e = buffer_.find('\n');
                if (e != std::string::npos) {
                    pos_ = e + 1;
                    break;
                }
                buffer_.clear();
            }
            break;
        }
        if (pos_ > 0 && pos_ >= buffer_.size() / 2) {
            buffer_.erase(0, pos_);
            pos_ = 0;
        }
        if (!fill()) {
            if (pos_ < buffer_.size()) {
                line.assign(buffer_, pos_, std::string::npos);
                pos_ = buffer_.size();
                break;
            }
            return false;
        }
    }
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    ++lineNumber_;
    return true;
}

bool InputFile::readAll(std::string& content, std::size_t maxBytes) {
    content.assign(buffer_, pos_, std::string::npos);
    buffer_.clear();
    pos_ = 0;
    while (fill()) {
        content += buffer_;
        buffer_.clear();
        if (content.size() > maxBytes) {
            error_ = "file is larger than the " + std::to_string(maxBytes >> 20) + " MiB limit";
            return false;
        }
    }
    return error_.empty();
}

} // namespace rs
