#pragma once
// The audit report as PDF: the same HTML as the browser report (HtmlReportWriter, target
// TextDocument), laid out by QTextDocument on A4 pages and written by Qt's PDF writer, with
// page numbers. Charts and path diagrams are rendered to images first (QTextDocument knows
// no SVG). Needs a QGuiApplication (the offscreen platform is enough).
#include "AuditReport.h"

#include <QString>

namespace rs {

// False, with *error, when the file cannot be written.
bool writePdfReport(const AuditReport& report, const QString& path, QString* error);

} // namespace rs
