#pragma once
// File-system side of the database: private permissions and moving a damaged file aside.
#include <QString>

namespace sosoik::storage::dbfile {

// Creates the folder when missing and limits it to its owner (0700). An existing folder is restricted
// only when restrictExisting is set: a user-chosen folder (say, ~/notes) keeps its mode, since the
// database files inside are owner-only anyway. False + error on failure.
bool preparePrivateDir(const QString& dir, bool restrictExisting, QString* error);
// Strips group/other permission bits from the database and its -wal/-shm companions (0600 at most),
// without adding write permission to a file the user made read-only.
void restrictToOwner(const QString& databasePath);
// Renames the database and its -wal/-shm companions to "<path>.corrupt-<UTC time>"; returns the new
// database path, or an empty string (with error) when it could not be moved.
QString moveAside(const QString& databasePath, QString* error);

} // namespace sosoik::storage::dbfile
