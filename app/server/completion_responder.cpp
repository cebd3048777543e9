#include "server/completion_responder.h"

namespace sosoik::app::server {

CompletionResponder::CompletionResponder(HttpConnection* connection, const CompletionCall& call,
                                         AnswerHeader header, GenerationJobPtr job, QObject* parent)
    : QObject(parent), connection_(connection), stream_(call.stream), includeUsage_(call.includeUsage),
      header_(std::move(header)), job_(std::move(job)) {
    timer_.start();
    GenerationJob* j = job_.get();
    connect(j, &GenerationJob::started, this, &CompletionResponder::onStarted);
    connect(j, &GenerationJob::textGenerated, this, &CompletionResponder::onText);
    connect(j, &GenerationJob::finished, this, &CompletionResponder::onFinished);
    connect(j, &GenerationJob::failed, this, &CompletionResponder::onFailed);
    connect(connection, &HttpConnection::closed, this, &CompletionResponder::onClientGone);
}

CompletionResponder::~CompletionResponder() {
    if (job_ && !job_->isDone()) job_->cancel();
}

void CompletionResponder::cancel() {
    if (job_) job_->cancel();
}

void CompletionResponder::onStarted(const GenerationStats&) {
    if (!stream_ || clientGone_ || !connection_) return;
    // Headers go out only now, so a request that fails before its first token still gets its status code.
    connection_->beginStream(200, "text/event-stream");
    streaming_ = true;
    if (header_.endpoint == Endpoint::Chat) connection_->writeStreamPiece(roleEvent(header_));
}

void CompletionResponder::onText(const QString& text, const GenerationStats& stats) {
    if (clientGone_) return;
    if (stream_ && connection_) {
        connection_->writeStreamPiece(textEvent(header_, text));
        tokensSent_ = stats.generatedTokens;
    } else {
        text_ += text;
    }
}

void CompletionResponder::onFinished(const GenerationStats& stats) {
    if (clientGone_) {
        conclude(0, QStringLiteral(
                        "client disconnected after %1 tokens were sent; generation stopped at %2 tokens (%3)")
                        .arg(tokensSent_)
                        .arg(stats.generatedTokens)
                        .arg(stats.stopReason));
        return;
    }
    const Usage usage{stats.promptTokens, stats.generatedTokens};
    if (stats.stopReason == QLatin1String("cancelled")) { // the server is shutting down
        ApiError e{503,
                   QStringLiteral("The server is shutting down."),
                   QStringLiteral("server_error"),
                   {},
                   QStringLiteral("shutting_down")};
        if (streaming_ && connection_) {
            connection_->writeStreamPiece(errorEvent(e));
            connection_->endStream();
        } else if (connection_) {
            connection_->respond(503, "application/json", errorBody(e));
        }
        conclude(503, QStringLiteral("cancelled at %1 tokens").arg(stats.generatedTokens));
        return;
    }
    const QString finish = finishReason(stats.stopReason);
    if (connection_) {
        if (stream_) {
            if (!streaming_) onStarted(stats); // an empty answer: no token, still a well-formed stream
            connection_->writeStreamPiece(finishEvent(header_, finish));
            if (includeUsage_) connection_->writeStreamPiece(usageEvent(header_, usage));
            connection_->writeStreamPiece(doneEvent());
            connection_->endStream();
        } else {
            connection_->respond(200, "application/json", completionBody(header_, text_, finish, usage));
        }
    }
    conclude(200, QStringLiteral("%1 + %2 tokens (%3)")
                      .arg(stats.promptTokens)
                      .arg(stats.generatedTokens)
                      .arg(stats.stopReason));
}

void CompletionResponder::onFailed(const QString& message) {
    ApiError e;
    e.message = message;
    switch (job_->failure()) {
    case GenerationJob::Failure::PromptTooLong:
        e.status = 400;
        e.code = QStringLiteral("context_length_exceeded");
        break;
    case GenerationJob::Failure::NoModel:
        e.status = 503;
        e.type = QStringLiteral("server_error");
        e.code = QStringLiteral("model_not_loaded");
        break;
    default:
        e.status = 500;
        e.type = QStringLiteral("server_error");
        break;
    }
    if (!clientGone_ && connection_) {
        if (streaming_) {
            connection_->writeStreamPiece(errorEvent(e));
            connection_->writeStreamPiece(doneEvent());
            connection_->endStream();
        } else {
            connection_->respond(e.status, "application/json", errorBody(e));
        }
    }
    conclude(e.status, QStringLiteral("failed: %1").arg(message));
}

void CompletionResponder::onClientGone() {
    if (concluded_ || clientGone_) return;
    clientGone_ = true;
    job_->cancel(); // stops within one token; finished() then reports where
}

void CompletionResponder::conclude(int status, const QString& what) {
    if (concluded_) return;
    concluded_ = true;
    const QString line = QStringLiteral("%1 %2 %3 %4 %5: %6, %7 s")
                             .arg(connection_ ? QString::fromUtf8(connection_->peer()) : QStringLiteral("-"),
                                  header_.endpoint == Endpoint::Chat ? QStringLiteral("/v1/chat/completions")
                                                                     : QStringLiteral("/v1/completions"),
                                  header_.id, stream_ ? QStringLiteral("stream") : QStringLiteral("whole"),
                                  status ? QString::number(status) : QStringLiteral("---"), what)
                             .arg(timer_.elapsed() / 1000.0, 0, 'f', 3);
    emit done(line);
    deleteLater();
}

} // namespace sosoik::app::server
