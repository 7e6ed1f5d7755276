#pragma once
// Reviewers as separate OS processes (teamserver_reviewer), for tst_teamserver: one process
// per login role, all started, then told "go" together once every one has logged in, so
// their verdicts reach the server at the same time; what each reported is collected.
#include <QElapsedTimer>
#include <QProcess>
#include <QString>
#include <QtTest>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace rs::test {

struct ReviewerRun {
    struct Stored {
        int index = 0;
        std::int64_t id = 0;
        std::string requestId;
    };
    std::string role;
    int exitCode = -1; // -1: crashed, or never got ready / never ended
    QString err;
    std::vector<Stored> stored;
    QString update, remove; // the SQLSTATE the server answered, or "accepted"
};

struct ReviewerRuns {
    std::vector<ReviewerRun> runs;
    qint64 writingMs = -1; // from "go" to the last process's end
    QString problem;       // empty, or which wait ran out
};

// targets[k] is the libpq target of process k's role; process k gets offset k.
inline ReviewerRuns runReviewersAtOnce(const QString& binary, const std::vector<std::string>& roles,
                                       const std::vector<std::string>& targets,
                                       std::int64_t projectId, int count, const QString& level) {
    std::vector<std::unique_ptr<QProcess>> processes;
    for (std::size_t k = 0; k < targets.size(); ++k) {
        auto p = std::make_unique<QProcess>();
        p->start(binary, {QString::fromStdString(targets[k]), QString::number(projectId),
                          QString::number(count), QString::number(k), level});
        processes.push_back(std::move(p));
    }
    auto allReadyOrGone = [&] {
        for (const auto& p : processes)
            if (p->state() != QProcess::NotRunning && !p->canReadLine())
                return false;
        return true;
    };
    // The bounds only keep a hung server from hanging the test; nothing is timed.
    ReviewerRuns out;
    if (!QTest::qWaitFor(allReadyOrGone, 60000))
        out.problem = QStringLiteral("not every reviewer process logged in within 60 s");
    for (const auto& p : processes)
        if (p->canReadLine() && p->readLine().trimmed() == "ready") {
            p->write("go\n");
            p->closeWriteChannel();
        }
    QElapsedTimer writing;
    writing.start();
    auto allGone = [&] {
        for (const auto& p : processes)
            if (p->state() != QProcess::NotRunning)
                return false;
        return true;
    };
    if (!QTest::qWaitFor(allGone, 180000))
        out.problem = QStringLiteral("not every reviewer process ended within 180 s");
    out.writingMs = writing.elapsed();
    for (std::size_t k = 0; k < processes.size(); ++k) {
        QProcess& p = *processes[k];
        ReviewerRun run;
        run.role = roles[k];
        if (p.state() != QProcess::NotRunning) {
            p.kill();
            p.waitForFinished();
        } else if (p.exitStatus() == QProcess::NormalExit)
            run.exitCode = p.exitCode();
        run.err = QString::fromUtf8(p.readAllStandardError());
        const auto lines = QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'));
        for (const QString& line : lines) {
            const auto words = line.split(QLatin1Char(' '));
            if (words.size() == 4 && words[0] == QLatin1String("stored"))
                run.stored.push_back(
                    {words[1].toInt(), words[2].toLongLong(), words[3].toStdString()});
            else if (words.size() == 2 && words[0] == QLatin1String("UPDATE"))
                run.update = words[1];
            else if (words.size() == 2 && words[0] == QLatin1String("DELETE"))
                run.remove = words[1];
        }
        out.runs.push_back(std::move(run));
    }
    return out;
}

} // namespace rs::test
