#include "server/http_connection.h"

#include <QMetaObject>
#include <QTcpSocket>
#include <QTimer>

#include <climits>

namespace sosoik::app::server {
namespace {

QByteArray reason(int status) {
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 413:
        return "Payload Too Large";
    case 415:
        return "Unsupported Media Type";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

HttpConnection* self(http_parser* p) {
    return static_cast<HttpConnection*>(p->data);
}

// After refusing a request the client may still be sending its body; closing with unread bytes makes
// the kernel reset the connection and the client would never read why. So the rest is read and
// dropped for a while first.
constexpr int kDrainMs = 3000;

} // namespace

QByteArray HttpRequest::header(const QByteArray& lowerName) const {
    for (const auto& [name, value] : headers)
        if (name == lowerName) return value;
    return {};
}

HttpConnection::HttpConnection(QTcpSocket* socket, qint64 maxBodyBytes, QObject* parent)
    : QObject(parent), socket_(socket), maxBodyBytes_(maxBodyBytes) {
    socket_->setParent(this);
    http_parser_init(&parser_, HTTP_REQUEST);
    parser_.data = this;
    http_parser_settings_init(&settings_);
    settings_.on_url = &HttpConnection::onUrl;
    settings_.on_header_field = &HttpConnection::onHeaderField;
    settings_.on_header_value = &HttpConnection::onHeaderValue;
    settings_.on_headers_complete = &HttpConnection::onHeadersComplete;
    settings_.on_body = &HttpConnection::onBody;
    settings_.on_message_complete = &HttpConnection::onMessageComplete;
    connect(socket_, &QTcpSocket::readyRead, this, &HttpConnection::readMore);
    connect(socket_, &QTcpSocket::disconnected, this, &HttpConnection::onSocketGone);
    connect(socket_, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error != QAbstractSocket::RemoteHostClosedError) onSocketGone();
    });
}

HttpConnection::~HttpConnection() = default;

QByteArray HttpConnection::peer() const {
    return socket_->peerAddress().toString().toUtf8() + ':' + QByteArray::number(socket_->peerPort());
}

void HttpConnection::readMore() {
    inbox_.append(socket_->readAll());
    if (!open_) {
        inbox_.clear(); // draining after a refusal
        return;
    }
    // Pipelined requests wait while one is answered, but not without bound.
    if (inbox_.size() > maxBodyBytes_ + 1024 * 1024) {
        if (answering_) {
            onSocketGone();
            socket_->abort();
            return;
        }
    }
    if (!answering_) parseInbox();
}

void HttpConnection::parseInbox() {
    while (open_ && !answering_ && !inbox_.isEmpty()) {
        requestComplete_ = false;
        const size_t used =
            http_parser_execute(&parser_, &settings_, inbox_.constData(), size_t(inbox_.size()));
        const auto error = HTTP_PARSER_ERRNO(&parser_);
        if (error == HPE_PAUSED) {
            http_parser_pause(&parser_, 0);
        } else if (error != HPE_OK) {
            if (bodyTooLarge_)
                refuse(413, "The request body is larger than " +
                                QByteArray::number(maxBodyBytes_ / (1024 * 1024)) + " MB.");
            else
                refuse(400, QByteArray("Malformed HTTP request: ") + http_errno_description(error) + '.');
            return;
        } else if (parser_.upgrade) {
            refuse(400, "Protocol upgrades are not supported.");
            return;
        }
        inbox_.remove(0, qsizetype(used));
        if (!requestComplete_) return; // wait for the rest
        answering_ = true;
        HttpRequest request = std::move(current_);
        current_ = {};
        emit requestReceived(request);
    }
}

void HttpConnection::writeHead(int status, const QList<QPair<QByteArray, QByteArray>>& headers) {
    QByteArray head =
        (http10_ ? "HTTP/1.0 " : "HTTP/1.1 ") + QByteArray::number(status) + ' ' + reason(status) + "\r\n";
    for (const auto& [name, value] : headers)
        head += name + ": " + value + "\r\n";
    head += "\r\n";
    socket_->write(head);
}

void HttpConnection::respond(int status, const QByteArray& contentType, const QByteArray& body,
                             const QList<QPair<QByteArray, QByteArray>>& extraHeaders) {
    if (!open_ || !answering_ || streaming_) return;
    QList<QPair<QByteArray, QByteArray>> headers = extraHeaders;
    if (!contentType.isEmpty()) headers.append(qMakePair(QByteArray("Content-Type"), contentType));
    headers.append(qMakePair(QByteArray("Content-Length"), QByteArray::number(body.size())));
    headers.append(qMakePair(QByteArray("Connection"), QByteArray(keepAlive_ ? "keep-alive" : "close")));
    writeHead(status, headers);
    socket_->write(body);
    finishResponse();
}

void HttpConnection::beginStream(int status, const QByteArray& contentType) {
    if (!open_ || !answering_ || streaming_) return;
    streaming_ = true;
    if (http10_) keepAlive_ = false; // no chunked encoding before HTTP/1.1: the end is the close
    QList<QPair<QByteArray, QByteArray>> headers{{"Content-Type", contentType},
                                                 {"Cache-Control", "no-cache"}};
    if (!http10_) headers.append(qMakePair(QByteArray("Transfer-Encoding"), QByteArray("chunked")));
    headers.append(qMakePair(QByteArray("Connection"), QByteArray(keepAlive_ ? "keep-alive" : "close")));
    writeHead(status, headers);
}

void HttpConnection::writeStreamPiece(const QByteArray& bytes) {
    if (!open_ || !streaming_ || bytes.isEmpty()) return;
    if (http10_) {
        socket_->write(bytes);
        return;
    }
    socket_->write(QByteArray::number(bytes.size(), 16) + "\r\n" + bytes + "\r\n");
}

void HttpConnection::endStream() {
    if (!open_ || !streaming_) return;
    if (!http10_) socket_->write("0\r\n\r\n");
    streaming_ = false;
    finishResponse();
}

void HttpConnection::finishResponse() {
    answering_ = false;
    if (!keepAlive_) {
        open_ = false;
        socket_->disconnectFromHost(); // after the response is written
        return;
    }
    // Not from inside the handler that answered: the next pipelined request starts from the event loop.
    QMetaObject::invokeMethod(this, &HttpConnection::parseInbox, Qt::QueuedConnection);
}

void HttpConnection::refuse(int status, const QByteArray& message) {
    answering_ = true;
    keepAlive_ = false;
    const QByteArray body = R"({"error":{"message":")" + message +
                            R"(","type":"invalid_request_error","param":null,"code":null}})" + '\n';
    QList<QPair<QByteArray, QByteArray>> headers{{"Content-Type", "application/json"},
                                                 {"Content-Length", QByteArray::number(body.size())},
                                                 {"Connection", "close"}};
    writeHead(status, headers);
    socket_->write(body);
    answering_ = false;
    open_ = false;
    inbox_.clear();
    socket_->flush();
    // Read and drop what the client still sends, then close (see kDrainMs).
    QTimer::singleShot(kDrainMs, this, [this] {
        if (socket_->state() != QAbstractSocket::UnconnectedState) socket_->disconnectFromHost();
    });
    emit closed();
}

void HttpConnection::onSocketGone() {
    const bool wasOpen = open_ || answering_;
    open_ = false;
    answering_ = false;
    streaming_ = false;
    if (wasOpen) emit closed();
    if (socket_->state() == QAbstractSocket::UnconnectedState) deleteLater();
}

int HttpConnection::onUrl(http_parser* p, const char* at, size_t length) {
    self(p)->url_.append(at, qsizetype(length));
    return 0;
}

int HttpConnection::onHeaderField(http_parser* p, const char* at, size_t length) {
    HttpConnection* c = self(p);
    if (c->lastWasValue_) {
        c->current_.headers.append({c->field_.toLower(), c->value_.trimmed()});
        c->field_.clear();
        c->value_.clear();
    }
    c->lastWasValue_ = false;
    c->field_.append(at, qsizetype(length));
    return 0;
}

int HttpConnection::onHeaderValue(http_parser* p, const char* at, size_t length) {
    HttpConnection* c = self(p);
    c->lastWasValue_ = true;
    c->value_.append(at, qsizetype(length));
    return 0;
}

int HttpConnection::onHeadersComplete(http_parser* p) {
    HttpConnection* c = self(p);
    if (!c->field_.isEmpty()) c->current_.headers.append({c->field_.toLower(), c->value_.trimmed()});
    c->field_.clear();
    c->value_.clear();
    c->lastWasValue_ = false;
    c->current_.method = http_method_str(http_method(p->method));
    const int query = c->url_.indexOf('?');
    c->current_.path = query < 0 ? c->url_ : c->url_.left(query);
    c->url_.clear();
    c->current_.http10 = p->http_major == 1 && p->http_minor == 0;
    c->http10_ = c->current_.http10;
    c->keepAlive_ = http_should_keep_alive(p) != 0;
    if (p->content_length != ULLONG_MAX && p->content_length > quint64(c->maxBodyBytes_)) {
        c->bodyTooLarge_ = true;
        return -1; // refused before a byte of the body is read
    }
    if (c->current_.header("expect").toLower() == "100-continue")
        c->socket_->write("HTTP/1.1 100 Continue\r\n\r\n");
    return 0;
}

int HttpConnection::onBody(http_parser* p, const char* at, size_t length) {
    HttpConnection* c = self(p);
    if (c->current_.body.size() + qint64(length) >
        c->maxBodyBytes_) { // chunked bodies have no length up front
        c->bodyTooLarge_ = true;
        return -1;
    }
    c->current_.body.append(at, qsizetype(length));
    return 0;
}

int HttpConnection::onMessageComplete(http_parser* p) {
    self(p)->requestComplete_ = true;
    http_parser_pause(p, 1); // one request at a time: the rest stays in the inbox
    return 0;
}

} // namespace sosoik::app::server
