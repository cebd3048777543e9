#include "support/test_support.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>

namespace sosoik::test {

QString sharedFile(const QString& relative) {
    const QString dir = qEnvironmentVariable("SOSOIK_SHARED_DIR");
    if (dir.isEmpty()) return {};
    const QFileInfo info(QDir(dir).filePath(relative));
    return info.exists() ? info.absoluteFilePath() : QString();
}

QString cliPath() {
    return qEnvironmentVariable("SOSOIK_CLI", "sosoik-cli");
}

CliResult runCli(const QStringList& args, const QByteArray& stdinData, int timeoutMs) {
    QProcess p;
    p.start(cliPath(), args);
    if (!stdinData.isEmpty()) p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {-1, {}, QStringLiteral("timeout")};
    }
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace sosoik::test
