// A PNG or JPEG file (structure checks, then VTK's PNG reader or our libjpeg decoder).
#include "ImageChecks.h"
#include "RasterImageReader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string path = rs::fuzz::writeScratch("image.png", data, size);
    rs::fuzz::checkImage(rs::imaging::readRasterImage(path));
    return 0;
}
