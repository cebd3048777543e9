#include "history/conversation_list_model.h"

#include "storage/storage.h"

namespace sosoik::history {

using storage::Conversation;

namespace {
bool before(const Conversation& a, const Conversation& b) {
    return a.updated != b.updated ? a.updated > b.updated : a.id > b.id;
}
} // namespace

ConversationListModel::ConversationListModel(storage::Storage* storage, QObject* parent)
    : QAbstractListModel(parent), storage_(storage) {
    connect(storage_, &storage::Storage::conversationAdded, this, &ConversationListModel::onAdded);
    connect(storage_, &storage::Storage::conversationChanged, this, &ConversationListModel::onChanged);
    connect(storage_, &storage::Storage::conversationRestored, this, &ConversationListModel::onChanged);
    connect(storage_, &storage::Storage::conversationRemoved, this, &ConversationListModel::onRemoved);
    reload();
}

int ConversationListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(rows_.size());
}

QVariant ConversationListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rows_.size()) return {};
    const Conversation& c = rows_.at(index.row());
    switch (role) {
    case ConversationIdRole:
        return c.id;
    case Qt::DisplayRole:
    case TitleRole:
        return c.title;
    case UpdatedRole:
        return c.updated;
    case KindRole:
        return storage::kindToString(c.kind);
    case AgeGroupRole:
        return ageGroup(c.updated, QDateTime::currentDateTime());
    default:
        return {};
    }
}

QHash<int, QByteArray> ConversationListModel::roleNames() const {
    return {{ConversationIdRole, "conversationId"},
            {TitleRole, "title"},
            {UpdatedRole, "updated"},
            {KindRole, "kind"},
            {AgeGroupRole, "ageGroup"}};
}

void ConversationListModel::reload() {
    beginResetModel();
    rows_ = storage_->conversations();
    endResetModel();
    emit countChanged();
}

int ConversationListModel::indexOf(qint64 conversationId) const {
    for (int i = 0; i < rows_.size(); ++i)
        if (rows_.at(i).id == conversationId) return i;
    return -1;
}

qint64 ConversationListModel::conversationIdAt(int row) const {
    return row >= 0 && row < rows_.size() ? rows_.at(row).id : 0;
}

QString ConversationListModel::titleOf(qint64 conversationId) const {
    const int row = indexOf(conversationId);
    return row >= 0 ? rows_.at(row).title : QString();
}

qint64 ConversationListModel::newConversation(const QString& kind) {
    const auto wanted = storage::kindFromString(kind);
    if (!rows_.isEmpty()) {
        const Conversation& top = rows_.first();
        if (top.title.isEmpty() && top.kind == wanted && storage_->messageCount(top.id) == 0) return top.id;
    }
    return storage_->createConversation(wanted);
}

bool ConversationListModel::rename(qint64 conversationId, const QString& title) {
    return storage_->setTitle(conversationId, title);
}

bool ConversationListModel::remove(qint64 conversationId) {
    const int row = indexOf(conversationId);
    const Conversation kept =
        row >= 0 ? rows_.at(row) : storage_->conversation(conversationId).value_or(Conversation{});
    if (!storage_->deleteConversation(conversationId)) return false;
    removed_.append(kept);
    emit undoChanged();
    return true;
}

qint64 ConversationListModel::undoRemove() {
    while (!removed_.isEmpty()) {
        const Conversation c = removed_.takeLast();
        if (storage_->restoreConversation(c.id)) {
            emit undoChanged();
            return c.id;
        }
    }
    emit undoChanged();
    return 0;
}

void ConversationListModel::clearUndo() {
    if (removed_.isEmpty()) return;
    removed_.clear();
    emit undoChanged();
}

QString ConversationListModel::undoTitle() const {
    return removed_.isEmpty() ? QString() : removed_.last().title;
}

QString ConversationListModel::ageGroup(const QDateTime& time, const QDateTime& now) {
    const qint64 days = time.date().daysTo(now.date());
    if (days <= 0) return QStringLiteral("today");
    if (days == 1) return QStringLiteral("yesterday");
    if (days < 7) return QStringLiteral("week");
    return QStringLiteral("older");
}

int ConversationListModel::sortedPosition(const Conversation& c, int ignoreRow) const {
    int pos = 0;
    for (int i = 0; i < rows_.size(); ++i) {
        if (i == ignoreRow) continue;
        if (before(rows_.at(i), c))
            ++pos;
        else
            break;
    }
    return pos;
}

void ConversationListModel::place(const Conversation& c) {
    const int row = indexOf(c.id);
    if (row < 0) {
        const int pos = sortedPosition(c, -1);
        beginInsertRows({}, pos, pos);
        rows_.insert(pos, c);
        endInsertRows();
        emit countChanged();
        return;
    }
    const int pos = sortedPosition(c, row); // position among the other rows
    if (pos != row) {
        // Qt's move API counts the destination before the move when moving down.
        beginMoveRows({}, row, row, {}, pos > row ? pos + 1 : pos);
        rows_.move(row, pos);
        endMoveRows();
    }
    rows_[pos] = c;
    emit dataChanged(index(pos), index(pos));
}

void ConversationListModel::onAdded(qint64 id) {
    onChanged(id);
}

void ConversationListModel::onChanged(qint64 id) {
    const auto c = storage_->conversation(id);
    if (!c || c->deleted) return onRemoved(id);
    place(*c);
}

void ConversationListModel::onRemoved(qint64 id) {
    const int row = indexOf(id);
    if (row < 0) return;
    beginRemoveRows({}, row, row);
    rows_.removeAt(row);
    endRemoveRows();
    emit countChanged();
}

} // namespace sosoik::history
