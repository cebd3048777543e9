// The X11 backend against a real X server: a private Xvfb, synthetic key presses from xdotool (XTEST), and a
// second X client competing for the same key. Skips cleanly without Xvfb/xdotool.
#include "app/hotkey/xvfb_session.h"
#include "hotkey/global_hotkey.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTest>

using sosoik::app::GlobalHotkey;
using sosoik::test::XvfbSession;

namespace {
XvfbSession* g_xvfb = nullptr;
bool g_haveX = false;

bool xdotool(const QStringList& arguments) {
    return !XvfbSession::run("xdotool", arguments).isNull();
}
} // namespace

class TestX11Hotkey : public QObject {
    Q_OBJECT
    std::unique_ptr<GlobalHotkey> m_hotkey;

private slots:
    void initTestCase() {
        if (!g_haveX) QSKIP(qPrintable(g_xvfb->skipReason()));
        QCOMPARE(QGuiApplication::platformName(), QStringLiteral("xcb"));
        m_hotkey = GlobalHotkey::createForPlatform();
        QVERIFY2(m_hotkey->unavailableReason().isEmpty(), qPrintable(m_hotkey->unavailableReason()));
    }
    void cleanupTestCase() { m_hotkey.reset(); }

    void syntheticKeyPressActivates() {
        QVERIFY2(m_hotkey->setShortcut(QKeySequence("Ctrl+Alt+Space")), qPrintable(m_hotkey->errorString()));
        QSignalSpy activated(m_hotkey.get(), &GlobalHotkey::activated);
        QVERIFY(xdotool({"key", "ctrl+alt+space"}));
        QTRY_COMPARE(activated.count(), 1);
    }

    void otherModifiersDoNotActivate() {
        QVERIFY(m_hotkey->setShortcut(QKeySequence("Ctrl+Alt+Space")));
        QSignalSpy activated(m_hotkey.get(), &GlobalHotkey::activated);
        QVERIFY(xdotool({"key", "ctrl+space"}));
        QVERIFY(xdotool({"key", "ctrl+alt+shift+space"}));
        QTest::qWait(300);
        QCOMPARE(activated.count(), 0);
    }

    void worksWithNumLockAndCapsLockOn() {
        QVERIFY(m_hotkey->setShortcut(QKeySequence("Ctrl+Alt+Space")));
        QSignalSpy activated(m_hotkey.get(), &GlobalHotkey::activated);
        QVERIFY(xdotool({"key", "Num_Lock"}));
        QVERIFY(xdotool({"key", "ctrl+alt+space"}));
        QTRY_COMPARE(activated.count(), 1);
        QVERIFY(xdotool({"key", "Caps_Lock"}));
        QVERIFY(xdotool({"key", "ctrl+alt+space"}));
        QTRY_COMPARE(activated.count(), 2);
        QVERIFY(xdotool({"key", "Num_Lock"}));
        QVERIFY(xdotool({"key", "ctrl+alt+space"}));
        QTRY_COMPARE(activated.count(), 3);
        QVERIFY(xdotool({"key", "Caps_Lock"})); // leave the server as we found it
    }

    void changingTheShortcutReleasesTheOldOne() {
        QVERIFY(m_hotkey->setShortcut(QKeySequence("Ctrl+Alt+Space")));
        QVERIFY(m_hotkey->setShortcut(QKeySequence("Meta+F9")));
        QSignalSpy activated(m_hotkey.get(), &GlobalHotkey::activated);
        QVERIFY(xdotool({"key", "ctrl+alt+space"}));
        QTest::qWait(300);
        QCOMPARE(activated.count(), 0);
        QVERIFY(xdotool({"key", "super+F9"}));
        QTRY_COMPARE(activated.count(), 1);
        m_hotkey->clearShortcut();
        QVERIFY(xdotool({"key", "super+F9"}));
        QTest::qWait(300);
        QCOMPARE(activated.count(), 1);
    }

    void shortcutOwnedByAnotherClientIsReported() {
        m_hotkey->clearShortcut();
        // A second process grabs first; xdotool has no grab command, so use another instance of our backend
        // in a child process: this test binary with --grab-and-wait.
        QProcess other;
        other.start(QCoreApplication::applicationFilePath(), {"--grab-and-wait"});
        QVERIFY(other.waitForReadyRead(10000));
        QCOMPARE(other.readLine().trimmed(), QByteArray("grabbed"));
        QVERIFY(!m_hotkey->setShortcut(QKeySequence("Ctrl+Alt+Space")));
        QVERIFY2(m_hotkey->errorString().contains("already used"), qPrintable(m_hotkey->errorString()));
        QVERIFY(m_hotkey->shortcut().isEmpty());
        other.kill();
        other.waitForFinished(3000);
        QTRY_VERIFY_WITH_TIMEOUT(m_hotkey->setShortcut(QKeySequence("Ctrl+Alt+Space")), 5000);
    }
};

int main(int argc, char* argv[]) {
    if (argc > 1 &&
        qstrcmp(argv[1], "--grab-and-wait") == 0) { // the competing client, on the parent's display
        QApplication app(argc, argv);
        auto hotkey = GlobalHotkey::createForPlatform();
        if (!hotkey->setShortcut(QKeySequence("Ctrl+Alt+Space"))) return 2;
        std::printf("grabbed\n");
        std::fflush(stdout);
        return app.exec();
    }
    XvfbSession xvfb;
    g_xvfb = &xvfb;
    g_haveX = xvfb.start({"xdotool"});
    QApplication app(argc, argv);
    TestX11Hotkey test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_x11_hotkey.moc"
