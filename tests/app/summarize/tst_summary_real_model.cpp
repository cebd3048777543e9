// The app's summary path on the real engine: SummaryController → EngineWorker → SosoikBackend
// with stories260K (its output is gibberish, but the run must complete and store text).
#include "shell/app_context.h"
#include "shell/application.h"
#include "storage/storage.h"
#include "summarize/ui/summary_controller.h"
#include "support/test_support.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sosoik;

class TestSummaryRealModel : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { app::configureApplication(); }

    void summarizesThroughTheEngineWorker() {
        SOSOIK_REQUIRE_SHARED(model, "models/stories260K.gguf");
        QTemporaryDir dir;
        const QString story = dir.filePath("story.txt");
        {
            QFile f(story);
            QVERIFY(f.open(QIODevice::WriteOnly));
            for (int i = 0; i < 8; ++i)
                f.write(
                    "Lily went to the park with her dog Max. They played with a red ball near the big tree. "
                    "The sun was warm and Lily was happy.\n\n");
        }
        app::AppContext context(app::realEngineOptions(app::DataDir{dir.filePath("data"), true, {}}));
        QVERIFY2(context.startupError().isEmpty(), qPrintable(context.startupError()));
        QSignalSpy loaded(context.worker(), &app::EngineWorker::modelLoaded);
        QSignalSpy loadFailed(context.worker(), &app::EngineWorker::modelLoadFailed);
        context.worker()->loadModel({model, QStringLiteral("reference")});
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() + loadFailed.count() > 0, 60000);
        QCOMPARE(loaded.count(), 1);

        auto* summaries = context.summaries();
        summaries->setTargetWords(20);
        QSignalSpy finished(summaries, &summarize::SummaryController::summaryFinished);
        QSignalSpy failed(summaries, &summarize::SummaryController::summaryFailed);
        QVERIFY(summaries->summarizeFile(story));
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() + failed.count() > 0, 240000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(1).toString()));
        QCOMPARE(finished.first().at(1).toBool(), false);
        const qint64 conversation = finished.first().at(0).toLongLong();
        const auto messages = context.storage()->messages(conversation);
        QCOMPARE(messages.size(), 2);
        QVERIFY(messages[1].finished);
        QVERIFY2(messages[1].content.trimmed().size() > 20, qPrintable(messages[1].content));
        QVERIFY(!context.storage()->documents(conversation).isEmpty());
    }
};

QTEST_MAIN(TestSummaryRealModel)
#include "tst_summary_real_model.moc"
