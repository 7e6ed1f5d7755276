#pragma once
// A quick look at an image path named by an input, without decoding it: does it exist, can
// it be read, and does it start like a format the image view reads (PNG, JPEG, DICOM,
// NIfTI, or a folder of DICOM files)? The analysis records the answer on the case, so a
// missing file is listed with its reason while the rest of the case still opens. The image
// view's readers check the rest (sizes, truncation) when the image is opened.
#include <string>

namespace rs {

// Empty when the path looks readable; otherwise the reason, e.g. "file not found".
std::string imageFileProblem(const std::string& path);

} // namespace rs
