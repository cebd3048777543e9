// The composition root's own wiring, as main() builds it (AppContext with the tray), on the scripted
// engine: what a later launch hands over reaches the right feature, and no file it names is lost.
#include "chat/chat_controller.h"
#include "hotkey/global_hotkey.h"
#include "instance/single_instance.h"
#include "shell/app_context.h"
#include "shell/application.h"
#include "storage/storage.h"
#include "summarize/ui/summary_controller.h"
#include "support/scripted_backend.h"
#include "tray/quick_query_controller.h"
#include "tray/quick_query_popup.h"
#include "tray/tray_integration.h"

#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sosoik;
using sosoik::app::test::ScriptedBackend;

namespace {

QString writeDocument(const QTemporaryDir& dir, const QString& name) {
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) return {};
    for (int i = 0; i < 4; ++i)
        f.write("The harvest of apples grew this season. Farmers expect better prices next year.\n\n");
    return path;
}

struct Wired {
    ScriptedBackend* backend = nullptr;
    std::unique_ptr<app::AppContext> context;

    explicit Wired(const QString& dataDir) {
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
        options.hotkey = std::make_unique<app::UnavailableGlobalHotkey>(QStringLiteral("test platform"));
        context = std::make_unique<app::AppContext>(std::move(options));
    }
    bool loadModel() {
        QSignalSpy loaded(context->worker(), &app::EngineWorker::modelLoaded);
        context->worker()->loadModel({QStringLiteral("/models/scripted.gguf")});
        // Recorded on the engine thread, possibly before a wait() could start: poll instead.
        if (!QTest::qWaitFor([&loaded] { return !loaded.isEmpty(); }, 10000)) return false;
        // The spy records on the engine thread; the features' queued slots run on this one's next pass.
        QCoreApplication::processEvents();
        return true;
    }
    app::QuickQueryController* popup() const { return context->tray()->quickQuery(); }
    summarize::SummaryController* summaries() const { return context->summaries(); }
};

// A file with the GGUF magic (the scripted engine loads anything; the app must see it is a model).
QString writeGguf(const QTemporaryDir& dir, const QString& name) {
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) return {};
    f.write(QByteArray("GGUF\x03\0\0\0", 8));
    return path;
}

QString currentModel(const app::AppContext& context) {
    return context.models()->property("current").value<app::LoadedModel>().path();
}

app::InstanceRequest openFiles(const QStringList& files) {
    return app::InstanceRequest::fromArguments(files, false);
}

} // namespace

// A file that starts like a GGUF model: the launch path tells models from documents by their magic.
QString writeModelFile(const QTemporaryDir& dir, const QString& name) {
    const QString path = dir.filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly)) f.write(QByteArray("GGUF") + QByteArray(60, '\0'));
    return path;
}

class TestAppWiring : public QObject {
    Q_OBJECT
    QTemporaryDir dir;

private slots:
    void initTestCase() { app::configureApplication(); }

    void theMainWindowLoadsWithTheTray() {
        Wired app(dir.filePath("window"));
        QVERIFY(app.context->tray());
        QQuickWindow* window = app.context->loadMainWindow();
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QVERIFY(app.context->tray()->popup());
    }

    void aLaterLaunchsFilesGoToAnIdlePopupAndTheMainWindow() {
        Wired app(dir.filePath("idle"));
        QVERIFY(app.loadModel());
        app.context->loadMainWindow();
        const QString first = writeDocument(dir, QStringLiteral("first.txt"));
        const QString second = writeDocument(dir, QStringLiteral("second.txt"));
        app.context->handleRequest(openFiles({first, second}));
        // The idle popup summarizes the first; the main window the rest.
        QCOMPARE(app.popup()->question(), QStringLiteral("Summarize first.txt"));
        QCOMPARE(app.summaries()->currentFile(), second);
        QCOMPARE(app.summaries()->queued(), 0);
    }

    // Issue #14: the running app dropped the first file of a later launch whenever the quick-query popup
    // was busy (the popup took it only when idle, the main window always skipped it).
    void aBusyPopupLosesNoFileOfALaterLaunch() {
        Wired app(dir.filePath("busy"));
        app.backend->tokenDelayMs = 50; // the popup's answer takes seconds
        QVERIFY(app.loadModel());
        app.context->loadMainWindow();
        QVERIFY(app.popup()->ask(QStringLiteral("What is the capital of Korea?")));
        QTRY_VERIFY(app.popup()->busy());
        const QString first = writeDocument(dir, QStringLiteral("busy-first.txt"));
        const QString second = writeDocument(dir, QStringLiteral("busy-second.txt"));
        app.context->handleRequest(openFiles({first, second}));
        QCOMPARE(app.popup()->question(), QStringLiteral("What is the capital of Korea?"));
        QCOMPARE(app.summaries()->currentFile(), first);
        QCOMPARE(app.summaries()->queued(), 1);
        app.popup()->stop();
    }

    void theFirstLaunchSummarizesEveryFileInTheMainWindow() {
        Wired app(dir.filePath("launch"));
        QVERIFY(app.loadModel());
        app.context->loadMainWindow();
        const QString first = writeDocument(dir, QStringLiteral("launch-first.txt"));
        const QString second = writeDocument(dir, QStringLiteral("launch-second.txt"));
        app.context->openLaunchRequest(openFiles({first, second}));
        QCOMPARE(app.summaries()->currentFile(), first);
        QCOMPARE(app.summaries()->queued(), 1);
        QVERIFY(app.popup()->question().isEmpty());
    }

    // Issue #18: a .gguf named on the command line (the file manager's "Open with Sosoik") is the model to
    // load, not a document to summarize; the documents beside it are still summarized.
    void aModelOnTheCommandLineIsLoadedNotSummarized() {
        Wired app(dir.filePath("launch-model"));
        app.context->loadMainWindow();
        const QString model = writeModelFile(dir, QStringLiteral("launch-model.GGUF"));
        const QString doc = writeDocument(dir, QStringLiteral("launch-doc.txt"));
        const app::InstanceRequest launch = openFiles({model, doc});
        QSignalSpy loaded(app.context->worker(), &app::EngineWorker::modelLoaded);
        const app::InstanceRequest rest = app.context->loadHandedModels(launch);
        app.context->restoreLastModel();
        QCOMPARE(app.context->models()->loadingPath(), model);
        QVERIFY(QTest::qWaitFor([&loaded] { return !loaded.isEmpty(); }, 10000));
        QCoreApplication::processEvents();
        QCOMPARE(app.context->models()->current().value("path").toString(), model);
        app.context->openLaunchRequest(rest);
        QCOMPARE(app.summaries()->currentFile(), doc);
        QCOMPARE(app.summaries()->queued(), 0);
    }

    void aLaterLaunchsModelIsLoadedAndItsDocumentsSummarized() {
        Wired app(dir.filePath("later-model"));
        QVERIFY(app.loadModel());
        app.context->loadMainWindow();
        const QString model = writeModelFile(dir, QStringLiteral("later-model.gguf"));
        const QString first = writeDocument(dir, QStringLiteral("later-first.txt"));
        const QString second = writeDocument(dir, QStringLiteral("later-second.txt"));
        app.context->handleRequest(openFiles({first, model, second}));
        QCOMPARE(app.context->models()->loadingPath(), model);
        QCOMPARE(app.popup()->question(), QStringLiteral("Summarize later-first.txt"));
        QCOMPARE(app.summaries()->currentFile(), second);
        QCOMPARE(app.summaries()->queued(), 0);
    }

    // Issue #14: while a summary streamed into the open conversation, chat.busy stayed false, the input
    // stayed enabled, and sending built a request holding the half-written summary as an assistant turn.
    void aStreamingSummaryKeepsItsConversationBusy() {
        Wired app(dir.filePath("summary-busy"));
        app.backend->tokenDelayMs = 30; // the summary streams for seconds
        QVERIFY(app.loadModel());
        QQuickWindow* window = app.context->loadMainWindow();
        QVERIFY(window);
        app::ChatController* chat = app.context->chat();
        QSignalSpy finished(app.summaries(), &summarize::SummaryController::summaryFinished);
        QVERIFY(app.summaries()->summarizeFile(writeDocument(dir, QStringLiteral("busy-summary.txt"))));
        const qint64 conversation = app.summaries()->conversationId();
        QCOMPARE(chat->conversationId(), conversation); // the main window shows the new summary
        const auto lastRow = [chat] { return chat->messages()->at(chat->messages()->rowCount() - 1); };
        QTRY_VERIFY_WITH_TIMEOUT(!lastRow().content.isEmpty(), 10000);
        QVERIFY(lastRow().streaming);
        QVERIFY(chat->busy());
        QVERIFY(window->findChild<QObject*>(QStringLiteral("stopButton"))); // the input bar offers Stop

        QVERIFY(!chat->send(QStringLiteral("And what about pears?")));
        QCOMPARE(app.context->storage()->messages(conversation).size(), 2); // no question slipped in
        QVERIFY(!chat->regenerate());

        chat->stop(); // Stop in the chat stops whoever writes into it
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QCOMPARE(finished.at(0).at(1).toBool(), true); // cancelled
        QVERIFY(!chat->busy());
        QVERIFY(!lastRow().streaming);
        QVERIFY(app.context->storage()->messages(conversation).last().finished);
    }

    void aQuickAnswerContinuedInTheChatKeepsStreamingThere() {
        Wired app(dir.filePath("quick-continue"));
        app.backend->tokenDelayMs = 30;
        QVERIFY(app.loadModel());
        app.context->loadMainWindow();
        QVERIFY(app.popup()->ask(QStringLiteral("Tell me a long story")));
        QTRY_VERIFY(!app.popup()->answer().isEmpty());
        app.popup()->continueInChat();
        app::ChatController* chat = app.context->chat();
        QCOMPARE(chat->conversationId(), app.popup()->conversationId());
        QVERIFY(chat->busy()); // the popup is still answering into this conversation
        const int row = chat->messages()->rowCount() - 1;
        const int shown = int(chat->messages()->at(row).content.size());
        QTRY_VERIFY(chat->messages()->at(row).content.size() > shown); // and the chat follows it
        chat->stop();
        QTRY_COMPARE(app.popup()->state(), QStringLiteral("stopped"));
        QTRY_VERIFY(!chat->busy());
        QCOMPARE(chat->messages()->at(row).content, app.popup()->answer());
    }

    // Issue #13: `sosoik model.gguf` said "Open a model first; the document will be summarized once it is
    // loaded", and with a model loaded "Sosoik cannot summarize .gguf files".
    void aModelFileHandedOverIsLoadedNotSummarized() {
        Wired app(dir.filePath("gguf-later"));
        QVERIFY(app.loadModel());
        app.context->loadMainWindow();
        const QString model = writeGguf(dir, QStringLiteral("handed.gguf"));
        app.context->handleRequest(openFiles({model}));
        QTRY_COMPARE_WITH_TIMEOUT(currentModel(*app.context), model, 10000);
        QVERIFY(app.summaries()->currentFile().isEmpty());
        QVERIFY(app.popup()->question().isEmpty());
        QCOMPARE(app.context->chat()->errorText(), QString());
        QCOMPARE(app.summaries()->property("errorText").toString(), QString());
    }

    void aLaunchWithAModelAndADocumentLoadsOneAndSummarizesTheOther() {
        Wired app(dir.filePath("gguf-launch"));
        app.context->loadMainWindow();
        const QString model = writeGguf(dir, QStringLiteral("launch model.GGUF"));
        const QString document = writeDocument(dir, QStringLiteral("with-model.txt"));
        const app::InstanceRequest rest = app.context->loadHandedModels(openFiles({document, model}));
        QCOMPARE(rest.files, QStringList{document});
        app.context->restoreLastModel(); // the launch named its model: no built-in model instead
        app.context->openLaunchRequest(rest);
        QTRY_COMPARE_WITH_TIMEOUT(currentModel(*app.context), model, 10000);
        QCOMPARE(app.summaries()->currentFile(), document);
        // A document with a .gguf name is still read by its content.
        const QString notAModel = writeDocument(dir, QStringLiteral("notes.gguf.txt"));
        QVERIFY(!app::ModelManager::isModelFile(notAModel));
        QVERIFY(app::ModelManager::isModelFile(model));
    }

    // Issue #13: after handing a long file to the main window, the popup stayed open naming it.
    void aHandedOffDocumentClosesAndResetsThePopup() {
        Wired app(dir.filePath("handoff"));
        QVERIFY(app.loadModel());
        app.context->loadMainWindow();
        const QString path = dir.filePath(QStringLiteral("long-report.txt"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("Quarterly numbers were discussed. ").repeated(800)); // 3,200 words: too long
        f.close();
        app.context->handleRequest(openFiles({path}));
        QTRY_COMPARE_WITH_TIMEOUT(app.summaries()->currentFile(), path, 10000);
        QVERIFY(!app.context->tray()->popup()->isVisible());
        QCOMPARE(app.popup()->question(), QString());
        QCOMPARE(app.popup()->state(), QStringLiteral("idle"));
        // Shown again, it is where it belongs: wholly on the screen.
        app.context->tray()->popup()->showNear();
        QQuickWindow* popup = app.context->tray()->popup()->window();
        QVERIFY(popup->screen()->availableGeometry().contains(popup->geometry()));
        QVERIFY(!popup->geometry().isEmpty());
    }

    void continueInChatOpensTheConversationInTheMainWindow() {
        Wired app(dir.filePath("continue"));
        QVERIFY(app.loadModel());
        QQuickWindow* window = app.context->loadMainWindow();
        QVERIFY(app.popup()->ask(QStringLiteral("안녕하세요")));
        QTRY_COMPARE(app.popup()->state(), QStringLiteral("done"));
        window->hide();
        app.popup()->continueInChat();
        QCOMPARE(app.context->chat()->conversationId(), app.popup()->conversationId());
        QVERIFY(window->isVisible());
    }
};

QTEST_MAIN(TestAppWiring)
#include "tst_app_wiring.moc"
