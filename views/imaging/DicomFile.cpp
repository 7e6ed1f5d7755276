#include "DicomFile.h"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

namespace rs::imaging {

namespace {

constexpr std::uint32_t kUndefined = 0xFFFFFFFFu;

std::string tagText(std::uint16_t g, std::uint16_t e) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "(%04X,%04X)", g, e);
    return buf;
}

class Cursor {
public:
    Cursor(const std::string& data, std::size_t pos) : d_(data), pos_(pos) {}
    bool bigEndian = false;
    bool explicitVr = true;

    std::size_t pos() const { return pos_; }
    std::size_t left() const { return d_.size() - pos_; }
    bool atEnd() const { return pos_ >= d_.size(); }

    bool u16(std::uint16_t& v) {
        if (left() < 2)
            return false;
        const auto* p = reinterpret_cast<const unsigned char*>(d_.data() + pos_);
        v = bigEndian ? std::uint16_t(p[0] << 8 | p[1]) : std::uint16_t(p[1] << 8 | p[0]);
        pos_ += 2;
        return true;
    }
    bool u32(std::uint32_t& v) {
        if (left() < 4)
            return false;
        const auto* p = reinterpret_cast<const unsigned char*>(d_.data() + pos_);
        v = bigEndian ? (std::uint32_t(p[0]) << 24 | std::uint32_t(p[1]) << 16 |
                         std::uint32_t(p[2]) << 8 | p[3])
                      : (std::uint32_t(p[3]) << 24 | std::uint32_t(p[2]) << 16 |
                         std::uint32_t(p[1]) << 8 | p[0]);
        pos_ += 4;
        return true;
    }
    bool bytes(std::size_t n, std::string_view& out) {
        if (left() < n)
            return false;
        out = std::string_view(d_).substr(pos_, n);
        pos_ += n;
        return true;
    }
    void seek(std::size_t p) { pos_ = p; }

private:
    const std::string& d_;
    std::size_t pos_;
};

struct Element {
    std::uint16_t group = 0, element = 0;
    char vr[3] = {0, 0, 0};
    std::uint32_t length = 0;
    std::size_t valuePos = 0;
};

bool longLengthVr(const char* vr) {
    for (const char* v :
         {"OB", "OD", "OF", "OL", "OW", "SQ", "UC", "UR", "UT", "UN", "OV", "SV", "UV"})
        if (vr[0] == v[0] && vr[1] == v[1])
            return true;
    return false;
}

// Reads one element header. The delimitation items (FFFE,xxxx) never carry a VR.
bool readHeader(Cursor& c, Element& e, std::string& error) {
    if (!c.u16(e.group) || !c.u16(e.element)) {
        error = "file ends inside an element tag";
        return false;
    }
    if (e.group == 0xFFFE || !c.explicitVr) {
        e.vr[0] = e.vr[1] = 0;
        if (!c.u32(e.length)) {
            error = "file ends inside the length of " + tagText(e.group, e.element);
            return false;
        }
    } else {
        std::string_view vr;
        if (!c.bytes(2, vr)) {
            error = "file ends inside the VR of " + tagText(e.group, e.element);
            return false;
        }
        e.vr[0] = vr[0];
        e.vr[1] = vr[1];
        if (longLengthVr(e.vr)) {
            std::uint16_t reserved;
            if (!c.u16(reserved) || !c.u32(e.length)) {
                error = "file ends inside the length of " + tagText(e.group, e.element);
                return false;
            }
        } else {
            std::uint16_t l16;
            if (!c.u16(l16)) {
                error = "file ends inside the length of " + tagText(e.group, e.element);
                return false;
            }
            e.length = l16;
        }
    }
    e.valuePos = c.pos();
    return true;
}

// Skips an undefined-length sequence or item: nested elements until the delimiter.
bool skipUndefined(Cursor& c, int depth, std::string& error);

bool skipValue(Cursor& c, const Element& e, int depth, std::string& error) {
    if (e.length != kUndefined) {
        if (c.left() < e.length) {
            error = "file ends inside " + tagText(e.group, e.element) + " (" +
                    std::to_string(e.length) + " bytes announced, " + std::to_string(c.left()) +
                    " left)";
            return false;
        }
        c.seek(c.pos() + e.length);
        return true;
    }
    return skipUndefined(c, depth + 1, error);
}

bool skipUndefined(Cursor& c, int depth, std::string& error) {
    if (depth > 16) {
        error = "sequences nested too deeply";
        return false;
    }
    while (!c.atEnd()) {
        Element e;
        if (!readHeader(c, e, error))
            return false;
        if (e.group == 0xFFFE && (e.element == 0xE0DD || e.element == 0xE00D))
            return true; // sequence / item delimitation
        // Items inside a sequence are always in implicit form (FFFE,E000 length).
        if (!skipValue(c, e, depth, error))
            return false;
    }
    error = "file ends inside an undefined-length sequence";
    return false;
}

std::string trimmed(std::string_view v) {
    std::size_t b = 0, e = v.size();
    while (b < e && (v[b] == ' ' || v[b] == '\0'))
        ++b;
    while (e > b && (v[e - 1] == ' ' || v[e - 1] == '\0'))
        --e;
    return std::string(v.substr(b, e - b));
}

// Decimal strings, backslash-separated.
std::vector<double> numbers(std::string_view v) {
    std::vector<double> out;
    std::string s = trimmed(v);
    std::stringstream ss(s);
    std::string item;
    while (std::getline(ss, item, '\\')) {
        try {
            std::size_t used = 0;
            const double d = std::stod(item, &used);
            if (std::isfinite(d))
                out.push_back(d);
        } catch (...) {
        }
    }
    return out;
}

bool readWholeFile(const std::string& path, std::string& data, std::string& error) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) {
        error = "cannot open the file";
        return false;
    }
    const std::streamoff size = in.tellg();
    constexpr std::streamoff kMax = std::streamoff(2) << 30;
    if (size < 0 || size > kMax) {
        error = "file too large for the image view (over 2 GB)";
        return false;
    }
    data.resize(std::size_t(size));
    in.seekg(0);
    if (!in.read(data.data(), size)) {
        error = "cannot read the file";
        return false;
    }
    return true;
}

} // namespace

bool looksLikeDicom(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    char head[132] = {};
    in.read(head, sizeof head);
    const auto got = in.gcount();
    if (got == 132 && std::memcmp(head + 128, "DICM", 4) == 0)
        return true;
    const auto* u = reinterpret_cast<const unsigned char*>(head);
    return got >= 8 && u[1] == 0 && (u[0] == 0x02 || u[0] == 0x08) && u[3] == 0;
}

namespace {

// One data element's value stored into the image's fields, when it is one the viewer uses.
void applyElement(DicomImage& img, std::uint32_t tag, std::string_view v, bool bigEndianValue) {
    auto us = [&]() -> int {
        if (v.size() < 2)
            return 0;
        const auto* p = reinterpret_cast<const unsigned char*>(v.data());
        return bigEndianValue ? (p[0] << 8 | p[1]) : (p[1] << 8 | p[0]);
    };
    auto firstNumber = [&](double& out) {
        const auto n = numbers(v);
        if (n.empty())
            return false;
        out = n[0];
        return true;
    };
    switch (tag) {
    case 0x00020010:
        img.transferSyntax = trimmed(v);
        break;
    case 0x00080060:
        img.modality = trimmed(v);
        break;
    case 0x0020000E:
        img.seriesUid = trimmed(v);
        break;
    case 0x00200013: {
        double d = 0;
        if (firstNumber(d))
            img.instanceNumber = int(d);
        break;
    }
    case 0x00200032: {
        const auto n = numbers(v);
        if (n.size() >= 3) {
            img.position = {n[0], n[1], n[2]};
            img.hasPosition = true;
        }
        break;
    }
    case 0x00200037: {
        const auto n = numbers(v);
        if (n.size() >= 6) {
            for (int k = 0; k < 6; ++k)
                img.orientation[std::size_t(k)] = n[std::size_t(k)];
            img.hasOrientation = true;
        }
        break;
    }
    case 0x00280002:
        img.samplesPerPixel = us();
        break;
    case 0x00280004:
        img.photometric = trimmed(v);
        break;
    case 0x00280006:
        img.planarConfiguration = us();
        break;
    case 0x00280008: {
        double d = 1;
        if (firstNumber(d))
            img.frames = int(d);
        break;
    }
    case 0x00280010:
        img.rows = us();
        break;
    case 0x00280011:
        img.columns = us();
        break;
    case 0x00280030: {
        const auto n = numbers(v);
        if (n.size() >= 2 && n[0] > 0 && n[1] > 0) {
            img.pixelSpacing = {n[0], n[1]};
            img.hasPixelSpacing = true;
        }
        break;
    }
    case 0x00180050:
        firstNumber(img.sliceThickness);
        break;
    case 0x00280100:
        img.bitsAllocated = us();
        break;
    case 0x00280101:
        img.bitsStored = us();
        break;
    case 0x00280103:
        img.pixelRepresentation = us();
        break;
    case 0x00281050:
        img.hasWindow = firstNumber(img.windowCenter) || img.hasWindow;
        break;
    case 0x00281051:
        firstNumber(img.windowWidth);
        break;
    case 0x00281052:
        firstNumber(img.intercept);
        break;
    case 0x00281053: {
        double s = 1;
        if (firstNumber(s) && s != 0)
            img.slope = s;
        break;
    }
    default:
        break;
    }
}

// Leaving the meta group: the data set follows the transfer syntax the meta group named.
// The element just read is read again in that form. False with error for a syntax the
// viewer cannot decode.
bool switchToDataSet(Cursor& c, const DicomImage& img, std::size_t elementStart, Element& e,
                     std::string& error) {
    const std::string& ts = img.transferSyntax;
    if (ts.empty() || ts == "1.2.840.10008.1.2.1") {
        // explicit little (or none given: keep the sniffed form)
    } else if (ts == "1.2.840.10008.1.2") {
        c.explicitVr = false;
    } else if (ts == "1.2.840.10008.1.2.2") {
        c.bigEndian = true;
    } else {
        error = "compressed or unsupported transfer syntax " + ts +
                " (only uncompressed DICOM is read)";
        return false;
    }
    if (!ts.empty() || !c.explicitVr) {
        c.seek(elementStart);
        return readHeader(c, e, error);
    }
    return true;
}

// Where the pixel data lie in the file, found by walking the elements and storing those the
// viewer uses into img.
struct PixelData {
    std::size_t pos = 0, length = 0;
    bool found = false;
};

bool readElements(const std::string& data, std::size_t start, DicomImage& img, Cursor& c,
                  PixelData& pixels, std::string& error) {
    // Without a preamble, the VR form is sniffed: two upper-case letters after the tag.
    c.explicitVr = data.size() >= start + 6 &&
                   std::isupper(static_cast<unsigned char>(data[start + 4])) &&
                   std::isupper(static_cast<unsigned char>(data[start + 5]));
    bool inMeta = true;
    while (!c.atEnd()) {
        const std::size_t elementStart = c.pos();
        Element e;
        if (!readHeader(c, e, error))
            return false;
        // The meta group is always explicit little endian.
        if (inMeta && e.group != 0x0002) {
            inMeta = false;
            if (!switchToDataSet(c, img, elementStart, e, error))
                return false;
        }
        const std::uint32_t tag = std::uint32_t(e.group) << 16 | e.element;
        if (tag == 0x7FE00010) {
            if (e.length == kUndefined) {
                error = "compressed (encapsulated) pixel data is not supported";
                return false;
            }
            // Truncated pixel data keep what is there: reported by checkPixelLayout with the sizes.
            pixels = {e.valuePos, std::min<std::size_t>(e.length, c.left()), true};
            return true;
        }
        const bool sequence = (e.vr[0] == 'S' && e.vr[1] == 'Q') || e.length == kUndefined;
        if (sequence) {
            if (!skipValue(c, e, 0, error))
                return false;
            continue;
        }
        std::string_view v;
        if (!c.bytes(e.length, v)) {
            error = "file ends inside " + tagText(e.group, e.element) + " (" +
                    std::to_string(e.length) + " bytes announced, " + std::to_string(c.left()) +
                    " left)";
            return false;
        }
        applyElement(img, tag, v, c.bigEndian && e.group != 0x0002);
    }
    return true;
}

// Whether the header describes pixels the viewer decodes and the file holds them all.
bool checkPixelLayout(DicomImage& img, const PixelData& pixels, std::string& error) {
    img.hasWindow = img.hasWindow && img.windowWidth > 0;
    if (!pixels.found) {
        error = "no pixel data (7FE0,0010) in the file";
        return false;
    }
    if (img.rows <= 0 || img.columns <= 0) {
        error = "rows or columns missing or zero";
        return false;
    }
    if (img.bitsAllocated != 8 && img.bitsAllocated != 16 && img.bitsAllocated != 32) {
        error = "unsupported bits allocated: " + std::to_string(img.bitsAllocated);
        return false;
    }
    if (img.samplesPerPixel != 1 && !(img.samplesPerPixel == 3 && img.bitsAllocated == 8)) {
        error = "unsupported pixel layout: " + std::to_string(img.samplesPerPixel) +
                " samples of " + std::to_string(img.bitsAllocated) + " bits";
        return false;
    }
    if (img.frames < 1)
        img.frames = 1;
    if (img.bitsStored <= 0 || img.bitsStored > img.bitsAllocated)
        img.bitsStored = img.bitsAllocated;
    const std::size_t count =
        std::size_t(img.rows) * std::size_t(img.columns) * std::size_t(img.frames);
    const std::size_t need =
        count * std::size_t(img.samplesPerPixel) * std::size_t(img.bitsAllocated / 8);
    if (pixels.length < need) {
        error = "pixel data truncated: " + std::to_string(pixels.length) + " of " +
                std::to_string(need) + " bytes";
        return false;
    }
    return true;
}

void decodePixels(DicomImage& img, const unsigned char* p, bool bigEndian) {
    const std::size_t bytesPer = std::size_t(img.bitsAllocated / 8);
    const std::size_t count =
        std::size_t(img.rows) * std::size_t(img.columns) * std::size_t(img.frames);
    if (img.samplesPerPixel == 3) {
        img.rgb.resize(count * 3);
        const std::size_t plane =
            count; // planar: all R, then all G, then all B (per frame approximated as whole)
        for (std::size_t i = 0; i < count; ++i)
            for (std::size_t k = 0; k < 3; ++k)
                img.rgb[i * 3 + k] = img.planarConfiguration == 1 ? p[k * plane + i] : p[i * 3 + k];
        return;
    }
    img.grey.resize(count);
    const int stored = img.bitsStored;
    const bool isSigned = img.pixelRepresentation == 1;
    for (std::size_t i = 0; i < count; ++i) {
        const unsigned char* q = p + i * bytesPer;
        std::uint32_t raw = 0;
        if (bytesPer == 1)
            raw = q[0];
        else if (bytesPer == 2)
            raw = bigEndian ? std::uint32_t(q[0] << 8 | q[1]) : std::uint32_t(q[1] << 8 | q[0]);
        else
            raw = bigEndian ? (std::uint32_t(q[0]) << 24 | std::uint32_t(q[1]) << 16 |
                               std::uint32_t(q[2]) << 8 | q[3])
                            : (std::uint32_t(q[3]) << 24 | std::uint32_t(q[2]) << 16 |
                               std::uint32_t(q[1]) << 8 | q[0]);
        if (stored < 32)
            raw &= (std::uint32_t(1) << stored) -
                   1; // overlay bits above bits stored are not pixel value
        double value;
        if (isSigned && stored < 32 && (raw & (std::uint32_t(1) << (stored - 1))))
            value = double(std::int64_t(raw) - (std::int64_t(1) << stored));
        else if (isSigned && stored == 32)
            value = double(std::int32_t(raw));
        else
            value = double(raw);
        img.grey[i] = float(value * img.slope + img.intercept);
    }
}

} // namespace

bool readDicomFile(const std::string& path, DicomImage& img, std::string& error, bool headerOnly) {
    std::string data;
    if (!readWholeFile(path, data, error))
        return false;
    std::size_t start = 0;
    if (data.size() >= 132 && data.compare(128, 4, "DICM") == 0)
        start = 132;
    else if (!(data.size() >= 8 && data[1] == 0 && (data[0] == 0x02 || data[0] == 0x08) &&
               data[3] == 0)) {
        error = "not a DICOM file (no DICM marker and no DICOM tag at the start)";
        return false;
    }
    Cursor c(data, start);
    PixelData pixels;
    if (!readElements(data, start, img, c, pixels, error) || !checkPixelLayout(img, pixels, error))
        return false;
    if (!headerOnly)
        decodePixels(img, reinterpret_cast<const unsigned char*>(data.data() + pixels.pos),
                     c.bigEndian);
    return true;
}

} // namespace rs::imaging
