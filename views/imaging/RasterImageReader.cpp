#include "RasterImageReader.h"

#include "JpegDecoder.h"

#include <vtkDataArray.h>
#include <vtkImageReader2.h>
#include <vtkPNGReader.h>
#include <vtkPointData.h>

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <fstream>
#include <iterator>

namespace rs::imaging {

namespace {

// The image view holds the picture as floats: past this a PNG's or JPEG's decoded samples
// would need gigabytes.
constexpr std::size_t kMaxRasterBytes = std::size_t(256) << 20;

std::uint32_t be32(const std::string& b, std::size_t at) {
    const auto* p = reinterpret_cast<const unsigned char*>(b.data() + at);
    return std::uint32_t(p[0]) << 24 | std::uint32_t(p[1]) << 16 | std::uint32_t(p[2]) << 8 | p[3];
}

struct PngHeader {
    std::uint32_t width = 0, height = 0;
    int bitDepth = 0, colourType = 0, interlace = 0;
};

// Samples per pixel of a PNG colour type, 0 for a type PNG does not define.
int pngChannels(int colourType) {
    switch (colourType) {
    case 0:
        return 1;
    case 2:
        return 3;
    case 3:
        return 1;
    case 4:
        return 2;
    case 6:
        return 4;
    default:
        return 0;
    }
}

// libpng reports damage inside the compressed image data (a bad zlib stream, a row filter
// it does not know, too few rows) through png_error, and VTK's PNG reader does not survive
// that: it crashes freeing the read struct. So the pixel data is inflated here first, each
// row's filter byte checked, and the whole image required to be there.
std::string pngDataProblem(const PngHeader& h, const std::string& idat) {
    const std::size_t rowBytes =
        (std::size_t(h.width) * std::size_t(pngChannels(h.colourType)) * std::size_t(h.bitDepth) +
         7) /
        8;
    const std::size_t stride = rowBytes + 1; // the filter byte, then the row
    const std::size_t expected = stride * h.height;
    if (expected > kMaxRasterBytes)
        return "PNG image too large for the image view (" + std::to_string(h.width) + "x" +
               std::to_string(h.height) + ")";
    z_stream zs{};
    if (inflateInit(&zs) != Z_OK)
        return "PNG image data cannot be checked (zlib)";
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(idat.data()));
    zs.avail_in = uInt(idat.size());
    unsigned char buf[65536];
    std::size_t produced = 0;
    int rc = Z_OK;
    std::string problem;
    while (rc == Z_OK && problem.empty()) {
        zs.next_out = buf;
        zs.avail_out = sizeof buf;
        rc = inflate(&zs, Z_NO_FLUSH);
        const std::size_t got = sizeof buf - zs.avail_out;
        for (std::size_t i = 0; h.interlace == 0 && i < got && problem.empty(); ++i)
            if ((produced + i) % stride == 0 && (produced + i) < expected && buf[i] > 4)
                problem = "PNG image data is damaged (unknown row filter in row " +
                          std::to_string((produced + i) / stride + 1) + ")";
        produced += got;
        if (rc == Z_BUF_ERROR && got > 0)
            rc = Z_OK; // output buffer was full: go on
    }
    inflateEnd(&zs);
    if (!problem.empty())
        return problem;
    if (rc != Z_STREAM_END)
        return "PNG image data is damaged or truncated (" +
               std::string(zs.msg ? zs.msg : "incomplete zlib stream") + ")";
    if (h.interlace == 0 && produced < expected)
        return "PNG image data is truncated (" + std::to_string(produced) + " of " +
               std::to_string(expected) + " bytes)";
    return {};
}

} // namespace

std::string pngStructureProblem(const std::string& b) {
    if (b.size() < 8 || std::memcmp(b.data(), "\x89PNG\r\n\x1a\n", 8) != 0)
        return "not a PNG file (bad signature)";
    std::size_t at = 8;
    bool first = true, sawData = false, sawPalette = false;
    PngHeader header;
    std::string idat;
    while (true) {
        if (at + 8 > b.size())
            return "PNG file is truncated (ends before its IEND chunk)";
        const std::uint32_t len = be32(b, at);
        const std::string type = b.substr(at + 4, 4);
        // libpng stops with png_error on a chunk type that is not four ASCII letters, and
        // VTK's PNG reader then crashes cleaning up (SEGV in png_free_data; fuzz_raster).
        const auto letter = [](char ch) {
            return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
        };
        if (!std::all_of(type.begin(), type.end(), letter))
            return "PNG file is damaged (a chunk type at byte " + std::to_string(at + 4) +
                   " is not four letters)";
        if (len > 0x7FFFFFFFu || at + 12 + std::size_t(len) > b.size())
            return "PNG file is truncated (chunk " + type + " runs past the end of the file)";
        if (first) {
            if (type != "IHDR" || len != 13)
                return "PNG file is damaged (no IHDR chunk first)";
            const std::uint32_t w = be32(b, at + 8), h = be32(b, at + 12);
            if (w == 0 || h == 0 || w > 65535 || h > 65535)
                return "PNG size " + std::to_string(w) + "x" + std::to_string(h) +
                       " is not supported";
            header = {w, h, static_cast<unsigned char>(b[at + 16]),
                      static_cast<unsigned char>(b[at + 17]),
                      static_cast<unsigned char>(b[at + 20])};
            const int d = header.bitDepth, c = header.colourType;
            const bool depthOk = (c == 0 && (d == 1 || d == 2 || d == 4 || d == 8 || d == 16)) ||
                                 (c == 3 && (d == 1 || d == 2 || d == 4 || d == 8)) ||
                                 ((c == 2 || c == 4 || c == 6) && (d == 8 || d == 16));
            if (!depthOk || header.interlace > 1)
                return "PNG file is damaged (bit depth " + std::to_string(d) +
                       " with colour type " + std::to_string(c) + ")";
            first = false;
        }
        // A damaged critical chunk is fatal to libpng (see pngDataProblem).
        const std::uint32_t crc = std::uint32_t(
            crc32(0, reinterpret_cast<const Bytef*>(b.data() + at + 4), uInt(len + 4)));
        if (std::isupper(static_cast<unsigned char>(type[0])) && crc != be32(b, at + 8 + len))
            return "PNG file is damaged (bad checksum in chunk " + type + ")";
        sawPalette = sawPalette || type == "PLTE";
        if (type == "IDAT") {
            if (header.colourType == 3 && !sawPalette)
                return "PNG file is damaged (palette image without a palette)";
            idat.append(b, at + 8, len);
        }
        sawData = sawData || type == "IDAT";
        at += 12 + std::size_t(len);
        if (type == "IEND")
            return sawData ? pngDataProblem(header, idat) : "PNG file has no image data";
    }
}

namespace {

// A DHT segment (at: its marker) as libjpeg's get_dht takes it: each table a class and id
// byte (AC or DC, 0..3), 16 code counts adding up to at most 256, that many symbols; the
// tables fill the segment exactly. Anything else is a fatal libjpeg error.
bool huffmanTablesOk(const std::string& b, std::size_t at, std::size_t len) {
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(b[i]); };
    std::size_t p = at + 4;
    const std::size_t end = at + 2 + len;
    while (p < end) {
        if (p + 17 > end || (byte(p) >> 4) > 1 || (byte(p) & 0x0F) > 3)
            return false;
        std::size_t count = 0;
        for (std::size_t i = 1; i <= 16; ++i)
            count += byte(p + i);
        if (count > 256 || p + 17 + count > end)
            return false;
        p += 17 + count;
    }
    return p == end;
}

// A DQT segment as libjpeg's get_dqt takes it: each table an id byte naming table 0..3
// (a higher one is a fatal error), then 64 values of 8 or 16 bits, fewer at the end.
bool quantTablesOk(const std::string& b, std::size_t at, std::size_t len) {
    std::size_t p = at + 4;
    const std::size_t end = at + 2 + len;
    while (p < end) {
        const auto id = static_cast<unsigned char>(b[p]);
        if ((id & 0x0F) > 3)
            return false;
        const std::size_t left = end - p - 1;
        const std::size_t bytes = (id >> 4) ? std::min<std::size_t>(left & ~std::size_t(1), 128)
                                            : std::min<std::size_t>(left, 64);
        p += 1 + bytes;
    }
    return true;
}

// Walks the entropy-coded data after the first scan header up to the end-of-image marker.
// A damaged segment between scans (a table whose length runs past the end, a malformed
// Huffman table: fuzz_raster found both) is a fatal libjpeg error. JpegDecoder unwinds from
// those cleanly; these checks stay because they name the damage more plainly.
std::string jpegScanProblem(const std::string& b, std::size_t at) {
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(b[i]); };
    while (at + 1 < b.size()) {
        if (byte(at) != 0xFF) {
            ++at;
            continue;
        }
        const unsigned char m = byte(at + 1);
        if (m == 0xFF) { // fill byte
            ++at;
            continue;
        }
        // A stuffed zero, a restart marker or TEM: no segment follows.
        if (m == 0x00 || m == 0x01 || (m >= 0xD0 && m <= 0xD7)) {
            at += 2;
            continue;
        }
        if (m == 0xD9)
            return {}; // end of image; what follows is ignored
        if (at + 4 > b.size())
            break;
        const std::size_t len = std::size_t(byte(at + 2)) << 8 | byte(at + 3);
        if (len < 2 || at + 2 + len > b.size())
            return "JPEG file is damaged (a segment after the first scan runs past the end of the "
                   "file)";
        if (m == 0xC4 && !huffmanTablesOk(b, at, len))
            return "JPEG file is damaged (a Huffman table after the first scan is malformed)";
        if ((m == 0xDB && !quantTablesOk(b, at, len)) || m == 0xD8 ||
            (m >= 0xC0 && m <= 0xCF && m != 0xC4))
            return "JPEG file is damaged (a malformed or repeated header segment after the first "
                   "scan)";
        at += 2 + len;
    }
    return "JPEG file is truncated (no end-of-image marker)";
}

} // namespace

std::string jpegStructureProblem(const std::string& b) {
    if (b.size() < 4 || static_cast<unsigned char>(b[0]) != 0xFF ||
        static_cast<unsigned char>(b[1]) != 0xD8)
        return "not a JPEG file (no start-of-image marker)";
    std::size_t at = 2;
    bool frame = false;
    while (true) {
        if (at + 4 > b.size())
            return "JPEG file is truncated (ends in its header)";
        if (static_cast<unsigned char>(b[at]) != 0xFF)
            return "JPEG file is damaged (expected a marker at byte " + std::to_string(at) + ")";
        const auto marker = static_cast<unsigned char>(b[at + 1]);
        if (marker == 0xFF) { // fill byte
            ++at;
            continue;
        }
        const std::size_t len = std::size_t(static_cast<unsigned char>(b[at + 2])) << 8 |
                                static_cast<unsigned char>(b[at + 3]);
        if (len < 2 || at + 2 + len > b.size())
            return "JPEG file is truncated (a header segment runs past the end of the file)";
        if ((marker == 0xC4 && !huffmanTablesOk(b, at, len)) ||
            (marker == 0xDB && !quantTablesOk(b, at, len)))
            return "JPEG file is damaged (a malformed table at byte " + std::to_string(at) + ")";
        if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 &&
            marker != 0xCC) {
            if (marker != 0xC0 && marker != 0xC1 && marker != 0xC2)
                return "JPEG coding (lossless or arithmetic) not supported";
            frame = true;
        }
        at += 2 + len;
        if (marker == 0xDA) // start of scan: entropy-coded data follows
            break;
    }
    if (!frame)
        return "JPEG file is damaged (no frame header before the scan)";
    return jpegScanProblem(b, at);
}

namespace {

// The volume from decoded pixels: pixel(t, k) is component k of pixel t, counted from the
// top-left corner row by row. Greyscale (also RGB with equal channels on a sample of
// pixels) becomes one float component; colour stays 8-bit RGB.
template <typename Pixel>
void fillVolume(ImageVolume& v, int width, int height, int components, vtkIdType n, Pixel pixel) {
    v.dims = {width, height, 1};
    const vtkIdType w = width, h = height;
    // The sample is the one taken when VTK's bottom-row-first order was walked.
    auto flipped = [&](vtkIdType i) { return (h - 1 - i / w) * w + i % w; };
    bool grey = components <= 2;
    if (!grey) {
        grey = true;
        for (vtkIdType i = 0; i < n && grey; i += 97)
            grey = pixel(flipped(i), 0) == pixel(flipped(i), 1) &&
                   pixel(flipped(i), 1) == pixel(flipped(i), 2);
    }
    if (grey) {
        v.image = makeFloatImage(width, height, 1, v.spacing);
        float* out = static_cast<float*>(v.image->GetScalarPointer());
        for (vtkIdType t = 0; t < n; ++t)
            out[t] = float(pixel(t, 0));
    } else {
        v.components = 3;
        v.image = vtkSmartPointer<vtkImageData>::New();
        v.image->SetDimensions(width, height, 1);
        v.image->AllocateScalars(VTK_UNSIGNED_CHAR, 3);
        auto* out = static_cast<unsigned char*>(v.image->GetScalarPointer());
        for (vtkIdType t = 0; t < n; ++t)
            for (int k = 0; k < 3; ++k)
                out[t * 3 + k] = static_cast<unsigned char>(pixel(t, k));
    }
    computeRange(v, true);
}

ImageReadResult readJpeg(const std::string& bytes) {
    ImageReadResult r;
    JpegPixels px;
    r.error = decodeJpeg(bytes, kMaxRasterBytes, px);
    if (!r.error.empty())
        return r;
    r.volume.format = "JPEG";
    if (!px.warning.empty())
        r.volume.notes.push_back("the JPEG decoder read past damage: " + px.warning);
    const int nc = px.components;
    fillVolume(r.volume, px.width, px.height, nc, vtkIdType(px.width) * px.height,
               [&](vtkIdType t, int k) { return px.data[std::size_t(t) * nc + k]; });
    return r;
}

ImageReadResult readPng(const std::string& path) {
    ImageReadResult r;
    auto reader = vtkSmartPointer<vtkPNGReader>::New();
    reader->SetFileName(path.c_str());
    reader->Update();
    vtkImageData* raw = reader->GetOutput();
    vtkDataArray* scalars = raw ? raw->GetPointData()->GetScalars() : nullptr;
    int dims[3] = {0, 0, 0};
    if (raw)
        raw->GetDimensions(dims);
    if (reader->GetErrorCode() != 0 || !scalars || dims[0] < 1 || dims[1] < 1) {
        r.error = "the PNG decoder could not read the file";
        return r;
    }
    r.volume.format = "PNG";
    const vtkIdType n =
        std::min<vtkIdType>(scalars->GetNumberOfTuples(), vtkIdType(dims[0]) * dims[1]);
    // VTK's PNG reader puts the bottom row of the picture first whatever FileLowerLeft
    // says; the volume wants the top row first, as box coordinates count.
    const vtkIdType w = dims[0], h = dims[1];
    fillVolume(
        r.volume, dims[0], dims[1], scalars->GetNumberOfComponents(), n,
        [&](vtkIdType t, int k) { return scalars->GetComponent((h - 1 - t / w) * w + t % w, k); });
    return r;
}

} // namespace

ImageReadResult readRasterImage(const std::string& path) {
    ImageReadResult r;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        r.error = "cannot open the file";
        return r;
    }
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const bool png = bytes.size() >= 8 && std::memcmp(bytes.data(), "\x89PNG", 4) == 0;
    // The structural checks name the damage more plainly than the decoders do, and keep
    // VTK's PNG reader away from files libpng stops on (it crashes cleaning up).
    r.error = png ? pngStructureProblem(bytes) : jpegStructureProblem(bytes);
    if (!r.error.empty())
        return r;
    return png ? readPng(path) : readJpeg(bytes);
}

} // namespace rs::imaging
