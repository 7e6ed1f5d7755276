// Audit reports of the demo project in every format: the HTML parses and holds exactly the
// flagged or reviewed cases of the filter, input text never appears unescaped, images are
// embedded (or noted missing), the PDF has pages, the CSV round-trips against the store,
// the JSON says its filter, redaction removes the text, and `reasonscope report` writes all
// of it without a display.
#include "AnalysisPipeline.h"
#include "AuditReport.h"
#include "CaseFilterSpec.h"
#include "CommandLine.h"
#include "CsvReportWriter.h"
#include "HtmlReportWriter.h"
#include "ReportCommand.h"
#include "ResourceLocator.h"

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include <filesystem>
#include <set>
#include <sstream>

using namespace rs;
using nlohmann::json;

namespace {

constexpr const char* kHostileQuestion =
    "A <script>alert('q')</script> patient & \"chest pain\" zqxjw";
constexpr const char* kHostileOutput = "Reasoning </div><img src=x onerror=alert(1)> then answer B";
constexpr const char* kHostileComment =
    "=HYPERLINK(\"x\") <script>alert('c')</script>,\nsecond line";

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// RFC 4180 reader (quotes, doubled quotes, line breaks inside quotes); lines starting with
// '#' before the header are metadata.
std::vector<std::vector<std::string>> parseCsv(const std::string& text,
                                               std::vector<std::string>* meta) {
    std::vector<std::vector<std::string>> rows;
    std::size_t i = 0;
    while (i < text.size() && text[i] == '#') {
        const std::size_t end = text.find("\r\n", i);
        meta->push_back(text.substr(i, end - i));
        i = end + 2;
    }
    std::vector<std::string> row;
    std::string cell;
    bool quoted = false, any = false;
    for (; i < text.size(); ++i) {
        const char ch = text[i];
        if (quoted) {
            if (ch == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                cell += '"';
                ++i;
            } else if (ch == '"') {
                quoted = false;
            } else {
                cell += ch;
            }
        } else if (ch == '"') {
            quoted = true;
            any = true;
        } else if (ch == ',') {
            row.push_back(cell);
            cell.clear();
        } else if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            row.push_back(cell);
            rows.push_back(row);
            row.clear();
            cell.clear();
            ++i;
        } else {
            cell += ch;
            any = true;
        }
    }
    (void)any;
    return rows;
}

std::string unformula(const std::string& s) {
    if (s.size() > 1 && s[0] == '\'' && std::string("=+-@").find(s[1]) != std::string::npos)
        return s.substr(1);
    return s;
}

} // namespace

class TestAuditReport : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void htmlParsesAndHoldsExactlyTheFilteredCases_data();
    void htmlParsesAndHoldsExactlyTheFilteredCases();
    void inputTextIsEscaped();
    void imagesAreEmbeddedOrNoted();
    void pdfHasPages();
    void csvRoundTrips();
    void jsonSaysItsFilter();
    void redactionRemovesText();
    void pagedReportIsTheSame_data();
    void pagedReportIsTheSame();
    void commandLine_data();
    void commandLine();
    void commandLineNeedsNoDisplay();

private:
    AuditReport report(const QString& filter, bool redact = false, bool paged = false);
    QTemporaryDir dir_;
    QString project_;
    std::unique_ptr<ProjectStore> store_;
    std::int64_t hostileCase_ = -1;
    std::string demoQuestion_; // a demo question, for redaction checks
};

void TestAuditReport::initTestCase() {
    QVERIFY(dir_.isValid());
    project_ = dir_.filePath("demo.rsproj");
    PipelineRequest req;
    req.resourcesDir = resourcesDir();
    const std::filesystem::path res(req.resourcesDir);
    req.kgFiles = {(res / "demo" / "kg" / "demo-kg.tsv").string()};
    req.inputFiles = {(res / "demo" / "outputs" / "demo-outputs.jsonl").string()};
    req.projectPath = project_.toStdString();
    const PipelineResult r = rs::runAnalysis(req, {});
    QVERIFY2(r.ok, r.fatalError.c_str());

    std::string error;
    store_ = ProjectStore::open(project_.toStdString(), &error);
    QVERIFY2(store_, error.c_str());
    // A hostile case: markup in every input field, an image with boxes and a missing one.
    QImage png(80, 60, QImage::Format_RGB32);
    png.fill(Qt::darkGray);
    QVERIFY(png.save(dir_.filePath("xray.png")));
    Case c;
    c.key = "evil<script>";
    c.questionId = "evil-q";
    c.question = kHostileQuestion;
    c.options = {{"A", "<b>xyzzy</b> option"}, {"B", "plain"}};
    c.gold = "B";
    c.prediction = "B";
    c.correct = true;
    c.output = kHostileOutput;
    c.sourceFile = dir_.filePath("outputs.jsonl").toStdString();
    c.images = {
        {"xray.png",
         "xray",
         {{"<i>nodule</i>", "model", 10, 10, 30, 20}, {"nodule", "reference", 12, 8, 28, 22}}},
        {"gone.png", "xray", {}}};
    const auto run = store_->ensureRun("hostile <run>", "m", c.sourceFile, "0123");
    hostileCase_ = store_->addCase(c, run);
    store_->saveAnalysis(
        hostileCase_,
        {{"id", c.key},
         {"reasoning_path", json::array({{{"name", "<script>evil</script>"}, {"kind", "Disease"}},
                                         {{"name", "Fever & chills"}, {"kind", "Symptom"}}})},
         {"findings",
          json::array({{{"type", "relation"},
                        {"subtype", "unsupported"},
                        {"severity", "major"},
                        {"step", 0},
                        {"nodes", json::array({"<script>evil</script>", "Fever & chills"})},
                        {"explanation", "Claims <script>evil</script> causes fever"},
                        {"signature", "relation/unsupported/(Disease,causes,Symptom)"}}})}});
    const auto stored = store_->loadCase(hostileCase_);
    ProjectStore::Review rv;
    rv.caseId = hostileCase_;
    rv.findingId = stored->findingIds[0];
    rv.reviewer = "Dr <Ada>";
    rv.role = "physician";
    rv.verdict = "rejected";
    rv.severity = "minor";
    rv.comment = kHostileComment;
    store_->addReview(rv);
    rv.findingId.reset();
    rv.verdict = "confirmed";
    store_->addReview(rv);
    // And a demo case with an unflagged-but-reviewed verdict: reported because reviewed.
    CaseQuery all;
    for (const CaseRow& row : store_->caseRows(all, 0, -1))
        if (row.nRelation + row.nBranch + row.nMissing + row.nGrounding == 0) {
            ProjectStore::Review ok;
            ok.caseId = row.id;
            ok.reviewer = "Dr B";
            ok.verdict = "confirmed";
            store_->addReview(ok);
            demoQuestion_ = store_->loadCase(row.id)->data.question.substr(0, 40);
            break;
        }
    QVERIFY(!demoQuestion_.empty());
}

AuditReport TestAuditReport::report(const QString& filter, bool redact, bool paged) {
    CaseQuery q;
    std::string error;
    if (!parseCaseFilter(filter.toStdString(), store_->runs(), &q, &error))
        qFatal("bad filter in test: %s", error.c_str());
    ReportOptions options;
    options.redact = redact;
    options.appVersion = "test";
    options.generatedAt = "2024-01-01T00:00:00Z";
    options.casesInPages = paged;
    return buildAuditReport(*store_, q, options);
}

void TestAuditReport::htmlParsesAndHoldsExactlyTheFilteredCases_data() {
    QTest::addColumn<QString>("filter");
    QTest::newRow("everything") << "";
    QTest::newRow("branch errors") << "class=branch";
    QTest::newRow("incorrect, one run") << "run=\"demo-model-b 2024-06\" correct=no";
    QTest::newRow("reviewed") << "review=confirmed";
    QTest::newRow("nothing") << "search=zzzzzzqqq";
}

void TestAuditReport::htmlParsesAndHoldsExactlyTheFilteredCases() {
    QFETCH(QString, filter);
    const AuditReport r = report(filter);
    HtmlReportWriter writer(r);
    const std::string html = writer.html();
    QXmlStreamReader xml(QByteArray::fromStdString(html));
    std::set<std::int64_t> sections;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("div") &&
            xml.attributes().value("class") == QLatin1String("case"))
            sections.insert(xml.attributes().value("id").mid(5).toLongLong());
    }
    QVERIFY2(!xml.hasError(),
             qPrintable(QString("line %1: %2").arg(xml.lineNumber()).arg(xml.errorString())));

    // Independently of the report: the filter's cases with a finding or a case verdict.
    CaseQuery q;
    std::string error;
    QVERIFY(parseCaseFilter(filter.toStdString(), store_->runs(), &q, &error));
    std::set<std::int64_t> expected;
    for (const CaseRow& row : store_->caseRows(q, 0, -1))
        if (row.nRelation + row.nBranch + row.nMissing + row.nGrounding > 0 ||
            row.reviewState != "unreviewed")
            expected.insert(row.id);
    QCOMPARE(sections, expected);
    QCOMPARE(r.matchedCases, store_->countCases(q));
    // It says which filter it used.
    const std::string shown = r.filterText.empty() ? "none (every case)" : htmlEscape(r.filterText);
    QVERIFY(html.find(shown) != std::string::npos);
    QCOMPARE(r.filterText, formatCaseFilter(q, store_->runs()));
}

void TestAuditReport::inputTextIsEscaped() {
    const std::string html = HtmlReportWriter(report("")).html();
    // The report itself writes no script, so any "<script" would be input that got through.
    QVERIFY(html.find("<script") == std::string::npos);
    QVERIFY(html.find("onerror=alert(1)>") == std::string::npos);
    QVERIFY(html.find("<b>xyzzy") == std::string::npos);
    QVERIFY(html.find("&lt;script&gt;alert(&#39;q&#39;)&lt;/script&gt; patient &amp; &quot;chest "
                      "pain&quot;") != std::string::npos);
    QVERIFY(html.find("Dr &lt;Ada&gt;") != std::string::npos);
    QVERIFY(html.find("hostile &lt;run&gt;") != std::string::npos);
    // The concept name reaches the path diagram (Graphviz SVG) escaped too.
    QVERIFY(html.find("&lt;script&gt;evil&lt;/script&gt;") != std::string::npos);
    // No external fetches: nothing but in-page links and data: URLs.
    QVERIFY(html.find("src=\"http") == std::string::npos);
    QVERIFY(html.find("href=\"http") == std::string::npos);
    QVERIFY(html.find("<link") == std::string::npos);
}

void TestAuditReport::imagesAreEmbeddedOrNoted() {
    const std::string html = HtmlReportWriter(report("")).html();
    QVERIFY(html.find("src=\"data:image/png;base64,") != std::string::npos);
    QVERIFY(html.find("image file missing:") != std::string::npos);
    QVERIFY(html.find("&lt;i&gt;nodule&lt;/i&gt;") != std::string::npos); // box label listed
}

void TestAuditReport::pdfHasPages() {
    const QString path = dir_.filePath("r.pdf");
    QString error;
    QVERIFY2(writeReport(report(""), ReportFormat::Pdf, path, &error), qPrintable(error));
    const QByteArray pdf = readAll(path);
    QVERIFY(pdf.startsWith("%PDF-"));
    const int pages = int(pdf.count("/Type /Page\n") + pdf.count("/Type /Page\r") +
                          pdf.count("/Type /Page/") + pdf.count("/Type /Page "));
    QVERIFY2(pages >= 5, qPrintable(QString("%1 pages").arg(pages)));
}

void TestAuditReport::csvRoundTrips() {
    const AuditReport r = report("");
    std::ostringstream out;
    writeCsvReport(r, out);
    std::vector<std::string> meta;
    const auto rows = parseCsv(out.str(), &meta);
    QVERIFY(!rows.empty());
    QCOMPARE(rows[0], csvReportColumns());
    QVERIFY(std::find(meta.begin(), meta.end(), "# filter: (none: every case)") != meta.end());
    std::size_t expectedRows = 1;
    for (const auto& c : r.cases)
        expectedRows += 1 + c.findings.size();
    QCOMPARE(rows.size(), expectedRows);
    std::map<std::string, int> col;
    for (std::size_t i = 0; i < rows[0].size(); ++i)
        col[rows[0][i]] = int(i);
    int checkedVerdicts = 0;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const auto& row = rows[i];
        QCOMPARE(row.size(), rows[0].size());
        const std::int64_t caseId = std::stoll(row[col["case_id"]]);
        // Compare with the store, not with the report.
        const auto stored = store_->loadCase(caseId);
        QVERIFY(stored);
        QCOMPARE(unformula(row[col["case_key"]]), stored->data.key);
        const CaseReviewState state = loadCaseReviewState(*store_, caseId);
        std::optional<ProjectStore::Review> v;
        if (row[col["target"]] == "case") {
            v = state.caseVerdict;
        } else {
            const int index = std::stoi(row[col["finding_index"]]);
            QCOMPARE(std::stoll(row[col["finding_id"]]), stored->findingIds[std::size_t(index)]);
            QCOMPARE(
                unformula(row[col["explanation"]]),
                stored->analysis["findings"][std::size_t(index)]["explanation"].get<std::string>());
            v = state.findingVerdicts[std::size_t(index)];
        }
        QCOMPARE(row[col["verdict"]], v ? v->verdict : std::string());
        if (v) {
            QCOMPARE(unformula(row[col["comment"]]), v->comment);
            QCOMPARE(row[col["reviewer"]], v->reviewer);
            QCOMPARE(row[col["reviewed_at"]], v->timestamp);
            ++checkedVerdicts;
        }
    }
    QVERIFY(checkedVerdicts >= 3);
    // The formula guard: the comment starting with '=' is written with an apostrophe.
    QVERIFY(out.str().find("\"'=HYPERLINK(\"\"x\"\")") != std::string::npos);
}

void TestAuditReport::jsonSaysItsFilter() {
    const AuditReport r = report("class=relation review=confirmed");
    const json j = json::parse(auditReportJson(r).dump());
    QCOMPARE(j["format"].get<std::string>(), std::string("reasonscope-audit-report"));
    QCOMPARE(j["filter"].get<std::string>(), std::string("class=relation review=confirmed"));
    QCOMPARE(j["cases"].size(), r.cases.size());
    QVERIFY(!j["cases"].empty());
    for (const auto& c : j["cases"])
        QCOMPARE(c["verdict"]["verdict"].get<std::string>(), std::string("confirmed"));
    QVERIFY(!j["runs"].empty() && !j["runs"][0]["source_sha256"].get<std::string>().empty());
}

void TestAuditReport::redactionRemovesText() {
    const AuditReport r = report("", true);
    const std::string html = HtmlReportWriter(r).html();
    std::ostringstream csv;
    writeCsvReport(r, csv);
    const std::string jsonText = auditReportJson(r).dump();
    for (const std::string& doc : {html, csv.str(), jsonText}) {
        QVERIFY(doc.find("zqxjw") == std::string::npos);   // the hostile question
        QVERIFY(doc.find("onerror") == std::string::npos); // its output
        QVERIFY(doc.find(demoQuestion_) == std::string::npos);
        QVERIFY(doc.find("xyzzy") == std::string::npos); // an option's text
    }
    QVERIFY(html.find("data:image/png") == std::string::npos); // no pixels
    QVERIFY(html.find("Image pixels redacted") != std::string::npos);
    // Ids, findings and verdicts stay.
    QVERIFY(html.find("Claims &lt;script&gt;evil&lt;/script&gt; causes fever") !=
            std::string::npos);
    QVERIFY(html.find("evil&lt;script&gt;") != std::string::npos);
    QVERIFY(jsonText.find("\"verdict\":\"rejected\"") != std::string::npos);
    QVERIFY(html.find("Redacted") != std::string::npos);
    // The gold answer was an option label: it stays.
    for (const auto& c : r.cases)
        if (c.id == hostileCase_)
            QCOMPARE(c.gold, std::string("B"));
}

void TestAuditReport::pagedReportIsTheSame_data() {
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("filter");
    QTest::addColumn<bool>("redact");
    for (const char* format : {"html", "csv", "json"}) {
        QTest::addRow("%s, every case", format) << format << "" << false;
        QTest::addRow("%s, relation, redacted", format) << format << "class=relation" << true;
        QTest::addRow("%s, no case", format) << format << "case=999999" << false;
    }
}

// Reports read a case at a time (casesInPages, as `reasonscope report` writes them) are
// byte for byte the reports of the cases held in memory, and the streamed JSON is the
// document auditReportJson builds.
void TestAuditReport::pagedReportIsTheSame() {
    QFETCH(QString, format);
    QFETCH(QString, filter);
    QFETCH(bool, redact);
    const AuditReport whole = report(filter, redact);
    QVERIFY(whole.readCases == nullptr);
    QCOMPARE(whole.caseCount(), whole.cases.size());
    const QString wholePath = dir_.filePath("whole." + format);
    const QString pagedPath = dir_.filePath("paged." + format);
    const ReportFormat f = *reportFormatFromName(format.toStdString());
    QString error;
    QVERIFY2(writeReport(whole, f, wholePath, &error), qPrintable(error));
    {
        const ProjectStore::ReadSnapshot snapshot(*store_);
        const AuditReport paged = report(filter, redact, true);
        QVERIFY(paged.cases.empty());
        QCOMPARE(paged.caseCount(), whole.cases.size());
        QVERIFY2(writeReport(paged, f, pagedPath, &error), qPrintable(error));
    }
    const QByteArray a = readAll(wholePath), b = readAll(pagedPath);
    QVERIFY(!a.isEmpty());
    QVERIFY2(a == b, qPrintable(format + " differs when read a case at a time"));
    if (format == "json") {
        const std::string dumped =
            auditReportJson(whole).dump(1, ' ', false, json::error_handler_t::replace) + "\n";
        QCOMPARE(a.toStdString(), dumped);
    }
}

void TestAuditReport::commandLine_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("file"); // written when exitCode is 0
    QTest::newRow("html by suffix") << QStringList{"--out", "cli.html"} << 0 << "cli.html";
    QTest::newRow("pdf") << QStringList{"--out", "cli.pdf", "--filter", "class=branch"} << 0
                         << "cli.pdf";
    QTest::newRow("csv format flag")
        << QStringList{"--out", "cli.txt", "--format", "csv", "--redact"} << 0 << "cli.txt";
    QTest::newRow("json") << QStringList{"--out", "cli.json"} << 0 << "cli.json";
    QTest::newRow("unknown suffix") << QStringList{"--out", "cli.doc"} << 2 << "";
    QTest::newRow("bad format") << QStringList{"--out", "x.html", "--format", "docx"} << 2 << "";
    QTest::newRow("bad filter") << QStringList{"--out", "x.html", "--filter", "colour=red"} << 2
                                << "";
    QTest::newRow("no out") << QStringList{} << 2 << "";
}

void TestAuditReport::commandLine() {
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, file);
    std::vector<std::string> argv = {"report", "--project", project_.toStdString(), "--quiet"};
    for (const QString& a : args)
        argv.push_back(a.startsWith("cli.") ? dir_.filePath(a).toStdString() : a.toStdString());
    QCOMPARE(runCommandLine(argv), exitCode);
    if (!file.isEmpty())
        QVERIFY(readAll(dir_.filePath(file)).size() > 500);
}

void TestAuditReport::commandLineNeedsNoDisplay() {
    // The real executable, with no display and no platform chosen: as on a server.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("DISPLAY");
    env.remove("WAYLAND_DISPLAY");
    env.remove("QT_QPA_PLATFORM");
    QProcess p;
    p.setProcessEnvironment(env);
    const QString out = dir_.filePath("nodisplay.pdf");
    p.start(QStringLiteral(RS_APP_BINARY), {"report", "--project", project_, "--out", out});
    QVERIFY(p.waitForFinished(60000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    QVERIFY(readAll(out).startsWith("%PDF-"));
    QVERIFY(p.readAllStandardOutput().contains("written to"));
    // A project that is not there: status 1 and the reason.
    p.start(QStringLiteral(RS_APP_BINARY),
            {"report", "--project", dir_.filePath("none.rsproj"), "--out", out});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 1);
    QVERIFY(p.readAllStandardError().contains("none.rsproj"));
}

QTEST_MAIN(TestAuditReport)
#include "tst_auditreport.moc"
