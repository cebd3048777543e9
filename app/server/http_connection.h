#pragma once
// One HTTP/1.1 client connection of the local server: Node's http-parser (Debian's libhttp-parser)
// reads requests off the socket, this class writes the responses, including event streams as chunked
// bodies written token by token.
//
// Why not QHttpServer: Qt 6.4's (Debian 12's qt6-httpserver) writes a response in one go — chunked
// writes arrived in Qt 6.8 — it reads a whole request body into memory before anyone can refuse it, and
// it tells nobody when a client goes away, which is how a closed browser tab must stop its generation.
//
// Requests on one connection are answered one at a time in order (pipelined requests wait in the
// inbox). Bodies larger than the limit are refused with 413 as soon as their Content-Length (or the
// chunks received so far) says so, without reading them; malformed requests get 400 and the connection
// closes, because the parser cannot find the next request after an error.
#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>

#include <http_parser.h>

class QTcpSocket;

namespace sosoik::app::server {

struct HttpRequest {
    QByteArray method;                            // "GET", "POST", ...
    QByteArray path;                              // without the query string
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-cased
    QByteArray body;
    bool http10 = false;

    QByteArray header(const QByteArray& lowerName) const;
};

class HttpConnection : public QObject {
    Q_OBJECT
public:
    HttpConnection(QTcpSocket* socket, qint64 maxBodyBytes, QObject* parent = nullptr);
    ~HttpConnection() override;

    // One complete response; the connection then reads its next request (or closes).
    void respond(int status, const QByteArray& contentType, const QByteArray& body,
                 const QList<QPair<QByteArray, QByteArray>>& extraHeaders = {});
    // A response whose body follows piece by piece (server-sent events): chunked on HTTP/1.1, delimited
    // by closing the connection on HTTP/1.0.
    void beginStream(int status, const QByteArray& contentType);
    void writeStreamPiece(const QByteArray& bytes);
    void endStream();

    bool isOpen() const { return open_; }
    QByteArray peer() const; // "address:port", for the log

signals:
    void requestReceived(const sosoik::app::server::HttpRequest& request);
    // The client went away (or the connection failed); a response in progress should stop.
    void closed();

private:
    void readMore();
    void parseInbox();
    void finishResponse();
    void refuse(int status, const QByteArray& message); // answers and closes after a parse error
    void writeHead(int status, const QList<QPair<QByteArray, QByteArray>>& headers);
    void onSocketGone();

    // http-parser callbacks (C function pointers; `parser->data` is the connection).
    static int onUrl(http_parser* p, const char* at, size_t length);
    static int onHeaderField(http_parser* p, const char* at, size_t length);
    static int onHeaderValue(http_parser* p, const char* at, size_t length);
    static int onHeadersComplete(http_parser* p);
    static int onBody(http_parser* p, const char* at, size_t length);
    static int onMessageComplete(http_parser* p);

    QTcpSocket* socket_;
    const qint64 maxBodyBytes_;
    http_parser parser_{};
    http_parser_settings settings_{};
    QByteArray inbox_;    // received, not yet parsed (requests behind the one being answered)
    HttpRequest current_; // being parsed
    QByteArray url_, field_, value_;
    bool lastWasValue_ = false;
    bool bodyTooLarge_ = false;
    bool requestComplete_ = false;
    bool answering_ = false; // a request was handed out and its response is not finished
    bool keepAlive_ = true;  // of the request being answered
    bool http10_ = false;    // of the request being answered
    bool streaming_ = false;
    bool open_ = true;
};

} // namespace sosoik::app::server
