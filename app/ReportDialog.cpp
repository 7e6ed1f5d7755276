#include "ReportDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace rs {

ReportDialog::ReportDialog(const QString& filterText, const QString& casesHint,
                           const QString& suggestedPath, QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Export report"));
    auto* form = new QFormLayout(this);
    auto* filter = new QLabel(filterText.isEmpty() ? tr("none (every case)") : filterText, this);
    filter->setObjectName("reportFilter");
    filter->setTextFormat(Qt::PlainText);
    filter->setWordWrap(true);
    filter->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Filter:"), filter);
    form->addRow(tr("Cases:"), new QLabel(casesHint, this));

    format_ = new QComboBox(this);
    format_->setObjectName("reportFormat");
    format_->addItem(tr("HTML (one self-contained file)"), int(ReportFormat::Html));
    format_->addItem(tr("PDF"), int(ReportFormat::Pdf));
    format_->addItem(tr("CSV (findings and verdicts)"), int(ReportFormat::Csv));
    format_->addItem(tr("JSON (findings and verdicts with history)"), int(ReportFormat::Json));
    form->addRow(tr("&Format:"), format_);

    auto* pathRow = new QHBoxLayout;
    path_ = new QLineEdit(suggestedPath, this);
    path_->setObjectName("reportPath");
    auto* browse = new QPushButton(tr("Browse\u2026"), this);
    pathRow->addWidget(path_, 1);
    pathRow->addWidget(browse);
    form->addRow(tr("&Save to:"), pathRow);
    connect(browse, &QPushButton::clicked, this, &ReportDialog::browse);

    redact_ = new QCheckBox(tr("&Redact: leave out question and output text and image pixels "
                               "(ids, findings and verdicts stay)"),
                            this);
    redact_->setObjectName("reportRedact");
    form->addRow(redact_);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(format_, &QComboBox::currentIndexChanged, this, &ReportDialog::formatChanged);
    connect(path_, &QLineEdit::textChanged, this, [buttons](const QString& text) {
        buttons->button(QDialogButtonBox::Save)->setEnabled(!text.trimmed().isEmpty());
    });
    resize(560, sizeHint().height());
}

QString ReportDialog::path() const {
    return path_->text().trimmed();
}
ReportFormat ReportDialog::format() const {
    return ReportFormat(format_->currentData().toInt());
}
bool ReportDialog::redact() const {
    return redact_->isChecked();
}

void ReportDialog::formatChanged() {
    // Keep the file name, change its suffix to the format's.
    const QFileInfo info(path());
    if (path().isEmpty())
        return;
    path_->setText(info.dir().filePath(info.completeBaseName() + QLatin1Char('.') +
                                       QLatin1String(reportFormatName(format()))));
}

void ReportDialog::browse() {
    const QString name = QLatin1String(reportFormatName(format()));
    const QString chosen = QFileDialog::getSaveFileName(
        this, tr("Save report"), path(), tr("%1 files (*.%2)").arg(name.toUpper(), name));
    if (!chosen.isEmpty())
        path_->setText(chosen);
}

} // namespace rs
