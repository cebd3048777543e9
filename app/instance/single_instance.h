#pragma once
// One Sosoik per user and data directory: the first launch listens on a local socket, later launches hand
// their request (activate, open files, show the quick query) to it and exit.
// The socket lives in a folder only this user can enter ($XDG_RUNTIME_DIR, or <tmp>/sosoik-<uid>, each
// checked: a directory, ours, mode 0700, not a symlink), and both ends check the other's uid with
// SO_PEERCRED: another local user can neither answer a launch (and learn which files it opens, or make
// it exit) nor send requests. Issue #19 item 2: it used to be a predictable /tmp/sosoik-$USER-<hash>.
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

    // The socket's file name (keyed by user and data dir) and its full path in the private folder
    // (empty when no private folder could be found; *why then says why).
    static QString serverNameFor(const QString& userName, const QString& dataDir);
    static QString socketPathFor(const QString& dataDir, QString* why = nullptr);
    // $XDG_RUNTIME_DIR when it is private, else <tmp>/sosoik-<uid> (created 0700); empty when neither is.
    static QString privateSocketDir(QString* why = nullptr);
    QString serverName() const { return m_serverName; }
    // Whose peers are trusted: this process's effective uid. Tests set another to act as a stranger.
    void setExpectedPeerUid(uint uid) { m_expectedUid = uid; }

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
    bool peerIsTrusted(qintptr descriptor) const;

    QString m_serverName;
    QString m_lockPath;
    QString m_error;
    QLocalServer m_server;
    uint m_expectedUid = 0;
    bool m_untrustedPeer = false;
};

} // namespace sosoik::app

Q_DECLARE_METATYPE(sosoik::app::InstanceRequest)
