#include "NiftiReader.h"

#include <zlib.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>

namespace rs::imaging {

namespace {

constexpr std::size_t kHeaderSize = 348;
constexpr std::size_t kMaxBytes = std::size_t(1) << 30; // one volume the view can hold

// Reads up to `limit` bytes (plain or gzip, zlib detects which). error set on a corrupt or
// truncated gzip stream.
bool readUpTo(const std::string& path, std::size_t limit, std::string& data, std::string& error) {
    gzFile f = gzopen(path.c_str(), "rb");
    if (!f) {
        error = "cannot open the file";
        return false;
    }
    std::unique_ptr<gzFile_s, int (*)(gzFile)> closer(f, gzclose);
    data.clear();
    constexpr std::size_t kChunk = std::size_t(1) << 20;
    while (data.size() < limit) {
        const std::size_t want = std::min(kChunk, limit - data.size());
        const std::size_t at = data.size();
        data.resize(at + want);
        const int got = gzread(f, data.data() + at, unsigned(want));
        if (got < 0) {
            int code = 0;
            const char* msg = gzerror(f, &code);
            error = std::string("corrupt compressed data: ") + (msg ? msg : "unknown zlib error");
            return false;
        }
        data.resize(at + std::size_t(got));
        if (std::size_t(got) < want) {
            int code = 0;
            const char* msg = gzerror(f, &code);
            if (code != Z_OK && code != Z_STREAM_END) {
                error =
                    std::string("corrupt compressed data: ") + (msg ? msg : "unknown zlib error");
                return false;
            }
            break;
        }
    }
    return true;
}

template <typename T> T get(const std::string& d, std::size_t off, bool swap) {
    T v;
    unsigned char b[sizeof(T)];
    std::memcpy(b, d.data() + off, sizeof(T));
    if (swap)
        for (std::size_t i = 0; i < sizeof(T) / 2; ++i)
            std::swap(b[i], b[sizeof(T) - 1 - i]);
    std::memcpy(&v, b, sizeof(T));
    return v;
}

struct TypeInfo {
    int code;
    int bytes;
    const char* name;
};
constexpr TypeInfo kTypes[] = {{2, 1, "uint8"},    {4, 2, "int16"},    {8, 4, "int32"},
                               {16, 4, "float32"}, {64, 8, "float64"}, {256, 1, "int8"},
                               {512, 2, "uint16"}, {768, 4, "uint32"}};

double valueAt(const char* p, int code, bool swap) {
    auto rd = [&](auto tag) {
        using T = decltype(tag);
        T v;
        unsigned char b[sizeof(T)];
        std::memcpy(b, p, sizeof(T));
        if (swap)
            for (std::size_t i = 0; i < sizeof(T) / 2; ++i)
                std::swap(b[i], b[sizeof(T) - 1 - i]);
        std::memcpy(&v, b, sizeof(T));
        return double(v);
    };
    switch (code) {
    case 2:
        return rd(std::uint8_t{});
    case 4:
        return rd(std::int16_t{});
    case 8:
        return rd(std::int32_t{});
    case 16:
        return rd(float{});
    case 64:
        return rd(double{});
    case 256:
        return rd(std::int8_t{});
    case 512:
        return rd(std::uint16_t{});
    case 768:
        return rd(std::uint32_t{});
    }
    return 0;
}

} // namespace

ImageReadResult readNifti(const std::string& path) {
    ImageReadResult r;
    std::string data;
    if (!readUpTo(path, kHeaderSize, data, r.error))
        return r;
    if (data.size() < kHeaderSize) {
        r.error = "file too short for a NIfTI-1 header (" + std::to_string(data.size()) +
                  " of 348 bytes)";
        return r;
    }
    bool swap = false;
    if (get<std::int32_t>(data, 0, false) != 348) {
        if (get<std::int32_t>(data, 0, true) != 348) {
            r.error = "not a NIfTI-1 file (sizeof_hdr is not 348)";
            return r;
        }
        swap = true;
    }
    if (std::memcmp(data.data() + 344, "ni1", 4) == 0) {
        r.error = "two-file NIfTI (.hdr/.img) is not supported; use a single .nii or .nii.gz";
        return r;
    }
    if (std::memcmp(data.data() + 344, "n+1", 4) != 0) {
        r.error = "not a NIfTI-1 file (magic is not n+1)";
        return r;
    }
    std::int16_t dim[8];
    for (int i = 0; i < 8; ++i)
        dim[i] = get<std::int16_t>(data, 40 + std::size_t(i) * 2, swap);
    if (dim[0] < 1 || dim[0] > 7) {
        r.error = "invalid dim[0] " + std::to_string(dim[0]);
        return r;
    }
    int n[3] = {1, 1, 1};
    for (int i = 0; i < 3 && i < dim[0]; ++i) {
        if (dim[i + 1] < 1) {
            r.error =
                "invalid size dim[" + std::to_string(i + 1) + "] = " + std::to_string(dim[i + 1]);
            return r;
        }
        n[i] = dim[i + 1];
    }
    const int typeCode = get<std::int16_t>(data, 70, swap);
    const TypeInfo* type = nullptr;
    for (const TypeInfo& t : kTypes)
        if (t.code == typeCode)
            type = &t;
    if (!type) {
        r.error = "unsupported NIfTI datatype " + std::to_string(typeCode);
        return r;
    }
    float pixdim[8];
    for (int i = 0; i < 8; ++i)
        pixdim[i] = get<float>(data, 76 + std::size_t(i) * 4, swap);
    const float voxOffset = get<float>(data, 108, swap);
    float slope = get<float>(data, 112, swap);
    const float inter = get<float>(data, 116, swap);
    // Past kMaxBytes the offset cannot be in a file the reader accepts, and converting a
    // float beyond size_t's range (1e30) to size_t is undefined behaviour.
    if (!std::isfinite(voxOffset) || voxOffset < float(kHeaderSize) ||
        voxOffset > float(kMaxBytes)) {
        r.error = "invalid vox_offset " + std::to_string(voxOffset);
        return r;
    }
    const std::size_t voxels = std::size_t(n[0]) * std::size_t(n[1]) * std::size_t(n[2]);
    const std::size_t bytes = voxels * std::size_t(type->bytes);
    const std::size_t offset = std::size_t(voxOffset);
    if (bytes > kMaxBytes) {
        r.error = "volume too large for the image view (" + std::to_string(bytes >> 20) + " MB)";
        return r;
    }
    if (!readUpTo(path, offset + bytes, data, r.error))
        return r;
    if (data.size() < offset + bytes) {
        r.error = "file truncated: the first volume needs " + std::to_string(offset + bytes) +
                  " bytes, the file has " + std::to_string(data.size());
        return r;
    }

    ImageVolume& v = r.volume;
    v.format = "NIfTI";
    v.rowsDown = false;
    v.dims = {n[0], n[1], n[2]};
    for (int i = 0; i < 3; ++i)
        v.spacing[std::size_t(i)] = std::isfinite(pixdim[i + 1]) && std::abs(pixdim[i + 1]) > 0
                                        ? std::abs(double(pixdim[i + 1]))
                                        : 1.0;
    if (dim[0] >= 4 && dim[4] > 1)
        v.notes.push_back("4D series of " + std::to_string(dim[4]) + " volumes: showing the first");
    if (!std::isfinite(slope) || slope == 0)
        slope = 1; // NIfTI: scl_slope 0 means no scaling
    const double intercept = std::isfinite(inter) ? inter : 0;

    // Orientation: sform when given, else qform quaternion, else axis-aligned.
    const int qform = get<std::int16_t>(data, 252, swap),
              sform = get<std::int16_t>(data, 254, swap);
    if (sform > 0) {
        for (int row = 0; row < 3; ++row) {
            double len[3];
            for (int col = 0; col < 4; ++col) {
                const double s =
                    get<float>(data, 280 + std::size_t(row) * 16 + std::size_t(col) * 4, swap);
                if (col < 3)
                    len[col] = s;
                else
                    v.origin[std::size_t(row)] = s;
            }
            for (int col = 0; col < 3; ++col)
                v.direction[std::size_t(row * 3 + col)] = len[col] / v.spacing[std::size_t(col)];
        }
    } else if (qform > 0) {
        const double b = get<float>(data, 256, swap), c = get<float>(data, 260, swap),
                     d = get<float>(data, 264, swap);
        const double a = std::sqrt(std::max(0.0, 1.0 - (b * b + c * c + d * d)));
        const double qfac = pixdim[0] < 0 ? -1.0 : 1.0;
        const double R[9] = {a * a + b * b - c * c - d * d, 2 * (b * c - a * d),
                             2 * (b * d + a * c),           2 * (b * c + a * d),
                             a * a + c * c - b * b - d * d, 2 * (c * d - a * b),
                             2 * (b * d - a * c),           2 * (c * d + a * b),
                             a * a + d * d - c * c - b * b};
        for (int k = 0; k < 9; ++k)
            v.direction[std::size_t(k)] = (k % 3 == 2) ? R[k] * qfac : R[k];
        for (int k = 0; k < 3; ++k)
            v.origin[std::size_t(k)] = get<float>(data, 268 + std::size_t(k) * 4, swap);
    }

    v.image = makeFloatImage(n[0], n[1], n[2], v.spacing);
    float* out = static_cast<float*>(v.image->GetScalarPointer());
    const char* in = data.data() + offset;
    bool nonFinite = false;
    for (std::size_t i = 0; i < voxels; ++i) {
        double x = valueAt(in + i * std::size_t(type->bytes), type->code, swap) * slope + intercept;
        if (!std::isfinite(x)) {
            x = 0;
            nonFinite = true;
        }
        out[i] = float(x);
    }
    if (nonFinite)
        v.notes.push_back("non-finite voxel values shown as 0");
    const float calMax = get<float>(data, 124, swap), calMin = get<float>(data, 128, swap);
    computeRange(v, true);
    if (std::isfinite(calMin) && std::isfinite(calMax) && calMax > calMin) {
        v.window = calMax - calMin;
        v.level = (calMax + calMin) / 2;
    }
    return r;
}

} // namespace rs::imaging
