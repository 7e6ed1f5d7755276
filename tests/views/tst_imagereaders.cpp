// The image readers on the shared DICOM, NIfTI and chest X-ray files (geometry, spacing,
// value range, DICOM rescale and window), on images we write ourselves, and on corrupted
// and truncated files, which must give a message and never crash.
#include "DicomFile.h"
#include "ImageReader.h"
#include "RasterImageReader.h"
#include "SharedData.h"

#include <QFile>
#include <QImage>
#include <QImageWriter>
#include <QTemporaryDir>
#include <QtTest>

#include <vtkDataArray.h>
#include <vtkImageData.h>
#include <vtkJPEGReader.h>
#include <vtkPointData.h>
#include <vtkSmartPointer.h>

#include <fstream>

using rs::imaging::ImageReadResult;
using rs::imaging::readImage;

namespace {

QByteArray fileBytes(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeBytes(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

float voxel(const ImageReadResult& r, int x, int y, int z) {
    return static_cast<float*>(r.volume.image->GetScalarPointer(x, y, z))[0];
}

} // namespace

class TestImageReaders : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void sharedFiles_data();
    void sharedFiles();
    void dicomRescaleAndWindow();
    void niftiFourDShowsFirstVolume();
    void cxrPngIsGreyWithTopRowFirst();
    void dicomSeriesFolder();
    void ownPngAndJpeg();
    void jpegPixelsAsVtkReadThem_data();
    void jpegPixelsAsVtkReadThem();
    void damagedFiles_data();
    void damagedFiles();
    void missingAndEmpty();

private:
    QTemporaryDir dir_;
};

void TestImageReaders::initTestCase() {
    QVERIFY(dir_.isValid());
    // Images of our own, also the sources of the damaged-file cases.
    QImage img(40, 30, QImage::Format_RGB32);
    img.fill(Qt::black);
    for (int y = 0; y < 8; ++y) // a red band on top (wide enough for JPEG's chroma blocks)
        for (int x = 0; x < 40; ++x)
            img.setPixel(x, y, qRgb(200, 10, 10));
    const QString png = dir_.filePath("own.png"), jpg = dir_.filePath("own.jpg");
    QVERIFY(img.save(png));
    QVERIFY(img.save(jpg, "JPEG", 95));
}

void TestImageReaders::sharedFiles_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("format");
    QTest::addColumn<int>("nx");
    QTest::addColumn<int>("ny");
    QTest::addColumn<int>("nz");
    QTest::addColumn<double>("sx");
    QTest::addColumn<double>("sz");
    QTest::addColumn<QString>("modality");
    // Geometry as the files' headers state it (pydicom/nibabel test data, dicom3tools).
    QTest::newRow("CT") << "images/dicom/CT_small.dcm"
                        << "DICOM" << 128 << 128 << 1 << 0.661468 << 5.0 << "CT";
    QTest::newRow("MR") << "images/dicom/MR_small.dcm"
                        << "DICOM" << 64 << 64 << 1 << 0.3125 << 0.8 << "MR";
    QTest::newRow("MR 0051") << "images/dicom/0051.dcm"
                             << "DICOM" << 360 << 360 << 1 << -1.0 << -1.0 << "MR";
    QTest::newRow("NIfTI 3D") << "images/nifti/anatomical.nii"
                              << "NIfTI" << 33 << 41 << 25 << -1.0 << -1.0 << "";
    QTest::newRow("NIfTI 4D gz") << "images/nifti/example4d.nii.gz"
                                 << "NIfTI" << 128 << 96 << 24 << -1.0 << -1.0 << "";
    QTest::newRow("CXR PNG") << "images/cxr/00002578_000.png"
                             << "PNG" << 1024 << 1024 << 1 << 1.0 << 1.0 << "";
}

void TestImageReaders::sharedFiles() {
    QFETCH(QString, file);
    QFETCH(QString, format);
    QFETCH(int, nx);
    QFETCH(int, ny);
    QFETCH(int, nz);
    QFETCH(double, sx);
    QFETCH(double, sz);
    QFETCH(QString, modality);
    const QString path = rs::test::sharedFile(file);
    if (path.isEmpty() || !QFileInfo::exists(path))
        QSKIP(qPrintable("shared data not available: " + file));
    QElapsedTimer t;
    t.start();
    const ImageReadResult r = readImage(path.toStdString());
    QVERIFY2(r.ok(), r.error.c_str());
    qInfo("%s read in %lld ms", qPrintable(file), t.elapsed());
    QCOMPARE(QString::fromStdString(r.volume.format), format);
    QCOMPARE(r.volume.dims[0], nx);
    QCOMPARE(r.volume.dims[1], ny);
    QCOMPARE(r.volume.dims[2], nz);
    int dims[3];
    r.volume.image->GetDimensions(dims);
    QCOMPARE(dims[0], nx);
    QCOMPARE(dims[2], nz);
    if (sx > 0)
        QVERIFY2(qAbs(r.volume.spacing[0] - sx) < 1e-5,
                 qPrintable(QString::number(r.volume.spacing[0])));
    if (sz > 0 && nz == 1 && format == "DICOM")
        QVERIFY2(qAbs(r.volume.spacing[2] - sz) < 1e-5,
                 qPrintable(QString::number(r.volume.spacing[2])));
    for (double s : r.volume.spacing)
        QVERIFY(s > 0);
    QCOMPARE(QString::fromStdString(r.volume.modality), modality);
    QVERIFY(r.volume.maxValue > r.volume.minValue);
    QVERIFY(r.volume.window > 0);
}

void TestImageReaders::dicomRescaleAndWindow() {
    RS_REQUIRE_SHARED("images/dicom/CT_small.dcm");
    const std::string path = rs::test::sharedFile("images/dicom/CT_small.dcm").toStdString();
    rs::imaging::DicomImage d;
    std::string error;
    QVERIFY2(rs::imaging::readDicomFile(path, d, error), error.c_str());
    // CT_small stores signed 16-bit values with intercept -1024, slope 1.
    QCOMPARE(d.bitsAllocated, 16);
    QCOMPARE(d.intercept, -1024.0);
    QCOMPARE(d.slope, 1.0);
    const ImageReadResult r = readImage(path);
    QVERIFY(r.ok());
    // The volume holds rescaled values: the raw minimum plus the intercept.
    double rawMin = 1e9;
    for (float v : d.grey)
        rawMin = std::min(rawMin, double(v));
    QCOMPARE(r.volume.minValue, rawMin);
    QVERIFY(r.volume.minValue < 0); // Hounsfield units: air is below zero
    // No window tags in this file: the default window spans most of the values.
    QVERIFY(!d.hasWindow);
    QVERIFY(r.volume.window > 100);
}

void TestImageReaders::niftiFourDShowsFirstVolume() {
    RS_REQUIRE_SHARED("images/nifti/example4d.nii.gz");
    const ImageReadResult r =
        readImage(rs::test::sharedFile("images/nifti/example4d.nii.gz").toStdString());
    QVERIFY2(r.ok(), r.error.c_str());
    QVERIFY(!r.volume.notes.empty());
    QVERIFY(QString::fromStdString(r.volume.notes.front()).contains("first"));
    QVERIFY(!r.volume.rowsDown);
}

void TestImageReaders::cxrPngIsGreyWithTopRowFirst() {
    RS_REQUIRE_SHARED("images/cxr/00002578_000.png");
    const QString path = rs::test::sharedFile("images/cxr/00002578_000.png");
    const ImageReadResult r = readImage(path.toStdString());
    QVERIFY(r.ok());
    QCOMPARE(r.volume.components, 1);
    // Row 0 of the volume is the top row of the picture, as box coordinates count.
    const QImage q(path);
    for (const QPoint p : {QPoint(10, 5), QPoint(500, 900), QPoint(1000, 100)})
        QCOMPARE(voxel(r, p.x(), p.y(), 0), float(qGray(q.pixel(p))));
}

void TestImageReaders::dicomSeriesFolder() {
    RS_REQUIRE_SHARED("images/dicom/MR_small.dcm");
    // Three copies of one slice make a series of three; a stray text file is skipped.
    const QString series = dir_.filePath("series");
    QDir().mkpath(series);
    for (int i = 0; i < 3; ++i)
        QVERIFY(QFile::copy(rs::test::sharedFile("images/dicom/MR_small.dcm"),
                            series + QString("/s%1.dcm").arg(i)));
    writeBytes(series + "/README.txt", "not an image");
    const ImageReadResult r = readImage(series.toStdString());
    QVERIFY2(r.ok(), r.error.c_str());
    QCOMPARE(QString::fromStdString(r.volume.format), QString("DICOM series"));
    QCOMPARE(r.volume.dims[2], 3);
    QCOMPARE(voxel(r, 20, 30, 0), voxel(r, 20, 30, 2));
    QVERIFY(!r.volume.notes.empty()); // the skipped file is mentioned
}

void TestImageReaders::ownPngAndJpeg() {
    const QString png = dir_.filePath("own.png"), jpg = dir_.filePath("own.jpg");
    ImageReadResult r = readImage(png.toStdString());
    QVERIFY2(r.ok(), r.error.c_str());
    QCOMPARE(r.volume.components, 3);
    QCOMPARE(r.volume.dims[0], 40);
    QCOMPARE(r.volume.dims[1], 30);
    const auto* top = static_cast<unsigned char*>(r.volume.image->GetScalarPointer(5, 0, 0));
    QCOMPARE(int(top[0]), 200);
    r = readImage(jpg.toStdString());
    QVERIFY2(r.ok(), r.error.c_str());
    QCOMPARE(QString::fromStdString(r.volume.format), QString("JPEG"));
    QCOMPARE(r.volume.dims[0], 40);
    const auto* jpegTop = static_cast<unsigned char*>(r.volume.image->GetScalarPointer(20, 0, 0));
    QVERIFY2(jpegTop[0] > 150 && jpegTop[1] < 80, "the red row of the JPEG is not on top");
}

void TestImageReaders::jpegPixelsAsVtkReadThem_data() {
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<bool>("grey");
    QTest::addColumn<bool>("progressive");
    QTest::addColumn<int>("quality");
    QTest::addColumn<int>("components"); // the volume's: 1 grey, 3 colour
    QTest::newRow("colour baseline") << 40 << 30 << false << false << 95 << 3;
    QTest::newRow("colour odd size, low quality") << 37 << 23 << false << false << 40 << 3;
    QTest::newRow("colour progressive") << 64 << 48 << false << true << 85 << 3;
    QTest::newRow("grey baseline") << 33 << 17 << true << false << 90 << 1;
    QTest::newRow("grey progressive") << 50 << 41 << true << true << 75 << 1;
    QTest::newRow("one pixel") << 1 << 1 << false << false << 95 << 1;
}

// JPEGs are decoded with libjpeg directly (JpegDecoder.h) instead of VTK's JPEG reader;
// the pixels must be the ones VTK's reader gives (bottom row first there, top row first
// in the volume).
void TestImageReaders::jpegPixelsAsVtkReadThem() {
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(bool, grey);
    QFETCH(bool, progressive);
    QFETCH(int, quality);
    QFETCH(int, components);
    QImage img(width, height, grey ? QImage::Format_Grayscale8 : QImage::Format_RGB32);
    for (int y = 0; y < height; ++y) // gradients and a checkerboard: every block differs
        for (int x = 0; x < width; ++x)
            img.setPixel(
                x, y,
                grey ? qRgb((x * 7 + y * 3) % 256, (x * 7 + y * 3) % 256, (x * 7 + y * 3) % 256)
                     : qRgb((x * 255) / width, (y * 255) / height, ((x / 4 + y / 4) % 2) * 200));
    const QString path = dir_.filePath(QString("pixels-%1.jpg").arg(QTest::currentDataTag()));
    QImageWriter writer(path, "jpeg");
    writer.setQuality(quality);
    writer.setProgressiveScanWrite(progressive);
    QVERIFY2(writer.write(img), qPrintable(writer.errorString()));

    const ImageReadResult r = readImage(path.toStdString());
    QVERIFY2(r.ok(), r.error.c_str());
    QCOMPARE(r.volume.components, components);
    QVERIFY(r.volume.notes.empty());
    auto vtk = vtkSmartPointer<vtkJPEGReader>::New();
    vtk->SetFileName(path.toStdString().c_str());
    vtk->Update();
    vtkDataArray* scalars = vtk->GetOutput()->GetPointData()->GetScalars();
    QVERIFY(scalars);
    QCOMPARE(scalars->GetNumberOfTuples(), vtkIdType(width) * height);
    int differing = 0;
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const vtkIdType fromVtk = vtkIdType(height - 1 - y) * width + x;
            for (int k = 0; k < components; ++k) {
                const double ours = components == 1
                                        ? double(voxel(r, x, y, 0))
                                        : double(static_cast<unsigned char*>(
                                              r.volume.image->GetScalarPointer(x, y, 0))[k]);
                differing += ours != scalars->GetComponent(fromVtk, k) ? 1 : 0;
            }
        }
    QCOMPARE(differing, 0);
}

void TestImageReaders::damagedFiles_data() {
    QTest::addColumn<QString>(
        "source"); // shared file, or "own.png"/"own.jpg" written by ownPngAndJpeg
    QTest::addColumn<double>("keep"); // fraction of the bytes kept
    QTest::addColumn<QString>("expected");
    QTest::newRow("CT truncated") << "images/dicom/CT_small.dcm" << 0.6 << "truncated";
    QTest::newRow("CT header only") << "images/dicom/CT_small.dcm" << 0.05 << "";
    QTest::newRow("MR truncated") << "images/dicom/0051.dcm" << 0.5 << "truncated";
    QTest::newRow("NIfTI truncated") << "images/nifti/anatomical.nii" << 0.5 << "truncated";
    QTest::newRow("NIfTI header cut") << "images/nifti/anatomical.nii" << 0.001 << "";
    QTest::newRow("NIfTI gz truncated") << "images/nifti/example4d.nii.gz" << 0.3 << "";
    QTest::newRow("CXR PNG truncated") << "images/cxr/00002578_000.png" << 0.5 << "truncated";
    QTest::newRow("own PNG truncated") << "own.png" << 0.7 << "truncated";
    QTest::newRow("own JPEG truncated") << "own.jpg" << 0.6 << "";
}

void TestImageReaders::damagedFiles() {
    QFETCH(QString, source);
    QFETCH(double, keep);
    QFETCH(QString, expected);
    QString from = source.startsWith("own.") ? dir_.filePath(source) : rs::test::sharedFile(source);
    if (from.isEmpty() || !QFileInfo::exists(from))
        QSKIP(qPrintable("not available: " + source));
    const QByteArray bytes = fileBytes(from);
    const QString cut = dir_.filePath("cut-" + QFileInfo(source).fileName());
    writeBytes(cut, bytes.left(qMax(1, int(bytes.size() * keep))));
    const ImageReadResult r = readImage(cut.toStdString());
    QVERIFY2(!r.ok(), "a damaged file was read as an image");
    QVERIFY(!r.error.empty());
    QVERIFY2(QString::fromStdString(r.error).contains(expected), r.error.c_str());

    // Garbage after a valid start: the same bytes with the second half scrambled.
    QByteArray scrambled = bytes;
    for (int i = scrambled.size() / 2; i < scrambled.size(); ++i)
        scrambled[i] = char((unsigned(i) * 7919u) & 0xffu); // unsigned: wraps, never overflows
    const QString noisy = dir_.filePath("noisy-" + QFileInfo(source).fileName());
    writeBytes(noisy, scrambled);
    const ImageReadResult n = readImage(noisy.toStdString()); // must return, either way
    QVERIFY(n.ok() || !n.error.empty());
}

void TestImageReaders::missingAndEmpty() {
    ImageReadResult r = readImage(dir_.filePath("absent.png").toStdString());
    QCOMPARE(r.error, std::string("file not found"));
    writeBytes(dir_.filePath("empty.dcm"), {});
    r = readImage(dir_.filePath("empty.dcm").toStdString());
    QCOMPARE(r.error, std::string("file is empty"));
    writeBytes(dir_.filePath("text.png"), "hello, this is not an image at all");
    r = readImage(dir_.filePath("text.png").toStdString());
    QVERIFY2(QString::fromStdString(r.error).contains("not a PNG"), r.error.c_str());
    QDir().mkpath(dir_.filePath("emptyfolder"));
    r = readImage(dir_.filePath("emptyfolder").toStdString());
    QVERIFY(!r.ok());
}

QTEST_GUILESS_MAIN(TestImageReaders)
#include "tst_imagereaders.moc"
