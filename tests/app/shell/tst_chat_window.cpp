// The whole app, driven like a user: the real window (module Sosoik, shell/Main.qml) with the real wiring
// (AppContext: storage, EngineWorker on the real engine, controllers). Loads a model through the
// picker, types and sends with Enter, watches tokens stream, stops mid-answer, regenerates,
// renames and searches (Korean and English), then restarts with the same data dir and finds it all.
#include "chat/chat_controller.h"
#include "shell/app_context.h"
#include "shell/application.h"
#include "history/history_controller.h"
#include "settings/app_settings.h"
#include "storage/storage.h"
#include "support/synthetic_model.h"
#include "support/test_support.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtQuickTest/quicktest.h>
#include <optional>

using namespace sosoik::app;

namespace {

// Big enough that an answer takes seconds on the reference backend (so Stop lands mid-answer),
// random enough that it rarely ends on its own.
QString writeSlowModel(const QString& dir) {
    sosoik::test::SyntheticModelSpec spec;
    spec.nEmbd = 256;
    spec.nLayer = 4;
    spec.nHead = 4;
    spec.nHeadKv = 4;
    spec.nFf = 512;
    spec.nVocab = 1000;
    spec.contextLength = 2048;
    const QString path = dir + QStringLiteral("/slow-synthetic.gguf");
    sosoik::test::writeSyntheticModel(spec, path.toStdString());
    return path;
}

// One running instance of the app: what main() builds, minus the event loop.
struct App {
    std::unique_ptr<AppContext> context;
    QQuickWindow* window = nullptr;

    explicit App(const QString& dataDir) {
        context = std::make_unique<AppContext>(realEngineOptions(resolveDataDir(dataDir)));
        context->settings()->setBackend(QStringLiteral("reference")); // CI has no GPU; lavapipe is slower
        window = context->loadMainWindow();
    }
    template <typename T = QQuickItem> T* find(const QString& name) const {
        return window->findChild<T*>(name);
    }
    ChatController* chat() const { return context->chat(); }
};

// Delegates belong to their view's item tree, not to the window's QObject children.
QQuickItem* findItem(QQuickItem* root, const QString& name) {
    if (!root) return nullptr;
    if (root->objectName() == name) return root;
    for (QQuickItem* child : root->childItems())
        if (QQuickItem* found = findItem(child, name)) return found;
    return nullptr;
}

// The item's centre in window coordinates, when the window shows it (not scrolled out of view).
std::optional<QPoint> onScreen(QQuickWindow* window, QQuickItem* item) {
    // Positioners and layouts place their children when polished: a button that just appeared
    // (an answer finished) may still sit on a sibling's spot until then. A user sees it placed.
    QQuickTest::qWaitForPolish(window);
    if (!item || !item->isVisible() || !item->isEnabled()) return std::nullopt;
    const QPoint at = item->mapToScene(QPointF(item->width() / 2, item->height() / 2)).toPoint();
    if (!QRect(QPoint(0, 0), window->size()).contains(at)) return std::nullopt;
    return at;
}

// Clicks the item like a user; false (and no click) when the window does not show it, so a
// scrolled-away button fails the test here instead of a click landing elsewhere.
bool click(QQuickWindow* window, QQuickItem* item) {
    const auto at = onScreen(window, item);
    if (!at) return false;
    QTest::mouseClick(window, Qt::LeftButton, {}, *at);
    return true;
}

} // namespace

class TestChatWindow : public QObject {
    Q_OBJECT
    QTemporaryDir tmp;

    void loadThroughPicker(App& app, const QString& modelPath) {
        QObject* picker = app.find<QObject>("modelPicker");
        QVERIFY(picker);
        QVERIFY(QMetaObject::invokeMethod(picker, "open"));
        QVERIFY(QMetaObject::invokeMethod(picker, "showPreview", Q_ARG(QVariant, modelPath)));
        QTRY_VERIFY(app.find("loadPreviewed") && app.find("loadPreviewed")->isVisible());
        QVERIFY(click(app.window, app.find("loadPreviewed")));
        // The click may already have finished a fast load: poll the state, not a new signal.
        QTRY_VERIFY2_WITH_TIMEOUT(app.context->models()->loaded(),
                                  qPrintable(app.context->models()->errorText()), 60000);
    }

    void typeAndSend(App& app, const QString& text) {
        QQuickItem* input = app.find("messageInput");
        QVERIFY(input);
        input->forceActiveFocus();
        for (const QChar c : text) // key presses carrying text, as a keyboard sends them
            QTest::sendKeyEvent(QTest::Click, app.window, Qt::Key_unknown, QString(c), Qt::NoModifier);
        QTRY_COMPARE(input->property("text").toString(), text);
        QTest::keyClick(app.window, Qt::Key_Return);
    }

private slots:
    void initTestCase() {
        configureApplication();
        QTest::failOnWarning(QRegularExpression(QStringLiteral("qrc:/qt/qml/Sosoik/")));
    }

    void realModelAnswersInTheWindow() {
        SOSOIK_REQUIRE_SHARED(model, "models/stories260K.gguf");
        App app(tmp.filePath("stories"));
        QVERIFY(app.window && QTest::qWaitForWindowExposed(app.window));
        app.context->settings()->setMaxNewTokens(24);
        loadThroughPicker(app, model);
        if (QTest::currentTestFailed()) return;
        QCOMPARE(app.context->models()->current().value("name").toString().isEmpty(), false);
        QSignalSpy finished(app.chat(), &ChatController::answerFinished);
        typeAndSend(app, QStringLiteral("Once upon a time"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        const ChatRow answer = app.chat()->messages()->at(1);
        QVERIFY2(answer.content.size() > 10, qPrintable(answer.content));
        // A story model writes English words.
        QVERIFY2(answer.content.contains(QRegularExpression(QStringLiteral("[a-z]{3,}"))),
                 qPrintable(answer.content));
    }

    // The real window in English and in Korean with a real model's answer. With
    // SOSOIK_SCREENSHOT_DIR set, the grabs are saved there (docs/screenshot-main-{en,ko}.png).
    void screenshotsInEnglishAndKorean() {
        SOSOIK_REQUIRE_SHARED(model, "models/stories260K.gguf");
        App app(tmp.filePath("screenshots"));
        QVERIFY(app.window && QTest::qWaitForWindowExposed(app.window));
        app.context->settings()->setLanguage(QStringLiteral("en"));
        app.context->settings()->setMaxNewTokens(80);
        app.context->settings()->setTemperature(0); // greedy: the same picture every time
        loadThroughPicker(app, model);
        if (QTest::currentTestFailed()) return;
        QSignalSpy finished(app.chat(), &ChatController::answerFinished);
        typeAndSend(app, QStringLiteral("Once upon a time, there was a little cat."));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QTest::qWait(200); // let the list settle at the bottom
        const QImage english = app.window->grabWindow();
        QVERIFY(!english.isNull());
        QCOMPARE(english.size(), app.window->size() * app.window->devicePixelRatio());
        QCOMPARE(app.find("sendButton")->property("text").toString(), QStringLiteral("Send"));

        app.context->settings()->setLanguage(QStringLiteral("ko"));
        QTRY_COMPARE(app.find("sendButton")->property("text").toString(), QStringLiteral("보내기"));
        app.chat()->newConversation();
        typeAndSend(app, QStringLiteral("작은 고양이 이야기를 들려줘. Once upon a time"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 60000);
        QTest::qWait(200);
        const QImage korean = app.window->grabWindow();
        QVERIFY(!korean.isNull());
        QVERIFY(korean != english);

        const QString out = qEnvironmentVariable("SOSOIK_SCREENSHOT_DIR");
        if (!out.isEmpty()) {
            QVERIFY(english.save(out + QStringLiteral("/screenshot-main-en.png")));
            QVERIFY(korean.save(out + QStringLiteral("/screenshot-main-ko.png")));
        }
    }

    // Stored Markdown renders as rich text; a code block gets a monospace box and a copy button
    // that copies exactly the code. The dialogs open over the window.
    void markdownCodeBlocksAndDialogs() {
        const QString dataDir = tmp.filePath("markdown");
        {
            sosoik::storage::Storage store;
            QVERIFY(store.open(dataDir));
            const qint64 c = store.createConversation();
            store.addMessage(c, "user", QStringLiteral("파이썬으로 인사하는 코드를 보여줘"));
            store.addMessage(
                c, "assistant",
                QStringLiteral(
                    "Here is **one way**:\n\n```python\nprint(\"안녕하세요\")\n```\n\n- short\n- sweet"));
        }
        App app(dataDir);
        QVERIFY(app.window && QTest::qWaitForWindowExposed(app.window));
        const qint64 id = app.context->history()->conversations()->conversationIdAt(0);
        QVERIFY(app.chat()->openConversation(id));
        QTRY_VERIFY(findItem(app.window->contentItem(), "copyCode"));
        QQuickItem* copy = findItem(app.window->contentItem(), "copyCode");
        QVERIFY(click(app.window, copy));
        QTRY_COMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("print(\"안녕하세요\")"));
        auto* input = app.find("messageInput");
        input->forceActiveFocus();
        for (const QChar c : QStringLiteral("Shift+Enter adds"))
            QTest::sendKeyEvent(QTest::Click, app.window, Qt::Key_unknown, QString(c), Qt::NoModifier);
        QTest::keyClick(app.window, Qt::Key_Return, Qt::ShiftModifier);
        for (const QChar c : QStringLiteral("a line"))
            QTest::sendKeyEvent(QTest::Click, app.window, Qt::Key_unknown, QString(c), Qt::NoModifier);
        QCOMPARE(input->property("text").toString(), QStringLiteral("Shift+Enter adds\na line"));
        QCOMPARE(app.chat()->messages()->rowCount(), 2); // nothing was sent
        app.window->requestActivate();                   // shortcuts only fire in the active window
        QVERIFY(QTest::qWaitForWindowActive(app.window));
        QTest::keyClick(app.window, Qt::Key_F, Qt::ControlModifier); // Ctrl+F: search conversations
        QTRY_VERIFY(app.find("searchField")->hasActiveFocus());
        QVERIFY(app.chat()->conversationId() != 0);
        QTest::keyClick(app.window, Qt::Key_N, Qt::ControlModifier); // Ctrl+N: a new conversation
        QTRY_COMPARE(app.chat()->conversationId(), 0);
        QCOMPARE(app.chat()->messages()->rowCount(), 0);
        // A broken model file: the picker says why, and loading it shows the error banner in words.
        QFile junk(tmp.filePath("junk.gguf"));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("GGUF but not really a model");
        junk.close();
        QObject* picker = app.find<QObject>("modelPicker");
        QVERIFY(QMetaObject::invokeMethod(picker, "showPreview", Q_ARG(QVariant, junk.fileName())));
        QVERIFY(!picker->property("preview").toMap().value("error").toString().isEmpty());
        QVERIFY(!app.context->models()->load(junk.fileName())); // refused before the loaded model goes
        QQuickItem* banner = findItem(app.window->contentItem(), "errorBanner");
        QVERIFY(banner);
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 30000);
        const QString bannerText = findItem(banner, "errorBannerText")->property("text").toString();
        QVERIFY2(bannerText.startsWith("Could not load junk.gguf: ") && bannerText.size() > 40,
                 qPrintable(bannerText));
        app.chat()->dismissError();
        app.context->models()->dismissError();
        QTRY_VERIFY(!banner->isVisible());

        const QString visual = qEnvironmentVariable("SOSOIK_VISUAL_DIR");
        if (!visual.isEmpty()) app.window->grabWindow().save(visual + "/markdown.png");
        for (const char* name : {"modelPicker", "settingsDialog", "conversationSettingsDialog"}) {
            QObject* dialog = app.find<QObject>(QString::fromLatin1(name));
            QVERIFY(dialog);
            QVERIFY(QMetaObject::invokeMethod(dialog, "open"));
            QTRY_VERIFY(dialog->property("opened").toBool());
            if (!visual.isEmpty()) app.window->grabWindow().save(visual + "/" + name + ".png");
            QVERIFY(QMetaObject::invokeMethod(dialog, "close"));
            QTRY_VERIFY(!dialog->property("visible").toBool());
        }
    }

    void fullSessionSurvivesARestart() {
        const QString dataDir = tmp.filePath("profile");
        const QString modelPath = writeSlowModel(tmp.path());
        qint64 conversation = 0;
        QString regenerated;
        {
            App app(dataDir);
            QVERIFY(app.window && QTest::qWaitForWindowExposed(app.window));
            QCOMPARE(app.window->title(), QStringLiteral("Sosoik"));
            loadThroughPicker(app, modelPath);
            if (QTest::currentTestFailed()) return;
            QVERIFY(app.context->models()->loaded());

            // 0. The input shows how many tokens it holds (counted on the engine thread).
            QQuickItem* input = app.find("messageInput");
            input->forceActiveFocus();
            for (const QChar c : QStringLiteral("count these words"))
                QTest::sendKeyEvent(QTest::Click, app.window, Qt::Key_unknown, QString(c), Qt::NoModifier);
            QQuickItem* count = findItem(app.window->contentItem(), "inputTokenCount");
            QVERIFY(count);
            QTRY_VERIFY(count->isVisible());
            QVERIFY2(QRegularExpression(QStringLiteral("^[1-9][0-9]* tokens?$"))
                         .match(count->property("text").toString())
                         .hasMatch(),
                     qPrintable(count->property("text").toString()));
            input->setProperty("text", QString());

            // 1. Enter sends; tokens stream into the view as they come.
            app.context->settings()->setMaxNewTokens(12);
            QSignalSpy finished(app.chat(), &ChatController::answerFinished);
            QSignalSpy updates(app.chat()->messages(), &QAbstractItemModel::dataChanged);
            typeAndSend(app, QStringLiteral("Hello there"));
            QTRY_COMPARE(app.find("messageInput")->property("text").toString(),
                         QString()); // sent and cleared
            QVERIFY(app.chat()->busy());
            QTRY_VERIFY(app.find("stopButton"));
            QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
            QCOMPARE(finished.last().at(0).toString(), QStringLiteral("length"));
            // Byte tokens may hold back incomplete UTF-8, so not every token is a separate update.
            QVERIFY2(updates.size() >= 5, "the answer arrived in pieces, not at once");
            auto* list = app.find("messageList");
            QCOMPARE(list->property("count").toInt(), 2);
            QVERIFY(!app.chat()->messages()->at(1).content.isEmpty());
            QVERIFY(app.chat()->tokensPerSecond() > 0);
            QVERIFY(app.chat()->contextUsed() > 12);
            QTRY_VERIFY(findItem(app.window->contentItem(), "message_1"));
            QCOMPARE(findItem(app.window->contentItem(), "message_1")->property("content").toString(),
                     app.chat()->messages()->at(1).content);
            conversation = app.chat()->conversationId();

            // 2. A long answer, stopped with the Stop button once text has appeared.
            app.context->settings()->setMaxNewTokens(1500);
            typeAndSend(app, QStringLiteral("Tell me everything"));
            QTRY_VERIFY_WITH_TIMEOUT(app.chat()->messages()->rowCount() == 4 &&
                                         app.chat()->messages()->at(3).content.size() > 0,
                                     30000);
            QVERIFY(click(app.window, app.find("stopButton")));
            QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 30000);
            QCOMPARE(finished.last().at(0).toString(), QStringLiteral("cancelled"));
            const ChatRow stopped = app.chat()->messages()->at(3);
            QCOMPARE(stopped.note, QStringLiteral("Stopped."));
            QVERIFY(stopped.completionTokens < 1500);
            QVERIFY(app.find("sendButton"));

            // 3. Regenerate the last answer from its action button.
            app.context->settings()->setMaxNewTokens(8);
            QTRY_VERIFY(findItem(app.window->contentItem(), "regenerate_3") &&
                        findItem(app.window->contentItem(), "regenerate_3")->isVisible());
            // A long stopped answer is taller than the window, and the view follows its end: scroll to
            // the answer's top, where its actions are, as a user would.
            QVERIFY(QMetaObject::invokeMethod(list, "positionViewAtIndex", Q_ARG(int, 3),
                                              Q_ARG(int, 0 /* ListView.Beginning */)));
            QTRY_VERIFY(onScreen(app.window, findItem(app.window->contentItem(), "regenerate_3")));
            QVERIFY(click(app.window, findItem(app.window->contentItem(), "regenerate_3")));
            QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 60000);
            QCOMPARE(finished.last().at(0).toString(), QStringLiteral("length"));
            QCOMPARE(app.chat()->messages()->rowCount(), 4);
            QVERIFY(app.chat()->messages()->at(3).note.isEmpty() ||
                    app.chat()->messages()->at(3).note != "Stopped.");
            QVERIFY(app.chat()->reusedTokens() > 0); // the unchanged prefix came from the KV cache
            regenerated = app.chat()->messages()->at(3).content;

            // 4. Rename through the sidebar's dialog, then search in Korean and in English.
            QObject* dialog = app.find<QObject>("renameDialog");
            QVERIFY(dialog);
            QVERIFY(QMetaObject::invokeMethod(dialog, "openFor", Q_ARG(QVariant, conversation),
                                              Q_ARG(QVariant, app.chat()->title())));
            app.find("renameField")->setProperty("text", QStringLiteral("한국어 테스트 대화"));
            QVERIFY(QMetaObject::invokeMethod(dialog, "accept"));
            QTRY_COMPARE(app.chat()->title(), QStringLiteral("한국어 테스트 대화"));
            QTRY_COMPARE(app.window->title(), QStringLiteral("한국어 테스트 대화 — Sosoik"));

            auto* search = app.find("searchField");
            auto* results = app.find("searchResults");
            QVERIFY(QMetaObject::invokeMethod(search, "insert", Q_ARG(int, 0),
                                              Q_ARG(QString, QStringLiteral("테스트"))));
            QTRY_VERIFY(results->isVisible());
            QTRY_COMPARE(results->property("count").toInt(), 1); // the title
            search->setProperty("text", QStringLiteral("everything"));
            QTRY_COMPARE(results->property("count").toInt(), 1); // "Tell me everything"
            search->setProperty("text", QString());
        }

        // 5. A new engine, window and context on the same data dir: everything is still there.
        App app(dataDir);
        QVERIFY(app.window && QTest::qWaitForWindowExposed(app.window));
        auto* list = app.find("conversationList");
        QTRY_COMPARE(list->property("count").toInt(), 1);
        QVERIFY(app.chat()->openConversation(conversation));
        QCOMPARE(app.chat()->title(), QStringLiteral("한국어 테스트 대화"));
        QCOMPARE(app.chat()->messages()->rowCount(), 4);
        QCOMPARE(app.chat()->messages()->at(0).content, QStringLiteral("Hello there"));
        QCOMPARE(app.chat()->messages()->at(2).content, QStringLiteral("Tell me everything"));
        QCOMPARE(app.chat()->messages()->at(3).content, regenerated);
        QCOMPARE(app.context->models()->recent()->mostRecent(), QFileInfo(modelPath).absoluteFilePath());
        auto* search = app.find("searchField");
        QVERIFY(QMetaObject::invokeMethod(search, "insert", Q_ARG(int, 0),
                                          Q_ARG(QString, QStringLiteral("한국어"))));
        QTRY_COMPARE(app.find("searchResults")->property("count").toInt(), 1);
        search->setProperty("text", QStringLiteral("Hello"));
        QTRY_VERIFY(app.find("searchResults")->property("count").toInt() >= 1);
        // The last model is reopened at start, and the conversation continues.
        app.context->restoreLastModel();
        QTRY_VERIFY_WITH_TIMEOUT(app.context->models()->loaded(), 60000);
        app.context->settings()->setMaxNewTokens(4);
        QSignalSpy finished(app.chat(), &ChatController::answerFinished);
        typeAndSend(app, QStringLiteral("And then?"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QCOMPARE(app.chat()->messages()->rowCount(), 6);
    }
};

QTEST_MAIN(TestChatWindow)
#include "tst_chat_window.moc"
