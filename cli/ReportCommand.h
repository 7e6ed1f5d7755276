#pragma once
// `reasonscope report --project FILE --out FILE [--format html|pdf|csv|json]
// [--filter TEXT] [--redact] [--quiet]`, and the format-independent "write this report to
// that file" that File > Export report... uses too.
#include "AuditReport.h"

#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace rs {

enum class ReportFormat { Html, Pdf, Csv, Json };

std::optional<ReportFormat> reportFormatFromName(const std::string& name); // "html", ...
std::optional<ReportFormat> reportFormatFromPath(const QString& path);     // by suffix
const char* reportFormatName(ReportFormat format);

// HTML and PDF need a QGuiApplication (the CLI makes an offscreen one). False with *error
// when the file cannot be written; the target is then left as it was.
bool writeReport(const AuditReport& report, ReportFormat format, const QString& path,
                 QString* error);

// Exit status as the rest of the command line: 0 written, 1 the project could not be read
// or the report not written, 2 bad usage. Runs without a display.
int runReportCommand(const std::vector<std::string>& args);

} // namespace rs
