#pragma once
// The audit report as CSV (RFC 4180: comma-separated, CRLF line ends, fields with commas,
// quotes or line breaks in double quotes, quotes doubled), for spreadsheets and scripts.
//
// A few lines starting with "#" come first and say what the report is: generator, date,
// project, the filter it used and whether it is redacted. Then the header row, then per
// reported case one row for the case as a whole (target "case") followed by one row per
// finding (target "finding"), each with the current verdict and how many reviews its
// target has. The full verdict history is in the JSON format.
//
// Text that a spreadsheet would run as a formula (a cell starting with =, +, -, @) gets a
// leading apostrophe, as OWASP recommends for CSV that leaves the team; numeric columns
// never start that way except negative numbers, which are left alone.
#include "AuditReport.h"

#include <ostream>
#include <string>
#include <vector>

namespace rs {

// The column names of the header row, in order.
const std::vector<std::string>& csvReportColumns();

void writeCsvReport(const AuditReport& report, std::ostream& out);

} // namespace rs
