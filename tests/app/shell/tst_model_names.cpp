// The built-in models are called by their names wherever the loaded model is named: the top bar's model
// button and the tray's menu and tooltip. Found in a walkthrough: SmolLM2's GGUF calls itself
// "Smollm2 135M 8k Lc100K Mix1 Ep2", the demo's is English in the Korean UI, and loading showed file names.
// The real main window (AppContext, scripted engine) with built-in model files where the app looks.
#include "library/model_name.h"
#include "models/builtin_models.h"
#include "models/recent_models.h"
#include "settings/app_settings.h"
#include "shell/application.h"
#include "support/scripted_context.h"
#include "tray/tray_controller.h"
#include "tray/tray_integration.h"

#include <QDir>
#include <QFile>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sosoik;

namespace {

QString touch(const QString& dir, const QString& name) {
    QDir().mkpath(dir);
    QFile f(QDir(dir).filePath(name));
    if (!f.open(QIODevice::WriteOnly)) return {};
    f.write("GGUF....");
    return QFileInfo(f.fileName()).canonicalFilePath();
}

} // namespace

class TestModelNames : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    static QString buttonText(QQuickWindow* window) {
        auto* label = window->findChild<QQuickItem*>(QStringLiteral("modelButtonLabel"));
        return label ? label->property("text").toString() : QStringLiteral("(no model button label)");
    }

    static bool loadAndWait(app::ModelManager* models, const QString& path) {
        QSignalSpy ready(models, &app::ModelManager::modelReady);
        return models->load(path) && ready.wait(5000);
    }

private slots:
    void initTestCase() {
        app::configureApplication();
        // Where BuiltinModels looks first (the scripted engine never reads the files).
        qputenv("SOSOIK_MODELS_DIR", QFile::encodeName(m_dir.filePath(QStringLiteral("models"))));
    }

    void builtinModelsAreCalledByTheirNames() {
        const QString smol = touch(m_dir.filePath("models"), app::BuiltinModels::kSmolLM2File);
        const QString demo = touch(m_dir.filePath("models"), app::BuiltinModels::kDemoFile);
        const QString own = touch(m_dir.filePath("own"), QStringLiteral("qwen2.5-1.5b-instruct-q4_0.gguf"));
        auto context = app::test::makeScriptedContext(m_dir.filePath(QStringLiteral("profile")));
        QVERIFY(context);
        context->settings()->setLanguage(QStringLiteral("en"));
        QQuickWindow* window = context->loadMainWindow();
        QVERIFY(window);
        app::ModelManager* models = context->models();
        app::TrayController* tray = context->tray()->tray();

        // Loading names the model too, not its file.
        QVERIFY(models->load(smol));
        QCOMPARE(models->loadingName(), QStringLiteral("SmolLM2 135M Instruct"));
        QTRY_COMPARE(buttonText(window), QStringLiteral("Loading SmolLM2 135M Instruct…"));
        QTRY_VERIFY(models->loaded());
        // The scripted engine's GGUF name is "scripted": a built-in's own name is not used.
        QTRY_COMPARE(buttonText(window), QStringLiteral("SmolLM2 135M Instruct"));
        QTRY_COMPARE(tray->modelStatus(), QStringLiteral("Model: SmolLM2 135M Instruct on reference"));

        // The demo in the Korean UI: its Korean name, in the window and the tray, after the switch too.
        QVERIFY(loadAndWait(models, demo));
        QTRY_COMPARE(buttonText(window), QStringLiteral("Sosoik demo (Korean small talk)"));
        context->settings()->setLanguage(QStringLiteral("ko"));
        QTRY_COMPARE(buttonText(window), QStringLiteral("소소익 데모 (한국어 잡담)"));
        QTRY_COMPARE(tray->modelStatus(), QStringLiteral("모델: 소소익 데모 (한국어 잡담) (reference)"));
        // One name in the picker too: its built-in list and Recent models (which said the GGUF's English
        // "Sosoik demo (Korean/English small talk)" in the Korean UI; here the scripted engine's "scripted").
        const QString korean = QStringLiteral("소소익 데모 (한국어 잡담)");
        bool listed = false;
        for (const QVariant& m : models->builtinModels())
            if (m.toMap().value("path").toString() == demo) {
                QCOMPARE(m.toMap().value("name").toString(), korean);
                listed = true;
            }
        QVERIFY(listed);
        app::RecentModels* recent = models->recent();
        QCOMPARE(recent->pathAt(0), demo);
        QCOMPARE(recent->index(0).data(app::RecentModels::NameRole).toString(), korean);
        QCOMPARE(recent->index(1).data(app::RecentModels::NameRole).toString(),
                 QStringLiteral("SmolLM2 135M Instruct")); // the built-in name, not "scripted"
        context->settings()->setLanguage(QStringLiteral("en"));
        QTRY_COMPARE(recent->index(0).data(app::RecentModels::NameRole).toString(),
                     QStringLiteral("Sosoik demo (Korean small talk)"));
        context->settings()->setLanguage(QStringLiteral("ko"));

        // Any other model keeps its own name.
        QVERIFY(loadAndWait(models, own));
        QTRY_COMPARE(buttonText(window), QStringLiteral("scripted"));
        QTRY_VERIFY(tray->modelStatus().contains(QStringLiteral("scripted")));
    }

    // A GGUF's general.name as llama.cpp's converter makes it up is not shown: SmolLM2 opened from a file
    // read "Smollm2 135M 8k Lc100K Mix1 Ep2" in the tool bar (Xvfb walkthrough, a9).
    void machineMadeNamesGiveWayToTheFileName() {
        const QString smol = QStringLiteral("/m/SmolLM2-135M-Instruct.Q4_1.gguf");
        QCOMPARE(app::readableModelName(QStringLiteral("Smollm2 135M 8k Lc100K Mix1 Ep2"), smol),
                 QStringLiteral("SmolLM2 135M Instruct"));
        // Names people wrote stay as written.
        for (const char* name : {"Qwen2.5 1.5B Instruct", "Llama 3.2 1B Instruct", "Mistral 7B Instruct v0.3",
                                 "DeepSeek R1 Distill Qwen 1.5B", "EXAONE 3.5 2.4B Instruct"})
            QCOMPARE(app::readableModelName(QString::fromUtf8(name), smol), QString::fromUtf8(name));
        // No name: the file's, without the quantization.
        QCOMPARE(app::readableModelName({}, QStringLiteral("/m/Llama-3.2-1B-Instruct-Q4_K_M.gguf")),
                 QStringLiteral("Llama 3.2 1B Instruct"));
        QCOMPARE(app::readableModelName({}, QStringLiteral("/m/qwen2.5-1.5b-instruct-q4_0.gguf")),
                 QStringLiteral("qwen2.5 1.5b instruct"));
        QCOMPARE(app::readableModelName({}, QStringLiteral("/m/gemma-3-4b-it-IQ4_XS.gguf")),
                 QStringLiteral("gemma 3 4b it"));
        QCOMPARE(app::readableModelName({}, QStringLiteral("/m/tiny.F16.gguf")), QStringLiteral("tiny"));
        // What the engine calls a file without general.name: its file name.
        QCOMPARE(app::readableModelName(QStringLiteral("tiny.F16.gguf"), QStringLiteral("/m/tiny.F16.gguf")),
                 QStringLiteral("tiny"));
    }
};

QTEST_MAIN(TestModelNames)
#include "tst_model_names.moc"
