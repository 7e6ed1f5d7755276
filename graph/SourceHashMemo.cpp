#include "SourceHashMemo.h"

#include "Sha256.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace rs {

namespace {

constexpr int kMemoVersion = 1;
// Beyond this many remembered files, only those used in this run are kept.
constexpr std::size_t kMaxEntries = 4096;

std::string absolute(const std::string& path) {
    std::error_code ec;
    const auto p = std::filesystem::weakly_canonical(path, ec);
    return ec ? path : p.string();
}

} // namespace

SourceHashMemo::SourceHashMemo(std::string memoFile, std::chrono::nanoseconds racyWindow)
    : memoFile_(std::move(memoFile)), racyWindow_(racyWindow) {
    if (memoFile_.empty())
        return;
    std::ifstream in(memoFile_, std::ios::binary);
    if (!in)
        return;
    try {
        const auto j = nlohmann::json::parse(in);
        if (j.at("version").get<int>() != kMemoVersion)
            return;
        for (const auto& [path, e] : j.at("files").items()) {
            Entry entry;
            entry.identity = {
                e.at("size").get<std::uint64_t>(), e.at("mtimeNs").get<std::uint64_t>(),
                e.at("ctimeNs").get<std::uint64_t>(), e.at("inode").get<std::uint64_t>(),
                e.at("device").get<std::uint64_t>()};
            entry.sha256 = e.at("sha256").get<std::string>();
            if (entry.sha256.size() == 64)
                entries_.emplace(path, std::move(entry));
        }
    } catch (const nlohmann::json::exception&) {
        entries_.clear(); // a damaged memo is simply not used
    }
}

std::optional<SourceHashMemo::Identity> SourceHashMemo::identityOf(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
        return std::nullopt;
    auto ns = [](const timespec& t) {
        return std::uint64_t(t.tv_sec) * 1000000000ull + std::uint64_t(t.tv_nsec);
    };
    return Identity{std::uint64_t(st.st_size), ns(st.st_mtim), ns(st.st_ctim),
                    std::uint64_t(st.st_ino), std::uint64_t(st.st_dev)};
}

std::optional<std::string> SourceHashMemo::sha256(const std::string& path) {
    if (memoFile_.empty())
        return Sha256::hexOfFile(path);
    const std::string key = absolute(path);
    const auto before = identityOf(path);
    if (before) {
        if (auto it = entries_.find(key); it != entries_.end() && it->second.identity == *before) {
            it->second.usedNow = true;
            return it->second.sha256;
        }
    }
    auto sha = Sha256::hexOfFile(path);
    // A file that changed while being hashed gets no entry: the hash may match neither state.
    const auto now = std::uint64_t(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                       std::chrono::system_clock::now().time_since_epoch())
                                       .count());
    const bool racy = before && now < std::max(before->mtimeNs, before->ctimeNs) +
                                          std::uint64_t(racyWindow_.count());
    if (sha && before && !racy && identityOf(path) == before) {
        entries_[key] = Entry{*before, *sha, true};
        dirty_ = true;
    }
    return sha;
}

void SourceHashMemo::save() {
    if (memoFile_.empty() || !dirty_)
        return;
    const bool prune = entries_.size() > kMaxEntries;
    nlohmann::json files = nlohmann::json::object();
    for (const auto& [path, e] : entries_) {
        if (prune && !e.usedNow)
            continue;
        files[path] = {{"size", e.identity.size},       {"mtimeNs", e.identity.mtimeNs},
                       {"ctimeNs", e.identity.ctimeNs}, {"inode", e.identity.inode},
                       {"device", e.identity.device},   {"sha256", e.sha256}};
    }
    const nlohmann::json j = {{"version", kMemoVersion}, {"files", std::move(files)}};
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(memoFile_).parent_path(), ec);
    const std::string temp = memoFile_ + ".tmp-" + std::to_string(::getpid());
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out << j.dump(1, ' ', false, nlohmann::json::error_handler_t::replace);
        if (!out.flush()) {
            out.close();
            std::filesystem::remove(temp, ec);
            return;
        }
    }
    std::filesystem::rename(temp, memoFile_, ec);
    if (ec)
        std::filesystem::remove(temp, ec);
    else
        dirty_ = false;
}

} // namespace rs
