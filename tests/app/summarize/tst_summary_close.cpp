// Issue #19 item 5: closing the app while a large document was read left an invisible process burning CPU
// (extraction looked at the cancel flag only between paragraphs, and a zip bomb of whitespace has none),
// and a relaunch waited on it. Now the whole app graph (AppContext, as main() builds it) is torn down within
// a second while such a document is being read, and Cancel does the same without closing.
#include "hotkey/global_hotkey.h"
#include "shell/app_context.h"
#include "shell/application.h"
#include "summarize/ui/summary_controller.h"
#include "support/scripted_backend.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <zip.h>

using namespace sosoik;

namespace {

std::unique_ptr<app::AppContext> makeApp(const QString& dataDir) {
    app::AppContextOptions options;
    options.dataDir = app::DataDir{dataDir, true, {}};
    auto backend = std::make_unique<app::test::ScriptedBackend>();
    backend->tokensPerMessage = 8; // every prompt fits: reading is all that takes time
    options.backend = std::move(backend);
    options.inspector = [](const QString& path) {
        app::ModelDetails d;
        d.path = path;
        d.name = QStringLiteral("scripted");
        return d;
    };
    options.devices = [] { return QVariantList(); };
    options.hotkey = std::make_unique<app::UnavailableGlobalHotkey>(QStringLiteral("test platform"));
    auto context = std::make_unique<app::AppContext>(std::move(options));
    QSignalSpy loaded(context->worker(), &app::EngineWorker::modelLoaded);
    context->worker()->loadModel({QStringLiteral("/models/scripted.gguf")});
    if (!QTest::qWaitFor([&loaded] { return !loaded.isEmpty(); }, 10000)) return nullptr;
    QCoreApplication::processEvents();
    return context;
}

} // namespace

class TestSummaryClose : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    QString big;

private slots:
    void initTestCase() {
        app::configureApplication();
        // 120 MB of whitespace in one text run (under the 128 MiB part limit): no paragraph ends for the
        // whole file, so nothing but a check inside the reading loop can stop it.
        big = dir.filePath("whitespace.docx");
        const QByteArray xml = "<?xml version=\"1.0\"?><w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>x" +
                               QByteArray(120 << 20, ' ') + "y</w:t></w:r></w:p></w:body></w:document>";
        int error = 0;
        zip_t* z = zip_open(QFile::encodeName(big).constData(), ZIP_CREATE | ZIP_TRUNCATE, &error);
        QVERIFY(z);
        zip_source_t* src = zip_source_buffer(z, xml.constData(), zip_uint64_t(xml.size()), 0);
        const zip_int64_t index = zip_file_add(z, "word/document.xml", src, 0);
        QVERIFY(index >= 0);
        zip_set_file_compression(z, zip_uint64_t(index), ZIP_CM_DEFLATE, 1);
        QCOMPARE(zip_close(z), 0);
    }

    void closingTheAppWhileADocumentIsReadTakesUnderASecond() {
        auto context = makeApp(dir.filePath("close"));
        QVERIFY(context);
        QVERIFY(context->summaries()->summarizeFile(big));
        QTRY_VERIFY(context->summaries()->busy());
        QTest::qWait(300); // well into reading
        QVERIFY(context->summaries()->busy());
        QElapsedTimer timer;
        timer.start();
        context.reset(); // what closing the window and quitting does
        const qint64 ms = timer.elapsed();
        QVERIFY2(ms < 1000, qPrintable(QStringLiteral("teardown took %1 ms").arg(ms)));
        qInfo("teardown during reading: %lld ms", ms);
    }

    void cancelStopsReadingWithinASecond() {
        auto context = makeApp(dir.filePath("cancel"));
        QVERIFY(context);
        QVERIFY(context->summaries()->summarizeFile(big));
        QTRY_VERIFY(context->summaries()->busy());
        QTest::qWait(300);
        QElapsedTimer timer;
        timer.start();
        context->summaries()->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(!context->summaries()->busy(), 5000);
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    }
};

QTEST_MAIN(TestSummaryClose)
#include "tst_summary_close.moc"
