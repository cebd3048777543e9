#pragma once
// A loopback HTTP server for remote-engine tests that answers like a misbehaving (or slow) OpenAI-compatible
// server on demand: each test sets a handler that writes whatever raw bytes it wants, so the client's
// handling of 401s, broken JSON, a connection cut mid-answer or a slow stream is exercised exactly.
// Runs on the test's thread; the client under test runs on its own threads.
#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

#include <functional>

namespace sosoik::test {

struct FakeRequest {
    QByteArray method, path, head, body;
    QByteArray header(const QByteArray& name) const {
        for (const QByteArray& line : head.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().toLower() == name.toLower())
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }
};

class FakeOpenAiServer : public QObject {
public:
    using Handler = std::function<void(const FakeRequest&, QTcpSocket*)>;

    FakeOpenAiServer() {
        server_.listen(QHostAddress::LocalHost);
        QObject::connect(&server_, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = server_.nextPendingConnection()) {
                ++connections;
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { onData(socket); });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, [this, socket] {
                    ++disconnects;
                    socket->deleteLater();
                });
            }
        });
    }

    quint16 port() const { return server_.serverPort(); }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1/v1").arg(port()); }
    void setHandler(Handler handler) { handler_ = std::move(handler); }

    // A complete response with a body.
    static void reply(QTcpSocket* socket, int status, const QByteArray& contentType, const QByteArray& body) {
        socket->write("HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: " + contentType +
                      "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    }
    // The start of a streamed answer (server-sent events until the connection closes).
    static void startEvents(QTcpSocket* socket) {
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n");
    }
    static QByteArray chunk(const QString& text) {
        return "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + text.toUtf8() +
               "\"},\"finish_reason\":null}]}\n\n";
    }
    static QByteArray modelList(const QByteArray& id = "fake-model") {
        return "{\"object\":\"list\",\"data\":[{\"id\":\"" + id +
               "\",\"object\":\"model\",\"max_model_len\":2048}]}";
    }

    bool handlesList = false;    // true: GET /models goes to the handler too (else: one model, "fake-model")
    QList<FakeRequest> requests; // every request, in order
    int connections = 0;
    int disconnects = 0;

private:
    void onData(QTcpSocket* socket) {
        QByteArray& buffer = buffers_[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0) return;
        FakeRequest request;
        request.head = buffer.left(end);
        const QList<QByteArray> first = request.head.left(request.head.indexOf('\r')).split(' ');
        request.method = first.value(0);
        request.path = first.value(1);
        const int length = request.header("content-length").toInt();
        if (buffer.size() < end + 4 + length) return;
        request.body = buffer.mid(end + 4, length);
        buffer.remove(0, end + 4 + length);
        requests.append(request);
        if (request.method == "GET" && request.path.endsWith("/models") && !handlesList) {
            reply(socket, 200, "application/json", modelList());
            return;
        }
        if (handler_) handler_(request, socket);
    }
    QTcpServer server_;
    Handler handler_;
    QHash<QTcpSocket*, QByteArray> buffers_;
};

} // namespace sosoik::test
