// Settings → Local API server (ServerController) on the scripted engine: off by default (nothing listens),
// turned on it serves the app's loaded model at 127.0.0.1:PORT and counts the requests it is answering,
// turned off it closes the port, the setting survives a restart, and a taken port is told in words.
#include "inference/engine_worker.h"
#include "server/ui/server_controller.h"
#include "settings/app_settings.h"
#include "support/scripted_backend.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace sosoik::app;

namespace {

quint16 freePort() {
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost);
    return probe.serverPort(); // free again once probe closes
}

struct Reply {
    int status = 0; // 0: no connection
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

Reply call(const QString& url, const QByteArray& body = {}) {
    QNetworkAccessManager network;
    QNetworkRequest request{QUrl(url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    QNetworkReply* reply = body.isEmpty() ? network.get(request) : network.post(request, body);
    QTest::qWaitFor([reply] { return reply->isFinished(); }, 30000);
    Reply r{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    delete reply;
    return r;
}

bool loadScripted(EngineWorker& worker) {
    QSignalSpy loaded(&worker, &EngineWorker::modelLoaded);
    worker.loadModel({QStringLiteral("/models/scripted.gguf")});
    if (!QTest::qWaitFor([&] { return !loaded.isEmpty(); }, 10000)) return false;
    QCoreApplication::processEvents(); // the controller's queued slot
    return true;
}

} // namespace

class TestServerSettings : public QObject {
    Q_OBJECT
    QTemporaryDir dir;

private slots:
    void offByDefaultThenServes() {
        AppSettings settings(dir.filePath("a.ini"));
        EngineWorker worker(std::make_unique<test::ScriptedBackend>());
        ServerController server(&worker, &settings);
        server.applySetting();
        QVERIFY(!server.enabled());
        QVERIFY(!server.running());
        const quint16 port = freePort();
        server.setPort(port);
        QCOMPARE(server.port(), int(port));
        QVERIFY(!server.running()); // a new port does not turn it on
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(port);
        QCOMPARE(call(base + "/health").status, 0); // nothing listens

        server.setEnabled(true);
        QVERIFY2(server.running(), qPrintable(server.errorText()));
        QCOMPARE(server.url(), base);
        QCOMPARE(call(base + "/health").status, 503); // no model yet
        QVERIFY(loadScripted(worker));
        const Reply models = call(base + "/v1/models");
        QCOMPARE(models.status, 200);
        QCOMPARE(models.json().value("data").toArray().at(0).toObject().value("id").toString(),
                 QStringLiteral("scripted"));

        QSignalSpy busy(&server, &ServerController::activeRequestsChanged);
        const Reply answer = call(base + "/v1/chat/completions",
                                  R"({"messages":[{"role":"user","content":"hello"}],"max_tokens":3})");
        QCOMPARE(answer.status, 200);
        const QString text = answer.json()
                                 .value("choices")
                                 .toArray()
                                 .at(0)
                                 .toObject()
                                 .value("message")
                                 .toObject()
                                 .value("content")
                                 .toString();
        QCOMPARE(text, QStringLiteral("w0 w1 w2"));
        QVERIFY(busy.count() >= 2); // one request answered, then none
        QCOMPARE(server.activeRequests(), 0);

        server.setEnabled(false);
        QVERIFY(!server.running());
        QCOMPARE(call(base + "/health").status, 0);
    }

    void settingSurvivesARestartAndATakenPortIsASentence() {
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost));
        const QString ini = dir.filePath("b.ini");
        {
            AppSettings settings(ini);
            settings.store().setValue("server/enabled", true);
            settings.store().setValue("server/port", squatter.serverPort());
        }
        AppSettings settings(ini);
        EngineWorker worker(std::make_unique<test::ScriptedBackend>());
        ServerController server(&worker, &settings);
        server.applySetting(); // what the app does at start
        QVERIFY(server.enabled());
        QVERIFY(!server.running());
        QVERIFY2(server.errorText().contains(QStringLiteral("port %1").arg(squatter.serverPort())),
                 qPrintable(server.errorText()));
        squatter.close();
        server.setEnabled(true); // try again, now that the port is free
        QVERIFY2(server.running(), qPrintable(server.errorText()));
        QVERIFY(server.errorText().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestServerSettings)
#include "tst_server_settings.moc"
