#include "storage/private_files.h"

#include <QDir>
#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#include <sys/types.h>
#endif

namespace sosoik::app {
namespace {

#ifdef Q_OS_UNIX
// Clears the group/other bits; true when something changed. lstat: a symlink is never followed (and
// not changed: chmod would act on its target).
bool tighten(const QString& path, mode_t ownerBits) {
    struct stat st {};
    const QByteArray native = QFile::encodeName(path);
    if (::lstat(native.constData(), &st) != 0 || S_ISLNK(st.st_mode) || st.st_uid != ::geteuid())
        return false;
    if ((st.st_mode & 077) == 0) return false;
    return ::chmod(native.constData(), (st.st_mode & 0700) | ownerBits) == 0;
}
#endif

} // namespace

void restrictNewFilesToOwner() {
#ifdef Q_OS_UNIX
    ::umask(077);
#endif
}

bool makePrivatePath(const QString& path) {
    // Find the folders that do not exist yet, so that only those (not the user's ~/.local) are changed.
    QStringList missing;
    for (QString p = QDir::cleanPath(QFileInfo(path).absoluteFilePath()); !QFileInfo::exists(p);) {
        missing.prepend(p);
        const QString parent = QFileInfo(p).absolutePath();
        if (parent == p) break;
        p = parent;
    }
    if (!QDir().mkpath(path)) return false;
#ifdef Q_OS_UNIX
    for (const QString& created : missing)
        tighten(created, 0700);
#endif
    return true;
}

QStringList tightenPrivateDir(const QString& path, const QStringList& nameFilters) {
    QStringList changed;
#ifdef Q_OS_UNIX
    if (tighten(path, 0700)) changed << QStringLiteral(".");
    const QFileInfoList entries = QDir(path).entryInfoList(
        nameFilters, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    for (const QFileInfo& entry : entries)
        if (tighten(entry.absoluteFilePath(), entry.isDir() && !entry.isSymLink() ? 0700 : 0600))
            changed << entry.fileName();
#endif
    return changed;
}

bool tightenPrivateFile(const QString& path) {
#ifdef Q_OS_UNIX
    return tighten(path, 0600);
#else
    return false;
#endif
}

} // namespace sosoik::app
