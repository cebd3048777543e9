#include "server/openai_protocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>
#include <limits>

namespace sosoik::app::server {
namespace {

QByteArray compact(const QJsonObject& object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

ApiError badField(const QString& param, const QString& message) {
    ApiError e;
    e.param = param;
    e.message = message;
    e.code = QStringLiteral("invalid_value");
    return e;
}

ApiError wrongType(const QString& param, const QString& expected) {
    ApiError e = badField(param, QStringLiteral("'%1' must be %2.").arg(param, expected));
    e.code = QStringLiteral("invalid_type");
    return e;
}

bool isInteger(const QJsonValue& v) {
    if (!v.isDouble()) return false;
    const double d = v.toDouble();
    return std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.0e15;
}

// A message's content: a string, null (an assistant turn with no text), or text parts.
std::variant<QString, ApiError> messageContent(const QJsonValue& content, int index) {
    const QString param = QStringLiteral("messages[%1].content").arg(index);
    if (content.isString()) return content.toString();
    if (content.isNull() || content.isUndefined()) return QString();
    if (!content.isArray()) return wrongType(param, QStringLiteral("a string or an array of text parts"));
    QString text;
    for (const QJsonValue& part : content.toArray()) {
        const QJsonObject p = part.toObject();
        if (!part.isObject() || p.value(QStringLiteral("type")).toString() != QLatin1String("text") ||
            !p.value(QStringLiteral("text")).isString())
            return badField(param,
                            QStringLiteral("Only text content parts ({\"type\": \"text\", \"text\": ...}) "
                                           "are supported; this model reads no images or audio."));
        text += p.value(QStringLiteral("text")).toString();
    }
    return text;
}

std::variant<QList<ChatTurn>, ApiError> parseMessages(const QJsonValue& value) {
    if (value.isUndefined())
        return badField(QStringLiteral("messages"), QStringLiteral("'messages' is required."));
    if (!value.isArray())
        return wrongType(QStringLiteral("messages"), QStringLiteral("an array of messages"));
    const QJsonArray array = value.toArray();
    if (array.isEmpty())
        return badField(QStringLiteral("messages"),
                        QStringLiteral("'messages' must contain at least one message."));
    QList<ChatTurn> turns;
    for (int i = 0; i < array.size(); ++i) {
        if (!array[i].isObject())
            return wrongType(QStringLiteral("messages[%1]").arg(i),
                             QStringLiteral("an object with role and content"));
        const QJsonObject m = array[i].toObject();
        const QJsonValue role = m.value(QStringLiteral("role"));
        if (!role.isString())
            return wrongType(QStringLiteral("messages[%1].role").arg(i), QStringLiteral("a string"));
        QString r = role.toString();
        if (r == QLatin1String("developer")) r = QStringLiteral("system"); // OpenAI's newer name for it
        if (r != QLatin1String("system") && r != QLatin1String("user") && r != QLatin1String("assistant"))
            return badField(QStringLiteral("messages[%1].role").arg(i),
                            QStringLiteral("Unsupported role '%1': use system, user or assistant.").arg(r));
        auto content = messageContent(m.value(QStringLiteral("content")), i);
        if (auto* e = std::get_if<ApiError>(&content)) return *e;
        turns.append({r, std::get<QString>(content)});
    }
    return turns;
}

std::variant<QString, ApiError> parsePrompt(const QJsonValue& value) {
    const QString param = QStringLiteral("prompt");
    if (value.isUndefined()) return badField(param, QStringLiteral("'prompt' is required."));
    if (value.isString()) return value.toString();
    if (value.isArray() && value.toArray().size() == 1 && value.toArray().first().isString())
        return value.toArray().first().toString();
    if (value.isArray())
        return badField(param, QStringLiteral("'prompt' must be one string (batches and token arrays are not "
                                              "supported)."));
    return wrongType(param, QStringLiteral("a string"));
}

} // namespace

QByteArray errorBody(const ApiError& error) {
    QJsonObject inner{
        {QStringLiteral("message"), error.message},
        {QStringLiteral("type"), error.type},
        {QStringLiteral("param"), error.param.isEmpty() ? QJsonValue() : QJsonValue(error.param)},
        {QStringLiteral("code"), error.code.isEmpty() ? QJsonValue() : QJsonValue(error.code)}};
    return compact(QJsonObject{{QStringLiteral("error"), inner}}) + '\n';
}

std::variant<CompletionCall, ApiError> parseCompletionCall(const QByteArray& body, Endpoint endpoint,
                                                           const GenerationSettings& defaults) {
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        ApiError e;
        e.message = QStringLiteral("The request body is not valid JSON (%1 at byte %2).")
                        .arg(parseError.errorString())
                        .arg(parseError.offset);
        e.code = QStringLiteral("invalid_json");
        return e;
    }
    if (!document.isObject()) {
        ApiError e;
        e.message = QStringLiteral("The request body must be a JSON object.");
        e.code = QStringLiteral("invalid_json");
        return e;
    }
    const QJsonObject o = document.object();
    CompletionCall call;
    call.endpoint = endpoint;
    call.request.settings = defaults;

    if (o.contains(QStringLiteral("model"))) {
        if (!o.value(QStringLiteral("model")).isString())
            return wrongType(QStringLiteral("model"), QStringLiteral("a string"));
        call.model = o.value(QStringLiteral("model")).toString();
    }
    if (endpoint == Endpoint::Chat) {
        auto messages = parseMessages(o.value(QStringLiteral("messages")));
        if (auto* e = std::get_if<ApiError>(&messages)) return *e;
        call.request.messages = std::get<QList<ChatTurn>>(messages);
    } else {
        auto prompt = parsePrompt(o.value(QStringLiteral("prompt")));
        if (auto* e = std::get_if<ApiError>(&prompt)) return *e;
        call.request.rawCompletion = true;
        call.request.prompt = std::get<QString>(prompt);
    }

    const auto present = [&](const char* key) {
        const QJsonValue v = o.value(QLatin1String(key));
        return !v.isUndefined() && !v.isNull(); // OpenAI's clients send null for "not set"
    };
    if (present("stream")) {
        if (!o.value(QStringLiteral("stream")).isBool())
            return wrongType(QStringLiteral("stream"), QStringLiteral("true or false"));
        call.stream = o.value(QStringLiteral("stream")).toBool();
    }
    if (present("stream_options")) {
        const QJsonValue v = o.value(QStringLiteral("stream_options"));
        if (!v.isObject()) return wrongType(QStringLiteral("stream_options"), QStringLiteral("an object"));
        const QJsonValue usage = v.toObject().value(QStringLiteral("include_usage"));
        if (!usage.isUndefined() && !usage.isBool())
            return wrongType(QStringLiteral("stream_options.include_usage"), QStringLiteral("true or false"));
        call.includeUsage = usage.toBool();
    }
    if (present("temperature")) {
        const QJsonValue v = o.value(QStringLiteral("temperature"));
        if (!v.isDouble()) return wrongType(QStringLiteral("temperature"), QStringLiteral("a number"));
        if (v.toDouble() < 0 || v.toDouble() > 2)
            return badField(QStringLiteral("temperature"),
                            QStringLiteral("'temperature' must be between 0 and 2."));
        call.request.settings.temperature = v.toDouble();
    }
    if (present("top_p")) {
        const QJsonValue v = o.value(QStringLiteral("top_p"));
        if (!v.isDouble()) return wrongType(QStringLiteral("top_p"), QStringLiteral("a number"));
        if (v.toDouble() <= 0 || v.toDouble() > 1)
            return badField(QStringLiteral("top_p"),
                            QStringLiteral("'top_p' must be above 0 and at most 1."));
        call.request.settings.topP = v.toDouble();
    }
    if (present("top_k")) { // llama.cpp's extension, accepted the same way
        const QJsonValue v = o.value(QStringLiteral("top_k"));
        if (!isInteger(v) || v.toDouble() < 0)
            return wrongType(QStringLiteral("top_k"), QStringLiteral("a whole number, 0 or more"));
        call.request.settings.topK = v.toInt();
    }
    for (const char* key : {"max_tokens", "max_completion_tokens"}) {
        if (!present(key)) continue;
        const QJsonValue v = o.value(QLatin1String(key));
        if (!isInteger(v)) return wrongType(QLatin1String(key), QStringLiteral("a whole number"));
        if (v.toDouble() < 1)
            return badField(QLatin1String(key),
                            QStringLiteral("'%1' must be at least 1.").arg(QLatin1String(key)));
        call.request.settings.maxNewTokens =
            int(std::min(v.toDouble(), double(std::numeric_limits<int>::max())));
    }
    if (present("n")) {
        const QJsonValue v = o.value(QStringLiteral("n"));
        if (!isInteger(v)) return wrongType(QStringLiteral("n"), QStringLiteral("a whole number"));
        if (v.toInt() != 1)
            return badField(QStringLiteral("n"),
                            QStringLiteral("Only one choice per request (n = 1) is supported."));
    }
    if (present("seed")) {
        const QJsonValue v = o.value(QStringLiteral("seed"));
        if (!isInteger(v)) return wrongType(QStringLiteral("seed"), QStringLiteral("a whole number"));
        // The engine's seed is unsigned; negative seeds are as good as any other, just mapped.
        const qint64 seed = qint64(v.toDouble());
        call.request.seed = seed < 0 ? -(seed + 1) : seed;
    }
    if (present("stop")) {
        const QJsonValue v = o.value(QStringLiteral("stop"));
        if (v.isString()) {
            call.request.stopStrings = {v.toString()};
        } else if (v.isArray()) {
            const QJsonArray a = v.toArray();
            if (a.size() > 4)
                return badField(QStringLiteral("stop"), QStringLiteral("'stop' may hold at most 4 strings."));
            for (const QJsonValue& s : a) {
                if (!s.isString())
                    return wrongType(QStringLiteral("stop"),
                                     QStringLiteral("a string or an array of strings"));
                call.request.stopStrings.append(s.toString());
            }
        } else {
            return wrongType(QStringLiteral("stop"), QStringLiteral("a string or an array of strings"));
        }
    }
    return call;
}

QString finishReason(const QString& stopReason) {
    if (stopReason == QLatin1String("length") || stopReason == QLatin1String("context-full"))
        return QStringLiteral("length");
    return QStringLiteral("stop");
}

QJsonObject modelObject(const QString& id, qint64 created, int contextLength) {
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("object"), QStringLiteral("model")},
                  {QStringLiteral("created"), created},
                  {QStringLiteral("owned_by"), QStringLiteral("sosoik")}};
    if (contextLength > 0) o.insert(QStringLiteral("max_model_len"), contextLength); // vLLM's field
    return o;
}

QJsonObject usageObject(const Usage& usage) {
    return {{QStringLiteral("prompt_tokens"), usage.promptTokens},
            {QStringLiteral("completion_tokens"), usage.completionTokens},
            {QStringLiteral("total_tokens"), usage.promptTokens + usage.completionTokens}};
}

namespace {

QJsonObject envelope(const AnswerHeader& header, bool chunk) {
    const bool chat = header.endpoint == Endpoint::Chat;
    return {{QStringLiteral("id"), header.id},
            {QStringLiteral("object"),
             chat ? (chunk ? QStringLiteral("chat.completion.chunk") : QStringLiteral("chat.completion"))
                  : QStringLiteral("text_completion")},
            {QStringLiteral("created"), header.created},
            {QStringLiteral("model"), header.model}};
}

QByteArray event(const QJsonObject& object) {
    return "data: " + compact(object) + "\n\n";
}

// One streamed choice: a delta for chats, a text piece for completions.
QByteArray choiceEvent(const AnswerHeader& header, const QJsonObject& delta, const QString& text,
                       const QJsonValue& finish) {
    QJsonObject choice{{QStringLiteral("index"), 0},
                       {QStringLiteral("finish_reason"), finish},
                       {QStringLiteral("logprobs"), QJsonValue()}};
    if (header.endpoint == Endpoint::Chat)
        choice.insert(QStringLiteral("delta"), delta);
    else
        choice.insert(QStringLiteral("text"), text);
    QJsonObject o = envelope(header, true);
    o.insert(QStringLiteral("choices"), QJsonArray{choice});
    return event(o);
}

} // namespace

QByteArray completionBody(const AnswerHeader& header, const QString& text, const QString& finish,
                          const Usage& usage) {
    QJsonObject choice{{QStringLiteral("index"), 0},
                       {QStringLiteral("finish_reason"), finish},
                       {QStringLiteral("logprobs"), QJsonValue()}};
    if (header.endpoint == Endpoint::Chat)
        choice.insert(QStringLiteral("message"),
                      QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")},
                                  {QStringLiteral("content"), text}});
    else
        choice.insert(QStringLiteral("text"), text);
    QJsonObject o = envelope(header, false);
    o.insert(QStringLiteral("choices"), QJsonArray{choice});
    o.insert(QStringLiteral("usage"), usageObject(usage));
    return compact(o) + '\n';
}

QByteArray roleEvent(const AnswerHeader& header) {
    return choiceEvent(header,
                       QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")},
                                   {QStringLiteral("content"), QString()}},
                       QString(), QJsonValue());
}

QByteArray textEvent(const AnswerHeader& header, const QString& text) {
    return choiceEvent(header, QJsonObject{{QStringLiteral("content"), text}}, text, QJsonValue());
}

QByteArray finishEvent(const AnswerHeader& header, const QString& finish) {
    return choiceEvent(header, QJsonObject{}, QString(), finish);
}

QByteArray usageEvent(const AnswerHeader& header, const Usage& usage) {
    QJsonObject o = envelope(header, true);
    o.insert(QStringLiteral("choices"), QJsonArray{});
    o.insert(QStringLiteral("usage"), usageObject(usage));
    return event(o);
}

QByteArray errorEvent(const ApiError& error) {
    return "data: " + errorBody(error).trimmed() + "\n\n";
}

QByteArray doneEvent() {
    return "data: [DONE]\n\n";
}

} // namespace sosoik::app::server
