#include "history/search_results_model.h"

#include "storage/storage.h"

#include <QElapsedTimer>

namespace sosoik::history {

SearchResultsModel::SearchResultsModel(storage::Storage* storage, QObject* parent)
    : QAbstractListModel(parent), storage_(storage) {
    debounce_.setSingleShot(true);
    debounce_.setInterval(150);
    connect(&debounce_, &QTimer::timeout, this, &SearchResultsModel::searchNow);
    connect(storage_, &storage::Storage::messagesChanged, this, &SearchResultsModel::scheduleRefresh);
    connect(storage_, &storage::Storage::conversationChanged, this, &SearchResultsModel::scheduleRefresh);
    connect(storage_, &storage::Storage::conversationRemoved, this, &SearchResultsModel::scheduleRefresh);
    connect(storage_, &storage::Storage::conversationRestored, this, &SearchResultsModel::scheduleRefresh);
}

int SearchResultsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(hits_.size());
}

QVariant SearchResultsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= hits_.size()) return {};
    const storage::SearchHit& h = hits_.at(index.row());
    switch (role) {
    case ConversationIdRole:
        return h.conversationId;
    case MessageIdRole:
        return h.messageId;
    case TitleRole:
        return h.conversationTitle;
    case Qt::DisplayRole:
    case SnippetRole:
        return h.snippetHtml;
    case RoleRole:
        return h.role;
    case CreatedRole:
        return h.created;
    case IsTitleMatchRole:
        return h.messageId == 0;
    default:
        return {};
    }
}

QHash<int, QByteArray> SearchResultsModel::roleNames() const {
    return {{ConversationIdRole, "conversationId"},
            {MessageIdRole, "messageId"},
            {TitleRole, "title"},
            {SnippetRole, "snippet"},
            {RoleRole, "role"},
            {CreatedRole, "created"},
            {IsTitleMatchRole, "isTitleMatch"}};
}

void SearchResultsModel::setQuery(const QString& query) {
    if (query == query_) return;
    query_ = query;
    emit queryChanged();
    if (active()) {
        debounce_.start();
    } else {
        debounce_.stop();
        searchNow(); // clearing is instant
    }
}

void SearchResultsModel::setLimit(int limit) {
    if (limit == limit_ || limit <= 0) return;
    limit_ = limit;
    emit limitChanged();
    scheduleRefresh();
}

void SearchResultsModel::setDebounceMs(int ms) {
    if (ms == debounce_.interval() || ms < 0) return;
    debounce_.setInterval(ms);
    emit debounceMsChanged();
}

void SearchResultsModel::scheduleRefresh() {
    if (active()) debounce_.start();
}

void SearchResultsModel::searchNow() {
    debounce_.stop();
    QElapsedTimer timer;
    timer.start();
    QList<storage::SearchHit> hits =
        active() ? storage_->search(query_, limit_) : QList<storage::SearchHit>{};
    lastSearchMs_ = timer.elapsed();
    beginResetModel();
    hits_ = std::move(hits);
    endResetModel();
    emit countChanged();
}

void SearchResultsModel::clear() {
    setQuery(QString());
}

} // namespace sosoik::history
