// Tray menu actions, model status, background settings (autostart file) and the app-side integration:
// second-launch requests, close behaviour without a tray. Runs offscreen, where no system tray exists.
#include "chat/answer_stream.h"
#include "hotkey/global_hotkey.h"
#include "hotkey/hotkey_settings.h"
#include "instance/single_instance.h"
#include "storage/storage.h"
#include "support/popup_qml.h"
#include "support/scripted_backend.h"
#include "tray/background_settings.h"
#include "tray/quick_query_controller.h"
#include "tray/quick_query_popup.h"
#include "tray/tray_controller.h"
#include "tray/tray_integration.h"

#include <QApplication>
#include <QClipboard>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace sosoik::app;
using sosoik::app::test::ScriptedBackend;
using sosoik::storage::Storage;

class TestTrayController : public QObject {
    Q_OBJECT
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<EngineWorker> m_worker;
    ScriptedBackend* m_backend = nullptr;
    std::unique_ptr<Storage> m_storage;
    std::unique_ptr<AnswerStreams> m_answers;
    std::unique_ptr<QSettings> m_store;
    std::unique_ptr<QQmlEngine> m_engine;
    std::unique_ptr<sosoik::app::test::PopupQml> m_popupQml;

    std::unique_ptr<TrayIntegration> integration() {
        return std::make_unique<TrayIntegration>(
            m_engine.get(), m_worker.get(), m_storage.get(), m_answers.get(), nullptr, m_store.get(),
            std::make_unique<UnavailableGlobalHotkey>(QStringLiteral("test platform")));
    }
    void loadModel(bool fail = false) {
        m_backend->failLoad = fail;
        bool done = false;
        QObject context;
        connect(m_worker.get(), &EngineWorker::modelLoaded, &context, [&done] { done = true; });
        connect(m_worker.get(), &EngineWorker::modelLoadFailed, &context, [&done] { done = true; });
        m_worker->loadModel({QStringLiteral("/models/qwen.gguf")});
        QTRY_VERIFY(done);
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true); // autostart files go to a test location, not ~/.config
    }
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        auto backend = std::make_unique<ScriptedBackend>();
        m_backend = backend.get();
        m_backend->pieces = {"Hello", " from", " the", " scripted", " model."};
        m_backend->tokensPerMessage = 4;
        m_backend->tokenDelayMs = 1;
        m_worker = std::make_unique<EngineWorker>(std::move(backend));
        m_storage = std::make_unique<Storage>();
        m_answers = std::make_unique<AnswerStreams>(m_storage.get());
        QVERIFY(m_storage->open(m_dir->path()));
        m_store = std::make_unique<QSettings>(m_dir->filePath("settings.ini"), QSettings::IniFormat);
        m_engine = std::make_unique<QQmlEngine>();
        m_popupQml = std::make_unique<sosoik::app::test::PopupQml>(m_engine.get(), m_worker.get());
        QFile::remove(BackgroundSettings::autostartFilePath());
    }
    void cleanup() {
        m_engine.reset();
        m_popupQml.reset();
        m_worker.reset();
        m_answers.reset();
        m_storage.reset();
        m_store.reset();
    }

    void menuHasTheActionsInOrder() {
        auto tray = integration();
        QStringList texts;
        for (QAction* action : tray->tray()->menu()->actions())
            if (!action->isSeparator()) texts << action->text();
        QCOMPARE(texts, QStringList({"Quick query", "Open Sosoik", "Summarize clipboard", "No model loaded",
                                     "Unload model", "Quit"}));
        QVERIFY(!tray->tray()->modelStatusAction()->isEnabled()); // a status line, not a command
        QVERIFY(!tray->tray()->unloadAction()->isEnabled());      // nothing to unload yet
    }

    void withoutATrayItSaysSoOnceAndWorks() {
        QVERIFY(!QSystemTrayIcon::isSystemTrayAvailable()); // offscreen
        auto tray = integration();
        QVERIFY(!tray->tray()->trayAvailable());
        QVERIFY(tray->tray()->unavailableNotice().contains("No system tray"));
        QVERIFY(!tray->backgroundSettings()->closeToTray()); // nowhere to go back to
        QVERIFY(!tray->backgroundSettings()->startMinimized());
        // The menu's commands still work (the hotkey and second launches use the same paths).
        tray->tray()->quickQueryAction()->trigger();
        QTRY_VERIFY(tray->popup()->isVisible());
    }

    void quickQueryAndOpenAndQuit() {
        auto tray = integration();
        QQuickWindow main;
        QCOMPARE(tray->startsHidden(false), false); // nothing asked for a hidden start
        tray->attachMainWindow(&main);
        QVERIFY(main.isVisible());
        main.hide();
        tray->tray()->openAction()->trigger();
        QVERIFY(main.isVisible());

        tray->tray()->quickQueryAction()->trigger();
        QVERIFY(tray->popup()->isVisible());

        QSignalSpy quitRequested(tray->tray(), &TrayController::quitRequested);
        tray->tray()->quitAction()->trigger();
        QCOMPARE(quitRequested.count(), 1);
    }

    void summarizeClipboardShowsTheSummary() {
        loadModel();
        auto tray = integration();
        QGuiApplication::clipboard()->setText(
            QStringLiteral("회의는 다음 주 화요일로 미뤄졌다.\n장소는 그대로다."));
        tray->tray()->summarizeClipboardAction()->trigger();
        QVERIFY(tray->popup()->isVisible());
        QVERIFY(tray->quickQuery()->question().startsWith("Summarize: 회의는"));
        QTRY_COMPARE(tray->quickQuery()->state(), QStringLiteral("done"));
        QVERIFY(m_backend->lastUserMessage().contains("장소는 그대로다"));

        QGuiApplication::clipboard()->clear();
        tray->tray()->summarizeClipboardAction()->trigger();
        QCOMPARE(tray->quickQuery()->state(), QStringLiteral("error"));
        QVERIFY(tray->quickQuery()->statusText().contains("no text"));
    }

    void modelStatusFollowsTheWorker() {
        auto tray = integration();
        QSignalSpy changed(tray->tray(), &TrayController::modelStatusChanged);
        loadModel();
        QTRY_COMPARE(tray->tray()->modelStatus(), QStringLiteral("Model: scripted on reference"));
        QVERIFY(tray->tray()->unloadAction()->isEnabled());
        QSignalSpy unload(tray->tray(), &TrayController::unloadModelRequested);
        tray->tray()->unloadAction()->trigger();
        QCOMPARE(unload.count(), 1);
        QTRY_COMPARE(tray->tray()->modelStatus(), QStringLiteral("No model loaded"));
        QVERIFY(!tray->tray()->unloadAction()->isEnabled());
        QVERIFY(!m_backend->isLoaded()); // really freed in the engine, not just relabelled
        QVERIFY(tray->quickQuery()->ask(QStringLiteral("still there?")));
        QTRY_COMPARE(tray->quickQuery()->state(), QStringLiteral("error"));
        QVERIFY(tray->quickQuery()->statusText().contains("No model is loaded"));

        loadModel(true);
        QTRY_COMPARE(tray->tray()->modelStatus(), QStringLiteral("No model loaded"));
        QVERIFY(changed.count() >= 3);
    }

    void secondLaunchRequestsAreHandled() {
        loadModel();
        auto tray = integration();
        QQuickWindow main;
        tray->attachMainWindow(&main);
        main.hide();
        InstanceRequest activate;
        tray->handleRequest(activate);
        QVERIFY(main.isVisible());

        InstanceRequest quick;
        quick.action = InstanceRequest::Action::QuickQuery;
        tray->handleRequest(quick);
        QVERIFY(tray->popup()->isVisible());
        tray->popup()->hide();

        const QString file = m_dir->filePath("notes.md");
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("# Plan\nShip the tray feature on Friday.");
        out.close();
        QSignalSpy opened(tray.get(), &TrayIntegration::filesOpened);
        tray->handleRequest(InstanceRequest::fromArguments({file}, false));
        QCOMPARE(opened.count(), 0); // the idle popup took the only file: none left for the main window
        QVERIFY(tray->popup()->isVisible());
        QCOMPARE(tray->quickQuery()->question(), QStringLiteral("Summarize notes.md"));
        QTRY_COMPARE(tray->quickQuery()->state(), QStringLiteral("done"));
        QVERIFY(m_backend->lastUserMessage().contains("Ship the tray feature"));
    }

    void continueInChatOpensTheMainWindow() {
        loadModel();
        auto tray = integration();
        QQuickWindow main;
        tray->attachMainWindow(&main);
        main.hide();
        QVERIFY(tray->quickQuery()->ask(QStringLiteral("hello")));
        QTRY_COMPARE(tray->quickQuery()->state(), QStringLiteral("done"));
        QSignalSpy continued(tray.get(), &TrayIntegration::continueInChatRequested);
        tray->quickQuery()->continueInChat();
        QCOMPARE(continued.count(), 1);
        QCOMPARE(continued.first().first().toLongLong(), tray->quickQuery()->conversationId());
        QVERIFY(main.isVisible());
    }

    void closingWithoutATrayClosesTheWindow() {
        auto tray = integration();
        QQuickWindow main;
        QVERIFY(!tray->startsHidden(true)); // no tray to come back from: never start hidden
        tray->attachMainWindow(&main, /*startMinimizedFlag=*/true); // ignored: no tray to come back from
        QVERIFY(main.isVisible());
        QVERIFY(main.close());
        QVERIFY(!main.isVisible());
    }

    void hotkeySettingsExplainTheMissingPlatform() {
        auto tray = integration();
        QVERIFY(!tray->hotkeySettings()->available());
        QVERIFY(tray->hotkeySettings()->status().contains("test platform"));
    }

    void settingsPaneShowsAndChangesTheSettings() {
        auto tray = integration();
        // What the pane uses, as the shell provides it (shell/app_context.cpp).
        sosoik::app::provideToQml(m_engine.get(), "HotkeySettings", tray->hotkeySettings());
        sosoik::app::provideToQml(m_engine.get(), "BackgroundSettings", tray->backgroundSettings());
        QQmlComponent component(m_engine.get(), QUrl("qrc:/qt/qml/Sosoik/tray/TraySettingsPane.qml"));
        std::unique_ptr<QObject> pane(component.create());
        QVERIFY2(pane, qPrintable(component.errorString()));
        auto* status = pane->findChild<QObject*>("hotkeyStatus");
        QVERIFY(status);
        QCOMPARE(status->property("text").toString(), tray->hotkeySettings()->status());
        auto* login = pane->findChild<QObject*>("startAtLogin");
        QVERIFY(login);
        QVERIFY(!login->property("checked").toBool());
        tray->backgroundSettings()->setStartAtLogin(true);
        QVERIFY(login->property("checked").toBool());
        tray->backgroundSettings()->setStartAtLogin(false);
        // Without a tray, the tray-only choices are greyed out.
        QVERIFY(!pane->findChild<QObject*>("closeToTray")->property("enabled").toBool());
    }

    void startAtLoginWritesAnXdgAutostartEntry() {
        BackgroundSettings background(m_store.get(), true);
        QVERIFY(background.closeToTray()); // on by default when a tray exists
        QVERIFY(!background.startAtLogin());
        QVERIFY(background.setStartAtLogin(true));
        const QString path = BackgroundSettings::autostartFilePath();
        QVERIFY(path.endsWith("/autostart/io.sosoik.Sosoik.desktop"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString entry = QString::fromUtf8(file.readAll());
        QVERIFY(entry.startsWith("[Desktop Entry]\n"));
        QVERIFY(entry.contains(
            QStringLiteral("Exec=\"%1\" --minimized").arg(QCoreApplication::applicationFilePath())));
        QVERIFY(background.startAtLogin());
        QVERIFY(background.setStartAtLogin(false));
        QVERIFY(!QFile::exists(path));
        QVERIFY(!background.startAtLogin());

        background.setCloseToTray(false);
        background.setStartMinimized(true);
        BackgroundSettings reloaded(m_store.get(), true);
        QVERIFY(!reloaded.closeToTray());
        QVERIFY(reloaded.startMinimized());
    }

    void execLineQuotesOddPaths() {
        const QString entry = BackgroundSettings::autostartEntry(QStringLiteral("/opt/my apps/$sosoik"));
        QVERIFY(entry.contains(QStringLiteral("Exec=\"/opt/my apps/\\$sosoik\" --minimized")));
    }

    void unwritableAutostartIsReported() {
        const QString dir = QFileInfo(BackgroundSettings::autostartFilePath()).absolutePath();
        QDir(dir).removeRecursively();
        QDir().mkpath(QFileInfo(dir).absolutePath());
        QFile blocker(dir); // a file where the directory should be
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        BackgroundSettings background(m_store.get(), true);
        QVERIFY(!background.setStartAtLogin(true));
        QVERIFY(background.errorString().contains("Cannot write"));
        QFile::remove(dir);
    }
};

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    TestTrayController test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_tray_controller.moc"
