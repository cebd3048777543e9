// `sosoik-cli models` as a user runs it: scan a folder, verify a file's checksum, list what is on
// the computer and in the catalog (with a fit estimate), on fixtures built here.
#include "support/synthetic_model.h"
#include "support/test_support.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using sosoik::test::runCli;

namespace {
QString sha256(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QString::fromLatin1(QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex());
}
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

    void unknownSubcommandSaysUsage() {
        const auto r = runCli({"models", "frobnicate"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("usage: sosoik-cli models"), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliModels)
#include "tst_cli_models.moc"
