// The real `sosoik` binary launched twice on one data dir: the second launch hands its file argument (and
// then a --quick-query request) to the first and exits 0, while the first keeps running. SOSOIK_APP is the
// binary's path (set by tests/CMakeLists.txt); skips when it is absent.
#include "instance/single_instance.h"

#include <QDir>
#include <QLocalSocket>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using sosoik::app::SingleInstance;

class TestSosoikHandoff : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_app;

    QProcess* launch(const QStringList& arguments, const QString& workingDir = {}) {
        auto* process = new QProcess(this);
        process->setProgram(m_app);
        process->setArguments(QStringList{"--data-dir", m_dir.filePath("data")} + arguments);
        if (!workingDir.isEmpty()) process->setWorkingDirectory(workingDir);
        process->start();
        return process;
    }
    bool listening() const {
        QLocalSocket probe;
        probe.connectToServer(SingleInstance::socketPathFor(m_dir.filePath("data")));
        return probe.waitForConnected(200);
    }

private slots:
    void initTestCase() {
        m_app = qEnvironmentVariable("SOSOIK_APP");
        if (m_app.isEmpty() || !QFileInfo(m_app).isExecutable()) QSKIP("SOSOIK_APP is not set; skipping");
    }

    void secondLaunchHandsItsFileToTheFirst() {
        QProcess* first = launch({});
        QVERIFY(first->waitForStarted(5000));
        QTRY_VERIFY2_WITH_TIMEOUT(listening() || first->state() != QProcess::Running, "first never listened",
                                  30000);
        QCOMPARE(first->state(), QProcess::Running);

        const QString docs = m_dir.filePath("docs");
        QVERIFY(QDir().mkpath(docs));
        QProcess* second = launch({"회의록.txt"}, docs);
        QVERIFY(second->waitForFinished(15000));
        QCOMPARE(second->exitStatus(), QProcess::NormalExit);
        QCOMPARE(second->exitCode(), 0);

        QByteArray log;
        QTRY_VERIFY_WITH_TIMEOUT(
            (log += first->readAllStandardError()).contains("request from another launch"), 10000);
        QVERIFY2(QString::fromUtf8(log).contains(QDir(docs).filePath("회의록.txt")), log.constData());
        QVERIFY(log.contains("\"open\""));

        QProcess* third = launch({"--quick-query"});
        QVERIFY(third->waitForFinished(15000));
        QCOMPARE(third->exitCode(), 0);
        QTRY_VERIFY_WITH_TIMEOUT((log += first->readAllStandardError()).contains("\"quick-query\""), 10000);
        QCOMPARE(first->state(), QProcess::Running);

        first->terminate();
        if (!first->waitForFinished(10000)) first->kill();
    }
};

QTEST_MAIN(TestSosoikHandoff)
#include "tst_sosoik_handoff.moc"
