// The Models page's model (ModelLibrary), as the page drives it: a scan of a fixture home (an Ollama
// store holding the demo model) with the fit estimate against a given amount of free memory, a licence
// that must be accepted before anything is asked of the host, and a catalog model downloaded from a
// loopback host (a mirror set as the model host) into Sosoik's folder, verified, announced and listed.
#include "models/model_library.h"
#include "settings/app_settings.h"

#include "support/loopback_http_server.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sosoik::app;
using sosoik::test::LoopbackHttpServer;

namespace {

QByteArray demoModel() {
    QFile f(QDir(qEnvironmentVariable("SOSOIK_SOURCE_DIR")).filePath("resources/models/sosoik-demo-ko.gguf"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool write(const QString& path, const QByteArray& bytes) {
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QVariantMap rowNamed(const QVariantList& rows, const QString& name) {
    for (const QVariant& v : rows)
        if (v.toMap().value("name").toString() == name) return v.toMap();
    return {};
}

QString names(const QVariantList& rows) {
    QStringList out;
    for (const QVariant& v : rows)
        out << v.toMap().value("name").toString();
    return out.join(", ");
}

} // namespace

class TestModelLibrary : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QByteArray demo_;

    ModelLibrary::Options options(quint64 freeRam) const {
        ModelLibrary::Options o;
        o.modelsDir = dir_.filePath("models");
        o.home = dir_.filePath("home");
        o.devices = [] { return std::vector<sosoik::DeviceInfo>{}; };
        o.availableRam = [freeRam] { return freeRam; };
        return o;
    }

    static bool scan(ModelLibrary& library) {
        QSignalSpy scanned(&library, &ModelLibrary::scanned);
        library.rescan();
        return scanned.wait(30000);
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        demo_ = demoModel();
        QVERIFY2(!demo_.isEmpty(), "resources/models/sosoik-demo-ko.gguf is part of the source tree");
        // An Ollama store: the manifest of sosoik-demo:latest names the demo model's blob.
        const QString digest = QCryptographicHash::hash(demo_, QCryptographicHash::Sha256).toHex();
        const QString store = dir_.filePath("home/.ollama/models");
        QVERIFY(write(store + "/blobs/sha256-" + digest, demo_));
        QVERIFY(write(store + "/manifests/registry.ollama.ai/library/sosoik-demo/latest",
                      QStringLiteral("{\"schemaVersion\":2,\"layers\":[{\"mediaType\":\"application/"
                                     "vnd.ollama.image.model\",\"digest\":\"sha256:%1\",\"size\":%2}]}")
                          .arg(digest)
                          .arg(demo_.size())
                          .toUtf8()));
    }

    void scansOtherAppsModelsWithTheirFit() {
        AppSettings settings(dir_.filePath("fits.ini"));
        ModelLibrary library(&settings, options(8ull << 30));
        QVERIFY(library.localModels().isEmpty()); // nothing is read before the page asks
        QVERIFY(scan(library));
        const QVariantMap row = rowNamed(library.localModels(), "sosoik-demo:latest");
        QVERIFY2(!row.isEmpty(), qPrintable(names(library.localModels())));
        QCOMPARE(row.value("origin").toString(), QStringLiteral("ollama"));
        QCOMPARE(row.value("architecture").toString(), QStringLiteral("llama"));
        QVERIFY(row.value("supported").toBool());
        QCOMPARE(row.value("fit").toString(), QStringLiteral("fits"));
        QVERIFY2(row.value("fitText").toString().startsWith("Fits (needs "),
                 qPrintable(row.value("fitText").toString()));
        QVERIFY2(library.memoryText().contains("8.6 GB"), qPrintable(library.memoryText()));
    }

    void saysWhenAModelDoesNotFit() {
        AppSettings settings(dir_.filePath("tiny.ini"));
        ModelLibrary library(&settings, options(1ull << 20)); // 1 MiB free
        QVERIFY(scan(library));
        const QVariantMap row = rowNamed(library.localModels(), "sosoik-demo:latest");
        QCOMPARE(row.value("fit").toString(), QStringLiteral("no"));
        QVERIFY2(row.value("fitText").toString().startsWith("Does not fit"),
                 qPrintable(row.value("fitText").toString()));
    }

    void aLicenceMustBeAcceptedBeforeTheDownload() {
        AppSettings settings(dir_.filePath("licence.ini"));
        ModelLibrary library(&settings, options(8ull << 30));
        QSignalSpy message(&library, &ModelLibrary::message);
        QVERIFY(!library.download(QStringLiteral("exaone-3.5-2.4b-instruct")));
        QCOMPARE(message.size(), 1);
        QVERIFY2(message.first().first().toString().startsWith("Accept the EXAONE"),
                 qPrintable(message.first().first().toString()));
        QVERIFY(!QFileInfo::exists(dir_.filePath("models")) ||
                QDir(dir_.filePath("models")).entryList(QDir::Files).isEmpty());
    }

    void rejectsAHostThatIsNotHttp() {
        AppSettings settings(dir_.filePath("host.ini"));
        ModelLibrary library(&settings, options(8ull << 30));
        QSignalSpy message(&library, &ModelLibrary::message);
        library.setHost(QStringLiteral("ftp://mirror.example"));
        QCOMPARE(message.size(), 1);
        QCOMPARE(library.host(), QStringLiteral("https://huggingface.co"));
    }

    void downloadsACatalogModelFromTheConfiguredHostAndListsIt() {
        LoopbackHttpServer mirror;
        AppSettings settings(dir_.filePath("download.ini"));
        ModelLibrary library(&settings, options(8ull << 30));
        const CatalogEntry* entry =
            library.catalog()->catalog().find(QStringLiteral("smollm2-360m-instruct"));
        QVERIFY(entry);
        mirror.addFile(entry->repo.toUtf8(), entry->file.toUtf8(), demo_);
        library.setHost(mirror.baseUrl().toString());
        QCOMPARE(library.host(), mirror.baseUrl().toString());

        QSignalSpy installed(&library, &ModelLibrary::modelInstalled);
        QVERIFY(library.download(entry->id));
        QVERIFY(installed.wait(30000));
        const QString path = installed.first().first().toString();
        QCOMPARE(path, QDir(dir_.filePath("models")).filePath(entry->file));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), demo_);
        // Every request went to the mirror, for this file only.
        for (const auto& r : mirror.requests())
            QVERIFY2(r.path.endsWith(entry->file.toUtf8()), r.path.constData());

        const int row = library.catalog()->rowOf(entry->id);
        const QModelIndex index = library.catalog()->index(row);
        QCOMPARE(index.data(CatalogListModel::StateRole).toString(), QStringLiteral("finished"));
        // The download is followed by a scan that lists the file as one of Sosoik's own.
        QTRY_VERIFY(!rowNamed(library.localModels(), entry->file).isEmpty());
        QCOMPARE(rowNamed(library.localModels(), entry->file).value("origin").toString(),
                 QStringLiteral("sosoik"));
        QVERIFY(index.data(CatalogListModel::InstalledRole).toBool());
    }
};

QTEST_GUILESS_MAIN(TestModelLibrary)
#include "tst_model_library.moc"
