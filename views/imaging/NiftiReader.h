#pragma once
// NIfTI-1 single-file volumes (.nii, .nii.gz): the first 3D volume (a 4D series shows its
// first time point), scl_slope/scl_inter applied, spacing from pixdim, orientation from the
// sform or qform. Read here rather than through vtkNIFTIImageReader so that the header's
// sizes are checked against the bytes actually there: a truncated or corrupt file gives a
// message, never a crash or a picture of garbage.
#include "ImageVolume.h"

#include <string>

namespace rs::imaging {

ImageReadResult readNifti(const std::string& path);

} // namespace rs::imaging
