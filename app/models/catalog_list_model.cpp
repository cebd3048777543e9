#include "models/catalog_list_model.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>

#include <algorithm>

namespace sosoik::app {
namespace {

QString stateKey(DownloadState s) {
    switch (s) {
    case DownloadState::Idle:
        return QStringLiteral("idle");
    case DownloadState::Probing:
        return QStringLiteral("probing");
    case DownloadState::Downloading:
        return QStringLiteral("downloading");
    case DownloadState::Paused:
        return QStringLiteral("paused");
    case DownloadState::Verifying:
        return QStringLiteral("verifying");
    case DownloadState::Finished:
        return QStringLiteral("finished");
    case DownloadState::Failed:
        return QStringLiteral("failed");
    case DownloadState::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

// Without a GPU a token step runs on the CPU's cores, and on a few cores their arithmetic, not memory,
// bounds it: Llama 3.2 1B Q4_K answers at ~26 tokens/s with 2 threads (docs/PERFORMANCE.md), ~13 tokens/s
// per core for a 1B model. One billion parameters per physical core keeps an answer near 13 tokens/s or
// faster; Qwen3 4B on 2 cores (~6 tokens/s) is not recommended there.
constexpr double kCpuBillionsPerCore = 1.0;

bool usableSpeed(const CatalogEntry& e, const MemoryBudget& budget) {
    if (!budget.device.isEmpty() || budget.cpuCores <= 0) return true; // a GPU, or cores unknown
    return e.parametersBillions <= budget.cpuCores * kCpuBillionsPerCore;
}

QString bytesText(qint64 bytes) {
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

} // namespace

CatalogListModel::CatalogListModel(ModelCatalog catalog, QString modelsDir, QObject* parent)
    : QAbstractListModel(parent), catalog_(std::move(catalog)), modelsDir_(std::move(modelsDir)) {
    const int n = int(catalog_.entries().size());
    fits_.resize(n);
    recommended_.fill(false, n);
    installed_.fill(false, n);
    refreshInstalled();
}

int CatalogListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(catalog_.entries().size());
}

int CatalogListModel::rowOf(const QString& id) const {
    for (int i = 0; i < catalog_.entries().size(); ++i)
        if (catalog_.entries()[i].id == id) return i;
    return -1;
}

QHash<int, QByteArray> CatalogListModel::roleNames() const {
    return {{IdRole, "modelId"},
            {TitleRole, "title"},
            {RepoRole, "repo"},
            {FileRole, "file"},
            {QuantizationRole, "quant"},
            {SizeTextRole, "sizeText"},
            {LanguagesRole, "languages"},
            {LicenceRole, "licence"},
            {LicenceUrlRole, "licenceUrl"},
            {NonCommercialRole, "nonCommercial"},
            {RequiresAcceptanceRole, "requiresAcceptance"},
            {FitRole, "fit"},
            {FitTextRole, "fitText"},
            {RecommendedRole, "recommended"},
            {RecommendedWhyRole, "recommendedWhy"},
            {InstalledRole, "installed"},
            {PathRole, "path"},
            {StateRole, "downloadState"},
            {ProgressRole, "progress"},
            {TransferTextRole, "transferText"},
            {ErrorRole, "errorText"},
            {UpdateRole, "update"}};
}

QString CatalogListModel::fitText(const FitEstimate& fit) const {
    switch (fit.verdict) {
    case Fit::Fits:
        return tr("Fits (needs %1)").arg(bytesText(qint64(fit.neededBytes)));
    case Fit::FitsShorterContext:
        return tr("Fits with a %1-token context").arg(fit.context);
    case Fit::DoesNotFit:
        return tr("Does not fit (needs %1)").arg(bytesText(qint64(fit.neededBytes)));
    }
    return {};
}

QVariant CatalogListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= catalog_.entries().size()) return {};
    const int row = index.row();
    const CatalogEntry& e = catalog_.entries()[row];
    const ModelDownload* d = downloads_.value(e.id);
    switch (role) {
    case IdRole:
        return e.id;
    case TitleRole:
        return e.title;
    case RepoRole:
        return e.repo;
    case FileRole:
        return e.file;
    case QuantizationRole:
        return e.quantization;
    case SizeTextRole:
        return bytesText(e.approxBytes);
    case LanguagesRole:
        return e.languages.join(QStringLiteral(", "));
    case LicenceRole:
        return e.licence;
    case LicenceUrlRole:
        return e.licenceUrl;
    case NonCommercialRole:
        return e.nonCommercial;
    case RequiresAcceptanceRole:
        return e.requiresAcceptance;
    case FitRole:
        return fits_[row].verdict == Fit::Fits                 ? QStringLiteral("fits")
               : fits_[row].verdict == Fit::FitsShorterContext ? QStringLiteral("shorter")
                                                               : QStringLiteral("no");
    case FitTextRole:
        return fitText(fits_[row]);
    case RecommendedRole:
        return recommended_[row];
    case RecommendedWhyRole:
        return recommended_[row] ? recommendedWhy() : QString();
    case InstalledRole:
        return installed_[row];
    case PathRole:
        return QDir(modelsDir_).filePath(e.file);
    case StateRole:
        // A partial file from an earlier session reads as paused.
        if (d && d->state() == DownloadState::Idle && d->receivedBytes() > 0) return QStringLiteral("paused");
        return d ? stateKey(d->state()) : QStringLiteral("idle");
    case ProgressRole:
        return d && d->totalBytes() > 0 ? double(d->receivedBytes()) / double(d->totalBytes()) : 0.0;
    case TransferTextRole: {
        if (!d || d->totalBytes() <= 0) return QString();
        QString text = tr("%1 of %2").arg(bytesText(d->receivedBytes()), bytesText(d->totalBytes()));
        if (d->state() == DownloadState::Downloading && d->bytesPerSecond() > 0) {
            text += QStringLiteral(" · ") + tr("%1/s").arg(bytesText(qint64(d->bytesPerSecond())));
            const int left = d->secondsLeft();
            if (left >= 0)
                text += QStringLiteral(" · ") + (left < 90 ? tr("%n second(s) left", "", left)
                                                           : tr("%n minute(s) left", "", (left + 30) / 60));
        }
        return text;
    }
    case ErrorRole:
        return d && d->state() == DownloadState::Failed ? d->errorText() : QString();
    case UpdateRole:
        return installed_[row] ? updates_.value(e.id) : QString();
    }
    return {};
}

void CatalogListModel::setBudget(const MemoryBudget& budget, int context, const QString& uiLanguage) {
    budget_ = budget;
    const auto& entries = catalog_.entries();
    QList<int> candidates;
    for (int i = 0; i < entries.size(); ++i) {
        fits_[i] = estimateFit(entries[i].footprint(budget.backend), context, budget.bytes);
        recommended_[i] = false;
        // Room to spare: the desktop and the browser keep running beside the model.
        if (fits_[i].verdict == Fit::Fits && fits_[i].neededBytes <= budget.bytes / 4 * 3 &&
            usableSpeed(entries[i], budget))
            candidates << i;
    }
    // The badge: the two largest models that fit comfortably and answer at a usable speed, in the UI
    // language when some do.
    const QString lang = uiLanguage.left(2);
    std::stable_sort(candidates.begin(), candidates.end(), [&](int a, int b) {
        const bool la = entries[a].languages.contains(lang), lb = entries[b].languages.contains(lang);
        if (la != lb) return la;
        return entries[a].parametersBillions > entries[b].parametersBillions;
    });
    for (int i = 0; i < std::min<qsizetype>(2, candidates.size()); ++i)
        recommended_[candidates[i]] = true;
    if (!entries.isEmpty()) emit dataChanged(index(0), index(int(entries.size()) - 1));
}

QString CatalogListModel::recommendedWhy() const {
    if (!budget_.device.isEmpty())
        return tr("Recommended: fits the free memory of %1 and runs on it").arg(budget_.device);
    if (budget_.cpuCores > 0)
        return tr("Recommended: fits this PC's memory and runs at a usable speed on its %n CPU core(s)", "",
                  budget_.cpuCores);
    return tr("Recommended: fits this PC's memory");
}

void CatalogListModel::attach(const QString& id, ModelDownload* download) {
    downloads_.insert(id, download);
    const int row = rowOf(id);
    connect(download, &ModelDownload::progressChanged, this, [this, row] { changed(row); });
    connect(download, &ModelDownload::stateChanged, this, [this, row, id, download] {
        if (download->state() == DownloadState::Finished) updates_.remove(id); // it is the new one now
        refreshInstalled();
        changed(row);
    });
    changed(row);
}

void CatalogListModel::detach(const QString& id) {
    if (ModelDownload* d = downloads_.take(id)) d->disconnect(this);
    changed(rowOf(id));
}

void CatalogListModel::setModelsDir(const QString& dir) {
    modelsDir_ = dir;
    refreshInstalled();
    if (rowCount() > 0) emit dataChanged(index(0), index(rowCount() - 1)); // every row's path
}

void CatalogListModel::refreshInstalled() {
    for (int i = 0; i < catalog_.entries().size(); ++i) {
        const bool now = QFileInfo::exists(QDir(modelsDir_).filePath(catalog_.entries()[i].file));
        if (now == installed_[i]) continue;
        installed_[i] = now;
        changed(i);
    }
}

void CatalogListModel::setUpdate(const QString& id, const QString& update) {
    updates_.insert(id, update);
    changed(rowOf(id));
}

void CatalogListModel::changed(int row) {
    if (row >= 0 && row < rowCount()) emit dataChanged(index(row), index(row));
}

} // namespace sosoik::app
