#include "ReportImages.h"

#include "BoxColors.h"

#include <QDir>
#include <QFileInfo>
#include <QImageReader>
#include <QPainter>

namespace rs {

namespace {

QString resolve(const std::string& path, const std::string& sourceFile,
                const std::string& projectPath) {
    const QString p = QString::fromStdString(path);
    if (QFileInfo(p).isAbsolute())
        return p;
    for (const std::string& base : {sourceFile, projectPath}) {
        if (base.empty())
            continue;
        const QString candidate = QFileInfo(QString::fromStdString(base)).dir().filePath(p);
        if (QFileInfo::exists(candidate))
            return candidate;
    }
    return p;
}

} // namespace

ReportImage reportImageWithBoxes(const ImageRef& ref, const std::string& caseSourceFile,
                                 const std::string& projectPath, int maxWidth) {
    ReportImage out;
    out.resolvedPath = resolve(ref.path, caseSourceFile, projectPath);
    if (!QFileInfo::exists(out.resolvedPath)) {
        out.note = QObject::tr("image file missing: %1").arg(out.resolvedPath);
        return out;
    }
    QImageReader reader(out.resolvedPath);
    // A hostile file may claim huge dimensions; Qt's allocation limit refuses it cleanly.
    QImage image = reader.read();
    if (image.isNull()) {
        out.note =
            QObject::tr("cannot read image %1: %2").arg(out.resolvedPath, reader.errorString());
        return out;
    }
    const double scale = image.width() > maxWidth ? double(maxWidth) / image.width() : 1.0;
    if (scale < 1.0)
        image = image.scaledToWidth(maxWidth, Qt::SmoothTransformation);
    image = image.convertToFormat(QImage::Format_ARGB32);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    QFont font = p.font();
    font.setPixelSize(12);
    p.setFont(font);
    for (const Box& b : ref.boxes) {
        const QColor color = boxColor(b.source);
        const QRectF r(b.x * scale, b.y * scale, b.w * scale, b.h * scale);
        p.setPen(QPen(color, 2.0, b.source == "reference" ? Qt::DashLine : Qt::SolidLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(r);
        if (!b.label.empty()) {
            const QString label = QString::fromStdString(b.label);
            const QRectF textRect = p.fontMetrics().boundingRect(label).adjusted(-3, -1, 3, 1);
            QRectF tag(r.left(), std::max(0.0, r.top() - textRect.height()), textRect.width(),
                       textRect.height());
            p.fillRect(tag, color);
            p.setPen(Qt::white);
            p.drawText(tag, Qt::AlignCenter, label);
        }
    }
    p.end();
    out.image = image;
    return out;
}

} // namespace rs
