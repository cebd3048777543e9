#pragma once
// One Sosoik per user and data directory: the first launch listens on a local socket, later launches hand
// their request (activate, open files, show the quick query) to it and exit.
#include <QLocalServer>
#include <QObject>
#include <QStringList>

namespace sosoik::app {

// What a later launch asks the running instance to do.
struct InstanceRequest {
    enum class Action { Activate, OpenFiles, QuickQuery };
    Action action = Action::Activate;
    QStringList files; // absolute paths, for OpenFiles

    QByteArray toJson() const;
    // Returns false (and leaves *out untouched) when the bytes are not a well-formed request.
    static bool fromJson(const QByteArray& json, InstanceRequest* out);
    // Builds the request a launch with these positional arguments makes (relative paths resolved here,
    // because the running instance has its own working directory).
    static InstanceRequest fromArguments(const QStringList& positional, bool quickQuery);
};

class SingleInstance : public QObject {
    Q_OBJECT
public:
    // dataDir keys the instance together with the user name: two data dirs are two independent apps.
    explicit SingleInstance(const QString& dataDir, QObject* parent = nullptr);
    ~SingleInstance() override;

    static QString serverNameFor(const QString& userName, const QString& dataDir);
    QString serverName() const { return m_serverName; }

    enum class Role { Primary, Secondary, Failed };
    // Becomes the primary (starts listening) unless another instance answers; then sends it the request.
    // Secondary means the request was delivered and acknowledged: the caller should exit 0.
    Role claimOrHandOff(const InstanceRequest& request, int timeoutMs = 3000);
    QString errorString() const { return m_error; }

signals:
    void requestReceived(const sosoik::app::InstanceRequest& request);

private:
    bool sendToRunning(const InstanceRequest& request, int timeoutMs);
    bool listen();
    void acceptConnections();

    QString m_serverName;
    QString m_lockPath;
    QString m_error;
    QLocalServer m_server;
};

} // namespace sosoik::app

Q_DECLARE_METATYPE(sosoik::app::InstanceRequest)
