#pragma once
// PNG through VTK's reader and JPEG through libjpeg (JpegDecoder.h), after checking the
// file's structure ourselves: VTK's PNG reader hands a damaged file to libpng, which
// reports the damage through error handlers VTK does not survive. A PNG must have its IHDR
// and reach IEND with every chunk inside the file; a JPEG must have a frame header, a scan,
// and its end marker. Greyscale (also RGB with equal channels) becomes one float
// component; colour stays RGB.
#include "ImageVolume.h"

#include <string>

namespace rs::imaging {

ImageReadResult readRasterImage(const std::string& path);

// The structural checks alone: empty when the file is whole, otherwise what is wrong.
std::string pngStructureProblem(const std::string& bytes);
std::string jpegStructureProblem(const std::string& bytes);

} // namespace rs::imaging
