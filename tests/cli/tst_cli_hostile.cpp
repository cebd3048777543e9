// Issue #19 items 6, 7 and 9 on the real sosoik-cli: Ctrl-C stops every command within a second with
// exit code 130 (reading a document, prompt processing, generation, and commands that do not
// cooperate), a named pipe is refused instead of hanging, a negative --ctx is an error, and a file
// whose name is not UTF-8 is found.
#include "support/test_support.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/stat.h>
#include <unistd.h>

namespace {
using sosoik::test::runCli;

// The built-in Korean demo model (2.8 MB, in the repository): loads in well under a second.
QString demoModel() {
    return qEnvironmentVariable("SOSOIK_SOURCE_DIR") +
           QStringLiteral("/resources/models/sosoik-demo-ko.gguf");
}

struct Interrupted {
    int code = -1;
    qint64 stopMs = -1; // from SIGINT to exit
    QString out, err;
};

// Starts the CLI, waits until `ready` returns true (or readyMs passes), sends SIGINT and times the exit.
Interrupted interruptAfter(const QStringList& args, int readyMs,
                           const std::function<bool(QProcess&)>& ready = {}) {
    QProcess p;
    p.start(sosoik::test::cliPath(), args);
    Interrupted r;
    if (!p.waitForStarted(10000)) return r;
    QElapsedTimer started;
    started.start();
    while (started.elapsed() < readyMs && p.state() == QProcess::Running && !(ready && ready(p)))
        p.waitForReadyRead(50);
    if (p.state() != QProcess::Running || p.processId() <= 0) { // ended on its own: report how
        p.waitForFinished();
        r.err = QStringLiteral("ended before SIGINT: ") + QString::fromUtf8(p.readAllStandardError());
        return r;
    }
    ::kill(pid_t(p.processId()), SIGINT);
    QElapsedTimer stop;
    stop.start();
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.stopMs = stop.elapsed();
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace

class TestCliHostile : public QObject {
    Q_OBJECT
    QTemporaryDir dir;

private slots:
    void initTestCase() { QVERIFY2(QFile::exists(demoModel()), qPrintable(demoModel())); }

    // Item 7: `info` on a named pipe hung in a blocking open() before the regular-file check.
    void aNamedPipeIsRefusedNotWaitedOn() {
        const QString fifo = dir.filePath("model.gguf");
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        QElapsedTimer timer;
        timer.start();
        auto info = runCli({"info", fifo}, {}, 10000);
        QVERIFY2(info.code == 1, qPrintable(info.err));
        QVERIFY2(info.err.contains("not a regular file"), qPrintable(info.err));
        auto summarize = runCli({"summarize", "-m", demoModel(), fifo}, {}, 10000);
        QCOMPARE(summarize.code, 1);
        QVERIFY2(summarize.err.contains("not a regular file"), qPrintable(summarize.err));
        QVERIFY(timer.elapsed() < 10000);
    }

    // Item 9: --ctx -1 silently became the model's default.
    void aNegativeContextIsAnError() {
        for (const QStringList& args :
             {QStringList{"run", "-m", demoModel(), "--ctx", "-1", "-p", "x"},
              QStringList{"summarize", "-m", demoModel(), "--ctx", "-1", dir.filePath("x")}}) {
            auto r = runCli(args);
            QVERIFY2(r.code == 2, qPrintable(r.err));
            QVERIFY2(r.err.contains("--ctx"), qPrintable(r.err));
        }
    }

    // Item 9: a name that is not UTF-8 was reported as "does not exist".
    void aFileNameThatIsNotUtf8IsFound() {
        const QByteArray name = QFile::encodeName(dir.path()) + "/\xff\xfe-report.txt";
        FILE* f = std::fopen(name.constData(), "wb");
        QVERIFY(f);
        const char binary[] = "\x7f"
                              "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0";
        std::fwrite(binary, 1, sizeof binary, f);
        std::fclose(f);
        // QProcess passes arguments as UTF-8: the shell builds the raw bytes instead.
        QProcess sh;
        sh.start(
            QStringLiteral("/bin/sh"),
            {"-c",
             QStringLiteral("exec \"$0\" summarize -m \"$1\" \"$2\"/\"$(printf '\\377\\376')-report.txt\""),
             sosoik::test::cliPath(), demoModel(), dir.path()});
        QVERIFY(sh.waitForFinished(60000));
        const QString err = QString::fromUtf8(sh.readAllStandardError());
        QCOMPARE(sh.exitCode(), 1);
        QVERIFY2(!err.contains("does not exist"), qPrintable(err));
        QVERIFY2(err.contains("binary data"), qPrintable(err)); // it was opened and read
        ::unlink(name.constData());                             // QTemporaryDir cannot name it either
    }

    // Item 6: Ctrl-C while a large document is read took 25-133 s to take effect.
    void ctrlCStopsSummarizeWhileTheDocumentIsRead() {
        const QString big = dir.filePath("big.txt");
        {
            QFile f(big);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QByteArray paragraph;
            for (int i = 0; i < 40; ++i)
                paragraph += "The committee met again on Tuesday to discuss the harvest and the prices. ";
            paragraph += "\n\n";
            for (qint64 written = 0; written < (120ll << 20); written += paragraph.size())
                f.write(paragraph);
        }
        const Interrupted r = interruptAfter(
            {"summarize", "-m", demoModel(), big, "--ctx", "2048", "--words", "20", "--backend", "reference"},
            2500);
        QVERIFY2(r.code == 130, qPrintable(QStringLiteral("exit %1: %2").arg(r.code).arg(r.err)));
        QVERIFY2(r.stopMs < 2000, qPrintable(QString::number(r.stopMs)));
        QVERIFY2(r.err.contains("cancelled"), qPrintable(r.err));
        qInfo("summarize: SIGINT to exit %lld ms", r.stopMs);
    }

    // Item 9: `run` had no handler and died without its stats line.
    void ctrlCStopsRunAndPrintsItsStats() {
        const Interrupted r = interruptAfter({"run", "-m", demoModel(), "-p", "안녕하세요", "-n", "100000",
                                              "--ctx", "4096", "--temp", "0.8", "--backend", "reference"},
                                             20000, [](QProcess& p) { return p.bytesAvailable() > 0; });
        QVERIFY2(r.code == 130, qPrintable(QStringLiteral("exit %1: %2").arg(r.code).arg(r.err)));
        QVERIFY2(r.stopMs < 2000, qPrintable(QString::number(r.stopMs)));
        QVERIFY2(r.err.contains("stop: cancelled"), qPrintable(r.err));
        qInfo("run: SIGINT to exit %lld ms", r.stopMs);
    }

    // A command that does not cooperate ends at once, saying so.
    void ctrlCEndsAnyOtherCommandAtOnce() {
        // tokenize -f - waits on stdin (kept open), as a long command would be busy.
        QProcess p;
        p.start(sosoik::test::cliPath(), {"tokenize", "-m", demoModel(), "-f", "-"});
        QVERIFY(p.waitForStarted());
        QTest::qWait(1000);
        QCOMPARE(p.state(), QProcess::Running);
        QVERIFY(p.processId() > 0);
        ::kill(pid_t(p.processId()), SIGINT);
        QElapsedTimer stop;
        stop.start();
        QVERIFY(p.waitForFinished(5000));
        QCOMPARE(p.exitCode(), 130);
        QVERIFY(stop.elapsed() < 2000);
        QVERIFY(p.readAllStandardError().contains("interrupted"));
    }
};

QTEST_MAIN(TestCliHostile)
#include "tst_cli_hostile.moc"
