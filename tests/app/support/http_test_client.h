#pragma once
// A deliberately plain HTTP/1.1 client for the server tests: writes the exact bytes it is given and keeps
// the exact bytes it gets back, so tests can check framing (status line, headers, chunked encoding,
// server-sent events) byte for byte instead of trusting a library's interpretation. Blocking; usable from
// any thread.
#include <QByteArray>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QTcpSocket>

namespace sosoik::test {

struct HttpReply {
    int status = 0;                               // 0: no complete response (closed, timed out)
    QByteArray statusLine;                        // "HTTP/1.1 200 OK"
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-cased
    QByteArray rawBody;                           // as received (chunk framing included)
    QByteArray body;                              // de-chunked
    QByteArray header(const QByteArray& lowerName) const {
        for (const auto& [n, v] : headers)
            if (n == lowerName) return v;
        return {};
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

class HttpTestClient {
public:
    explicit HttpTestClient(quint16 port) : port_(port) {}

    bool connect() {
        socket_.connectToHost(QStringLiteral("127.0.0.1"), port_);
        return socket_.waitForConnected(10000);
    }
    QTcpSocket& socket() { return socket_; }

    static QByteArray requestBytes(const QByteArray& method, const QByteArray& path,
                                   const QByteArray& body = {},
                                   const QList<QPair<QByteArray, QByteArray>>& headers = {}) {
        QByteArray r = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
        for (const auto& [n, v] : headers)
            r += n + ": " + v + "\r\n";
        if (!body.isEmpty() || method == "POST")
            r += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
                 "\r\n";
        return r + "\r\n" + body;
    }

    void send(const QByteArray& bytes) {
        socket_.write(bytes);
        while (socket_.bytesToWrite() > 0 && socket_.waitForBytesWritten(30000)) {
        }
    }

    // Reads one whole response (Content-Length, chunked, or until close).
    HttpReply read(int timeoutMs = 120000) {
        HttpReply reply;
        QElapsedTimer timer;
        timer.start();
        int headEnd = -1;
        while ((headEnd = buffer_.indexOf("\r\n\r\n")) < 0)
            if (!more(timer, timeoutMs)) return reply;
        const QList<QByteArray> lines = buffer_.left(headEnd).split('\n');
        buffer_.remove(0, headEnd + 4);
        reply.statusLine = lines.value(0).trimmed();
        reply.status = reply.statusLine.split(' ').value(1).toInt();
        for (int i = 1; i < lines.size(); ++i) {
            const int colon = lines[i].indexOf(':');
            if (colon > 0)
                reply.headers.append(
                    {lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed()});
        }
        if (reply.status == 100) return read(timeoutMs);
        if (reply.header("transfer-encoding") == "chunked") {
            for (;;) {
                int lineEnd;
                while ((lineEnd = buffer_.indexOf("\r\n")) < 0)
                    if (!more(timer, timeoutMs)) return fail(reply);
                bool ok = false;
                const int size = buffer_.left(lineEnd).toInt(&ok, 16);
                if (!ok) return fail(reply);
                while (buffer_.size() < lineEnd + 2 + size + 2)
                    if (!more(timer, timeoutMs)) return fail(reply);
                reply.rawBody += buffer_.left(lineEnd + 2 + size + 2);
                reply.body += buffer_.mid(lineEnd + 2, size);
                if (buffer_.mid(lineEnd + 2 + size, 2) != "\r\n") return fail(reply);
                buffer_.remove(0, lineEnd + 2 + size + 2);
                if (size == 0) return reply;
            }
        }
        if (!reply.header("content-length").isEmpty()) {
            const int length = reply.header("content-length").toInt();
            while (buffer_.size() < length)
                if (!more(timer, timeoutMs)) return fail(reply);
            reply.body = reply.rawBody = buffer_.left(length);
            buffer_.remove(0, length);
            return reply;
        }
        while (more(timer, timeoutMs)) {
        }
        reply.body = reply.rawBody = buffer_;
        buffer_.clear();
        return reply;
    }

    HttpReply request(const QByteArray& method, const QByteArray& path, const QByteArray& body = {},
                      const QList<QPair<QByteArray, QByteArray>>& headers = {}) {
        send(requestBytes(method, path, body, headers));
        return read();
    }

    // Waits for `needle` in what arrives (kept for read()); false on timeout or close.
    bool waitFor(const QByteArray& needle, int timeoutMs = 60000) {
        QElapsedTimer timer;
        timer.start();
        while (!buffer_.contains(needle))
            if (!more(timer, timeoutMs)) return false;
        return true;
    }
    // Waits until `needle` arrived `count` times; false on timeout or close.
    bool waitForCount(const QByteArray& needle, int count, int timeoutMs = 60000) {
        QElapsedTimer timer;
        timer.start();
        while (buffer_.count(needle) < count)
            if (!more(timer, timeoutMs)) return false;
        return true;
    }
    QByteArray buffered() const { return buffer_; }

private:
    bool more(const QElapsedTimer& timer, int timeoutMs) {
        if (socket_.bytesAvailable() == 0) {
            const int left = timeoutMs - int(timer.elapsed());
            if (left <= 0 || !socket_.waitForReadyRead(left)) {
                buffer_ += socket_.readAll();
                return false;
            }
        }
        buffer_ += socket_.readAll();
        return true;
    }
    static HttpReply fail(HttpReply reply) {
        reply.status = 0;
        return reply;
    }

    quint16 port_;
    QTcpSocket socket_;
    QByteArray buffer_;
};

} // namespace sosoik::test
