#pragma once
// A small HTTP/1.1 file host on 127.0.0.1 for download tests, laid out like Hugging Face:
//   HEAD /<repo>/resolve/main/<file>  -> 302 to /blobs/<file> with X-Linked-Size and X-Linked-Etag
//                                        (the file's sha256, as the real host sends for LFS files)
//   GET  /<repo>/resolve/main/<file>  -> 302 to /blobs/<file>
//   GET  /blobs/<file>                -> 200, or 206 for "Range: bytes=N-"
// Anything else is 404. Faults a test can arm for the next blob response: drop the connection
// after N body bytes, or stall (send N bytes, then nothing). It records every request and counts
// the body bytes it sent, so a test can prove that a resume did not download bytes twice.
#include <QByteArray>
#include <QCryptographicHash>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

namespace sosoik::test {

class LoopbackHttpServer : public QObject {
public:
    struct Request {
        QByteArray method, path, range;
    };

    LoopbackHttpServer() {
        connect(&server_, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* s = server_.nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, this, [this, s] { onData(s); });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
        server_.listen(QHostAddress::LocalHost, 0);
    }

    QUrl baseUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server_.serverPort())); }
    // Serves `content` as <repo>/<file>; the metadata's sha256 is `advertisedSha256` when given
    // (to simulate a corrupted transfer), else the content's.
    void addFile(const QByteArray& repo, const QByteArray& file, const QByteArray& content,
                 const QByteArray& advertisedSha256 = {}) {
        files_.insert(file, {repo, content,
                             advertisedSha256.isEmpty()
                                 ? QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex()
                                 : advertisedSha256});
    }
    void dropNextAfter(qint64 bytes) { dropAfter_ = bytes; }
    void stallNextAfter(qint64 bytes) { stallAfter_ = bytes; }

    const QList<Request>& requests() const { return requests_; }
    qint64 bodyBytesSent() const { return bodyBytes_; }

private:
    struct File {
        QByteArray repo, content, sha256;
    };

    void onData(QTcpSocket* s) {
        QByteArray& buffer = pending_[s];
        buffer += s->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0) return;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        pending_.remove(s);
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        Request r{first.value(0), first.value(1), {}};
        for (const QByteArray& line : lines.mid(1))
            if (line.toLower().startsWith("range:")) r.range = line.mid(6).trimmed();
        requests_.append(r);
        respond(s, r);
    }

    void send(QTcpSocket* s, const QByteArray& status, const QList<QByteArray>& headers,
              const QByteArray& body, bool close = true) {
        QByteArray out = "HTTP/1.1 " + status + "\r\nConnection: close\r\n";
        for (const QByteArray& h : headers)
            out += h + "\r\n";
        out += "\r\n" + body;
        s->write(out);
        if (close) s->disconnectFromHost();
    }

    void respond(QTcpSocket* s, const Request& r) {
        const QByteArray path = QUrl::fromPercentEncoding(r.path).toUtf8();
        if (path.startsWith("/blobs/") && files_.contains(path.mid(7)))
            return sendBlob(s, r, files_.value(path.mid(7)));
        const qsizetype resolve = path.indexOf("/resolve/main/");
        const QByteArray name = resolve > 0 ? path.mid(resolve + 14) : QByteArray();
        if (resolve > 0 && files_.contains(name) && files_.value(name).repo == path.mid(1, resolve - 1)) {
            const File f = files_.value(name);
            send(s, "302 Found",
                 {"Location: /blobs/" + name, "X-Linked-Size: " + QByteArray::number(f.content.size()),
                  "X-Linked-Etag: \"" + f.sha256 + "\"", "X-Repo-Commit: 0123456789abcdef",
                  "Content-Length: 0"},
                 {});
            return;
        }
        send(s, "404 Not Found", {"Content-Length: 9"}, r.method == "HEAD" ? QByteArray() : "not found");
    }

    void sendBlob(QTcpSocket* s, const Request& r, const File& f) {
        qint64 from = 0;
        if (r.range.startsWith("bytes=")) from = r.range.mid(6).split('-').value(0).toLongLong();
        const qint64 size = f.content.size();
        if (from >= size && size > 0) {
            send(s, "416 Range Not Satisfiable", {"Content-Range: bytes */" + QByteArray::number(size)}, {});
            return;
        }
        QList<QByteArray> headers{"Content-Length: " + QByteArray::number(size - from),
                                  "Accept-Ranges: bytes", "ETag: \"" + f.sha256 + "\""};
        QByteArray status = "200 OK";
        if (from > 0) {
            status = "206 Partial Content";
            headers << "Content-Range: bytes " + QByteArray::number(from) + '-' +
                           QByteArray::number(size - 1) + '/' + QByteArray::number(size);
        }
        QByteArray body = f.content.mid(from);
        if (r.method == "HEAD") body.clear();
        bool close = true;
        if (dropAfter_ >= 0) {
            // Then the connection is reset before Content-Length is reached, as when a network drops.
            body = body.left(dropAfter_);
            dropAfter_ = -1;
            bodyBytes_ += body.size();
            send(s, status, headers, body, false);
            connect(s, &QTcpSocket::bytesWritten, s, [s] {
                if (s->bytesToWrite() == 0) s->abort();
            });
            return;
        } else if (stallAfter_ >= 0) {
            body = body.left(stallAfter_); // then nothing more, on an open connection
            stallAfter_ = -1;
            close = false;
            stalled_.append(s);
        }
        bodyBytes_ += body.size();
        send(s, status, headers, body, close);
    }

    QTcpServer server_;
    QHash<QByteArray, File> files_;
    QHash<QTcpSocket*, QByteArray> pending_;
    QList<QPointer<QTcpSocket>> stalled_;
    QList<Request> requests_;
    qint64 bodyBytes_ = 0;
    qint64 dropAfter_ = -1, stallAfter_ = -1;
};

} // namespace sosoik::test
