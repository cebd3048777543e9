// The global shortcut in Wayland sessions (issue #21): sessions are told apart properly (XWayland
// included, where an X11 grab would only fire over X11 windows), and where the desktop portal offers
// GlobalShortcuts the quick query is bound through it. A fake portal on a private session bus (a
// dbus-daemon started here; skipped without one) answers CreateSession and BindShortcuts like the
// real one (Request::Response signals on the documented handles) and sends Activated: the app's
// quick-query popup opens.
#include "hotkey/global_hotkey.h"
#include "hotkey/hotkey_settings.h"
#include "hotkey/portal_global_hotkey.h"
#include "shell/app_context.h"
#include "shell/application.h"
#include "support/scripted_backend.h"
#include "tray/quick_query_popup.h"
#include "tray/tray_integration.h"

#include <QDBusConnection>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QDBusVirtualObject>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <utility>

using namespace sosoik::app;

namespace {

// org.freedesktop.portal.GlobalShortcuts as xdg-desktop-portal implements it, minus the dialog: it
// binds what it is asked to (or plays a cancelled dialog) and answers through Request::Response. A
// virtual object reads the messages itself (QtDBus does not match a(sa{sv}) to a slot's custom type).
class FakePortal : public QDBusVirtualObject {
public:
    explicit FakePortal(QDBusConnection bus) : bus_(std::move(bus)) {}

    QStringList sessions;
    QList<QList<PortalShortcut>> binds;
    bool cancelNextBind = false;

    void activate(const QString& session, const QString& id) {
        QDBusMessage signal = QDBusMessage::createSignal(QString::fromLatin1(PortalGlobalHotkey::kPath),
                                                         QString::fromLatin1(PortalGlobalHotkey::kInterface),
                                                         QStringLiteral("Activated"));
        signal << QVariant::fromValue(QDBusObjectPath(session)) << id << quint64(1234) << QVariantMap();
        bus_.send(signal);
    }

    QString introspect(const QString&) const override { return {}; }

    bool handleMessage(const QDBusMessage& call, const QDBusConnection& connection) override {
        const QList<QVariant> args = call.arguments();
        if (call.member() == "Get" && args.value(1).toString() == "version") {
            connection.send(call.createReply(QVariant::fromValue(QDBusVariant(uint(2)))));
            return true;
        }
        if (call.member() == "CreateSession" && args.size() == 1) {
            const QVariantMap options = qdbus_cast<QVariantMap>(args[0]);
            const QString session = QStringLiteral("/org/freedesktop/portal/desktop/session/%1/%2")
                                        .arg(sender(call), options.value("session_handle_token").toString());
            sessions << session;
            respond(call, connection, options, 0, {{QStringLiteral("session_handle"), session}});
            return true;
        }
        if (call.member() == "BindShortcuts" && args.size() == 4) {
            const QString session = args[0].value<QDBusObjectPath>().path();
            const auto shortcuts = qdbus_cast<QList<PortalShortcut>>(args[1]);
            const QVariantMap options = qdbus_cast<QVariantMap>(args[3]);
            if (!sessions.contains(session)) {
                respond(call, connection, options, 2, {});
                return true;
            }
            binds << shortcuts;
            if (std::exchange(cancelNextBind, false)) {
                respond(call, connection, options, 1, {});
                return true;
            }
            QList<PortalShortcut> bound;
            for (PortalShortcut s : shortcuts) {
                s.properties.insert(QStringLiteral("trigger_description"),
                                    s.properties.value("preferred_trigger").toString() +
                                        QStringLiteral(" (desktop)"));
                bound << s;
            }
            respond(call, connection, options, 0,
                    {{QStringLiteral("shortcuts"), QVariant::fromValue(bound)}});
            return true;
        }
        return false;
    }

private:
    static QString sender(const QDBusMessage& call) { return call.service().mid(1).replace('.', '_'); }

    // The handle is returned at once; the answer follows as a signal on it, as the portal does.
    static void respond(const QDBusMessage& call, const QDBusConnection& connection,
                        const QVariantMap& options, uint response, const QVariantMap& results) {
        const QString handle = QStringLiteral("/org/freedesktop/portal/desktop/request/%1/%2")
                                   .arg(sender(call), options.value("handle_token").toString());
        connection.send(call.createReply(QVariant::fromValue(QDBusObjectPath(handle))));
        QDBusMessage signal = QDBusMessage::createSignal(
            handle, QStringLiteral("org.freedesktop.portal.Request"), QStringLiteral("Response"));
        signal << response << results;
        connection.send(signal);
    }

    QDBusConnection bus_;
};

} // namespace

class TestPortalHotkey : public QObject {
    Q_OBJECT
    QProcess daemon_;
    QString address_;
    QTemporaryDir dir_;

private slots:
    void initTestCase() {
        configureApplication();
        PortalGlobalHotkey::registerDBusTypes();
        if (QStandardPaths::findExecutable("dbus-daemon").isEmpty()) return; // the bus tests skip
        daemon_.start("dbus-daemon", {"--session", "--nofork", "--print-address"});
        QVERIFY(daemon_.waitForStarted(5000));
        QVERIFY(daemon_.waitForReadyRead(10000));
        address_ = QString::fromUtf8(daemon_.readLine().trimmed());
        QVERIFY2(address_.startsWith("unix:"), qPrintable(address_));
    }

    void cleanupTestCase() {
        daemon_.kill();
        daemon_.waitForFinished();
    }

    void sessionsAreToldApart_data() {
        QTest::addColumn<QString>("platform");
        QTest::addColumn<QString>("waylandDisplay");
        QTest::addColumn<QString>("sessionType");
        QTest::addColumn<int>("expected");
        const int x11 = int(DisplaySession::X11), xwayland = int(DisplaySession::XWayland),
                  wayland = int(DisplaySession::Wayland), other = int(DisplaySession::Other);
        QTest::newRow("X server") << "xcb"
                                  << ""
                                  << "x11" << x11;
        QTest::newRow("X server, no logind") << "xcb"
                                             << ""
                                             << "" << x11;
        QTest::newRow("XWayland") << "xcb"
                                  << "wayland-0"
                                  << "wayland" << xwayland;
        QTest::newRow("XWayland, WAYLAND_DISPLAY unset") << "xcb"
                                                         << ""
                                                         << "wayland" << xwayland;
        QTest::newRow("XWayland, no logind") << "xcb"
                                             << "wayland-1"
                                             << "" << xwayland;
        QTest::newRow("native Wayland") << "wayland"
                                        << "wayland-0"
                                        << "wayland" << wayland;
        QTest::newRow("native Wayland, EGL") << "wayland-egl"
                                             << "wayland-0"
                                             << "wayland" << wayland;
        QTest::newRow("offscreen") << "offscreen"
                                   << "wayland-0"
                                   << "wayland" << other;
    }
    void sessionsAreToldApart() {
        QFETCH(QString, platform);
        QFETCH(QString, waylandDisplay);
        QFETCH(QString, sessionType);
        QFETCH(int, expected);
        QCOMPARE(int(detectDisplaySession(platform, waylandDisplay, sessionType)), expected);
    }

    void withoutThePortalTheSettingsSayHowToBindIt() {
        const QString xwayland = GlobalHotkey::waylandUnavailableReason(DisplaySession::XWayland);
        QVERIFY2(xwayland.contains("XWayland") && xwayland.contains("only works while another X11 window"),
                 qPrintable(xwayland));
        const QString wayland = GlobalHotkey::waylandUnavailableReason(DisplaySession::Wayland);
        for (const QString& reason : {xwayland, wayland})
            QVERIFY2(reason.contains("`sosoik --quick-query`") && reason.contains("keyboard settings"),
                     qPrintable(reason));
        QSettings store(dir_.filePath("unavailable.ini"), QSettings::IniFormat);
        UnavailableGlobalHotkey backend(wayland);
        HotkeySettings settings(&store, &backend);
        QVERIFY(!settings.available());
        QCOMPARE(settings.status(), "Global shortcut unavailable: " + wayland);
    }

    void triggersFollowTheShortcutsSpec() {
        QCOMPARE(PortalGlobalHotkey::portalTrigger(QKeySequence("Ctrl+Alt+Space")),
                 QStringLiteral("CTRL+ALT+space"));
        QCOMPARE(PortalGlobalHotkey::portalTrigger(QKeySequence("Meta+Shift+K")),
                 QStringLiteral("SHIFT+LOGO+k"));
        QCOMPARE(PortalGlobalHotkey::portalTrigger(QKeySequence("F9")), QStringLiteral("F9"));
        QCOMPARE(PortalGlobalHotkey::portalTrigger(QKeySequence("Space")), QString()); // not a chord
    }

    void portalBindsTheShortcutAndActivatedOpensTheQuickQuery() {
        if (address_.isEmpty()) QSKIP("dbus-daemon is not installed");
        QDBusConnection portalBus = QDBusConnection::connectToBus(address_, "portal");
        QDBusConnection appBus = QDBusConnection::connectToBus(address_, "app");
        QVERIFY(portalBus.isConnected() && appBus.isConnected());
        QVERIFY2(!PortalGlobalHotkey::offered(appBus, 2000), "no portal on the bus yet");
        // The portal answers from a thread of its own, as a separate process would: offered() blocks
        // this one.
        QThread portalThread;
        portalThread.start();
        auto* fake = new FakePortal(portalBus);
        fake->moveToThread(&portalThread);
        const auto stopPortal = qScopeGuard([&] {
            QMetaObject::invokeMethod(
                fake, [fake] { delete fake; }, Qt::BlockingQueuedConnection);
            portalThread.quit();
            portalThread.wait();
        });
        FakePortal& portal = *fake;
        QVERIFY(portalBus.registerVirtualObject(PortalGlobalHotkey::kPath, fake));
        QVERIFY(portalBus.registerService(PortalGlobalHotkey::kService));
        QVERIFY(PortalGlobalHotkey::offered(appBus, 2000));

        AppContextOptions options;
        options.dataDir = DataDir{dir_.filePath("profile"), true, {}};
        options.backend = std::make_unique<test::ScriptedBackend>();
        options.inspector = [](const QString&) { return ModelDetails{}; };
        options.devices = [] { return QVariantList(); };
        options.hotkey = std::make_unique<PortalGlobalHotkey>(appBus);
        AppContext app(std::move(options));
        HotkeySettings* hotkey = app.tray()->hotkeySettings();
        QVERIFY(hotkey->available());

        // The default shortcut is asked for at start; the desktop's answer makes it active.
        QTRY_VERIFY2(hotkey->active(), qPrintable(hotkey->status()));
        QCOMPARE(portal.sessions.size(), 1);
        QCOMPARE(portal.binds.size(), 1);
        QCOMPARE(portal.binds[0].size(), 1);
        QCOMPARE(portal.binds[0][0].id, QStringLiteral("quick-query"));
        QCOMPARE(portal.binds[0][0].properties.value("preferred_trigger").toString(),
                 QStringLiteral("CTRL+ALT+space"));
        QCOMPARE(portal.binds[0][0].properties.value("description").toString(),
                 QStringLiteral("Open Sosoik's quick query"));
        QCOMPARE(hotkey->status(),
                 QStringLiteral("CTRL+ALT+space (desktop) opens the quick query from any application."));

        QVERIFY(!app.tray()->popup()->isVisible());
        portal.activate(portal.sessions[0], "some-other-id");
        portal.activate(portal.sessions[0], "quick-query");
        QTRY_VERIFY(app.tray()->popup()->isVisible());

        // A new shortcut is a new session; the old session's shortcut no longer opens anything.
        app.tray()->popup()->hide();
        QVERIFY(hotkey->setSequence("Ctrl+Alt+J"));
        QVERIFY(hotkey->status().startsWith("Waiting for the desktop to bind"));
        QTRY_VERIFY(hotkey->active());
        QCOMPARE(portal.sessions.size(), 2);
        QCOMPARE(portal.binds.last()[0].properties.value("preferred_trigger").toString(),
                 QStringLiteral("CTRL+ALT+j"));
        QSignalSpy activated(hotkey, &HotkeySettings::activated);
        portal.activate(portal.sessions[0], "quick-query");
        portal.activate(portal.sessions[1], "quick-query");
        QTRY_COMPARE(activated.size(), 1);
        QTest::qWait(100);
        QCOMPARE(activated.size(), 1);

        // The user cancels the desktop's dialog: said in words, nothing active.
        portal.cancelNextBind = true;
        QVERIFY(hotkey->setSequence("Ctrl+Alt+K"));
        QTRY_VERIFY(hotkey->status().contains("cancelled"));
        QVERIFY(!hotkey->active());
        QVERIFY2(hotkey->status().startsWith("Ctrl+Alt+K cannot be registered"),
                 qPrintable(hotkey->status()));
    }
};

QTEST_MAIN(TestPortalHotkey)
#include "tst_portal_hotkey.moc"
