#pragma once
// AppContext: every long-lived object of the GUI, built in one place so that the app's main()
// and the GUI tests wire exactly the same thing. Owns (in destruction-safe order) settings,
// storage, the engine worker and the feature controllers, and exposes them to QML as
// context properties: appSettings, chat, models, summaries, history, appInfo.
#include "core/data_dir.h"
#include "core/engine_worker.h"
#include "models/model_manager.h"

#include <QObject>
#include <QVariantMap>

#include <memory>

class QQmlEngine;

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

class AppSettings;
class ChatController;
class LanguageSwitcher;

struct AppContextOptions {
    DataDir dataDir;
    std::unique_ptr<InferenceBackend> backend;
    ModelInspector inspector;
    DeviceLister devices;
};

// The options main() uses: the real engine, sosoik::inspectModel and sosoik::listDevices.
AppContextOptions realEngineOptions(const DataDir& dataDir);

class AppContext : public QObject {
    Q_OBJECT
public:
    explicit AppContext(AppContextOptions options, QObject* parent = nullptr);
    ~AppContext() override;

    // Sets the context properties and installs the UI language on engine.
    void expose(QQmlEngine* engine);
    // Reopens the last model (when the setting asks for it) through the worker.
    void restoreLastModel();

    QString startupError() const { return startupError_; }
    const DataDir& dataDir() const { return dataDir_; }
    AppSettings* settings() const { return settings_.get(); }
    storage::Storage* storage() const { return storage_.get(); }
    EngineWorker* worker() const { return worker_.get(); }
    ChatController* chat() const { return chat_.get(); }
    ModelManager* models() const { return models_.get(); }
    LanguageSwitcher* language() const { return language_.get(); }
    summarize::SummaryController* summaries() const { return summaries_.get(); }
    history::HistoryController* history() const { return history_.get(); }

private:
    DataDir dataDir_;
    QString startupError_;
    std::unique_ptr<AppSettings> settings_;
    std::unique_ptr<storage::Storage> storage_;
    std::unique_ptr<EngineWorker> worker_;
    std::unique_ptr<ModelManager> models_;
    std::unique_ptr<ChatController> chat_;
    std::unique_ptr<LanguageSwitcher> language_;
    std::unique_ptr<summarize::SummaryController> summaries_;
    std::unique_ptr<history::HistoryController> history_;
};

} // namespace sosoik::app
