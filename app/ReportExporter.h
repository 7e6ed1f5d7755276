#pragma once
// File > Export report…: the dialog, then the audit report of the table's filter, built
// and written on a worker with its own read-only connection while the window stays
// usable. A progress dialog can cancel it; a cancelled report is removed, since half an
// audit report is worse than none.
#include "ProjectStore.h"
#include "ReportCommand.h"

#include <QObject>
#include <QString>

class QWidget;

namespace rs {

class ReportExporter : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY(ReportExporter)
public:
    // Dialogs open over window, which also owns this object.
    explicit ReportExporter(QWidget* window);

    // Asks where to and how (ReportDialog), then writes; a failure asked for in a dialog
    // gets a message box too.
    void askAndExport(const ProjectStore& store, const QString& projectPath,
                      const CaseQuery& filter, int shownCases);
    // Writes without asking; the outcome comes by finished() and statusMessage().
    void exportTo(const QString& projectPath, const CaseQuery& filter, int shownCases,
                  const QString& path, ReportFormat format, bool redact);

signals:
    void finished(bool ok, const QString& pathOrError, bool cancelled);
    void statusMessage(const QString& text, int timeoutMs);

private:
    QWidget* window_;
};

} // namespace rs
