// The image view in a real X session (Xvfb, Mesa's software OpenGL): a chest X-ray from the
// shared data with its radiologist box and a moved copy of it as the model box (there are
// no public model boxes; the test makes one), read back from the framebuffer; a NIfTI
// volume whose picture changes with the slice slider; the box list, highlighting, export,
// missing files and the empty state.
#include "BoxListModel.h"
#include "CaseImagesView.h"
#include "ImageView.h"
#include "SharedData.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QSlider>
#include <QSurfaceFormat>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using rs::Box;

namespace {

// NIH box of 00002578_000.png (BBox_List_2017_subset.csv): Nodule.
const Box kReference{"Nodule",         "reference",      796.444444444444,
                     327.246560846561, 78.0190476190476, 59.5978835978836};

Box movedCopy(const Box& b, double dx, double dy) {
    Box m = b;
    m.source = "model";
    m.x += dx;
    m.y += dy;
    return m;
}

bool near(QColor got, QColor want, int tolerance = 60) {
    return std::abs(got.red() - want.red()) + std::abs(got.green() - want.green()) +
               std::abs(got.blue() - want.blue()) <=
           tolerance;
}

// The colour at p or a pixel next to it (lines are 3 px wide; rounding may shift by one).
bool colourAround(const QImage& img, QPointF p, QColor want) {
    for (int dx = -2; dx <= 2; ++dx)
        for (int dy = -2; dy <= 2; ++dy) {
            const QPoint q(int(std::lround(p.x())) + dx, int(std::lround(p.y())) + dy);
            if (img.rect().contains(q) && near(img.pixelColor(q), want))
                return true;
        }
    return false;
}

QString screenshotDir() {
#ifdef RS_SCREENSHOT_DIR
    QDir().mkpath(RS_SCREENSHOT_DIR);
    return QStringLiteral(RS_SCREENSHOT_DIR);
#else
    return {};
#endif
}

} // namespace

class TestImageView : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cxrBoxesAreDrawnInTheirColours();
    void selectingABoxHighlightsIt();
    void windowLevelDragChangesThePicture();
    void niftiSliceSliderChangesThePicture();
    void otherOrientationsRender();
    void dicomFilesOpen_data();
    void dicomFilesOpen();
    void hundredsOfBoxes();
    void exportPng();
    void missingFilesAreListedAndEmptyCaseSaysSo();

private:
    QImage render(); // the view's framebuffer after pending paints
    rs::Case cxrCase(const QString& path) const;
    std::unique_ptr<rs::CaseImagesView> panel_;
    QTemporaryDir dir_;
};

void TestImageView::initTestCase() {
    panel_ = std::make_unique<rs::CaseImagesView>();
    panel_->resize(1000, 760);
    panel_->show();
    QVERIFY(QTest::qWaitForWindowExposed(panel_.get()));
}

QImage TestImageView::render() {
    QApplication::processEvents();
    return panel_->imageView()->grabFramebuffer();
}

rs::Case TestImageView::cxrCase(const QString& path) const {
    rs::Case c;
    c.key = "cxr";
    c.images.push_back({path.toStdString(), "CXR", {kReference, movedCopy(kReference, -180, 140)}});
    return c;
}

void TestImageView::cxrBoxesAreDrawnInTheirColours() {
    RS_REQUIRE_SHARED("images/cxr/00002578_000.png");
    const rs::Case c = cxrCase(rs::test::sharedFile("images/cxr/00002578_000.png"));
    panel_->setCase(c);
    rs::ImageView* view = panel_->imageView();
    QVERIFY(view->hasImage());
    QCOMPARE(view->visibleBoxCount(), 2);
    const QImage img = render();
    QVERIFY(!img.isNull());
    // The picture is a chest X-ray, not a black or empty pane.
    const QColor centre = img.pixelColor(view->imageToWidget(512, 600).toPoint());
    QVERIFY2(centre.value() > 30, "image centre is black");
    for (const Box& b : c.images[0].boxes) {
        const QColor want = b.source == "model" ? rs::ImageView::modelBoxColor()
                                                : rs::ImageView::referenceBoxColor();
        // The middle of the left and bottom edges carry the box's colour ...
        QVERIFY2(colourAround(img, view->imageToWidget(b.x, b.y + b.h / 2), want),
                 b.source.c_str());
        QVERIFY2(colourAround(img, view->imageToWidget(b.x + b.w / 2, b.y + b.h), want),
                 b.source.c_str());
        // ... and the inside of the box is the X-ray, in neither box colour.
        const QColor inside =
            img.pixelColor(view->imageToWidget(b.x + b.w / 2, b.y + b.h / 2).toPoint());
        QVERIFY(!near(inside, rs::ImageView::modelBoxColor()) &&
                !near(inside, rs::ImageView::referenceBoxColor()));
    }
    // The box list: label, source, IoU against the best same-label box (here 0: moved away).
    rs::BoxListModel* model = panel_->boxModel();
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->index(1, rs::BoxListModel::SourceColumn).data().toString(), QString("model"));
    QCOMPARE(model->index(1, rs::BoxListModel::IouColumn).data().toString(), QString("0.00"));
    if (!screenshotDir().isEmpty())
        QVERIFY(panel_->grab().save(screenshotDir() + "/image-view-cxr.png"));
}

void TestImageView::selectingABoxHighlightsIt() {
    RS_REQUIRE_SHARED("images/cxr/00002578_000.png");
    panel_->setCase(cxrCase(rs::test::sharedFile("images/cxr/00002578_000.png")));
    rs::ImageView* view = panel_->imageView();
    const Box& model = panel_->boxModel()->boxes()[1];
    const QPointF edge = view->imageToWidget(model.x, model.y + model.h / 2);
    QVERIFY(!colourAround(render(), edge, rs::ImageView::highlightColor()));
    panel_->boxTable()->selectRow(1);
    QCOMPARE(view->highlightedBox(), 1);
    QVERIFY(colourAround(render(), edge, rs::ImageView::highlightColor()));
}

void TestImageView::windowLevelDragChangesThePicture() {
    RS_REQUIRE_SHARED("images/cxr/00002578_000.png");
    panel_->setCase(cxrCase(rs::test::sharedFile("images/cxr/00002578_000.png")));
    rs::ImageView* view = panel_->imageView();
    const QPoint probe = view->imageToWidget(400, 600).toPoint();
    const QColor before = render().pixelColor(probe);
    const double window = view->window(), level = view->level();
    // Left drag: right widens the window, up raises the level... here down lowers it.
    QTest::mousePress(view, Qt::LeftButton, {}, QPoint(200, 200));
    QMouseEvent move(QEvent::MouseMove, QPointF(320, 320), view->mapToGlobal(QPointF(320, 320)),
                     Qt::NoButton, Qt::LeftButton, {});
    QApplication::sendEvent(view, &move);
    QTest::mouseRelease(view, Qt::LeftButton, {}, QPoint(320, 320));
    QVERIFY(view->window() > window);
    QVERIFY(view->level() < level);
    QVERIFY(render().pixelColor(probe) != before);
    QTest::keyClick(view, Qt::Key_R);
    QCOMPARE(view->window(), window);
}

void TestImageView::niftiSliceSliderChangesThePicture() {
    RS_REQUIRE_SHARED("images/nifti/anatomical.nii");
    rs::Case c;
    c.images.push_back({rs::test::sharedFile("images/nifti/anatomical.nii").toStdString(),
                        "MR",
                        {Box{"lesion", "reference", 10, 12, 8, 9, 10, 6, true},
                         Box{"lesion", "model", 12, 13, 8, 9, 11, 6, true}}});
    panel_->setCase(c);
    rs::ImageView* view = panel_->imageView();
    QVERIFY(view->hasImage());
    QCOMPARE(view->sliceCount(), 25);
    QSlider* slider = panel_->sliceSlider();
    QVERIFY(slider->isVisible());
    QCOMPARE(slider->maximum(), 24);
    slider->setValue(12);
    const QImage a = render();
    QVERIFY(view->visibleBoxCount() == 2); // slice 12 is inside both boxes
    if (!screenshotDir().isEmpty())
        QVERIFY(panel_->grab().save(screenshotDir() + "/image-view-nifti.png"));
    slider->setValue(20);
    QCOMPARE(view->slice(), 20);
    const QImage b = render();
    QCOMPARE(view->visibleBoxCount(), 0); // beyond both boxes
    QVERIFY2(a != b, "the picture did not change with the slice");
    // The keyboard moves the slider too.
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Down);
    QCOMPARE(slider->value(), 19);
}

void TestImageView::otherOrientationsRender() {
    RS_REQUIRE_SHARED("images/nifti/example4d.nii.gz");
    rs::Case c;
    c.images.push_back({rs::test::sharedFile("images/nifti/example4d.nii.gz").toStdString(),
                        "fMRI",
                        {Box{"activation", "reference", 40, 30, 20, 20, 8, 6, true}}});
    panel_->setCase(c);
    rs::ImageView* view = panel_->imageView();
    const QImage axial = render();
    for (auto o : {rs::ImageView::Orientation::Coronal, rs::ImageView::Orientation::Sagittal,
                   rs::ImageView::Orientation::Outline3D}) {
        view->setOrientation(o);
        const QImage img = render();
        QVERIFY(img != axial);
        int bright = 0;
        for (int y = 0; y < img.height(); y += 4)
            for (int x = 0; x < img.width(); x += 4)
                bright += img.pixelColor(x, y).value() > 60;
        QVERIFY2(bright > 50, "orientation renders (almost) nothing");
    }
    // The 3D outline draws the 3D box in the reference colour somewhere.
    const QImage outline = render();
    bool seen = false;
    for (int y = 0; y < outline.height() && !seen; ++y)
        for (int x = 0; x < outline.width() && !seen; ++x)
            seen = near(outline.pixelColor(x, y), rs::ImageView::referenceBoxColor(), 40);
    QVERIFY(seen);
    view->setOrientation(rs::ImageView::Orientation::Axial);
}

void TestImageView::dicomFilesOpen_data() {
    QTest::addColumn<QString>("file");
    QTest::newRow("CT") << "images/dicom/CT_small.dcm";
    QTest::newRow("MR") << "images/dicom/MR_small.dcm";
    QTest::newRow("MR 360") << "images/dicom/0051.dcm";
}

void TestImageView::dicomFilesOpen() {
    QFETCH(QString, file);
    const QString path = rs::test::sharedFile(file);
    if (path.isEmpty() || !QFileInfo::exists(path))
        QSKIP(qPrintable("shared data not available: " + file));
    rs::Case c;
    c.images.push_back({path.toStdString(), "", {}});
    panel_->setCase(c);
    QVERIFY(panel_->problems().isEmpty());
    rs::ImageView* view = panel_->imageView();
    QVERIFY(view->hasImage());
    // The picture has structure: many distinct grey values inside the image's area.
    const QImage img = render();
    const QRectF area(view->imageToWidget(0, 0), view->imageToWidget(64, 64));
    QSet<int> greys;
    for (int y = int(area.top()) + 2; y < int(area.bottom()) - 2; y += 3)
        for (int x = int(area.left()) + 2; x < int(area.right()) - 2; x += 3)
            greys.insert(qGray(img.pixel(x, y)));
    QVERIFY2(greys.size() > 20, qPrintable(QString::number(greys.size())));
}

void TestImageView::hundredsOfBoxes() {
    RS_REQUIRE_SHARED("images/cxr/00002578_000.png");
    rs::Case c = cxrCase(rs::test::sharedFile("images/cxr/00002578_000.png"));
    for (int i = 0; i < 500; ++i)
        c.images[0].boxes.push_back(Box{"Nodule", i % 2 ? "model" : "reference",
                                        double(20 + (i * 37) % 900), double(20 + (i * 53) % 900),
                                        40, 30});
    QElapsedTimer t;
    t.start();
    panel_->setCase(c);
    const qint64 setMs = t.elapsed();
    render();
    rs::ImageView* view = panel_->imageView();
    QCOMPARE(view->visibleBoxCount(), 502);
    double worst = 0;
    for (int i = 0; i < 5; ++i) {
        view->zoomBy(1.05);
        render();
        worst = std::max(worst, view->lastRenderMilliseconds());
    }
    qInfo("502 boxes: case shown in %lld ms, worst of 5 renders %.1f ms (software OpenGL)", setMs,
          worst);
    QVERIFY(worst < 1000);
}

void TestImageView::exportPng() {
    RS_REQUIRE_SHARED("images/cxr/00002578_000.png");
    panel_->setCase(cxrCase(rs::test::sharedFile("images/cxr/00002578_000.png")));
    render();
    const QString path = dir_.filePath("export.png");
    QVERIFY(panel_->exportPng(path));
    const QImage saved(path);
    QCOMPARE(saved.size(), panel_->imageView()->size());
    const Box& ref = panel_->boxModel()->boxes()[0];
    QVERIFY(colourAround(saved, panel_->imageView()->imageToWidget(ref.x, ref.y + ref.h / 2),
                         rs::ImageView::referenceBoxColor()));
}

void TestImageView::missingFilesAreListedAndEmptyCaseSaysSo() {
    rs::Case c;
    const QString broken = dir_.filePath("broken.png");
    {
        QFile f(broken);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    }
    c.images.push_back({dir_.filePath("nowhere.png").toStdString(), "", {}});
    c.images.push_back({broken.toStdString(), "", {}});
    panel_->setCase(c);
    const QStringList problems = panel_->problems();
    QCOMPARE(problems.size(), 2);
    QVERIFY(problems.join('\n').contains("nowhere.png: file not found"));
    QVERIFY(problems.join('\n').contains("broken.png: PNG file is truncated"));
    QVERIFY(panel_->findChild<QLabel*>("imageProblems")->isVisible());
    QVERIFY(!panel_->imageView()->hasImage());

    panel_->setCase(rs::Case());
    QVERIFY(panel_->findChild<QLabel*>("imagesEmptyState")->isVisible());
}

int main(int argc, char** argv) {
    rs::ImageView::setDefaultSurfaceFormat(); // before the application exists
    QApplication app(argc, argv);
    TestImageView test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_imageview.moc"
