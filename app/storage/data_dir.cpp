#include "storage/data_dir.h"

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
    if (!QDir().mkpath(dir.path))
        dir.error = QCoreApplication::translate("DataDir", "Cannot create the data folder %1.")
                        .arg(QDir::toNativeSeparators(dir.path));
    return dir;
}

} // namespace sosoik::app
