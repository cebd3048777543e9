#pragma once
// Settings → "Local API server": the app's switch for ApiServer (off by default; nothing listens until the
// user turns it on). It serves whatever model the app has loaded (a local file or a remote engine), on
// 127.0.0.1 only, and its requests queue on the app's engine worker with the app's own, so the settings
// pane shows how many programs are being answered.
#include "inference/engine_worker.h"

#include <QObject>
#include <memory>

namespace sosoik::app {

class AppSettings;

namespace server {
class ApiServer;
}

class ServerController : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool enabled READ enabled WRITE setEnabled NOTIFY changed)
    Q_PROPERTY(int port READ port WRITE setPort NOTIFY changed)
    Q_PROPERTY(bool running READ running NOTIFY changed)
    Q_PROPERTY(QString url READ url NOTIFY changed)
    Q_PROPERTY(int activeRequests READ activeRequests NOTIFY activeRequestsChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY changed)
public:
    ServerController(EngineWorker* worker, AppSettings* settings, QObject* parent = nullptr);
    ~ServerController() override;

    bool enabled() const;
    void setEnabled(bool on);
    int port() const;
    void setPort(int port);
    bool running() const;
    QString url() const;
    int activeRequests() const;
    QString errorText() const { return error_; }

    // Starts the server when the saved setting says so (called once at startup).
    void applySetting();
    server::ApiServer* server() const { return server_.get(); }

signals:
    void changed();
    void activeRequestsChanged();

private:
    void restart();

    EngineWorker* worker_;
    AppSettings* settings_;
    std::unique_ptr<server::ApiServer> server_;
    QString modelId_;
    int modelContext_ = 0;
    QString error_;
};

} // namespace sosoik::app
