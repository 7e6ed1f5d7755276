#pragma once
// Opens whatever an ImageRef path names: a PNG or JPEG, a DICOM file, a folder holding a
// DICOM series, or a NIfTI volume (.nii, .nii.gz). The format is decided by the bytes, not
// the name. Every failure is an error message; no input makes it crash.
#include "ImageVolume.h"

#include <string>

namespace rs::imaging {

ImageReadResult readImage(const std::string& path);

} // namespace rs::imaging
