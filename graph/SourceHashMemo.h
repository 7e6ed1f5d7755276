#pragma once
// Remembers each source file's sha256 against the file's identity (path, size, mtime,
// ctime, inode), so a cached start does not read gigabytes of PrimeKG text just to hash it:
// without this, hashing alone takes longer than loading the binary cache. Any change to
// the file changes its ctime, so a stale hash is not reused. Lives beside the cache.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

namespace rs {

class SourceHashMemo {
public:
    // memoFile empty: remember nothing, always hash. A file changed less than racyWindow
    // ago is not remembered: a second write within the clock's granularity (a few ms)
    // could leave size and times as they were, and the memo would vouch for old content.
    explicit SourceHashMemo(std::string memoFile,
                            std::chrono::nanoseconds racyWindow = std::chrono::seconds(2));

    // nullopt when the file cannot be read.
    std::optional<std::string> sha256(const std::string& path);
    // Writes the memo back if it learnt anything. A failure is ignored: it is a shortcut only.
    void save();

private:
    struct Identity {
        std::uint64_t size = 0, mtimeNs = 0, ctimeNs = 0, inode = 0, device = 0;
        bool operator==(const Identity&) const = default;
    };
    struct Entry {
        Identity identity;
        std::string sha256;
        bool usedNow = false;
    };
    static std::optional<Identity> identityOf(const std::string& path);

    std::string memoFile_;
    std::chrono::nanoseconds racyWindow_;
    std::unordered_map<std::string, Entry> entries_;
    bool dirty_ = false;
};

} // namespace rs
