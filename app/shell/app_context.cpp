#include "shell/app_context.h"

#include "chat/answer_stream.h"
#include "chat/chat_controller.h"
#include "history/history_controller.h"
#include "hotkey/global_hotkey.h"
#include "inference/sosoik_backend.h"
#include "instance/single_instance.h"
#include "settings/app_settings.h"
#include "settings/language_switcher.h"
#include "sosoik/devices.h"
#include "storage/storage.h"
#include "summarize/ui/summary_controller.h"
#include "tray/tray_integration.h"

#include <QDir>
#include <QFileInfo>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQuickWindow>

namespace sosoik::app {

AppContext::AppContext(AppContextOptions options, QObject* parent)
    : QObject(parent), dataDir_(options.dataDir) {
    // A custom data dir is a whole profile: settings live next to the database.
    settings_ = std::make_unique<AppSettings>(
        dataDir_.overridden ? QDir(dataDir_.path).filePath(QStringLiteral("settings.ini")) : QString());
    language_ = std::make_unique<LanguageSwitcher>(settings_.get());
    language_->apply();

    storage_ = std::make_unique<storage::Storage>();
    if (!dataDir_.error.isEmpty())
        startupError_ = dataDir_.error;
    else if (!storage_->open(dataDir_.path))
        startupError_ = storage_->errorString();
    else if (!storage_->openNotice().isEmpty())
        startupError_ = storage_->openNotice();

    worker_ = std::make_unique<EngineWorker>(std::move(options.backend));
    models_ = std::make_unique<ModelManager>(worker_.get(), settings_.get(), std::move(options.inspector),
                                             std::move(options.devices));
    // ---- model library (issue #18): the Models page's scanner, catalog and downloads ----
    library_ = std::make_unique<ModelLibrary>(settings_.get(), std::move(options.library));
    library_->setUiLanguage(language_->current());
    // ----
    answers_ = std::make_unique<AnswerStreams>(storage_.get());
    chat_ = std::make_unique<ChatController>(worker_.get(), storage_.get(), answers_.get(), settings_.get());
    history_ = std::make_unique<history::HistoryController>(storage_.get());
    summaries_ = std::make_unique<summarize::SummaryController>(worker_.get(), storage_.get(), answers_.get(),
                                                                settings_.get());
    buildQml(std::move(options.hotkey));
    connectFeatures();
    if (!startupError_.isEmpty()) chat_->showError(startupError_);
}

AppContext::~AppContext() {
    // Windows first (they bind to the controllers), then the controllers (they flush streaming text),
    // then the engine thread, then storage.
    tray_.reset();
    qmlEngine_.reset();
    summaries_.reset(); // cancels and joins a running summary, which uses chat and the worker
    history_.reset();
    chat_.reset();
    answers_.reset(); // commits answers still streaming (they stay unfinished: "interrupted")
    library_.reset(); // aborts running downloads; their partial files stay for the next launch
    models_.reset();
    worker_.reset();
    storage_.reset();
    language_.reset();
}

void AppContext::buildQml(std::unique_ptr<GlobalHotkey> hotkey) {
    qmlEngine_ = std::make_unique<QQmlApplicationEngine>();
    language_->attach(qmlEngine_.get());
    QQmlContext* root = qmlEngine_->rootContext();
    root->setContextProperty(QStringLiteral("appSettings"), settings_.get());
    root->setContextProperty(QStringLiteral("chat"), chat_.get());
    root->setContextProperty(QStringLiteral("models"), models_.get());
    root->setContextProperty(QStringLiteral("library"), library_.get());
    root->setContextProperty(QStringLiteral("summaries"), summaries_.get());
    root->setContextProperty(QStringLiteral("language"), language_.get());
    root->setContextProperty(QStringLiteral("history"), history_.get());
    root->setContextProperty(QStringLiteral("appInfo"),
                             QVariantMap{{QStringLiteral("dataDir"), dataDir_.path},
                                         {QStringLiteral("version"), QStringLiteral(SOSOIK_VERSION_STRING)}});
    // The tray sets its own context properties (quickQuery, trayController, hotkeySettings,
    // backgroundSettings) and builds the quick-query popup on this engine.
    tray_ = std::make_unique<TrayIntegration>(qmlEngine_.get(), worker_.get(), storage_.get(), answers_.get(),
                                              settings_.get(), &settings_->store(), std::move(hotkey));
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
}

QQuickWindow* AppContext::loadMainWindow(bool startMinimized) {
    qmlEngine_->setInitialProperties({{QStringLiteral("visible"), !tray_->startsHidden(startMinimized)}});
    qmlEngine_->load(QUrl(QStringLiteral("qrc:/qml/shell/Main.qml")));
    if (qmlEngine_->rootObjects().isEmpty()) return nullptr;
    mainWindow_ = qobject_cast<QQuickWindow*>(qmlEngine_->rootObjects().first());
    tray_->attachMainWindow(mainWindow_, startMinimized);
    return mainWindow_;
}

namespace {
// A model file among the files a launch names (the file manager's "Open with Sosoik" on a .gguf,
// `sosoik MODEL.gguf`): it is loaded, not summarized as a document. The last one wins.
bool isModelFile(const QString& path) {
    return path.endsWith(QStringLiteral(".gguf"), Qt::CaseInsensitive);
}

QString lastModelFile(const QStringList& files) {
    for (auto it = files.crbegin(); it != files.crend(); ++it)
        if (isModelFile(*it)) return *it;
    return {};
}
} // namespace

void AppContext::restoreLastModel() {
    restoreLastModel(InstanceRequest{});
}

void AppContext::restoreLastModel(const InstanceRequest& launch) {
    if (const QString named = lastModelFile(launch.files); !named.isEmpty()) {
        models_->load(named); // an unreadable file shows its error like any other load
        return;
    }
    const QString last = models_->recent()->mostRecent();
    if (!last.isEmpty() && QFileInfo::exists(last)) {
        if (settings_->reopenLastModel()) models_->load(last);
        return;
    }
    // First launch (or the last model is gone): a built-in small model answers at once, the
    // Korean demo for a Korean UI, SmolLM2 otherwise.
    models_->loadBuiltinFor(language_->current());
}

void AppContext::openLaunchRequest(const InstanceRequest& request) {
    if (request.action == InstanceRequest::Action::QuickQuery) tray_->handleRequest(request);
    for (const QString& path : request.files)
        if (!isModelFile(path)) summaries_->summarizeFile(path);
}

void AppContext::handleRequest(const InstanceRequest& request) {
    InstanceRequest rest = request;
    if (const QString model = lastModelFile(request.files); !model.isEmpty()) {
        models_->load(model);
        rest.files.removeIf(isModelFile);
        if (rest.files.isEmpty() && rest.action == InstanceRequest::Action::OpenFiles)
            rest.action = InstanceRequest::Action::Activate; // shows the window the model loads in
    }
    tray_->handleRequest(rest);
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
