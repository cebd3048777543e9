#pragma once
// Where a file or folder dialog opens (QML: DialogFolders.startFolder(url), used by SafeFileDialog).
// Qt's own Qt Quick dialog lists the process's working directory when the folder it is given does not
// exist (Settings → Models → Change… with a models folder not created yet opened wherever Sosoik was
// started from). A missing folder starts at its nearest existing parent the user can read, and a
// folder with no such parent (or none given, or a non-local URL) at the home folder.
// A dialog with a purpose ("models", "documents") opens where a file for that purpose was last chosen,
// kept in the settings (dialogs/<purpose>Folder): each session's first dialog opened in the home folder.
#include <QObject>
#include <QPointer>
#include <QSettings>
#include <QString>
#include <QUrl>

namespace sosoik::app {

class DialogFolders : public QObject {
    Q_OBJECT
public:
    // store: where the last folders are kept (none: they are not remembered).
    explicit DialogFolders(QSettings* store = nullptr, QObject* parent = nullptr)
        : QObject(parent), store_(store) {}

    // wanted: a file: URL of a folder (or of a file, whose folder is meant); empty for "anywhere".
    Q_INVOKABLE QUrl startFolder(const QUrl& wanted) const;
    // The folder a file for this purpose was last chosen in (empty: none yet).
    Q_INVOKABLE QUrl lastFolder(const QString& purpose) const;
    // chosen: the file (its folder is kept) or, with isFolder, the folder the user picked.
    Q_INVOKABLE void remember(const QString& purpose, const QUrl& chosen, bool isFolder = false);

    // The rule, on local paths: `path` when it is a readable folder, else the nearest readable folder
    // above it; `home` when that would be only the file system's root or the path is empty or relative.
    static QString nearestExistingFolder(const QString& path, const QString& home);

private:
    QPointer<QSettings> store_;
};

} // namespace sosoik::app
