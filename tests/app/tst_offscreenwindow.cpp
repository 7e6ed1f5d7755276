// The main window on a display without OpenGL (Qt's offscreen platform, as in CI scripts and
// benchmarks): Qt crashes composing a window that holds a QOpenGLWidget there, so the image
// view must give way to a message while every other view still works.
#include "AnalysisPipeline.h"
#include "CaseTableModel.h"
#include "ImageView.h"
#include "MainWindow.h"
#include "ResourceLocator.h"

#include <QLabel>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>

using namespace rs;

class TestOffscreenWindow : public QObject {
    Q_OBJECT
private slots:
    void opensWithoutOpenGl();
};

void TestOffscreenWindow::opensWithoutOpenGl() {
    QCOMPARE(QGuiApplication::platformName(), QStringLiteral("offscreen"));
    QVERIFY(!ImageView::isOpenGLAvailable());
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    PipelineRequest req;
    req.resourcesDir = resourcesDir();
    const std::filesystem::path res(req.resourcesDir);
    req.kgFiles = {(res / "demo" / "kg" / "demo-kg.tsv").string()};
    req.inputFiles = {(res / "demo" / "outputs" / "demo-outputs.jsonl").string()};
    req.projectPath = dir.filePath("demo.rsproj").toStdString();
    const PipelineResult r = rs::runAnalysis(req, {});
    QVERIFY2(r.ok, r.fatalError.c_str());

    MainWindow w;
    w.show();
    QVERIFY(w.openProject(dir.filePath("demo.rsproj"), true));
    QVERIFY(w.showCase("demo-q03", "demo-model-b 2024-06"));
    QTRY_VERIFY(!w.isUpdatingViews());
    auto* message = w.findChild<QLabel*>("imageViewUnavailable");
    QVERIFY(message);
    QVERIFY(message->text().contains("OpenGL"));
    QCOMPARE(w.caseModel()->rowCount(), 47);
    const QImage shot = w.grab().toImage(); // composing the window is what used to crash
    QVERIFY(!shot.isNull());
}

QTEST_MAIN(TestOffscreenWindow)
#include "tst_offscreenwindow.moc"
