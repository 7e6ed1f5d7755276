#pragma once
// The NIH ChestX-ray14 box list (BBox_List_2017.csv): radiologist boxes per image file,
//   Image Index,Finding Label,Bbox [x,y,w,h],,,
//   00013118_008.png,Atelectasis,225.08,547.02,86.78,79.18
// x, y, w, h in pixels of the 1024x1024 image. Every row becomes a reference box of the
// image whose file name equals Image Index. A bad row becomes an ImportError
// ("file:line: reason") and the rest are read.
#include "Case.h"
#include "ImportError.h"

#include <map>
#include <string>
#include <vector>

namespace rs::importers {

class NihBoxList {
public:
    // False (with errors holding why) when the file cannot be read or has no such header.
    bool load(const std::string& path, std::vector<ImportError>& errors);

    // Appends the reference boxes listed for each image's file name that the image does
    // not already carry (the same box given twice counts once). Returns how many.
    std::size_t attachTo(Case& c) const;

    std::size_t imageCount() const { return byImage_.size(); }
    std::size_t boxCount() const { return boxes_; }

private:
    std::map<std::string, std::vector<Box>> byImage_;
    std::size_t boxes_ = 0;
};

} // namespace rs::importers
