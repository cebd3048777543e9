#include "library/models_folder.h"

#include "library/model_scanner.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryFile>

namespace sosoik::app {

QString ownModelsDir(const QSettings* store, const QString& fallback) {
    const QString chosen = store ? store->value(kModelsDirKey).toString() : QString();
    if (!chosen.isEmpty()) return chosen;
    return fallback.isEmpty() ? defaultOwnModelsDir() : fallback;
}

std::unique_ptr<QSettings> openAppSettings() {
    const QString dataDir = qEnvironmentVariable("SOSOIK_DATA_DIR");
    if (!dataDir.isEmpty())
        return std::make_unique<QSettings>(QDir(dataDir).filePath(QStringLiteral("settings.ini")),
                                           QSettings::IniFormat);
    return std::make_unique<QSettings>(QSettings::NativeFormat, QSettings::UserScope,
                                       QStringLiteral("Sosoik"), QStringLiteral("Sosoik"));
}

QString modelsFolderProblem(const QString& path) {
    const QFileInfo info(path);
    if (path.isEmpty() || info.isRelative())
        return QCoreApplication::translate("ModelsFolder", "it is not a full path");
    if (info.exists() && !info.isDir()) return QCoreApplication::translate("ModelsFolder", "it is a file");
    if (!QDir().mkpath(path)) return QCoreApplication::translate("ModelsFolder", "Sosoik cannot create it");
    // Asked of the file system, not of the permission bits: a read-only mount has writable bits.
    QTemporaryFile probe(QDir(path).filePath(QStringLiteral(".sosoik-write-test-XXXXXX")));
    if (!probe.open()) return QCoreApplication::translate("ModelsFolder", "Sosoik cannot write there");
    return {};
}

ModelsFolderContents modelsFolderContents(const QString& dir) {
    const QDir d(dir);
    return {int(d.entryList({QStringLiteral("*.gguf")}, QDir::Files).size()),
            int(d.entryList({QStringLiteral("*.gguf.part")}, QDir::Files).size())};
}

} // namespace sosoik::app
