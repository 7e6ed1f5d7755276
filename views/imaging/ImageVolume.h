#pragma once
// One image as the image view shows it: a vtkImageData (x = column, y = row, z = slice,
// index (0, 0, 0) the first stored pixel) with its physical spacing, the default window and
// level, and what the reader noticed. Greyscale data is float (DICOM/NIfTI rescale already
// applied); colour images stay 8-bit RGB. No Qt here: rs_imaging is tested without a display.
#include <vtkImageData.h>
#include <vtkSmartPointer.h>

#include <array>
#include <string>
#include <vector>

namespace rs::imaging {

struct ImageVolume {
    vtkSmartPointer<vtkImageData> image;
    std::array<int, 3> dims{0, 0, 0};
    std::array<double, 3> spacing{1, 1, 1};
    std::array<double, 3> origin{0, 0, 0}; // of the first voxel, patient/world space
    std::array<double, 9> direction{1, 0, 0, 0, 1,
                                    0, 0, 0, 1}; // row-major; columns are the i, j, k axes
    double window = 1, level = 0.5;              // default display window
    double minValue = 0, maxValue = 0;           // value range after rescale
    int components = 1;                          // 1 grey, 3 RGB
    // Row 0 is the top of the picture (PNG, JPEG, DICOM); NIfTI's j axis points up
    // (anterior/superior), so its rows are shown bottom-up.
    bool rowsDown = true;
    std::string format;             // "PNG", "JPEG", "DICOM", "DICOM series", "NIfTI"
    std::string modality;           // DICOM modality when known (CT, MR, CR, DX, ...)
    std::vector<std::string> notes; // what the reader noticed that the user may want to know

    bool isVolume() const { return dims[2] > 1; }
};

// An image, or why there is none.
struct ImageReadResult {
    bool ok() const { return error.empty() && volume.image; }
    ImageVolume volume;
    std::string error;
};

// Fills range, default window/level from the data when the file gave none.
void computeRange(ImageVolume& v, bool setWindowFromRange);

// A float greyscale vtkImageData of the given size (one component), zero-filled.
vtkSmartPointer<vtkImageData> makeFloatImage(int nx, int ny, int nz,
                                             const std::array<double, 3>& spacing);

} // namespace rs::imaging
