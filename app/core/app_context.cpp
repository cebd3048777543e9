#include "core/app_context.h"

#include "chat/chat_controller.h"
#include "history/history_controller.h"
#include "settings/app_settings.h"
#include "settings/language_switcher.h"
#include "storage/storage.h"
#include "summarize/ui/summary_controller.h"

#include <QDir>
#include <QFileInfo>
#include <QQmlContext>
#include <QQmlEngine>

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
    chat_ = std::make_unique<ChatController>(worker_.get(), storage_.get(), settings_.get());
    history_ = std::make_unique<history::HistoryController>(storage_.get());
    connect(models_.get(), &ModelManager::modelReady, chat_.get(), &ChatController::setModelPath);
    summaries_ = std::make_unique<summarize::SummaryController>(worker_.get(), storage_.get(), chat_.get(),
                                                                settings_.get());
    chat_->setRequestAugmenter(
        [summaries = summaries_.get()](qint64 conversationId, GenerationRequest& request) {
            summaries->augmentFollowUp(conversationId, request);
        });
    if (!startupError_.isEmpty()) chat_->showError(startupError_);
}

AppContext::~AppContext() {
    // Controllers first (they flush streaming text), then the engine thread, then storage.
    summaries_.reset(); // cancels and joins a running summary, which uses chat and the worker
    history_.reset();
    chat_.reset();
    models_.reset();
    worker_.reset();
    storage_.reset();
}

void AppContext::expose(QQmlEngine* engine) {
    language_->attach(engine);
    QQmlContext* root = engine->rootContext();
    root->setContextProperty(QStringLiteral("appSettings"), settings_.get());
    root->setContextProperty(QStringLiteral("chat"), chat_.get());
    root->setContextProperty(QStringLiteral("models"), models_.get());
    root->setContextProperty(QStringLiteral("summaries"), summaries_.get());
    root->setContextProperty(QStringLiteral("language"), language_.get());
    root->setContextProperty(QStringLiteral("history"), history_.get());
    root->setContextProperty(QStringLiteral("appInfo"),
                             QVariantMap{{QStringLiteral("dataDir"), dataDir_.path},
                                         {QStringLiteral("version"), QStringLiteral(SOSOIK_VERSION_STRING)}});
}

void AppContext::restoreLastModel() {
    const QString last = models_->recent()->mostRecent();
    if (settings_->reopenLastModel() && !last.isEmpty() && QFileInfo::exists(last)) models_->load(last);
}

} // namespace sosoik::app
