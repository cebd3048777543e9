// Issue #18: a .gguf dropped on the main window is a model and gets loaded, where it used to be taken
// for a document; any other dropped file is still summarized, a broken .gguf gets a sentence, not a
// summary attempt. The real wiring (AppContext, Main.qml's DropOverlay) and the real engine loading
// the demo model shipped in resources/models; drops are synthesized events sent to the window.
#include "models/model_manager.h"
#include "shell/app_context.h"
#include "shell/application.h"
#include "storage/storage.h"
#include "summarize/ui/summary_controller.h"
#include "support/drop_files.h"

#include <QFile>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sosoik;
using sosoik::app::test::dropFiles;

class TestModelDrop : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<app::AppContext> m_context;
    QQuickWindow* m_window = nullptr;

    QString demoModel() const {
        return qEnvironmentVariable("SOSOIK_SOURCE_DIR") +
               QStringLiteral("/resources/models/sosoik-demo-ko.gguf");
    }
    int conversationCount() const { return int(m_context->storage()->conversations().size()); }

private slots:
    void initTestCase() { app::configureApplication(); }

    void init() {
        static int run = 0;
        m_context = std::make_unique<app::AppContext>(app::realEngineOptions(
            app::DataDir{m_dir.filePath(QStringLiteral("data%1").arg(++run)), true, {}}));
        QVERIFY2(m_context->startupError().isEmpty(), qPrintable(m_context->startupError()));
        m_window = m_context->loadMainWindow();
        QVERIFY(m_window);
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
    }
    void cleanup() {
        m_context.reset();
        m_window = nullptr;
    }

    void aDroppedModelIsLoadedNotSummarized() {
        QVERIFY2(QFile::exists(demoModel()), qPrintable(demoModel()));
        // Under a name of the user's, in a folder of the user's: nothing about it is built in.
        const QString model = m_dir.filePath(QStringLiteral("My Model.GGUF"));
        QFile::remove(model);
        QVERIFY(QFile::copy(demoModel(), model));
        QVERIFY(!m_context->models()->loaded());
        QSignalSpy ready(m_context->models(), &app::ModelManager::modelReady);
        QSignalSpy started(m_context->summaries(), &summarize::SummaryController::summaryStarted);

        dropFiles(m_window, {model});
        QVERIFY2(ready.wait(60000) || ready.size() == 1, qPrintable(m_context->models()->errorText()));
        QCOMPARE(ready.first().first().toString(), model);
        QCOMPARE(m_context->models()->current().value(QStringLiteral("path")).toString(), model);
        QVERIFY(m_context->models()->current().value(QStringLiteral("parameterCount")).toLongLong() > 0);
        QCOMPARE(m_context->models()->recent()->mostRecent(), model);
        QTest::qWait(200); // a summary would have started by now
        QCOMPARE(started.size(), 0);
        QCOMPARE(conversationCount(), 0);
        QVERIFY(!m_context->summaries()->busy());

        // Any other file dropped now is a document: summarized, with the dropped model still loaded.
        const QString notes = m_dir.filePath(QStringLiteral("notes.txt"));
        QFile file(notes);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("The harvest of apples grew by ten percent this season. Farmers expect better prices.\n");
        file.close();
        dropFiles(m_window, {notes});
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 20000);
        QCOMPARE(m_context->storage()->conversation(started.first().first().toLongLong())->title,
                 QStringLiteral("notes.txt"));
        QCOMPARE(m_context->models()->current().value(QStringLiteral("path")).toString(), model);
        QCOMPARE(ready.size(), 1);
    }

    void aBrokenModelFileIsSaidNotSummarized() {
        const QString broken = m_dir.filePath(QStringLiteral("broken.gguf"));
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("GGUF\x03\0\0\0 then nothing a model needs", 36));
        file.close();
        QSignalSpy failed(m_context->models(), &app::ModelManager::modelFailed);
        QSignalSpy started(m_context->summaries(), &summarize::SummaryController::summaryStarted);
        dropFiles(m_window, {broken});
        QVERIFY(failed.wait(30000) || failed.size() == 1);
        // What the main window's banner shows: which file, and the reader's reason.
        const QString shown = m_context->models()->errorText();
        QVERIFY2(shown.startsWith(QStringLiteral("Could not load broken.gguf")), qPrintable(shown));
        QVERIFY2(shown.contains(QStringLiteral("metadata entries")), qPrintable(shown));
        QVERIFY(!m_context->models()->loaded());
        QCOMPARE(started.size(), 0);
        QCOMPARE(conversationCount(), 0);
    }
};

QTEST_MAIN(TestModelDrop)
#include "tst_model_drop.moc"
