#include "PdfReportWriter.h"

#include "HtmlReportWriter.h"

#include <QFile>
#include <QFileInfo>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QUrl>

namespace rs {

bool writePdfReport(const AuditReport& report, const QString& path, QString* error) {
    HtmlReportWriter writer(report, HtmlReportWriter::Target::TextDocument);
    const std::string html = writer.html();

    QTextDocument doc;
    doc.setDocumentMargin(0);
    QFont font = doc.defaultFont();
    font.setFamily(QStringLiteral("Helvetica"));
    font.setPointSizeF(9);
    doc.setDefaultFont(font);
    for (std::size_t i = 0; i < writer.images().size(); ++i)
        doc.addResource(QTextDocument::ImageResource,
                        QUrl(QStringLiteral("rsimg:%1").arg(i)), writer.images()[i]);
    doc.setHtml(QString::fromStdString(html));

    // QPdfWriter opens its file itself; write next to the target and rename, so a failure
    // never leaves half a PDF where the report should be.
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QObject::tr("cannot write %1: %2").arg(path, out.errorString());
        return false;
    }
    {
        QPdfWriter pdf(&out);
        pdf.setTitle(QStringLiteral("ReasonScope audit report"));
        pdf.setCreator(QStringLiteral("ReasonScope %1").arg(QString::fromStdString(report.appVersion)));
        pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                      QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter));
        // 96 dpi: the HTML's pixel sizes (images, tables) then mean what they mean on screen.
        pdf.setResolution(96);
        // print() paginates and numbers the pages.
        doc.print(&pdf);
    }
    if (!out.commit()) {
        if (error)
            *error = QObject::tr("cannot write %1: %2").arg(path, out.errorString());
        return false;
    }
    return true;
}

} // namespace rs
