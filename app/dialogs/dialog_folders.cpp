#include "dialogs/dialog_folders.h"

#include <QDir>
#include <QFileInfo>

namespace sosoik::app {

QUrl DialogFolders::startFolder(const QUrl& wanted) const {
    const QString path = wanted.isLocalFile() ? wanted.toLocalFile() : QString();
    return QUrl::fromLocalFile(nearestExistingFolder(path, QDir::homePath()));
}

QString DialogFolders::nearestExistingFolder(const QString& path, const QString& home) {
    if (path.isEmpty() || QDir::isRelativePath(path)) return home;
    QString candidate = QDir::cleanPath(path);
    for (;;) {
        const QFileInfo info(candidate);
        // The root alone says nothing about where the user meant to be (a path on an unplugged drive
        // whose mount point is gone): the home folder is the more useful start.
        if (info.isRoot()) return home;
        if (info.isDir() && info.isReadable() && info.isExecutable()) return candidate;
        const QString parent = info.absolutePath(); // the folder holding `candidate`
        if (parent == candidate) return home;
        candidate = parent;
    }
}

} // namespace sosoik::app
