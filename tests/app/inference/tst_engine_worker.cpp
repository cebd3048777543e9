// EngineWorker: threading, queueing, cancellation and context fitting, driven through a
// scripted backend (deterministic and instant), plus the real engine on a tiny model.
#include "inference/engine_worker.h"
#include "inference/sosoik_backend.h"
#include "support/scripted_backend.h"
#include "support/synthetic_model.h"

#include "sosoik/error.h"

#include <QDeadlineTimer>
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

// Every signal of one job, recorded in the order the test thread's event loop delivers them.
struct JobSpies {
    GenerationJobPtr job;
    QSignalSpy queued, started, text, finished, failed;
    explicit JobSpies(GenerationJobPtr j)
        : job(std::move(j)), queued(job.get(), &GenerationJob::queued),
          started(job.get(), &GenerationJob::started), text(job.get(), &GenerationJob::textGenerated),
          finished(job.get(), &GenerationJob::finished), failed(job.get(), &GenerationJob::failed) {}
    bool done() const { return finished.size() + failed.size() > 0; }
    GenerationStats stats() const { return finished.at(0).at(0).value<GenerationStats>(); }
    QString joinedText() const {
        QString joined;
        for (const auto& args : text)
            joined += args.at(0).toString();
        return joined;
    }
};

} // namespace

// Load signals are recorded on the worker thread, so one can land before a test would start
// spy.wait(); tests poll the spy's size instead. Job signals arrive on the test thread.
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
        JobSpies job(worker->generate(chatRequest({"hello"}, 4)));
        QTRY_VERIFY_WITH_TIMEOUT(job.done(), 5000);
        QCOMPARE(job.finished.size(), 0);
        QVERIFY(job.failed.at(0).at(0).toString().contains("No model is loaded"));
        QVERIFY(job.job->isDone());
    }

    void streamsTextFromTheWorkerThreadToTheCallersThread() {
        loadScripted();
        QThread* callerThread = nullptr;
        JobSpies job(worker->generate(chatRequest({"hello there"}, 5)));
        connect(job.job.get(), &GenerationJob::textGenerated, this,
                [&callerThread] { callerThread = QThread::currentThread(); });
        QTRY_VERIFY_WITH_TIMEOUT(job.done(), 5000);
        QCOMPARE(job.joinedText(), QStringLiteral("w0 w1 w2 w3 w4"));
        QCOMPARE(job.text.last().at(1).value<GenerationStats>().generatedTokens, 5);
        QCOMPARE(job.started.size(), 1);
        QCOMPARE(job.queued.size(), 0); // the worker was idle
        const auto stats = job.stats();
        QCOMPARE(stats.stopReason, QStringLiteral("length"));
        QCOMPARE(stats.generatedTokens, 5);
        QCOMPARE(stats.contextLength, 512);
        QCOMPARE(stats.contextUsed, stats.promptTokens + 5);
        QVERIFY(backend->generateThread.load() != QThread::currentThreadId());
        QCOMPARE(callerThread, QThread::currentThread());
    }

    // The job holds back its signals for the caller's event loop: connecting late loses nothing.
    void aCallerThatConnectsLateMissesNothing() {
        loadScripted();
        const GenerationJobPtr job = worker->generate(chatRequest({"hi"}, 4));
        // The answer is over on the engine thread (waiting without running this thread's event loop)...
        QDeadlineTimer deadline(5000);
        while (worker->isBusy() && !deadline.hasExpired())
            QThread::msleep(1);
        QVERIFY(!worker->isBusy());
        JobSpies late(job); // ...before anyone listens
        QTRY_VERIFY_WITH_TIMEOUT(late.done(), 5000);
        QCOMPARE(late.started.size(), 1);
        QCOMPARE(late.joinedText(), QStringLiteral("w0 w1 w2 w3"));
    }

    void submittingNeverBlocksTheCaller() {
        loadScripted();
        backend->tokenDelayMs = 20;
        QElapsedTimer timer;
        timer.start();
        JobSpies job(worker->generate(chatRequest({"hi"}, 50)));
        QVERIFY2(timer.elapsed() < 50, "generate() must return at once");
        QVERIFY(worker->isBusy());
        job.job->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(job.done(), 5000);
    }

    void stopHaltsWithinOneToken() {
        loadScripted();
        backend->tokenDelayMs = 5;
        JobSpies job(worker->generate(chatRequest({"tell a long story"}, 100000)));
        QTRY_VERIFY_WITH_TIMEOUT(job.text.size() >= 3, 5000);
        job.job->cancel();
        const int producedAtCancel = backend->tokensProduced;
        QTRY_VERIFY_WITH_TIMEOUT(job.done(), 5000);
        QCOMPARE(job.stats().stopReason, QStringLiteral("cancelled"));
        // At most the token being decoded when Stop came.
        const int generated = job.stats().generatedTokens;
        QVERIFY2(generated <= producedAtCancel + 1,
                 qPrintable(QString("%1 vs %2").arg(generated).arg(producedAtCancel)));
        QCOMPARE(job.text.size(), generated); // every token's text reached the caller
        QVERIFY(!worker->isBusy());
    }

    void secondRequestIsQueuedVisiblyAndRunsAfter() {
        loadScripted();
        backend->tokenDelayMs = 5;
        QList<int> finishOrder;
        JobSpies first(worker->generate(chatRequest({"one"}, 10)));
        JobSpies second(worker->generate(chatRequest({"two"}, 3)));
        connect(first.job.get(), &GenerationJob::finished, this, [&] { finishOrder << 1; });
        connect(second.job.get(), &GenerationJob::finished, this, [&] { finishOrder << 2; });
        QTRY_COMPARE(second.queued.size(), 1);
        QCOMPARE(second.queued.at(0).at(0).toInt(), 1);
        QCOMPARE(first.queued.size(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(first.done() && second.done(), 5000);
        QCOMPARE(finishOrder, (QList<int>{1, 2}));
        QCOMPARE(second.stats().generatedTokens, 3);
        QCOMPARE(second.joinedText(), QStringLiteral("w0 w1 w2"));
    }

    void cancelledQueuedRequestNeverStarts() {
        loadScripted();
        backend->tokenDelayMs = 5;
        JobSpies first(worker->generate(chatRequest({"one"}, 10)));
        JobSpies second(worker->generate(chatRequest({"two"}, 10)));
        second.job->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(first.done() && second.done(), 5000);
        QCOMPARE(first.started.size(), 1);
        QCOMPARE(second.started.size(), 0);
        QCOMPARE(second.text.size(), 0);
        QCOMPARE(second.stats().stopReason, QStringLiteral("cancelled"));
    }

    void aJobOutlivingItsWorkerCancelsNothing() {
        loadScripted();
        JobSpies job(worker->generate(chatRequest({"one"}, 2)));
        QTRY_VERIFY_WITH_TIMEOUT(job.done(), 5000);
        worker.reset();
        job.job->cancel(); // no worker any more: nothing to do, nothing to crash
        QVERIFY(job.job->isDone());
    }

    void continuingAConversationReusesThePrefix() {
        loadScripted();
        JobSpies first(worker->generate(chatRequest({"first question"}, 3)));
        QTRY_VERIFY_WITH_TIMEOUT(first.done(), 5000);
        JobSpies second(worker->generate(chatRequest({"first question", "second question"}, 3)));
        QTRY_VERIFY_WITH_TIMEOUT(second.done(), 5000);
        // system(1+2) + user(1+2) tokens are shared with the first request's prompt.
        QCOMPARE(second.stats().reusedTokens, 6);
        QCOMPARE(second.stats().droppedMessages, 0);
    }

    void overlongConversationDropsOldestTurnsButKeepsSystemPrompt() {
        loadScripted();
        QStringList turns;
        for (int i = 0; i < 12; ++i)
            turns << QStringLiteral("turn %1 with a few more words").arg(i);
        JobSpies job(worker->generate(chatRequest(turns, 8, 48)));
        QTRY_VERIFY_WITH_TIMEOUT(job.done(), 5000);
        const auto stats = job.stats();
        QVERIFY(stats.droppedMessages > 0);
        QVERIFY(stats.promptTokens + 8 <= 48);
        QCOMPARE(backend->lastRendered.front().role, std::string("system"));
        QCOMPARE(backend->lastRendered[1].role, std::string("user"));
        QCOMPARE(backend->lastRendered.back().content, std::string("turn 11 with a few more words"));
        QCOMPARE(int(backend->lastRendered.size()) + stats.droppedMessages, 1 + 12 + 11);
    }

    void messageLongerThanContextFailsInWords() {
        loadScripted();
        QStringList words;
        for (int i = 0; i < 100; ++i)
            words << "word";
        JobSpies job(worker->generate(chatRequest({words.join(' ')}, 8, 32)));
        QTRY_VERIFY_WITH_TIMEOUT(job.done(), 5000);
        QVERIFY(job.failed.at(0).at(0).toString().contains("too long"));
    }

    void tokenCountsAreAnsweredEvenWhileGenerating() {
        loadScripted();
        backend->tokenDelayMs = 10;
        JobSpies job(worker->generate(chatRequest({"long"}, 100000)));
        QTRY_VERIFY_WITH_TIMEOUT(job.text.size() >= 1, 5000);
        QFuture<int> count = worker->countTokens(QStringLiteral("three little words"));
        QTRY_VERIFY_WITH_TIMEOUT(count.isFinished(), 2000);
        QCOMPARE(count.result(), 3);
        QVERIFY(worker->isBusy());
        job.job->cancel();
    }

    // The prompt's size is the rendered chat template's, exactly what generate() feeds the model.
    void promptTokensAreCountedExactly() {
        QCOMPARE(worker->countPromptTokens({{"user", "hi"}}).result(), -1); // no model yet
        loadScripted();
        const GenerationRequest request = chatRequest({"how are you", "and today"}, 4);
        const int counted = worker->countPromptTokens(request.messages).result();
        // system(1+2) + user(1+3) + assistant(1+2) + user(1+2), as ScriptedBackend::renderChat tokenizes.
        QCOMPARE(counted, 13);
        JobSpies job(worker->generate(request));
        QTRY_VERIFY_WITH_TIMEOUT(job.done(), 5000);
        QCOMPARE(job.stats().promptTokens, counted);
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

        auto request = chatRequest({"hello"}, 16, 512);
        request.settings.temperature = 0; // greedy: deterministic
        JobSpies firstJob(real.generate(request));
        QTRY_VERIFY_WITH_TIMEOUT(firstJob.done(), 30000);
        const auto first = firstJob.stats();
        QVERIFY2(first.generatedTokens > 0, qPrintable(first.stopReason));
        QCOMPARE(first.contextLength, 512);
        QVERIFY(!firstJob.text.isEmpty());
        QCOMPARE(real.countPromptTokens(request.messages).result(), first.promptTokens);

        // The same conversation, one turn longer: the cached prefix is reused.
        request = chatRequest({"hello", "and more"}, 8, 512);
        request.settings.temperature = 0;
        JobSpies secondJob(real.generate(request));
        QTRY_VERIFY_WITH_TIMEOUT(secondJob.done(), 30000);
        QVERIFY2(secondJob.stats().reusedTokens > 0, "continuing a conversation must reuse the KV cache");

        // Stop mid-answer.
        request = chatRequest({"hello", "and more", "go on"}, 400, 512);
        JobSpies third(real.generate(request));
        QTRY_VERIFY_WITH_TIMEOUT(third.text.size() > 2, 30000);
        third.job->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(third.done(), 30000);
        const auto stopped = third.stats();
        QVERIFY(stopped.stopReason == QStringLiteral("cancelled") || stopped.generatedTokens < 400);
    }

    // The picker lists Vulkan devices by name; loading on the chosen index runs there.
    void realEngineRunsOnAChosenVulkanDevice() {
        QVariantList devices = SosoikBackend::listDevices();
        QVERIFY(!devices.isEmpty());
        // The CPU backend is always listed last, with what the picker shows.
        const QVariantMap cpu = devices.takeLast().toMap();
        QCOMPARE(cpu.value("type").toString(), QStringLiteral("native-cpu"));
        QVERIFY(cpu.value("threads").toInt() >= 1);
        QVERIFY(!cpu.value("isa").toString().isEmpty());
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
        JobSpies job(real.generate(chatRequest({"hello"}, 6, 256)));
        QTRY_VERIFY_WITH_TIMEOUT(job.done(), 60000);
        QVERIFY2(job.failed.isEmpty(), qPrintable(job.failed.value(0).value(0).toString()));
        const int generated = job.stats().generatedTokens;
        QVERIFY(generated > 0 && generated <= 6);
    }

    // The picker's "CPU — N threads, ISA" choice loads on the native CPU backend.
    void realEngineRunsOnTheCpuBackend() {
        QTemporaryDir dir;
        const QString path = dir.filePath("tiny.gguf");
        sosoik::test::writeSyntheticModel({}, path.toStdString());
        EngineWorker real(std::make_unique<SosoikBackend>());
        QSignalSpy loaded(&real, &EngineWorker::modelLoaded);
        QSignalSpy failed(&real, &EngineWorker::modelLoadFailed);
        real.loadModel({path, QStringLiteral("cpu"), -1});
        QTRY_VERIFY_WITH_TIMEOUT(loaded.size() + failed.size() == 1, 60000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(2).toString()));
        const QString backendName = loaded.at(0).at(1).value<ModelDetails>().backendName;
        QVERIFY2(backendName.startsWith("cpu: "), qPrintable(backendName));
        JobSpies job(real.generate(chatRequest({"hello"}, 6, 256)));
        QTRY_VERIFY_WITH_TIMEOUT(job.done(), 60000);
        QVERIFY2(job.failed.isEmpty(), qPrintable(job.failed.value(0).value(0).toString()));
        QVERIFY(job.stats().generatedTokens > 0);
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
        JobSpies job(real.generate(chatRequest({"hi"}, 4)));
        QTRY_VERIFY_WITH_TIMEOUT(job.failed.size() >= 1, 5000);
    }

    void destroyingTheWorkerStopsARunningRequest() {
        loadScripted();
        backend->tokenDelayMs = 5;
        JobSpies job(worker->generate(chatRequest({"forever"}, 1000000)));
        QTRY_VERIFY_WITH_TIMEOUT(job.text.size() >= 1, 5000);
        QElapsedTimer timer;
        timer.start();
        worker.reset();
        QVERIFY(timer.elapsed() < 2000);
    }
};

QTEST_MAIN(TestEngineWorker)
#include "tst_engine_worker.moc"
