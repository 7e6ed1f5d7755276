#pragma once
// A throwaway PostgreSQL cluster for one test executable (tests/support/pg_cluster.sh):
// initdb in a temporary folder, the server on a Unix socket there (no TCP), stopped and
// removed with the fixture. start() returns a reason to skip when no PostgreSQL server is
// installed. Local logins are trusted: the tests are about what each role may do.
#include <QCoreApplication>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <string>

namespace rs::test {

class PgTestCluster {
public:
    PgTestCluster() : dir_(QStringLiteral("/tmp/rs-pg-XXXXXX")) {}
    ~PgTestCluster() { stop(); }
    PgTestCluster(const PgTestCluster&) = delete;
    PgTestCluster& operator=(const PgTestCluster&) = delete;

    // Empty when the server runs; otherwise why the tests skip (exit 77 of the script) or
    // what failed (prefixed "FAILED: ").
    QString start(const QString& script) {
        script_ = script;
        if (!dir_.isValid())
            return QStringLiteral("FAILED: no temporary folder");
        QProcess p;
        // This process's id: the script's watchdog stops the server if the test dies.
        p.start(QStringLiteral("bash"), {script_, QStringLiteral("start"), dir_.path(),
                                         QString::number(QCoreApplication::applicationPid())});
        if (!p.waitForFinished(120000))
            return QStringLiteral("FAILED: pg_cluster.sh start did not finish");
        const QString out = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
        if (p.exitCode() == 77)
            return out.isEmpty() ? QStringLiteral("PostgreSQL is not installed") : out;
        if (p.exitCode() != 0)
            return QStringLiteral("FAILED: ") + out + QString::fromUtf8(p.readAllStandardError());
        running_ = true;
        return {};
    }
    void stop() {
        if (!running_)
            return;
        QProcess p;
        p.start(QStringLiteral("bash"), {script_, QStringLiteral("stop"), dir_.path()});
        p.waitForFinished(60000);
        running_ = false;
    }
    // Stops the server as an outage would (connections dropped, data kept) / starts it
    // again on the same socket. False when pg_ctl failed.
    bool halt() { return run(QStringLiteral("halt")); }
    bool resume() { return run(QStringLiteral("resume")); }
    // A libpq key=value target for the role on the test database.
    std::string target(const std::string& role) const {
        return "host=" + dir_.path().toStdString() + " dbname=rs user=" + role;
    }
    QString socketDir() const { return dir_.path(); }

private:
    bool run(const QString& command) {
        if (!running_)
            return false;
        QProcess p;
        p.start(QStringLiteral("bash"), {script_, command, dir_.path()});
        return p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit &&
               p.exitCode() == 0;
    }
    QTemporaryDir dir_;
    QString script_;
    bool running_ = false;
};

} // namespace rs::test
