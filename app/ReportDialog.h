#pragma once
// File > Export report...: where to, which format, and whether to redact. The report always
// covers the window's current filter, which the dialog shows.
#include "ReportCommand.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;

namespace rs {

class ReportDialog : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY(ReportDialog)
public:
    // filterText: the canonical filter (empty: every case); casesHint: "23 flagged cases".
    ReportDialog(const QString& filterText, const QString& casesHint, const QString& suggestedPath,
                 QWidget* parent = nullptr);

    QString path() const;
    ReportFormat format() const;
    bool redact() const;

private:
    void browse();
    void formatChanged();
    QLineEdit* path_ = nullptr;
    QComboBox* format_ = nullptr;
    QCheckBox* redact_ = nullptr;
};

} // namespace rs
