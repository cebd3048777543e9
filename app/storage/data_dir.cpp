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
        dir.error = QCoreApplication::translate("DataDir", "Cannot create the data folder %1.")
                        .arg(QDir::toNativeSeparators(dir.path));
        return dir;
    }
    // Issue #13 item 7: folders made by earlier versions were 0755, settings.ini 0644.
    const QStringList tightened =
        tightenPrivateDir(dir.path, {QStringLiteral("sosoik.db*"), QStringLiteral("settings.ini")});
    if (!tightened.isEmpty())
        dir.notice =
            QCoreApplication::translate("DataDir", "Other users of this computer could read your data "
                                                   "folder %1 (%2). Sosoik has made it private.")
                .arg(QDir::toNativeSeparators(dir.path), tightened.join(QStringLiteral(", ")));
    return dir;
}

} // namespace sosoik::app
