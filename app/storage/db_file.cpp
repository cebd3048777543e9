#include "storage/db_file.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace sosoik::storage::dbfile {
namespace {
const char* const kCompanions[] = {"", "-wal", "-shm"};
}

bool preparePrivateDir(const QString& dir, bool restrictExisting, QString* error) {
    const bool existed = QFileInfo(dir).isDir();
    if (existed && !restrictExisting) return true;
    if (!QDir().mkpath(dir)) {
        *error =
            QObject::tr("Cannot create the data folder %1. Check that the disk is writable and not full.")
                .arg(QDir::toNativeSeparators(dir));
        return false;
    }
    if (!QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner)) {
        *error = QObject::tr("Cannot restrict the permissions of the data folder %1.")
                     .arg(QDir::toNativeSeparators(dir));
        return false;
    }
    return true;
}

void restrictToOwner(const QString& databasePath) {
    for (const char* suffix : kCompanions) {
        const QString path = databasePath + QLatin1String(suffix);
        if (!QFileInfo::exists(path)) continue;
        const auto perms = QFile::permissions(path) &
                           (QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser);
        QFile::setPermissions(path, perms);
    }
}

QString moveAside(const QString& databasePath, QString* error) {
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
    const QString target = databasePath + QStringLiteral(".corrupt-") + stamp;
    for (const char* suffix : kCompanions) {
        const QString from = databasePath + QLatin1String(suffix);
        if (!QFileInfo::exists(from)) continue;
        if (!QFile::rename(from, target + QLatin1String(suffix))) {
            *error = QObject::tr("The database %1 is damaged and could not be moved aside.")
                         .arg(QDir::toNativeSeparators(from));
            return {};
        }
    }
    return target;
}

} // namespace sosoik::storage::dbfile
