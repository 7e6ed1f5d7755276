#pragma once
// Small knowledge-graph source files written into a temporary folder for loader tests.
#include <QTemporaryDir>

#include <zlib.h>

#include <fstream>
#include <string>

namespace rs::test {

class KgTestFiles {
public:
    bool isValid() const { return dir_.isValid(); }
    std::string path(const std::string& name) const {
        return dir_.filePath(QString::fromStdString(name)).toStdString();
    }
    std::string write(const std::string& name, const std::string& bytes) const {
        const std::string p = path(name);
        std::ofstream(p, std::ios::binary | std::ios::trunc) << bytes;
        return p;
    }
    std::string writeGzip(const std::string& name, const std::string& text) const {
        return write(name, gzip(text));
    }

    static std::string gzip(const std::string& text) {
        z_stream zs{};
        deflateInit2(&zs, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
        std::string out(compressBound(uLong(text.size())) + 64, '\0');
        zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
        zs.avail_in = uInt(text.size());
        zs.next_out = reinterpret_cast<Bytef*>(out.data());
        zs.avail_out = uInt(out.size());
        deflate(&zs, Z_FINISH);
        out.resize(zs.total_out);
        deflateEnd(&zs);
        return out;
    }

private:
    QTemporaryDir dir_;
};

} // namespace rs::test
