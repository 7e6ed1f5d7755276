#pragma once
// Helpers for the importer tests: write inputs into a temporary folder, run an import,
// collect what came out.
#include "OutputImporter.h"

#include <QTemporaryDir>
#include <QtTest>

#include <zlib.h>

#include <fstream>
#include <string>
#include <vector>

namespace rs::test {

struct ImportResult {
    std::vector<Case> cases;
    std::vector<ImportError> errors;
    ImportSummary summary;

    const Case* byKey(const std::string& key) const {
        for (const Case& c : cases)
            if (c.key == key)
                return &c;
        return nullptr;
    }
    // All error messages, one per line, for failure output.
    QString errorText() const {
        QString s;
        for (const ImportError& e : errors)
            s += QString::fromStdString(e.toString()) + QLatin1Char('\n');
        return s;
    }
};

inline ImportResult runImport(const std::string& path, const ImportOptions& options = {}) {
    ImportResult r;
    r.summary = importOutputs(
        path, options, [&](Case&& c) { r.cases.push_back(std::move(c)); },
        [&](ImportError&& e) { r.errors.push_back(std::move(e)); });
    return r;
}

inline std::string writeFile(const QTemporaryDir& dir, const std::string& name,
                             const std::string& bytes) {
    const std::string path = dir.filePath(QString::fromStdString(name)).toStdString();
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
    return path;
}

inline std::string gzip(const std::string& text) {
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

// Independent of the importers' own check: lead bytes and continuation bytes only.
inline bool isValidUtf8(const std::string& s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        std::size_t n = c < 0x80           ? 1
                        : (c >> 5) == 0x6  ? 2
                        : (c >> 4) == 0xE  ? 3
                        : (c >> 3) == 0x1E ? 4
                                           : 0;
        if (n == 0 || i + n > s.size())
            return false;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80)
                return false;
        i += n;
    }
    return true;
}

} // namespace rs::test
