#include "models/model_library.h"

#include "library/file_hash.h"
#include "library/model_scanner.h"
#include "library/models_folder.h"
#include "models/model_manager.h"
#include "settings/app_settings.h"

#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QtConcurrent/QtConcurrentRun>

namespace sosoik::app {
namespace {

const char* kFoldersKey = "library/folders";
const char* kHostKey = "library/host";

struct ScanResult {
    QList<LocalModel> models;
    MemoryBudget budget;
};

} // namespace

ModelLibrary::ModelLibrary(AppSettings* settings, Options options, QObject* parent)
    : QObject(parent), settings_(settings),
      defaultModelsDir_(options.modelsDir.isEmpty() ? defaultOwnModelsDir() : options.modelsDir),
      modelsDir_(ownModelsDir(&settings->store(), defaultModelsDir_)),
      home_(options.home.isEmpty() ? QDir::homePath() : options.home), devices_(std::move(options.devices)),
      availableRam_(options.availableRam ? std::move(options.availableRam)
                                         : std::function<quint64()>(availableRamBytes)),
      catalog_(new CatalogListModel(ModelCatalog::builtIn(), modelsDir_, this)) {
    followUnfinishedDownloads();
}

// Downloads an earlier session left unfinished show as paused, with their progress.
void ModelLibrary::followUnfinishedDownloads() {
    for (const CatalogEntry& e : catalog_->catalog().entries())
        if (QFileInfo::exists(QDir(modelsDir_).filePath(e.file) + QStringLiteral(".part"))) downloadFor(e);
}

bool ModelLibrary::setModelsDir(const QVariant& pathOrUrl) {
    const QString local = ModelManager::toLocalPath(pathOrUrl);
    const QString path = local.isEmpty() ? defaultModelsDir_ : QDir::cleanPath(local);
    if (QFileInfo(path).absoluteFilePath() == QFileInfo(modelsDir_).absoluteFilePath()) return true;
    for (ModelDownload* d : std::as_const(downloads_)) {
        const DownloadState s = d->state();
        if (s == DownloadState::Probing || s == DownloadState::Downloading || s == DownloadState::Verifying) {
            emit message(tr("Pause or cancel the running download first: it is writing into %1.")
                             .arg(QDir::toNativeSeparators(modelsDir_)));
            return false;
        }
    }
    if (const QString problem = modelsFolderProblem(path); !problem.isEmpty()) {
        emit message(tr("%1 cannot be the models folder: %2.").arg(QDir::toNativeSeparators(path), problem));
        return false;
    }
    const QString old = modelsDir_;
    const ModelsFolderContents left = modelsFolderContents(old);
    // Paused downloads belong to the old folder; the new folder's own partial files are followed instead.
    for (auto it = downloads_.begin(); it != downloads_.end(); it = downloads_.erase(it)) {
        catalog_->detach(it.key());
        it.value()->deleteLater();
    }
    modelsDir_ = path;
    settings_->store().setValue(kModelsDirKey, path == defaultModelsDir_ ? QString() : path);
    // The models already there stay listed, where they are: the old folder is searched like one the
    // user added (and the new one is no longer an added folder of its own).
    QStringList list = folders();
    list.removeAll(path);
    if (left.models > 0 && !list.contains(old)) list << old;
    if (list != folders()) {
        settings_->store().setValue(kFoldersKey, list);
        emit foldersChanged();
    }
    catalog_->setModelsDir(path);
    followUnfinishedDownloads();
    emit modelsDirChanged();

    QString text = tr("New downloads go to %1, and Sosoik looks there first. No file was moved.")
                       .arg(QDir::toNativeSeparators(path));
    if (left.models > 0)
        text +=
            ' ' + tr("The models already in %1 stay there and are still listed: that folder is now one of "
                     "the searched folders.")
                      .arg(QDir::toNativeSeparators(old));
    if (left.partials > 0)
        text += ' ' + tr("Unfinished downloads in %1 start over in the new folder; delete the .part files "
                         "there to free the space.")
                          .arg(QDir::toNativeSeparators(old));
    emit notice(text);
    rescan();
    return true;
}

ModelLibrary::~ModelLibrary() = default;

QString ModelLibrary::formatBytes(qint64 bytes) {
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

QString ModelLibrary::memoryText() const {
    if (!scannedOnce_) return {};
    return budget_.device.isEmpty()
               ? tr("%1 of memory free").arg(formatBytes(qint64(budget_.bytes)))
               : tr("%1 free on %2").arg(formatBytes(qint64(budget_.bytes)), budget_.device);
}

QStringList ModelLibrary::folders() const {
    return settings_->store().value(kFoldersKey).toStringList();
}

void ModelLibrary::addFolder(const QVariant& pathOrUrl) {
    const QString path = QDir::cleanPath(ModelManager::toLocalPath(pathOrUrl));
    if (path.isEmpty() || !QFileInfo(path).isDir()) {
        emit message(tr("%1 is not a folder.").arg(path));
        return;
    }
    QStringList list = folders();
    if (list.contains(path)) return;
    list << path;
    settings_->store().setValue(kFoldersKey, list);
    emit foldersChanged();
    rescan();
}

void ModelLibrary::removeFolder(const QString& path) {
    QStringList list = folders();
    if (!list.removeAll(path)) return;
    settings_->store().setValue(kFoldersKey, list);
    emit foldersChanged();
    rescan();
}

QString ModelLibrary::host() const {
    const QString stored = settings_->store().value(kHostKey).toString();
    return stored.isEmpty() ? defaultModelHost().toString() : stored;
}

void ModelLibrary::setHost(const QString& url) {
    const QUrl parsed = QUrl::fromUserInput(url.trimmed());
    if (!parsed.isValid() ||
        (parsed.scheme() != QLatin1String("https") && parsed.scheme() != QLatin1String("http"))) {
        emit message(tr("The model host must be an http or https address, such as https://huggingface.co."));
        return;
    }
    settings_->store().setValue(kHostKey, parsed == defaultModelHost() ? QString() : parsed.toString());
    emit hostChanged();
}

void ModelLibrary::rescan() {
    if (scanning_) {
        rescanPending_ = true;
        return;
    }
    scanning_ = true;
    emit scanningChanged();
    const QList<ScanLocation> locations = defaultScanLocations(modelsDir_, folders(), home_);
    const QString backend = settings_->backend();
    const int device = settings_->device();
    auto* watcher = new QFutureWatcher<ScanResult>(this);
    connect(watcher, &QFutureWatcher<ScanResult>::finished, this, [this, watcher] {
        const ScanResult r = watcher->result();
        watcher->deleteLater();
        budget_ = r.budget;
        const int context = settings_->contextLength();
        local_.clear();
        for (const LocalModel& m : r.models)
            local_.append(toRow(m, context));
        catalog_->setBudget(budget_, context, uiLanguage_.isEmpty() ? QLocale().name() : uiLanguage_);
        catalog_->refreshInstalled();
        scanning_ = false;
        scannedOnce_ = true;
        emit scanningChanged();
        emit scanned();
        if (rescanPending_) {
            rescanPending_ = false;
            rescan();
        }
    });
    // Devices and headers are read off the UI thread: Vulkan's instance and many files take a while.
    watcher->setFuture(
        QtConcurrent::run([locations, backend, device, devices = devices_, ram = availableRam_] {
            ScanResult r;
            r.budget = memoryBudget(backend, device, devices ? devices() : std::vector<DeviceInfo>{}, ram());
            r.budget.cpuCores = sosoik::cpuDevice().threads; // the speed half of the recommendation
            r.models = scanModels(locations, r.budget.backend);
            return r;
        }));
}

QVariantMap ModelLibrary::toRow(const LocalModel& m, int context) const {
    QVariantMap row{
        {"path", m.path},
        {"name", m.name},
        {"origin", originKey(m.origin)},
        {"originLabel", m.origin == ModelOrigin::UserFolder ? tr("Folder") : originLabel(m.origin)},
        {"title", m.title},
        {"architecture", m.architecture},
        {"parameters", m.parameterCount >= 1000000000ull
                           ? tr("%1 B").arg(QLocale().toString(m.parameterCount / 1e9, 'f', 1))
                           : tr("%1 M").arg(QLocale().toString(m.parameterCount / 1e6, 'f', 0))},
        {"quant", m.quantization},
        {"sizeText", formatBytes(m.fileBytes)},
        {"context", m.contextLength},
        {"languages", m.languages.join(QStringLiteral(", "))},
        {"supported", m.supported()},
        {"reason", m.unsupportedReason}};
    if (m.supported()) {
        const FitEstimate fit = estimateFit(m.footprint, context, budget_.bytes);
        row.insert("fit", fit.verdict == Fit::Fits                 ? "fits"
                          : fit.verdict == Fit::FitsShorterContext ? "shorter"
                                                                   : "no");
        row.insert("fitText", fit.verdict == Fit::Fits
                                  ? tr("Fits (needs %1)").arg(formatBytes(qint64(fit.neededBytes)))
                              : fit.verdict == Fit::FitsShorterContext
                                  ? tr("Fits with a %1-token context").arg(fit.context)
                                  : tr("Does not fit (needs %1)").arg(formatBytes(qint64(fit.neededBytes))));
    }
    return row;
}

ModelDownload* ModelLibrary::downloadFor(const CatalogEntry& entry) {
    if (ModelDownload* d = downloads_.value(entry.id)) return d;
    if (!nam_) nam_ = new QNetworkAccessManager(this);
    auto* d = new ModelDownload(
        nam_, {entry.downloadUrl(QUrl(host())), QDir(modelsDir_).filePath(entry.file), entry.sha256}, this);
    downloads_.insert(entry.id, d);
    catalog_->attach(entry.id, d);
    connect(d, &ModelDownload::finished, this, [this, d](bool ok) {
        if (!ok) return;
        emit modelInstalled(d->request().destination);
        rescan();
    });
    return d;
}

bool ModelLibrary::download(const QString& id, bool licenceAccepted) {
    const CatalogEntry* entry = catalog_->catalog().find(id);
    if (!entry) return false;
    if (entry->requiresAcceptance && !licenceAccepted) {
        emit message(tr("Accept the %1 before downloading %2.").arg(entry->licence, entry->title));
        return false;
    }
    ModelDownload* d = downloadFor(*entry);
    // A finished or cancelled download object starts over as a new one.
    if (d->state() == DownloadState::Cancelled || d->state() == DownloadState::Finished) {
        downloads_.remove(id);
        d->deleteLater();
        d = downloadFor(*entry);
    }
    d->start();
    return true;
}

void ModelLibrary::pause(const QString& id) {
    if (ModelDownload* d = downloads_.value(id)) d->pause();
}

void ModelLibrary::cancel(const QString& id) {
    if (ModelDownload* d = downloads_.value(id)) d->cancel();
}

void ModelLibrary::checkForUpdates() {
    if (updateCheck_) return;
    catalog_->refreshInstalled(); // the rows show an update only for files that are there
    QList<ModelUpdateCheck::Item> items;
    for (const CatalogEntry& e : catalog_->catalog().entries()) {
        const QString path = QDir(modelsDir_).filePath(e.file);
        // Only what Sosoik downloaded has a recorded digest to compare with.
        if (const QString sha = recordedSha256(path); QFileInfo::exists(path) && !sha.isEmpty())
            items.append({e.id, e.downloadUrl(QUrl(host())), sha});
    }
    if (items.isEmpty()) {
        emit notice(tr("No downloaded catalog model to check: updates are checked for the models Sosoik "
                       "downloaded."));
        emit updatesChecked(0, 0);
        return;
    }
    if (!nam_) nam_ = new QNetworkAccessManager(this);
    updateCheck_ = new ModelUpdateCheck(nam_, items, this);
    connect(updateCheck_, &ModelUpdateCheck::checked, this,
            [this](const QString& id, ModelUpdateCheck::Status status, const QString& why) {
                catalog_->setUpdate(
                    id, status == ModelUpdateCheck::Status::UpdateAvailable ? QStringLiteral("available")
                        : status == ModelUpdateCheck::Status::UpToDate      ? QStringLiteral("current")
                                                                            : why);
            });
    connect(updateCheck_, &ModelUpdateCheck::finished, this, [this](int available, int failures) {
        updateCheck_->deleteLater();
        updateCheck_ = nullptr;
        emit checkingUpdatesChanged();
        if (failures > 0)
            emit message(tr("%n model(s) could not be checked; the catalog says why.", "", failures));
        emit updatesChecked(available, failures);
    });
    emit checkingUpdatesChanged();
    updateCheck_->start();
}

} // namespace sosoik::app
