// `sosoik-cli models` as a user runs it: scan a folder, verify a file's checksum, list what is on
// the computer and in the catalog (with a fit estimate), on fixtures built here; pull a catalog model
// from a loopback host.
#include "app/support/loopback_http_server.h"
#include "support/synthetic_model.h"
#include "support/test_support.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using sosoik::test::LoopbackHttpServer;
using sosoik::test::runCli;

namespace {
QString sha256(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QString::fromLatin1(QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex());
}

// sosoik-cli run without blocking this thread, so that the loopback server in this process answers it.
class CliRun {
public:
    explicit CliRun(const QStringList& args) { process_.start(qEnvironmentVariable("SOSOIK_CLI"), args); }
    ~CliRun() {
        if (process_.state() != QProcess::NotRunning) {
            process_.kill();
            process_.waitForFinished();
        }
    }
    bool done() const { return process_.state() == QProcess::NotRunning; }
    int code() const { return process_.exitCode(); }
    QString out() { return out_ += QString::fromUtf8(process_.readAllStandardOutput()); }
    QString err() { return err_ += QString::fromUtf8(process_.readAllStandardError()); }

private:
    QProcess process_;
    QString out_, err_;
};
} // namespace

class TestCliModels : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString model_;

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        QVERIFY(QDir().mkpath(dir_.filePath("models/sub")));
        model_ = dir_.filePath("models/sub/tiny.gguf");
        sosoik::test::SyntheticModelSpec spec;
        auto w = sosoik::test::buildSyntheticModel(spec);
        w.setString("general.name", "Tiny Test Model");
        w.save(model_.toStdString());
        QFile junk(dir_.filePath("models/junk.gguf"));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("this is not a GGUF file at all");
        // `models list` also looks in the home folder's app stores: keep it to the fixture.
        qputenv("HOME", dir_.path().toUtf8());
        qputenv("XDG_DATA_HOME", dir_.filePath("data").toUtf8());
    }

    void scanDescribesEachFile() {
        const auto r = runCli({"models", "scan", dir_.filePath("models"), "--backend", "reference"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("sub/tiny.gguf"), qPrintable(r.out));
        QVERIFY2(r.out.contains("Tiny Test Model, llama"), qPrintable(r.out));
        QVERIFY2(r.out.contains("context 256 — fits"), qPrintable(r.out));
        QVERIFY2(r.out.contains("junk.gguf"), qPrintable(r.out));
        QVERIFY2(r.out.contains("cannot run: the file is damaged"), qPrintable(r.out));
    }

    void scanRefusesAMissingFolder() {
        const auto r = runCli({"models", "scan", dir_.filePath("nowhere")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("is not a folder"), qPrintable(r.err));
    }

    void verifyComparesTheChecksum() {
        const QString digest = sha256(model_);
        auto r = runCli({"models", "verify", model_, "--sha256", digest});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains("sha256:   " + digest), qPrintable(r.out));
        QVERIFY2(r.out.contains("checksum: matches (--sha256)"), qPrintable(r.out));

        QString wrong = digest;
        wrong[0] = wrong[0] == 'a' ? 'b' : 'a';
        r = runCli({"models", "verify", model_, "--sha256", wrong});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.contains("MISMATCH"), qPrintable(r.out));

        // The digest recorded beside a downloaded file is what a later verify compares with.
        QFile sidecar(model_ + ".sha256");
        QVERIFY(sidecar.open(QIODevice::WriteOnly));
        sidecar.write((wrong + "  tiny.gguf\n").toUtf8());
        sidecar.close();
        r = runCli({"models", "verify", model_});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.contains("recorded at download"), qPrintable(r.out));
        QVERIFY(sidecar.remove());
        r = runCli({"models", "verify", model_});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains("none known"), qPrintable(r.out));

        r = runCli({"models", "verify", dir_.filePath("models/junk.gguf")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.contains("cannot run"), qPrintable(r.out));
    }

    void listShowsLocalModelsAndTheCatalog() {
        const auto r = runCli(
            {"models", "list", "--dir", dir_.filePath("models"), "--backend", "reference", "--ctx", "2048"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("on this computer (2)"), qPrintable(r.out));
        QVERIFY2(r.out.contains("[Sosoik]"), qPrintable(r.out));
        QVERIFY2(r.out.contains("qwen2.5-0.5b-instruct"), qPrintable(r.out));
        QVERIFY2(r.out.contains("EXAONE AI Model License Agreement 1.1 - NC (non-commercial)"),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains("memory for models:") && r.out.contains("(RAM)"), qPrintable(r.out));
    }

    // Without --dir, `models list` looks where the app looks: the folder chosen in Settings → Models,
    // read from the app's settings (<SOSOIK_DATA_DIR>/settings.ini for this profile).
    void listUsesTheModelsFolderChosenInTheApp() {
        qunsetenv("SOSOIK_MODELS_DIR");
        const QString profile = dir_.filePath("profile");
        QVERIFY(QDir().mkpath(profile));
        qputenv("SOSOIK_DATA_DIR", profile.toUtf8());
        auto r = runCli({"models", "list", "--backend", "reference"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("on this computer (0)"), qPrintable(r.out)); // nothing chosen, nothing found
        {
            QSettings app(QDir(profile).filePath("settings.ini"), QSettings::IniFormat);
            app.setValue("library/modelsDir", dir_.filePath("models"));
        }
        r = runCli({"models", "list", "--backend", "reference"});
        qunsetenv("SOSOIK_DATA_DIR");
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("on this computer (2)") && r.out.contains("[Sosoik]") &&
                     r.out.contains("sub/tiny.gguf"),
                 qPrintable(r.out));
    }

    void unknownSubcommandSaysUsage() {
        const auto r = runCli({"models", "frobnicate"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("usage: sosoik-cli models"), qPrintable(r.err));
    }

    // `models pull` against a loopback host (a mirror given with --host): the file is downloaded,
    // its sha256 checked and installed; a damaged transfer is refused; a licence must be accepted
    // before the host is asked anything. The server answers while the test's event loop spins.
    void pullDownloadsVerifiesAndInstalls() {
        LoopbackHttpServer host;
        QFile demo(
            QDir(qEnvironmentVariable("SOSOIK_SOURCE_DIR")).filePath("resources/models/sosoik-demo-ko.gguf"));
        QVERIFY(demo.open(QIODevice::ReadOnly));
        const QByteArray bytes = demo.readAll();
        host.addFile("HuggingFaceTB/SmolLM2-360M-Instruct-GGUF", "smollm2-360m-instruct-q8_0.gguf", bytes);
        QByteArray damaged = bytes;
        damaged[1000] = char(damaged[1000] ^ 1);
        host.addFile("Qwen/Qwen3-0.6B-GGUF", "Qwen3-0.6B-Q8_0.gguf", damaged,
                     QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        const QString dir = dir_.filePath("pulled");
        const QString url = host.baseUrl().toString();

        CliRun ok({"models", "pull", "smollm2-360m-instruct", "--host", url, "--dir", dir});
        QTRY_VERIFY_WITH_TIMEOUT(ok.done(), 60000);
        QVERIFY2(ok.code() == 0, qPrintable(ok.err()));
        QVERIFY2(ok.out().contains("installed") && ok.out().contains("sha256 verified"),
                 qPrintable(ok.out()));
        QVERIFY2(ok.err().contains("checking sha256"), qPrintable(ok.err()));
        QFile installed(dir + "/smollm2-360m-instruct-q8_0.gguf");
        QVERIFY(installed.open(QIODevice::ReadOnly));
        QCOMPARE(installed.readAll(), bytes);
        QCOMPARE(sha256(installed.fileName()),
                 QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));

        CliRun bad({"models", "pull", "qwen3-0.6b", "--host", url, "--dir", dir});
        QTRY_VERIFY_WITH_TIMEOUT(bad.done(), 60000);
        QCOMPARE(bad.code(), 1);
        QVERIFY2(bad.err().contains("damaged"), qPrintable(bad.err()));
        QVERIFY(!QFileInfo::exists(dir + "/Qwen3-0.6B-Q8_0.gguf"));
        QVERIFY(!QFileInfo::exists(dir + "/Qwen3-0.6B-Q8_0.gguf.part"));

        const qsizetype asked = host.requests().size();
        CliRun licence({"models", "pull", "exaone-3.5-2.4b-instruct", "--host", url, "--dir", dir});
        QTRY_VERIFY_WITH_TIMEOUT(licence.done(), 60000);
        QCOMPARE(licence.code(), 2);
        QVERIFY2(licence.err().contains("--accept-licence") && licence.err().contains("non-commercial"),
                 qPrintable(licence.err()));
        QCOMPARE(host.requests().size(), asked);
    }
};

QTEST_GUILESS_MAIN(TestCliModels)
#include "tst_cli_models.moc"
