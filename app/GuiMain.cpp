#include "GuiMain.h"

#include "AnalysisPipeline.h"
#include "CompareBar.h"
#include "CompareMode.h"
#include "ImageView.h"
#include "MainWindow.h"
#include "ResourceLocator.h"
#ifdef RS_HAVE_LIBPQ
#include "TeamSync.h"
#endif

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSurfaceFormat>
#include <QTimer>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

namespace rs {

namespace {

std::optional<ComparisonTableModel::Change> changeFromName(const QString& name) {
    using Change = ComparisonTableModel::Change;
    if (name.isEmpty() || name == "all")
        return Change::All;
    if (name == "changed")
        return Change::Changed;
    if (name == "regressions")
        return Change::Regressions;
    if (name == "fixes")
        return Change::Fixes;
    if (name == "new-findings")
        return Change::NewFindings;
    return std::nullopt;
}

PipelineRequest demoRequest(const QString& project) {
    PipelineRequest req;
    req.resourcesDir = resourcesDir();
    req.cacheDir = cacheDir();
    req.kgFiles = demoKgFiles(req.resourcesDir);
    req.inputFiles = demoOutputFiles(req.resourcesDir);
    req.projectPath = project.toStdString();
    return req;
}

} // namespace

int runGui(int argc, char** argv) {
    // Without any display Qt would abort with a message about platform plugins; say what
    // the user can do instead.
    auto unset = [](const char* name) {
        const char* v = std::getenv(name);
        return !v || !*v;
    };
    if (unset("DISPLAY") && unset("WAYLAND_DISPLAY") && unset("QT_QPA_PLATFORM")) {
        std::cerr << "reasonscope: no display (DISPLAY is not set), so the window cannot open.\n"
                     "Run `reasonscope analyze` to analyse the demo headless, or see "
                     "`reasonscope analyze --help`.\n";
        return 1;
    }
    ImageView::setDefaultSurfaceFormat(); // before the application exists
    QApplication app(argc, argv);
    QApplication::setApplicationName("ReasonScope");
    QApplication::setOrganizationName("ReasonScope");
    QApplication::setApplicationVersion(RS_VERSION);

    QStringList args = QApplication::arguments().mid(1);
    QString project, caseId, run, screenshot, compareBase, compareHead, changed;
    bool openCommand = !args.isEmpty() && args.front() == "open";
    if (openCommand)
        args.removeFirst();
    for (int i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        auto next = [&](QString& out) {
            if (i + 1 >= args.size())
                return false;
            out = args[++i];
            return true;
        };
        if ((a == "--case" && next(caseId)) || (a == "--run" && next(run)) ||
            (a == "--screenshot" && next(screenshot)) ||
            (a == "--compare" && next(compareBase) && next(compareHead)) ||
            (a == "--changed" && next(changed)))
            continue;
        if (!a.startsWith("--") && project.isEmpty() && openCommand) {
            project = a;
            continue;
        }
        std::cerr
            << "reasonscope: unknown argument: " << a.toStdString()
            << "\nUsage: reasonscope [open PROJECT [--case ID] [--run RUN] [--compare BASE HEAD "
               "[--changed all|changed|regressions|fixes|new-findings]]] [--screenshot FILE]\n";
        return 2;
    }
    if (openCommand && project.isEmpty()) {
        std::cerr << "reasonscope: open needs a PROJECT file\n";
        return 2;
    }
    const std::optional<ComparisonTableModel::Change> change = changeFromName(changed);
    if (!change || (!changed.isEmpty() && compareBase.isEmpty())) {
        std::cerr << "reasonscope: --changed takes all, changed, regressions, fixes or "
                     "new-findings, with --compare\n";
        return 2;
    }

    MainWindow window;
    window.show();
    auto afterOpen = [&] {
        if (!compareBase.isEmpty()) {
            QString error;
            if (!window.enterCompareMode(compareBase, compareHead, &error))
                std::cerr << "reasonscope: cannot compare: " << error.toStdString() << "\n";
            else
                window.compareMode()->bar()->setChange(*change);
        }
        if (window.compareMode()->isActive()) {
            if (!caseId.isEmpty() && !window.showComparedQuestion(caseId))
                std::cerr << "reasonscope: no paired question '" << caseId.toStdString() << "'\n";
        } else if (!caseId.isEmpty() && !window.showCase(caseId, run)) {
            std::cerr << "reasonscope: no case '" << caseId.toStdString() << "' in the project\n";
        }
        if (!screenshot.isEmpty()) {
            // Let layouts and the path view settle, and the views reading on workers deliver,
            // before grabbing (at most 20 s, so a stuck worker cannot hang a script).
            auto* poll = new QTimer(&window);
            auto started = std::make_shared<QElapsedTimer>();
            started->start();
            QObject::connect(poll, &QTimer::timeout, &window, [&, poll, started] {
                if (started->elapsed() < 800 ||
                    (window.isUpdatingViews() && started->elapsed() < 20000))
                    return;
                poll->stop();
                QApplication::processEvents();
                const bool saved = window.grab().save(screenshot);
                if (!saved)
                    std::cerr << "reasonscope: cannot write " << screenshot.toStdString() << "\n";
                QApplication::exit(saved ? 0 : 1);
            });
            poll->start(100);
        }
    };

#ifdef RS_HAVE_LIBPQ
    // A published project on a team-review server (docs/team-review.md).
    if (openCommand && TeamSync::isTeamTarget(project)) {
        std::string error;
        if (!openTeamProject(window, project, !screenshot.isEmpty(), &error)) {
            std::cerr << "reasonscope: " << error << "\n";
            return 1;
        }
        afterOpen();
        return QApplication::exec();
    }
#endif
    if (openCommand) {
        if (!QFileInfo::exists(project)) {
            std::cerr << "reasonscope: no such project: " << project.toStdString() << "\n";
            return 1;
        }
        if (!window.openProject(project, !screenshot.isEmpty()))
            return 1;
        afterOpen();
    } else {
        const QString demo = QDir(QString::fromStdString(dataDir())).filePath("demo.rsproj");
        QDir().mkpath(QFileInfo(demo).absolutePath());
        if (QFileInfo::exists(demo) && window.openProject(demo, true)) {
            afterOpen();
        } else {
            window.runAnalysis(demoRequest(demo), QObject::tr("Analysing the demo data"));
            QObject::connect(&window, &MainWindow::currentCaseChanged, &window,
                             [&, done = false](qint64) mutable {
                                 if (!done) {
                                     done = true;
                                     afterOpen();
                                 }
                             });
        }
    }
    return QApplication::exec();
}

} // namespace rs
