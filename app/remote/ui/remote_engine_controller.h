#pragma once
// Settings → "Remote engine": an OpenAI-compatible server (a team's vLLM or llama.cpp server, another
// Sosoik) as the app's engine for chat, summaries and the tray. The address and model are app settings;
// the key lives in its own file readable by the owner only (remote-api-key beside the settings file) and
// is never shown, logged or stored anywhere else. Nothing connects until the user asks for the model list
// or connects; a server used last time is reconnected at start only when "reopen the last model" is on.
#include <QObject>
#include <QStringList>

class QNetworkAccessManager;

namespace sosoik::app {

class AppSettings;
class ModelManager;

class RemoteEngineController : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString url READ url NOTIFY changed)
    Q_PROPERTY(QString model READ model NOTIFY changed)
    Q_PROPERTY(bool hasKey READ hasKey NOTIFY changed)
    Q_PROPERTY(QStringList availableModels READ availableModels NOTIFY modelsListed)
    Q_PROPERTY(bool fetching READ fetching NOTIFY fetchingChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY changed)
public:
    RemoteEngineController(ModelManager* models, AppSettings* settings, QObject* parent = nullptr);
    ~RemoteEngineController() override;

    QString url() const;
    QString model() const;
    bool hasKey() const;
    QStringList availableModels() const { return available_; }
    bool fetching() const { return fetching_; }
    QString errorText() const { return error_; }
    QString keyPath() const;
    // True once this object has made a network request (tests check the app stays offline).
    bool usedNetwork() const { return network_ != nullptr; }

    // Lists the server's models (GET /v1/models); an empty key uses the stored one.
    Q_INVOKABLE void fetchModels(const QString& url, const QString& key);
    // Saves the choice (a non-empty key replaces the stored one) and makes the server the app's engine.
    // False (with errorText) when the address is no http(s) address or the key cannot be saved.
    Q_INVOKABLE bool connectServer(const QString& url, const QString& key, const QString& model);
    Q_INVOKABLE void forgetKey();
    // At start: reconnects when the server was the engine last time and "reopen the last model" is on.
    bool reconnectIfActive();

signals:
    void changed();
    void modelsListed();
    void fetchingChanged();

private:
    QString storedKey() const;
    bool storeKey(const QString& key);
    void setError(const QString& text);

    ModelManager* models_;
    AppSettings* settings_;
    QNetworkAccessManager* network_ = nullptr; // created by the first fetch: offline until then
    QStringList available_;
    bool fetching_ = false;
    QString error_;
};

// Writes text to path readable and writable by its owner only (0600 on POSIX), replacing what was there.
bool writeOwnerOnlyFile(const QString& path, const QByteArray& text, QString* error);

} // namespace sosoik::app
