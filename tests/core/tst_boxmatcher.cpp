// One-to-one pairing of model and reference boxes, and the best same-label IoU per box.
#include "BoxMatcher.h"

#include <QtTest>

using rs::Box;

namespace {

Box model(const char* label, double x, double y, double w, double h) {
    return {label, "model", x, y, w, h};
}
Box reference(const char* label, double x, double y, double w, double h) {
    return {label, "reference", x, y, w, h};
}

} // namespace

class TestBoxMatcher : public QObject {
    Q_OBJECT
private slots:
    void pairsSameLabelByHighestIou();
    void duplicateModelBoxStaysUnpaired();
    void otherLabelsNeverPair();
    void farAwayBoxStillPairsWithItsLabel();
    void noBoxes();
};

void TestBoxMatcher::pairsSameLabelByHighestIou() {
    // Two nodules; each model box sits best on a different reference.
    const std::vector<Box> boxes = {
        reference("Nodule", 0, 0, 10, 10), reference("Nodule", 100, 100, 10, 10),
        model("Nodule", 102, 100, 10, 10), model("Nodule", 1, 0, 10, 10)};
    const auto m = rs::matchBoxes(boxes);
    QCOMPARE(m.partner, (std::vector<int>{3, 2, 1, 0}));
    QCOMPARE(m.best[2].box, 1);
    QCOMPARE(m.best[2].iou, 80.0 / 120.0);
    QCOMPARE(m.best[0].box, 3);
}

void TestBoxMatcher::duplicateModelBoxStaysUnpaired() {
    const std::vector<Box> boxes = {reference("Mass", 0, 0, 10, 10), model("Mass", 0, 0, 10, 10),
                                    model("Mass", 1, 1, 10, 10)};
    const auto m = rs::matchBoxes(boxes);
    QCOMPARE(m.partner[1], 0);
    QCOMPARE(m.partner[2], -1);
    QCOMPARE(m.best[2].box, 0); // its IoU is still listed
    QVERIFY(m.best[2].iou > 0.5);
}

void TestBoxMatcher::otherLabelsNeverPair() {
    const std::vector<Box> boxes = {reference("Mass", 0, 0, 10, 10), model("Nodule", 0, 0, 10, 10)};
    const auto m = rs::matchBoxes(boxes);
    QCOMPARE(m.partner, (std::vector<int>{-1, -1}));
    QCOMPARE(m.best[1].box, -1);
}

void TestBoxMatcher::farAwayBoxStillPairsWithItsLabel() {
    const std::vector<Box> boxes = {reference("Nodule", 0, 0, 10, 10),
                                    model("nodule", 500, 500, 10, 10)};
    const auto m = rs::matchBoxes(boxes);
    QCOMPARE(m.partner, (std::vector<int>{1, 0}));
    QCOMPARE(m.best[1].iou, 0.0);
}

void TestBoxMatcher::noBoxes() {
    const auto m = rs::matchBoxes({});
    QVERIFY(m.best.empty() && m.partner.empty());
}

QTEST_APPLESS_MAIN(TestBoxMatcher)
#include "tst_boxmatcher.moc"
