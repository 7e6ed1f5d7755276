#pragma once
// A case's image for a report: the file decoded by Qt, scaled to fit the page, with the
// model's and the reference boxes drawn on it (model orange, reference cyan, each with its
// label), as in the image view. 3D boxes are drawn by their x/y extent.
//
// Relative image paths are tried against the folder of the case's source file, then the
// project file's folder, then the working directory. A missing or unreadable file is not
// an error of the report: the caller shows the note instead of pixels.
#include "Case.h"

#include <QImage>
#include <QString>

#include <string>

namespace rs {

struct ReportImage {
    QImage image; // null when the file is missing or cannot be decoded
    QString note; // why it is null; empty otherwise
    QString resolvedPath;
};

// Needs a QGuiApplication (fonts for the box labels). maxWidth is in pixels.
ReportImage reportImageWithBoxes(const ImageRef& ref, const std::string& caseSourceFile,
                                 const std::string& projectPath, int maxWidth = 640);

} // namespace rs
