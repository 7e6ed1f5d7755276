#include "ImageVolume.h"

#include <vtkDataArray.h>
#include <vtkPointData.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace rs::imaging {

vtkSmartPointer<vtkImageData> makeFloatImage(int nx, int ny, int nz,
                                             const std::array<double, 3>& spacing) {
    auto image = vtkSmartPointer<vtkImageData>::New();
    image->SetDimensions(nx, ny, nz);
    image->SetSpacing(spacing[0], spacing[1], spacing[2]);
    image->SetOrigin(0, 0, 0);
    image->AllocateScalars(VTK_FLOAT, 1);
    std::fill_n(static_cast<float*>(image->GetScalarPointer()),
                std::size_t(nx) * std::size_t(ny) * std::size_t(nz), 0.0f);
    return image;
}

void computeRange(ImageVolume& v, bool setWindowFromRange) {
    vtkDataArray* scalars = v.image ? v.image->GetPointData()->GetScalars() : nullptr;
    if (!scalars || scalars->GetNumberOfTuples() == 0)
        return;
    double range[2];
    scalars->GetRange(range, v.components == 1 ? 0 : -1);
    v.minValue = range[0];
    v.maxValue = range[1];
    if (!setWindowFromRange)
        return;
    if (v.components != 1) {
        v.window = 255;
        v.level = 127.5;
        return;
    }
    // The 0.5th to 99.5th percentile: a few hot voxels (MR) or the burned-in text of an
    // X-ray must not flatten the picture to grey.
    const vtkIdType n = scalars->GetNumberOfTuples();
    const vtkIdType step = std::max<vtkIdType>(1, n / 200000);
    std::vector<double> sample;
    sample.reserve(std::size_t(n / step + 1));
    for (vtkIdType i = 0; i < n; i += step)
        sample.push_back(scalars->GetComponent(i, 0));
    auto at = [&](double q) {
        const std::size_t k =
            std::min(sample.size() - 1, std::size_t(q * double(sample.size() - 1)));
        std::nth_element(sample.begin(), sample.begin() + std::ptrdiff_t(k), sample.end());
        return sample[k];
    };
    double lo = at(0.005), hi = at(0.995);
    if (!(hi > lo)) {
        lo = v.minValue;
        hi = v.maxValue > v.minValue ? v.maxValue : v.minValue + 1;
    }
    v.window = hi - lo;
    v.level = (hi + lo) / 2;
}

} // namespace rs::imaging
