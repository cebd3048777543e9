// Storage lifecycle: opening (permissions, corruption, migrations), transactions and error reporting.
#include "storage/storage.h"

#include "storage/db_file.h"
#include "storage/schema.h"
#include "storage/storage_sql.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace sosoik::storage {
namespace {

QAtomicInteger<quint64> gConnectionCounter;

int primaryCode(const QSqlError& error) {
    return error.nativeErrorCode().toInt() & 0xff;
}
bool isCorruption(const QSqlError& error) {
    const int code = primaryCode(error);
    return code == 11 /*SQLITE_CORRUPT*/ || code == 26 /*SQLITE_NOTADB*/;
}

} // namespace

Storage::Storage(QObject* parent)
    : QObject(parent),
      connectionName_(QStringLiteral("sosoik-storage-%1").arg(gConnectionCounter.fetchAndAddRelaxed(1))) {}

Storage::~Storage() {
    close();
}

QString Storage::defaultDataDir() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}
QString Storage::databaseFileName() {
    return QStringLiteral("sosoik.db");
}
int Storage::currentSchemaVersion() {
    return schema::currentVersion();
}

bool Storage::isOpen() const {
    return QSqlDatabase::contains(connectionName_) && database().isOpen();
}
QString Storage::dataDir() const {
    return dataDir_;
}
QString Storage::databasePath() const {
    return path_;
}
QString Storage::errorString() const {
    return error_;
}
QString Storage::openNotice() const {
    return notice_;
}
QSqlDatabase Storage::database() const {
    return QSqlDatabase::database(connectionName_, false);
}

int Storage::schemaVersion() const {
    QString ignored;
    return isOpen() ? schema::version(database(), &ignored) : -1;
}

void Storage::close() {
    closeConnection(true);
}

void Storage::closeConnection(bool checkpoint) {
    if (!QSqlDatabase::contains(connectionName_)) return;
    {
        QSqlDatabase db = database();
        if (db.isOpen() && checkpoint) {
            // Folds the WAL back into the database so the folder holds one self-contained file.
            QSqlQuery(db).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connectionName_);
    txDepth_ = 0;
    txFailed_ = false;
}

bool Storage::open(const QString& dataDir) {
    close();
    notice_.clear();
    error_.clear();
    dataDir_ = QDir::cleanPath(dataDir.isEmpty() ? defaultDataDir() : dataDir);
    path_ = QDir(dataDir_).filePath(databaseFileName());
    QString error;
    if (!dbfile::preparePrivateDir(dataDir_, dataDir.isEmpty(), &error)) return fail(error);
    if (!QFileInfo::exists(path_)) {
        // Created here so that it is private from its first byte; SQLite then gives -wal/-shm the same mode.
        QFile file(path_);
        if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFile::ReadOwner | QFile::WriteOwner))
            return fail(tr("Cannot create the database file %1: %2")
                            .arg(QDir::toNativeSeparators(path_), file.errorString()));
    }
    dbfile::restrictToOwner(path_);
    return openFile(path_);
}

bool Storage::openConnection(const QString& path, QString* error) {
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName_);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            *error = db.lastError().text();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(connectionName_);
            return false;
        }
    }
    return true;
}

// Opens the file and checks it, moving it aside (once) when SQLite says it is damaged.
bool Storage::openFile(const QString& path) {
    for (int attempt = 0; attempt < 2; ++attempt) {
        QString error;
        if (!openConnection(path, &error))
            return fail(tr("Cannot open the conversation database %1: %2")
                            .arg(QDir::toNativeSeparators(path), error));
        const Integrity integrity = checkIntegrity(&error);
        if (integrity == Integrity::Ok) break;
        closeConnection(false); // a damaged file is kept exactly as it was
        if (integrity == Integrity::Unreadable || attempt > 0) return fail(error);
        const QString movedTo = dbfile::moveAside(path, &error);
        if (movedTo.isEmpty()) return fail(error);
        notice_ = tr("The conversation database was damaged and could not be read. It was kept as %1 "
                     "and a new, empty database was started.")
                      .arg(QDir::toNativeSeparators(movedTo));
        QFile fresh(path);
        if (fresh.open(QIODevice::WriteOnly)) fresh.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }
    QString error;
    if (!prepareOpenDatabase(&error)) {
        closeConnection(false);
        return fail(error);
    }
    dbfile::restrictToOwner(path);
    return true;
}

Storage::Integrity Storage::checkIntegrity(QString* error) const {
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("PRAGMA quick_check")) || !q.next()) {
        *error = sql::describe(q.lastError());
        return isCorruption(q.lastError()) ? Integrity::Damaged : Integrity::Unreadable;
    }
    if (q.value(0).toString() == QLatin1String("ok")) return Integrity::Ok;
    *error = tr("The conversation database is damaged: %1").arg(q.value(0).toString());
    return Integrity::Damaged;
}

bool Storage::prepareOpenDatabase(QString* error) {
    QSqlDatabase db = database();
    const int version = schema::version(db, error);
    if (version < 0) return false;
    if (version > schema::currentVersion()) {
        *error = tr("The conversation database was written by a newer version of Sosoik (schema %1; this "
                    "version understands up to %2). It was left untouched; please update Sosoik.")
                     .arg(version)
                     .arg(schema::currentVersion());
        return false;
    }
    QSqlQuery pragma(db);
    // A write probe: a read-only file must be reported now, not at the first lost message. BEGIN IMMEDIATE
    // alone succeeds on a read-only file in WAL mode (issue #19), so the probe writes the header too (the
    // same user_version) and rolls back.
    if (!pragma.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        *error = sql::describe(pragma.lastError());
        return false;
    }
    if (!pragma.exec(QStringLiteral("PRAGMA user_version = %1").arg(version))) {
        *error = sql::describe(pragma.lastError());
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return false;
    }
    pragma.exec(QStringLiteral("ROLLBACK"));
    pragma.exec(QStringLiteral("PRAGMA journal_mode = WAL"));
    // NORMAL in WAL mode: every commit survives an application crash (power loss may drop the last).
    pragma.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
    pragma.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    pragma.finish();
    if (!schema::migrate(db, schema::currentVersion(), error)) {
        *error = tr("Cannot upgrade the conversation database: %1").arg(*error);
        return false;
    }
    return true;
}

bool Storage::fail(const QString& message) const {
    error_ = message;
    emit const_cast<Storage*>(this)->errorOccurred(error_);
    return false;
}

bool Storage::exec(QSqlQuery& query) const {
    if (query.exec()) return true;
    return fail(sql::describe(query.lastError()));
}

bool Storage::begin() {
    if (!isOpen()) return fail(tr("The conversation database is not open."));
    if (txDepth_++ > 0) return true;
    txFailed_ = false;
    QSqlQuery q(database());
    if (q.exec(QStringLiteral("BEGIN IMMEDIATE"))) return true;
    txDepth_ = 0;
    return fail(sql::describe(q.lastError()));
}

bool Storage::commitOrRollback(bool ok) {
    if (txDepth_ <= 0) return false;
    if (!ok) txFailed_ = true;
    if (--txDepth_ > 0) return ok;
    QSqlQuery q(database());
    if (!txFailed_) {
        if (q.exec(QStringLiteral("COMMIT"))) return true;
        fail(sql::describe(q.lastError()));
    }
    QSqlQuery(database()).exec(QStringLiteral("ROLLBACK"));
    txFailed_ = false;
    return false;
}

Storage::Transaction::Transaction(Storage& storage) : storage_(storage), ok_(storage.begin()) {}

Storage::Transaction::~Transaction() {
    if (ok_ && !done_) storage_.commitOrRollback(false);
}

bool Storage::Transaction::commit() {
    if (!ok_ || done_) return false;
    done_ = true;
    return storage_.commitOrRollback(true);
}

} // namespace sosoik::storage
