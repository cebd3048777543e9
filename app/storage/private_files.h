#pragma once
// Conversations, settings and document spools are the user's alone: every folder Sosoik creates is
// owner-only (0700) and every file 0600, and a data folder found readable by others is tightened (the
// caller tells the user). POSIX permissions; on Windows the profile's ACLs already keep other users out
// and these are no-ops.
#include <QString>
#include <QStringList>

namespace sosoik::app {

// umask(077) for the whole process: files and folders created from now on (SQLite's database, -wal and
// -shm, QSettings' settings.ini, temporary spools, exports) are owner-only whatever the caller's umask.
void restrictNewFilesToOwner();

// QDir::mkpath, with every folder it creates set to 0700. False when the folder cannot be created.
bool makePrivatePath(const QString& path);

// Sets the folder to 0700 and Sosoik's own files in it (names matching nameFilters, e.g. "sosoik.db*";
// a user's --data-dir may hold other things, which are left alone) to 0600 where they allowed more.
// Returns the names (relative to the folder, "." for itself) that were changed.
QStringList tightenPrivateDir(const QString& path, const QStringList& nameFilters);
// The same for one file (0600): true when it was changed.
bool tightenPrivateFile(const QString& path);

} // namespace sosoik::app
