#pragma once
// OpenAI's HTTP API as Sosoik speaks it: request bodies of /v1/chat/completions and /v1/completions
// checked and turned into a GenerationRequest, and the JSON of answers, stream chunks and errors.
// Pure functions (no sockets, no engine), so every field rule is testable on its own.
#include "inference/generation_types.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <variant>

namespace sosoik::app::server {

// An error in OpenAI's shape: {"error": {"message", "type", "param", "code"}} with an HTTP status.
struct ApiError {
    int status = 400;
    QString message;
    QString type = QStringLiteral("invalid_request_error");
    QString param;
    QString code;
};
QByteArray errorBody(const ApiError& error);

enum class Endpoint { Chat, Completion };

struct CompletionCall {
    Endpoint endpoint = Endpoint::Chat;
    QString model; // as the client named it; empty when it did not
    bool stream = false;
    bool includeUsage = false; // stream_options.include_usage: one more chunk with the token counts
    GenerationRequest request;
};

// Parses and checks a request body; `defaults` fill what the client leaves out.
std::variant<CompletionCall, ApiError> parseCompletionCall(const QByteArray& body, Endpoint endpoint,
                                                           const GenerationSettings& defaults);

// OpenAI's finish_reason for the engine's stop reason: "stop" or "length".
QString finishReason(const QString& stopReason);

// One model as /v1/models lists it.
QJsonObject modelObject(const QString& id, qint64 created, int contextLength = 0);

struct Usage {
    int promptTokens = 0;
    int completionTokens = 0;
};
QJsonObject usageObject(const Usage& usage);

// Identity of one answer, repeated in each of its chunks.
struct AnswerHeader {
    Endpoint endpoint = Endpoint::Chat;
    QString id;
    qint64 created = 0;
    QString model;
};

// The whole answer (stream: false).
QByteArray completionBody(const AnswerHeader& header, const QString& text, const QString& finish,
                          const Usage& usage);

// Server-sent events, each "data: <json>\n\n". The first chat chunk carries the role; text chunks carry
// the new text; the last carries finish_reason (and, when asked, a usage chunk follows); then [DONE].
QByteArray roleEvent(const AnswerHeader& header);
QByteArray textEvent(const AnswerHeader& header, const QString& text);
QByteArray finishEvent(const AnswerHeader& header, const QString& finish);
QByteArray usageEvent(const AnswerHeader& header, const Usage& usage);
QByteArray errorEvent(const ApiError& error);
QByteArray doneEvent();

} // namespace sosoik::app::server
