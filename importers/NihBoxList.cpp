#include "NihBoxList.h"

#include "DelimitedText.h"
#include "InputFile.h"

#include <charconv>
#include <cmath>
#include <filesystem>

namespace rs::importers {

namespace {

bool parseNumber(std::string_view field, double& out) {
    field = trimBlanks(field);
    const auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), out);
    return ec == std::errc() && end == field.data() + field.size() && std::isfinite(out);
}

bool sameBox(const Box& a, const Box& b) {
    return a.source == b.source && a.label == b.label && a.is3d == b.is3d &&
           std::abs(a.x - b.x) < 1e-6 && std::abs(a.y - b.y) < 1e-6 && std::abs(a.w - b.w) < 1e-6 &&
           std::abs(a.h - b.h) < 1e-6;
}

} // namespace

bool NihBoxList::load(const std::string& path, std::vector<ImportError>& errors) {
    InputFile in;
    if (!in.open(path)) {
        errors.push_back({path, 0, 0, "cannot read the box list: " + in.error()});
        return false;
    }
    std::string line;
    if (!in.readLine(line)) {
        errors.push_back({path, 1, 0, in.error().empty() ? "the box list is empty" : in.error()});
        return false;
    }
    // A spreadsheet saving as "CSV UTF-8" starts the file with a byte-order mark; the other
    // readers ignore it too (importers/OutputImporter.h).
    if (line.rfind("\xEF\xBB\xBF", 0) == 0)
        line.erase(0, 3);
    DelimitedSplitter split(Delimiter::Comma);
    if (!split.split(line) || split.size() < 3 || trimBlanks(split[0]) != "Image Index" ||
        trimBlanks(split[1]) != "Finding Label") {
        errors.push_back({path, 1, 0,
                          "not an NIH box list: the header must start with 'Image Index,Finding "
                          "Label,Bbox [x,y,w,h]'"});
        return false;
    }
    while (in.readLine(line)) {
        const std::size_t n = in.lineNumber();
        if (trimBlanks(line).empty())
            continue;
        auto bad = [&](const std::string& reason) { errors.push_back({path, n, 0, reason}); };
        if (!split.split(line)) {
            bad(std::string("malformed CSV: ") + split.error());
            continue;
        }
        if (split.size() < 6) {
            bad("expected 6 fields (Image Index, Finding Label, x, y, w, h), found " +
                std::to_string(split.size()));
            continue;
        }
        const std::string image(trimBlanks(split[0]));
        Box b;
        b.source = "reference";
        b.label = std::string(trimBlanks(split[1]));
        if (image.empty() || b.label.empty()) {
            bad(image.empty() ? "empty Image Index" : "empty Finding Label");
            continue;
        }
        static constexpr const char* kNames[] = {"x", "y", "w", "h"};
        double* values[] = {&b.x, &b.y, &b.w, &b.h};
        bool ok = true;
        for (int k = 0; k < 4 && ok; ++k)
            if (!parseNumber(split[std::size_t(2 + k)], *values[k])) {
                bad(std::string(kNames[k]) + " is not a number: '" +
                    std::string(trimBlanks(split[std::size_t(2 + k)])) + "'");
                ok = false;
            }
        if (!ok)
            continue;
        if (b.w <= 0 || b.h <= 0) {
            bad("box of " + image + " has no area (w and h must be positive)");
            continue;
        }
        byImage_[image].push_back(std::move(b));
        ++boxes_;
    }
    if (!in.error().empty())
        errors.push_back({path, in.lineNumber(), 0, in.error()});
    return true;
}

std::size_t NihBoxList::attachTo(Case& c) const {
    std::size_t added = 0;
    for (ImageRef& im : c.images) {
        const auto it = byImage_.find(std::filesystem::path(im.path).filename().string());
        if (it == byImage_.end())
            continue;
        for (const Box& b : it->second) {
            bool present = false;
            for (const Box& have : im.boxes)
                present = present || sameBox(have, b);
            if (!present) {
                im.boxes.push_back(b);
                ++added;
            }
        }
    }
    return added;
}

} // namespace rs::importers
