#include "models/recent_models.h"
#include "library/model_name.h"

#include <QFileInfo>

namespace sosoik::app {
namespace {
const QString kGroup = QStringLiteral("recentModels");
}

RecentModels::RecentModels(QSettings* store, QObject* parent) : QAbstractListModel(parent), store_(store) {
    const int n = store_->beginReadArray(kGroup);
    for (int i = 0; i < n && i < kMaxEntries; ++i) {
        store_->setArrayIndex(i);
        ModelDetails d;
        d.path = store_->value(QStringLiteral("path")).toString();
        d.name = store_->value(QStringLiteral("name")).toString();
        d.fileBytes = store_->value(QStringLiteral("bytes")).toLongLong();
        d.quantization = store_->value(QStringLiteral("quantization")).toString();
        d.trainedContext = store_->value(QStringLiteral("context")).toInt();
        if (!d.path.isEmpty()) entries_.append(d);
    }
    store_->endArray();
}

int RecentModels::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(entries_.size());
}

QVariant RecentModels::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= entries_.size()) return {};
    const ModelDetails& d = entries_.at(index.row());
    switch (role) {
    case PathRole:
        return d.path;
    case Qt::DisplayRole:
    case NameRole: {
        const QString builtin = builtinName_ ? builtinName_(d.path) : QString();
        if (!builtin.isEmpty()) return builtin;
        // Entries remembered before names were made readable still hold the GGUF's own.
        return readableModelName(d.name, d.path);
    }
    case SizeRole:
        return d.fileBytes;
    case QuantizationRole:
        return d.quantization;
    case ContextRole:
        return d.trainedContext;
    case ExistsRole:
        return QFileInfo::exists(d.path);
    default:
        return {};
    }
}

QHash<int, QByteArray> RecentModels::roleNames() const {
    return {{PathRole, "path"},
            {NameRole, "name"},
            {SizeRole, "fileBytes"},
            {QuantizationRole, "quantization"},
            {ContextRole, "contextLength"},
            {ExistsRole, "exists"}};
}

void RecentModels::remember(const ModelDetails& details) {
    beginResetModel();
    entries_.removeIf([&](const ModelDetails& d) { return d.path == details.path; });
    entries_.prepend(details);
    while (entries_.size() > kMaxEntries)
        entries_.removeLast();
    endResetModel();
    save();
    emit countChanged();
}

void RecentModels::forget(const QString& path) {
    for (int i = 0; i < entries_.size(); ++i) {
        if (entries_[i].path != path) continue;
        beginRemoveRows({}, i, i);
        entries_.removeAt(i);
        endRemoveRows();
        save();
        emit countChanged();
        return;
    }
}

void RecentModels::setBuiltinName(std::function<QString(const QString&)> builtinName) {
    builtinName_ = std::move(builtinName);
    retranslate();
}

void RecentModels::retranslate() {
    if (!entries_.isEmpty())
        emit dataChanged(index(0), index(int(entries_.size()) - 1), {NameRole, Qt::DisplayRole});
}

QString RecentModels::pathAt(int row) const {
    return row >= 0 && row < entries_.size() ? entries_[row].path : QString();
}

void RecentModels::save() {
    store_->remove(kGroup);
    store_->beginWriteArray(kGroup, int(entries_.size()));
    for (int i = 0; i < entries_.size(); ++i) {
        store_->setArrayIndex(i);
        const ModelDetails& d = entries_[i];
        store_->setValue(QStringLiteral("path"), d.path);
        store_->setValue(QStringLiteral("name"), d.name);
        store_->setValue(QStringLiteral("bytes"), d.fileBytes);
        store_->setValue(QStringLiteral("quantization"), d.quantization);
        store_->setValue(QStringLiteral("context"), d.trainedContext);
    }
    store_->endArray();
    store_->sync();
}

} // namespace sosoik::app
