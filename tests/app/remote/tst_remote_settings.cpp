// Settings → Remote engine: the key goes to an owner-only file and nowhere else, the address is kept
// normalized, a server that cannot be reached is told in words, the choice survives a restart, and the
// app opens no connection at all unless the user chose a server.
#include "hotkey/global_hotkey.h"
#include "models/model_manager.h"
#include "remote/routing_backend.h"
#include "remote/ui/remote_engine_controller.h"
#include "settings/app_settings.h"
#include "shell/app_context.h"
#include "shell/application.h"
#include "support/scripted_backend.h"

#include <QFile>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace sosoik::app;

namespace {

ModelDetails noInspect(const QString&) {
    return {};
}

std::unique_ptr<EngineWorker> scriptedRoutingWorker() {
    return std::make_unique<EngineWorker>(
        std::make_unique<remote::RoutingBackend>(std::make_unique<test::ScriptedBackend>()));
}

std::unique_ptr<AppContext> scriptedApp(const QString& dataDir) {
    AppContextOptions options;
    options.dataDir = DataDir{dataDir, true, {}};
    options.backend = std::make_unique<test::ScriptedBackend>();
    options.inspector = noInspect;
    options.devices = [] { return QVariantList(); };
    options.hotkey = std::make_unique<UnavailableGlobalHotkey>(QStringLiteral("test platform"));
    return std::make_unique<AppContext>(std::move(options));
}

// Keys as a user types them (QTest::keyClicks takes widgets only).
void typeInto(QWindow* window, const QString& text) {
    for (const QChar c : text)
        QTest::keyClick(window, c.toLatin1());
}

} // namespace

class TestRemoteSettings : public QObject {
    Q_OBJECT
    QTemporaryDir dir;

private slots:
    void initTestCase() { configureApplication(); }

    void ownerOnlyFile() {
        const QString path = dir.filePath("secret");
        QVERIFY(writeOwnerOnlyFile(path, "first", nullptr));
        const auto others = QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther;
        QVERIFY(!(QFile(path).permissions() & others));
        // An existing readable file is narrowed before the new secret goes in.
        QVERIFY(QFile(path).setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                           QFile::ReadOther));
        QVERIFY(writeOwnerOnlyFile(path, "second", nullptr));
        QVERIFY(!(QFile(path).permissions() & others));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("second"));
    }

    void keyAddressAndFailure() {
        QTcpServer closed; // a port where nothing answers
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        const QString ini = dir.filePath("app.ini");
        {
            AppSettings settings(ini);
            auto worker = scriptedRoutingWorker();
            ModelManager models(worker.get(), &settings, noInspect, [] { return QVariantList(); });
            RemoteEngineController remote(&models, &settings);
            QVERIFY(!remote.hasKey());
            QVERIFY(!remote.connectServer("not a url at all://", "k", "m"));
            QVERIFY(remote.errorText().contains("not a server address"));
            QVERIFY(!QFile::exists(remote.keyPath()));

            QSignalSpy failed(&models, &ModelManager::modelFailed);
            QVERIFY(
                remote.connectServer(QStringLiteral("127.0.0.1:%1/").arg(port), "team-secret-key", "qwen"));
            QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
            QVERIFY2(models.errorText().contains("Could not use the server") &&
                         models.errorText().contains("connection refused"),
                     qPrintable(models.errorText()));
            QVERIFY(!models.loaded());
            QCOMPARE(remote.url(), QStringLiteral("http://127.0.0.1:%1/v1").arg(port));
            QCOMPARE(remote.model(), QStringLiteral("qwen"));
            QVERIFY(remote.hasKey());
            QVERIFY(!(QFile(remote.keyPath()).permissions() & (QFile::ReadGroup | QFile::ReadOther)));
            QVERIFY2(!models.errorText().contains("team-secret-key"), "the key was shown");
            settings.sync();
        }
        QFile settingsFile(ini);
        QVERIFY(settingsFile.open(QIODevice::ReadOnly));
        QVERIFY2(!settingsFile.readAll().contains("team-secret-key"), "the key is in the settings file");

        // The next start reconnects (reopen-last-model is on by default) with the stored key.
        AppSettings settings(ini);
        auto worker = scriptedRoutingWorker();
        ModelManager models(worker.get(), &settings, noInspect, [] { return QVariantList(); });
        RemoteEngineController remote(&models, &settings);
        QVERIFY(remote.hasKey());
        QSignalSpy failed(&models, &ModelManager::modelFailed);
        QVERIFY(remote.reconnectIfActive());
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
        remote.forgetKey();
        QVERIFY(!remote.hasKey());
        QVERIFY(!QFile::exists(remote.keyPath()));
        settings.setReopenLastModel(false);
        QVERIFY(!remote.reconnectIfActive());
    }

    // Found under Xvfb: an address typed in Settings → Remote engine vanished when "List models" failed
    // (the field was bound to the saved address, re-read on the controller's change with the error), so
    // the user read "Could not list the models of 127.0.0.1:9" under an empty field. What was typed stays.
    void typedAddressAndModelSurviveAFailedListing() {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const QString url = QStringLiteral("http://127.0.0.1:%1/v1").arg(closed.serverPort());
        closed.close(); // nothing listens there now
        auto app = scriptedApp(dir.filePath("typed-profile"));
        QQuickWindow* window = app->loadMainWindow();
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QObject* settings = window->findChild<QObject*>(QStringLiteral("settingsDialog"));
        QVERIFY(settings);
        QMetaObject::invokeMethod(settings, "open");
        QTRY_VERIFY(settings->property("opened").toBool());
        auto* field = window->findChild<QQuickItem*>(QStringLiteral("remoteUrl"));
        auto* model = window->findChild<QQuickItem*>(QStringLiteral("remoteModel"));
        auto* fetch = window->findChild<QObject*>(QStringLiteral("remoteFetch"));
        QVERIFY(field && model && fetch);
        window->requestActivate();
        QVERIFY(QTest::qWaitForWindowActive(window));
        field->forceActiveFocus();
        typeInto(window, url);
        QCOMPARE(field->property("text").toString(), url);
        model->property("contentItem").value<QQuickItem*>()->forceActiveFocus(); // its text field
        typeInto(window, QStringLiteral("my-model"));
        QCOMPARE(model->property("editText").toString(), QStringLiteral("my-model"));
        QVERIFY(QMetaObject::invokeMethod(fetch, "clicked"));
        QTRY_VERIFY_WITH_TIMEOUT(!app->remoteEngine()->errorText().isEmpty(), 10000);
        QVERIFY2(app->remoteEngine()->errorText().contains("Could not list"),
                 qPrintable(app->remoteEngine()->errorText()));
        QCOMPARE(field->property("text").toString(), url);
        QCOMPARE(model->property("editText").toString(), QStringLiteral("my-model"));
    }

    void offlineUnlessChosen() {
        // A server is configured but was not the engine last time: starting the app connects nowhere.
        QTcpServer listener;
        QVERIFY(listener.listen(QHostAddress::LocalHost));
        int connections = 0;
        connect(&listener, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket* s = listener.nextPendingConnection()) {
                ++connections;
                s->close();
                s->deleteLater();
            }
        });
        const auto writeProfile = [&](const QString& data, bool active) {
            QSettings ini(QDir(data).filePath("settings.ini"), QSettings::IniFormat);
            ini.setValue("remote/url", QStringLiteral("http://127.0.0.1:%1/v1").arg(listener.serverPort()));
            ini.setValue("remote/active", active);
        };
        const QString idle = dir.filePath("idle-profile");
        QDir().mkpath(idle);
        writeProfile(idle, false);
        {
            auto app = scriptedApp(idle);
            app->restoreLastModel();
            QTest::qWait(500);
            QCOMPARE(connections, 0);
            QVERIFY(!app->remoteEngine()->usedNetwork());
        }
        // The same profile with the server in use last time: the app does connect (so the check above
        // could have failed).
        const QString active = dir.filePath("active-profile");
        QDir().mkpath(active);
        writeProfile(active, true);
        auto app = scriptedApp(active);
        app->restoreLastModel();
        QTRY_VERIFY_WITH_TIMEOUT(connections > 0, 10000);
    }
};

QTEST_MAIN(TestRemoteSettings)
#include "tst_remote_settings.moc"
