// `sosoik-cli serve` under abuse: a client leaving mid-stream, 20 at once, a 10 MB body, broken HTTP,
// keys, unsafe binds, shutdown. Everything through a plain HTTP client and the server's own log.
#include "support/http_test_client.h"
#include "support/serve_process.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include <thread>
#include <vector>

using namespace sosoik::test;

namespace {

QByteArray chat(const QString& text, int maxTokens, bool stream) {
    return QJsonDocument(
               QJsonObject{{"messages", QJsonArray{QJsonObject{{"role", "user"}, {"content", text}}}},
                           {"max_tokens", maxTokens},
                           {"temperature", 0},
                           {"stream", stream}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestServeRobustness : public QObject {
    Q_OBJECT
    ServeProcess server_;

    bool healthy() {
        HttpTestClient client(server_.port());
        return client.connect() && client.request("GET", "/health").status == 200;
    }

private slots:
    void initTestCase() { QVERIFY2(server_.start(), qPrintable(server_.why())); }

    void disconnectMidStreamStopsGeneration() {
        HttpTestClient client(server_.port());
        QVERIFY(client.connect());
        client.send(HttpTestClient::requestBytes("POST", "/v1/chat/completions",
                                                 chat("Tell me a long story.", 400, true)));
        // Three pieces of text have arrived: the generation is running. Then the client vanishes.
        const bool running =
            client.waitForCount("\"content\":\"", 4); // the role event's empty content, then 3 pieces
        if (client.buffered().contains("[DONE]"))
            QSKIP("the model finished its answer before the client could leave (stories260K does not)");
        QVERIFY(running);
        client.socket().abort();
        const auto line = server_.waitForLog(
            QRegularExpression(QStringLiteral("client disconnected after (\\d+) tokens were sent; generation "
                                              "stopped at (\\d+) tokens \\((\\w+)\\)")));
        QVERIFY2(line.hasMatch(), qPrintable(server_.stderrText()));
        const int sent = line.captured(1).toInt();
        const int stopped = line.captured(2).toInt();
        QCOMPARE(line.captured(3), QStringLiteral("cancelled"));
        QVERIFY(sent >= 3);
        // Within a token: the one being decoded when the server noticed, and at most one whose text was
        // still on its way to the server's thread.
        QVERIFY2(stopped <= sent + 2,
                 qPrintable(QStringLiteral("sent %1, stopped at %2").arg(sent).arg(stopped)));
        QVERIFY(stopped < 400);
        QVERIFY(healthy());
    }

    void twentyClientsAtOnce() {
        constexpr int kClients = 20;
        std::vector<HttpReply> replies(kClients);
        std::vector<std::thread> threads;
        for (int i = 0; i < kClients; ++i)
            threads.emplace_back([this, i, &replies] {
                HttpTestClient client(server_.port());
                if (client.connect())
                    replies[size_t(i)] =
                        client.request("POST", "/v1/chat/completions", chat("Hello!", 8, false));
            });
        for (auto& t : threads)
            t.join();
        QString first;
        QList<int> seqs;
        for (const HttpReply& r : replies) {
            QCOMPARE(r.status, 200);
            const QJsonObject o = r.json();
            const QString text = o.value("choices")
                                     .toArray()
                                     .at(0)
                                     .toObject()
                                     .value("message")
                                     .toObject()
                                     .value("content")
                                     .toString();
            if (first.isEmpty()) first = text;
            QCOMPARE(text, first); // greedy: every client got the same, complete answer
            seqs << o.value("id").toString().section('-', 1, 1).toInt();
        }
        std::sort(seqs.begin(), seqs.end());
        for (int i = 1; i < kClients; ++i)
            QCOMPARE(seqs[i], seqs[i - 1] + 1); // none lost, none doubled
        // Answered in the order they were taken: the server's log lists them by ascending id.
        QVERIFY(server_.waitForLog(QRegularExpression(QStringLiteral("chatcmpl-%1-").arg(seqs.last())))
                    .hasMatch());
        const QString log = server_.stderrText();
        QRegularExpressionMatchIterator it =
            QRegularExpression(QStringLiteral("chatcmpl-(\\d+)-")).globalMatch(log);
        QList<int> logged;
        while (it.hasNext()) {
            const int seq = it.next().captured(1).toInt();
            if (seq >= seqs.first()) logged << seq;
        }
        QCOMPARE(logged.size(), kClients);
        QVERIFY2(std::is_sorted(logged.begin(), logged.end()), qPrintable(log));
        QVERIFY(healthy());
    }

    void tenMegabyteBodyIsRefused() {
        HttpTestClient client(server_.port());
        QVERIFY(client.connect());
        const QByteArray body =
            "{\"messages\":[{\"role\":\"user\",\"content\":\"" + QByteArray(10 * 1024 * 1024, 'a') + "\"}]}";
        client.send(HttpTestClient::requestBytes("POST", "/v1/chat/completions", body));
        const HttpReply reply = client.read();
        QCOMPARE(reply.status, 413);
        QVERIFY(!reply.json().value("error").toObject().value("message").toString().isEmpty());
        QVERIFY(healthy());
    }

    void brokenHttp() {
        HttpTestClient garbage(server_.port());
        QVERIFY(garbage.connect());
        garbage.send("HELLO THERE\r\n\r\n");
        QCOMPARE(garbage.read().status, 400);
        HttpTestClient badLength(server_.port());
        QVERIFY(badLength.connect());
        badLength.send("POST /v1/completions HTTP/1.1\r\nContent-Length: banana\r\n\r\n");
        QCOMPARE(badLength.read().status, 400);
        // A client that sends half a request and leaves costs nothing.
        HttpTestClient half(server_.port());
        QVERIFY(half.connect());
        half.send("POST /v1/completions HTTP/1.1\r\nContent-Length: 100\r\n\r\n{\"prompt\":");
        half.socket().abort();
        QVERIFY(healthy());
    }

    void apiKeyAndUnsafeBind() {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("SOSOIK_API_KEY", "s3cret-key");
        ServeProcess keyed;
        QVERIFY2(keyed.start({}, env), qPrintable(keyed.why()));
        const auto get = [&](const QList<QPair<QByteArray, QByteArray>>& headers) {
            HttpTestClient client(keyed.port());
            return client.connect() ? client.request("GET", "/v1/models", {}, headers) : HttpReply{};
        };
        QCOMPARE(get({}).status, 401);
        QCOMPARE(get({{"Authorization", "Bearer wrong"}}).status, 401);
        QCOMPARE(get({{"Authorization", "Bearer s3cret-key"}}).status, 200);
        HttpTestClient health(keyed.port());
        QVERIFY(health.connect());
        QCOMPARE(health.request("GET", "/health").status, 200); // health checks need no key
        QCOMPARE(keyed.stop(), 0);
        QVERIFY2(!keyed.stderrText().contains("s3cret-key"), "the key was logged");

        // Every address but loopback needs a key.
        const CliResult open =
            runCli({"serve", "-m", serverTestModel(), "--host", "0.0.0.0", "--port", "0"}, {}, 60000);
        QCOMPARE(open.code, 2);
        QVERIFY2(open.err.contains("api-key"), qPrintable(open.err));
    }

    void cleanupTestCase() { QCOMPARE(server_.stop(), 0); }
};

QTEST_GUILESS_MAIN(TestServeRobustness)
#include "tst_serve_robustness.moc"
