#pragma once
// SHA-256, for recording which exact input files a project was built from and for keying
// the knowledge-graph cache.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rs {

class Sha256 {
public:
    Sha256();
    void update(const void* data, std::size_t size);
    void update(std::string_view s) { update(s.data(), s.size()); }
    std::array<std::uint8_t, 32> digest();
    std::string hexDigest();

    static std::string hex(std::string_view data);
    // Hash of a whole file, or nullopt when it cannot be read.
    static std::optional<std::string> hexOfFile(const std::string& path);

private:
    void block(const std::uint8_t* p);
    std::array<std::uint32_t, 8> h_;
    std::array<std::uint8_t, 64> buf_{};
    std::size_t bufLen_ = 0;
    std::uint64_t total_ = 0;
};

} // namespace rs
