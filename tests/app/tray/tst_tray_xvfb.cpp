// The tray feature on a real X server: a private Xvfb with a tray host (trayer). Shows the icon in the tray,
// opens the popup with a synthetic Ctrl+Alt+Space (xdotool, XTEST), asks in Korean, watches the answer
// stream, hides with Esc, toggles with a click on the icon and keeps the app alive when the main window
// closes. Set SOSOIK_SCREENSHOT=path.png to save the popup screenshot used in the README. Skips cleanly when
// Xvfb, trayer or xdotool is missing.
#include "app/hotkey/xvfb_session.h"
#include "chat/answer_stream.h"
#include "hotkey/hotkey_settings.h"
#include "storage/storage.h"
#include "support/popup_qml.h"
#include "support/scripted_backend.h"
#include "tray/background_settings.h"
#include "tray/quick_query_controller.h"
#include "tray/quick_query_popup.h"
#include "tray/tray_controller.h"
#include "tray/tray_integration.h"

#include <QApplication>
#include <QPixmap>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QScreen>
#include <QStyleHints>
#include <QTemporaryDir>
#include <QTest>

using namespace sosoik::app;
using sosoik::test::XvfbSession;

namespace {
XvfbSession* g_xvfb = nullptr;
bool g_haveX = false;

bool xdotool(const QStringList& arguments) {
    return !XvfbSession::run("xdotool", arguments).isNull();
}

QQuickItem* findItem(QQuickItem* parent, const QString& name) {
    for (QQuickItem* child : parent->childItems()) {
        if (child->objectName() == name) return child;
        if (QQuickItem* found = findItem(child, name)) return found;
    }
    return nullptr;
}
} // namespace

class TestTrayXvfb : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<EngineWorker> m_worker;
    sosoik::app::test::ScriptedBackend* m_backend = nullptr;
    std::unique_ptr<sosoik::storage::Storage> m_storage;
    std::unique_ptr<sosoik::app::AnswerStreams> m_answers;
    std::unique_ptr<QSettings> m_store;
    std::unique_ptr<QQmlEngine> m_engine;
    std::unique_ptr<sosoik::app::test::PopupQml> m_popupQml;
    std::unique_ptr<TrayIntegration> m_tray;
    std::unique_ptr<QQuickWindow> m_main;

private slots:
    void initTestCase() {
        if (!g_haveX) QSKIP(qPrintable(g_xvfb->skipReason()));
        QVERIFY2(g_xvfb->startTrayHost(), "trayer did not start");
        QTRY_VERIFY_WITH_TIMEOUT(QSystemTrayIcon::isSystemTrayAvailable(), 10000);

        auto backend = std::make_unique<sosoik::app::test::ScriptedBackend>();
        m_backend = backend.get();
        m_backend->tokensPerMessage = 4;
        m_backend->pieces = {"**소소익**은",
                             " 내 컴퓨터에서만",
                             " 동작하는",
                             " AI 비서입니다.\n\n",
                             "- 인터넷 연결 없이",
                             " 답합니다\n",
                             "- 대화는",
                             " 이 PC의 SQLite에",
                             " 저장됩니다\n",
                             "- 단축키 `Ctrl+Alt+Space`로",
                             " 어디서나 물어보세요"};
        m_backend->tokenDelayMs = 20;
        m_worker = std::make_unique<EngineWorker>(std::move(backend));
        m_storage = std::make_unique<sosoik::storage::Storage>();
        QVERIFY(m_storage->open(m_dir.path()));
        m_store = std::make_unique<QSettings>(m_dir.filePath("settings.ini"), QSettings::IniFormat);
        m_engine = std::make_unique<QQmlEngine>();
        m_popupQml = std::make_unique<sosoik::app::test::PopupQml>(m_engine.get(), m_worker.get());
        m_answers = std::make_unique<sosoik::app::AnswerStreams>(m_storage.get());
        m_tray = std::make_unique<TrayIntegration>(m_engine.get(), m_worker.get(), m_storage.get(),
                                                   m_answers.get(), nullptr, m_store.get());
        m_main = std::make_unique<QQuickWindow>();
        m_main->setTitle("Sosoik");
        m_main->resize(640, 480);
        m_tray->attachMainWindow(m_main.get());
        m_worker->loadModel({QStringLiteral("/models/qwen2.5-1.5b-instruct-q4_0.gguf")});
        QTRY_VERIFY(m_tray->tray()->unloadAction()->isEnabled());
    }
    void cleanupTestCase() {
        m_tray.reset();
        m_main.reset();
        m_engine.reset();
        m_popupQml.reset();
        m_worker.reset();
    }

    void iconSitsInTheTray() {
        QVERIFY(m_tray->tray()->trayAvailable());
        QVERIFY(m_tray->tray()->trayIcon()->isVisible());
        // With a tray, --minimized (or the setting) keeps the main window from ever being shown.
        QVERIFY(m_tray->startsHidden(true));
        QVERIFY(!m_tray->startsHidden(false));
        // The tray host embedded it: the icon has a real on-screen geometry inside trayer's panel.
        // trayer docks at the top right of the 1280x800 screen.
        auto* icon = m_tray->tray()->trayIcon();
        QTRY_VERIFY_WITH_TIMEOUT(icon->geometry().isValid() && icon->geometry().top() < 40 &&
                                     icon->geometry().right() > 1000,
                                 5000);
        QVERIFY(m_tray->backgroundSettings()->closeToTray()); // default on when a tray exists
    }

    void globalHotkeyOpensThePopup() {
        QVERIFY2(m_tray->hotkeySettings()->active(), qPrintable(m_tray->hotkeySettings()->status()));
        QVERIFY(!m_tray->popup()->isVisible());
        QVERIFY(xdotool({"key", "ctrl+alt+space"}));
        QTRY_VERIFY(m_tray->popup()->isVisible());
        // Another X client sees it too, by its title.
        QTRY_VERIFY(!XvfbSession::run("xdotool", {"search", "--onlyvisible", "--name", "Sosoik quick query"})
                         .trimmed()
                         .isEmpty());
    }

    void koreanQuestionStreamsAnAnswer() {
        QQuickWindow* popup = m_tray->popup()->window();
        QQuickItem* input = findItem(popup->contentItem(), "quickInput");
        QVERIFY(input);
        QTRY_VERIFY(input->hasActiveFocus());
        input->setProperty("text", QStringLiteral("소소익이 뭐야?"));
        // A real key press from another X client: the popup has the keyboard focus.
        QVERIFY(xdotool({"key", "Return"}));
        QTRY_COMPARE(m_tray->quickQuery()->question(), QStringLiteral("소소익이 뭐야?"));
        QTRY_VERIFY(m_tray->quickQuery()->answer().contains("AI 비서")); // streaming, not yet finished
        QTRY_COMPARE_WITH_TIMEOUT(m_tray->quickQuery()->state(), QStringLiteral("done"), 10000);
        // Re-open it from the tray menu: it then sits under the tray icon, as in the README screenshot.
        m_tray->tray()->quickQueryAction()->trigger();
        const QRect iconRect = m_tray->tray()->trayIcon()->geometry();
        QTRY_VERIFY(popup->geometry().top() > iconRect.bottom() &&
                    popup->geometry().right() >= iconRect.left());
        QTest::qWait(300); // let the last frame render

        const QRect area =
            popup->geometry().united(iconRect).adjusted(-24, -8, 24, 24) & popup->screen()->geometry();
        const QPixmap shot = popup->screen()->grabWindow(0, area.x(), area.y(), area.width(), area.height());
        QCOMPARE(shot.size(), area.size());
        // Rendered text, not an empty window: many distinct colours (antialiased glyphs) inside the popup.
        const QImage image = shot.toImage();
        QSet<QRgb> colours;
        const QRect inside = popup->geometry().translated(-area.topLeft());
        for (int y = inside.top(); y <= inside.bottom(); y += 2)
            for (int x = inside.left(); x <= inside.right(); x += 2)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
        const QString out = qEnvironmentVariable("SOSOIK_SCREENSHOT", m_dir.filePath("popup.png"));
        QVERIFY(shot.save(out));
        qInfo("popup screenshot: %s", qPrintable(out));
    }

    void escapeHidesAndTrayClickToggles() {
        QVERIFY(xdotool({"key", "Escape"}));
        QTRY_VERIFY(!m_tray->popup()->isVisible());
        const QPoint icon = m_tray->tray()->trayIcon()->geometry().center();
        QVERIFY(xdotool({"mousemove", QString::number(icon.x()), QString::number(icon.y()), "click", "1"}));
        QTRY_VERIFY(m_tray->popup()->isVisible());
        // Wait out the double-click interval: a double click opens the main window instead.
        QTest::qWait(QGuiApplication::styleHints()->mouseDoubleClickInterval() + 100);
        QVERIFY(xdotool({"click", "1"}));
        QTRY_VERIFY(!m_tray->popup()->isVisible());
    }

    void closingTheMainWindowKeepsSosoikInTheTray() {
        QVERIFY(m_main->isVisible());
        bool quit = false;
        QMetaObject::Connection c = connect(qApp, &QCoreApplication::aboutToQuit, [&quit] { quit = true; });
        m_main->close();
        QTRY_VERIFY(!m_main->isVisible());
        QTest::qWait(100);
        QVERIFY(!quit);
        QVERIFY(!QGuiApplication::quitOnLastWindowClosed());
        disconnect(c);
        m_tray->tray()->openAction()->trigger();
        QTRY_VERIFY(m_main->isVisible());
    }
};

int main(int argc, char* argv[]) {
    XvfbSession xvfb;
    g_xvfb = &xvfb;
    g_haveX = xvfb.start({"xdotool", "trayer"});
    QApplication app(argc, argv);
    TestTrayXvfb test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_tray_xvfb.moc"
