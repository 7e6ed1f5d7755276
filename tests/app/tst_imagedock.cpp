// End to end with images: a generic JSONL (written here) whose cases point at the shared
// chest X-rays with model boxes, analysed with the NIH box list as reference boxes, opened
// in the main window. The case whose model box misses is a grounding finding in the
// project (counts, class filter, instance view) and its image view draws both box sets
// and lists their IoU. There are no public model boxes: the test moves the reference box.
#include "AnalysisPipeline.h"
#include "BoxListModel.h"
#include "CaseImagesView.h"
#include "CaseTableModel.h"
#include "ImageView.h"
#include "MainWindow.h"
#include "ResourceLocator.h"
#include "SharedData.h"

#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QListWidget>
#include <QStandardPaths>
#include <QSurfaceFormat>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

using namespace rs;

class TestImageDock : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void groundingFindingIsStoredAndCounted();
    void missingBoxCaseOpensWithBothBoxSets();
    void caseWithoutImagesShowsTheEmptyState();

private:
    QTemporaryDir dir_;
    QString project_;
    PipelineResult result_;
};

void TestImageDock::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    RS_REQUIRE_SHARED("images/cxr/BBox_List_2017_subset.csv");
    QVERIFY(dir_.isValid());
    // Relative image paths resolve against the JSONL's folder: link the shared folder there.
    const std::filesystem::path cxr = rs::test::sharedFile("images/cxr").toStdString();
    std::filesystem::create_directory_symlink(
        cxr, std::filesystem::path(dir_.path().toStdString()) / "cxr");
    const QString jsonl = dir_.filePath("cxr.jsonl");
    {
        std::ofstream out(jsonl.toStdString());
        auto record = [&](const char* id, const char* image, nlohmann::json boxes) {
            nlohmann::json r = {
                {"id", id},
                {"question", "A chest radiograph is shown. What is the main finding?"},
                {"options", {{"A", "Nodule"}, {"B", "Pneumothorax"}}},
                {"gold", "A"},
                {"model", "test-vlm"},
                {"output", "There is a nodule in the right upper lung. Answer: A"},
                {"images", {{{"path", image}, {"modality", "CXR"}, {"boxes", boxes}}}}};
            out << r.dump() << "\n";
        };
        // 00002578_000.png: NIH Nodule box at (796.4, 327.2, 78.0, 59.6).
        record("hit", "cxr/00002578_000.png",
               {{{"label", "Nodule"},
                 {"source", "model"},
                 {"x", 800},
                 {"y", 330},
                 {"w", 78},
                 {"h", 60}}});
        record("miss", "cxr/00002578_000.png",
               {{{"label", "Nodule"},
                 {"source", "model"},
                 {"x", 600},
                 {"y", 470},
                 {"w", 78},
                 {"h", 60}}});
        out << R"({"id": "text-only", "question": "What causes X?", "output": "Y. Answer: A", "options": {"A": "Y"}, "gold": "A", "model": "test-vlm"})"
            << "\n";
    }
    project_ = dir_.filePath("cxr.rsproj");
    PipelineRequest req;
    req.resourcesDir = resourcesDir();
    req.kgFiles = {
        (std::filesystem::path(req.resourcesDir) / "demo" / "kg" / "demo-kg.tsv").string()};
    req.inputFiles = {jsonl.toStdString()};
    req.boxFiles = {rs::test::sharedFile("images/cxr/BBox_List_2017_subset.csv").toStdString()};
    req.projectPath = project_.toStdString();
    result_ = rs::runAnalysis(req, {});
    QVERIFY2(result_.ok, result_.fatalError.c_str());
    QCOMPARE(result_.referenceBoxesAttached, std::size_t(2));
}

void TestImageDock::groundingFindingIsStoredAndCounted() {
    std::string error;
    auto store = ProjectStore::openReadOnly(project_.toStdString(), &error);
    QVERIFY2(store, error.c_str());
    const auto miss = store->loadCase("miss", "");
    const auto hit = store->loadCase("hit", "");
    QVERIFY(miss && hit);
    int grounding = 0;
    for (const auto& f : miss->analysis["findings"])
        grounding += f["type"] == "grounding" && f["subtype"] == "low_iou";
    QCOMPARE(grounding, 1);
    for (const auto& f : hit->analysis["findings"])
        QVERIFY(f["type"] != "grounding");
    // The case table's grounding filter finds exactly the missing-box case.
    CaseQuery q;
    q.findingTypes = {"grounding"};
    const auto rows = store->caseRows(q, 0, 10);
    QCOMPARE(rows.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(rows[0].key), QString("miss"));
    QCOMPARE(rows[0].nGrounding, 1);
}

void TestImageDock::missingBoxCaseOpensWithBothBoxSets() {
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openProject(project_, true));
    QVERIFY(window.showCase("miss"));
    auto* dock = window.findChild<QDockWidget*>("imageDock");
    QVERIFY(dock);
    dock->show();
    dock->raise();
    auto* images = window.findChild<CaseImagesView*>();
    QVERIFY(images);
    QTRY_VERIFY(images->imageView()->isVisible());
    QVERIFY(images->imageView()->hasImage());
    BoxListModel* boxes = images->boxModel();
    QCOMPARE(boxes->rowCount(), 2); // the model's box and the NIH reference box
    QCOMPARE(boxes->index(0, BoxListModel::SourceColumn).data().toString(), QString("model"));
    QCOMPARE(boxes->index(1, BoxListModel::SourceColumn).data().toString(), QString("reference"));
    QCOMPARE(boxes->index(0, BoxListModel::IouColumn).data().toString(), QString("0.00"));
    // The flagged box says why in its tooltip.
    QVERIFY(boxes->index(0, BoxListModel::LabelColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains("IoU"));
    QApplication::processEvents();
    const QImage img = images->imageView()->grabFramebuffer();
    int model = 0, reference = 0;
    for (int y = 0; y < img.height(); ++y)
        for (int x = 0; x < img.width(); ++x) {
            const QColor c = img.pixelColor(x, y);
            model += c == ImageView::modelBoxColor();
            reference += c == ImageView::referenceBoxColor();
        }
    QVERIFY2(model > 40 && reference > 40,
             qPrintable(QString("%1 model, %2 reference pixels").arg(model).arg(reference)));
    // The instance view lists the grounding finding with the others.
    bool listed = false;
    for (auto* list : window.findChildren<QListWidget*>())
        for (int i = 0; i < list->count(); ++i)
            listed = listed || (list->item(i)->toolTip().contains("grounding / low_iou") &&
                                list->item(i)->toolTip().contains("below the threshold"));
    QVERIFY(listed);
}

void TestImageDock::caseWithoutImagesShowsTheEmptyState() {
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openProject(project_, true));
    QVERIFY(window.showCase("text-only"));
    auto* dock = window.findChild<QDockWidget*>("imageDock");
    dock->raise();
    QTRY_VERIFY(window.findChild<QLabel*>("imagesEmptyState")->isVisible());
}

int main(int argc, char** argv) {
    ImageView::setDefaultSurfaceFormat(); // before the application exists
    QApplication app(argc, argv);
    TestImageDock test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_imagedock.moc"
