// `sosoik-cli chat -m MODEL`: the interactive conversation (issue #13: `run --chat` without -p only
// errored). Driven through its standard input like a terminal user: history kept across turns,
// /exit and end of input (Ctrl+D) quit, Ctrl+C (SIGINT) stops an answer and the chat goes on.
#include "support/synthetic_model.h"
#include "support/test_support.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace sosoik::test;

namespace {

struct Chat {
    int code = -1;
    QString out, err;
};

Chat chat(const QStringList& args, const QByteArray& input) {
    QProcess p;
    p.start(cliPath(), QStringList{QStringLiteral("chat")} + args);
    if (!p.waitForStarted(10000)) return {};
    p.write(input);
    p.closeWriteChannel();
    Chat c;
    if (!p.waitForFinished(180000)) {
        p.kill();
        p.waitForFinished(3000);
        return c;
    }
    c.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    c.out = QString::fromUtf8(p.readAllStandardOutput());
    c.err = QString::fromUtf8(p.readAllStandardError());
    return c;
}

// The token ids of each turn's prompt (--verbose-prompt).
QList<QStringList> prompts(const QString& err) {
    QList<QStringList> out;
    static const QRegularExpression line(QStringLiteral("prompt:((?: \\d+)+)"));
    for (auto it = line.globalMatch(err); it.hasNext();)
        out.append(it.next().captured(1).split(' ', Qt::SkipEmptyParts));
    return out;
}

} // namespace

class TestCliChat : public QObject {
    Q_OBJECT
    QString demo_;
    QTemporaryDir dir_;

private slots:
    void initTestCase() {
        demo_ = qEnvironmentVariable("SOSOIK_SOURCE_DIR") +
                QStringLiteral("/resources/models/sosoik-demo-ko.gguf");
        if (!QFileInfo::exists(demo_)) QSKIP("the Korean demo model is not in the source tree");
    }

    void aConversationKeepsItsHistory() {
        const Chat c =
            chat({"-m", demo_, "--temp", "0", "-n", "24", "--backend", "reference", "--verbose-prompt"},
                 QStringLiteral("안녕하세요\n\n오늘 뭐 해?\n/exit\n이건 보내지 않는다\n").toUtf8());
        QCOMPARE(c.code, 0);
        const QList<QStringList> p = prompts(c.err);
        QCOMPARE(p.size(), 2); // the blank line is skipped, nothing after /exit is read
        // The second turn's prompt is the whole conversation: it begins with the first turn's.
        QVERIFY(p[1].size() > p[0].size());
        QCOMPARE(p[1].mid(0, p[0].size() - 1), p[0].mid(0, p[0].size() - 1));
        QCOMPARE(c.err.count(QStringLiteral("> ")), 4); // before each line read, the blank one included
        QVERIFY2(c.err.contains(QRegularExpression(QStringLiteral("\\(\\d+ tokens, [1-9]\\d* from cache"))),
                 qPrintable(c.err));    // the second turn reuses the cached first one
        QCOMPARE(c.out.count('\n'), 2); // one line per answer
        QVERIFY(!c.out.trimmed().isEmpty());
    }

    void endOfInputQuits() {
        const Chat c = chat({"-m", demo_, "--temp", "0", "-n", "8", "--backend", "reference"}, "hello\n");
        QCOMPARE(c.code, 0);
        QCOMPARE(c.out.count('\n'), 1);
    }

    void ctrlCStopsTheAnswerAndTheChatGoesOn() {
        // A random-weight model rarely ends an answer by itself: it writes until stopped.
        SyntheticModelSpec s;
        s.nEmbd = 256;
        s.nLayer = 4;
        s.nHead = 4;
        s.nHeadKv = 4;
        s.nFf = 512;
        s.nVocab = 1000;
        s.contextLength = 4096;
        const QString slow = dir_.filePath("slow.gguf");
        writeSyntheticModel(s, slow.toStdString());
        QProcess p;
        p.start(cliPath(), {"chat", "-m", slow, "-n", "3000", "--backend", "reference", "--seed", "3"});
        QVERIFY(p.waitForStarted(10000));
        p.write("tell me everything\n");
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += p.readAllStandardOutput()).size() > 20, 60000);
        ::kill(pid_t(p.processId()), SIGINT);
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT((err += p.readAllStandardError()).contains("[stopped]"), 30000);
        p.write("/exit\n");
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
        err += p.readAllStandardError();
        QCOMPARE(err.count("> "), 2); // asked again after the stop
        const QRegularExpression generated(QStringLiteral("; (\\d+) generated"));
        const auto m = generated.match(QString::fromUtf8(err));
        QVERIFY2(m.hasMatch() && m.captured(1).toInt() < 3000, err.constData());
    }

    void runChatWithoutAPromptPointsToChat() {
        const auto r = runCli({"run", "-m", demo_, "--chat"}, {}, 60000);
        QVERIFY(r.code != 0);
        QVERIFY2(r.err.contains(QStringLiteral("sosoik-cli chat -m MODEL")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliChat)
#include "tst_cli_chat.moc"
