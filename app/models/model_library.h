#pragma once
// The Models page's behaviour: what is on this computer (Sosoik's folder, folders the user added,
// other apps' stores; scanned on a worker thread when the page asks, never at start), the catalog
// with its fit estimates, and the downloads. The only object of the app that creates a network
// access manager, and only when the user starts a download.
#include "library/fit_estimate.h"
#include "library/local_model.h"
#include "library/model_update_check.h"
#include "models/catalog_list_model.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QVariantList>

#include <functional>
#include <vector>

class QNetworkAccessManager;

namespace sosoik::app {

class AppSettings;

class ModelLibrary : public QObject {
    Q_OBJECT
    // [{path, name, origin, originLabel, title, architecture, parameters, quant, sizeText, context,
    //   supported, reason, fit ("fits"/"shorter"/"no"), fitText}]
    Q_PROPERTY(QVariantList localModels READ localModels NOTIFY scanned)
    Q_PROPERTY(sosoik::app::CatalogListModel* catalog READ catalog CONSTANT)
    Q_PROPERTY(bool scanning READ scanning NOTIFY scanningChanged)
    Q_PROPERTY(bool scannedOnce READ scannedOnce NOTIFY scanned)
    Q_PROPERTY(QString memoryText READ memoryText NOTIFY scanned) // "5.8 GB free on <GPU>"
    Q_PROPERTY(QStringList folders READ folders NOTIFY foldersChanged)
    // Sosoik's own models folder (Settings → Models): downloads go there and it is searched first.
    Q_PROPERTY(QString modelsDir READ modelsDir NOTIFY modelsDirChanged)
    Q_PROPERTY(bool modelsDirIsDefault READ modelsDirIsDefault NOTIFY modelsDirChanged)
    Q_PROPERTY(QString host READ host WRITE setHost NOTIFY hostChanged)
    Q_PROPERTY(bool checkingUpdates READ checkingUpdates NOTIFY checkingUpdatesChanged)
public:
    using DeviceLister = std::function<std::vector<DeviceInfo>()>;
    struct Options {
        QString modelsDir; // the default folder; empty: defaultOwnModelsDir(). The setting beats it.
        QString home;      // empty: the user's home
        DeviceLister devices;
        std::function<quint64()> availableRam;
    };
    ModelLibrary(AppSettings* settings, Options options, QObject* parent = nullptr);
    ~ModelLibrary() override;

    QVariantList localModels() const { return local_; }
    CatalogListModel* catalog() { return catalog_; }
    bool scanning() const { return scanning_; }
    bool scannedOnce() const { return scannedOnce_; }
    QString memoryText() const;
    QStringList folders() const;
    QString modelsDir() const { return modelsDir_; }
    bool modelsDirIsDefault() const { return modelsDir_ == defaultModelsDir_; }
    // Makes pathOrUrl (a path or a file: URL; empty: the default) the models folder. Nothing is moved:
    // the models already in the old folder stay there and stay listed (the old folder becomes one of
    // the searched folders); unfinished downloads start over in the new one. message() says so. False
    // with a message when the folder cannot be used or a download is writing into the old one.
    Q_INVOKABLE bool setModelsDir(const QVariant& pathOrUrl);
    QString host() const;
    void setHost(const QString& url);
    void setUiLanguage(const QString& language) { uiLanguage_ = language; }

    Q_INVOKABLE void rescan();
    Q_INVOKABLE void addFolder(const QVariant& pathOrUrl);
    Q_INVOKABLE void removeFolder(const QString& path);
    // Starts or resumes a catalog model's download. A licence that needs acceptance must have been
    // accepted (the page asks first); false and a message otherwise.
    Q_INVOKABLE bool download(const QString& id, bool licenceAccepted = false);
    Q_INVOKABLE void pause(const QString& id);
    Q_INVOKABLE void cancel(const QString& id);
    // Asks the host, for each catalog model Sosoik downloaded, whether it publishes a different file now
    // (the catalog's rows say so); one HEAD request each, only when the user asks.
    Q_INVOKABLE void checkForUpdates();
    bool checkingUpdates() const { return updateCheck_ != nullptr; }
    Q_INVOKABLE static QString formatBytes(qint64 bytes);

signals:
    void scanned();
    void scanningChanged();
    void foldersChanged();
    void modelsDirChanged();
    void hostChanged();
    void checkingUpdatesChanged();
    void updatesChecked(int available, int failures);
    void modelInstalled(const QString& path);
    void message(const QString& text); // something went wrong or was refused, in words
    void notice(const QString& text);  // information (not an error): shown in the normal text colour

private:
    ModelDownload* downloadFor(const CatalogEntry& entry);
    void followUnfinishedDownloads();
    QVariantMap toRow(const LocalModel& m, int context) const;

    AppSettings* settings_;
    QString defaultModelsDir_, modelsDir_, home_, uiLanguage_;
    DeviceLister devices_;
    std::function<quint64()> availableRam_;
    CatalogListModel* catalog_;
    QNetworkAccessManager* nam_ = nullptr; // made on the first download
    QHash<QString, ModelDownload*> downloads_;
    ModelUpdateCheck* updateCheck_ = nullptr;
    QVariantList local_;
    MemoryBudget budget_;
    bool scanning_ = false, scannedOnce_ = false, rescanPending_ = false;
};

} // namespace sosoik::app
