#include "server/ui/server_controller.h"

#include "server/api_server.h"
#include "settings/app_settings.h"

#include <QFileInfo>

namespace sosoik::app {
namespace {
const char* kEnabled = "server/enabled";
const char* kPort = "server/port";
} // namespace

ServerController::ServerController(EngineWorker* worker, AppSettings* settings, QObject* parent)
    : QObject(parent), worker_(worker), settings_(settings) {
    connect(worker, &EngineWorker::modelLoaded, this, [this](int, const ModelDetails& details) {
        modelId_ = details.remote ? details.name : QFileInfo(details.path).completeBaseName();
        modelContext_ = details.trainedContext;
        if (server_) server_->setModel(modelId_, modelContext_);
    });
    connect(worker, &EngineWorker::modelUnloaded, this, [this](int) {
        modelId_.clear();
        if (server_) server_->setModel({});
    });
    connect(worker, &EngineWorker::modelLoadFailed, this, [this](int, const QString&, const QString&) {
        modelId_.clear(); // the worker let the old model go before trying the new one
        if (server_) server_->setModel({});
    });
}

ServerController::~ServerController() = default;

bool ServerController::enabled() const {
    return settings_->store().value(kEnabled, false).toBool();
}

int ServerController::port() const {
    return settings_->store().value(kPort, 8080).toInt();
}

bool ServerController::running() const {
    return server_ && server_->isListening();
}

QString ServerController::url() const {
    return running() ? server_->url() : QString();
}

int ServerController::activeRequests() const {
    return server_ ? server_->activeRequests() : 0;
}

void ServerController::setEnabled(bool on) {
    if (on == enabled() && on == running()) return;
    settings_->store().setValue(kEnabled, on);
    restart();
}

void ServerController::setPort(int port) {
    if (port < 1 || port > 65535 || port == this->port()) return;
    settings_->store().setValue(kPort, port);
    if (enabled()) restart();
    emit changed();
}

void ServerController::applySetting() {
    if (enabled()) restart();
}

void ServerController::restart() {
    server_.reset(); // cancels what it was answering
    error_.clear();
    if (enabled()) {
        server::ServerOptions options;
        options.port = quint16(port());
        // The app's own defaults, and its context length, so the engine keeps one
        // session for both.
        options.defaults.temperature = settings_->temperature();
        options.defaults.topP = settings_->topP();
        options.defaults.topK = settings_->topK();
        options.defaults.maxNewTokens = settings_->maxNewTokens();
        options.defaults.contextLength = settings_->contextLength();
        server_ = std::make_unique<server::ApiServer>(worker_, options);
        server_->setModel(modelId_, modelContext_);
        connect(server_.get(), &server::ApiServer::activeRequestsChanged, this,
                &ServerController::activeRequestsChanged);
        QString why;
        if (!server_->start(&why)) {
            error_ = why;
            server_.reset();
        }
    }
    emit changed();
    emit activeRequestsChanged();
}

} // namespace sosoik::app
