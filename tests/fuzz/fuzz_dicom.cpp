// A DICOM file (single or multi-frame).
#include "DicomReader.h"
#include "ImageChecks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string path = rs::fuzz::writeScratch("image.dcm", data, size);
    rs::fuzz::checkImage(rs::imaging::readDicomFileVolume(path));
    return 0;
}
