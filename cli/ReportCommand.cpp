#include "ReportCommand.h"

#include "CaseFilterSpec.h"
#include "CsvReportWriter.h"
#include "HtmlReportWriter.h"
#include "PdfReportWriter.h"
#include "ProjectStore.h"
#include "PullCommand.h"

#include <QFileInfo>
#include <QGuiApplication>
#include <QSaveFile>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <iomanip>
#include <iostream>
#include <iterator>
#include <memory>
#include <streambuf>

namespace rs {

std::optional<ReportFormat> reportFormatFromName(const std::string& name) {
    if (name == "html")
        return ReportFormat::Html;
    if (name == "pdf")
        return ReportFormat::Pdf;
    if (name == "csv")
        return ReportFormat::Csv;
    if (name == "json")
        return ReportFormat::Json;
    return std::nullopt;
}

std::optional<ReportFormat> reportFormatFromPath(const QString& path) {
    QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == "htm")
        suffix = "html";
    return reportFormatFromName(suffix.toStdString());
}

const char* reportFormatName(ReportFormat format) {
    switch (format) {
    case ReportFormat::Html:
        return "html";
    case ReportFormat::Pdf:
        return "pdf";
    case ReportFormat::Csv:
        return "csv";
    case ReportFormat::Json:
        return "json";
    }
    return "html";
}

namespace {

// A std::ostream onto a QSaveFile, so CSV and JSON go to the file as they are written and the
// report is never whole in memory.
class SaveFileBuffer : public std::streambuf {
public:
    explicit SaveFileBuffer(QSaveFile& file) : file_(file) {}
    bool failed() const { return failed_; }

protected:
    std::streamsize xsputn(const char* s, std::streamsize n) override {
        failed_ = failed_ || file_.write(s, qint64(n)) != qint64(n);
        return failed_ ? 0 : n;
    }
    int_type overflow(int_type ch) override {
        if (traits_type::eq_int_type(ch, traits_type::eof()))
            return traits_type::not_eof(ch);
        const char c = traits_type::to_char_type(ch);
        return xsputn(&c, 1) == 1 ? ch : traits_type::eof();
    }

private:
    QSaveFile& file_;
    bool failed_ = false;
};

// Written aside and renamed (QSaveFile): a failure leaves the target as it was.
bool saveStreamed(const QString& path, QString* error,
                  const std::function<void(std::ostream&)>& write) {
    QSaveFile file(path);
    bool ok = file.open(QIODevice::WriteOnly);
    if (ok) {
        SaveFileBuffer buffer(file);
        std::ostream out(&buffer);
        write(out);
        out.flush();
        ok = !buffer.failed() && out.good();
    }
    if (!ok || !file.commit()) {
        if (error)
            *error = QObject::tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

constexpr const char* kReportUsage = R"(Usage:
  reasonscope report --project FILE --out FILE [--format html|pdf|csv|json]
                     [--filter TEXT] [--redact] [--quiet]
  reasonscope report --db TARGET [--name NAME] --out FILE [...the same options]
      An audit report of the project: what was analysed (files and SHA-256), the summary
      and patterns, and every flagged or reviewed case of the filter with its findings and
      verdicts. The format defaults to the --out suffix. --filter takes the case-table
      filter, e.g. --filter 'run="demo-model-a 2024-06" class=relation review=unreviewed'
      (keys: run, correct, class, subtype, pattern, review, search, case). --redact leaves
      out question and output text and image pixels.
      --db reads a project published to a team-review server instead (TARGET and NAME as
      for `reasonscope pull`): one consistent snapshot of its cases, findings and every
      reviewer's verdicts, in a temporary file removed afterwards.
)";

int usage(const std::string& message) {
    std::cerr << "reasonscope: " << message << "\n\n" << kReportUsage;
    return 2;
}

} // namespace

bool writeReport(const AuditReport& report, ReportFormat format, const QString& path,
                 QString* error) {
    switch (format) {
    case ReportFormat::Html:
        return writeHtmlReport(report, path, error);
    case ReportFormat::Pdf:
        return writePdfReport(report, path, error);
    case ReportFormat::Csv:
        return saveStreamed(path, error, [&](std::ostream& out) { writeCsvReport(report, out); });
    case ReportFormat::Json:
        return saveStreamed(path, error,
                            [&](std::ostream& out) { writeAuditReportJson(report, out); });
    }
    return false;
}

int runReportCommand(const std::vector<std::string>& args) {
    std::string project, out, formatName, filterText, db, dbName;
    bool redact = false, quiet = false, haveFilter = false;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](std::string& v) {
            if (i + 1 >= args.size())
                return false;
            v = args[++i];
            return true;
        };
        if (a == "--project") {
            if (!value(project))
                return usage("--project needs a value");
        } else if (a == "--db" || a == "--name") {
            if (!value(a == "--db" ? db : dbName))
                return usage(a + " needs a value");
        } else if (a == "--out") {
            if (!value(out))
                return usage("--out needs a value");
        } else if (a == "--format") {
            if (!value(formatName))
                return usage("--format needs a value");
        } else if (a == "--filter") {
            if (!value(filterText))
                return usage("--filter needs a value");
            haveFilter = true;
        } else if (a == "--redact") {
            redact = true;
        } else if (a == "--quiet") {
            quiet = true;
        } else if (a == "--help" || a == "-h") {
            std::cout << kReportUsage;
            return 0;
        } else {
            return usage("unknown argument: " + a);
        }
    }
    if (project.empty() == db.empty() || out.empty())
        return usage("report needs --project FILE or --db TARGET, and --out FILE");
    const QString outPath = QString::fromStdString(out);
    std::optional<ReportFormat> format =
        formatName.empty() ? reportFormatFromPath(outPath) : reportFormatFromName(formatName);
    if (!format)
        return usage(formatName.empty()
                         ? "cannot tell the format from " + out +
                               "; give --format html|pdf|csv|json"
                         : "--format takes html, pdf, csv or json, not \"" + formatName + "\"");

    std::string error, serverLabel;
    QTemporaryDir snapshotDir; // removed with the snapshot when the command ends
    SnapshotSearch serverSearch;
    if (!db.empty()) {
        bool usageError = false;
        project = snapshotDir.filePath(QStringLiteral("snapshot.rsproj")).toStdString();
        if (!snapshotDir.isValid() ||
            !pullSnapshot(db, dbName, project, &serverLabel, &error, &usageError, &serverSearch)) {
            if (usageError)
                return usage(error);
            std::cerr << "reasonscope: " << error << "\n";
            return 1;
        }
    }
    // The report names the project by its absolute path: it is read away from this shell.
    std::error_code ec;
    if (const auto abs = std::filesystem::absolute(project, ec); !ec)
        project = abs.lexically_normal().string();
    auto store = ProjectStore::openReadOnly(project, &error);
    if (!store) {
        std::cerr << "reasonscope: " << error << "\n";
        return 1;
    }
    CaseQuery filter;
    if (haveFilter && !parseCaseFilter(filterText, store->runs(), &filter, &error))
        return usage("--filter: " + error);
    // From a server, search= asks its full-text index, as the window on a server does.
    const std::string shownFilter = formatCaseFilter(filter, store->runs());
    const bool searchOnServer = serverSearch && !filter.search.empty();
    if (searchOnServer) {
        std::vector<std::int64_t> ids;
        try {
            ids = serverSearch(filter.search);
        } catch (const std::exception& e) {
            std::cerr << "reasonscope: " << e.what() << "\n";
            return 1;
        }
        std::sort(ids.begin(), ids.end());
        if (!filter.caseIds.empty()) {
            std::vector<std::int64_t> chosen = filter.caseIds, both;
            std::sort(chosen.begin(), chosen.end());
            std::set_intersection(ids.begin(), ids.end(), chosen.begin(), chosen.end(),
                                  std::back_inserter(both));
            ids = std::move(both);
        }
        if (ids.empty())
            ids.push_back(-1); // no case: an empty selection would mean every case
        filter.caseIds = std::move(ids);
        filter.search.clear();
    }

    // Fonts, images and the PDF writer are Qt GUI classes; a command line has no display
    // and needs none, so it uses the offscreen platform whatever the environment says.
    std::unique_ptr<QGuiApplication> app;
    if (!QCoreApplication::instance() &&
        (*format == ReportFormat::Html || *format == ReportFormat::Pdf)) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        static int argc = 1;
        static char name[] = "reasonscope";
        static char* argv[] = {name, nullptr};
        app = std::make_unique<QGuiApplication>(argc, argv);
    }

    const auto start = std::chrono::steady_clock::now();
    ReportOptions options;
    options.redact = redact;
    options.appVersion = RS_VERSION;
    // Cases are read again a case at a time while the report is written (memory stays flat
    // at 100k cases); the snapshot keeps both readings on the same cases, so the store
    // stays open until the report is written.
    options.casesInPages = true;
    const ProjectStore::ReadSnapshot snapshot(*store);
    AuditReport report = buildAuditReport(*store, filter, options);
    if (!serverLabel.empty())
        report.projectPath = serverLabel; // not the temporary snapshot
    if (searchOnServer)
        report.filterText = shownFilter + " (search: the server's full-text index)";
    QString writeError;
    if (!writeReport(report, *format, outPath, &writeError)) {
        std::cerr << "reasonscope: " << writeError.toStdString() << "\n";
        return 1;
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!quiet)
        std::cout << "Report (" << reportFormatName(*format) << ", " << report.caseCount()
                  << " cases of " << report.matchedCases << " matching the filter"
                  << (report.filterText.empty() ? "" : " " + report.filterText)
                  << (redact ? ", redacted" : "") << ") written to " << out << " in " << std::fixed
                  << std::setprecision(2) << seconds << " s\n";
    return 0;
}

} // namespace rs
