// sosoik-cli on the native CPU backend: `--backend cpu` at every SIMD level this machine has
// (SOSOIK_CPU_ISA) spells stories260K's greedy story exactly (../shared), `-t` sets the threads,
// bench reports the cpu backend, and `devices` lists the CPU.
#include "support/test_support.h"

#include "backend/cpu/cpu_features.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

using sosoik::test::runCli;
namespace cpu = sosoik::backend::cpu;

struct Run {
    int code = -1;
    QByteArray out, err;
};

Run runWithIsa(const QStringList& args, const QString& isa) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("SOSOIK_CPU_ISA", isa);
    p.setProcessEnvironment(env);
    p.start(sosoik::test::cliPath(), args);
    p.waitForFinished(300000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

} // namespace

class TestCliCpuBackend : public QObject {
    Q_OBJECT
    QTemporaryDir dir;

private slots:
    void stories260kGreedyStoryAtEveryLevel_data() {
        QTest::addColumn<int>("isa");
        QTest::addColumn<QString>("name");
        QTest::newRow("scalar") << int(cpu::Isa::Scalar) << "scalar";
        QTest::newRow("avx2") << int(cpu::Isa::Avx2) << "avx2";
        QTest::newRow("avx512") << int(cpu::Isa::Avx512) << "avx512";
    }
    void stories260kGreedyStoryAtEveryLevel() {
        QFETCH(int, isa);
        QFETCH(QString, name);
        if (!cpu::isaSupported(cpu::Isa(isa))) QSKIP("this CPU lacks the level");
        SOSOIK_REQUIRE_SHARED(modelPath, "models/stories260K.gguf");
        SOSOIK_REQUIRE_SHARED(textPath, "models/stories260K.greedy.txt");
        QFile f(textPath);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const Run r = runWithIsa(
            {"run", "-m", modelPath, "-n", "200", "--temp", "0", "--backend", "cpu", "-t", "2"}, name);
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(QString::fromUtf8(r.out), QString::fromUtf8(f.readAll()));
        QVERIFY2(r.err.contains(QByteArray("backend cpu: ") + cpu::isaName(cpu::Isa(isa)) + ", 2 threads"),
                 r.err.constData());
    }

    void benchRunsOnTheCpuBackendWithThreads() {
        const QString model = dir.filePath("tiny-Q8_0.gguf");
        auto r =
            runCli({"bench", "--synthetic", "stories15M", "--type", "Q8_0", "-o", model, "--generate-only"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = runCli({"bench", "-m", model, "-p", "16", "-n", "2", "-r", "1", "--backend", "cpu", "-t", "2",
                    "--json"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const auto lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        for (const auto& line : lines) {
            const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
            QCOMPARE(o["backend"].toString(), QStringLiteral("cpu"));
            QVERIFY2(o["device"].toString().endsWith(", 2 threads"), qPrintable(line));
            QVERIFY(o["avg_ts"].toDouble() > 0);
        }
        QVERIFY(runCli({"bench", "-m", model, "-t", "-1"}).code != 0);
    }

    // --fast-prompts takes the cpu backend's 8-bit prompt batches (the app's Settings > CPU > Faster
    // prompts): the logits of a 12-token prompt are those of SOSOIK_CPU_PROMPT=int8, bit for bit, and not the
    // default's.
    void fastPromptsOptionChoosesThe8BitPath() {
        const QString model = dir.filePath("tiny-Q4_0.gguf");
        auto r =
            runCli({"bench", "--synthetic", "stories15M", "--type", "Q4_0", "-o", model, "--generate-only"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const auto logits = [&](const QString& name, QStringList extra) {
            const QString out = dir.filePath(name);
            QStringList args = {"logits",    "-m",       model,
                                "--backend", "cpu",      "-t",
                                "2",         "--tokens", "1,20,300,4000,5,60,700,8000,9,100,1100,12",
                                "--out",     out};
            args += extra;
            const auto run = runCli(args);
            QFile f(out);
            return run.code == 0 && f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        };
        const QByteArray exact = logits("exact.bin", {});
        const QByteArray fast = logits("fast.bin", {"--fast-prompts"});
        qputenv("SOSOIK_CPU_PROMPT", "int8");
        const QByteArray env = logits("env.bin", {});
        qunsetenv("SOSOIK_CPU_PROMPT");
        QCOMPARE(exact.size(), qsizetype(12 * 32000 * 4));
        QCOMPARE(fast.size(), exact.size());
        QVERIFY(fast == env);
        QVERIFY(fast != exact);
        QVERIFY(runCli({"serve", "-m", model, "-t", "-1"}).code != 0);
        QVERIFY(runCli({"run", "-m", model, "--tokens", "1", "-n", "1", "-t", "-2"}).code != 0);
    }

    void devicesListTheCpu() {
        const auto r = runCli({"devices"});
        QVERIFY2(
            r.out.contains(
                QString("cpu: %1 threads, %2").arg(cpu::physicalCores()).arg(cpu::isaName(cpu::chosenIsa()))),
            qPrintable(r.out));
    }
};

QTEST_GUILESS_MAIN(TestCliCpuBackend)
#include "tst_cli_cpu_backend.moc"
