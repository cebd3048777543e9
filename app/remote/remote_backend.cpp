#include "remote/remote_backend.h"

#include "remote/http_exchange.h"
#include "remote/sse_parser.h"
#include "sosoik/error.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <algorithm>

namespace sosoik::app::remote {
namespace {

// A busy server may take a while to start answering (queued behind other users, a long prompt to read);
// silence this long means it is gone.
constexpr int kAnswerTimeoutMs = 120000;
constexpr int kListTimeoutMs = 15000;
constexpr int kCancelPollMs = 20; // how soon cancel() is seen while waiting for the server

[[noreturn]] void fail(const QString& message) {
    throw sosoik::Error(sosoik::Error::Kind::Io, message.toStdString());
}

// What the server said, for a message: its OpenAI-shaped error, else the start of its body.
QString serverWords(const QByteArray& body) {
    const QJsonValue error = QJsonDocument::fromJson(body).object().value(QLatin1String("error"));
    QString words =
        error.isObject() ? error.toObject().value(QLatin1String("message")).toString() : error.toString();
    if (words.isEmpty()) words = QString::fromUtf8(body.left(200)).simplified();
    return words;
}

// The reading of one streamed (or whole) chat completion.
struct Answer {
    int chunks = 0;
    int promptTokens = -1, completionTokens = -1; // the server's usage, when it reports one
    QString finishReason;
    bool done = false; // data: [DONE]
};

} // namespace

QUrl normalizeBaseUrl(const QString& text) {
    QString s = text.trimmed();
    if (!s.contains(QLatin1String("://"))) s.prepend(QLatin1String("http://"));
    while (s.endsWith(QLatin1Char('/')))
        s.chop(1);
    QUrl url(s, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return {};
    url.setQuery(QString());
    url.setFragment(QString());
    if (!url.path().endsWith(QLatin1String("/v1"))) url.setPath(url.path() + QLatin1String("/v1"));
    return url;
}

int estimateTokens(const std::string& text) {
    return int((text.size() + 2) / 3);
}

RemoteBackend::RemoteBackend() = default;
RemoteBackend::~RemoteBackend() = default;

QNetworkRequest RemoteBackend::makeRequest(const QString& endpoint, int timeoutMs) const {
    QUrl url = base_;
    url.setPath(base_.path() + endpoint);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!key_.isEmpty()) request.setRawHeader("Authorization", "Bearer " + key_.toUtf8());
    request.setTransferTimeout(timeoutMs);
    return request;
}

bool RemoteBackend::waitForAll(HttpExchange& exchange, QByteArray* body) {
    for (;;) {
        if (cancelled_.load()) {
            exchange.abort();
            return false;
        }
        HttpExchange::Piece piece = exchange.next(kCancelPollMs);
        *body += piece.data;
        if (piece.finished) return true;
    }
}

void RemoteBackend::throwFailure(const HttpExchange& exchange, const QByteArray& body) const {
    const QString host = base_.authority();
    const int status = exchange.status();
    if (status == 401 || status == 403)
        fail(tr("The server at %1 refused the API key (HTTP %2). Check the key in Settings → Remote engine.")
                 .arg(host)
                 .arg(status));
    if (status == 503)
        fail(tr("The server at %1 is busy or not ready (HTTP 503): %2").arg(host, serverWords(body)));
    if (status >= 400)
        fail(tr("The server at %1 answered HTTP %2: %3").arg(host).arg(status).arg(serverWords(body)));
    switch (exchange.error()) {
    case QNetworkReply::ConnectionRefusedError:
        fail(tr("Nothing answers at %1 (connection refused). Is the server running, and is the address "
                "right?")
                 .arg(host));
    case QNetworkReply::HostNotFoundError:
        fail(tr("The computer %1 was not found. Check the server address.").arg(base_.host()));
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // what Qt reports when the transfer timeout fires
        fail(tr("The server at %1 stopped answering (nothing arrived for too long).").arg(host));
    case QNetworkReply::RemoteHostClosedError:
        fail(tr("The server at %1 closed the connection before its answer was complete.").arg(host));
    case QNetworkReply::SslHandshakeFailedError:
        fail(tr("A secure connection to %1 could not be made: %2").arg(host, exchange.errorString()));
    default:
        fail(tr("Could not reach the server at %1: %2").arg(host, exchange.errorString()));
    }
}

ModelDetails RemoteBackend::load(const LoadRequest& request, const std::function<void(float)>& progress) {
    unload();
    const QUrl base = normalizeBaseUrl(request.remoteUrl);
    if (base.isEmpty())
        throw sosoik::Error(sosoik::Error::Kind::InvalidArgument,
                            tr("'%1' is not a server address (for example http://gpu-box:8000/v1).")
                                .arg(request.remoteUrl)
                                .toStdString());
    base_ = base;
    key_ = request.remoteKey;
    if (!network_) network_ = std::make_unique<NetworkThread>();
    progress(0.1f);
    auto exchange = network_->send(makeRequest(QStringLiteral("/models"), kListTimeoutMs), "GET");
    QByteArray body;
    if (!waitForAll(*exchange, &body)) throw sosoik::Error(sosoik::Error::Kind::Cancelled, "cancelled");
    if (exchange->status() != 200) throwFailure(*exchange, body);
    if (exchange->error() != QNetworkReply::NoError) throwFailure(*exchange, body);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError ||
        !document.object().value(QLatin1String("data")).isArray())
        fail(tr("The server at %1 does not answer like an OpenAI-compatible server (its model list is not "
                "the expected JSON). Check the address: it usually ends in /v1.")
                 .arg(base_.authority()));
    QStringList ids;
    QJsonObject chosen;
    for (const QJsonValue& m : document.object().value(QLatin1String("data")).toArray()) {
        const QString id = m.toObject().value(QLatin1String("id")).toString();
        if (id.isEmpty()) continue;
        ids << id;
        if (id == request.remoteModel || (request.remoteModel.isEmpty() && chosen.isEmpty()))
            chosen = m.toObject();
    }
    if (chosen.isEmpty())
        throw sosoik::Error(
            sosoik::Error::Kind::InvalidModel,
            (ids.isEmpty() ? tr("The server at %1 lists no models.").arg(base_.authority())
                           : tr("The server at %1 has no model '%2'; it has: %3.")
                                 .arg(base_.authority(), request.remoteModel, ids.join(QLatin1String(", "))))
                .toStdString());
    model_ = chosen.value(QLatin1String("id")).toString();
    // vLLM (and sosoik-cli serve) say max_model_len; llama.cpp's server says meta.n_ctx_train.
    serverContext_ = chosen.value(QLatin1String("max_model_len")).toInt();
    if (serverContext_ <= 0)
        serverContext_ =
            chosen.value(QLatin1String("meta")).toObject().value(QLatin1String("n_ctx_train")).toInt();
    loaded_ = true;
    progress(1.f);
    ModelDetails details;
    details.remote = true;
    details.name = model_;
    // The model's own URL (GET-able): conversations remember where they were answered, and its last
    // part is the name answers are labelled with.
    details.path = QStringLiteral("%1/models/%2").arg(base_.toString(), model_);
    details.architecture = QStringLiteral("remote");
    details.backendName = base_.authority();
    details.chatTemplate = QStringLiteral("server");
    details.trainedContext = serverContext_;
    return details;
}

void RemoteBackend::unload() {
    loaded_ = false;
    key_.clear();
    model_.clear();
    serverContext_ = 0;
}

std::vector<int32_t> RemoteBackend::renderChat(const std::vector<sosoik::ChatMessage>& messages) const {
    int tokens = 3; // the assistant turn's opening
    for (const auto& m : messages)
        tokens += 4 + estimateTokens(m.content); // a turn's role markers, about four tokens in most templates
    return std::vector<int32_t>(size_t(tokens), 0);
}

void RemoteBackend::prepareSession(int contextLength) {
    context_ = contextLength > 0 ? contextLength : 4096;
    if (serverContext_ > 0) context_ = std::min(context_, serverContext_);
}

sosoik::GenerateStats RemoteBackend::generate(const std::vector<int32_t>&, const sosoik::GenerateOptions&,
                                              const std::function<bool(const std::string&, int32_t)>&) {
    throw sosoik::Error(sosoik::Error::Kind::InvalidArgument,
                        tr("A remote server answers chat messages only.").toStdString());
}

sosoik::GenerateStats
RemoteBackend::generateChat(const std::vector<sosoik::ChatMessage>& messages,
                            const sosoik::GenerateOptions& options,
                            const std::function<bool(const std::string&, int32_t)>& onText) {
    if (!loaded_) fail(tr("No server is connected."));
    QJsonArray turns;
    for (const auto& m : messages)
        turns.append(QJsonObject{{QStringLiteral("role"), QString::fromStdString(m.role)},
                                 {QStringLiteral("content"), QString::fromStdString(m.content)}});
    QJsonObject request{
        {QStringLiteral("model"), model_},
        {QStringLiteral("messages"), turns},
        {QStringLiteral("stream"), true},
        {QStringLiteral("stream_options"), QJsonObject{{QStringLiteral("include_usage"), true}}},
        {QStringLiteral("temperature"), double(options.sampler.temperature)},
        {QStringLiteral("top_p"), std::clamp(double(options.sampler.topP), 0.0, 1.0)},
        {QStringLiteral("max_tokens"), std::max(1, options.maxNewTokens)}};
    QJsonArray stops; // OpenAI's API takes at most four
    for (const auto& s : options.stopStrings)
        if (stops.size() < 4) stops.append(QString::fromStdString(s));
    if (!stops.isEmpty()) request.insert(QStringLiteral("stop"), stops);
    QNetworkRequest http = makeRequest(QStringLiteral("/chat/completions"), kAnswerTimeoutMs);
    http.setRawHeader("Accept", "text/event-stream");
    auto exchange = network_->send(http, "POST", QJsonDocument(request).toJson(QJsonDocument::Compact));

    sosoik::GenerateStats stats;
    QElapsedTimer sinceFirst, sinceSent; // speed from the first piece; from sending when it all came at once
    sinceSent.start();
    Answer answer;
    // A fast server's whole answer can arrive in one read: then the first piece is no clock to time it by.
    const auto seconds = [&] {
        if (!sinceFirst.isValid()) return 0.0;
        const qint64 ms = sinceFirst.elapsed();
        return (ms >= 10 ? ms : sinceSent.elapsed()) / 1000.0;
    };
    const QString host = base_.authority();
    // Hands one piece of the answer on; false when the caller wants no more.
    const auto deliver = [&](const QString& text) {
        if (text.isEmpty()) return true;
        if (!sinceFirst.isValid()) sinceFirst.start();
        ++answer.chunks; // servers send about one token per chunk; usage corrects it at the end
        return onText(text.toStdString(), -1);
    };
    // One choice/usage object: a streamed chunk (delta) or a whole completion (message).
    const auto read = [&](const QJsonObject& object) {
        if (object.contains(QLatin1String("error")))
            fail(tr("The server at %1 stopped with an error: %2")
                     .arg(host, serverWords(QJsonDocument(object).toJson())));
        const QJsonObject usage = object.value(QLatin1String("usage")).toObject();
        if (!usage.isEmpty()) {
            answer.promptTokens = usage.value(QLatin1String("prompt_tokens")).toInt(-1);
            answer.completionTokens = usage.value(QLatin1String("completion_tokens")).toInt(-1);
        }
        const QJsonValue choices = object.value(QLatin1String("choices"));
        if (!choices.isArray() && usage.isEmpty())
            fail(tr("The server at %1 sent something that is not a chat completion: %2")
                     .arg(host,
                          QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact).left(120))));
        const QJsonObject choice = choices.toArray().at(0).toObject();
        const QString finish = choice.value(QLatin1String("finish_reason")).toString();
        if (!finish.isEmpty()) answer.finishReason = finish;
        const QJsonObject part =
            choice.value(QLatin1String(choice.contains(QLatin1String("delta")) ? "delta" : "message"))
                .toObject();
        return deliver(part.value(QLatin1String("content")).toString());
    };

    SseParser events;
    QByteArray whole; // a server that ignored stream: true answers with one JSON body
    bool streaming = false, stoppedByCaller = false;
    for (;;) {
        if (cancelled_.load() || stoppedByCaller) {
            exchange->abort();
            stats.stopReason = "cancelled";
            stats.generatedTokens = answer.chunks;
            stats.generateSeconds = seconds();
            return stats;
        }
        HttpExchange::Piece piece = exchange->next(kCancelPollMs);
        if (piece.headers && exchange->status() != 200) {
            // An error status: its body says why; wait for all of it.
            QByteArray body = piece.data;
            if (!waitForAll(*exchange, &body)) continue;
            throwFailure(*exchange, body);
        }
        if (piece.headers && !streaming) streaming = exchange->contentType().startsWith("text/event-stream");
        if (!streaming) {
            whole += piece.data;
        } else {
            for (const QByteArray& data : events.feed(piece.data)) {
                if (data == "[DONE]") {
                    answer.done = true;
                    continue;
                }
                QJsonParseError parseError;
                const QJsonDocument chunk = QJsonDocument::fromJson(data, &parseError);
                if (parseError.error != QJsonParseError::NoError || !chunk.isObject())
                    fail(tr("The server at %1 sent a piece of its answer that is not JSON: %2")
                             .arg(host, QString::fromUtf8(data.left(120))));
                if (!read(chunk.object())) stoppedByCaller = true;
            }
        }
        if (!piece.finished || stoppedByCaller) continue;
        if (exchange->error() != QNetworkReply::NoError && !answer.done) throwFailure(*exchange, whole);
        if (!streaming) {
            QJsonParseError parseError;
            const QJsonDocument document = QJsonDocument::fromJson(whole, &parseError);
            if (parseError.error != QJsonParseError::NoError || !document.isObject())
                fail(tr("The server at %1 answered something that is not JSON: %2")
                         .arg(host, QString::fromUtf8(whole.left(120)).simplified()));
            if (!read(document.object())) stoppedByCaller = true;
        } else if (!answer.done && answer.finishReason.isEmpty()) {
            // The connection ended cleanly but the answer did not: the server went away mid-answer.
            fail(tr("The server at %1 closed the connection before its answer was complete.").arg(host));
        }
        break;
    }
    stats.generateSeconds = seconds();
    stats.generatedTokens = answer.completionTokens >= 0 ? answer.completionTokens : answer.chunks;
    stats.promptTokens = std::max(0, answer.promptTokens);
    stats.stopReason = stoppedByCaller                                  ? "cancelled"
                       : answer.finishReason == QLatin1String("length") ? "length"
                                                                        : "eos";
    return stats;
}

} // namespace sosoik::app::remote
