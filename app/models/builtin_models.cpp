#include "models/builtin_models.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace sosoik::app {

const QString BuiltinModels::kDemoFile = QStringLiteral("sosoik-demo-ko.gguf");
const QString BuiltinModels::kSmolLM2File = QStringLiteral("SmolLM2-135M-Instruct.Q4_1.gguf");

BuiltinModels::BuiltinModels(QStringList searchDirs) : dirs_(std::move(searchDirs)) {}

QStringList BuiltinModels::defaultSearchDirs() {
    QStringList dirs;
    const QString overrideDir = qEnvironmentVariable("SOSOIK_MODELS_DIR");
    if (!overrideDir.isEmpty()) dirs << overrideDir;
    for (const QString& data : QStandardPaths::standardLocations(QStandardPaths::GenericDataLocation))
        dirs << QDir(data).filePath(QStringLiteral("sosoik/models"));
    if (QCoreApplication::instance())
        // /usr/bin/sosoik -> /usr/share/sosoik/models; a build tree links build/share/sosoik/models
        // to the source tree's resources/models (CMakeLists.txt).
        dirs << QDir(QCoreApplication::applicationDirPath())
                    .filePath(QStringLiteral("../share/sosoik/models"));
    return dirs;
}

QString BuiltinModels::locate(const QString& fileName) const {
    for (const QString& dir : dirs_) {
        const QFileInfo file(QDir(dir).filePath(fileName));
        if (file.isFile()) return file.canonicalFilePath();
    }
    return {};
}

QList<BuiltinModel> BuiltinModels::all() const {
    return {
        {kDemoFile,
         QCoreApplication::translate("BuiltinModels", "Sosoik demo — Korean small talk (1.4 M parameters)"),
         QCoreApplication::translate("BuiltinModels", "Sosoik demo (Korean small talk)"),
         QStringLiteral("ko"), locate(kDemoFile)},
        {kSmolLM2File, QCoreApplication::translate("BuiltinModels", "SmolLM2 135M Instruct — English"),
         QCoreApplication::translate("BuiltinModels", "SmolLM2 135M Instruct"), QStringLiteral("en"),
         locate(kSmolLM2File)},
    };
}

QList<BuiltinModel> BuiltinModels::available() const {
    QList<BuiltinModel> out;
    for (const BuiltinModel& m : all())
        if (!m.path.isEmpty()) out << m;
    return out;
}

QString BuiltinModels::defaultFor(const QString& uiLanguage) const {
    const QList<BuiltinModel> found = available();
    for (const BuiltinModel& m : found)
        if (m.language == uiLanguage) return m.path;
    return found.isEmpty() ? QString() : found.first().path;
}

bool BuiltinModels::isBuiltin(const QString& path) const {
    return !nameFor(path).isEmpty();
}

QString BuiltinModels::nameFor(const QString& path) const {
    if (path.isEmpty()) return {};
    const QString canonical = QFileInfo(path).canonicalFilePath();
    for (const BuiltinModel& m : available())
        if (m.path == canonical) return m.name;
    return {};
}

} // namespace sosoik::app
