#pragma once
// Where the shared real-data folder is. Tests that use it QSKIP with this reason when it is
// absent (a user's machine does not have it).
#include <QDir>
#include <QString>
#include <QtTest>

namespace rs::test {

inline QString sharedDataDir() {
    const QByteArray env = qgetenv("RS_SHARED_DATA");
    return env.isEmpty() ? QString() : QDir(QString::fromLocal8Bit(env)).absolutePath();
}

inline QString sharedFile(const QString& relative) {
    const QString dir = sharedDataDir();
    return dir.isEmpty() ? QString() : dir + QLatin1Char('/') + relative;
}

inline QString resourcesDir() {
    return QString::fromLocal8Bit(qgetenv("REASONSCOPE_RESOURCES"));
}

} // namespace rs::test

// Skips the current test function when a shared-data file is not there.
#define RS_REQUIRE_SHARED(relative)                                                                \
    do {                                                                                           \
        const QString rsPath_ = rs::test::sharedFile(QStringLiteral(relative));                    \
        if (rsPath_.isEmpty() || !QFileInfo::exists(rsPath_))                                      \
            QSKIP(qPrintable(QStringLiteral("shared data not available: ") +                       \
                             QStringLiteral(relative) +                                            \
                             QStringLiteral(" (needs ../shared/data beside the project)")));       \
    } while (false)
