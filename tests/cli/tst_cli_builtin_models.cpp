// The built-in models through sosoik-cli, greedy: the Korean demo (resources/models, trained by
// tools/demo-model) answers held-out Korean questions in Korean, and SmolLM2-135M-Instruct (fetched
// by installer/fetch-models.sh; skipped when absent) answers a fact and summarizes a document.
#include "support/test_support.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QStringDecoder>
#include <QTest>

namespace {
using sosoik::test::runCli;

QString demoModel() {
    const QString path =
        QDir(qEnvironmentVariable("SOSOIK_SOURCE_DIR")).filePath("resources/models/sosoik-demo-ko.gguf");
    return QFileInfo::exists(path) ? path : QString();
}

// Where installer/fetch-models.sh puts it (SOSOIK_MODELS_DIR first, as the app looks).
QString smolLM2() {
    const QString name = QStringLiteral("SmolLM2-135M-Instruct.Q4_1.gguf");
    const QString dir = qEnvironmentVariable("SOSOIK_MODELS_DIR");
    if (!dir.isEmpty() && QFileInfo::exists(QDir(dir).filePath(name))) return QDir(dir).filePath(name);
    return QStandardPaths::locate(QStandardPaths::GenericDataLocation, "sosoik/models/" + name);
}

#define REQUIRE_SMOLLM2(var)                                                                                 \
    const QString var = smolLM2();                                                                           \
    if (var.isEmpty()) QSKIP("SmolLM2-135M-Instruct is not installed (bash installer/fetch-models.sh); skipping")

int hangulSyllables(const QString& s) {
    int n = 0;
    for (QChar c : s)
        n += c.unicode() >= 0xAC00 && c.unicode() <= 0xD7A3;
    return n;
}

sosoik::test::CliResult chat(const QString& model, const QString& question, int maxTokens) {
    return runCli({"run", "-m", model, "-p", question, "--chat", "--temp", "0", "-n", QString::number(maxTokens),
                   "--ctx", "512"});
}
} // namespace

class TestCliBuiltinModels : public QObject {
    Q_OBJECT

private slots:
    void demoModelLoadsAsALlamaWithChatML() {
        const QString model = demoModel();
        QVERIFY2(!model.isEmpty(), "resources/models/sosoik-demo-ko.gguf is part of the source tree");
        QVERIFY2(QFileInfo(model).size() <= 15 * 1024 * 1024, "the demo model must stay under 15 MB");
        auto r = runCli({"info", model});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("llama"), qPrintable(r.out));
        QVERIFY2(r.out.contains("chatml"), qPrintable(r.out)); // detected from tokenizer.chat_template
    }

    // Questions held out of training (tools/demo-model/prepare_data.py, seed 12).
    void demoModelAnswersHeldOutKoreanInKorean_data() {
        QTest::addColumn<QString>("question");
        QTest::newRow("family trip") << QStringLiteral("가족끼리 여행간다.");
        QTest::newRow("eat or not") << QStringLiteral("먹을까 참을까");
        QTest::newRow("bathrobe") << QStringLiteral("샤워가운 완전 유용해");
        QTest::newRow("just friends") << QStringLiteral("그냥 친구하자네");
        QTest::newRow("going crazy") << QStringLiteral("미치겠네");
    }
    void demoModelAnswersHeldOutKoreanInKorean() {
        QFETCH(QString, question);
        const QString model = demoModel();
        QVERIFY(!model.isEmpty());
        auto r = chat(model, question, 48);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains("stop: eos"), qPrintable(r.err)); // ended its turn, not cut off
        // runCli decoded stdout as UTF-8; a broken sequence would have become U+FFFD.
        QVERIFY2(!r.out.contains(QChar::ReplacementCharacter), qPrintable(r.out));
        const QString answer = r.out.trimmed();
        QVERIFY2(answer.size() >= 5 && hangulSyllables(answer) >= 3, qPrintable(answer));
        qInfo("%s -> %s", qPrintable(question), qPrintable(answer));
    }

    void demoModelMakesEnglishSmallTalk() {
        const QString model = demoModel();
        QVERIFY(!model.isEmpty());
        auto r = chat(model, "How are you?", 32);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QString answer = r.out.trimmed();
        QVERIFY2(answer.size() >= 5 && hangulSyllables(answer) == 0, qPrintable(answer));
    }

    void smolLM2KnowsTheCapitalOfFrance() {
        REQUIRE_SMOLLM2(model);
        auto r = chat(model, "What is the capital of France?", 24);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("Paris"), qPrintable(r.out));
    }

    void smolLM2SummarizesAnEnglishDocument() {
        REQUIRE_SMOLLM2(model);
        const QString doc =
            QDir(qEnvironmentVariable("SOSOIK_SOURCE_DIR")).filePath("tests/cli/data/library_news.txt");
        QVERIFY2(QFileInfo::exists(doc), qPrintable(doc));
        auto r = runCli({"summarize", "-m", model, doc, "--lang", "en", "--words", "40", "--ctx", "1024"}, {},
                        600000);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QString summary = r.out.toLower();
        QVERIFY2(summary.contains("millbrook") && summary.contains("library"), qPrintable(r.out));
    }
};

QTEST_GUILESS_MAIN(TestCliBuiltinModels)
#include "tst_cli_builtin_models.moc"
