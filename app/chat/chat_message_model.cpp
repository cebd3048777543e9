#include "chat/chat_message_model.h"

#include "chat/markdown_segments.h"

namespace sosoik::app {

int ChatMessageModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(rows_.size());
}

QVariant ChatMessageModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rows_.size()) return {};
    const ChatRow& r = rows_.at(index.row());
    switch (role) {
    case IdRole:
        return r.id;
    case RoleRole:
        return r.role;
    case Qt::DisplayRole:
    case ContentRole:
        return r.content;
    case SegmentsRole:
        return segmentsForQml(r.content);
    case StreamingRole:
        return r.streaming;
    case CreatedRole:
        return r.created;
    case TokensRole:
        return r.completionTokens;
    case NoteRole:
        return r.note;
    case IsLastRole:
        return index.row() == rows_.size() - 1;
    default:
        return {};
    }
}

QHash<int, QByteArray> ChatMessageModel::roleNames() const {
    return {{IdRole, "messageId"},      {RoleRole, "role"},           {ContentRole, "content"},
            {SegmentsRole, "segments"}, {StreamingRole, "streaming"}, {CreatedRole, "created"},
            {TokensRole, "tokens"},     {NoteRole, "note"},           {IsLastRole, "isLast"}};
}

void ChatMessageModel::setRows(const QList<ChatRow>& rows) {
    beginResetModel();
    rows_ = rows;
    endResetModel();
    emit countChanged();
}

int ChatMessageModel::append(const ChatRow& row) {
    const int index = int(rows_.size());
    beginInsertRows({}, index, index);
    rows_.append(row);
    endInsertRows();
    if (index > 0) changed(index - 1, {IsLastRole});
    emit countChanged();
    return index;
}

void ChatMessageModel::appendText(int row, const QString& chunk) {
    if (row < 0 || row >= rows_.size() || chunk.isEmpty()) return;
    rows_[row].content += chunk;
    changed(row, {ContentRole, SegmentsRole, Qt::DisplayRole});
}

void ChatMessageModel::setContent(int row, const QString& content) {
    if (row < 0 || row >= rows_.size()) return;
    rows_[row].content = content;
    changed(row, {ContentRole, SegmentsRole, Qt::DisplayRole});
}

void ChatMessageModel::setStreaming(int row, bool streaming) {
    if (row < 0 || row >= rows_.size() || rows_[row].streaming == streaming) return;
    rows_[row].streaming = streaming;
    changed(row, {StreamingRole});
}

void ChatMessageModel::setTokens(int row, int completionTokens) {
    if (row < 0 || row >= rows_.size()) return;
    rows_[row].completionTokens = completionTokens;
    changed(row, {TokensRole});
}

void ChatMessageModel::setNote(int row, const QString& note) {
    if (row < 0 || row >= rows_.size()) return;
    rows_[row].note = note;
    changed(row, {NoteRole});
}

void ChatMessageModel::setId(int row, qint64 id) {
    if (row < 0 || row >= rows_.size()) return;
    rows_[row].id = id;
    changed(row, {IdRole});
}

void ChatMessageModel::removeFrom(int row) {
    if (row < 0 || row >= rows_.size()) return;
    beginRemoveRows({}, row, int(rows_.size()) - 1);
    rows_.erase(rows_.begin() + row, rows_.end());
    endRemoveRows();
    if (row > 0) changed(row - 1, {IsLastRole});
    emit countChanged();
}

void ChatMessageModel::removeAt(int row) {
    if (row < 0 || row >= rows_.size()) return;
    beginRemoveRows({}, row, row);
    rows_.removeAt(row);
    endRemoveRows();
    if (row > 0 && row == rows_.size()) changed(row - 1, {IsLastRole});
    emit countChanged();
}

int ChatMessageModel::rowOfId(qint64 id) const {
    for (int i = 0; i < rows_.size(); ++i)
        if (rows_[i].id == id) return i;
    return -1;
}

QString ChatMessageModel::contentAt(int row) const {
    return row >= 0 && row < rows_.size() ? rows_[row].content : QString();
}

void ChatMessageModel::changed(int row, const QList<int>& roles) {
    const QModelIndex i = index(row);
    emit dataChanged(i, i, roles);
}

} // namespace sosoik::app
