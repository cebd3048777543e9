#include "server/http_server.h"

#include <QTcpServer>
#include <QTcpSocket>

namespace sosoik::app::server {

HttpServer::HttpServer(Limits limits, QObject* parent)
    : QObject(parent), limits_(limits), server_(new QTcpServer(this)) {
    connect(server_, &QTcpServer::newConnection, this, &HttpServer::acceptPending);
}

HttpServer::~HttpServer() = default;

bool HttpServer::listen(const QHostAddress& address, quint16 port) {
    return server_->listen(address, port);
}

void HttpServer::close() {
    server_->close();
}

bool HttpServer::isListening() const {
    return server_->isListening();
}

quint16 HttpServer::port() const {
    return server_->serverPort();
}

QString HttpServer::errorString() const {
    return server_->errorString();
}

int HttpServer::connectionCount() const {
    return int(findChildren<HttpConnection*>(Qt::FindDirectChildrenOnly).size());
}

void HttpServer::acceptPending() {
    while (QTcpSocket* socket = server_->nextPendingConnection()) {
        if (connectionCount() >= limits_.maxConnections) {
            const QByteArray body =
                R"({"error":{"message":"Too many connections; try again shortly.","type":"server_error","param":null,"code":"busy"}})";
            socket->write(
                "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nRetry-After: 1\r\n"
                "Connection: close\r\nContent-Length: " +
                QByteArray::number(body.size()) + "\r\n\r\n" + body);
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            socket->disconnectFromHost();
            continue;
        }
        auto* connection = new HttpConnection(socket, limits_.maxBodyBytes, this);
        connect(
            connection, &HttpConnection::requestReceived, this,
            [this, connection](const HttpRequest& request) { emit requestReceived(connection, request); });
    }
}

} // namespace sosoik::app::server
