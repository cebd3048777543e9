#include "server/api_server.h"

#include "server/completion_responder.h"
#include "server/openai_protocol.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

namespace sosoik::app::server {
namespace {

const QList<QPair<QByteArray, QByteArray>> kNoHeaders;

void sendError(HttpConnection* connection, const ApiError& error,
               const QList<QPair<QByteArray, QByteArray>>& headers = kNoHeaders) {
    connection->respond(error.status, "application/json", errorBody(error), headers);
}

ApiError error(int status, const QString& message, const QString& code, const QString& type = {}) {
    ApiError e;
    e.status = status;
    e.message = message;
    e.code = code;
    if (!type.isEmpty()) e.type = type;
    return e;
}

// Comparing hashes keeps the time a guess takes independent of how much of the key it got right.
bool sameSecret(const QByteArray& a, const QByteArray& b) {
    const QByteArray ha = QCryptographicHash::hash(a, QCryptographicHash::Sha256);
    const QByteArray hb = QCryptographicHash::hash(b, QCryptographicHash::Sha256);
    unsigned char diff = 0;
    for (int i = 0; i < ha.size(); ++i)
        diff |= static_cast<unsigned char>(ha[i] ^ hb[i]);
    return diff == 0;
}

} // namespace

bool isLoopback(const QHostAddress& address) {
    return address.isLoopback();
}

// Answers to API clients stay in English, as OpenAI's do (clients and their logs expect it); what the
// app's Settings shows (start() failures) is translated.
ApiServer::ApiServer(EngineWorker* worker, ServerOptions options, QObject* parent)
    : QObject(parent), worker_(worker), options_(std::move(options)),
      http_(new HttpServer(options_.limits, this)) {
    connect(http_, &HttpServer::requestReceived, this, &ApiServer::handle);
}

ApiServer::~ApiServer() {
    stop();
}

bool ApiServer::start(QString* errorMessage) {
    stopping_ = false;
    if (!isLoopback(options_.address) && options_.apiKey.isEmpty()) {
        if (errorMessage)
            *errorMessage =
                tr("Listening on %1 would let other computers use the model: set an API key first, "
                   "or listen on 127.0.0.1.")
                    .arg(options_.address.toString());
        return false;
    }
    if (!http_->listen(options_.address, options_.port)) {
        if (errorMessage)
            *errorMessage = tr("Could not listen on %1 port %2: %3")
                                .arg(options_.address.toString())
                                .arg(options_.port)
                                .arg(http_->errorString());
        return false;
    }
    return true;
}

void ApiServer::stop() {
    stopping_ = true;
    http_->close();
    const auto active = active_;
    for (CompletionResponder* responder : active)
        responder->cancel();
}

bool ApiServer::isListening() const {
    return http_->isListening();
}

quint16 ApiServer::port() const {
    return http_->port();
}

QString ApiServer::url() const {
    const QString host = options_.address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QStringLiteral("[%1]").arg(options_.address.toString())
                             : options_.address.toString();
    return QStringLiteral("http://%1:%2").arg(host).arg(port());
}

void ApiServer::setModel(const QString& id, int contextLength) {
    modelId_ = id;
    modelContext_ = contextLength;
    modelCreated_ = QDateTime::currentSecsSinceEpoch();
}

bool ApiServer::authorized(const HttpRequest& request) const {
    if (options_.apiKey.isEmpty()) return true;
    const QByteArray given = request.header("authorization");
    if (!given.startsWith("Bearer ")) return false;
    return sameSecret(given.mid(7).trimmed(), options_.apiKey.toUtf8());
}

void ApiServer::handle(HttpConnection* connection, const HttpRequest& request) {
    const QByteArray path =
        request.path.endsWith('/') && request.path.size() > 1 ? request.path.chopped(1) : request.path;
    if (!request.header("origin").isEmpty()) {
        sendError(connection,
                  error(403, QStringLiteral("Requests from web pages in a browser are not accepted."),
                        QStringLiteral("forbidden_origin")));
        emit logLine(QStringLiteral("%1 %2 403: browser origin refused")
                         .arg(QString::fromUtf8(connection->peer()), QString::fromUtf8(path)));
        return;
    }
    if (path == "/health") {
        if (request.method != "GET") {
            sendError(connection,
                      error(405, QStringLiteral("Use GET for %1.").arg(QString::fromUtf8(path)),
                            QStringLiteral("method_not_allowed")),
                      {{"Allow", "GET"}});
            return;
        }
        const bool ready = !modelId_.isEmpty() && !stopping_;
        const QJsonObject health{{QStringLiteral("status"), stopping_ ? QStringLiteral("shutting down")
                                                            : ready   ? QStringLiteral("ok")
                                                                      : QStringLiteral("no model")},
                                 {QStringLiteral("model"), modelId_},
                                 {QStringLiteral("busy"), worker_->isBusy()},
                                 {QStringLiteral("waiting"), activeRequests()}};
        connection->respond(ready ? 200 : 503, "application/json",
                            QJsonDocument(health).toJson(QJsonDocument::Compact) + '\n');
        return;
    }
    if (!authorized(request)) {
        sendError(connection,
                  error(401, QStringLiteral("A valid API key is required (Authorization: Bearer KEY)."),
                        QStringLiteral("invalid_api_key")),
                  {{"WWW-Authenticate", "Bearer"}});
        emit logLine(QStringLiteral("%1 %2 401: missing or wrong key")
                         .arg(QString::fromUtf8(connection->peer()), QString::fromUtf8(path)));
        return;
    }
    const auto needMethod = [&](const char* method) {
        if (request.method == method) return true;
        sendError(connection,
                  error(405,
                        QStringLiteral("Use %1 for %2.").arg(QLatin1String(method), QString::fromUtf8(path)),
                        QStringLiteral("method_not_allowed")),
                  {{"Allow", method}});
        return false;
    };
    if (path == "/v1/models") {
        if (!needMethod("GET")) return;
        QJsonArray data;
        if (!modelId_.isEmpty()) data.append(modelObject(modelId_, modelCreated_, modelContext_));
        const QJsonObject list{{QStringLiteral("object"), QStringLiteral("list")},
                               {QStringLiteral("data"), data}};
        connection->respond(200, "application/json",
                            QJsonDocument(list).toJson(QJsonDocument::Compact) + '\n');
        return;
    }
    if (path.startsWith("/v1/models/")) {
        if (!needMethod("GET")) return;
        const QString id = QString::fromUtf8(QByteArray::fromPercentEncoding(path.mid(11)));
        if (modelId_.isEmpty() || id != modelId_) {
            sendError(connection, error(404, QStringLiteral("The model '%1' does not exist.").arg(id),
                                        QStringLiteral("model_not_found")));
            return;
        }
        connection->respond(200, "application/json",
                            QJsonDocument(modelObject(modelId_, modelCreated_, modelContext_))
                                    .toJson(QJsonDocument::Compact) +
                                '\n');
        return;
    }
    if (path == "/v1/chat/completions" || path == "/v1/completions") {
        if (!needMethod("POST")) return;
        handleCompletion(connection, request, path == "/v1/chat/completions");
        return;
    }
    sendError(
        connection,
        error(404,
              QStringLiteral("There is nothing at %1. This server answers /v1/models, /v1/chat/completions, "
                             "/v1/completions and /health.")
                  .arg(QString::fromUtf8(path)),
              QStringLiteral("not_found")));
}

void ApiServer::handleCompletion(HttpConnection* connection, const HttpRequest& request, bool chat) {
    const QString peer = QString::fromUtf8(connection->peer());
    const auto refuse = [&](const ApiError& e,
                            const QList<QPair<QByteArray, QByteArray>>& headers = kNoHeaders) {
        sendError(connection, e, headers);
        emit logLine(QStringLiteral("%1 %2 %3: %4")
                         .arg(peer, QString::fromUtf8(request.path))
                         .arg(e.status)
                         .arg(e.code));
    };
    if (stopping_)
        return refuse(error(503, QStringLiteral("The server is shutting down."),
                            QStringLiteral("shutting_down"), QStringLiteral("server_error")));
    auto parsed =
        parseCompletionCall(request.body, chat ? Endpoint::Chat : Endpoint::Completion, options_.defaults);
    if (auto* e = std::get_if<ApiError>(&parsed)) return refuse(*e);
    CompletionCall call = std::get<CompletionCall>(std::move(parsed));
    if (modelId_.isEmpty())
        return refuse(error(503, QStringLiteral("No model is loaded yet."),
                            QStringLiteral("model_not_loaded"), QStringLiteral("server_error")));
    if (!call.model.isEmpty() && call.model != modelId_) {
        ApiError e =
            error(404,
                  QStringLiteral(
                      "The model '%1' does not exist; this server answers with '%2' (see GET /v1/models).")
                      .arg(call.model, modelId_),
                  QStringLiteral("model_not_found"));
        e.param = QStringLiteral("model");
        return refuse(e);
    }
    if (activeRequests() >= options_.maxWaiting)
        return refuse(error(503,
                            QStringLiteral("The server is busy: %1 requests are waiting. Try again shortly.")
                                .arg(activeRequests()),
                            QStringLiteral("busy"), QStringLiteral("server_error")),
                      {{"Retry-After", "1"}});
    if (call.endpoint == Endpoint::Completion && call.request.prompt.isEmpty())
        return refuse(
            error(400, QStringLiteral("'prompt' must not be empty."), QStringLiteral("invalid_value")));
    // Without a seed each request samples differently, as clients of OpenAI's API expect.
    if (call.request.seed < 0)
        call.request.seed = qint64(QRandomGenerator::global()->bounded(quint32(0x7fffffff)));

    AnswerHeader header;
    header.endpoint = call.endpoint;
    header.id = QStringLiteral("%1-%2-%3")
                    .arg(chat ? QStringLiteral("chatcmpl") : QStringLiteral("cmpl"))
                    .arg(nextSeq_++)
                    .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    header.created = QDateTime::currentSecsSinceEpoch();
    header.model = modelId_;
    auto* responder =
        new CompletionResponder(connection, call, header, worker_->generate(call.request), this);
    active_.insert(responder);
    connect(responder, &CompletionResponder::done, this,
            [this, responder](const QString& line) { finishOne(responder, line); });
    emit activeRequestsChanged(activeRequests());
}

void ApiServer::finishOne(CompletionResponder* responder, const QString& line) {
    active_.remove(responder);
    emit logLine(line);
    emit activeRequestsChanged(activeRequests());
}

} // namespace sosoik::app::server
