// The remote engine's client against a loopback server that misbehaves on demand (support/
// fake_openai_server.h): server-sent events split anywhere, what it sends and with which key, a whole
// JSON answer instead of a stream, 401/500/503, broken JSON, a connection cut mid-answer, nothing
// listening, Stop closing the connection, and a second request waiting its turn instead of running
// inside the first. Every failure must arrive as a sentence, never as a crash or a hang.
#include "remote/remote_backend.h"
#include "remote/sse_parser.h"
#include "support/fake_openai_server.h"
#include "support/worker_run.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

using namespace sosoik;
using namespace sosoik::app;
using test::FakeOpenAiServer;

namespace {

std::unique_ptr<EngineWorker> remoteWorker() {
    return std::make_unique<EngineWorker>(std::make_unique<remote::RemoteBackend>());
}

// Writes the parts one after another, `gapMs` apart (each its own TCP segment), then runs `last`.
void writeSlowly(QTcpSocket* socket, QList<QByteArray> parts, int gapMs, std::function<void()> last = {}) {
    if (parts.isEmpty()) {
        if (last) last();
        return;
    }
    QPointer<QTcpSocket> alive(socket);
    socket->write(parts.takeFirst());
    socket->flush();
    QTimer::singleShot(gapMs, socket, [alive, parts, gapMs, last] {
        if (alive) writeSlowly(alive, parts, gapMs, last);
    });
}

// A whole HTTP response with a correct Content-Length.
QByteArray http(const QByteArray& status, const QByteArray& body) {
    return "HTTP/1.1 " + status +
           "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
           "\r\n\r\n" + body;
}

} // namespace

class TestRemoteProtocol : public QObject {
    Q_OBJECT

private slots:
    void sseParserFollowsTheFormat() {
        remote::SseParser parser;
        const QByteArray stream =
            ": keep-alive\r\n\r\ndata: {\"a\":1}\r\n\r\nevent: x\ndata:two\ndata: lines\n\n"
            "data: [DONE]\r\rdata: {\"cut\"";
        QList<QByteArray> events;
        for (const char c : stream) // one byte at a time: splits land everywhere
            events += parser.feed(QByteArray(1, c));
        QCOMPARE(events, (QList<QByteArray>{"{\"a\":1}", "two\nlines", "[DONE]"}));
        QVERIFY(parser.hasPartialEvent());
        QCOMPARE(parser.feed("}\n\n"), QList<QByteArray>{"{\"cut\"}"});
        QVERIFY(!parser.hasPartialEvent());
    }

    void addressesAreNormalized() {
        QCOMPARE(remote::normalizeBaseUrl("gpu-box:8000/").toString(),
                 QStringLiteral("http://gpu-box:8000/v1"));
        QCOMPARE(remote::normalizeBaseUrl(" https://api.example.com/v1/ ").toString(),
                 QStringLiteral("https://api.example.com/v1"));
        QCOMPARE(remote::normalizeBaseUrl("http://10.0.0.5:8080/openai").toString(),
                 QStringLiteral("http://10.0.0.5:8080/openai/v1"));
        QVERIFY(remote::normalizeBaseUrl("ftp://example.com").isEmpty());
        QVERIFY(remote::normalizeBaseUrl("").isEmpty());
        QVERIFY(remote::normalizeBaseUrl("http://").isEmpty());
    }

    void streamsPiecesAsTheyArrive() {
        FakeOpenAiServer server;
        server.setHandler([](const test::FakeRequest&, QTcpSocket* socket) {
            FakeOpenAiServer::startEvents(socket);
            const QByteArray hello = FakeOpenAiServer::chunk("Hel");
            writeSlowly(
                socket,
                {"data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"}}]}\n\n", hello.left(20),
                 hello.mid(20), // an event split across two segments
                 FakeOpenAiServer::chunk("lo, "), FakeOpenAiServer::chunk("안녕"),
                 "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n",
                 "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":7}}\n\n",
                 "data: [DONE]\n\n"},
                20, [socket] { socket->disconnectFromHost(); });
        });
        auto worker = remoteWorker();
        ModelDetails details;
        QCOMPARE(test::loadModel(*worker, test::remoteRequest(server.url(), {}, "k1"), &details), QString());
        QVERIFY(details.remote);
        QCOMPARE(details.name, QStringLiteral("fake-model"));
        QCOMPARE(details.trainedContext, 2048);
        QCOMPARE(details.path, server.url() + "/models/fake-model");

        GenerationRequest request = test::chatRequest(QStringLiteral("Say hello"), 33, 0.5);
        request.messages.prepend({QStringLiteral("system"), QStringLiteral("Be brief.")});
        const test::WorkerAnswer answer = test::runToEnd(*worker, request);
        QVERIFY2(answer.error.isEmpty(), qPrintable(answer.error));
        QCOMPARE(answer.pieces, (QStringList{"Hel", "lo, ", "안녕"}));
        QCOMPARE(answer.stats.generatedTokens, 7); // the server's usage, not the piece count
        QCOMPARE(answer.stats.promptTokens, 11);
        QCOMPARE(answer.stats.stopReason, QStringLiteral("eos"));

        // What went over the wire: the key, the model, the turns and the sampling settings.
        QCOMPARE(server.requests.size(), 2);
        const test::FakeRequest& sent = server.requests[1];
        QCOMPARE(sent.method, QByteArray("POST"));
        QCOMPARE(sent.path, QByteArray("/v1/chat/completions"));
        QCOMPARE(sent.header("authorization"), QByteArray("Bearer k1"));
        QCOMPARE(server.requests[0].header("authorization"), QByteArray("Bearer k1"));
        const QJsonObject body = QJsonDocument::fromJson(sent.body).object();
        QCOMPARE(body.value("model").toString(), QStringLiteral("fake-model"));
        QCOMPARE(body.value("stream").toBool(), true);
        QCOMPARE(body.value("max_tokens").toInt(), 33);
        QCOMPARE(body.value("temperature").toDouble(), 0.5);
        const QJsonArray turns = body.value("messages").toArray();
        QCOMPARE(turns.size(), 2);
        QCOMPARE(turns[0].toObject().value("content").toString(), QStringLiteral("Be brief."));
        QCOMPARE(turns[1].toObject().value("role").toString(), QStringLiteral("user"));
        QCOMPARE(turns[1].toObject().value("content").toString(), QStringLiteral("Say hello"));
    }

    void acceptsAWholeAnswer() { // a server that ignores stream: true
        FakeOpenAiServer server;
        server.setHandler([](const test::FakeRequest&, QTcpSocket* socket) {
            FakeOpenAiServer::reply(
                socket, 200, "application/json",
                "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                "\"All at once.\"},\"finish_reason\":\"length\"}],"
                "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":3}}");
        });
        auto worker = remoteWorker();
        QCOMPARE(test::loadModel(*worker, test::remoteRequest(server.url())), QString());
        const test::WorkerAnswer answer = test::runToEnd(*worker, test::chatRequest("Hi", 3));
        QVERIFY2(answer.error.isEmpty(), qPrintable(answer.error));
        QCOMPARE(answer.text(), QStringLiteral("All at once."));
        QCOMPARE(answer.stats.generatedTokens, 3);
        QCOMPARE(answer.stats.stopReason, QStringLiteral("length"));
    }

    void failuresAreSentences_data() {
        QTest::addColumn<QByteArray>("response");
        QTest::addColumn<QString>("expected");
        QTest::newRow("401") << http("401 Unauthorized", "{\"error\":{\"message\":\"bad key\",\"code\":401}}")
                             << "refused the API key (HTTP 401)";
        QTest::newRow("500") << http("500 Oops", "{\"error\":{\"message\":\"CUDA out of memory\"}}")
                             << "answered HTTP 500: CUDA out of memory";
        QTest::newRow("503") << http("503 Busy", "too busy.") << "busy or not ready (HTTP 503): too busy.";
        QTest::newRow("not JSON") << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                                                "Connection: close\r\n\r\ndata: {\"choices\": [oops\n\n")
                                  << "not JSON: {\"choices\": [oops";
        QTest::newRow("not a completion")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                          "Connection: close\r\n\r\ndata: {\"hello\": 1}\n\n")
            << "not a chat completion";
        QTest::newRow("cut mid-answer")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n") +
                   FakeOpenAiServer::chunk("Once upon")
            << "closed the connection before its answer was complete";
        QTest::newRow("cut mid-chunk")
            << QByteArray(
                   "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                   "3c\r\ndata: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Once\"}}]}\n\n")
            << "closed the connection before its answer was complete";
        QTest::newRow("error event")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n"
                          "data: {\"error\":{\"message\":\"the engine failed\"}}\n\n")
            << "stopped with an error: the engine failed";
    }

    void failuresAreSentences() {
        QFETCH(QByteArray, response);
        QFETCH(QString, expected);
        FakeOpenAiServer server;
        server.setHandler([response](const test::FakeRequest&, QTcpSocket* socket) {
            socket->write(response);
            socket->flush();
            socket->disconnectFromHost();
        });
        auto worker = remoteWorker();
        QCOMPARE(test::loadModel(*worker, test::remoteRequest(server.url(), {}, "secret-key-123")),
                 QString());
        const test::WorkerAnswer answer = test::runToEnd(*worker, test::chatRequest("Hi", 8), -1, 30000);
        QVERIFY2(answer.error.contains(expected), qPrintable(answer.error));
        QVERIFY(answer.error.contains(QStringLiteral("127.0.0.1:%1").arg(server.port())));
        QVERIFY(!answer.error.contains("secret-key-123"));
        // The worker goes on: the next request is answered.
        server.setHandler([](const test::FakeRequest&, QTcpSocket* socket) {
            FakeOpenAiServer::startEvents(socket);
            socket->write(FakeOpenAiServer::chunk("fine") + "data: [DONE]\n\n");
            socket->disconnectFromHost();
        });
        QCOMPARE(test::runToEnd(*worker, test::chatRequest("Hi", 8), -1, 30000).text(),
                 QStringLiteral("fine"));
    }

    void loadFailuresAreSentences() {
        auto worker = remoteWorker();
        QTcpServer closed; // a port where nothing listens
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 deadPort = closed.serverPort();
        closed.close();
        QString why =
            test::loadModel(*worker, test::remoteRequest(QStringLiteral("127.0.0.1:%1").arg(deadPort)));
        QVERIFY2(why.contains("Nothing answers at 127.0.0.1:") && why.contains("connection refused"),
                 qPrintable(why));
        why = test::loadModel(*worker, test::remoteRequest("ftp://example.com"));
        QVERIFY2(why.contains("is not a server address"), qPrintable(why));
        QVERIFY(test::runToEnd(*worker, test::chatRequest("Hi", 4)).error.contains("No model is loaded"));

        FakeOpenAiServer server;
        server.handlesList = true;
        QByteArray list = "<html>It works!</html>";
        int status = 200;
        server.setHandler([&](const test::FakeRequest&, QTcpSocket* socket) {
            FakeOpenAiServer::reply(socket, status, "text/html", list);
        });
        why = test::loadModel(*worker, test::remoteRequest(server.url()));
        QVERIFY2(why.contains("does not answer like an OpenAI-compatible server"), qPrintable(why));
        status = 401;
        list = "{\"error\":{\"message\":\"no key\"}}";
        why = test::loadModel(*worker, test::remoteRequest(server.url(), {}, "wrong-key-456"));
        QVERIFY2(why.contains("refused the API key (HTTP 401)") && !why.contains("wrong-key-456"),
                 qPrintable(why));
        status = 200;
        list = FakeOpenAiServer::modelList("qwen");
        why = test::loadModel(*worker, test::remoteRequest(server.url(), "llama"));
        QVERIFY2(why.contains("has no model 'llama'; it has: qwen."), qPrintable(why));
        QCOMPARE(test::loadModel(*worker, test::remoteRequest(server.url(), "qwen")), QString());
    }

    void stopClosesTheConnection() {
        FakeOpenAiServer server;
        int written = 0;
        server.setHandler([&](const test::FakeRequest&, QTcpSocket* socket) {
            FakeOpenAiServer::startEvents(socket);
            auto* timer = new QTimer(socket); // a piece every 30 ms, until the client leaves
            QObject::connect(timer, &QTimer::timeout, socket, [socket, &written] {
                socket->write(FakeOpenAiServer::chunk(QStringLiteral("w%1 ").arg(written++)));
            });
            timer->start(30);
        });
        auto worker = remoteWorker();
        QCOMPARE(test::loadModel(*worker, test::remoteRequest(server.url())), QString());
        const int disconnectsBefore = server.disconnects;
        const test::WorkerAnswer answer =
            test::runToEnd(*worker, test::chatRequest("Go on forever", 100000), 3, 30000);
        QVERIFY2(answer.error.isEmpty(), qPrintable(answer.error));
        QCOMPARE(answer.stats.stopReason, QStringLiteral("cancelled"));
        QVERIFY(answer.pieces.size() >= 3 && answer.pieces.size() < 10);
        // The server sees the connection close, which is how a streaming server learns to stop.
        QTRY_VERIFY_WITH_TIMEOUT(server.disconnects > disconnectsBefore, 5000);
        const int atClose = written;
        QTest::qWait(200);
        QCOMPARE(written, atClose); // nothing more was produced for the closed connection
    }

    void aQueuedRequestWaitsItsTurn() {
        // While the first answer streams, the worker thread must not start the next request (a nested
        // event loop on it would): the second reaches the server only after the first finished.
        FakeOpenAiServer server;
        QList<bool> firstSentWhenAsked; // had the server sent all of the first answer?
        bool firstSent = false;
        test::WorkerAnswer first, second;
        server.setHandler([&](const test::FakeRequest&, QTcpSocket* socket) {
            firstSentWhenAsked << firstSent;
            FakeOpenAiServer::startEvents(socket);
            const int n = int(firstSentWhenAsked.size());
            const QString tag = QString::number(n);
            writeSlowly(socket,
                        {FakeOpenAiServer::chunk(tag + "a"), FakeOpenAiServer::chunk(tag + "b"),
                         FakeOpenAiServer::chunk(tag + "c"), "data: [DONE]\n\n"},
                        60, [socket, n, &firstSent] {
                            if (n == 1) firstSent = true;
                            socket->disconnectFromHost();
                        });
        });
        auto worker = remoteWorker();
        QCOMPARE(test::loadModel(*worker, test::remoteRequest(server.url())), QString());
        GenerationJobPtr a = worker->generate(test::chatRequest("first", 10));
        test::collect(a, &first);
        QTRY_VERIFY_WITH_TIMEOUT(!first.pieces.isEmpty(), 10000); // the first is streaming
        GenerationJobPtr b = worker->generate(test::chatRequest("second", 10));
        test::collect(b, &second);
        QTRY_VERIFY_WITH_TIMEOUT(first.done && second.done, 20000);
        QCOMPARE(first.text(), QStringLiteral("1a1b1c"));
        QCOMPARE(second.text(), QStringLiteral("2a2b2c"));
        QCOMPARE(firstSentWhenAsked, (QList<bool>{false, true}));
    }
};

QTEST_GUILESS_MAIN(TestRemoteProtocol)
#include "tst_remote_protocol.moc"
