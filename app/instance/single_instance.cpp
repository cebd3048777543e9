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
    m_serverName = serverNameFor(user, dataDir);
    m_lockPath = QDir::temp().filePath(m_serverName + ".lock");
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

SingleInstance::Role SingleInstance::claimOrHandOff(const InstanceRequest& request, int timeoutMs) {
    // The lock closes the race where two launches both find nobody listening and both try to listen.
    QLockFile lock(m_lockPath);
    lock.setStaleLockTime(0); // stale = its owner process is gone
    const bool locked = lock.tryLock(timeoutMs);
    if (sendToRunning(request, timeoutMs)) return Role::Secondary;
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
