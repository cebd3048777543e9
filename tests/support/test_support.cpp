#include "support/test_support.h"

#include <QDir>
#include <QFileInfo>

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

} // namespace sosoik::test
