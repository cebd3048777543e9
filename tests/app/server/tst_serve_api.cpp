// `sosoik-cli serve` through a plain HTTP client: every endpoint, the exact bytes of a streamed answer,
// and the error shapes (tst_serve_robustness covers disconnects, load, limits and keys).
#include "support/http_test_client.h"
#include "support/serve_process.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace sosoik::test;

namespace {

QByteArray json(const QJsonObject& o) {
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject userChat(const QString& text, int maxTokens, bool stream = false) {
    return {{"messages", QJsonArray{QJsonObject{{"role", "user"}, {"content", text}}}},
            {"max_tokens", maxTokens},
            {"temperature", 0},
            {"stream", stream}};
}

// The events of an SSE body, checked to be exactly "data: ...\n\n" each.
QList<QByteArray> sseEvents(const QByteArray& body) {
    QList<QByteArray> events;
    int at = 0;
    while (at < body.size()) {
        const int end = body.indexOf("\n\n", at);
        if (end < 0 || !body.mid(at).startsWith("data: ")) return {};
        events.append(body.mid(at + 6, end - at - 6));
        at = end + 2;
    }
    return events;
}

} // namespace

class TestServeApi : public QObject {
    Q_OBJECT
    ServeProcess server_;
    QString model_;

    HttpReply call(const QByteArray& method, const QByteArray& path, const QByteArray& body = {},
                   const QList<QPair<QByteArray, QByteArray>>& headers = {}) {
        HttpTestClient client(server_.port());
        if (!client.connect()) return {};
        return client.request(method, path, body, headers);
    }
    void expectError(const HttpReply& reply, int status, const QString& param = {}) {
        QCOMPARE(reply.status, status);
        QCOMPARE(reply.header("content-type"), QByteArray("application/json"));
        const QJsonObject error = reply.json().value("error").toObject();
        QVERIFY2(!error.value("message").toString().isEmpty(), reply.body.constData());
        QVERIFY(error.contains("type"));
        if (!param.isEmpty()) QCOMPARE(error.value("param").toString(), param);
    }

private slots:
    void initTestCase() {
        QVERIFY2(server_.start(), qPrintable(server_.why()));
        model_ = QFileInfo(serverTestModel()).completeBaseName();
    }

    void health() {
        const HttpReply reply = call("GET", "/health");
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value("status").toString(), QStringLiteral("ok"));
        QCOMPARE(reply.json().value("model").toString(), model_);
    }

    void models() {
        HttpReply reply = call("GET", "/v1/models");
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value("object").toString(), QStringLiteral("list"));
        const QJsonArray data = reply.json().value("data").toArray();
        QCOMPARE(data.size(), 1);
        QCOMPARE(data[0].toObject().value("id").toString(), model_);
        QCOMPARE(data[0].toObject().value("object").toString(), QStringLiteral("model"));
        reply = call("GET", "/v1/models/" + model_.toUtf8());
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value("id").toString(), model_);
        expectError(call("GET", "/v1/models/gpt-4o"), 404);
    }

    void chatWholeAndStreamedAgree() {
        const HttpReply whole = call("POST", "/v1/chat/completions", json(userChat("Tell me a story.", 24)));
        QCOMPARE(whole.status, 200);
        const QJsonObject o = whole.json();
        QCOMPARE(o.value("object").toString(), QStringLiteral("chat.completion"));
        QCOMPARE(o.value("model").toString(), model_);
        QVERIFY(o.value("id").toString().startsWith("chatcmpl-"));
        const QJsonObject choice = o.value("choices").toArray().at(0).toObject();
        QCOMPARE(choice.value("message").toObject().value("role").toString(), QStringLiteral("assistant"));
        const QString text = choice.value("message").toObject().value("content").toString();
        QVERIFY(!text.isEmpty());
        const QJsonObject usage = o.value("usage").toObject();
        const int completion = usage.value("completion_tokens").toInt();
        QVERIFY(completion > 0 && completion <= 24);
        QVERIFY(usage.value("prompt_tokens").toInt() > 0);
        QCOMPARE(usage.value("total_tokens").toInt(), usage.value("prompt_tokens").toInt() + completion);
        QCOMPARE(choice.value("finish_reason").toString(),
                 completion == 24 ? QStringLiteral("length") : QStringLiteral("stop"));

        // The same request streamed: byte-exact framing, and the same text (greedy).
        QJsonObject streamed = userChat("Tell me a story.", 24, true);
        streamed.insert("stream_options", QJsonObject{{"include_usage", true}});
        const HttpReply sse = call("POST", "/v1/chat/completions", json(streamed));
        QCOMPARE(sse.statusLine, QByteArray("HTTP/1.1 200 OK"));
        QCOMPARE(sse.header("content-type"), QByteArray("text/event-stream"));
        QCOMPARE(sse.header("transfer-encoding"), QByteArray("chunked"));
        QCOMPARE(sse.header("cache-control"), QByteArray("no-cache"));
        QVERIFY(sse.rawBody.endsWith("0\r\n\r\n"));
        QVERIFY(sse.body.endsWith("\n\ndata: [DONE]\n\n"));
        const QList<QByteArray> events = sseEvents(sse.body);
        QVERIFY2(events.size() >= 5, sse.body.constData()); // role, text..., finish, usage, [DONE]
        QCOMPARE(events.last(), QByteArray("[DONE]"));
        QString joined;
        QString id;
        for (int i = 0; i < events.size() - 1; ++i) {
            const QJsonObject chunk = QJsonDocument::fromJson(events[i]).object();
            QCOMPARE(chunk.value("object").toString(), QStringLiteral("chat.completion.chunk"));
            if (i == 0) id = chunk.value("id").toString();
            QCOMPARE(chunk.value("id").toString(), id);
            const QJsonArray choices = chunk.value("choices").toArray();
            if (i == events.size() - 2) { // the usage chunk
                QVERIFY(choices.isEmpty());
                QCOMPARE(chunk.value("usage").toObject(), usage);
                continue;
            }
            const QJsonObject c = choices.at(0).toObject();
            const QJsonObject delta = c.value("delta").toObject();
            if (i == 0) {
                QCOMPARE(delta.value("role").toString(), QStringLiteral("assistant"));
                QVERIFY(c.value("finish_reason").isNull());
            } else if (i == events.size() - 3) {
                QVERIFY(delta.isEmpty());
                QCOMPARE(c.value("finish_reason").toString(), choice.value("finish_reason").toString());
            } else {
                QVERIFY(c.value("finish_reason").isNull());
                QVERIFY(delta.contains("content"));
                joined += delta.value("content").toString();
            }
        }
        QCOMPARE(joined, text);
    }

    void completions() {
        const QJsonObject request{
            {"prompt", "Once upon a time"}, {"max_tokens", 12}, {"temperature", 0}, {"model", model_}};
        const HttpReply whole = call("POST", "/v1/completions", json(request));
        QCOMPARE(whole.status, 200);
        QCOMPARE(whole.json().value("object").toString(), QStringLiteral("text_completion"));
        const QString text =
            whole.json().value("choices").toArray().at(0).toObject().value("text").toString();
        QVERIFY(!text.isEmpty());
        const int tokens = whole.json().value("usage").toObject().value("completion_tokens").toInt();
        QVERIFY2(tokens > 0 && tokens <= 12, whole.body.constData());
        const QString finish =
            whole.json().value("choices").toArray().at(0).toObject().value("finish_reason").toString();
        QCOMPARE(finish, tokens == 12 ? QStringLiteral("length") : QStringLiteral("stop"));

        QJsonObject streamed = request;
        streamed.insert("stream", true);
        const HttpReply sse = call("POST", "/v1/completions", json(streamed));
        QCOMPARE(sse.status, 200);
        const QList<QByteArray> events = sseEvents(sse.body);
        QVERIFY(events.size() >= 3);
        QCOMPARE(events.last(), QByteArray("[DONE]"));
        QString joined;
        for (int i = 0; i < events.size() - 1; ++i)
            joined += QJsonDocument::fromJson(events[i])
                          .object()
                          .value("choices")
                          .toArray()
                          .at(0)
                          .toObject()
                          .value("text")
                          .toString();
        QCOMPARE(joined, text);
        const QJsonObject last = QJsonDocument::fromJson(events[events.size() - 2]).object();
        QCOMPARE(last.value("choices").toArray().at(0).toObject().value("finish_reason").toString(), finish);
    }

    void stopStringsSeedAndMaxTokens() {
        // Greedy text, then the same request stopped at a piece from its middle: it ends just before it.
        QJsonObject request = userChat("Tell me a story.", 40);
        const auto answerOf = [&](const QJsonObject& r) {
            return call("POST", "/v1/chat/completions", json(r))
                .json()
                .value("choices")
                .toArray()
                .at(0)
                .toObject();
        };
        const QString full = answerOf(request).value("message").toObject().value("content").toString();
        QVERIFY2(full.trimmed().size() >= 6, qPrintable(full));
        const QString stop = full.trimmed().mid(full.trimmed().size() / 2, 2);
        request.insert("stop", QJsonArray{stop, "never-generated-1", "never-generated-2"});
        const QJsonObject choice = answerOf(request);
        QCOMPARE(choice.value("message").toObject().value("content").toString(),
                 full.left(full.indexOf(stop)));
        QCOMPARE(choice.value("finish_reason").toString(), QStringLiteral("stop"));

        // Sampling with a seed repeats itself; the seed matters.
        QJsonObject seeded = userChat("Tell me a story.", 30);
        seeded.insert("temperature", 1.0);
        seeded.insert("seed", 42);
        const auto textOf = [&](const QJsonObject& r) {
            return answerOf(r).value("message").toObject().value("content").toString();
        };
        const QString a = textOf(seeded);
        QCOMPARE(textOf(seeded), a);
        QStringList others;
        for (int seed : {1, 2, 3}) {
            seeded.insert("seed", seed);
            others << textOf(seeded);
        }
        QVERIFY2(others.count(a) < 3, "different seeds gave the same text every time");
    }

    void badRequests() {
        expectError(call("POST", "/v1/chat/completions", "{\"messages\": [}"), 400);
        expectError(call("POST", "/v1/chat/completions", "[1, 2]"), 400);
        const QJsonArray hi{QJsonObject{{"role", "user"}, {"content", "hi"}}};
        const struct {
            QJsonObject body;
            QString param;
        } wrong[] = {
            {{{"messages", "hi"}}, "messages"},
            {{{"messages", QJsonArray{}}}, "messages"},
            {{}, "messages"},
            {{{"messages", QJsonArray{QJsonObject{{"role", "wizard"}, {"content", "hi"}}}}},
             "messages[0].role"},
            {{{"messages", QJsonArray{QJsonObject{{"role", "user"}, {"content", 5}}}}},
             "messages[0].content"},
            {{{"messages", hi}, {"temperature", "hot"}}, "temperature"},
            {{{"messages", hi}, {"temperature", 3}}, "temperature"},
            {{{"messages", hi}, {"top_p", 0}}, "top_p"},
            {{{"messages", hi}, {"max_tokens", 1.5}}, "max_tokens"},
            {{{"messages", hi}, {"max_tokens", 0}}, "max_tokens"},
            {{{"messages", hi}, {"stream", "yes"}}, "stream"},
            {{{"messages", hi}, {"stop", 5}}, "stop"},
            {{{"messages", hi}, {"seed", "x"}}, "seed"},
            {{{"messages", hi}, {"n", 2}}, "n"},
            {{{"messages", hi}, {"model", 7}}, "model"},
        };
        for (const auto& w : wrong)
            expectError(call("POST", "/v1/chat/completions", json(w.body)), 400, w.param);
        expectError(call("POST", "/v1/completions", json({{"prompt", QJsonArray{1, 2}}})), 400, "prompt");
        expectError(call("POST", "/v1/completions", json({{"prompt", ""}})), 400);

        const HttpReply unknown =
            call("POST", "/v1/chat/completions", json({{"model", "gpt-4o"}, {"messages", hi}}));
        expectError(unknown, 404, "model");
        QCOMPARE(unknown.json().value("error").toObject().value("code").toString(),
                 QStringLiteral("model_not_found"));
        expectError(call("GET", "/v1/chat/completions"), 405);
        expectError(call("GET", "/v1/embeddings"), 404);
        // A web page's request (it carries an Origin) is refused before anything runs.
        expectError(
            call("POST", "/v1/chat/completions", json(userChat("hi", 4)), {{"Origin", "http://example.com"}}),
            403);

        // The prompt does not fit the context: 400 with OpenAI's code, not a broken stream.
        QString huge;
        for (int i = 0; i < 3000; ++i)
            huge += QStringLiteral("word%1 ").arg(i);
        const HttpReply tooLong = call("POST", "/v1/chat/completions", json(userChat(huge, 8, true)));
        expectError(tooLong, 400);
        QCOMPARE(tooLong.json().value("error").toObject().value("code").toString(),
                 QStringLiteral("context_length_exceeded"));
    }

    void keepAliveAndPipelining() {
        // Two requests written back to back on one connection are answered in order on it.
        HttpTestClient client(server_.port());
        QVERIFY(client.connect());
        client.send(HttpTestClient::requestBytes("GET", "/health") +
                    HttpTestClient::requestBytes("POST", "/v1/completions",
                                                 json({{"prompt", "Once"}, {"max_tokens", 3}})));
        QCOMPARE(client.read().json().value("status").toString(), QStringLiteral("ok"));
        const HttpReply second = client.read();
        QCOMPARE(second.status, 200);
        QCOMPARE(second.header("connection"), QByteArray("keep-alive"));
        const int tokens = second.json().value("usage").toObject().value("completion_tokens").toInt();
        QVERIFY(tokens > 0 && tokens <= 3);
    }

    void cleanupTestCase() {
        QCOMPARE(server_.stop(), 0); // SIGTERM: a clean exit
    }
};

QTEST_GUILESS_MAIN(TestServeApi)
#include "tst_serve_api.moc"
