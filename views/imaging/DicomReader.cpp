#include "DicomReader.h"

#include "DicomFile.h"

#include <vtkPointData.h>
#include <vtkUnsignedCharArray.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>

namespace rs::imaging {

namespace {

void setGeometry(ImageVolume& v, const DicomImage& d, double sliceSpacing) {
    v.spacing = {d.pixelSpacing[1], d.pixelSpacing[0], sliceSpacing > 0 ? sliceSpacing : 1.0};
    if (d.hasPosition)
        v.origin = d.position;
    if (d.hasOrientation) {
        const auto& o = d.orientation;
        const double n[3] = {o[1] * o[5] - o[2] * o[4], o[2] * o[3] - o[0] * o[5],
                             o[0] * o[4] - o[1] * o[3]};
        v.direction = {o[0], o[3], n[0], o[1], o[4], n[1], o[2], o[5], n[2]};
    }
    v.modality = d.modality;
}

// Inverts MONOCHROME1 values (and the window) around the middle of the range.
void invertMonochrome1(ImageVolume& v) {
    float* p = static_cast<float*>(v.image->GetScalarPointer());
    const std::size_t n = std::size_t(v.dims[0]) * std::size_t(v.dims[1]) * std::size_t(v.dims[2]);
    const float sum = float(v.minValue + v.maxValue);
    for (std::size_t i = 0; i < n; ++i)
        p[i] = sum - p[i];
    v.level = double(sum) - v.level;
    v.notes.push_back("MONOCHROME1: shown inverted so that bright means dense");
}

void finishGrey(ImageVolume& v, const DicomImage& first, bool monochrome1) {
    computeRange(v, !first.hasWindow);
    if (first.hasWindow) {
        v.window = first.windowWidth;
        v.level = first.windowCenter;
    }
    if (monochrome1)
        invertMonochrome1(v);
}

} // namespace

ImageReadResult readDicomFileVolume(const std::string& path) {
    ImageReadResult r;
    DicomImage d;
    if (!readDicomFile(path, d, r.error))
        return r;
    ImageVolume& v = r.volume;
    v.format = "DICOM";
    v.dims = {d.columns, d.rows, d.frames};
    setGeometry(v, d, d.sliceThickness);
    if (d.samplesPerPixel == 3) {
        v.components = 3;
        v.image = vtkSmartPointer<vtkImageData>::New();
        v.image->SetDimensions(d.columns, d.rows, d.frames);
        v.image->SetSpacing(v.spacing[0], v.spacing[1], v.spacing[2]);
        v.image->AllocateScalars(VTK_UNSIGNED_CHAR, 3);
        std::copy(d.rgb.begin(), d.rgb.end(),
                  static_cast<unsigned char*>(v.image->GetScalarPointer()));
        computeRange(v, true);
        return r;
    }
    v.image = makeFloatImage(d.columns, d.rows, d.frames, v.spacing);
    std::copy(d.grey.begin(), d.grey.end(), static_cast<float*>(v.image->GetScalarPointer()));
    finishGrey(v, d, d.photometric == "MONOCHROME1");
    return r;
}

ImageReadResult readDicomSeries(const std::string& folder) {
    namespace fs = std::filesystem;
    ImageReadResult r;
    std::error_code ec;
    std::map<std::string, std::vector<std::pair<std::string, DicomImage>>> series;
    std::size_t skipped = 0;
    std::string firstError;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        if (!entry.is_regular_file(ec))
            continue;
        const std::string p = entry.path().string();
        if (!looksLikeDicom(p)) {
            ++skipped;
            continue;
        }
        DicomImage d;
        std::string err;
        if (!readDicomFile(p, d, err, true)) {
            ++skipped;
            if (firstError.empty())
                firstError = entry.path().filename().string() + ": " + err;
            continue;
        }
        series[d.seriesUid].emplace_back(p, std::move(d));
    }
    if (ec) {
        r.error = "cannot list the folder: " + ec.message();
        return r;
    }
    if (series.empty()) {
        r.error = "no readable DICOM file in the folder" +
                  (firstError.empty() ? "" : " (" + firstError + ")");
        return r;
    }
    auto largest = std::max_element(series.begin(), series.end(), [](const auto& a, const auto& b) {
        return a.second.size() < b.second.size();
    });
    auto& slices = largest->second;
    const DicomImage& ref = slices.front().second;
    // Slices of another size or layout cannot be stacked with the rest.
    std::erase_if(slices, [&](const auto& s) {
        const bool odd = s.second.rows != ref.rows || s.second.columns != ref.columns ||
                         s.second.frames != 1 || s.second.samplesPerPixel != 1;
        skipped += odd;
        return odd;
    });
    if (slices.empty()) {
        r.error = "the series has no single-frame greyscale slices";
        return r;
    }
    const auto& o = ref.orientation;
    const double normal[3] = {o[1] * o[5] - o[2] * o[4], o[2] * o[3] - o[0] * o[5],
                              o[0] * o[4] - o[1] * o[3]};
    auto along = [&](const DicomImage& d) {
        return d.position[0] * normal[0] + d.position[1] * normal[1] + d.position[2] * normal[2];
    };
    const bool byPosition = std::all_of(slices.begin(), slices.end(),
                                        [](const auto& s) { return s.second.hasPosition; });
    std::stable_sort(slices.begin(), slices.end(), [&](const auto& a, const auto& b) {
        return byPosition ? along(a.second) < along(b.second)
                          : a.second.instanceNumber < b.second.instanceNumber;
    });
    double sliceSpacing = ref.sliceThickness;
    if (byPosition && slices.size() > 1) {
        const double span = along(slices.back().second) - along(slices.front().second);
        if (span > 0)
            sliceSpacing = span / double(slices.size() - 1);
    }

    ImageVolume& v = r.volume;
    v.format = "DICOM series";
    const int nz = int(slices.size());
    v.dims = {ref.columns, ref.rows, nz};
    setGeometry(v, slices.front().second, sliceSpacing);
    v.image = makeFloatImage(ref.columns, ref.rows, nz, v.spacing);
    float* out = static_cast<float*>(v.image->GetScalarPointer());
    const std::size_t plane = std::size_t(ref.columns) * std::size_t(ref.rows);
    DicomImage first;
    for (int z = 0; z < nz; ++z) {
        DicomImage d;
        std::string err;
        if (!readDicomFile(slices[std::size_t(z)].first, d, err)) {
            r.error = fs::path(slices[std::size_t(z)].first).filename().string() + ": " + err;
            return r;
        }
        std::copy(d.grey.begin(), d.grey.end(), out + plane * std::size_t(z));
        if (z == 0)
            first = std::move(d);
    }
    if (skipped > 0)
        v.notes.push_back(
            std::to_string(skipped) +
            " file(s) in the folder skipped (not DICOM, another size, or unreadable)");
    if (series.size() > 1)
        v.notes.push_back("the folder holds " + std::to_string(series.size()) +
                          " series; showing the largest");
    finishGrey(v, first, ref.photometric == "MONOCHROME1");
    return r;
}

} // namespace rs::imaging
