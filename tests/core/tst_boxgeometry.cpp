// IoU of grounding boxes in 2D and 3D, and label comparison.
#include "BoxGeometry.h"

#include <QtTest>

using rs::Box;

namespace {

Box box2(double x, double y, double w, double h) {
    return Box{"L", "model", x, y, w, h, 0, 0, false};
}
Box box3(double x, double y, double z, double w, double h, double d) {
    return Box{"L", "model", x, y, w, h, z, d, true};
}

} // namespace

Q_DECLARE_METATYPE(rs::Box)

class TestBoxGeometry : public QObject {
    Q_OBJECT
private slots:
    void iou_data();
    void iou();
    void iouIsSymmetric();
    void labels_data();
    void labels();
};

void TestBoxGeometry::iou_data() {
    QTest::addColumn<Box>("a");
    QTest::addColumn<Box>("b");
    QTest::addColumn<double>("expected");
    QTest::newRow("identical") << box2(10, 10, 20, 20) << box2(10, 10, 20, 20) << 1.0;
    QTest::newRow("disjoint") << box2(0, 0, 10, 10) << box2(20, 20, 10, 10) << 0.0;
    QTest::newRow("touching edges") << box2(0, 0, 10, 10) << box2(10, 0, 10, 10) << 0.0;
    // Shifted by half a width: intersection 50, union 150.
    QTest::newRow("half shift") << box2(0, 0, 10, 10) << box2(5, 0, 10, 10) << 1.0 / 3.0;
    QTest::newRow("contained") << box2(0, 0, 10, 10) << box2(0, 0, 5, 5) << 0.25;
    QTest::newRow("corner overlap") << box2(0, 0, 10, 10) << box2(5, 5, 10, 10) << 25.0 / 175.0;
    QTest::newRow("empty box") << box2(0, 0, 0, 10) << box2(0, 0, 10, 10) << 0.0;
    QTest::newRow("3d identical") << box3(1, 2, 3, 4, 5, 6) << box3(1, 2, 3, 4, 5, 6) << 1.0;
    // Same rectangle, half the slices overlap: intersection 100*5, union 100*15.
    QTest::newRow("3d depth half")
        << box3(0, 0, 0, 10, 10, 10) << box3(0, 0, 5, 10, 10, 10) << 1.0 / 3.0;
    QTest::newRow("3d disjoint in depth")
        << box3(0, 0, 0, 10, 10, 4) << box3(0, 0, 4, 10, 10, 4) << 0.0;
    QTest::newRow("3d half in each axis")
        << box3(0, 0, 0, 2, 2, 2) << box3(1, 1, 1, 2, 2, 2) << 1.0 / 15.0;
    // A 2D box against a 3D one: the in-plane rectangles only.
    QTest::newRow("2d vs 3d footprint")
        << box2(0, 0, 10, 10) << box3(5, 0, 40, 10, 10, 3) << 1.0 / 3.0;
}

void TestBoxGeometry::iou() {
    QFETCH(Box, a);
    QFETCH(Box, b);
    QFETCH(double, expected);
    QVERIFY2(qAbs(rs::boxIou(a, b) - expected) < 1e-12,
             qPrintable(QString::number(rs::boxIou(a, b))));
}

void TestBoxGeometry::iouIsSymmetric() {
    const Box a = box3(3, 1, 2, 7, 9, 4), b = box3(5, 4, 0, 6, 3, 5);
    QCOMPARE(rs::boxIou(a, b), rs::boxIou(b, a));
    QVERIFY(rs::boxIou(a, b) > 0 && rs::boxIou(a, b) < 1);
}

void TestBoxGeometry::labels_data() {
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("same");
    QTest::newRow("case") << "Nodule"
                          << "nodule" << true;
    QTest::newRow("underscore") << "Pleural_Thickening"
                                << "pleural thickening" << true;
    QTest::newRow("blanks") << "  Mass "
                            << "Mass" << true;
    QTest::newRow("different") << "Mass"
                               << "Nodule" << false;
}

void TestBoxGeometry::labels() {
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, same);
    QCOMPARE(rs::sameBoxLabel(a.toStdString(), b.toStdString()), same);
}

QTEST_APPLESS_MAIN(TestBoxGeometry)
#include "tst_boxgeometry.moc"
