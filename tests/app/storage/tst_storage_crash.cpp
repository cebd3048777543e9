// Crash safety: a child process (this test binary, re-invoked with --stream-child) streams an answer
// into the database and is killed with SIGKILL mid-generation. The reopened database passes
// PRAGMA integrity_check and holds the partial answer up to (at least) the last save it reported.
#include "storage/storage.h"
#include "storage/streaming_writer.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <cstdio>

using namespace sosoik::storage;

namespace {

QString piece(int i) {
    return QStringLiteral("토큰%1 ").arg(i);
}

// The child: streams pieces forever (at most a minute), reporting each committed length on stdout.
int runStreamingChild(const QString& dataDir) {
    Storage storage;
    if (!storage.open(dataDir)) return 2;
    const qint64 chat = storage.createConversation();
    storage.addMessage(chat, "user", "긴 이야기를 들려줘");
    const qint64 id = storage.beginMessage(chat, "assistant", "child.gguf");
    std::printf("message %lld\n", static_cast<long long>(id));
    std::fflush(stdout);
    StreamingMessageWriter writer(&storage, id, 15, 1000000);
    qsizetype reported = 0;
    QDeadlineTimer deadline(60000);
    for (int i = 0; !deadline.hasExpired(); ++i) {
        if (!writer.append(piece(i))) return 3;
        const auto saved = storage.message(id);
        if (saved && saved->content.size() != reported) {
            reported = saved->content.size();
            std::printf("saved %lld\n", static_cast<long long>(reported));
            std::fflush(stdout);
        }
        QThread::usleep(500);
    }
    return 0;
}

} // namespace

class TestStorageCrash : public QObject {
    Q_OBJECT
private slots:
    void killedMidAnswerKeepsPartialAnswer() {
        QTemporaryDir tmp;
        QProcess child;
        child.setProcessChannelMode(QProcess::SeparateChannels);
        child.start(QCoreApplication::applicationFilePath(), {"--stream-child", tmp.path()});
        QVERIFY(child.waitForStarted());
        qint64 messageId = 0;
        qint64 lastSaved = 0;
        int saves = 0;
        QDeadlineTimer deadline(30000);
        QByteArray buffer;
        while (saves < 20 && !deadline.hasExpired()) {
            QVERIFY2(child.state() == QProcess::Running, child.readAllStandardError().constData());
            child.waitForReadyRead(200);
            buffer += child.readAllStandardOutput();
            qsizetype nl;
            while ((nl = buffer.indexOf('\n')) >= 0) {
                const QList<QByteArray> parts = buffer.left(nl).split(' ');
                buffer.remove(0, nl + 1);
                if (parts.value(0) == "message") messageId = parts.value(1).toLongLong();
                if (parts.value(0) == "saved") {
                    lastSaved = parts.value(1).toLongLong();
                    ++saves;
                }
            }
        }
        QVERIFY2(saves >= 20, "the child did not report enough saves");
        child.kill(); // SIGKILL: no destructors, no flush, possibly mid-write
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        Storage storage;
        QVERIFY2(storage.open(tmp.path()), qPrintable(storage.errorString()));
        QVERIFY(storage.openNotice().isEmpty());
        QSqlQuery q(storage.database());
        QVERIFY(q.exec("PRAGMA integrity_check") && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        const auto message = storage.message(messageId);
        QVERIFY(message.has_value());
        QVERIFY(!message->finished);
        QVERIFY2(message->content.size() >= lastSaved,
                 qPrintable(QStringLiteral("%1 < %2").arg(message->content.size()).arg(lastSaved)));
        // What was kept is exactly the start of what was streamed.
        QString expected;
        for (int i = 0; expected.size() < message->content.size(); ++i)
            expected += piece(i);
        QCOMPARE(message->content, expected.left(message->content.size()));
        QVERIFY(message->content.endsWith(QLatin1Char(' ')));
        QCOMPARE(storage.search(piece(3).trimmed()).size(), 1); // the FTS index survived too
        qInfo("partial answer kept after SIGKILL: %lld characters, %d saves seen",
              qint64(message->content.size()), saves);
    }
};

int main(int argc, char** argv) {
    if (argc == 3 && qstrcmp(argv[1], "--stream-child") == 0) {
        QCoreApplication app(argc, argv);
        return runStreamingChild(QString::fromLocal8Bit(argv[2]));
    }
    QCoreApplication app(argc, argv);
    TestStorageCrash test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_storage_crash.moc"
