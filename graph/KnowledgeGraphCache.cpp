#include "KnowledgeGraphCache.h"

#include "Sha256.h"

#include <nlohmann/json.hpp>
#include <zlib.h>

#include <atomic>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <istream>
#include <ostream>
#include <streambuf>
#include <unistd.h>

namespace rs {

namespace {

constexpr char kMagic[8] = {'R', 'S', 'K', 'G', 'C', '0', '0', '1'};
// magic + JSON length before the payload, CRC-32 after it.
constexpr std::size_t kHeaderBytes = sizeof(kMagic) + sizeof(std::uint64_t);
constexpr std::size_t kTrailerBytes = sizeof(std::uint32_t);

std::uint32_t crcUpdate(std::uint32_t crc, const char* data, std::size_t size) {
    return std::uint32_t(crc32_z(crc, reinterpret_cast<const Bytef*>(data), size));
}

// Writes through to a FILE, keeping the CRC of everything written, so a multi-hundred-MB
// graph is checksummed without a second in-memory copy.
class CrcFileBuf : public std::streambuf {
public:
    explicit CrcFileBuf(std::FILE* file) : file_(file), buffer_(std::size_t(1) << 20) {
        setp(buffer_.data(), buffer_.data() + buffer_.size());
    }
    bool ok() const { return ok_; }
    std::uint32_t crc() const { return crc_; }
    bool flushAll() { return flushBuffer() && ok_; }

protected:
    int_type overflow(int_type ch) override {
        if (!flushBuffer())
            return traits_type::eof();
        if (!traits_type::eq_int_type(ch, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(ch);
            pbump(1);
        }
        return traits_type::not_eof(ch);
    }
    std::streamsize xsputn(const char* s, std::streamsize n) override {
        if (std::size_t(n) < buffer_.size())
            return std::streambuf::xsputn(s, n);
        if (!flushBuffer() || !writeOut(s, std::size_t(n)))
            return 0;
        return n;
    }
    int sync() override { return flushBuffer() ? 0 : -1; }

private:
    bool writeOut(const char* s, std::size_t n) {
        crc_ = crcUpdate(crc_, s, n);
        if (ok_ && std::fwrite(s, 1, n, file_) != n)
            ok_ = false;
        return ok_;
    }
    bool flushBuffer() {
        const std::size_t n = std::size_t(pptr() - pbase());
        setp(buffer_.data(), buffer_.data() + buffer_.size());
        return n == 0 || writeOut(buffer_.data(), n);
    }

    std::FILE* file_;
    std::vector<char> buffer_;
    std::uint32_t crc_ = 0;
    bool ok_ = true;
};

class MemoryBuf : public std::streambuf {
public:
    MemoryBuf(const char* data, std::size_t size) {
        char* p = const_cast<char*>(data); // read-only use: only the get area is set
        setg(p, p, p + size);
    }
};

nlohmann::json toJson(const std::vector<std::string>& sourceSha256s,
                      const std::vector<KgSourceReport>& sources,
                      const std::vector<ImportError>& errors) {
    nlohmann::json j;
    j["loaderVersion"] = kKgLoaderVersion;
    j["sourceSha256"] = sourceSha256s;
    auto& js = j["sources"] = nlohmann::json::array();
    for (const auto& s : sources)
        js.push_back({{"path", s.path},
                      {"format", s.format},
                      {"sha256", s.sha256},
                      {"nodes", s.nodes},
                      {"newNodes", s.newNodes},
                      {"edges", s.edges},
                      {"errors", s.errors}});
    auto& je = j["errors"] = nlohmann::json::array();
    for (const auto& e : errors)
        je.push_back(
            {{"file", e.file}, {"line", e.line}, {"record", e.record}, {"reason", e.reason}});
    return j;
}

} // namespace

std::string kgCachePath(const std::string& cacheDir,
                        const std::vector<std::string>& sourceSha256s) {
    Sha256 h;
    h.update("reasonscope-kg-cache\n" + std::to_string(kKgLoaderVersion) + "\n");
    for (const auto& s : sourceSha256s) {
        h.update(s);
        h.update("\n");
    }
    return (std::filesystem::path(cacheDir) / ("kg-" + h.hexDigest() + ".bin")).string();
}

std::optional<KgCacheEntry> readKgCache(const std::string& path,
                                        const std::vector<std::string>& sourceSha256s,
                                        std::string* why) {
    auto fail = [&](std::string reason) -> std::optional<KgCacheEntry> {
        if (why)
            *why = std::move(reason);
        return std::nullopt;
    };
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec)
        return fail("no cache file");
    if (size < kHeaderBytes + kTrailerBytes)
        return fail("cache file is truncated");
    std::ifstream in(path, std::ios::binary);
    std::string data(size, '\0');
    if (!in.read(data.data(), std::streamsize(size)))
        return fail("cannot read the cache file");
    if (std::memcmp(data.data(), kMagic, sizeof(kMagic)) != 0)
        return fail("not a ReasonScope knowledge-graph cache (or an older format)");
    std::uint64_t jsonSize = 0;
    std::memcpy(&jsonSize, data.data() + sizeof(kMagic), sizeof(jsonSize));
    if (jsonSize > size - kHeaderBytes - kTrailerBytes)
        return fail("cache file is truncated");
    std::uint32_t storedCrc = 0;
    std::memcpy(&storedCrc, data.data() + size - kTrailerBytes, sizeof(storedCrc));
    if (crcUpdate(0, data.data(), size - kTrailerBytes) != storedCrc)
        return fail("cache file is damaged (checksum mismatch)");

    KgCacheEntry entry;
    try {
        const auto j = nlohmann::json::parse(data.data() + kHeaderBytes,
                                             data.data() + kHeaderBytes + jsonSize);
        if (j.at("loaderVersion").get<int>() != kKgLoaderVersion ||
            j.at("sourceSha256").get<std::vector<std::string>>() != sourceSha256s)
            return fail("cache file was made for other sources or another version");
        for (const auto& s : j.at("sources"))
            entry.sources.push_back(
                {s.at("path").get<std::string>(), s.at("format").get<std::string>(),
                 s.at("sha256").get<std::string>(), s.at("nodes").get<std::size_t>(),
                 s.at("newNodes").get<std::size_t>(), s.at("edges").get<std::size_t>(),
                 s.at("errors").get<std::size_t>()});
        for (const auto& e : j.at("errors"))
            entry.errors.push_back(
                {e.at("file").get<std::string>(), e.at("line").get<std::size_t>(),
                 e.at("record").get<std::size_t>(), e.at("reason").get<std::string>()});
    } catch (const nlohmann::json::exception& e) {
        return fail(std::string("cache file header is damaged: ") + e.what());
    }
    if (entry.sources.size() != sourceSha256s.size())
        return fail("cache file lists a different number of sources");

    const std::size_t graphBegin = kHeaderBytes + jsonSize;
    MemoryBuf buf(data.data() + graphBegin, size - kTrailerBytes - graphBegin);
    std::istream graphIn(&buf);
    std::string graphError;
    auto graph = KnowledgeGraph::load(graphIn, &graphError);
    if (!graph)
        return fail(graphError);
    entry.graph = std::move(*graph);
    return entry;
}

bool writeKgCache(const std::string& path, const std::vector<std::string>& sourceSha256s,
                  const KnowledgeGraph& graph, const std::vector<KgSourceReport>& sources,
                  const std::vector<ImportError>& errors, std::string* why) {
    namespace fs = std::filesystem;
    auto fail = [&](std::string reason) {
        if (why)
            *why = std::move(reason);
        return false;
    };
    std::error_code ec;
    const fs::path target(path);
    if (target.has_parent_path())
        fs::create_directories(target.parent_path(), ec);
    // Unique per process and call, so two instances writing the same cache cannot mix.
    static std::atomic<unsigned> counter{0};
    const std::string temp =
        path + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
    std::FILE* file = std::fopen(temp.c_str(), "wb");
    if (!file)
        return fail("cannot create " + temp + ": " + std::strerror(errno));

    const std::string json = toJson(sourceSha256s, sources, errors)
                                 .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    CrcFileBuf buf(file);
    {
        std::ostream out(&buf);
        out.write(kMagic, sizeof(kMagic));
        const std::uint64_t jsonSize = json.size();
        out.write(reinterpret_cast<const char*>(&jsonSize), sizeof(jsonSize));
        out.write(json.data(), std::streamsize(json.size()));
        graph.save(out);
        out.flush();
    }
    bool ok = buf.flushAll();
    const std::uint32_t crc = buf.crc();
    ok = ok && std::fwrite(&crc, sizeof(crc), 1, file) == 1;
    ok = (std::fclose(file) == 0) && ok;
    if (!ok) {
        fs::remove(temp, ec);
        return fail("cannot write " + temp + " (disk full?)");
    }
    fs::rename(temp, target, ec);
    if (ec) {
        const std::string reason = "cannot rename the cache into place: " + ec.message();
        fs::remove(temp, ec);
        return fail(reason);
    }
    return true;
}

} // namespace rs
