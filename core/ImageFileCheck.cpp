#include "ImageFileCheck.h"

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace rs {

namespace {

namespace fs = std::filesystem;

bool startsWith(const std::array<unsigned char, 352>& head, std::size_t got, const char* magic,
                std::size_t offset = 0) {
    const std::size_t n = std::strlen(magic);
    return got >= offset + n && std::memcmp(head.data() + offset, magic, n) == 0;
}

} // namespace

std::string imageFileProblem(const std::string& path) {
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st))
        return "file not found";
    if (fs::is_directory(st)) {
        // A DICOM series: a folder with at least one regular file in it.
        for (const auto& entry : fs::directory_iterator(path, ec))
            if (entry.is_regular_file(ec))
                return {};
        return ec ? "folder cannot be listed: " + ec.message() : "folder holds no files";
    }
    if (!fs::is_regular_file(st))
        return "not a regular file";
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::string("cannot be read: ") + std::strerror(errno);
    std::array<unsigned char, 352> head{};
    in.read(reinterpret_cast<char*>(head.data()), std::streamsize(head.size()));
    const auto got = std::size_t(in.gcount());
    if (got == 0)
        return "file is empty";
    if (startsWith(head, got, "\x89PNG\r\n\x1a\n") || startsWith(head, got, "\xff\xd8\xff") ||
        startsWith(head, got, "DICM", 128) || startsWith(head, got, "\x1f\x8b"))
        return {}; // PNG, JPEG, DICOM with preamble, gzip (.nii.gz)
    // NIfTI-1: sizeof_hdr 348 in either byte order, magic "n+1" at 344.
    if (startsWith(head, got, "n+1", 344) || startsWith(head, got, "ni1", 344))
        return {};
    // DICOM without the 128-byte preamble starts with a group 0x0002 or 0x0008 tag.
    if (got >= 4 && head[1] == 0 && (head[0] == 0x02 || head[0] == 0x08) && head[3] == 0)
        return {};
    return "not a PNG, JPEG, DICOM or NIfTI file";
}

} // namespace rs
