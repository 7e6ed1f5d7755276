#pragma once
// JPEG pixels through libjpeg with an error manager of our own. VTK's JPEG reader leaks its
// decoder state when libjpeg stops with a fatal error in the image data (fuzz_raster), and
// no check of the markers can see damage inside the entropy-coded data; here every fatal
// error unwinds to one place that always destroys the decoder. libjpeg is the library
// VTK's reader uses (the system's libjpeg62-turbo) and is called with the same defaults, so
// a valid file gives the same pixels as before.
#include <cstddef>
#include <string>
#include <vector>

namespace rs::imaging {

struct JpegPixels {
    int width = 0, height = 0;
    int components = 0;              // 1 grey, 3 RGB, 4 CMYK (libjpeg's output components)
    std::vector<unsigned char> data; // top row first, components interleaved
    std::string warning;             // libjpeg's first warning (damage it decoded past)
};

// Decoded pixels (empty result), or why there are none. maxBytes bounds the decoded size.
std::string decodeJpeg(const std::string& bytes, std::size_t maxBytes, JpegPixels& out);

} // namespace rs::imaging
