#pragma once
// The database schema as an ordered list of migration steps. PRAGMA user_version = number of steps
// applied. Steps are frozen once released: change the schema only by appending a new step.
#include <QSqlDatabase>
#include <QString>

namespace sosoik::storage::schema {

int currentVersion();
// Reads PRAGMA user_version; -1 when the file cannot be read as a database.
int version(const QSqlDatabase& db, QString* error);
// Applies the steps after the database's version up to targetVersion, each step in one transaction
// (a failing step leaves the database at the previous version). Tests use a lower target to build
// databases as older releases wrote them.
bool migrate(QSqlDatabase& db, int targetVersion, QString* error);

} // namespace sosoik::storage::schema
