#pragma once
// The listening socket of the local server: accepts connections (up to a limit, beyond which a client
// is told 503 at once) and hands each parsed request to whoever answers them (ApiServer).
#include "server/http_connection.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>

class QTcpServer;

namespace sosoik::app::server {

class HttpServer : public QObject {
    Q_OBJECT
public:
    struct Limits {
        qint64 maxBodyBytes = 8 * 1024 * 1024; // a long document as JSON fits; 10 MB does not
        int maxConnections = 64;
    };
    explicit HttpServer(Limits limits, QObject* parent = nullptr);
    ~HttpServer() override;

    // Binds to address:port (port 0: any free port). On failure returns false with errorString().
    bool listen(const QHostAddress& address, quint16 port);
    void close(); // stops accepting; open connections finish what they are doing
    bool isListening() const;
    quint16 port() const;
    QString errorString() const;
    int connectionCount() const;

signals:
    void requestReceived(sosoik::app::server::HttpConnection* connection,
                         const sosoik::app::server::HttpRequest& request);

private:
    void acceptPending();

    const Limits limits_;
    QTcpServer* server_;
};

} // namespace sosoik::app::server
