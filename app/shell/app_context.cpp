#include "shell/app_context.h"

#include "shell/app_info.h"
#include "shell/offline_network.h"
#include "shell/qml_services.h"

#include "chat/answer_stream.h"
#include "chat/chat_controller.h"
#include "chat/link_guard.h"
#include "history/history_controller.h"
#include "hotkey/global_hotkey.h"
#include "hotkey/hotkey_settings.h"
#include "inference/sosoik_backend.h"
#include "instance/single_instance.h"
#include "remote/routing_backend.h"
#include "remote/ui/remote_engine_controller.h"
#include "server/ui/server_controller.h"
#include "settings/app_settings.h"
#include "settings/language_switcher.h"
#include "sosoik/devices.h"
#include "storage/private_files.h"
#include "storage/storage.h"
#include "summarize/ui/summary_controller.h"
#include "theme/theme.h"
#include "tray/background_settings.h"
#include "tray/tray_controller.h"
#include "tray/tray_integration.h"

#include <QDir>
#include <QFileInfo>
#include <QQmlApplicationEngine>
#include <QQuickWindow>

namespace sosoik::app {

AppContext::AppContext(AppContextOptions options, QObject* parent)
    : QObject(parent), dataDir_(options.dataDir) {
    // A custom data dir is a whole profile: settings live next to the database.
    settings_ = std::make_unique<AppSettings>(
        dataDir_.overridden ? QDir(dataDir_.path).filePath(QStringLiteral("settings.ini")) : QString());
    language_ = std::make_unique<LanguageSwitcher>(settings_.get());
    language_->apply();
    // ---- colours (#21): the desktop's light/dark scheme unless the user chose one ----
    theme_ = std::make_unique<Theme>();
    theme_->setMode(settings_->colorScheme());
    connect(settings_.get(), &AppSettings::changed, theme_.get(),
            [this] { theme_->setMode(settings_->colorScheme()); });
    // ----

    storage_ = std::make_unique<storage::Storage>();
    if (!dataDir_.error().isEmpty())
        startupError_ = dataDir_.error();
    else if (!storage_->open(dataDir_.path))
        startupError_ = storage_->errorString();
    else if (!storage_->openNotice().isEmpty())
        startupError_ = storage_->openNotice();

    // ---- remote engines (docs/SERVER.md): a server the user chose can stand in for the local engine;
    // nothing connects until they choose one ----
    worker_ =
        std::make_unique<EngineWorker>(std::make_unique<remote::RoutingBackend>(std::move(options.backend)));
    models_ = std::make_unique<ModelManager>(worker_.get(), settings_.get(), std::move(options.inspector),
                                             std::move(options.devices));
    remoteEngine_ = std::make_unique<RemoteEngineController>(models_.get(), settings_.get());
    // ---- end remote engines ----
    // ---- model library (issue #18): the Models page's scanner, catalog and downloads ----
    library_ = std::make_unique<ModelLibrary>(settings_.get(), std::move(options.library));
    library_->setUiLanguage(language_->current());
    // ----
    // ---- Settings → Local API server (docs/SERVER.md): listens only while the user has it on ----
    apiServer_ = std::make_unique<ServerController>(worker_.get(), settings_.get());
    apiServer_->applySetting();
    // ---- end local API server ----
    answers_ = std::make_unique<AnswerStreams>(storage_.get());
    chat_ = std::make_unique<ChatController>(worker_.get(), storage_.get(), answers_.get(), settings_.get());
    history_ = std::make_unique<history::HistoryController>(storage_.get());
    summaries_ = std::make_unique<summarize::SummaryController>(worker_.get(), storage_.get(), answers_.get(),
                                                                settings_.get());
    buildQml(std::move(options.hotkey));
    connectFeatures();
    if (!startupError_.isEmpty()) chat_->showError(startupError_);
    // ---- owner-only data (#13 item 7, #19 item 3): say so when earlier files were readable by others ----
    QString privacyNotice = dataDir_.notice(); // in the UI language, chosen above
    if (tightenPrivateFile(settings_->settingsPath()) && privacyNotice.isEmpty())
        privacyNotice =
            tr("Other users of this computer could read your settings file %1. Sosoik has made it "
               "private.")
                .arg(QDir::toNativeSeparators(settings_->settingsPath()));
    if (!privacyNotice.isEmpty()) chat_->showNotice(privacyNotice);
    // ----
}

AppContext::~AppContext() {
    // Windows first (they bind to the controllers), then the controllers (they flush streaming text),
    // then the engine thread, then storage.
    tray_.reset();
    qmlEngine_.reset();
    apiServer_.reset(); // stops listening; its requests are cancelled while the worker still runs
    summaries_.reset(); // cancels and joins a running summary, which uses chat and the worker
    history_.reset();
    chat_.reset();
    answers_.reset(); // commits answers still streaming (they stay unfinished: "interrupted")
    library_.reset(); // aborts running downloads; their partial files stay for the next launch
    remoteEngine_.reset();
    models_.reset();
    worker_.reset();
    storage_.reset();
    language_.reset();
    theme_.reset();
}

void AppContext::buildQml(std::unique_ptr<GlobalHotkey> hotkey) {
    qmlEngine_ = std::make_unique<QQmlApplicationEngine>();
    prepareQmlEngine(qmlEngine_.get());
    // ---- offline: no request from QML leaves the PC; links open only after a confirmation (#19) ----
    network_ = std::make_unique<OfflineNetworkFactory>();
    qmlEngine_->setNetworkAccessManagerFactory(network_.get());
    links_ = std::make_unique<LinkGuard>();
    provideToQml(qmlEngine_.get(), "Links", links_.get());
    // ----
    language_->attach(qmlEngine_.get());
    appInfo_ = std::make_unique<AppInfo>(dataDir_.path, QStringLiteral(SOSOIK_VERSION_STRING));
    // The module's singletons (shell/qml_types.h) on this engine.
    QQmlEngine* engine = qmlEngine_.get();
    provideToQml(engine, "AppSettings", settings_.get());
    provideToQml(engine, "Theme", theme_.get());
    provideToQml(engine, "Chat", chat_.get());
    provideToQml(engine, "Models", models_.get());
    provideToQml(engine, "Library", library_.get());
    provideToQml(engine, "Summaries", summaries_.get());
    provideToQml(engine, "Language", language_.get());
    provideToQml(engine, "History", history_.get());
    provideToQml(engine, "RemoteEngine", remoteEngine_.get());
    provideToQml(engine, "ApiServer", apiServer_.get());
    provideToQml(engine, "AppInfo", appInfo_.get());
    // The tray builds the quick-query popup on this engine (its controller passed as a property).
    tray_ = std::make_unique<TrayIntegration>(qmlEngine_.get(), worker_.get(), storage_.get(), answers_.get(),
                                              settings_.get(), &settings_->store(), std::move(hotkey));
    provideToQml(engine, "HotkeySettings", tray_->hotkeySettings());
    provideToQml(engine, "BackgroundSettings", tray_->backgroundSettings());
}

// Every connection between features lives here.
void AppContext::connectFeatures() {
    connect(models_.get(), &ModelManager::modelReady, chat_.get(), &ChatController::setModelPath);
    chat_->setRequestAugmenter(
        [summaries = summaries_.get()](qint64 conversationId, GenerationRequest& request) {
            summaries->augmentFollowUp(conversationId, request);
        });
    // A new document summary shows in the main window's chat (which follows its AnswerStream).
    connect(summaries_.get(), &summarize::SummaryController::summaryStarted, chat_.get(),
            [chat = chat_.get()](qint64 id) { chat->openConversation(id); });
    connect(tray_.get(), &TrayIntegration::continueInChatRequested, chat_.get(),
            [chat = chat_.get()](qint64 id) { chat->openConversation(id); });
    connect(tray_.get(), &TrayIntegration::summarizeInMainWindowRequested, summaries_.get(),
            [summaries = summaries_.get()](const QString& path) { summaries->summarizeFile(path); });
    // A later launch's files that the quick-query popup did not take: the main window summarizes them.
    connect(tray_.get(), &TrayIntegration::filesOpened, summaries_.get(),
            [summaries = summaries_.get()](const QStringList& paths) {
                for (const QString& path : paths)
                    summaries->summarizeFile(path);
            });
    // The tray names a built-in model as the top bar does (its file and GGUF names are not names people
    // know).
    tray_->tray()->setModelNamer(
        [models = models_.get()](const QString& path) { return models->builtinName(path); });
}

QQuickWindow* AppContext::loadMainWindow(bool startMinimized) {
    qmlEngine_->setInitialProperties({{QStringLiteral("visible"), !tray_->startsHidden(startMinimized)}});
    qmlEngine_->load(QUrl(QStringLiteral("qrc:/qt/qml/Sosoik/shell/Main.qml")));
    if (qmlEngine_->rootObjects().isEmpty()) return nullptr;
    mainWindow_ = qobject_cast<QQuickWindow*>(qmlEngine_->rootObjects().first());
    theme_->applyPalette(); // the controls' palette (theme/theme.h says why again)
    tray_->attachMainWindow(mainWindow_, startMinimized);
    return mainWindow_;
}

InstanceRequest AppContext::loadHandedModels(InstanceRequest request) {
    // Issue #13: `sosoik model.gguf` was taken for a document ("cannot summarize .gguf files").
    QString model;
    for (auto it = request.files.begin(); it != request.files.end();) {
        if (ModelManager::isModelFile(*it)) {
            model = *it; // several models: the last one named wins, as in a file manager's "Open with"
            it = request.files.erase(it);
        } else {
            ++it;
        }
    }
    if (!model.isEmpty()) {
        models_->load(model);
        modelHandedOver_ = true;
        if (request.files.isEmpty() && request.action == InstanceRequest::Action::OpenFiles)
            request.action = InstanceRequest::Action::Activate; // show the window that loads it
    }
    return request;
}

void AppContext::restoreLastModel() {
    if (modelHandedOver_) return;                   // this launch names its model
    if (remoteEngine_->reconnectIfActive()) return; // the server the user chose last time
    const QString last = models_->recent()->mostRecent();
    if (!last.isEmpty() && QFileInfo::exists(last)) {
        if (settings_->reopenLastModel()) models_->load(last);
        return;
    }
    // First launch (or the last model is gone): a built-in small model answers at once, the
    // Korean demo for a Korean UI, SmolLM2 otherwise.
    models_->loadBuiltinFor(language_->current());
}

void AppContext::openLaunchRequest(const InstanceRequest& launch) {
    const InstanceRequest request = loadHandedModels(launch);
    if (request.action == InstanceRequest::Action::QuickQuery) tray_->handleRequest(request);
    for (const QString& path : request.files)
        summaries_->summarizeFile(path);
}

void AppContext::handleRequest(const InstanceRequest& request) {
    tray_->handleRequest(loadHandedModels(request));
}

AppContextOptions realEngineOptions(const DataDir& dataDir) {
    AppContextOptions options;
    options.dataDir = dataDir;
    options.backend = std::make_unique<SosoikBackend>();
    options.inspector = [](const QString& path) { return SosoikBackend::inspect(path); };
    options.devices = &SosoikBackend::listDevices;
    options.library.devices = [] { return sosoik::listDevices(); };
    return options;
}

} // namespace sosoik::app
