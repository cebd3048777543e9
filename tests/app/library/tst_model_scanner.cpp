// The model library's scanner on fixture folders laid out like each app's store (built here, in a
// temporary home): Sosoik's own folder, Ollama's manifests and blobs, LM Studio, GPT4All, Jan, the
// Hugging Face cache with its snapshot links, a user folder. Every model is found once, under the
// name its app gives it; files this build cannot run are listed with the reason.
#include "library/model_scanner.h"

#include "support/synthetic_model.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace sosoik::app;

namespace {

sosoik::test::GgufWriter tinyModel(const std::string& name, uint64_t seed) {
    sosoik::test::SyntheticModelSpec spec;
    spec.seed = seed; // distinct bytes, so that each fixture is its own file
    auto w = sosoik::test::buildSyntheticModel(spec);
    w.setString("general.name", name);
    return w;
}

void write(const QString& path, const QByteArray& bytes) {
    QVERIFY(QDir().mkpath(QFileInfo(path).path()));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(bytes), bytes.size());
}

QByteArray image(const sosoik::test::GgufWriter& w) {
    const auto b = w.bytes();
    return QByteArray(reinterpret_cast<const char*>(b.data()), qsizetype(b.size()));
}

const LocalModel* byName(const QList<LocalModel>& models, const QString& name) {
    for (const LocalModel& m : models)
        if (m.name == name) return &m;
    return nullptr;
}

QString names(const QList<LocalModel>& models) {
    QStringList out;
    for (const LocalModel& m : models)
        out << originKey(m.origin) + ':' + m.name;
    return out.join(", ");
}

} // namespace

class TestModelScanner : public QObject {
    Q_OBJECT
    QTemporaryDir home_;
    QString own_;

private slots:
    void initTestCase() {
        QVERIFY(home_.isValid());
        const QDir h(home_.path());
        own_ = h.filePath("data/sosoik/models");
        auto mine = tinyModel("Mine", 1);
        mine.setStringArray("general.languages", {"ko", "en"});
        write(own_ + "/mine.gguf", image(mine));
        write(own_ + "/notes.txt", "not a model");

        // Ollama: a manifest names the model layer by digest; the blob has no extension.
        const QByteArray ollamaBlob = image(tinyModel("Ollama Llama", 2));
        const QString digest =
            QString::fromLatin1(QCryptographicHash::hash(ollamaBlob, QCryptographicHash::Sha256).toHex());
        write(h.filePath(".ollama/models/blobs/sha256-" + digest), ollamaBlob);
        write(h.filePath(".ollama/models/blobs/sha256-" + QString(64, 'a')), "{\"template\":1}");
        const QByteArray manifest = QStringLiteral(R"({"schemaVersion":2,"layers":[
                {"mediaType":"application/vnd.ollama.image.model","digest":"sha256:%1","size":%2},
                {"mediaType":"application/vnd.ollama.image.template","digest":"sha256:%3","size":14}]})")
                                        .arg(digest)
                                        .arg(ollamaBlob.size())
                                        .arg(QString(64, 'a'))
                                        .toUtf8();
        write(h.filePath(".ollama/models/manifests/registry.ollama.ai/library/tinyllama/1b"), manifest);
        write(h.filePath(".ollama/models/manifests/hf.co/someone/tiny-gguf/Q4_K_M"), manifest);
        // A hostile manifest must not lead the scanner out of the store.
        write(
            h.filePath(".ollama/models/manifests/registry.ollama.ai/library/evil/latest"),
            R"({"layers":[{"mediaType":"application/vnd.ollama.image.model","digest":"sha256:../../../x"}]})");

        write(h.filePath(".lmstudio/models/lmstudio-community/Tiny-GGUF/tiny-Q8_0.gguf"),
              image(tinyModel("LM", 3)));
        write(h.filePath(".local/share/nomic.ai/GPT4All/gpt4all-tiny.gguf"), image(tinyModel("G4A", 4)));
        write(h.filePath(".local/share/Jan/data/llamacpp/models/tiny-jan/model.gguf"),
              image(tinyModel("Jan", 5)));

        // Hugging Face cache: snapshots link to blobs; two revisions share one blob (listed once).
        const QString repo = h.filePath(".cache/huggingface/hub/models--Org--Tiny-GGUF");
        write(repo + "/blobs/0123abcd", image(tinyModel("HF Tiny", 6)));
        QVERIFY(QDir().mkpath(repo + "/snapshots/rev1/sub"));
        QVERIFY(QDir().mkpath(repo + "/snapshots/rev2"));
        QVERIFY(QFile::link("../../../blobs/0123abcd", repo + "/snapshots/rev1/sub/tiny-q4.gguf"));
        QVERIFY(QFile::link("../../blobs/0123abcd", repo + "/snapshots/rev2/tiny-q4.gguf"));

        // A user folder: an unknown architecture, a damaged file, a split model, a copy of mine.gguf's link.
        const QString user = h.filePath("my models");
        auto alien = tinyModel("Alien", 7);
        alien.setString("general.architecture", "mamba");
        write(user + "/alien.gguf", image(alien));
        write(user + "/broken.gguf", image(tinyModel("Broken", 8)).left(200));
        write(user + "/big-00001-of-00002.gguf", image(tinyModel("Big", 9)));
        write(user + "/big-00002-of-00002.gguf", image(tinyModel("Big", 9)));
        QVERIFY(QFile::link(own_ + "/mine.gguf", user + "/same-as-mine.gguf"));
    }

    void findsEveryAppsModelsUnderTheirNames() {
        const auto locations =
            defaultScanLocations(own_, {QDir(home_.path()).filePath("my models")}, home_.path());
        const QList<LocalModel> models = scanModels(locations, sosoik::BackendKind::Reference);
        const QString all = names(models);

        const LocalModel* mine = byName(models, "mine.gguf");
        QVERIFY2(mine, qPrintable(all));
        QCOMPARE(mine->origin, ModelOrigin::Sosoik);
        QCOMPARE(mine->title, QStringLiteral("Mine"));
        QCOMPARE(mine->architecture, QStringLiteral("llama"));
        QCOMPARE(mine->contextLength, 256);
        QCOMPARE(mine->languages, QStringList({"ko", "en"}));
        QVERIFY(mine->supported());
        QVERIFY(mine->parameterCount > 0);
        QVERIFY(mine->footprint.weightBytes > 0 && mine->footprint.kvBytesPerToken > 0);

        const LocalModel* ollama = byName(models, "tinyllama:1b");
        QVERIFY2(ollama, qPrintable(all));
        QCOMPARE(ollama->origin, ModelOrigin::Ollama);
        QCOMPARE(ollama->title, QStringLiteral("Ollama Llama"));
        QVERIFY(ollama->path.contains("/blobs/sha256-"));
        // The second manifest names the same blob: one row, under the first name found.
        QVERIFY2(!byName(models, "hf.co/someone/tiny-gguf:Q4_K_M") || !byName(models, "tinyllama:1b"),
                 qPrintable(all));
        QVERIFY2(!all.contains("evil"), qPrintable(all));

        const LocalModel* lm = byName(models, "lmstudio-community/Tiny-GGUF/tiny-Q8_0.gguf");
        QVERIFY2(lm && lm->origin == ModelOrigin::LmStudio && lm->title == "LM", qPrintable(all));
        const LocalModel* g4a = byName(models, "gpt4all-tiny.gguf");
        QVERIFY2(g4a && g4a->origin == ModelOrigin::Gpt4All, qPrintable(all));
        const LocalModel* jan = byName(models, "tiny-jan");
        QVERIFY2(jan && jan->origin == ModelOrigin::Jan && jan->title == "Jan", qPrintable(all));

        const LocalModel* hf = byName(models, "Org/Tiny-GGUF/sub/tiny-q4.gguf");
        QVERIFY2(hf && hf->origin == ModelOrigin::HuggingFace && hf->title == "HF Tiny", qPrintable(all));
        QVERIFY2(!byName(models, "Org/Tiny-GGUF/tiny-q4.gguf"), "one blob, two revisions: listed once");

        QVERIFY2(!byName(models, "same-as-mine.gguf"), "a link to a listed file is not a second model");
        QVERIFY2(!all.contains("notes.txt"), qPrintable(all));
        QCOMPARE(models.size(), 9);
    }

    void listsWhatItCannotRunWithTheReason() {
        const QList<LocalModel> models =
            scanModels({{ModelOrigin::UserFolder, QDir(home_.path()).filePath("my models")}});
        const LocalModel* alien = byName(models, "alien.gguf");
        QVERIFY(alien);
        QVERIFY(!alien->supported());
        QCOMPARE(alien->architecture, QStringLiteral("mamba"));
        QVERIFY2(alien->unsupportedReason.contains("'mamba' is not supported"),
                 qPrintable(alien->unsupportedReason));

        const LocalModel* broken = byName(models, "broken.gguf");
        QVERIFY(broken);
        QVERIFY2(broken->unsupportedReason.startsWith("the file is damaged"),
                 qPrintable(broken->unsupportedReason));

        const LocalModel* split = byName(models, "big-00001-of-00002.gguf");
        QVERIFY(split);
        QVERIFY2(split->unsupportedReason.contains("split into 2 files"),
                 qPrintable(split->unsupportedReason));
        QVERIFY2(!byName(models, "big-00002-of-00002.gguf"), "later parts are not listed on their own");
    }

    // The engine's English reason is said in the UI's language (the app's Korean catalog).
    void theReasonFollowsTheUiLanguage() {
        QTranslator korean;
        QVERIFY(korean.load(QStringLiteral(":/i18n/sosoik_ko.qm")));
        QCoreApplication::installTranslator(&korean);
        const QList<LocalModel> models =
            scanModels({{ModelOrigin::UserFolder, QDir(home_.path()).filePath("my models")}});
        QCoreApplication::removeTranslator(&korean);
        const LocalModel* alien = byName(models, "alien.gguf");
        QVERIFY(alien);
        QCOMPARE(alien->unsupportedReason,
                 QStringLiteral("이 버전의 Sosoik은 'mamba' 아키텍처를 지원하지 않습니다"));
    }

    void aFolderLaidOutLikeAnotherAppsStoreIsReadAsOne() {
        // `sosoik-cli models scan ~/.ollama/models` and a user folder pointing at a HF cache.
        const auto ollama =
            scanModels({{ModelOrigin::UserFolder, QDir(home_.path()).filePath(".ollama/models")}});
        QVERIFY2(byName(ollama, "tinyllama:1b"), qPrintable(names(ollama)));
        const auto hf =
            scanModels({{ModelOrigin::UserFolder, QDir(home_.path()).filePath(".cache/huggingface/hub")}});
        QVERIFY2(byName(hf, "Org/Tiny-GGUF/sub/tiny-q4.gguf"), qPrintable(names(hf)));
    }

    void environmentOverridesTheStoresLocations() {
        qputenv("OLLAMA_MODELS", "/elsewhere/ollama");
        qputenv("HF_HUB_CACHE", "/elsewhere/hf");
        const auto locations = defaultScanLocations(own_, {}, home_.path());
        qunsetenv("OLLAMA_MODELS");
        qunsetenv("HF_HUB_CACHE");
        QStringList roots;
        for (const auto& l : locations)
            roots << l.root;
        QVERIFY2(roots.contains("/elsewhere/ollama") && roots.contains("/elsewhere/hf"),
                 qPrintable(roots.join(", ")));
        QCOMPARE(locations.first().root, own_);
    }
};

QTEST_GUILESS_MAIN(TestModelScanner)
#include "tst_model_scanner.moc"
