// The quick-query popup window as a user sees it (#21 follow-up): a reasoning model's <think>…</think>
// is folded like in the chat window (chat/ThinkingSection.qml) instead of shown as raw text, a link in
// the answer asks before it opens, and a popup created after the app went dark is dark too.
// Real EngineWorker with the scripted engine, real popup QML (offscreen).
#include "chat/link_guard.h"
#include "settings/app_settings.h"
#include "support/popup_qml.h"
#include "support/scripted_backend.h"
#include "theme/theme.h"
#include "tray/quick_query_controller.h"
#include "tray/quick_query_popup.h"

#include <QApplication>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace sosoik::app;
using sosoik::app::test::ScriptedBackend;

class TestQuickQueryPopup : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<EngineWorker> m_worker;
    ScriptedBackend* m_backend = nullptr;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<QuickQueryController> m_controller;
    std::unique_ptr<Theme> m_theme;
    LinkGuard m_links{[](const QUrl&) { return true; }}; // never opens a browser from a test
    std::unique_ptr<QQmlEngine> m_engine;
    std::unique_ptr<sosoik::app::test::PopupQml> m_popupQml;

    // By the visual tree: a ScrollView's content is not a QObject child of the window's content item.
    static QQuickItem* findItem(QQuickItem* parent, const QString& name) {
        for (QQuickItem* child : parent->childItems()) {
            if (child->objectName() == name) return child;
            if (QQuickItem* found = findItem(child, name)) return found;
        }
        return nullptr;
    }
    QQuickItem* item(QQuickWindow* window, const QString& name) {
        return findItem(window->contentItem(), name);
    }
    // The answer as the user reads it: the rendered text, not the Markdown source.
    static QString shownText(QQuickItem* textEdit) {
        QString shown;
        QMetaObject::invokeMethod(textEdit, "getText", Q_RETURN_ARG(QString, shown), Q_ARG(int, 0),
                                  Q_ARG(int, textEdit->property("length").toInt()));
        return shown;
    }
    static QColor paletteColor(QObject* object, const char* role) {
        return object->property("palette").value<QObject*>()->property(role).value<QColor>();
    }
    std::unique_ptr<QuickQueryPopup> showPopup() {
        auto popup = std::make_unique<QuickQueryPopup>(m_engine.get(), m_controller.get());
        if (!popup->window()) return nullptr;
        popup->showNear();
        return QTest::qWaitForWindowExposed(popup->window()) ? std::move(popup) : nullptr;
    }

private slots:
    void initTestCase() { QQuickStyle::setStyle(QStringLiteral("Fusion")); } // as the app (shell)

    void init() {
        // The popup's QML must load and run without a single warning (a missing context object,
        // a broken binding).
        QTest::failOnWarning(QRegularExpression(QStringLiteral("qrc:/qt/qml/Sosoik/")));
        auto backend = std::make_unique<ScriptedBackend>();
        m_backend = backend.get();
        m_backend->tokenDelayMs = 1;
        m_worker = std::make_unique<EngineWorker>(std::move(backend));
        m_settings = std::make_unique<AppSettings>(m_dir.filePath(QStringLiteral("settings.ini")));
        m_controller =
            std::make_unique<QuickQueryController>(m_worker.get(), nullptr, nullptr, m_settings.get());
        m_theme = std::make_unique<Theme>([] { return Theme::platformPalette(); });
        m_theme->setMode(QStringLiteral("light"));
        m_engine = std::make_unique<QQmlEngine>();
        // The popup's singletons as the shell provides them, with this test's theme and links.
        m_popupQml = std::make_unique<sosoik::app::test::PopupQml>(m_engine.get(), m_worker.get());
        provideToQml(m_engine.get(), "Theme", m_theme.get());
        provideToQml(m_engine.get(), "Links", &m_links);
        bool loaded = false;
        QObject context;
        connect(m_worker.get(), &EngineWorker::modelLoaded, &context, [&loaded] { loaded = true; });
        m_worker->loadModel({QStringLiteral("/models/scripted.gguf")});
        QTRY_VERIFY(loaded);
    }
    void cleanup() {
        m_controller.reset();
        m_engine.reset();
        m_popupQml.reset();
        m_worker.reset();
        m_theme.reset();
    }

    void thinkingIsFoldedNotShownAsText() {
        m_backend->tokenDelayMs = 150; // time to look at the popup while it still thinks
        m_backend->pieces = {"<think>", "\nThe user", " greets me.", "\n</think>", "\n\n**안녕**", "하세요!"};
        auto popup = showPopup();
        QVERIFY(popup);
        QQuickWindow* window = popup->window();
        QQuickItem* answer = item(window, QStringLiteral("quickAnswer"));
        QQuickItem* section = item(window, QStringLiteral("quickThinking"));
        QQuickItem* toggle = item(window, QStringLiteral("thinkingToggle_quick"));
        QQuickItem* thinkingText = item(window, QStringLiteral("thinkingText_quick"));
        QVERIFY(answer && section && toggle && thinkingText);
        QVERIFY(!section->isVisible()); // nothing asked yet

        QVERIFY(m_controller->ask(QStringLiteral("hello")));
        // While it thinks: the fold says so, the answer area shows no tag and no reasoning.
        QTRY_VERIFY(m_controller->thinking().contains(QStringLiteral("greets")));
        QVERIFY(m_controller->thinkingNow());
        QVERIFY(section->isVisible());
        QCOMPARE(toggle->property("text").toString(), QStringLiteral("▸ Thinking…"));
        QVERIFY2(!shownText(answer).contains(QStringLiteral("think")), qPrintable(shownText(answer)));
        QVERIFY(!shownText(answer).contains(QStringLiteral("greets")));

        QTRY_COMPARE_WITH_TIMEOUT(m_controller->state(), QStringLiteral("done"), 10000);
        QCOMPARE(shownText(answer), QStringLiteral("안녕하세요!")); // Markdown rendered, thinking left out
        QCOMPARE(toggle->property("text").toString(), QStringLiteral("▸ Thought process"));
        QVERIFY(!thinkingText->isVisible()); // folded until asked
        QMetaObject::invokeMethod(toggle, "clicked");
        QTRY_VERIFY(thinkingText->isVisible());
        QCOMPARE(toggle->property("text").toString(), QStringLiteral("▾ Thought process"));
        QCOMPARE(thinkingText->property("text").toString(), QStringLiteral("The user greets me."));
        // The raw answer (stored, and continued in chat) keeps the thinking for the chat window to fold.
        QVERIFY(m_controller->answer().startsWith(QStringLiteral("<think>")));
    }

    void anAnswerWithoutThinkingHasNoFold() {
        m_backend->pieces = {"Plain", " answer", " about <think> tags."};
        auto popup = showPopup();
        QVERIFY(popup);
        QVERIFY(m_controller->ask(QStringLiteral("tags?")));
        QTRY_COMPARE(m_controller->state(), QStringLiteral("done"));
        QQuickItem* section = item(popup->window(), QStringLiteral("quickThinking"));
        QQuickItem* answer = item(popup->window(), QStringLiteral("quickAnswer"));
        QVERIFY(section && answer);
        QVERIFY(!section->isVisible());
        QCOMPARE(shownText(answer), QStringLiteral("Plain answer about <think> tags."));
    }

    void aLinkInTheAnswerAsksFirst() {
        m_backend->pieces = {"See [the site](https://example.com/a)."};
        auto popup = showPopup();
        QVERIFY(popup);
        QVERIFY(m_controller->ask(QStringLiteral("where?")));
        QTRY_COMPARE(m_controller->state(), QStringLiteral("done"));
        QQuickItem* answer = item(popup->window(), QStringLiteral("quickAnswer"));
        QVERIFY(answer);
        // A click on the link: before this the popup's links did nothing at all.
        QMetaObject::invokeMethod(answer, "linkActivated",
                                  Q_ARG(QString, QStringLiteral("https://example.com/a")));
        QObject* dialog = nullptr;
        QTRY_VERIFY((dialog = popup->window()->findChild<QObject*>(QStringLiteral("linkConfirmDialog"))));
        QTRY_VERIFY(dialog->property("opened").toBool());
        QCOMPARE(dialog->property("url").toString(), QStringLiteral("https://example.com/a"));
    }

    // The popup is built once, but the user may switch to dark before (Settings → Colours) or the desktop
    // may already be dark: a window created after the palette was set must be dark too, not only the
    // windows that were there when it changed.
    void aPopupCreatedAfterGoingDarkIsDark() {
        m_theme->setMode(QStringLiteral("dark"));
        m_theme->applyPalette();
        QCoreApplication::processEvents(); // the palette change is delivered before the popup exists
        auto popup = showPopup();
        QVERIFY(popup);
        QQuickWindow* window = popup->window();
        QTRY_COMPARE(window->color(), darkColors().window);
        QQuickItem* input = item(window, QStringLiteral("quickInput"));
        QVERIFY(input);
        QTRY_COMPARE(paletteColor(input, "base"), darkColors().base);
        QCOMPARE(paletteColor(input, "text"), darkColors().text);
        QCOMPARE(item(window, QStringLiteral("quickAnswer"))->property("color").value<QColor>(),
                 darkColors().windowText);
        // And back, while it is open.
        m_theme->setMode(QStringLiteral("light"));
        QTRY_COMPARE(window->color(), lightColors().window);
        QTRY_COMPARE(paletteColor(input, "base"), lightColors().base);
    }
};

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    TestQuickQueryPopup test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_quick_query_popup.moc"
