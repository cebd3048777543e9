// The app's remote engine (RoutingBackend -> RemoteBackend) against a real OpenAI-compatible server,
// `sosoik-cli serve`, through the same EngineWorker the chat, summaries and tray use: the streamed
// answer is the one the local engine gives for the same model, Stop stops the server's generation, a
// document summary completes, the same worker goes back to the local engine, and a wrong model or key
// is told in words.
#include "inference/sosoik_backend.h"
#include "remote/routing_backend.h"
#include "shell/app_context.h"
#include "shell/application.h"
#include "storage/storage.h"
#include "summarize/ui/summary_controller.h"
#include "support/serve_process.h"
#include "support/worker_run.h"

#include <QFileInfo>
#include <QTemporaryDir>

using namespace sosoik;
using namespace sosoik::app;

namespace {

GenerationRequest story(int maxTokens, int context = 512) {
    GenerationRequest r = test::chatRequest(QStringLiteral("Tell me a story."), maxTokens);
    r.settings.contextLength = context;
    return r;
}

std::unique_ptr<EngineWorker> routingWorker() {
    return std::make_unique<EngineWorker>(
        std::make_unique<remote::RoutingBackend>(std::make_unique<SosoikBackend>()));
}

QString serverUrl(quint16 port) {
    return QStringLiteral("http://127.0.0.1:%1").arg(port);
}

} // namespace

class TestRemoteEngine : public QObject {
    Q_OBJECT
    test::ServeProcess server_;

private slots:
    void initTestCase() {
        configureApplication();
        QVERIFY2(server_.start(), qPrintable(server_.why()));
    }

    void streamsWhatTheLocalEngineSays() {
        EngineWorker local(std::make_unique<SosoikBackend>());
        LoadRequest file;
        file.path = test::serverTestModel();
        QCOMPARE(test::loadModel(local, file), QString());
        const test::WorkerAnswer expected = test::runToEnd(local, story(24));
        QVERIFY2(expected.error.isEmpty(), qPrintable(expected.error));

        auto worker = routingWorker();
        ModelDetails details;
        QCOMPARE(test::loadModel(*worker, test::remoteRequest(serverUrl(server_.port())), &details),
                 QString());
        QVERIFY(details.remote);
        QCOMPARE(details.name, QFileInfo(test::serverTestModel()).completeBaseName());
        const test::WorkerAnswer answer = test::runToEnd(*worker, story(24));
        QVERIFY2(answer.error.isEmpty(), qPrintable(answer.error));
        QVERIFY(answer.pieces.size() > 3); // streamed, not delivered at the end
        QCOMPARE(answer.text(), expected.text());
        QCOMPARE(answer.stats.generatedTokens, expected.stats.generatedTokens); // the server's usage
        QCOMPARE(answer.stats.promptTokens, expected.stats.promptTokens);
        QCOMPARE(answer.stats.stopReason == "length", expected.stats.stopReason == "length");
        QVERIFY(answer.stats.tokensPerSecond > 0);

        // Back to the local engine on the same worker: the remote one is let go.
        QCOMPARE(test::loadModel(*worker, file, &details), QString());
        QVERIFY(!details.remote);
        QCOMPARE(test::runToEnd(*worker, story(24)).text(), expected.text());
    }

    void stopStopsTheServer() {
        auto worker = routingWorker();
        QCOMPARE(test::loadModel(*worker, test::remoteRequest(serverUrl(server_.port()))), QString());
        const test::WorkerAnswer answer = test::runToEnd(*worker, story(1500, 2048), 3);
        QVERIFY2(answer.error.isEmpty(), qPrintable(answer.error));
        QCOMPARE(answer.stats.stopReason, QStringLiteral("cancelled"));
        QVERIFY(answer.pieces.size() < 1500);
        const auto line = server_.waitForLog(
            QRegularExpression(QStringLiteral("client disconnected after (\\d+) tokens were sent; generation "
                                              "stopped at (\\d+) tokens \\(cancelled\\)")));
        QVERIFY2(line.hasMatch(), qPrintable(server_.stderrText()));
        QVERIFY(line.captured(2).toInt() < 1500);
    }

    void summarizesADocument() {
        QTemporaryDir dir;
        const QString storyFile = dir.filePath("story.txt");
        {
            QFile f(storyFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            for (int i = 0; i < 6; ++i)
                f.write("Lily went to the park with her dog Max. They played with a red ball near the big "
                        "tree.\n\n");
        }
        AppContext context(realEngineOptions(DataDir{dir.filePath("data"), true, {}}));
        QVERIFY2(context.startupError().isEmpty(), qPrintable(context.startupError()));
        QCOMPARE(test::loadModel(*context.worker(), test::remoteRequest(serverUrl(server_.port()))),
                 QString());
        auto* summaries = context.summaries();
        summaries->setTargetWords(20);
        QSignalSpy finished(summaries, &summarize::SummaryController::summaryFinished);
        QSignalSpy failed(summaries, &summarize::SummaryController::summaryFailed);
        const qsizetype servedBefore = server_.stderrText().count(QLatin1Char('\n'));
        QVERIFY(summaries->summarizeFile(storyFile));
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() + failed.count() > 0, 240000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(1).toString()));
        const auto messages = context.storage()->messages(finished.first().at(0).toLongLong());
        QCOMPARE(messages.size(), 2);
        QVERIFY(messages[1].finished);
        QVERIFY2(messages[1].content.trimmed().size() > 20, qPrintable(messages[1].content));
        QVERIFY2(server_.stderrText().count(QLatin1Char('\n')) > servedBefore,
                 "the server answered no request");
    }

    void wrongModelAndKeyAreToldInWords() {
        auto worker = routingWorker();
        QString why = test::loadModel(*worker, test::remoteRequest(serverUrl(server_.port()), "gpt-4o"));
        QVERIFY2(why.contains("has no model 'gpt-4o'"), qPrintable(why));

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("SOSOIK_API_KEY", "team-key");
        test::ServeProcess keyed;
        QVERIFY2(keyed.start({}, env), qPrintable(keyed.why()));
        why = test::loadModel(*worker, test::remoteRequest(serverUrl(keyed.port()), {}, "wrong"));
        QVERIFY2(why.contains("refused the API key"), qPrintable(why));
        QCOMPARE(test::loadModel(*worker, test::remoteRequest(serverUrl(keyed.port()), {}, "team-key")),
                 QString());
        const test::WorkerAnswer answer = test::runToEnd(*worker, story(8));
        QVERIFY2(answer.error.isEmpty() && !answer.text().isEmpty(), qPrintable(answer.error));
        QVERIFY(!keyed.stderrText().contains("team-key")); // never logged, by either side
        QCOMPARE(keyed.stop(), 0);
    }

    void cleanupTestCase() { QCOMPARE(server_.stop(), 0); }
};

QTEST_MAIN(TestRemoteEngine)
#include "tst_remote_engine.moc"
