#include "remote/http_exchange.h"

#include <QMutexLocker>
#include <QNetworkAccessManager>

namespace sosoik::app::remote {

HttpExchange::Piece HttpExchange::next(int timeoutMs) {
    QMutexLocker lock(&mutex_);
    if (pending_.isEmpty() && !finished_) arrived_.wait(&mutex_, timeoutMs);
    Piece piece;
    piece.data.swap(pending_);
    piece.headers = headers_;
    piece.finished = finished_;
    return piece;
}

int HttpExchange::status() const {
    QMutexLocker lock(&mutex_);
    return status_;
}

QByteArray HttpExchange::contentType() const {
    QMutexLocker lock(&mutex_);
    return contentType_;
}

QNetworkReply::NetworkError HttpExchange::error() const {
    QMutexLocker lock(&mutex_);
    return error_;
}

QString HttpExchange::errorString() const {
    QMutexLocker lock(&mutex_);
    return errorString_;
}

void HttpExchange::abort() {
    QObject* context = nullptr;
    {
        QMutexLocker lock(&mutex_);
        if (finished_) return;
        context = context_;
    }
    // The reply lives on the network thread; it is aborted there. `self` keeps this alive until then.
    QMetaObject::invokeMethod(
        context,
        [self = shared_from_this()] {
            if (self->reply_) self->reply_->abort();
        },
        Qt::QueuedConnection);
}

NetworkThread::NetworkThread() {
    thread_.setObjectName(QStringLiteral("sosoik-remote"));
    context_ = new QObject;
    context_->moveToThread(&thread_);
    thread_.start();
}

NetworkThread::~NetworkThread() {
    // The manager (and any reply still open, which it owns) goes on its own thread.
    QMetaObject::invokeMethod(
        context_,
        [this] {
            delete network_;
            network_ = nullptr;
        },
        Qt::BlockingQueuedConnection);
    thread_.quit();
    thread_.wait();
    delete context_;
}

std::shared_ptr<HttpExchange> NetworkThread::send(const QNetworkRequest& request, const QByteArray& verb,
                                                  const QByteArray& body) {
    auto exchange = std::make_shared<HttpExchange>();
    exchange->context_ = context_;
    QMetaObject::invokeMethod(
        context_,
        [this, exchange, request, verb, body] {
            if (!network_) network_ = new QNetworkAccessManager;
            QNetworkReply* reply = verb == "POST" ? network_->post(request, body) : network_->get(request);
            exchange->reply_ = reply;
            const auto takeHeaders = [exchange, reply] {
                exchange->status_ = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                exchange->contentType_ = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
                exchange->headers_ = exchange->status_ != 0;
            };
            QObject::connect(reply, &QNetworkReply::metaDataChanged, reply, [exchange, takeHeaders] {
                QMutexLocker lock(&exchange->mutex_);
                takeHeaders();
                exchange->arrived_.wakeAll();
            });
            QObject::connect(reply, &QNetworkReply::readyRead, reply, [exchange, reply, takeHeaders] {
                QMutexLocker lock(&exchange->mutex_);
                takeHeaders();
                exchange->pending_ += reply->readAll();
                exchange->arrived_.wakeAll();
            });
            QObject::connect(reply, &QNetworkReply::finished, reply, [exchange, reply, takeHeaders] {
                QMutexLocker lock(&exchange->mutex_);
                takeHeaders();
                if (reply->isOpen()) exchange->pending_ += reply->readAll(); // closed after abort()
                exchange->error_ = reply->error();
                exchange->errorString_ = reply->errorString();
                exchange->finished_ = true;
                exchange->reply_ = nullptr;
                exchange->arrived_.wakeAll();
                reply->deleteLater();
            });
        },
        Qt::QueuedConnection);
    return exchange;
}

} // namespace sosoik::app::remote
