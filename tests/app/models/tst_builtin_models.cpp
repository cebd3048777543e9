// Built-in models: found by file name in the search folders (first folder wins), the default
// chosen by UI language with a fallback to whichever is installed, and the model manager loading
// it on a first launch and telling the UI it is a built-in one (the "get a bigger one" banner).
#include "models/builtin_models.h"
#include "models/model_manager.h"
#include "settings/app_settings.h"
#include "support/scripted_backend.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sosoik::app;
using sosoik::app::test::ScriptedBackend;

namespace {
QString touch(const QString& dir, const QString& name) {
    QDir().mkpath(dir);
    QFile f(QDir(dir).filePath(name));
    if (!f.open(QIODevice::WriteOnly)) return {};
    f.write("GGUF....");
    return QFileInfo(f.fileName()).canonicalFilePath();
}

ModelDetails fakeInspect(const QString& path) {
    ModelDetails d;
    d.path = path;
    d.name = QFileInfo(path).baseName();
    return d;
}
} // namespace

class TestBuiltinModels : public QObject {
    Q_OBJECT
    QTemporaryDir dir;

private slots:
    void nothingInstalledMeansNoDefault() {
        BuiltinModels none({dir.filePath("empty")});
        QVERIFY(none.available().isEmpty());
        QCOMPARE(none.all().size(), 2); // both known, neither found
        QVERIFY(none.defaultFor("ko").isEmpty());
        QVERIFY(!none.isBuiltin(dir.filePath("empty/sosoik-demo-ko.gguf")));
    }

    void chosenByLanguageWithFallback() {
        const QString both = dir.filePath("both");
        const QString demo = touch(both, BuiltinModels::kDemoFile);
        const QString smol = touch(both, BuiltinModels::kSmolLM2File);
        BuiltinModels models({both});
        QCOMPARE(models.available().size(), 2);
        QCOMPARE(models.defaultFor("ko"), demo);
        QCOMPARE(models.defaultFor("en"), smol);
        QVERIFY(models.isBuiltin(demo) && models.isBuiltin(smol));
        QVERIFY(!models.isBuiltin(touch(both, "other.gguf")));

        // Without SmolLM2 (not fetched), an English UI still gets the demo rather than nothing.
        const QString demoOnly = dir.filePath("demo-only");
        const QString onlyDemo = touch(demoOnly, BuiltinModels::kDemoFile);
        QCOMPARE(BuiltinModels({demoOnly}).defaultFor("en"), onlyDemo);
    }

    void firstFolderWins() {
        const QString first = touch(dir.filePath("first"), BuiltinModels::kDemoFile);
        touch(dir.filePath("second"), BuiltinModels::kDemoFile);
        BuiltinModels models({dir.filePath("missing"), dir.filePath("first"), dir.filePath("second")});
        QCOMPARE(models.available().size(), 1);
        QCOMPARE(models.available().first().path, first);
    }

    void overrideFolderComesFirst() {
        const QString over = dir.filePath("override");
        qputenv("SOSOIK_MODELS_DIR", over.toUtf8());
        QCOMPARE(BuiltinModels::defaultSearchDirs().first(), over);
        qunsetenv("SOSOIK_MODELS_DIR");
    }

    void managerLoadsTheBuiltinAndSaysSo() {
        const QString both = dir.filePath("manager");
        const QString demo = touch(both, BuiltinModels::kDemoFile);
        const QString smol = touch(both, BuiltinModels::kSmolLM2File);
        AppSettings settings(dir.filePath("m.ini"));
        EngineWorker worker(std::make_unique<ScriptedBackend>());
        ModelManager models(&worker, &settings, fakeInspect, [] { return QVariantList{}; });
        models.setBuiltinModels(BuiltinModels({both}));
        QCOMPARE(models.builtinModels().size(), 2);
        QSignalSpy ready(&models, &ModelManager::modelReady);
        QVERIFY(models.loadBuiltinFor("ko"));
        QTRY_COMPARE(ready.size(), 1);
        QCOMPARE(ready.first().first().toString(), demo);
        QVERIFY(models.usingBuiltin());
        // A model the user picks is not a built-in one: the banner goes away.
        const QString own = touch(dir.filePath("own"), "qwen2.5-1.5b-instruct-q4_0.gguf");
        QVERIFY(models.load(own));
        QTRY_COMPARE(ready.size(), 2);
        QVERIFY(!models.usingBuiltin());
        QVERIFY(models.loadBuiltinFor("en"));
        QTRY_COMPARE(ready.size(), 3);
        QCOMPARE(ready.last().first().toString(), smol);

        ModelManager empty(&worker, &settings, fakeInspect, [] { return QVariantList{}; });
        empty.setBuiltinModels(BuiltinModels({dir.filePath("nowhere")}));
        QVERIFY(!empty.loadBuiltinFor("ko"));
        QVERIFY(empty.builtinModels().isEmpty());
    }
};

QTEST_MAIN(TestBuiltinModels)
#include "tst_builtin_models.moc"
