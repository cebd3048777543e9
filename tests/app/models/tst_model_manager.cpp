// Model picker behaviour: inspecting files, loading through the worker with progress,
// failures in words, recent models remembered across runs, device choices.
#include "inference/sosoik_backend.h"
#include "models/model_manager.h"
#include "settings/app_settings.h"
#include "sosoik/model.h"
#include "support/scripted_backend.h"
#include "support/test_support.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <stdexcept>

using namespace sosoik::app;
using sosoik::app::test::ScriptedBackend;

namespace {

ModelDetails fakeInspect(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly) || f.read(4) != "GGUF")
        throw std::runtime_error("This is not a GGUF model file (it does not start with GGUF).");
    ModelDetails d;
    d.path = path;
    d.name = QStringLiteral("tiny");
    d.quantization = QStringLiteral("Q4_0");
    d.fileBytes = f.size();
    d.trainedContext = 512;
    return d;
}

// A GGUF header cut inside its first metadata key, as a download that stopped early leaves it.
QByteArray cutGguf() {
    QByteArray cut("GGUF");
    const auto put = [&cut](auto value) { cut.append(reinterpret_cast<const char*>(&value), sizeof value); };
    put(quint32(3));  // version
    put(quint64(0));  // tensors
    put(quint64(1));  // metadata keys
    put(quint64(20)); // the key's length, then fewer bytes than that
    cut.append("general.arch");
    return cut;
}

QVariantList twoGpus() {
    return {
        QVariantMap{{"index", 0}, {"name", "llvmpipe"}, {"type", "cpu"}},
        QVariantMap{{"index", 1}, {"name", "Radeon"}, {"type", "discrete"}},
        QVariantMap{{"index", -1}, {"name", "CPU"}, {"type", "native-cpu"}, {"threads", 8}, {"isa", "AVX2"}}};
}

} // namespace

class TestModelManager : public QObject {
    Q_OBJECT
    QTemporaryDir dir;

    QString writeFile(const QString& name, const QByteArray& bytes) {
        QFile f(dir.filePath(name));
        f.open(QIODevice::WriteOnly);
        f.write(bytes);
        return f.fileName();
    }

private slots:
    void inspectShowsFactsOrWords() {
        AppSettings settings(dir.filePath("a.ini"));
        EngineWorker worker(std::make_unique<ScriptedBackend>());
        ModelManager models(&worker, &settings, fakeInspect, twoGpus);
        const QString good = writeFile("good.gguf", "GGUF....");
        QVariantMap info = models.inspect(QUrl::fromLocalFile(good));
        QCOMPARE(info.value("name").toString(), QStringLiteral("tiny"));
        QCOMPARE(info.value("quantization").toString(), QStringLiteral("Q4_0"));
        QCOMPARE(info.value("contextLength").toInt(), 512);
        info = models.inspect(writeFile("bad.gguf", "PK\x03\x04"));
        QVERIFY(info.value("error").toString().contains("not a GGUF"));
        info = models.inspect(dir.filePath("missing.gguf"));
        QVERIFY(info.value("error").toString().contains("does not exist"));
    }

    // Found under Xvfb: a model cut short (a download that stopped) was refused in the parser's words only
    // ("metadata tokenizer.ggml.merges: array of 48900 string values does not fit in the 39805 bytes that
    // remain ..."). The real inspector on a GGUF header cut inside its first key: damaged, said first; a
    // file that is not GGUF at all keeps the engine's own sentence.
    void truncatedModelIsCalledDamaged() {
        AppSettings settings(dir.filePath("truncated.ini"));
        EngineWorker worker(std::make_unique<ScriptedBackend>());
        ModelManager models(&worker, &settings, &SosoikBackend::inspect, twoGpus);
        const QString error = models.inspect(writeFile("cut.gguf", cutGguf())).value("error").toString();
        QVERIFY2(error.startsWith("The file is damaged or incomplete") && error.contains("Details: "),
                 qPrintable(error));
        const QString other =
            models.inspect(writeFile("zip.gguf", "PK\x03\x04 not a model")).value("error").toString();
        QVERIFY2(other.contains("not a GGUF") && !other.contains("damaged"), qPrintable(other));
    }

    // Found under Xvfb: opening a damaged model while another was loaded left no model at all (the worker
    // frees the loaded one before loading the next). A file the inspector cannot read is refused before
    // the worker is asked, said like a failed load; the loaded model stays.
    void aDamagedFileLeavesTheLoadedModelLoaded() {
        const QString demo =
            qEnvironmentVariable("SOSOIK_SOURCE_DIR") + "/resources/models/sosoik-demo-ko.gguf";
        QVERIFY2(QFile::exists(demo), qPrintable(demo));
        AppSettings settings(dir.filePath("keep.ini"));
        EngineWorker worker(std::make_unique<ScriptedBackend>());
        ModelManager models(&worker, &settings, &SosoikBackend::inspect, twoGpus);
        QSignalSpy ready(&models, &ModelManager::modelReady);
        QVERIFY(models.load(demo));
        QVERIFY(ready.wait(5000));
        QSignalSpy failed(&models, &ModelManager::modelFailed);
        QVERIFY(!models.load(writeFile("stopped.gguf", cutGguf())));
        QVERIFY2(
            models.errorText().startsWith("Could not load stopped.gguf: The file is damaged or incomplete"),
            qPrintable(models.errorText()));
        QVERIFY(failed.wait(1000));
        QVERIFY(!models.loading());
        QVERIFY(models.loaded());
        QCOMPARE(models.current().value("path").toString(), QFileInfo(demo).absoluteFilePath());
        QCOMPARE(ready.count(), 1);
    }

    // The Models page's and the tool bar's "stop loading": a load waiting behind a running answer is
    // dropped, the manager is idle again with no model and no error, and nothing is left queued.
    void cancelLoadLeavesNoModelAndNoError() {
        AppSettings settings(dir.filePath("cancel.ini"));
        auto scripted = std::make_unique<ScriptedBackend>();
        ScriptedBackend* backend = scripted.get();
        EngineWorker worker(std::move(scripted));
        ModelManager models(&worker, &settings, fakeInspect, twoGpus);
        QSignalSpy ready(&models, &ModelManager::modelReady);
        QVERIFY(models.load(writeFile("first.gguf", "GGUF")));
        QVERIFY(ready.wait(5000));
        backend->hold = true;
        GenerationRequest request;
        request.messages = {{QStringLiteral("user"), QStringLiteral("hello")}};
        const GenerationJobPtr job = worker.generate(request);
        QTRY_VERIFY(worker.isBusy());
        QVERIFY(models.load(writeFile("second.gguf", "GGUF")));
        QVERIFY(models.loading());
        QSignalSpy state(&models, &ModelManager::stateChanged);
        models.cancelLoad();
        backend->hold = false;
        QTRY_VERIFY(!models.loading());
        QVERIFY(!models.loaded());
        QVERIFY2(models.errorText().isEmpty(), qPrintable(models.errorText()));
        QTRY_VERIFY(!worker.isBusy());
        QCOMPARE(ready.count(), 1);
    }

    void loadShowsProgressAndRemembersTheModel() {
        const QString ini = dir.filePath("b.ini");
        const QString path = writeFile("m.gguf", "GGUF");
        {
            AppSettings settings(ini);
            EngineWorker worker(std::make_unique<ScriptedBackend>());
            ModelManager models(&worker, &settings, fakeInspect, twoGpus);
            QSignalSpy ready(&models, &ModelManager::modelReady);
            QVERIFY(models.load(QUrl::fromLocalFile(path).toString()));
            QVERIFY(models.loading());
            QVERIFY(!models.load(path)); // one load at a time, said in words
            QVERIFY(models.errorText().contains("already loading"));
            QVERIFY(ready.wait(5000));
            QVERIFY(models.loaded());
            QVERIFY(!models.loading());
            QCOMPARE(models.progress(), 1.0);
            QCOMPARE(models.current().value("path").toString(), path);
            QCOMPARE(models.recent()->rowCount(), 1);

            QSignalSpy state(&models, &ModelManager::stateChanged);
            worker.unloadModel(); // as the tray's "Unload model" does
            QTRY_VERIFY_WITH_TIMEOUT(!models.loaded(), 10000);
            QVERIFY(models.current().value("path").toString().isEmpty());
            QVERIFY(state.count() >= 1);
        }
        AppSettings settings(ini);
        EngineWorker worker(std::make_unique<ScriptedBackend>());
        ModelManager models(&worker, &settings, fakeInspect, twoGpus);
        QCOMPARE(models.recent()->rowCount(), 1);
        QCOMPARE(models.recent()->mostRecent(), path);
        QCOMPARE(models.recent()->data(models.recent()->index(0), RecentModels::ExistsRole).toBool(), true);
    }

    void loadFailureIsShownInWords() {
        AppSettings settings(dir.filePath("c.ini"));
        auto backend = std::make_unique<ScriptedBackend>();
        backend->failLoad = true;
        EngineWorker worker(std::move(backend));
        ModelManager models(&worker, &settings, fakeInspect, twoGpus);
        QSignalSpy failed(&models, &ModelManager::modelFailed);
        QVERIFY(models.load(writeFile("broken.gguf", "GGUF")));
        QVERIFY(failed.wait(5000));
        QVERIFY(!models.loaded());
        // The file starts like a GGUF model and the engine calls it invalid: damaged, said first.
        QVERIFY2(models.errorText().startsWith(
                     "Could not load broken.gguf: The file is damaged or incomplete (a download that stopped "
                     "early looks like this). Download it again or choose another file. Details: This file "
                     "is not a GGUF model."),
                 qPrintable(models.errorText()));
        QCOMPARE(models.recent()->rowCount(), 0);
        QVERIFY(!models.load(dir.filePath("nowhere.gguf")));
        QVERIFY(models.errorText().contains("does not exist"));
    }

    void recentListIsNewestFirstWithoutDuplicatesAndBounded() {
        QSettings store(dir.filePath("d.ini"), QSettings::IniFormat);
        RecentModels recent(&store);
        for (int i = 0; i < RecentModels::kMaxEntries + 3; ++i) {
            ModelDetails d;
            d.path = QStringLiteral("/m/%1.gguf").arg(i);
            recent.remember(d);
        }
        QCOMPARE(recent.rowCount(), RecentModels::kMaxEntries);
        ModelDetails again;
        again.path = QStringLiteral("/m/5.gguf");
        recent.remember(again);
        QCOMPARE(recent.rowCount(), RecentModels::kMaxEntries);
        QCOMPARE(recent.pathAt(0), QStringLiteral("/m/5.gguf"));
        QCOMPARE(recent.pathAt(1), QStringLiteral("/m/12.gguf"));
        recent.forget("/m/5.gguf");
        QCOMPARE(recent.pathAt(0), QStringLiteral("/m/12.gguf"));
        // No GGUF name: the file name without its extension (library/model_name.h).
        QCOMPARE(recent.data(recent.index(0), RecentModels::NameRole).toString(), QStringLiteral("12"));
    }

    void deviceChoicesListGpusByNameAndTheCpu() {
        AppSettings settings(dir.filePath("e.ini"));
        EngineWorker worker(std::make_unique<ScriptedBackend>());
        ModelManager models(&worker, &settings, fakeInspect, twoGpus);
        QSignalSpy listed(&models, &ModelManager::devicesChanged);
        models.refreshDevices();
        QVERIFY(listed.wait(5000));
        const QVariantList choices = models.deviceChoices();
        QCOMPARE(choices.size(), 5);
        QCOMPARE(choices[0].toMap().value("key").toString(), QStringLiteral("auto"));
        QCOMPARE(choices[2].toMap().value("key").toString(), QStringLiteral("vulkan:1"));
        // The native CPU backend says how it will run.
        QCOMPARE(choices[3].toMap().value("key").toString(), QStringLiteral("cpu"));
        QCOMPARE(choices[3].toMap().value("label").toString(), QStringLiteral("CPU — 8 threads, AVX2"));
        QCOMPARE(choices[4].toMap().value("key").toString(), QStringLiteral("reference"));
        models.setDeviceKey("cpu");
        QCOMPARE(settings.backend(), QStringLiteral("cpu"));
        QCOMPARE(settings.device(), -1);
        QCOMPARE(models.deviceKey(), QStringLiteral("cpu"));
        models.setDeviceKey("vulkan:1");
        QCOMPARE(settings.backend(), QStringLiteral("vulkan"));
        QCOMPARE(settings.device(), 1);
        QCOMPARE(models.deviceKey(), QStringLiteral("vulkan:1"));
        models.setDeviceKey("reference");
        QCOMPARE(settings.backend(), QStringLiteral("reference"));
        QCOMPARE(models.deviceKey(), QStringLiteral("reference"));
        // lavapipe is Vulkan on the CPU: not listed as a GPU (issue #13).
        QCOMPARE(choices[1].toMap().value("label").toString(),
                 QStringLiteral("llvmpipe \u2014 CPU (software Vulkan)"));
        QCOMPARE(choices[2].toMap().value("label").toString(), QStringLiteral("Radeon \u2014 discrete GPU"));
    }

    // Settings → CPU reaches the engine: the load request carries the thread count and the 8-bit prompt
    // choice, SosoikBackend turns them into LoadOptions, and a model loaded on the CPU backend with other
    // settings than the current ones is "pending" until reloaded.
    void loadPassesTheCpuSettings() {
        AppSettings settings(dir.filePath("cpu.ini"));
        auto scripted = std::make_unique<ScriptedBackend>();
        ScriptedBackend* backend = scripted.get();
        backend->backendName = QStringLiteral("cpu: AVX2, 3 threads");
        EngineWorker worker(std::move(scripted));
        ModelManager models(&worker, &settings, fakeInspect, twoGpus);
        QSignalSpy ready(&models, &ModelManager::modelReady);
        const QString path = writeFile("cpu.gguf", "GGUF");
        settings.setCpuThreads(3);
        settings.setCpuFastPrompts(true);
        QVERIFY(models.load(path));
        QVERIFY(ready.wait(5000));
        QCOMPARE(backend->lastLoad().threads, 3);
        QCOMPARE(backend->lastLoad().cpuFastPrompts, true);
        const sosoik::LoadOptions options = SosoikBackend::loadOptions(backend->lastLoad());
        QCOMPARE(options.threads, 3);
        QCOMPARE(options.cpuFastPrompts, true);
        QVERIFY(!models.cpuSettingsPending());

        QSignalSpy pending(&models, &ModelManager::cpuSettingsPendingChanged);
        settings.setCpuFastPrompts(false);
        QVERIFY(models.cpuSettingsPending());
        QVERIFY(!pending.isEmpty());
        settings.setCpuFastPrompts(true);
        QVERIFY(!models.cpuSettingsPending());
        settings.resetCpuDefaults();
        QVERIFY(models.cpuSettingsPending());
        QVERIFY(models.reloadModel());
        QVERIFY(ready.wait(5000));
        QCOMPARE(backend->lastLoad().path, models.current().value("path").toString());
        QCOMPARE(backend->lastLoad().threads, 0);
        QCOMPARE(backend->lastLoad().cpuFastPrompts, false);
        QCOMPARE(SosoikBackend::loadOptions(backend->lastLoad()).cpuFastPrompts, false);
        QVERIFY(!models.cpuSettingsPending());

        // A model on another backend: the fast-prompt choice does not concern it.
        backend->backendName = QStringLiteral("vulkan: Radeon");
        QVERIFY(models.reloadModel());
        QVERIFY(ready.wait(5000));
        settings.setCpuFastPrompts(true);
        QVERIFY(!models.cpuSettingsPending());
    }

    // The picker's CPU entry names the thread count chosen in Settings, else the physical cores.
    void cpuLabelFollowsTheThreadSetting() {
        AppSettings settings(dir.filePath("label.ini"));
        EngineWorker worker(std::make_unique<ScriptedBackend>());
        ModelManager models(&worker, &settings, fakeInspect, twoGpus);
        QCOMPARE(models.physicalCores(), 0); // not listed yet
        QSignalSpy listed(&models, &ModelManager::devicesChanged);
        models.refreshDevices();
        QVERIFY(listed.wait(5000));
        QCOMPARE(models.physicalCores(), 8);
        QVERIFY(models.logicalCpus() >= 1);
        const auto cpuLabel = [&models] {
            return models.deviceChoices()[3].toMap().value("label").toString();
        };
        QCOMPARE(cpuLabel(), QStringLiteral("CPU — 8 threads, AVX2"));
        listed.clear();
        settings.setCpuThreads(4);
        QCOMPARE(listed.size(), 1); // the picker's menu is rebuilt
        QCOMPARE(cpuLabel(), QStringLiteral("CPU — 4 threads, AVX2"));
        settings.setCpuThreads(1);
        QCOMPARE(cpuLabel(), QStringLiteral("CPU — 1 thread, AVX2"));
        settings.setTemperature(0.2); // other settings leave the menu alone
        QCOMPARE(listed.size(), 2);
        settings.resetCpuDefaults();
        QCOMPARE(cpuLabel(), QStringLiteral("CPU — 8 threads, AVX2"));
    }

    // Issue #13: `sosoik-cli devices` called llvmpipe "cpu" while the app listed it as "GPU: llvmpipe".
    // Both now come from the real device list and must read the same.
    void devicesAreNamedAsTheCliNamesThem() {
        const QVariantList devices = SosoikBackend::listDevices();
        if (devices.isEmpty()) QSKIP("no Vulkan device here");
        const auto cli = sosoik::test::runCli({QStringLiteral("devices")}, {}, 60000);
        QCOMPARE(cli.code, 0);
        QMap<int, QString> cliNames;
        static const QRegularExpression line(QStringLiteral("^[ *] (\\d+): (.+)$"),
                                             QRegularExpression::MultilineOption);
        for (auto it = line.globalMatch(cli.out); it.hasNext();) {
            const auto m = it.next();
            cliNames.insert(m.captured(1).toInt(), m.captured(2));
        }
        // The native CPU backend is listed after the Vulkan devices, without an index.
        qsizetype vulkanDevices = 0;
        for (const QVariant& d : devices)
            vulkanDevices += d.toMap().value("type").toString() != QLatin1String("native-cpu");
        QCOMPARE(cliNames.size(), vulkanDevices);

        AppSettings settings(dir.filePath("f.ini"));
        EngineWorker worker(std::make_unique<ScriptedBackend>());
        ModelManager models(&worker, &settings, fakeInspect, &SosoikBackend::listDevices);
        QSignalSpy listed(&models, &ModelManager::devicesChanged);
        models.refreshDevices();
        QVERIFY(listed.wait(30000));
        int compared = 0;
        for (const QVariant& v : models.deviceChoices()) {
            const QVariantMap choice = v.toMap();
            const QString key = choice.value("key").toString();
            if (!key.startsWith(QLatin1String("vulkan:"))) continue;
            QCOMPARE(choice.value("label").toString(), cliNames.value(key.mid(7).toInt()));
            ++compared;
        }
        QCOMPARE(compared, vulkanDevices);
    }
};

QTEST_MAIN(TestModelManager)
#include "tst_model_manager.moc"
