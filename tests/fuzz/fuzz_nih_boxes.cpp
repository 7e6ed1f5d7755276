// The NIH ChestX-ray14 box list (--boxes): load, then attach to a case naming images.
#include "FuzzSupport.h"
#include "NihBoxList.h"

#include <cmath>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace rs;
    const std::string path = fuzz::writeScratch("BBox_List.csv", data, size);
    importers::NihBoxList list;
    std::vector<ImportError> errors;
    if (!list.load(path, errors)) {
        fuzz::check(!errors.empty(), "a refused box list without a message");
        return 0;
    }
    Case c;
    c.key = "k";
    for (const char* name : {"00013118_008.png", "00014716_007.png", "a.png"}) {
        ImageRef ref;
        ref.path = name;
        c.images.push_back(ref);
    }
    list.attachTo(c);
    for (const ImageRef& image : c.images)
        for (const Box& b : image.boxes)
            fuzz::check(std::isfinite(b.x) && std::isfinite(b.y) && std::isfinite(b.w) &&
                            std::isfinite(b.h),
                        "a reference box with a coordinate that is not finite");
    return 0;
}
