// EngineWorker: threading, queueing, cancellation and context fitting, driven through a
// scripted backend (deterministic and instant), plus the real engine on a tiny model.
#include "shell/app_context.h"
#include "inference/engine_worker.h"
#include "inference/sosoik_backend.h"
#include "support/scripted_backend.h"
#include "support/synthetic_model.h"

#include "sosoik/error.h"

#include <QSignalSpy>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <stdexcept>

using namespace sosoik::app;

namespace {

using sosoik::app::test::ScriptedBackend;

GenerationRequest chatRequest(const QStringList& userTurns, int maxNewTokens, int context = 512) {
    GenerationRequest r;
    r.conversationId = 7;
    r.messages.append({QStringLiteral("system"), QStringLiteral("be brief")});
    for (int i = 0; i < userTurns.size(); ++i) {
        if (i > 0) r.messages.append({QStringLiteral("assistant"), QStringLiteral("answer %1").arg(i)});
        r.messages.append({QStringLiteral("user"), userTurns[i]});
    }
    r.settings.maxNewTokens = maxNewTokens;
    r.settings.contextLength = context;
    return r;
}

} // namespace

// QSignalSpy records the worker's signals directly on the worker thread, so a signal can land
// before a test would start spy.wait(); tests poll the spy's size instead.
class TestEngineWorker : public QObject {
    Q_OBJECT
    ScriptedBackend* backend = nullptr;
    std::unique_ptr<EngineWorker> worker;

    void loadScripted() {
        QSignalSpy loaded(worker.get(), &EngineWorker::modelLoaded);
        worker->loadModel({QStringLiteral("/models/x.gguf")});
        QTRY_VERIFY_WITH_TIMEOUT(loaded.size() >= 1, 5000);
    }

private slots:
    void init() {
        auto b = std::make_unique<ScriptedBackend>();
        backend = b.get();
        worker = std::make_unique<EngineWorker>(std::move(b));
    }
    void cleanup() { worker.reset(); }

    void loadReportsProgressAndDetails() {
        QSignalSpy progress(worker.get(), &EngineWorker::modelLoadProgress);
        QSignalSpy loaded(worker.get(), &EngineWorker::modelLoaded);
        const int id = worker->loadModel({QStringLiteral("/models/x.gguf")});
        QTRY_VERIFY_WITH_TIMEOUT(loaded.size() >= 1, 5000);
        QCOMPARE(loaded.at(0).at(0).toInt(), id);
        QCOMPARE(loaded.at(0).at(1).value<ModelDetails>().path, QStringLiteral("/models/x.gguf"));
        QCOMPARE(progress.size(), 2);
        QCOMPARE(progress.last().at(1).toDouble(), 1.0);
    }

    void loadFailureIsReportedInWords() {
        backend->failLoad = true;
        QSignalSpy failed(worker.get(), &EngineWorker::modelLoadFailed);
        worker->loadModel({QStringLiteral("/tmp/broken.gguf")});
        QTRY_VERIFY_WITH_TIMEOUT(failed.size() >= 1, 5000);
        QCOMPARE(failed.at(0).at(2).toString(), QStringLiteral("This file is not a GGUF model."));
    }

    void generatingWithoutModelFailsClearly() {
        QSignalSpy failed(worker.get(), &EngineWorker::generationFailed);
        const int id = worker->generate(chatRequest({"hello"}, 4));
        QTRY_VERIFY_WITH_TIMEOUT(failed.size() >= 1, 5000);
        QCOMPARE(failed.at(0).at(0).toInt(), id);
        QVERIFY(failed.at(0).at(1).toString().contains("No model is loaded"));
    }

    void streamsTextOnTheWorkerThreadAndDeliversQueued() {
        loadScripted();
        QSignalSpy text(worker.get(), &EngineWorker::textGenerated);
        QSignalSpy finished(worker.get(), &EngineWorker::generationFinished);
        const int id = worker->generate(chatRequest({"hello there"}, 5));
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 1, 5000);
        QString joined;
        for (const auto& args : text) {
            QCOMPARE(args.at(0).toInt(), id);
            joined += args.at(1).toString();
        }
        QCOMPARE(joined, QStringLiteral("w0 w1 w2 w3 w4"));
        QCOMPARE(text.last().at(2).value<GenerationStats>().generatedTokens, 5);
        const auto stats = finished.at(0).at(1).value<GenerationStats>();
        QCOMPARE(stats.stopReason, QStringLiteral("length"));
        QCOMPARE(stats.generatedTokens, 5);
        QCOMPARE(stats.contextLength, 512);
        QCOMPARE(stats.contextUsed, stats.promptTokens + 5);
        QVERIFY(backend->generateThread.load() != QThread::currentThreadId());
    }

    void submittingNeverBlocksTheCaller() {
        loadScripted();
        backend->tokenDelayMs = 20;
        QSignalSpy finished(worker.get(), &EngineWorker::generationFinished);
        QElapsedTimer timer;
        timer.start();
        const int id = worker->generate(chatRequest({"hi"}, 50));
        QVERIFY2(timer.elapsed() < 50, "generate() must return at once");
        QVERIFY(worker->isBusy());
        worker->cancel(id);
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 1, 5000);
    }

    void stopHaltsWithinOneToken() {
        loadScripted();
        backend->tokenDelayMs = 5;
        QSignalSpy text(worker.get(), &EngineWorker::textGenerated);
        QSignalSpy finished(worker.get(), &EngineWorker::generationFinished);
        const int id = worker->generate(chatRequest({"tell a long story"}, 100000));
        QTRY_VERIFY_WITH_TIMEOUT(text.size() >= 3, 5000);
        worker->cancel(id);
        const int seenAtCancel = text.size();
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 1, 5000);
        QCOMPARE(finished.at(0).at(1).value<GenerationStats>().stopReason, QStringLiteral("cancelled"));
        // Signals already in flight plus at most one more token.
        const int generated = finished.at(0).at(1).value<GenerationStats>().generatedTokens;
        QVERIFY2(generated <= seenAtCancel + 2,
                 qPrintable(QString("%1 vs %2").arg(generated).arg(seenAtCancel)));
        QVERIFY(!worker->isBusy());
    }

    void secondRequestIsQueuedVisiblyAndRunsAfter() {
        loadScripted();
        backend->tokenDelayMs = 5;
        QSignalSpy queued(worker.get(), &EngineWorker::generationQueued);
        QSignalSpy finished(worker.get(), &EngineWorker::generationFinished);
        const int first = worker->generate(chatRequest({"one"}, 10));
        const int second = worker->generate(chatRequest({"two"}, 3));
        QCOMPARE(queued.size(), 1);
        QCOMPARE(queued.at(0).at(0).toInt(), second);
        QCOMPARE(queued.at(0).at(1).toInt(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 5000);
        QCOMPARE(finished.at(0).at(0).toInt(), first);
        QCOMPARE(finished.at(1).at(0).toInt(), second);
        QCOMPARE(finished.at(1).at(1).value<GenerationStats>().generatedTokens, 3);
    }

    void cancelledQueuedRequestNeverStarts() {
        loadScripted();
        backend->tokenDelayMs = 5;
        QSignalSpy started(worker.get(), &EngineWorker::generationStarted);
        QSignalSpy finished(worker.get(), &EngineWorker::generationFinished);
        const int first = worker->generate(chatRequest({"one"}, 10));
        const int second = worker->generate(chatRequest({"two"}, 10));
        worker->cancel(second);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 5000);
        QCOMPARE(started.size(), 1);
        QCOMPARE(started.at(0).at(0).toInt(), first);
        QCOMPARE(finished.at(1).at(1).value<GenerationStats>().stopReason, QStringLiteral("cancelled"));
    }

    void continuingAConversationReusesThePrefix() {
        loadScripted();
        QSignalSpy finished(worker.get(), &EngineWorker::generationFinished);
        worker->generate(chatRequest({"first question"}, 3));
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 1, 5000);
        worker->generate(chatRequest({"first question", "second question"}, 3));
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 2, 5000);
        const auto stats = finished.at(1).at(1).value<GenerationStats>();
        // system(1+2) + user(1+2) tokens are shared with the first request's prompt.
        QCOMPARE(stats.reusedTokens, 6);
        QCOMPARE(stats.droppedMessages, 0);
    }

    void overlongConversationDropsOldestTurnsButKeepsSystemPrompt() {
        loadScripted();
        QSignalSpy finished(worker.get(), &EngineWorker::generationFinished);
        QStringList turns;
        for (int i = 0; i < 12; ++i)
            turns << QStringLiteral("turn %1 with a few more words").arg(i);
        worker->generate(chatRequest(turns, 8, 48));
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 1, 5000);
        const auto stats = finished.at(0).at(1).value<GenerationStats>();
        QVERIFY(stats.droppedMessages > 0);
        QVERIFY(stats.promptTokens + 8 <= 48);
        QCOMPARE(backend->lastRendered.front().role, std::string("system"));
        QCOMPARE(backend->lastRendered[1].role, std::string("user"));
        QCOMPARE(backend->lastRendered.back().content, std::string("turn 11 with a few more words"));
        QCOMPARE(int(backend->lastRendered.size()) + stats.droppedMessages, 1 + 12 + 11);
    }

    void messageLongerThanContextFailsInWords() {
        loadScripted();
        QSignalSpy failed(worker.get(), &EngineWorker::generationFailed);
        QStringList words;
        for (int i = 0; i < 100; ++i)
            words << "word";
        worker->generate(chatRequest({words.join(' ')}, 8, 32));
        QTRY_VERIFY_WITH_TIMEOUT(failed.size() >= 1, 5000);
        QVERIFY(failed.at(0).at(1).toString().contains("too long"));
    }

    void tokenCountsAreAnsweredEvenWhileGenerating() {
        loadScripted();
        backend->tokenDelayMs = 10;
        QSignalSpy counted(worker.get(), &EngineWorker::tokensCounted);
        QSignalSpy text(worker.get(), &EngineWorker::textGenerated);
        const int gen = worker->generate(chatRequest({"long"}, 100000));
        QTRY_VERIFY_WITH_TIMEOUT(text.size() >= 1, 5000);
        const int id = worker->countTokens(QStringLiteral("three little words"));
        QTRY_VERIFY_WITH_TIMEOUT(counted.size() >= 1, 2000);
        QCOMPARE(counted.at(0).at(0).toInt(), id);
        QCOMPARE(counted.at(0).at(1).toInt(), 3);
        QVERIFY(worker->isBusy());
        worker->cancel(gen);
    }

    // ---- the real engine (SosoikBackend) on a synthetic model ----

    void realEngineLoadsStreamsReusesAndStops() {
        QTemporaryDir dir;
        sosoik::test::SyntheticModelSpec spec;
        spec.contextLength = 512;
        const QString path = dir.filePath("tiny.gguf");
        sosoik::test::writeSyntheticModel(spec, path.toStdString());

        const ModelDetails inspected = SosoikBackend::inspect(path);
        QCOMPARE(inspected.architecture, QStringLiteral("llama"));
        QCOMPARE(inspected.trainedContext, 512);
        QVERIFY(inspected.fileBytes > 0);

        EngineWorker real(std::make_unique<SosoikBackend>());
        QSignalSpy progress(&real, &EngineWorker::modelLoadProgress);
        QSignalSpy loaded(&real, &EngineWorker::modelLoaded);
        real.loadModel({path, QStringLiteral("reference")});
        QTRY_VERIFY_WITH_TIMEOUT(loaded.size() >= 1, 30000);
        QCOMPARE(loaded.at(0).at(1).value<ModelDetails>().backendName, QStringLiteral("reference"));
        QVERIFY(!progress.isEmpty());

        QSignalSpy text(&real, &EngineWorker::textGenerated);
        QSignalSpy finished(&real, &EngineWorker::generationFinished);
        auto request = chatRequest({"hello"}, 16, 512);
        request.settings.temperature = 0; // greedy: deterministic
        real.generate(request);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        const auto first = finished.at(0).at(1).value<GenerationStats>();
        QVERIFY2(first.generatedTokens > 0, qPrintable(first.stopReason));
        QCOMPARE(first.contextLength, 512);
        QVERIFY(!text.isEmpty());

        // The same conversation, one turn longer: the cached prefix is reused.
        request = chatRequest({"hello", "and more"}, 8, 512);
        request.settings.temperature = 0;
        real.generate(request);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 30000);
        const auto second = finished.at(1).at(1).value<GenerationStats>();
        QVERIFY2(second.reusedTokens > 0, "continuing a conversation must reuse the KV cache");

        // Stop mid-answer.
        request = chatRequest({"hello", "and more", "go on"}, 400, 512);
        const int id = real.generate(request);
        QTRY_VERIFY_WITH_TIMEOUT(text.size() > first.generatedTokens + 2, 30000);
        real.cancel(id);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 30000);
        const auto stopped = finished.at(2).at(1).value<GenerationStats>();
        QVERIFY(stopped.stopReason == QStringLiteral("cancelled") || stopped.generatedTokens < 400);
    }

    // The picker lists Vulkan devices by name; loading on the chosen index runs there.
    void realEngineRunsOnAChosenVulkanDevice() {
        const QVariantList devices = realEngineOptions(DataDir{}).devices();
        if (devices.isEmpty()) QSKIP("no Vulkan device on this machine");
        const QVariantMap device = devices.last().toMap();
        QVERIFY(!device.value("name").toString().isEmpty());
        QTemporaryDir dir;
        const QString path = dir.filePath("tiny.gguf");
        sosoik::test::writeSyntheticModel({}, path.toStdString());
        EngineWorker real(std::make_unique<SosoikBackend>());
        QSignalSpy loaded(&real, &EngineWorker::modelLoaded);
        QSignalSpy failed(&real, &EngineWorker::modelLoadFailed);
        real.loadModel({path, QStringLiteral("vulkan"), device.value("index").toInt()});
        QTRY_VERIFY_WITH_TIMEOUT(loaded.size() + failed.size() == 1, 60000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(2).toString()));
        const QString backendName = loaded.at(0).at(1).value<ModelDetails>().backendName;
        QVERIFY2(backendName.startsWith("vulkan") && backendName.contains(device.value("name").toString()),
                 qPrintable(backendName));
        QSignalSpy finished(&real, &EngineWorker::generationFinished);
        real.generate(chatRequest({"hello"}, 6, 256));
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 1, 60000);
        const int generated = finished.at(0).at(1).value<GenerationStats>().generatedTokens;
        QVERIFY(generated > 0 && generated <= 6);
    }

    void realEngineReportsABrokenFileInWords() {
        QTemporaryDir dir;
        QFile junk(dir.filePath("junk.gguf"));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("this is not a model at all");
        junk.close();
        EngineWorker real(std::make_unique<SosoikBackend>());
        QSignalSpy failed(&real, &EngineWorker::modelLoadFailed);
        real.loadModel({junk.fileName(), QStringLiteral("reference")});
        QTRY_VERIFY_WITH_TIMEOUT(failed.size() >= 1, 30000);
        const QString message = failed.at(0).at(2).toString();
        QVERIFY2(message.size() > 10 && message.contains(' '), qPrintable(message));
        QVERIFY_THROWS_EXCEPTION(std::exception, SosoikBackend::inspect(junk.fileName()));
        // Generating afterwards fails clearly instead of crashing.
        QSignalSpy genFailed(&real, &EngineWorker::generationFailed);
        real.generate(chatRequest({"hi"}, 4));
        QTRY_VERIFY_WITH_TIMEOUT(genFailed.size() >= 1, 5000);
    }

    void destroyingTheWorkerStopsARunningRequest() {
        loadScripted();
        backend->tokenDelayMs = 5;
        QSignalSpy text(worker.get(), &EngineWorker::textGenerated);
        worker->generate(chatRequest({"forever"}, 1000000));
        QTRY_VERIFY_WITH_TIMEOUT(text.size() >= 1, 5000);
        QElapsedTimer timer;
        timer.start();
        worker.reset();
        QVERIFY(timer.elapsed() < 2000);
    }
};

QTEST_MAIN(TestEngineWorker)
#include "tst_engine_worker.moc"
