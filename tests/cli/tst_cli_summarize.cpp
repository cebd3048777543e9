// `sosoik-cli summarize` end to end on a real (tiny) model, plus its argument and input errors.
#include "support/test_support.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
using sosoik::test::runCli;
void writeFile(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}
} // namespace

class TestCliSummarize : public QObject {
    Q_OBJECT
    QTemporaryDir dir;

private slots:
    void helpDescribesSummarize() {
        auto r = runCli({"help", "summarize"});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("--lang auto|ko|en"));
        QVERIFY(runCli({"--help"}).out.contains("summarize"));
    }

    void argumentErrors() {
        auto noModel = runCli({"summarize", "x.txt"});
        QCOMPARE(noModel.code, 2);
        QVERIFY(noModel.err.startsWith("error: "));
        auto badLang = runCli({"summarize", "-m", "m.gguf", "x.txt", "--lang", "fr"});
        QCOMPARE(badLang.code, 2);
        QVERIFY(badLang.err.contains("--lang"));
        auto missing = runCli({"summarize", "-m", "m.gguf", dir.filePath("nope.txt")});
        QCOMPARE(missing.code, 1);
        QVERIFY2(missing.err.contains("does not exist"), qPrintable(missing.err));
        QVERIFY(missing.out.isEmpty());
    }

    void summarizesWithStories260K() {
        SOSOIK_REQUIRE_SHARED(model, "models/stories260K.gguf");
        const QString story = dir.filePath("story.txt");
        QByteArray text;
        for (int i = 1; i <= 8; ++i)
            text += "Lily went to the park with her dog Max. They played with a red ball near the big tree. "
                    "The sun was warm and Lily was happy.\n\n";
        writeFile(story, text);
        auto r = runCli({"summarize", "-m", model, story, "--lang", "en", "--words", "20", "--ctx", "512",
                         "--backend", "reference"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        // Gibberish from a 260K-parameter model, but a complete run that printed text.
        QVERIFY2(r.out.trimmed().size() > 20, qPrintable(r.out));
        QVERIFY2(r.err.contains("Summarizing chunk 1 of"), qPrintable(r.err));
        QVERIFY(r.err.contains("Writing the summary"));
        QVERIFY(r.err.contains("done: "));
        QVERIFY(!r.out.contains("Summarizing chunk")); // progress stays on stderr
    }

    void badDocumentsGetClearErrors() {
        SOSOIK_REQUIRE_SHARED(model, "models/stories260K.gguf");
        writeFile(dir.filePath("empty.txt"), "");
        writeFile(dir.filePath("blob.txt"), QByteArray("\0\1\2\3binary\0\0", 12).repeated(100));
        auto empty = runCli({"summarize", "-m", model, dir.filePath("empty.txt"), "--backend", "reference"});
        QCOMPARE(empty.code, 1);
        QVERIFY2(empty.err.contains("is empty"), qPrintable(empty.err));
        auto blob = runCli({"summarize", "-m", model, dir.filePath("blob.txt"), "--backend", "reference"});
        QCOMPARE(blob.code, 1);
        QVERIFY2(blob.err.contains("binary"), qPrintable(blob.err));
        QVERIFY(blob.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliSummarize)
#include "tst_cli_summarize.moc"
