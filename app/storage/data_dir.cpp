#include "storage/data_dir.h"

#include "storage/private_files.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace sosoik::app {

DataDir resolveDataDir(const QString& commandLineValue) {
    DataDir dir;
    QString chosen = commandLineValue;
    if (chosen.isEmpty()) chosen = qEnvironmentVariable("SOSOIK_DATA_DIR");
    dir.overridden = !chosen.isEmpty();
    if (chosen.isEmpty()) chosen = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    dir.path = QFileInfo(chosen).absoluteFilePath();
    if (!makePrivatePath(dir.path)) {
        dir.cannotCreate = true;
        return dir;
    }
    // Issue #13 item 7: folders made by earlier versions were 0755, settings.ini 0644.
    dir.tightened =
        tightenPrivateDir(dir.path, {QStringLiteral("sosoik.db*"), QStringLiteral("settings.ini")});
    return dir;
}

QString DataDir::error() const {
    if (!cannotCreate) return {};
    return QCoreApplication::translate("DataDir", "Cannot create the data folder %1.")
        .arg(QDir::toNativeSeparators(path));
}

QString DataDir::notice() const {
    if (tightened.isEmpty()) return {};
    QStringList files = tightened;
    files.removeAll(QStringLiteral(".")); // the folder itself is named by the sentence
    if (files.isEmpty())
        return QCoreApplication::translate("DataDir", "Other users of this computer could read your data "
                                                      "folder %1. Sosoik has made it private.")
            .arg(QDir::toNativeSeparators(path));
    return QCoreApplication::translate("DataDir", "Other users of this computer could read your data "
                                                  "folder %1 (%2). Sosoik has made it private.")
        .arg(QDir::toNativeSeparators(path), files.join(QStringLiteral(", ")));
}

} // namespace sosoik::app
