// Documents dropped on the real main window (synthesized drag-and-drop events sent to the
// QQuickWindow): the drop hint, the progress strip, Cancel on one summary, completion of another,
// a follow-up question answered from the stored chunks, and both summaries in the history
// after a restart. The engine is the scripted stand-in, so the test is fast and deterministic.
#include "chat/chat_controller.h"
#include "shell/app_context.h"
#include "shell/application.h"
#include "storage/storage.h"
#include "summarize/ui/summary_controller.h"
#include "support/drop_files.h"
#include "support/scripted_backend.h"

#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sosoik;
using sosoik::app::test::ScriptedBackend;

namespace {

void writeText(const QString& path, int paragraphs) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    for (int i = 0; i < paragraphs; ++i)
        f.write(
            QStringLiteral("Paragraph %1 reports that the harvest of apples grew by %2 percent this season. "
                           "Farmers expect better prices next year.\n\n")
                .arg(i)
                .arg(i % 17)
                .toUtf8());
}

struct Gui {
    ScriptedBackend* backend = nullptr;
    std::unique_ptr<app::AppContext> context;
    QQuickWindow* window = nullptr;

    explicit Gui(const QString& dataDir) {
        auto b = std::make_unique<ScriptedBackend>();
        backend = b.get();
        app::AppContextOptions options;
        options.dataDir = app::DataDir{dataDir, true, {}};
        options.backend = std::move(b);
        options.inspector = [](const QString& path) {
            app::ModelDetails d;
            d.path = path;
            d.name = QStringLiteral("scripted");
            return d;
        };
        options.devices = [] { return QVariantList(); };
        context = std::make_unique<app::AppContext>(std::move(options));
        window = context->loadMainWindow();
    }
    summarize::SummaryController* summaries() const { return context->summaries(); }
    template <typename T = QQuickItem> T* item(const char* name) const { return window->findChild<T*>(name); }

    void drop(const QStringList& files) {
        app::test::dropFiles(window, files,
                             [this] { hintWhileDragging = item("documentDropHint")->isVisible(); });
    }
    bool hintWhileDragging = false;
};

} // namespace

class TestSummaryGui : public QObject {
    Q_OBJECT
    QTemporaryDir dir;

private slots:
    void initTestCase() { app::configureApplication(); }

    void dropCancelCompleteAndRestart() {
        const QString longDoc = dir.filePath("harvest-long.txt");
        const QString shortDoc = dir.filePath("harvest-short.txt");
        writeText(longDoc, 400); // ~8000 words: several chunks at the scripted 4096-token context
        writeText(shortDoc, 5);
        const QString dataDir = dir.filePath("data");
        qint64 cancelledId = 0, completedId = 0;
        {
            Gui gui(dataDir);
            QVERIFY(gui.window);
            QVERIFY(QTest::qWaitForWindowExposed(gui.window));
            gui.backend->tokenDelayMs = 3;
            QSignalSpy loaded(gui.context->worker(), &app::EngineWorker::modelLoaded);
            gui.context->worker()->loadModel({"/models/scripted.gguf"});
            QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 5000);

            QSignalSpy finished(gui.summaries(), &summarize::SummaryController::summaryFinished);
            QVERIFY(!gui.item("documentDropHint")->isVisible());
            gui.drop({longDoc});
            QCOMPARE(gui.summaries()->queued() + (gui.summaries()->busy() ? 1 : 0),
                     1); // one drop, one summary
            QVERIFY(gui.hintWhileDragging);
            QTRY_VERIFY(!gui.item("documentDropHint")->isVisible());
            QTRY_VERIFY(gui.summaries()->busy());
            QCOMPARE(gui.context->chat()->title(), QStringLiteral("harvest-long.txt"));
            // The progress strip shows the chunk being summarized and the time.
            QTRY_VERIFY_WITH_TIMEOUT(gui.summaries()->progressText().startsWith("Summarizing chunk 2 of "),
                                     20000);
            QVERIFY(gui.item("summaryProgress")->isVisible());
            QVERIFY(
                gui.item("summaryProgressText")->property("text").toString().startsWith("Summarizing chunk"));
            QVERIFY(gui.item("summaryTimeText")->property("text").toString().contains("elapsed"));
            QVERIFY(gui.item("summaryProgressBar")->property("value").toDouble() > 0);
            QVERIFY(QMetaObject::invokeMethod(gui.item<QObject>("summaryCancelButton"), "clicked"));
            QVERIFY(finished.wait(5000));
            cancelledId = finished.last().at(0).toLongLong();
            QCOMPARE(finished.last().at(1).toBool(), true);
            QTRY_VERIFY(!gui.item("summaryProgress")->isVisible());

            gui.drop({shortDoc});
            QVERIFY(finished.wait(20000));
            completedId = finished.last().at(0).toLongLong();
            QCOMPARE(finished.last().at(1).toBool(), false);
            QVERIFY(completedId != cancelledId);
            auto* chat = gui.context->chat();
            QCOMPARE(chat->conversationId(), completedId);
            const QString summary = chat->messages()->contentAt(chat->messages()->rowCount() - 1);
            QVERIFY2(summary.startsWith("w0 w1 w2"), qPrintable(summary)); // streamed into the chat

            // A follow-up question in the document's conversation is answered from its chunks.
            QSignalSpy answered(chat, &app::ChatController::answerFinished);
            QVERIFY(chat->send(QStringLiteral("How much did the apple harvest grow?")));
            QTRY_COMPARE_WITH_TIMEOUT(answered.count(), 1, 10000);
            const auto rendered = gui.backend->lastRendered;
            QVERIFY(!rendered.empty());
            const QString question = QString::fromStdString(rendered.back().content);
            QVERIFY2(question.contains("[part 1]") && question.contains("harvest of apples"),
                     qPrintable(question));
            QVERIFY(question.endsWith("Question: How much did the apple harvest grow?"));
            gui.summaries()->setLanguage(QStringLiteral("ko"));
            gui.summaries()->setTargetWords(120);
        }
        // After a restart both summaries are in the history, finished, with their chunks.
        Gui gui(dataDir);
        QVERIFY(gui.window);
        QCOMPARE(gui.summaries()->language(), QStringLiteral("ko")); // the settings were remembered
        QCOMPARE(gui.summaries()->targetWords(), 120);
        auto* store = gui.context->storage();
        QStringList titles;
        for (const auto& c : store->conversations())
            if (c.kind == storage::ConversationKind::Document) titles << c.title;
        QCOMPARE(titles.size(), 2);
        QVERIFY(titles.contains("harvest-long.txt") && titles.contains("harvest-short.txt"));
        const auto cancelled = store->messages(cancelledId);
        QCOMPARE(cancelled.size(), 2);
        QVERIFY(cancelled.last().finished);
        QVERIFY2(cancelled.last().content.contains("cancelled"), qPrintable(cancelled.last().content));
        const auto completed = store->messages(completedId);
        QVERIFY(completed.size() >= 2);
        QVERIFY(completed[1].finished);
        QVERIFY(completed[1].content.startsWith("w0 w1 w2"));
        QCOMPARE(store->documents(completedId).size(), 1);
        QVERIFY(!store->documentChunks(store->documents(completedId).first().id).isEmpty());
        QVERIFY(gui.context->chat()->openConversation(completedId));
        QVERIFY(gui.context->chat()->messages()->rowCount() >= 2);
    }

    void droppingSeveralFilesQueuesOneSummaryEach() {
        const QString a = dir.filePath("first.md"), b = dir.filePath("second.md");
        writeText(a, 3);
        writeText(b, 3);
        Gui gui(dir.filePath("data3"));
        QVERIFY(gui.window);
        QVERIFY(QTest::qWaitForWindowExposed(gui.window));
        QSignalSpy loaded(gui.context->worker(), &app::EngineWorker::modelLoaded);
        gui.context->worker()->loadModel({"/models/scripted.gguf"});
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 5000);
        QSignalSpy finished(gui.summaries(), &summarize::SummaryController::summaryFinished);
        gui.drop({a, b});
        QTRY_VERIFY(gui.summaries()->busy() || finished.count() > 0);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 20000);
        QStringList titles;
        for (const auto& c : gui.context->storage()->conversations())
            titles << c.title;
        QVERIFY(titles.contains("first.md") && titles.contains("second.md"));
    }

    // Found under Xvfb with SmolLM2 on the CPU: the strip read "0:00 elapsed" for the whole first chunk
    // (half a minute there, minutes with a bigger model), as if the app had hung. The clock ticks on its own.
    void elapsedTimeTicksWithinAChunk() {
        const QString doc = dir.filePath("slow.txt");
        writeText(doc, 5);
        Gui gui(dir.filePath("data4"));
        QVERIFY(gui.window);
        QVERIFY(QTest::qWaitForWindowExposed(gui.window));
        QSignalSpy loaded(gui.context->worker(), &app::EngineWorker::modelLoaded);
        gui.context->worker()->loadModel({"/models/scripted.gguf"});
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 5000);
        gui.backend->hold = true; // the first chunk's answer waits before its first token
        QSignalSpy finished(gui.summaries(), &summarize::SummaryController::summaryFinished);
        gui.drop({doc});
        QTRY_VERIFY(gui.summaries()->progressText().startsWith("Summarizing") ||
                    gui.summaries()->progressText().startsWith("Writing"));
        const QString progress = gui.summaries()->progressText();
        auto* time = gui.item("summaryTimeText");
        QTRY_VERIFY_WITH_TIMEOUT(time->property("text").toString().startsWith("0:02 elapsed"), 4000);
        QCOMPARE(gui.summaries()->progressText(), progress); // still the same step
        gui.backend->hold = false;
        QVERIFY(finished.wait(20000));
        QTRY_VERIFY(!gui.item("summaryProgress")->isVisible());
    }

    void unreadableDropGetsAClearMessage() {
        const QString blob = dir.filePath("blob.txt");
        {
            QFile f(blob);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray("\0\1\2binary\0", 10).repeated(200));
        }
        Gui gui(dir.filePath("data2"));
        QVERIFY(gui.window);
        QVERIFY(QTest::qWaitForWindowExposed(gui.window));
        QSignalSpy loaded(gui.context->worker(), &app::EngineWorker::modelLoaded);
        gui.context->worker()->loadModel({"/models/scripted.gguf"});
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 5000);
        QSignalSpy failed(gui.summaries(), &summarize::SummaryController::summaryFailed);
        gui.drop({blob});
        QVERIFY(failed.wait(5000));
        QVERIFY2(failed.last().at(1).toString().contains("binary"),
                 qPrintable(failed.last().at(1).toString()));
        // Said once (under Xvfb it was in the banner and the answer, "notes.txt" twice in each): in the
        // answer of the conversation the chat shows, naming the file once; no banner above it.
        const QString said = QStringLiteral("blob.txt is not a text document (it contains binary data).");
        QTRY_COMPARE(gui.context->chat()->messages()->rowCount(), 2);
        QTRY_COMPARE(gui.context->chat()->messages()->at(1).content, said);
        QCOMPARE(gui.context->chat()->conversationId(), failed.last().at(0).toLongLong());
        QVERIFY(!gui.item("summaryErrorText")->isVisible());
        QCOMPARE(gui.summaries()->errorText(), QString());
        QVERIFY(!gui.summaries()->busy());
    }
};

QTEST_MAIN(TestSummaryGui)
#include "tst_summary_gui.moc"
