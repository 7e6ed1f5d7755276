// A NIfTI-1 volume, plain or gzip (zlib tells them apart by the bytes).
#include "ImageChecks.h"
#include "NiftiReader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string path = rs::fuzz::writeScratch("volume.nii.gz", data, size);
    rs::fuzz::checkImage(rs::imaging::readNifti(path));
    return 0;
}
