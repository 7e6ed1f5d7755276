#include "ImageReader.h"

#include "DicomFile.h"
#include "DicomReader.h"
#include "NiftiReader.h"
#include "RasterImageReader.h"

#include <cstring>
#include <filesystem>
#include <fstream>

namespace rs::imaging {

ImageReadResult readImage(const std::string& path) {
    namespace fs = std::filesystem;
    ImageReadResult r;
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
        r.error = "file not found";
        return r;
    }
    if (fs::is_directory(status))
        return readDicomSeries(path);
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        r.error = "cannot open the file";
        return r;
    }
    char head[352] = {};
    in.read(head, sizeof head);
    const auto got = std::size_t(in.gcount());
    if (got == 0) {
        r.error = "file is empty";
        return r;
    }
    auto has = [&](const char* magic, std::size_t n, std::size_t at = 0) {
        return got >= at + n && std::memcmp(head + at, magic, n) == 0;
    };
    if (has("\x89PNG", 4) || has("\xff\xd8\xff", 3))
        return readRasterImage(path);
    if (has("\x1f\x8b", 2) || has("n+1", 4, 344) || has("ni1", 4, 344))
        return readNifti(path);
    if (looksLikeDicom(path))
        return readDicomFileVolume(path);
    r.error = "not a PNG, JPEG, DICOM or NIfTI file";
    return r;
}

} // namespace rs::imaging
