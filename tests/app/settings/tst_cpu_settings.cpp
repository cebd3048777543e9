// Settings → CPU in the real main window (AppContext, scripted engine that says it runs on the CPU backend):
// the thread menu offers Automatic and 1 … the logical CPUs, a choice there and the fast-prompt box reach
// AppSettings (and a change made elsewhere shows in them), "Reload the model" appears while the loaded model
// runs with older CPU settings and loads it again with the new ones, and the Korean UI reads Korean.
#include "hotkey/global_hotkey.h"
#include "models/model_manager.h"
#include "settings/app_settings.h"
#include "shell/app_context.h"
#include "shell/application.h"
#include "support/scripted_backend.h"

#include <QDir>
#include <QFile>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QRegularExpression>
#include <QTest>

using namespace sosoik;
using app::test::ScriptedBackend;

class TestCpuSettings : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    ScriptedBackend* m_backend = nullptr;

    std::unique_ptr<app::AppContext> openSettings(const QString& language, QQuickWindow*& window) {
        const QString profile = m_dir.filePath(language);
        QDir().mkpath(profile);
        QFile ini(profile + QStringLiteral("/settings.ini"));
        if (ini.open(QIODevice::WriteOnly)) ini.write("[ui]\nlanguage=" + language.toUtf8() + "\n");
        ini.close();
        app::AppContextOptions options;
        options.dataDir = {profile, true, {}};
        auto backend = std::make_unique<ScriptedBackend>();
        backend->backendName = QStringLiteral("cpu: AVX2, 2 threads");
        m_backend = backend.get();
        options.backend = std::move(backend);
        options.inspector = [](const QString& path) {
            app::ModelDetails d;
            d.path = path;
            return d;
        };
        options.devices = [] { return QVariantList(); };
        options.hotkey = std::make_unique<app::UnavailableGlobalHotkey>(QStringLiteral("test platform"));
        auto context = std::make_unique<app::AppContext>(std::move(options));
        window = context->loadMainWindow();
        if (!window || !QTest::qWaitForWindowExposed(window)) return context;
        if (QObject* dialog = window->findChild<QObject*>(QStringLiteral("settingsDialog")))
            QMetaObject::invokeMethod(dialog, "open");
        return context;
    }

    static QQuickItem* item(QQuickWindow* window, const char* name) {
        return window->findChild<QQuickItem*>(QString::fromLatin1(name));
    }

private slots:
    void initTestCase() { app::configureApplication(); }
    // A binding that reads a destroyed object (the hotkey pane once did, as the window closed) fails the case.
    void init() { QTest::failOnWarning(QRegularExpression(QStringLiteral("TypeError"))); }

    void choicesReachTheSettingsAndTheEngine() {
        QQuickWindow* window = nullptr;
        auto context = openSettings(QStringLiteral("en"), window);
        QVERIFY(window);
        app::AppSettings* settings = context->settings();
        QQuickItem* threads = item(window, "cpuThreadsChoice");
        QQuickItem* fast = item(window, "cpuFastPrompts");
        QVERIFY(threads && fast);
        QTRY_VERIFY(threads->isVisible());
        QCOMPARE(threads->property("count").toInt(), app::ModelManager::logicalCpus() + 1);
        QCOMPARE(threads->property("currentIndex").toInt(), 0);
        QCOMPARE(threads->property("currentText").toString(), QStringLiteral("Automatic (physical cores)"));
        QCOMPARE(fast->property("checked").toBool(), false);

        // The user picks "1" and ticks the box.
        threads->setProperty("currentIndex", 1);
        QVERIFY(QMetaObject::invokeMethod(threads, "activated", Q_ARG(int, 1)));
        QCOMPARE(settings->cpuThreads(), 1);
        QVERIFY(QMetaObject::invokeMethod(fast, "toggle"));
        QVERIFY(QMetaObject::invokeMethod(fast, "toggled"));
        QCOMPARE(settings->cpuFastPrompts(), true);

        // A change from elsewhere (a profile with 5 threads) shows in the dialog, beyond the CPU count too.
        settings->setCpuThreads(app::ModelManager::logicalCpus() + 3);
        QTRY_COMPARE(threads->property("currentText").toString(),
                     QString::number(app::ModelManager::logicalCpus() + 3));

        // Loaded on the CPU with these settings; changing them offers a reload, which uses the new ones.
        QSignalSpy ready(context->models(), &app::ModelManager::modelReady);
        const QString model = m_dir.filePath(QStringLiteral("m.gguf"));
        QFile file(model);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("GGUF");
        file.close();
        QVERIFY(context->models()->load(model));
        QVERIFY(ready.wait(5000));
        QQuickItem* reload = item(window, "cpuReload");
        QVERIFY(reload);
        QVERIFY(!reload->isVisible());
        threads->setProperty("currentIndex", 0);
        QVERIFY(QMetaObject::invokeMethod(threads, "activated", Q_ARG(int, 0)));
        QCOMPARE(settings->cpuThreads(), 0);
        QTRY_VERIFY(reload->isVisible());
        QVERIFY(QMetaObject::invokeMethod(reload, "clicked"));
        QVERIFY(ready.wait(5000));
        QCOMPARE(m_backend->lastLoad().threads, 0);
        QCOMPARE(m_backend->lastLoad().cpuFastPrompts, true);
        QTRY_VERIFY(!reload->isVisible());

        // Restore defaults: automatic and exact, in the settings and in the dialog.
        QQuickItem* restore = item(window, "cpuRestoreDefaults");
        QVERIFY(restore && restore->isEnabled());
        QVERIFY(QMetaObject::invokeMethod(restore, "clicked"));
        QCOMPARE(settings->cpuFastPrompts(), false);
        QTRY_COMPARE(fast->property("checked").toBool(), false);
        QVERIFY(!restore->isEnabled());
    }

    void koreanLabels() {
        QQuickWindow* window = nullptr;
        auto context = openSettings(QStringLiteral("ko"), window);
        QVERIFY(window);
        QQuickItem* fast = item(window, "cpuFastPrompts");
        QQuickItem* threads = item(window, "cpuThreadsChoice");
        QVERIFY(fast && threads);
        QCOMPARE(fast->property("text").toString(),
                 QStringLiteral("CPU에서 더 빠른 프롬프트 처리 (8비트, 정확도 약간 낮음)"));
        QCOMPARE(threads->property("currentText").toString(), QStringLiteral("자동 (물리 코어 수)"));
    }
};

QTEST_MAIN(TestCpuSettings)
#include "tst_cpu_settings.moc"
