// sosoik-cli tokenize: ids on one line, --no-bos, --special, --pieces, -f FILE, error conventions.
#include "support/test_support.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
using sosoik::test::runCli;
} // namespace

class TestCliTokenize : public QObject {
    Q_OBJECT
private slots:
    void missingModelIsAUsageError() {
        auto r = runCli({"tokenize", "hello"});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.startsWith("error: "));
        QVERIFY(r.out.isEmpty());
        QVERIFY(runCli({"help", "tokenize"}).out.contains("--pieces"));
    }

    void unreadableModelIsAnError() {
        QTemporaryDir dir;
        QFile junk(dir.filePath("junk.gguf"));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not a gguf file at all");
        junk.close();
        for (const QString& model : {dir.filePath("missing.gguf"), junk.fileName()}) {
            auto r = runCli({"tokenize", "-m", model, "hello"});
            QCOMPARE(r.code, 1);
            QVERIFY2(r.err.startsWith("error: "), qPrintable(r.err));
            QVERIFY(r.out.isEmpty());
        }
    }

    void printsIdsWithAndWithoutBos() {
        SOSOIK_REQUIRE_SHARED(vocab, "tokenizer-suite/ggml-vocab-llama-spm.gguf");
        auto r = runCli({"tokenize", "-m", vocab, "Hello world"});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QString("1 15043 3186\n"));
        QCOMPARE(runCli({"tokenize", "-m", vocab, "--no-bos", "Hello world"}).out, QString("15043 3186\n"));
        QCOMPARE(runCli({"tokenize", "-m", vocab, "--no-bos", "--pieces", "Hello world"}).out,
                 QString("▁Hello ▁world\n"));
    }

    void specialTokensOnlyWithSpecial() {
        SOSOIK_REQUIRE_SHARED(vocab, "tokenizer-suite/ggml-vocab-qwen2.gguf");
        QCOMPARE(runCli({"tokenize", "-m", vocab, "--special", "<|im_start|>user"}).out,
                 QString("151644 872\n"));
        const QString plain = runCli({"tokenize", "-m", vocab, "<|im_start|>user"}).out;
        QVERIFY2(!plain.split(' ').contains("151644") && plain.split(' ').size() > 2, qPrintable(plain));
    }

    void fileAndStdinGiveTheSameIdsAsText() {
        SOSOIK_REQUIRE_SHARED(vocab, "tokenizer-suite/ggml-vocab-llama-bpe.gguf");
        const QByteArray text = "안녕하세요!\n\tline two 🚀\n";
        QTemporaryDir dir;
        QFile f(dir.filePath("input.txt"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
        f.close();
        const auto fromText = runCli({"tokenize", "-m", vocab, QString::fromUtf8(text)});
        const auto fromFile = runCli({"tokenize", "-m", vocab, "-f", f.fileName()});
        const auto fromStdin = runCli({"tokenize", "-m", vocab, "-f", "-"}, text);
        QCOMPARE(fromText.code, 0);
        QVERIFY(fromText.out.startsWith("128000 "));
        QCOMPARE(fromFile.out, fromText.out);
        QCOMPARE(fromStdin.out, fromText.out);
        QCOMPARE(fromText.out.count('\n'), 1);
        // Pieces are escaped so that the one-line output stays one word per token.
        const auto pieces = runCli({"tokenize", "-m", vocab, "--no-bos", "--pieces", "-f", f.fileName()});
        QCOMPARE(pieces.out.split(' ').size(), fromText.out.split(' ').size() - 1);
        QCOMPARE(pieces.out.count('\n'), 1);
    }
};

QTEST_GUILESS_MAIN(TestCliTokenize)
#include "tst_cli_tokenize.moc"
