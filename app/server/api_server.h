#pragma once
// Sosoik's OpenAI-compatible HTTP API on the app's own engine worker, shared by `sosoik-cli serve` and
// the app's Settings switch (off by default: nothing listens unless the user turns it on).
//
//   GET  /health                 {"status": "ok" | "no model", "model", "busy", "waiting"} (no key needed)
//   GET  /v1/models[/ID]         the loaded model
//   POST /v1/chat/completions    messages -> answer, whole or streamed as server-sent events
//   POST /v1/completions         prompt -> continuation (no chat template)
//
// Requests queue on the EngineWorker with the app's own requests, in arrival order; more than
// maxWaiting at once are told 503. A key, when set, is required as "Authorization: Bearer KEY"; binding
// to anything but loopback requires one. Requests that carry an Origin header (web pages in a browser)
// are refused, so a page the user visits cannot use the model behind their back.
#include "inference/engine_worker.h"
#include "server/http_server.h"

#include <QHostAddress>
#include <QObject>
#include <QSet>

namespace sosoik::app::server {

class CompletionResponder;
struct HttpRequest;

struct ServerOptions {
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8080;
    QString apiKey;              // empty: none
    GenerationSettings defaults; // sampling and context for what requests leave out
    int maxWaiting = 32;
    HttpServer::Limits limits;
};

class ApiServer : public QObject {
    Q_OBJECT
public:
    ApiServer(EngineWorker* worker, ServerOptions options, QObject* parent = nullptr);
    ~ApiServer() override;

    // Starts listening; false with a human message when the port is taken or the options are unsafe.
    bool start(QString* error);
    // Stops listening and cancels what runs; later requests on open connections get 503.
    void stop();
    bool isListening() const;
    quint16 port() const;
    QString url() const; // http://HOST:PORT

    // The model requests are answered with; its id is the file's base name. Empty: none loaded.
    // contextLength (> 0) is listed as max_model_len, as vLLM does, so clients can budget prompts.
    void setModel(const QString& id, int contextLength = 0);
    QString modelId() const { return modelId_; }
    int activeRequests() const { return int(active_.size()); }

signals:
    void activeRequestsChanged(int count); // the UI shows the server as busy while > 0
    void logLine(const QString& line);     // one per request; never contains keys or message text

private:
    void handle(HttpConnection* connection, const HttpRequest& request);
    void handleCompletion(HttpConnection* connection, const HttpRequest& request, bool chat);
    bool authorized(const HttpRequest& request) const;
    void finishOne(CompletionResponder* responder, const QString& line);

    EngineWorker* worker_;
    const ServerOptions options_;
    HttpServer* http_;
    QString modelId_;
    qint64 modelCreated_ = 0;
    int modelContext_ = 0;
    bool stopping_ = false;
    quint64 nextSeq_ = 1;
    QSet<CompletionResponder*> active_;
};

// True for 127.0.0.0/8 and ::1: the only addresses the server binds to without a key.
bool isLoopback(const QHostAddress& address);

} // namespace sosoik::app::server
