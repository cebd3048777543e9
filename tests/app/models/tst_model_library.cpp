// The Models page's model (ModelLibrary), as the page drives it: a scan of a fixture home (an Ollama
// store holding the demo model) with the fit estimate against a given amount of free memory, a licence
// that must be accepted before anything is asked of the host, and a catalog model downloaded from a
// loopback host (a mirror set as the model host) into Sosoik's folder, verified, announced and listed;
// "check for updates" asks the host only when called, finds a newer file, and Update installs it;
// the models folder chosen in Settings → Models.
#include "library/file_hash.h"
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

    // Settings → Models: a new models folder takes the downloads and is searched first; nothing is
    // moved, the old folder's models stay listed, and the choice persists. A file, or a change while a
    // download writes into the old folder, is refused with a sentence.
    void theModelsFolderSettingMovesDownloadsNotFiles() {
        LoopbackHttpServer mirror;
        const QString ini = dir_.filePath("folder.ini");
        AppSettings settings(ini);
        ModelLibrary::Options o = options(8ull << 30);
        o.modelsDir = dir_.filePath("old-models");
        QVERIFY(write(o.modelsDir + "/mine.gguf", demo_));
        ModelLibrary library(&settings, o);
        QVERIFY(library.modelsDirIsDefault());
        const CatalogEntry* entry =
            library.catalog()->catalog().find(QStringLiteral("smollm2-360m-instruct"));
        QVERIFY(entry);
        QVERIFY(write(o.modelsDir + '/' + entry->file + ".part", demo_.left(100)));
        mirror.addFile(entry->repo.toUtf8(), entry->file.toUtf8(), demo_);
        library.setHost(mirror.baseUrl().toString());

        QSignalSpy message(&library, &ModelLibrary::message);
        QSignalSpy notice(&library, &ModelLibrary::notice);
        QSignalSpy changed(&library, &ModelLibrary::modelsDirChanged);
        QVERIFY(!library.setModelsDir(o.modelsDir + "/mine.gguf"));
        QVERIFY2(message.last().first().toString().endsWith("cannot be the models folder: it is a file."),
                 qPrintable(message.last().first().toString()));
        QCOMPARE(changed.size(), 0);

        const QString chosen = dir_.filePath("new-models");
        QVERIFY(library.setModelsDir(QUrl::fromLocalFile(chosen)));
        QCOMPARE(library.modelsDir(), chosen);
        QVERIFY(!library.modelsDirIsDefault());
        QCOMPARE(changed.size(), 1);
        QCOMPARE(message.size(), 1);                           // only the refusal above is an error
        const QString said = notice.last().first().toString(); // the move is information
        QVERIFY2(
            said.startsWith("New downloads go to " + chosen) && said.contains("No file was moved") &&
                said.contains("The models already in " + o.modelsDir + " stay there and are still listed") &&
                said.contains("Unfinished downloads in " + o.modelsDir + " start over"),
            qPrintable(said));
        QVERIFY(QFileInfo::exists(o.modelsDir + "/mine.gguf")); // not moved
        QCOMPARE(library.folders(), QStringList{o.modelsDir});
        QCOMPARE(library.catalog()
                     ->index(library.catalog()->rowOf(entry->id))
                     .data(CatalogListModel::PathRole)
                     .toString(),
                 QDir(chosen).filePath(entry->file));

        // The old folder's model is still listed; a download lands in the new folder.
        QSignalSpy installed(&library, &ModelLibrary::modelInstalled);
        QVERIFY(library.download(entry->id));
        QVERIFY(installed.wait(30000));
        QCOMPARE(installed.first().first().toString(), QDir(chosen).filePath(entry->file));
        QVERIFY(QFileInfo::exists(o.modelsDir + '/' + entry->file + ".part")); // left as the message says
        QTRY_VERIFY(!rowNamed(library.localModels(), entry->file).isEmpty());
        QCOMPARE(rowNamed(library.localModels(), entry->file).value("origin").toString(),
                 QStringLiteral("sosoik"));
        QCOMPARE(rowNamed(library.localModels(), "mine.gguf").value("origin").toString(),
                 QStringLiteral("folder"));

        // Persisted: the next start uses it.
        {
            AppSettings again(ini);
            ModelLibrary next(&again, o);
            QCOMPARE(next.modelsDir(), chosen);
        }

        // A download writing into the folder keeps it where it is.
        const CatalogEntry* other = library.catalog()->catalog().find(QStringLiteral("qwen3-0.6b"));
        mirror.addFile(other->repo.toUtf8(), other->file.toUtf8(), demo_);
        mirror.stallNextAfter(1000);
        QVERIFY(library.download(other->id));
        QTRY_COMPARE(library.catalog()
                         ->index(library.catalog()->rowOf(other->id))
                         .data(CatalogListModel::StateRole)
                         .toString(),
                     QStringLiteral("downloading"));
        QVERIFY(!library.setModelsDir(QString()));
        QVERIFY2(message.last().first().toString().startsWith("Pause or cancel the running download first"),
                 qPrintable(message.last().first().toString()));
        QCOMPARE(library.modelsDir(), chosen);
        library.cancel(other->id);

        // Back to the default: an empty choice.
        QVERIFY(library.setModelsDir(QString()));
        QVERIFY(library.modelsDirIsDefault());
        QCOMPARE(settings.store().value("library/modelsDir").toString(), QString());
    }

    void checksForUpdatesOnlyWhenAskedAndUpdates() {
        LoopbackHttpServer mirror;
        AppSettings settings(dir_.filePath("update.ini"));
        ModelLibrary::Options o = options(8ull << 30);
        o.modelsDir = dir_.filePath("update-models");
        ModelLibrary library(&settings, o);
        const ModelCatalog& catalog = library.catalog()->catalog();
        const auto install = [&](const QString& id, bool recorded) {
            const QString path = QDir(o.modelsDir).filePath(catalog.find(id)->file);
            return write(path, demo_) &&
                   (!recorded ||
                    writeRecordedSha256(path,
                                        QCryptographicHash::hash(demo_, QCryptographicHash::Sha256).toHex()));
        };
        QVERIFY(install("qwen3-0.6b", true));            // the host now publishes a newer file
        QVERIFY(install("qwen2.5-1.5b-instruct", true)); // gone from the host: 404
        QVERIFY(install("qwen3-1.7b", false));           // copied in by hand: nothing to compare with
        const CatalogEntry* entry = catalog.find("qwen3-0.6b");
        const QByteArray newer = demo_ + QByteArray(16, '\0');
        mirror.addFile(entry->repo.toUtf8(), entry->file.toUtf8(), newer);
        library.setHost(mirror.baseUrl().toString());
        QVERIFY2(mirror.requests().isEmpty(), "nothing is asked before the user does");

        const auto update = [&](const QString& id) {
            return library.catalog()
                ->index(library.catalog()->rowOf(id))
                .data(CatalogListModel::UpdateRole)
                .toString();
        };
        QSignalSpy checked(&library, &ModelLibrary::updatesChecked);
        library.checkForUpdates();
        QVERIFY(library.checkingUpdates());
        QVERIFY(checked.wait(10000));
        QCOMPARE(checked.last().at(0).toInt(), 1); // available
        QCOMPARE(checked.last().at(1).toInt(), 1); // failures
        QCOMPARE(mirror.requests().size(), 2);
        for (const auto& r : mirror.requests())
            QCOMPARE(r.method, QByteArray("HEAD"));
        QCOMPARE(update("qwen3-0.6b"), QStringLiteral("available"));
        QVERIFY2(update("qwen2.5-1.5b-instruct").contains("HTTP 404"),
                 qPrintable(update("qwen2.5-1.5b-instruct")));
        QCOMPARE(update("qwen3-1.7b"), QString());

        QSignalSpy installed(&library, &ModelLibrary::modelInstalled);
        QVERIFY(library.download(entry->id, true));
        QVERIFY(installed.wait(30000));
        QFile f(installed.first().first().toString());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), newer);
        QCOMPARE(update("qwen3-0.6b"), QString());

        library.checkForUpdates();
        QVERIFY(checked.wait(10000));
        QCOMPARE(update("qwen3-0.6b"), QStringLiteral("current"));
    }
};

QTEST_GUILESS_MAIN(TestModelLibrary)
#include "tst_model_library.moc"
