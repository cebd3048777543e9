#include "instance/single_instance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QLockFile>
#include <QRegularExpression>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#endif

namespace sosoik::app {

namespace {
constexpr char kAck[] = "ok\n";
// A request is one short JSON line; anything longer is not from Sosoik and is dropped.
constexpr qsizetype kMaxRequestBytes = 64 * 1024;

QString actionName(InstanceRequest::Action action) {
    switch (action) {
    case InstanceRequest::Action::OpenFiles:
        return QStringLiteral("open");
    case InstanceRequest::Action::QuickQuery:
        return QStringLiteral("quick-query");
    case InstanceRequest::Action::Activate:
        break;
    }
    return QStringLiteral("activate");
}

#ifdef Q_OS_UNIX
// A folder only this user can use: a real directory (not a symlink), ours, no group/other bits.
bool isPrivateDir(const QString& path, QString* why) {
    struct stat st {};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0) {
        if (why) *why = SingleInstance::tr("%1 does not exist").arg(path);
        return false;
    }
    if (!S_ISDIR(st.st_mode) || st.st_uid != ::geteuid() || (st.st_mode & 077) != 0) {
        if (why)
            *why = SingleInstance::tr("%1 is not a private folder of this user (owner %2, mode %3)")
                       .arg(path)
                       .arg(st.st_uid)
                       .arg(st.st_mode & 07777, 4, 8, QLatin1Char('0'));
        return false;
    }
    return true;
}

// The uid of the process at the other end of a connected local socket, or -1.
qint64 peerUid(qintptr descriptor) {
#if defined(SO_PEERCRED)
    struct ucred credentials {};
    socklen_t length = sizeof credentials;
    if (::getsockopt(int(descriptor), SOL_SOCKET, SO_PEERCRED, &credentials, &length) != 0) return -1;
    return credentials.uid;
#else
    uid_t uid = 0;
    gid_t gid = 0;
    if (::getpeereid(int(descriptor), &uid, &gid) != 0) return -1;
    return uid;
#endif
}
#endif
} // namespace

QByteArray InstanceRequest::toJson() const {
    QJsonObject object{{"action", actionName(action)}, {"files", QJsonArray::fromStringList(files)}};
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

bool InstanceRequest::fromJson(const QByteArray& json, InstanceRequest* out) {
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) return false;
    const QJsonObject object = document.object();
    InstanceRequest request;
    const QString action = object.value("action").toString();
    if (action == "open")
        request.action = Action::OpenFiles;
    else if (action == "quick-query")
        request.action = Action::QuickQuery;
    else if (action == "activate")
        request.action = Action::Activate;
    else
        return false;
    for (const QJsonValue& file : object.value("files").toArray()) {
        if (!file.isString()) return false;
        request.files << file.toString();
    }
    *out = request;
    return true;
}

InstanceRequest InstanceRequest::fromArguments(const QStringList& positional, bool quickQuery) {
    InstanceRequest request;
    for (const QString& argument : positional)
        request.files << QFileInfo(argument).absoluteFilePath();
    if (!request.files.isEmpty())
        request.action = Action::OpenFiles;
    else if (quickQuery)
        request.action = Action::QuickQuery;
    return request;
}

SingleInstance::SingleInstance(const QString& dataDir, QObject* parent) : QObject(parent) {
    QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME", "user"));
#ifdef Q_OS_UNIX
    m_expectedUid = uint(::geteuid());
    m_serverName = socketPathFor(dataDir, &m_error);
    if (!m_serverName.isEmpty()) m_lockPath = m_serverName + QStringLiteral(".lock");
#else
    m_serverName = serverNameFor(user, dataDir); // a named pipe; UserAccessOption limits it to this user
    m_lockPath = QDir::temp().filePath(m_serverName + ".lock");
#endif
    m_server.setSocketOptions(QLocalServer::UserAccessOption);
    connect(&m_server, &QLocalServer::newConnection, this, &SingleInstance::acceptConnections);
}

SingleInstance::~SingleInstance() {
    m_server.close();
}

QString SingleInstance::serverNameFor(const QString& userName, const QString& dataDir) {
    // Canonical path so "~/x" and "~/x/" (or a symlink) are the same instance; the hash keeps the socket
    // name short and free of path characters.
    const QFileInfo info(dataDir);
    const QString canonical =
        info.exists() ? info.canonicalFilePath() : QDir::cleanPath(info.absoluteFilePath());
    const QByteArray digest = QCryptographicHash::hash(canonical.toUtf8(), QCryptographicHash::Sha1).toHex();
    QString safeUser = userName;
    safeUser.remove(QRegularExpression("[^A-Za-z0-9_.-]"));
    return QStringLiteral("sosoik-%1-%2").arg(safeUser.left(32), QString::fromLatin1(digest.left(16)));
}

QString SingleInstance::privateSocketDir(QString* why) {
#ifdef Q_OS_UNIX
    QString runtimeWhy;
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!runtime.isEmpty() && isPrivateDir(runtime, &runtimeWhy)) return runtime;
    // No (private) runtime dir: our own folder in the temporary directory, which a squatter may have
    // made first; then it is not ours, and nothing is handed over.
    const QString fallback = QDir::temp().filePath(QStringLiteral("sosoik-%1").arg(::geteuid()));
    ::mkdir(QFile::encodeName(fallback).constData(), 0700);
    if (isPrivateDir(fallback, why)) return fallback;
    if (why && !runtimeWhy.isEmpty()) *why = runtimeWhy + QStringLiteral("; ") + *why;
    return {};
#else
    return QDir::tempPath();
#endif
}

QString SingleInstance::socketPathFor(const QString& dataDir, QString* why) {
    QString reason;
    const QString dir = privateSocketDir(&reason);
    if (dir.isEmpty()) {
        if (why) *why = tr("No private folder for the instance socket: %1").arg(reason);
        return {};
    }
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME", "user"));
    return QDir(dir).filePath(serverNameFor(user, dataDir));
}

SingleInstance::Role SingleInstance::claimOrHandOff(const InstanceRequest& request, int timeoutMs) {
    if (m_serverName.isEmpty()) return Role::Failed; // m_error says why; the app runs on its own
    // The lock closes the race where two launches both find nobody listening and both try to listen.
    QLockFile lock(m_lockPath);
    lock.setStaleLockTime(0); // stale = its owner process is gone
    const bool locked = lock.tryLock(timeoutMs);
    if (sendToRunning(request, timeoutMs)) return Role::Secondary;
    if (m_untrustedPeer) return Role::Failed; // neither hand over nor take its place
    if (!locked && lock.error() != QLockFile::NoError && lock.error() != QLockFile::LockFailedError) {
        m_error = tr("Cannot create the instance lock %1").arg(m_lockPath);
        return Role::Failed;
    }
    return listen() ? Role::Primary : Role::Failed;
}

bool SingleInstance::sendToRunning(const InstanceRequest& request, int timeoutMs) {
    QLocalSocket socket;
    socket.connectToServer(m_serverName);
    if (!socket.waitForConnected(timeoutMs)) return false;
    if (!peerIsTrusted(socket.socketDescriptor())) {
        m_error =
            tr("A program of another user answered on %1; Sosoik hands nothing to it").arg(m_serverName);
        m_untrustedPeer = true;
        socket.abort();
        return false;
    }
    socket.write(request.toJson() + '\n');
    if (!socket.waitForBytesWritten(timeoutMs)) return false;
    // Wait for the acknowledgement so the launcher only exits once the running instance has the request.
    QByteArray reply;
    while (!reply.contains('\n')) {
        if (!socket.waitForReadyRead(timeoutMs)) break;
        reply += socket.readAll();
    }
    if (reply != kAck) {
        m_error = tr("The running Sosoik did not answer (%1)").arg(socket.errorString());
        return false;
    }
    socket.disconnectFromServer();
    return true;
}

bool SingleInstance::peerIsTrusted(qintptr descriptor) const {
#ifdef Q_OS_UNIX
    return peerUid(descriptor) == qint64(m_expectedUid);
#else
    return true; // the named pipe only admits this user (QLocalServer::UserAccessOption)
#endif
}

bool SingleInstance::listen() {
    if (m_server.listen(m_serverName)) return true;
    // Nobody answered, so a socket file left here belongs to a crashed instance.
    if (m_server.serverError() == QAbstractSocket::AddressInUseError) {
        QLocalServer::removeServer(m_serverName);
        if (m_server.listen(m_serverName)) return true;
    }
    m_error = tr("Cannot listen for other launches on %1: %2").arg(m_serverName, m_server.errorString());
    return false;
}

void SingleInstance::acceptConnections() {
    while (QLocalSocket* socket = m_server.nextPendingConnection()) {
        if (!peerIsTrusted(socket->socketDescriptor())) {
            qWarning("Sosoik: refused a connection from another user on %s", qPrintable(m_serverName));
            socket->abort();
            socket->deleteLater();
            continue;
        }
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
            if (buffer.size() > kMaxRequestBytes) {
                socket->abort();
                return;
            }
            const qsizetype end = buffer.indexOf('\n');
            if (end < 0) {
                socket->setProperty("buffer", buffer);
                return;
            }
            InstanceRequest request;
            if (!InstanceRequest::fromJson(buffer.left(end), &request)) {
                socket->abort();
                return;
            }
            socket->write(kAck);
            socket->flush();
            qInfo("Sosoik: request from another launch: %s", buffer.left(end).constData());
            emit requestReceived(request);
        });
    }
}

} // namespace sosoik::app
