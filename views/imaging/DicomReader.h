#pragma once
// DICOM to ImageVolume: one file (single or multi-frame) and a series in a folder (the
// largest series found, slices ordered by position along the slice normal, else by
// instance number). Rescale slope/intercept are applied to the values; the file's window
// centre/width becomes the default window; MONOCHROME1 is inverted so that bright means
// dense as in MONOCHROME2.
#include "ImageVolume.h"

#include <string>

namespace rs::imaging {

ImageReadResult readDicomFileVolume(const std::string& path);
ImageReadResult readDicomSeries(const std::string& folder);

} // namespace rs::imaging
