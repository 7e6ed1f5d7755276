#pragma once
// A minimal DICOM Part 10 reader for what the image view needs: the geometry, value
// mapping (rescale slope/intercept, window centre/width) and uncompressed pixel data of one
// file. Written here rather than taken from vtkDICOMImageReader because that reader trusts
// element lengths (a truncated file can crash it) and ignores the window tags. Transfer
// syntaxes: implicit VR little endian, explicit VR little and big endian; compressed
// (encapsulated) pixel data is refused with a message. Plain C++, no VTK.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace rs::imaging {

struct DicomImage {
    std::string modality, seriesUid, photometric, transferSyntax;
    int rows = 0, columns = 0, frames = 1, samplesPerPixel = 1, planarConfiguration = 0;
    int bitsAllocated = 0, bitsStored = 0, pixelRepresentation = 0; // 1: signed
    int instanceNumber = 0;
    double slope = 1, intercept = 0;
    bool hasWindow = false;
    double windowCenter = 0, windowWidth = 0;
    std::array<double, 2> pixelSpacing{1, 1}; // row spacing (between rows), column spacing
    bool hasPixelSpacing = false;
    double sliceThickness = 0;
    bool hasPosition = false, hasOrientation = false;
    std::array<double, 3> position{0, 0, 0};
    std::array<double, 6> orientation{1, 0, 0, 0, 1, 0};
    // Greyscale: rows*columns*frames values, rescale applied, MONOCHROME1 not yet inverted.
    std::vector<float> grey;
    // RGB: rows*columns*frames*3 bytes, interleaved.
    std::vector<std::uint8_t> rgb;
};

// Parses path; headerOnly skips converting the pixels (for sorting a series). False with
// error set on anything it cannot read; never reads past the end of the file.
bool readDicomFile(const std::string& path, DicomImage& out, std::string& error,
                   bool headerOnly = false);

// Whether the bytes look like DICOM: "DICM" after the preamble, or a plausible first tag.
bool looksLikeDicom(const std::string& path);

} // namespace rs::imaging
