#include "PdfReportWriter.h"

#include "HtmlReportWriter.h"

#include <QAbstractTextDocumentLayout>
#include <QFile>
#include <QFileInfo>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QUrl>

#include <algorithm>

namespace rs {

namespace {

// Cases laid out together. The report is drawn one such piece at a time and each piece's
// pictures and layout are released before the next, so memory stays flat however many
// pages the report has (laying out the whole report at once held every path diagram).
// Each piece starts on a new page.
constexpr std::size_t kCasesPerPiece = 8;
constexpr double kFooterPx = 18; // room for the page number under the text

// Draws HTML onto the PDF page by page; pieces continue the page numbering.
class PagedPdfPainter {
public:
    PagedPdfPainter(QPdfWriter& pdf, QFont font)
        : pdf_(pdf), painter_(&pdf), font_(std::move(font)) {
        const QRectF paint = pdf.pageLayout().paintRectPixels(pdf.resolution());
        page_ = QSizeF(paint.width(), paint.height() - kFooterPx);
    }
    bool ok() const { return painter_.isActive(); }

    void draw(const std::string& html, const std::vector<QImage>& images) {
        QTextDocument doc;
        doc.setDocumentMargin(0);
        doc.setDefaultFont(font_);
        for (std::size_t i = 0; i < images.size(); ++i)
            doc.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("rsimg:%1").arg(i)),
                            images[i]);
        doc.setHtml(QString::fromStdString(html));
        doc.setPageSize(page_);
        QAbstractTextDocumentLayout::PaintContext ctx;
        for (int p = 0; p < doc.pageCount(); ++p) {
            if (pages_ > 0)
                pdf_.newPage();
            ++pages_;
            painter_.save();
            const QRectF clip(0, p * page_.height(), page_.width(), page_.height());
            painter_.translate(0, -clip.top());
            ctx.clip = clip;
            painter_.setClipRect(clip);
            doc.documentLayout()->draw(&painter_, ctx);
            painter_.restore();
            painter_.setFont(font_);
            painter_.drawText(QRectF(0, page_.height(), page_.width(), kFooterPx),
                              Qt::AlignRight | Qt::AlignBottom, QString::number(pages_));
        }
    }
    bool end() { return painter_.end(); }

private:
    QPdfWriter& pdf_;
    QPainter painter_;
    QFont font_;
    QSizeF page_;
    int pages_ = 0;
};

} // namespace

bool writePdfReport(const AuditReport& report, const QString& path, QString* error) {
    HtmlReportWriter writer(report, HtmlReportWriter::Target::TextDocument);
    QFont font = QTextDocument().defaultFont();
    font.setFamily(QStringLiteral("Helvetica"));
    font.setPointSizeF(9);

    // QPdfWriter opens its file itself; write next to the target and rename, so a failure
    // never leaves half a PDF where the report should be.
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QObject::tr("cannot write %1: %2").arg(path, out.errorString());
        return false;
    }
    bool drawn = false;
    {
        QPdfWriter pdf(&out);
        pdf.setTitle(QStringLiteral("ReasonScope audit report"));
        pdf.setCreator(
            QStringLiteral("ReasonScope %1").arg(QString::fromStdString(report.appVersion)));
        pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                      QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter));
        // 96 dpi: the HTML's pixel sizes (images, tables) then mean what they mean on screen.
        pdf.setResolution(96);
        PagedPdfPainter pages(pdf, font);
        if (pages.ok()) {
            const std::string start = writer.documentStart();
            const std::string end = HtmlReportWriter::documentEnd();
            std::string piece = start + writer.frontMatter();
            const std::size_t total = report.caseCount();
            if (total == 0)
                piece += writer.closingNote();
            pages.draw(piece + end, writer.images());
            writer.releaseImages();
            piece = start;
            std::size_t done = 0;
            report.forEachCase([&](const ReportCase& c) {
                piece += writer.caseSection(c);
                ++done;
                if (done % kCasesPerPiece != 0 && done != total)
                    return;
                if (done == total)
                    piece += writer.closingNote();
                pages.draw(piece + end, writer.images());
                writer.releaseImages();
                piece = start;
            });
            drawn = pages.end();
        }
    }
    if (!drawn) {
        out.cancelWriting();
        if (error)
            *error = QObject::tr("cannot write %1: the PDF could not be drawn").arg(path);
        return false;
    }
    if (!out.commit()) {
        if (error)
            *error = QObject::tr("cannot write %1: %2").arg(path, out.errorString());
        return false;
    }
    return true;
}

} // namespace rs
