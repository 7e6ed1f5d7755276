#pragma once
// Runs reasonscope-cli as CI would: no display, its own cache and data folders.
#include <QProcess>
#include <QString>
#include <QStringList>

namespace rs::test {

struct CliResult {
    int exitCode = -1; // -1: crashed or timed out
    QString out, err;
};

inline CliResult runCli(const QString& binary, const QStringList& args, const QString& home) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(QString::fromLatin1(name));
    env.insert("XDG_CACHE_HOME", home + "/cache");
    env.insert("XDG_DATA_HOME", home + "/data");
    p.setProcessEnvironment(env);
    p.start(binary, args);
    CliResult r;
    if (!p.waitForFinished(280000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace rs::test
