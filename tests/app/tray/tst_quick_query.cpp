// The quick-query flow end to end with the real EngineWorker (scripted engine), real SQLite storage and the
// real popup QML (offscreen): ask, stream, queue behind another answer, stop, Esc, continue in chat, history.
#include "chat/answer_stream.h"
#include "settings/app_settings.h"
#include "storage/storage.h"
#include "support/popup_qml.h"
#include "support/scripted_backend.h"
#include "tray/quick_query_controller.h"
#include "tray/quick_query_popup.h"

#include <QApplication>
#include <QQmlEngine>
#include <QQuickItem>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sosoik::app;
using sosoik::app::test::ScriptedBackend;
using sosoik::storage::ConversationKind;
using sosoik::storage::Storage;

class TestQuickQuery : public QObject {
    Q_OBJECT
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<EngineWorker> m_worker;
    ScriptedBackend* m_backend = nullptr;
    std::unique_ptr<Storage> m_storage;
    std::unique_ptr<AnswerStreams> m_answers;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<QuickQueryController> m_controller;

    void loadModel() {
        // Received on this thread, after the controller (connected earlier) has seen the model's name.
        bool loaded = false;
        QObject context;
        connect(m_worker.get(), &EngineWorker::modelLoaded, &context, [&loaded] { loaded = true; });
        m_worker->loadModel({QStringLiteral("/models/scripted.gguf")});
        QTRY_VERIFY(loaded);
    }
    static QQuickItem* findItem(QQuickItem* parent, const QString& name) {
        for (QQuickItem* child : parent->childItems()) {
            if (child->objectName() == name) return child;
            if (QQuickItem* found = findItem(child, name)) return found;
        }
        return nullptr;
    }
    QQuickItem* item(QQuickWindow* window, const char* name) {
        return findItem(window->contentItem(), QString::fromLatin1(name));
    }

private slots:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        auto backend = std::make_unique<ScriptedBackend>();
        m_backend = backend.get();
        m_backend->tokensPerMessage = 4; // a 12,000-character document still fits the context
        m_backend->tokenDelayMs = 1;
        m_backend->pieces = {"**서울**은", " 오늘", " 맑습니다.", "\n\n- 최고 12°C"};
        m_worker = std::make_unique<EngineWorker>(std::move(backend));
        m_storage = std::make_unique<Storage>();
        QVERIFY2(m_storage->open(m_dir->path()), qPrintable(m_storage->errorString()));
        m_settings = std::make_unique<AppSettings>(m_dir->filePath("settings.ini"));
        m_answers = std::make_unique<AnswerStreams>(m_storage.get());
        m_controller = std::make_unique<QuickQueryController>(m_worker.get(), m_storage.get(),
                                                              m_answers.get(), m_settings.get());
    }
    void cleanup() {
        m_controller.reset();
        m_answers.reset();
        m_worker.reset();
        m_storage.reset();
        m_settings.reset();
    }

    void answerStreamsAndIsSavedAsQuickConversation() {
        loadModel();
        QSignalSpy answerChanged(m_controller.get(), &QuickQueryController::answerChanged);
        QVERIFY(m_controller->ask(QStringLiteral("  서울 날씨 어때?  ")));
        QCOMPARE(m_controller->question(), QStringLiteral("서울 날씨 어때?"));
        QVERIFY(m_controller->busy());
        QTRY_COMPARE(m_controller->state(), QStringLiteral("done"));
        QCOMPARE(m_controller->answer(), sosoik::app::test::scriptedAnswer(*m_backend));
        QVERIFY(answerChanged.count() >= 1 + m_backend->pieces.size()); // cleared, then once per piece
        QCOMPARE(m_backend->lastUserMessage(), QStringLiteral("서울 날씨 어때?"));

        const qint64 id = m_controller->conversationId();
        QVERIFY(id > 0);
        const auto conversation = m_storage->conversation(id);
        QVERIFY(conversation);
        QCOMPARE(conversation->kind, ConversationKind::Quick);
        QCOMPARE(conversation->title, QStringLiteral("서울 날씨 어때?"));
        const auto messages = m_storage->messages(id);
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages[0].role, QStringLiteral("user"));
        QCOMPARE(messages[1].role, QStringLiteral("assistant"));
        QCOMPARE(messages[1].content, m_controller->answer());
        QVERIFY(messages[1].finished);
        // Issue #13: the model is recorded like a chat's (path, and the answer's file name), not as the
        // architecture's name with an empty path.
        QCOMPARE(messages[1].model, QStringLiteral("scripted.gguf"));
        QCOMPARE(conversation->modelPath, QStringLiteral("/models/scripted.gguf"));
        // It is in the history list like any conversation.
        bool listed = false;
        for (const auto& c : m_storage->conversations())
            listed = listed || c.id == id;
        QVERIFY(listed);
    }

    void blankQuestionDoesNothing() {
        loadModel();
        QVERIFY(!m_controller->ask(QStringLiteral("   ")));
        QCOMPARE(m_controller->state(), QStringLiteral("idle"));
        QVERIFY(m_storage->conversations().isEmpty());
    }

    void waitsInQueueWhileTheMainWindowIsAnswering() {
        loadModel();
        m_backend->hold = true;
        GenerationRequest mainWindow;
        mainWindow.messages = {{"user", "a long chat answer"}};
        const GenerationJobPtr chat = m_worker->generate(mainWindow);
        QSignalSpy started(chat.get(), &GenerationJob::started);
        QTRY_COMPARE(started.count(), 1);
        QVERIFY(m_controller->ask(QStringLiteral("quick one")));
        QCOMPARE(m_controller->state(), QStringLiteral("queued"));
        QVERIFY(m_controller->statusText().contains("Queued"));
        QVERIFY(!m_controller->ask(QStringLiteral("another"))); // one exchange at a time
        m_backend->hold = false;
        QTRY_COMPARE(m_controller->state(), QStringLiteral("done"));
        QCOMPARE(m_controller->answer(),
                 sosoik::app::test::scriptedAnswer(*m_backend)); // not the chat's text
    }

    void stopFromThePopupKeepsThePartialAnswer() {
        loadModel();
        m_backend->repeat = 1000;
        m_backend->tokenDelayMs = 2;
        QVERIFY(m_controller->ask(QStringLiteral("tell me everything")));
        QTRY_VERIFY(m_controller->answer().size() > 10);
        m_controller->stop();
        QTRY_COMPARE(m_controller->state(), QStringLiteral("stopped"));
        const auto messages = m_storage->messages(m_controller->conversationId());
        QCOMPARE(messages.size(), 2);
        QVERIFY(messages[1].finished);
        QCOMPARE(messages[1].content, m_controller->answer());
        QVERIFY(m_controller->answer().size() < sosoik::app::test::scriptedAnswer(*m_backend).size() * 1000);
    }

    void stopFromTheMainWindowStopsThePopupToo() {
        loadModel();
        m_backend->repeat = 1000;
        QVERIFY(m_controller->ask(QStringLiteral("long")));
        QTRY_VERIFY(!m_controller->answer().isEmpty());
        m_worker->cancelAll(); // what the main window's Stop does to the shared worker
        QTRY_COMPARE(m_controller->state(), QStringLiteral("stopped"));
    }

    // Issue #13: every failed request left an empty conversation in the history. The popup still shows
    // the question (to ask again once a model is loaded); the history holds nothing that never answered.
    void noModelIsExplainedAndLeavesNoEmptyConversation() {
        QVERIFY(m_controller->ask(QStringLiteral("hello?")));
        QTRY_COMPARE(m_controller->state(), QStringLiteral("error"));
        QVERIFY(m_controller->statusText().contains("No model is loaded"));
        QCOMPARE(m_controller->question(), QStringLiteral("hello?"));
        QCOMPARE(m_controller->conversationId(), qint64(0));
        QVERIFY(m_storage->conversations().isEmpty());

        const QString path = m_dir->filePath("notes.txt");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Minutes of the meeting.");
        file.close();
        QVERIFY(m_controller->summarizeFile(path));
        QTRY_COMPARE(m_controller->state(), QStringLiteral("error"));
        QVERIFY(m_controller->statusText().contains("No model is loaded"));
        QVERIFY(m_storage->conversations().isEmpty());
        QVERIFY(m_storage->deletedConversations().isEmpty());
    }

    void unsavableExchangeStillAnswersAndSaysSo() {
        loadModel();
        m_storage->close();
        QVERIFY(m_controller->ask(QStringLiteral("hi")));
        QVERIFY(m_controller->statusText().contains("cannot be saved"));
        QTRY_COMPARE(m_controller->state(), QStringLiteral("done"));
        QCOMPARE(m_controller->answer(), sosoik::app::test::scriptedAnswer(*m_backend));
        QCOMPARE(m_controller->conversationId(), qint64(0));
    }

    void droppedTextFileIsSummarized() {
        loadModel();
        const QString path = m_dir->filePath("회의록.txt");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("오늘 회의에서는 출시 일정을 논의했다.\n다음 주에 다시 모인다.").toUtf8());
        file.close();
        QVERIFY(m_controller->summarizeFile(QUrl::fromLocalFile(path).toString()));
        QTRY_COMPARE(m_controller->state(), QStringLiteral("done"));
        QVERIFY(m_backend->lastUserMessage().contains("출시 일정을 논의했다"));
        QVERIFY(m_backend->lastUserMessage().startsWith("Summarize"));
        QCOMPARE(m_storage->conversation(m_controller->conversationId())->title,
                 QStringLiteral("Summary: 회의록.txt"));
    }

    void unreadableDropsAreExplained() {
        loadModel();
        QVERIFY(!m_controller->summarizeFile(m_dir->filePath("scan.pdf")));
        QCOMPARE(m_controller->state(), QStringLiteral("error"));
        QVERIFY(m_controller->statusText().contains("only plain-text"));
        QVERIFY(!m_controller->summarizeFile(m_dir->filePath("missing.txt")));
        QVERIFY(m_controller->statusText().contains("Cannot read missing.txt"));
        QVERIFY(!m_controller->summarizeText(QStringLiteral(" \n ")));
        QVERIFY(m_controller->statusText().contains("no text"));
        QVERIFY(m_storage->conversations().isEmpty());
        // With the documents feature's extractor any format it knows works.
        m_controller->setTextExtractor(
            [](const QString& path, qsizetype, QString*) { return "extracted from " + path; });
        QVERIFY(m_controller->summarizeFile(m_dir->filePath("scan.pdf")));
        QTRY_COMPARE(m_controller->state(), QStringLiteral("done"));
        QVERIFY(m_backend->lastUserMessage().contains("extracted from"));
    }

    void longClipboardIsCutToFitTheContext() {
        loadModel();
        QVERIFY(m_controller->summarizeText(QString(50000, QChar(u'가'))));
        QTRY_COMPARE(m_controller->state(), QStringLiteral("done"));
        const int cap = m_settings->contextLength() * QuickQueryController::kMaxCharsPerToken;
        QVERIFY(m_backend->lastUserMessage().size() < cap + 400);
        QVERIFY(m_backend->lastUserMessage().contains("Only its beginning"));

        // Cut in the model's tokens: 3,000 words (one token each here) do not fit 2,048 tokens.
        m_backend->tokensPerMessage = 0;
        QVERIFY(m_controller->summarizeText(QStringLiteral("단어 ").repeated(3000)));
        QTRY_COMPARE(m_controller->state(), QStringLiteral("done"));
        const int words = int(m_backend->lastUserMessage().split(' ', Qt::SkipEmptyParts).size());
        QVERIFY2(words + m_settings->maxNewTokens() <= m_settings->contextLength(),
                 qPrintable(QString::number(words)));
        QVERIFY(words > 500);
        QVERIFY(m_backend->lastUserMessage().contains("Only its beginning"));
    }

    // Issue #13: an 11,220-character Korean file dropped on the popup failed with "needs 27,725 tokens,
    // context is 2,048": the cut-off was 12,000 characters, not the model's context in tokens.
    void aDocumentTooLongInTokensGoesToTheMainWindow() {
        loadModel();
        m_backend->tokensPerMessage = 0; // one token per word
        m_controller->setLongDocumentHandOff(true);
        const QString path = m_dir->filePath("보고서.txt");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("가 ").repeated(5610).toUtf8()); // 11,220 characters, 5,610 tokens
        file.close();
        QSignalSpy handedOff(m_controller.get(), &QuickQueryController::longDocumentDropped);
        QVERIFY(m_controller->summarizeFile(path));
        QTRY_COMPARE(handedOff.size(), 1);
        QCOMPARE(m_controller->state(), QStringLiteral("handedOff"));
        QVERIFY(m_storage->conversations().isEmpty()); // no failed "Summary: …" left behind
        QCOMPARE(m_backend->seeds().size(), 0);        // and no generation was tried
    }

    // Issue #13: when the 12,001st character was whitespace, trimmed() dropped it and the file was
    // taken for one that fits.
    void whitespaceAtTheCutOffStillHandsOff() {
        loadModel();
        m_controller->setLongDocumentHandOff(true);
        const int cap = m_settings->contextLength() * QuickQueryController::kMaxCharsPerToken;
        for (const int at : {12000, cap}) {
            const QString path = m_dir->filePath(QStringLiteral("long-%1.txt").arg(at));
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray(at, 'a') + ' ' + QByteArray(cap, 'b'));
            file.close();
            QSignalSpy handedOff(m_controller.get(), &QuickQueryController::longDocumentDropped);
            QVERIFY(m_controller->summarizeFile(path));
            QTRY_COMPARE(handedOff.size(), 1);
            m_controller->reset();
        }
        QVERIFY(m_storage->conversations().isEmpty());
    }

    void longDroppedFileIsHandedToTheMainWindow() {
        loadModel();
        m_backend->tokensPerMessage = 0; // one token per word: the file below needs more than 2,048
        const QString path = m_dir->filePath("report.md");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray sentence = "The quarterly numbers were discussed at length. ";
        file.write(sentence.repeated(12000 / sentence.size() + 2));
        file.close();
        // Without a hand-off (no main window), the popup summarizes the beginning itself.
        QVERIFY(m_controller->summarizeFile(path));
        QTRY_COMPARE(m_controller->state(), QStringLiteral("done"));
        QVERIFY(m_backend->lastUserMessage().contains("Only its beginning"));
        const int conversations = int(m_storage->conversations().size());

        m_controller->setLongDocumentHandOff(true);
        QSignalSpy handedOff(m_controller.get(), &QuickQueryController::longDocumentDropped);
        QVERIFY(m_controller->summarizeFile(QUrl::fromLocalFile(path).toString()));
        QTRY_COMPARE(handedOff.size(), 1);
        QCOMPARE(handedOff.first().first().toString(), path);
        QCOMPARE(m_controller->state(), QStringLiteral("handedOff"));
        QVERIFY(m_controller->statusText().contains("report.md"));
        QVERIFY(!m_controller->busy());
        QCOMPARE(int(m_storage->conversations().size()), conversations); // no quick conversation for it

        // A file that fits in one prompt is still answered right in the popup.
        const QString shortPath = m_dir->filePath("note.txt");
        QFile shortFile(shortPath);
        QVERIFY(shortFile.open(QIODevice::WriteOnly));
        shortFile.write(sentence);
        shortFile.close();
        QVERIFY(m_controller->summarizeFile(shortPath));
        QTRY_COMPARE(m_controller->state(), QStringLiteral("done"));
        QCOMPARE(handedOff.size(), 1);
    }

    void popupWindowFlow() {
        loadModel();
        QQmlEngine engine;
        sosoik::app::test::PopupQml qml(&engine, m_worker.get());
        QuickQueryPopup popup(&engine, m_controller.get());
        QVERIFY2(popup.window(), qPrintable(popup.errorString()));
        QQuickWindow* window = popup.window();
        QCOMPARE(window->title(), QStringLiteral("Sosoik quick query"));
        QVERIFY(window->flags() & Qt::FramelessWindowHint);
        QVERIFY(window->flags() & Qt::WindowStaysOnTopHint);
        QVERIFY(!popup.isVisible());

        popup.showNear();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QQuickItem* input = item(window, "quickInput");
        QVERIFY(input);
        QTRY_VERIFY(input->hasActiveFocus());

        // Type, Enter: the answer streams into the Markdown view.
        for (char c : QByteArray("what is up"))
            QTest::keyClick(window, c);
        QCOMPARE(input->property("text").toString(), QStringLiteral("what is up"));
        QTest::keyClick(window, Qt::Key_Return);
        QCOMPARE(m_controller->question(), QStringLiteral("what is up"));
        QTRY_COMPARE(m_controller->state(), QStringLiteral("done"));
        QQuickItem* answer = item(window, "quickAnswer");
        QVERIFY(answer);
        QVERIFY(answer->property("textFormat").toInt() == Qt::MarkdownText);
        QVERIFY(answer->property("text").toString().contains(QStringLiteral("서울")));
        // Markdown is rendered, not shown raw: the displayed plain text has no asterisks.
        QString shown;
        QVERIFY(QMetaObject::invokeMethod(answer, "getText", Q_RETURN_ARG(QString, shown), Q_ARG(int, 0),
                                          Q_ARG(int, answer->property("length").toInt())));
        QVERIFY2(shown.contains(QStringLiteral("서울은 오늘 맑습니다.")), qPrintable(shown));
        QVERIFY(!shown.contains("**"));

        // Esc hides.
        QTest::keyClick(window, Qt::Key_Escape);
        QTRY_VERIFY(!popup.isVisible());

        // Ctrl+Enter continues the exchange in the main window and hides the popup.
        popup.showNear();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QSignalSpy continued(m_controller.get(), &QuickQueryController::continueInChatRequested);
        QTest::keyClick(window, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(continued.count(), 1);
        QCOMPARE(continued.first().first().toLongLong(), m_controller->conversationId());
        QTRY_VERIFY(!popup.isVisible());

        // The button does the same.
        popup.showNear();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QQuickItem* button = item(window, "continueInChat");
        QVERIFY(button && button->isEnabled());
        QMetaObject::invokeMethod(button, "clicked");
        QCOMPARE(continued.count(), 2);

        // toggle() flips visibility (the tray icon's left click).
        popup.toggle();
        QTRY_VERIFY(popup.isVisible());
        popup.toggle();
        QTRY_VERIFY(!popup.isVisible());
    }
};

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    TestQuickQuery test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_quick_query.moc"
