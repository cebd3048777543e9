// Single-instance hand-off between real processes: this test binary doubles as the "launch" it spawns
// (run with --instance-helper), so two processes really race for the same local socket.
#include "instance/single_instance.h"

#include <QCoreApplication>
#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTimer>
#include <cstdio>

#include <sys/stat.h>
#include <unistd.h>

using sosoik::app::InstanceRequest;
using sosoik::app::SingleInstance;

namespace {

// A minimal launch: claim or hand off, then report to stdout what happened.
int runHelper(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(2); // skip program and --instance-helper
    const QString dataDir = args.takeFirst();
    SingleInstance instance(dataDir);
    const auto role = instance.claimOrHandOff(InstanceRequest::fromArguments(args, false), 2000);
    if (role == SingleInstance::Role::Secondary) return 0;
    if (role == SingleInstance::Role::Failed) {
        std::fprintf(stderr, "%s\n", qPrintable(instance.errorString()));
        return 3;
    }
    QObject::connect(&instance, &SingleInstance::requestReceived, [](const InstanceRequest& request) {
        std::printf("received %s\n", request.toJson().constData());
        std::fflush(stdout);
    });
    std::printf("primary\n");
    std::fflush(stdout);
    QTimer::singleShot(30000, &app, &QCoreApplication::quit); // never outlive a crashed test
    return app.exec();
}

} // namespace

class TestSingleInstance : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QList<QProcess*> m_processes;

    QProcess* launch(const QString& dataDir, const QStringList& files, const QString& workingDir = {},
                     const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment()) {
        auto* process = new QProcess(this);
        process->setProcessEnvironment(env);
        process->setProgram(QCoreApplication::applicationFilePath());
        process->setArguments(QStringList{"--instance-helper", dataDir} + files);
        if (!workingDir.isEmpty()) process->setWorkingDirectory(workingDir);
        process->start();
        m_processes << process;
        return process;
    }
    static bool waitForLine(QProcess* process, const QByteArray& prefix, QByteArray* line = nullptr) {
        QByteArray seen;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 10000) {
            if (process->canReadLine() || process->waitForReadyRead(200)) {
                while (process->canReadLine()) {
                    const QByteArray next = process->readLine().trimmed();
                    if (next.startsWith(prefix)) {
                        if (line) *line = next;
                        return true;
                    }
                }
            }
            if (process->state() == QProcess::NotRunning && !process->canReadLine()) return false;
        }
        return false;
    }

private slots:
    void cleanup() {
        for (QProcess* process : m_processes) {
            process->kill();
            process->waitForFinished(3000);
        }
        qDeleteAll(m_processes);
        m_processes.clear();
    }

    void serverNameIsKeyedByUserAndDataDir() {
        const QString a = SingleInstance::serverNameFor("alice", "/data/one");
        QCOMPARE(SingleInstance::serverNameFor("alice", "/data/one/"), a);
        QVERIFY(SingleInstance::serverNameFor("bob", "/data/one") != a);
        QVERIFY(SingleInstance::serverNameFor("alice", "/data/two") != a);
        QVERIFY(!SingleInstance::serverNameFor("a/../b c", "/x").contains('/'));
    }

    void requestRoundTripsAndRejectsGarbage() {
        const InstanceRequest open = InstanceRequest::fromArguments({"notes.txt"}, false);
        QCOMPARE(open.action, InstanceRequest::Action::OpenFiles);
        QVERIFY(QFileInfo(open.files.first()).isAbsolute());
        InstanceRequest parsed;
        QVERIFY(InstanceRequest::fromJson(open.toJson(), &parsed));
        QCOMPARE(parsed.files, open.files);
        QCOMPARE(InstanceRequest::fromArguments({}, true).action, InstanceRequest::Action::QuickQuery);
        QVERIFY(!InstanceRequest::fromJson("{\"action\":\"format-disk\"}", &parsed));
        QVERIFY(!InstanceRequest::fromJson("not json", &parsed));
    }

    void secondLaunchHandsItsFileToTheFirstAndExitsZero() {
        const QString dataDir = m_dir.filePath("data");
        QProcess* first = launch(dataDir, {});
        QVERIFY2(waitForLine(first, "primary"), first->readAllStandardError().constData());

        // A relative argument must reach the first instance as the absolute path seen by the second.
        const QString docs = m_dir.filePath("docs");
        QVERIFY(QDir().mkpath(docs));
        QProcess* second = launch(dataDir, {"report.pdf"}, docs);
        QVERIFY(second->waitForFinished(10000));
        QCOMPARE(second->exitStatus(), QProcess::NormalExit);
        QCOMPARE(second->exitCode(), 0);
        QVERIFY(!second->readAllStandardOutput().contains("primary"));

        QByteArray line;
        QVERIFY(waitForLine(first, "received", &line));
        InstanceRequest request;
        QVERIFY(InstanceRequest::fromJson(line.mid(QByteArray("received ").size()), &request));
        QCOMPARE(request.action, InstanceRequest::Action::OpenFiles);
        QCOMPARE(request.files, QStringList{QDir(docs).filePath("report.pdf")});
        QCOMPARE(first->state(), QProcess::Running);

        // A plain second launch asks for activation.
        QProcess* third = launch(dataDir, {});
        QVERIFY(third->waitForFinished(10000));
        QCOMPARE(third->exitCode(), 0);
        QVERIFY(waitForLine(first, "received", &line));
        QVERIFY(line.contains("\"activate\""));
    }

    void anotherDataDirIsAnotherInstance() {
        QProcess* first = launch(m_dir.filePath("a"), {});
        QVERIFY(waitForLine(first, "primary"));
        QProcess* second = launch(m_dir.filePath("b"), {});
        QVERIFY(waitForLine(second, "primary"));
    }

    void crashedInstanceDoesNotBlockTheNextLaunch() {
        const QString dataDir = m_dir.filePath("crash");
        QProcess* first = launch(dataDir, {});
        QVERIFY(waitForLine(first, "primary"));
        first->kill(); // SIGKILL: the socket file stays behind
        QVERIFY(first->waitForFinished(5000));
        QProcess* next = launch(dataDir, {});
        QVERIFY2(waitForLine(next, "primary"), next->readAllStandardError().constData());
    }

    void garbageFromAStrangerIsDroppedAndServiceContinues() {
        const QString dataDir = m_dir.filePath("garbage");
        QProcess* first = launch(dataDir, {});
        QVERIFY(waitForLine(first, "primary"));
        QLocalSocket stranger;
        stranger.connectToServer(SingleInstance::socketPathFor(dataDir));
        QVERIFY(stranger.waitForConnected(3000));
        stranger.write("{\"action\":\"rm -rf\"}\n");
        QVERIFY(stranger.waitForBytesWritten(3000));
        QTRY_COMPARE(stranger.state(), QLocalSocket::UnconnectedState);

        QProcess* second = launch(dataDir, {"x.txt"});
        QVERIFY(second->waitForFinished(10000));
        QCOMPARE(second->exitCode(), 0);
        QVERIFY(waitForLine(first, "received"));
    }
    // Issue #19 item 2. Before: the socket was /tmp/sosoik-$USER-<hash>, predictable, and a launch handed
    // its request to whoever answered "ok" there (exiting at once, telling it the files it opens).
    void aSquatterAtTheOldPredictablePathGetsNothing() {
        const QString dataDir = m_dir.filePath("squatted");
        const QString oldName = SingleInstance::serverNameFor(
            qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME", "user")), dataDir);
        QLocalServer::removeServer(oldName);
        QLocalServer squatter;
        squatter.setSocketOptions(QLocalServer::WorldAccessOption);
        QVERIFY(squatter.listen(oldName)); // what another local user could do in /tmp
        QByteArray stolen;
        connect(&squatter, &QLocalServer::newConnection, this, [&] {
            QLocalSocket* s = squatter.nextPendingConnection();
            connect(s, &QLocalSocket::readyRead, s, [&stolen, s] {
                stolen += s->readAll();
                s->write("ok\n");
            });
        });
        QProcess* launchProcess = launch(dataDir, {"secret-plan.txt"});
        QVERIFY2(waitForLine(launchProcess, "primary"), launchProcess->readAllStandardError().constData());
        QTest::qWait(200);
        QCOMPARE(stolen, QByteArray());
        // The socket is in the private runtime folder, not in /tmp.
        const QString path = SingleInstance::socketPathFor(dataDir);
        QVERIFY2(path.startsWith(SingleInstance::privateSocketDir() + '/'), qPrintable(path));
        QVERIFY(!path.startsWith(QDir::tempPath() + "/sosoik-" + qEnvironmentVariable("USER")));
    }

    void aRuntimeDirOthersCanEnterIsNotUsed() {
        const QString open = m_dir.filePath("open-runtime");
        QVERIFY(QDir().mkpath(open));
        QCOMPARE(::chmod(QFile::encodeName(open).constData(), 0777), 0);
        const QString tmp = m_dir.filePath("tmp");
        QVERIFY(QDir().mkpath(tmp));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("XDG_RUNTIME_DIR", open);
        env.insert("TMPDIR", tmp);
        QProcess* first = launch(m_dir.filePath("runtime-data"), {}, {}, env);
        QVERIFY2(waitForLine(first, "primary"), first->readAllStandardError().constData());
        // Nothing in the open folder; the socket is in <tmp>/sosoik-<uid>, made 0700.
        QVERIFY(QDir(open).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System).isEmpty());
        const QString fallback = tmp + QStringLiteral("/sosoik-%1").arg(::geteuid());
        struct stat st {};
        QCOMPARE(::lstat(QFile::encodeName(fallback).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0700);
        QVERIFY(!QDir(fallback).entryList(QDir::System | QDir::NoDotAndDotDot).isEmpty());
        // And a second launch with the same environment finds it.
        QProcess* second = launch(m_dir.filePath("runtime-data"), {"x.txt"}, {}, env);
        QVERIFY(second->waitForFinished(10000));
        QCOMPARE(second->exitCode(), 0);
        QVERIFY(waitForLine(first, "received"));
    }

    void aSquattedFallbackFolderIsRefused() {
        const QString tmp = m_dir.filePath("tmp-squatted");
        const QString fallback = tmp + QStringLiteral("/sosoik-%1").arg(::geteuid());
        QVERIFY(QDir().mkpath(fallback));
        QCOMPARE(::chmod(QFile::encodeName(fallback).constData(), 0777), 0); // made "for" us by someone
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove("XDG_RUNTIME_DIR");
        env.insert("TMPDIR", tmp);
        QProcess* process = launch(m_dir.filePath("squat-data"), {"a.txt"}, {}, env);
        QVERIFY(process->waitForFinished(10000));
        QCOMPARE(process->exitCode(), 3); // Failed: nothing handed over, nothing listened on
        QVERIFY(process->readAllStandardError().contains("not a private folder"));
        QVERIFY(QDir(fallback).entryList(QDir::System | QDir::NoDotAndDotDot).isEmpty());
    }

    // SO_PEERCRED: a launch hands nothing to a process whose uid is not its own (here the test plays
    // a launch that trusts another uid, since CI cannot create a second user).
    void aPeerOfAnotherUserIsNeitherToldNorReplaced() {
        const QString dataDir = m_dir.filePath("peer");
        QProcess* first = launch(dataDir, {});
        QVERIFY(waitForLine(first, "primary"));
        SingleInstance stranger(dataDir);
        stranger.setExpectedPeerUid(uint(::geteuid()) + 1);
        QCOMPARE(stranger.claimOrHandOff(InstanceRequest::fromArguments({"private.txt"}, false), 2000),
                 SingleInstance::Role::Failed);
        QVERIFY2(stranger.errorString().contains("another user"), qPrintable(stranger.errorString()));
        QTest::qWait(200);
        QVERIFY(!first->readAllStandardOutput().contains("received"));
        // The primary still serves its own user.
        QProcess* second = launch(dataDir, {"y.txt"});
        QVERIFY(second->waitForFinished(10000));
        QCOMPARE(second->exitCode(), 0);
        QVERIFY(waitForLine(first, "received"));
    }
};

int main(int argc, char* argv[]) {
    if (argc > 2 && qstrcmp(argv[1], "--instance-helper") == 0) return runHelper(argc, argv);
    QCoreApplication app(argc, argv);
    TestSingleInstance test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_single_instance.moc"
