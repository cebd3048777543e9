// The real `sosoik` binary (SOSOIK_APP) on a machine without a display, as over ssh or in a
// terminal-only session. Issue #13: `sosoik --help` aborted there (exit 134) instead of printing help.
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run {
    int code = -1;
    QProcess::ExitStatus status = QProcess::CrashExit;
    QString out, err;
};

Run runWithoutDisplay(const QStringList& arguments) {
    QTemporaryDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* var : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(var);
    env.insert("XDG_CONFIG_HOME", home.filePath("config"));
    env.insert("XDG_DATA_HOME", home.filePath("data"));
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(qEnvironmentVariable("SOSOIK_APP"), arguments);
    Run r;
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished(3000);
        return r;
    }
    r.code = p.exitCode();
    r.status = p.exitStatus();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace

class TestCommandLine : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (qEnvironmentVariableIsEmpty("SOSOIK_APP")) QSKIP("SOSOIK_APP is not set (GUI not built)");
    }

    void helpPrintsWithoutADisplay() {
        for (const QString& flag : {QStringLiteral("--help"), QStringLiteral("-h")}) {
            const Run r = runWithoutDisplay({flag});
            QCOMPARE(r.status, QProcess::NormalExit);
            QCOMPARE(r.code, 0);
            QVERIFY2(r.out.contains(QStringLiteral("--data-dir")), qPrintable(r.out + r.err));
            QVERIFY(r.out.contains(QStringLiteral("--quick-query")));
            QVERIFY(r.out.contains(QStringLiteral(".gguf")));
        }
    }

    void versionPrintsWithoutADisplay() {
        const Run r = runWithoutDisplay({QStringLiteral("--version")});
        QCOMPARE(r.status, QProcess::NormalExit);
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("Sosoik ")), qPrintable(r.out + r.err));
    }

    void startingWithoutADisplaySaysWhyInsteadOfAborting() {
        QTemporaryDir data;
        const Run r = runWithoutDisplay({QStringLiteral("--data-dir"), data.path()});
        QCOMPARE(r.status, QProcess::NormalExit);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("no graphical display")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("sosoik-cli")));
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_command_line.moc"
