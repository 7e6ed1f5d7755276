#include "CsvReportWriter.h"

namespace rs {

namespace {

// Input text may hold invalid UTF-8 or NUL bytes; a CSV cell carries it through unchanged
// (quoted), since every consumer decides for itself what to do with odd bytes.
std::string cell(const std::string& v, bool text = true) {
    std::string s = v;
    if (text && !s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@'))
        s.insert(s.begin(), '\'');
    const bool quote = s.find_first_of(",\"\r\n") != std::string::npos ||
                       (!s.empty() && (s.front() == ' ' || s.back() == ' '));
    if (!quote)
        return s;
    std::string out = "\"";
    for (char ch : s) {
        if (ch == '"')
            out += '"';
        out += ch;
    }
    return out + '"';
}

std::string num(std::int64_t v) {
    return std::to_string(v);
}

void row(std::ostream& out, const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i)
        out << (i ? "," : "") << cells[i];
    out << "\r\n";
}

// Metadata line: no quoting, but no line break may end it early either.
std::string oneLine(std::string s) {
    for (char& ch : s)
        if (ch == '\r' || ch == '\n')
            ch = ' ';
    return s;
}

} // namespace

const std::vector<std::string>& csvReportColumns() {
    static const std::vector<std::string> columns = {
        "case_id",           "case_key",         "run",           "question_id", "correct",
        "case_max_severity", "target",           "finding_index", "finding_id",  "finding_type",
        "finding_subtype",   "finding_severity", "finding_step",  "explanation", "signature",
        "verdict",           "verdict_severity", "comment",       "reviewer",    "role",
        "reviewed_at",       "review_count"};
    return columns;
}

void writeCsvReport(const AuditReport& r, std::ostream& out) {
    out << "# ReasonScope audit report (reasonscope " << oneLine(r.appVersion) << ")\r\n";
    out << "# generated: " << oneLine(r.generatedAt) << "\r\n";
    out << "# project: " << oneLine(r.projectPath) << "\r\n";
    out << "# filter: " << (r.filterText.empty() ? "(none: every case)" : oneLine(r.filterText))
        << "\r\n";
    out << "# redacted: " << (r.redacted ? "yes" : "no") << "\r\n";
    // The run column names runs; one cut short says so here, as the HTML report's run table.
    for (const auto& run : r.runs)
        if (!run.complete)
            out << "# interrupted run: " << oneLine(run.label)
                << " (its analysis stopped before the end of its file; its cases are a part)\r\n";
    out << "# cases: " << r.caseCount() << " reported of " << r.matchedCases
        << " matching the filter; " << r.reviewedCases << " reviewed\r\n";
    std::vector<std::string> header;
    for (const auto& c : csvReportColumns())
        header.push_back(c);
    row(out, header);

    auto verdictCells = [](const std::optional<ProjectStore::Review>& v, std::size_t count) {
        if (!v)
            return std::vector<std::string>{"", "", "", "", "", "", num(std::int64_t(count))};
        return std::vector<std::string>{
            cell(v->verdict), cell(v->severity),  cell(v->comment),        cell(v->reviewer),
            cell(v->role),    cell(v->timestamp), num(std::int64_t(count))};
    };
    r.forEachCase([&](const ReportCase& c) {
        const std::vector<std::string> caseCells = {num(c.id),
                                                    cell(c.key),
                                                    cell(c.run),
                                                    cell(c.questionId),
                                                    correctnessName(c.correct),
                                                    c.maxSeverity ? severityName(*c.maxSeverity)
                                                                  : ""};
        std::vector<std::string> line = caseCells;
        line.push_back("case");
        line.resize(line.size() + 8); // no finding columns
        for (auto& v : verdictCells(c.caseVerdict, c.caseHistory.size()))
            line.push_back(std::move(v));
        row(out, line);
        for (const ReportFinding& f : c.findings) {
            line = caseCells;
            for (auto v :
                 {std::string("finding"), num(f.index), num(f.id), cell(f.type), cell(f.subtype),
                  cell(f.severity), num(f.step), cell(f.explanation), cell(f.signature)})
                line.push_back(std::move(v));
            for (auto& v : verdictCells(f.verdict, f.history.size()))
                line.push_back(std::move(v));
            row(out, line);
        }
    });
}

} // namespace rs
