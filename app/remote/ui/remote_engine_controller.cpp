#include "remote/ui/remote_engine_controller.h"

#include "models/model_manager.h"
#include "remote/remote_backend.h"
#include "settings/app_settings.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace sosoik::app {
namespace {
const char* kUrl = "remote/url";
const char* kModel = "remote/model";
const char* kActive = "remote/active";
constexpr int kListTimeoutMs = 15000;
} // namespace

bool writeOwnerOnlyFile(const QString& path, const QByteArray& text, QString* error) {
    QFile file(path);
    const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    // An existing file is narrowed before anything is written into it; a new one is created narrow.
    if (file.exists() && !file.setPermissions(ownerOnly)) {
        if (error) *error = file.errorString();
        return false;
    }
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate, ownerOnly) ||
        file.write(text) != text.size() || !file.flush()) {
        if (error) *error = file.errorString();
        return false;
    }
    return true;
}

RemoteEngineController::RemoteEngineController(ModelManager* models, AppSettings* settings, QObject* parent)
    : QObject(parent), models_(models), settings_(settings) {
    // A local model chosen later ends the remote engine's turn: it is not reconnected at the next start.
    connect(models, &ModelManager::modelReady, this,
            [this] { settings_->store().setValue(kActive, models_->usingRemote()); });
}

RemoteEngineController::~RemoteEngineController() = default;

QString RemoteEngineController::url() const {
    return settings_->store().value(kUrl).toString();
}

QString RemoteEngineController::model() const {
    return settings_->store().value(kModel).toString();
}

QString RemoteEngineController::keyPath() const {
    return QFileInfo(settings_->settingsPath()).absoluteDir().filePath(QStringLiteral("remote-api-key"));
}

bool RemoteEngineController::hasKey() const {
    return QFileInfo::exists(keyPath());
}

QString RemoteEngineController::storedKey() const {
    QFile file(keyPath());
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()).trimmed() : QString();
}

bool RemoteEngineController::storeKey(const QString& key) {
    QDir().mkpath(QFileInfo(keyPath()).absolutePath());
    QString why;
    if (!writeOwnerOnlyFile(keyPath(), key.trimmed().toUtf8(), &why)) {
        setError(tr("Could not save the API key: %1").arg(why));
        return false;
    }
    return true;
}

void RemoteEngineController::forgetKey() {
    QFile::remove(keyPath());
    emit changed();
}

void RemoteEngineController::setError(const QString& text) {
    error_ = text;
    emit changed();
}

void RemoteEngineController::fetchModels(const QString& urlText, const QString& key) {
    const QUrl base = remote::normalizeBaseUrl(urlText);
    if (base.isEmpty()) {
        setError(tr("'%1' is not a server address (for example http://gpu-box:8000/v1).").arg(urlText));
        return;
    }
    if (!network_) network_ = new QNetworkAccessManager(this);
    QUrl url = base;
    url.setPath(base.path() + QStringLiteral("/models"));
    QNetworkRequest request(url);
    const QString useKey = key.trimmed().isEmpty() ? storedKey() : key.trimmed();
    if (!useKey.isEmpty()) request.setRawHeader("Authorization", "Bearer " + useKey.toUtf8());
    request.setTransferTimeout(kListTimeoutMs);
    fetching_ = true;
    emit fetchingChanged();
    setError({});
    QNetworkReply* reply = network_->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply, host = base.authority()] {
        reply->deleteLater();
        fetching_ = false;
        emit fetchingChanged();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        if (status == 401 || status == 403) {
            setError(tr("The server at %1 refused the API key (HTTP %2).").arg(host).arg(status));
            return;
        }
        if (reply->error() != QNetworkReply::NoError) {
            setError(tr("Could not list the models of %1: %2").arg(host, reply->errorString()));
            return;
        }
        const QJsonValue data = QJsonDocument::fromJson(body).object().value(QLatin1String("data"));
        if (!data.isArray()) {
            setError(tr("%1 does not answer like an OpenAI-compatible server. Check the address: it usually "
                        "ends in /v1.")
                         .arg(host));
            return;
        }
        available_.clear();
        for (const QJsonValue& m : data.toArray()) {
            const QString id = m.toObject().value(QLatin1String("id")).toString();
            if (!id.isEmpty()) available_ << id;
        }
        if (available_.isEmpty()) setError(tr("The server at %1 lists no models.").arg(host));
        emit modelsListed();
    });
}

bool RemoteEngineController::connectServer(const QString& urlText, const QString& key, const QString& model) {
    const QUrl base = remote::normalizeBaseUrl(urlText);
    if (base.isEmpty()) {
        setError(tr("'%1' is not a server address (for example http://gpu-box:8000/v1).").arg(urlText));
        return false;
    }
    if (!key.trimmed().isEmpty() && !storeKey(key)) return false;
    settings_->store().setValue(kUrl, base.toString());
    settings_->store().setValue(kModel, model.trimmed());
    settings_->store().setValue(kActive, true);
    setError({});
    return models_->loadRemote(base.toString(), storedKey(), model.trimmed());
}

bool RemoteEngineController::reconnectIfActive() {
    if (!settings_->store().value(kActive, false).toBool() || url().isEmpty() ||
        !settings_->reopenLastModel())
        return false;
    return models_->loadRemote(url(), storedKey(), model());
}

} // namespace sosoik::app
