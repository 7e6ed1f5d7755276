// The NIH ChestX-ray14 box list: reference boxes by image file name; bad rows reported with
// file and line while the rest are read.
#include "NihBoxList.h"
#include "SharedData.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

class TestNihBoxList : public QObject {
    Q_OBJECT
private slots:
    void readsTheSharedSubset();
    void badRowsAreReportedAndTheRestRead();
    void notABoxList();
    void attachesOnlyToMatchingFileNamesOnce();
};

void TestNihBoxList::readsTheSharedSubset() {
    RS_REQUIRE_SHARED("images/cxr/BBox_List_2017_subset.csv");
    rs::importers::NihBoxList list;
    std::vector<rs::ImportError> errors;
    QVERIFY(list.load(rs::test::sharedFile("images/cxr/BBox_List_2017_subset.csv").toStdString(),
                      errors));
    QVERIFY(errors.empty());
    QCOMPARE(list.boxCount(), std::size_t(12));
    QCOMPARE(list.imageCount(), std::size_t(12));
    rs::Case c;
    c.images.push_back({"/anywhere/00002578_000.png", "CXR", {}});
    QCOMPARE(list.attachTo(c), std::size_t(1));
    const rs::Box& b = c.images[0].boxes.at(0);
    QCOMPARE(b.label, std::string("Nodule"));
    QCOMPARE(b.source, std::string("reference"));
    QVERIFY(qAbs(b.x - 796.444444444444) < 1e-9 && qAbs(b.h - 59.5978835978836) < 1e-9);
}

void TestNihBoxList::badRowsAreReportedAndTheRestRead() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("boxes.csv").toStdString();
    std::ofstream(path) << "Image Index,Finding Label,Bbox [x,y,w,h],,,\n"
                           "a.png,Mass,1,2,3,4\n"
                           "b.png,Mass,1,two,3,4\n"
                           "c.png,Mass,1,2\n"
                           "\n"
                           "d.png,,1,2,3,4\n"
                           "e.png,Nodule,1,2,0,4\n"
                           "f.png,Nodule,\"1\",2,3,4\n";
    rs::importers::NihBoxList list;
    std::vector<rs::ImportError> errors;
    QVERIFY(list.load(path, errors));
    QCOMPARE(list.boxCount(), std::size_t(2)); // a.png and f.png
    QCOMPARE(errors.size(), std::size_t(4));
    QCOMPARE(errors[0].line, std::size_t(3));
    QVERIFY(QString::fromStdString(errors[0].toString())
                .contains("boxes.csv:3: y is not a number: 'two'"));
    QCOMPARE(errors[1].line, std::size_t(4));
    QCOMPARE(errors[2].line, std::size_t(6));
    QCOMPARE(errors[3].line, std::size_t(7));
    QVERIFY(QString::fromStdString(errors[3].reason).contains("no area"));
}

void TestNihBoxList::notABoxList() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("other.csv").toStdString();
    std::ofstream(path) << "id,question\n1,what\n";
    rs::importers::NihBoxList list;
    std::vector<rs::ImportError> errors;
    QVERIFY(!list.load(path, errors));
    QCOMPARE(errors.size(), std::size_t(1));
    QVERIFY(QString::fromStdString(errors[0].toString()).contains("not an NIH box list"));
    errors.clear();
    QVERIFY(!list.load(dir.filePath("absent.csv").toStdString(), errors));
    QVERIFY(QString::fromStdString(errors.at(0).reason).contains("cannot read"));
}

void TestNihBoxList::attachesOnlyToMatchingFileNamesOnce() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("boxes.csv").toStdString();
    std::ofstream(path) << "Image Index,Finding Label,Bbox [x,y,w,h],,,\n"
                           "x.png,Mass,10,20,30,40\nx.png,Nodule,1,1,5,5\n";
    rs::importers::NihBoxList list;
    std::vector<rs::ImportError> errors;
    QVERIFY(list.load(path, errors));
    rs::Case c;
    c.images.push_back({"imgs/x.png", "", {{"Mass", "model", 10, 20, 30, 40}}});
    c.images.push_back({"imgs/y.png", "", {}});
    QCOMPARE(list.attachTo(c), std::size_t(2));
    QCOMPARE(list.attachTo(c), std::size_t(0)); // already there
    QCOMPARE(c.images[0].boxes.size(), std::size_t(3));
    QVERIFY(c.images[1].boxes.empty());
}

QTEST_APPLESS_MAIN(TestNihBoxList)
#include "tst_nihboxlist.moc"
