#pragma once
// HTTP requests for the remote engine, run on a network thread of their own so that the engine worker's
// thread never spins a nested event loop: a nested loop there would run the worker's next queued request
// (a tray query, a summary chunk) in the middle of this one. The worker thread blocks in
// HttpExchange::next() instead, a few milliseconds at a time, and hands each piece of the response to the
// caller from its own thread.
//
// The network thread and its QNetworkAccessManager are created by the first request, never before: an app
// that has no remote engine configured has no network thread and opens no connection.
#include <QByteArray>
#include <QMutex>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QString>
#include <QThread>
#include <QWaitCondition>

#include <memory>

class QNetworkAccessManager;

namespace sosoik::app::remote {

// One request's response as it arrives. Shared by the network thread (which fills it) and the caller.
class HttpExchange : public std::enable_shared_from_this<HttpExchange> {
public:
    struct Piece {
        QByteArray data;      // body bytes that arrived since the last call
        bool headers = false; // status and contentType are known
        bool finished = false;
    };
    // Waits up to timeoutMs for more of the response.
    Piece next(int timeoutMs);
    // Stops the request (the connection is closed, which a streaming server takes as a cancel).
    void abort();

    // Valid once next() reported headers or finished.
    int status() const;
    QByteArray contentType() const;
    // After finished: NoError, or why the transfer failed (refused, timed out, closed early, ...).
    QNetworkReply::NetworkError error() const;
    QString errorString() const;

private:
    friend class NetworkThread;
    mutable QMutex mutex_;
    QWaitCondition arrived_;
    QByteArray pending_;
    bool headers_ = false;
    bool finished_ = false;
    int status_ = 0;
    QByteArray contentType_;
    QNetworkReply::NetworkError error_ = QNetworkReply::NoError;
    QString errorString_;
    QObject* context_ = nullptr;     // the network thread's context, for abort()
    QNetworkReply* reply_ = nullptr; // touched on the network thread only
};

class NetworkThread {
public:
    NetworkThread();
    ~NetworkThread(); // aborts what runs and joins the thread

    // Sends the request from the network thread; verb "GET" or "POST".
    std::shared_ptr<HttpExchange> send(const QNetworkRequest& request, const QByteArray& verb,
                                       const QByteArray& body = {});

private:
    QThread thread_;
    QObject* context_ = nullptr;               // lives on thread_
    QNetworkAccessManager* network_ = nullptr; // lives on thread_, deleted with it
};

} // namespace sosoik::app::remote
