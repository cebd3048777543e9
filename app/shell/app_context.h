#pragma once
// AppContext: the composition root. Every long-lived object of the GUI is built and wired here, in one
// place, so that main() and the GUI tests run exactly the same graph: settings, storage, the engine
// worker, the feature controllers, the QML engine (with the objects QML reaches as the module Sosoik's
// singletons, shell/qml_types.h: AppSettings, Chat, Models, ..., and the tray's settings), the tray
// integration (popup, icon, global hotkey) and every connection between features. Nothing outside app/shell/
// includes this.
#include "hotkey/global_hotkey.h"
#include "inference/engine_worker.h"
#include "models/model_library.h"
#include "models/model_manager.h"
#include "storage/data_dir.h"

#include <QObject>
#include <QVariantMap>

#include <memory>

class QQmlApplicationEngine;
class QQuickWindow;

namespace sosoik::storage {
class Storage;
}
namespace sosoik::summarize {
class SummaryController;
}
namespace sosoik::history {
class HistoryController;
}

namespace sosoik::app {

class AnswerStreams;
class AppInfo;
class AppSettings;
class ChatController;
class LinkGuard;
class OfflineNetworkFactory;
class LanguageSwitcher;
class RemoteEngineController;
class ServerController;
class Theme;
class TrayIntegration;
struct InstanceRequest;

struct AppContextOptions {
    DataDir dataDir;
    std::unique_ptr<InferenceBackend> backend;
    ModelInspector inspector;
    DeviceLister devices;
    // The Models page: where it looks and what it measures (tests point it at fixtures).
    ModelLibrary::Options library;
    // The global hotkey's platform backend; null = GlobalHotkey::createForPlatform().
    std::unique_ptr<GlobalHotkey> hotkey;
};

// The options main() uses: the real engine, sosoik::inspectModel and sosoik::listDevices.
AppContextOptions realEngineOptions(const DataDir& dataDir);

class AppContext : public QObject {
    Q_OBJECT
public:
    explicit AppContext(AppContextOptions options, QObject* parent = nullptr);
    ~AppContext() override;

    // Loads Main.qml (kept hidden when started minimized with a tray to come back from) and hands the
    // window to the tray. Null when the QML failed to load.
    QQuickWindow* loadMainWindow(bool startMinimized = false);
    // Reopens the last model (when the setting asks for it) through the worker; nothing when this
    // launch named a model file.
    void restoreLastModel();
    // What this launch's command line asked for: a model file loaded, the quick-query popup, and
    // every other file summarized in the main window.
    void openLaunchRequest(const InstanceRequest& request);
    // Loads the .gguf files a request names (the last one) and returns the request without them.
    InstanceRequest loadHandedModels(InstanceRequest request);

    QString startupError() const { return startupError_; }
    const DataDir& dataDir() const { return dataDir_; }
    AppSettings* settings() const { return settings_.get(); }
    Theme* theme() const { return theme_.get(); }
    storage::Storage* storage() const { return storage_.get(); }
    EngineWorker* worker() const { return worker_.get(); }
    AnswerStreams* answers() const { return answers_.get(); }
    ChatController* chat() const { return chat_.get(); }
    ModelManager* models() const { return models_.get(); }
    ModelLibrary* library() const { return library_.get(); }
    LanguageSwitcher* language() const { return language_.get(); }
    summarize::SummaryController* summaries() const { return summaries_.get(); }
    history::HistoryController* history() const { return history_.get(); }
    TrayIntegration* tray() const { return tray_.get(); }
    RemoteEngineController* remoteEngine() const { return remoteEngine_.get(); }
    ServerController* apiServer() const { return apiServer_.get(); }
    QQmlApplicationEngine* qmlEngine() const { return qmlEngine_.get(); }
    LinkGuard* links() const { return links_.get(); }
    OfflineNetworkFactory* network() const { return network_.get(); }
    QQuickWindow* mainWindow() const { return mainWindow_; }

public slots:
    // What a later launch handed over (SingleInstance::requestReceived); a .gguf it names is loaded.
    void handleRequest(const sosoik::app::InstanceRequest& request);

private:
    void buildQml(std::unique_ptr<GlobalHotkey> hotkey);
    void connectFeatures();

    DataDir dataDir_;
    QString startupError_;
    std::unique_ptr<AppSettings> settings_;
    std::unique_ptr<storage::Storage> storage_;
    std::unique_ptr<EngineWorker> worker_;
    std::unique_ptr<ModelManager> models_;
    std::unique_ptr<ModelLibrary> library_;
    std::unique_ptr<RemoteEngineController> remoteEngine_; // Settings → Remote engine
    std::unique_ptr<ServerController> apiServer_;          // Settings → Local API server (off by default)
    std::unique_ptr<AnswerStreams> answers_;
    std::unique_ptr<ChatController> chat_;
    std::unique_ptr<LanguageSwitcher> language_;
    std::unique_ptr<Theme> theme_; // light/dark colours and the palette (theme/theme.h)
    std::unique_ptr<summarize::SummaryController> summaries_;
    std::unique_ptr<history::HistoryController> history_;
    // Offline by design: the factory outlives the engine that uses it, and so does the link guard.
    std::unique_ptr<OfflineNetworkFactory> network_;
    std::unique_ptr<LinkGuard> links_;
    std::unique_ptr<AppInfo> appInfo_; // QML: AppInfo (data folder, version)
    std::unique_ptr<QQmlApplicationEngine> qmlEngine_;
    std::unique_ptr<TrayIntegration> tray_;
    QQuickWindow* mainWindow_ = nullptr; // owned by qmlEngine_
    bool modelHandedOver_ = false;       // a launch or a later launch named a model file
};

} // namespace sosoik::app
