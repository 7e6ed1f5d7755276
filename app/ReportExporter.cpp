#include "ReportExporter.h"

#include "CaseFilterSpec.h"
#include "ReportDialog.h"
#include "WindowWorker.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QSettings>
#include <QStandardPaths>

#include <memory>

namespace rs {

namespace {

struct ExportOutcome {
    bool ok = false;
    QString error;
    std::size_t cases = 0;
    qint64 milliseconds = 0;
};

ExportOutcome buildAndWrite(const std::string& project, const CaseQuery& filter,
                            const ReportOptions& options, ReportFormat format,
                            const QString& path) {
    ExportOutcome outcome;
    QElapsedTimer timer;
    timer.start();
    try {
        std::string openError;
        auto store = ProjectStore::openReadOnly(project, &openError);
        if (!store) {
            outcome.error = QString::fromStdString(openError);
            return outcome;
        }
        // As `reasonscope report`: cases are read again while written, under one snapshot.
        ReportOptions paged = options;
        paged.casesInPages = true;
        const ProjectStore::ReadSnapshot snapshot(*store);
        const AuditReport report = buildAuditReport(*store, filter, paged);
        outcome.cases = report.caseCount();
        outcome.ok = writeReport(report, format, path, &outcome.error);
    } catch (const std::exception& e) {
        outcome.error = QString::fromUtf8(e.what());
    }
    outcome.milliseconds = timer.elapsed();
    return outcome;
}

} // namespace

ReportExporter::ReportExporter(QWidget* window) : QObject(window), window_(window) {}

void ReportExporter::askAndExport(const ProjectStore& store, const QString& projectPath,
                                  const CaseQuery& filter, int shownCases) {
    const std::string filterText = formatCaseFilter(filter, store.runs());
    QString suggested = QSettings().value("review/lastReport").toString();
    if (suggested.isEmpty())
        suggested = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                        .filePath(QFileInfo(projectPath).completeBaseName() + "-report.html");
    ReportDialog dialog(QString::fromStdString(filterText),
                        tr("%1 cases match the filter").arg(shownCases), suggested, window_);
    if (dialog.exec() != QDialog::Accepted || dialog.path().isEmpty())
        return;
    // Asked for in a dialog, so a failure deserves one too (exportTo() itself only reports
    // it in the status bar and by its signal).
    connect(
        this, &ReportExporter::finished, this,
        [this](bool ok, const QString& pathOrError, bool cancelled) {
            if (!ok && !cancelled)
                QMessageBox::warning(window_, tr("Report not written"), pathOrError);
        },
        Qt::SingleShotConnection);
    exportTo(projectPath, filter, shownCases, dialog.path(), dialog.format(), dialog.redact());
}

void ReportExporter::exportTo(const QString& projectPath, const CaseQuery& filter, int shownCases,
                              const QString& path, ReportFormat format, bool redact) {
    ReportOptions options;
    options.redact = redact;
    options.appVersion = RS_VERSION;
    QPointer<QProgressDialog> progress = new QProgressDialog(
        tr("Writing the report of %1 cases\u2026").arg(shownCases), tr("Cancel"), 0, 0, window_);
    progress->setWindowTitle(tr("Export report"));
    progress->setMinimumDuration(300);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    auto cancelled = std::make_shared<bool>(false);
    connect(progress, &QProgressDialog::canceled, this, [cancelled] { *cancelled = true; });
    runOnWorker(
        this,
        [project = projectPath.toStdString(), filter, options, format, path] {
            return buildAndWrite(project, filter, options, format, path);
        },
        [this, progress, cancelled, path](const ExportOutcome& outcome) {
            const bool wasCancelled = *cancelled;
            // Closing a progress dialog emits canceled(): stop listening first.
            if (progress) { // Esc closes (and so deletes) it
                progress->disconnect(this);
                progress->close();
            }
            if (wasCancelled) {
                QFile::remove(path); // half an audit report is worse than none
                emit statusMessage(tr("Report cancelled; nothing was written"), 8000);
                emit finished(false, tr("cancelled"), true);
                return;
            }
            if (!outcome.ok) {
                emit statusMessage(tr("Report not written: %1").arg(outcome.error), 10000);
                emit finished(false, outcome.error, false);
                return;
            }
            emit finished(true, path, false);
            QSettings().setValue("review/lastReport", path);
            emit statusMessage(tr("Report of %1 cases written to %2 in %3 s")
                                   .arg(outcome.cases)
                                   .arg(path)
                                   .arg(outcome.milliseconds / 1000.0, 0, 'f', 2),
                               10000);
        });
}

} // namespace rs
