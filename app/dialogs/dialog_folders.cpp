#include "dialogs/dialog_folders.h"

#include <QDir>
#include <QFileInfo>

namespace sosoik::app {

QUrl DialogFolders::startFolder(const QUrl& wanted) const {
    const QString path = wanted.isLocalFile() ? wanted.toLocalFile() : QString();
    return QUrl::fromLocalFile(nearestExistingFolder(path, QDir::homePath()));
}

namespace {
QString keyFor(const QString& purpose) {
    return QStringLiteral("dialogs/%1Folder").arg(purpose);
}
} // namespace

QUrl DialogFolders::lastFolder(const QString& purpose) const {
    if (!store_ || purpose.isEmpty()) return {};
    const QString folder = store_->value(keyFor(purpose)).toString();
    return folder.isEmpty() ? QUrl() : QUrl::fromLocalFile(folder);
}

void DialogFolders::remember(const QString& purpose, const QUrl& chosen, bool isFolder) {
    if (!store_ || purpose.isEmpty() || !chosen.isLocalFile()) return;
    const QString path = chosen.toLocalFile();
    store_->setValue(keyFor(purpose), isFolder ? QDir::cleanPath(path) : QFileInfo(path).absolutePath());
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
