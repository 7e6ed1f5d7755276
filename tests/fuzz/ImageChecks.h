#pragma once
// What every image reader promises (views/imaging/ImageReader.h): an image or a message,
// and an image whose vtkImageData agrees with the dimensions it reports.
#include "FuzzSupport.h"
#include "ImageVolume.h"

namespace rs::fuzz {

inline void checkImage(const imaging::ImageReadResult& r) {
    if (!r.ok()) {
        check(!r.error.empty() || !r.volume.image, "no image and no message");
        return;
    }
    int dims[3];
    r.volume.image->GetDimensions(dims);
    for (int k = 0; k < 3; ++k)
        check(dims[k] == r.volume.dims[k] && dims[k] > 0,
              "image dimensions disagree with the volume's");
    check(r.volume.image->GetNumberOfScalarComponents() == r.volume.components,
          "components disagree");
}

} // namespace rs::fuzz
