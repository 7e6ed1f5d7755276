#include "InputFile.h"
#include "Sha256.h"

#include <QTemporaryDir>
#include <QtTest>

#include <zlib.h>

#include <fstream>

using namespace rs;

class TestInputFile : public QObject {
    Q_OBJECT
private slots:
    void sha256KnownVectors_data();
    void sha256KnownVectors();
    void plainAndGzipGiveSameLines_data();
    void plainAndGzipGiveSameLines();
    void truncatedGzipIsAnError();
    void missingFileIsAnError();

private:
    QTemporaryDir dir_;
    std::string write(const std::string& name, const std::string& bytes) {
        const std::string path = dir_.filePath(QString::fromStdString(name)).toStdString();
        std::ofstream(path, std::ios::binary) << bytes;
        return path;
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
};

void TestInputFile::sha256KnownVectors_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("hex");
    QTest::newRow("empty") << QByteArray()
                           << "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    QTest::newRow("abc") << QByteArray("abc")
                         << "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    QTest::newRow("two blocks")
        << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
        << "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";
}

void TestInputFile::sha256KnownVectors() {
    QFETCH(QByteArray, input);
    QFETCH(QString, hex);
    QCOMPARE(QString::fromStdString(Sha256::hex(input.toStdString())), hex);
}

void TestInputFile::plainAndGzipGiveSameLines_data() {
    QTest::addColumn<bool>("compressed");
    QTest::newRow("plain") << false;
    QTest::newRow("gzip") << true;
}

void TestInputFile::plainAndGzipGiveSameLines() {
    QFETCH(bool, compressed);
    std::string text;
    for (int i = 0; i < 20000; ++i)
        text += "line " + std::to_string(i) + (i % 2 ? "\r\n" : "\n");
    text += "last line without newline";
    const std::string path = write(compressed ? "a.gz" : "a.txt", compressed ? gzip(text) : text);
    InputFile f;
    QVERIFY(f.open(path));
    QCOMPARE(f.isGzip(), compressed);
    std::string line;
    std::size_t n = 0;
    std::string last;
    while (f.readLine(line)) {
        if (n < 20000)
            QCOMPARE(line, "line " + std::to_string(n));
        last = line;
        ++n;
    }
    QVERIFY2(f.error().empty(), f.error().c_str());
    QCOMPARE(n, std::size_t(20001));
    QCOMPARE(last, std::string("last line without newline"));
}

void TestInputFile::truncatedGzipIsAnError() {
    std::string text;
    for (int i = 0; i < 5000; ++i)
        text += "row " + std::to_string(i * 7919) + "\n";
    const std::string gz = gzip(text);
    const std::string path = write("cut.gz", gz.substr(0, gz.size() / 2));
    InputFile f;
    QVERIFY(f.open(path));
    std::string line;
    std::size_t n = 0;
    while (f.readLine(line))
        ++n;
    QVERIFY(n < 5000);
    QVERIFY(f.error().find("truncated") != std::string::npos);
}

void TestInputFile::missingFileIsAnError() {
    InputFile f;
    QVERIFY(!f.open(dir_.filePath("nope.tsv").toStdString()));
    QVERIFY(!f.error().empty());
}

QTEST_APPLESS_MAIN(TestInputFile)
#include "tst_inputfile.moc"
