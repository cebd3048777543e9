#include "chat/chat_message_model.h"

#include "chat/markdown_segments.h"
#include "chat/thinking.h"

#include <utility>

namespace sosoik::app {

ChatMessageModel::ChatMessageModel(QObject* parent) : QAbstractListModel(parent) {
    frame_.setSingleShot(true);
    frame_.setInterval(kFrameMs);
    connect(&frame_, &QTimer::timeout, this, &ChatMessageModel::flush);
}

bool ChatMessageModel::updateThinking(ChatRow& r) {
    ThinkingSplit split;
    if (r.role == QLatin1String("assistant")) split = splitThinking(r.content, r.streaming);
    const bool moved = split.answerStart != r.answerStart;
    r.thinking = split.thinking;
    r.hasThinking = split.hasThinking;
    r.thinkingOpen = split.open;
    r.answerStart = split.answerStart;
    return moved;
}

void ChatMessageModel::updateBlocks(ChatRow& r, bool fromScratch) {
    if (updateThinking(r)) fromScratch = true;
    if (fromScratch) {
        r.settledBlocks.clear();
        r.settledChars = 0;
    }
    const QList<MarkdownBlock> blocks =
        splitMarkdownBlocks(QStringView(r.content).mid(r.answerStart + r.settledChars));
    // Every block but the last has a successor: it is final.
    for (qsizetype i = 0; i + 1 < blocks.size(); ++i)
        r.settledBlocks.append(segmentForQml(blocks[i].segment));
    if (blocks.size() > 1) r.settledChars += blocks[blocks.size() - 2].end;
    r.tailBlock = blocks.isEmpty() ? QVariantMap() : segmentForQml(blocks.last().segment);
}

void ChatMessageModel::contentChanged(int row) {
    ChatRow& r = rows_[row];
    const qsizetype settledBefore = r.settledBlocks.size();
    updateBlocks(r, false);
    QList<int> roles{ContentRole,  SegmentsRole,    Qt::DisplayRole,  TailBlockRole,
                     ThinkingRole, HasThinkingRole, ThinkingOpenRole, AnswerRole};
    if (r.settledBlocks.size() != settledBefore) roles.append(SettledBlocksRole);
    ++textNotifications_;
    changed(row, roles);
}

void ChatMessageModel::flush() {
    frame_.stop();
    const QSet<int> rows = std::exchange(dirtyRows_, {});
    for (int row : rows)
        if (row >= 0 && row < rows_.size()) contentChanged(row);
}

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
        return segmentsForQml(r.content.mid(r.answerStart));
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
    case SettledBlocksRole:
        return r.settledBlocks;
    case TailBlockRole:
        return r.tailBlock;
    case ThinkingRole:
        return r.thinking;
    case HasThinkingRole:
        return r.hasThinking;
    case ThinkingOpenRole:
        return r.thinkingOpen;
    case AnswerRole:
        return r.content.mid(r.answerStart);
    default:
        return {};
    }
}

QHash<int, QByteArray> ChatMessageModel::roleNames() const {
    return {{IdRole, "messageId"},
            {RoleRole, "role"},
            {ContentRole, "content"},
            {SegmentsRole, "segments"},
            {StreamingRole, "streaming"},
            {CreatedRole, "created"},
            {TokensRole, "tokens"},
            {NoteRole, "note"},
            {IsLastRole, "isLast"},
            {SettledBlocksRole, "settledBlocks"},
            {TailBlockRole, "tailBlock"},
            {ThinkingRole, "thinking"},
            {HasThinkingRole, "hasThinking"},
            {ThinkingOpenRole, "thinkingOpen"},
            {AnswerRole, "answer"}};
}

void ChatMessageModel::setRows(const QList<ChatRow>& rows) {
    frame_.stop();
    dirtyRows_.clear();
    beginResetModel();
    rows_ = rows;
    for (ChatRow& r : rows_)
        updateBlocks(r, true);
    endResetModel();
    emit countChanged();
}

int ChatMessageModel::append(const ChatRow& row) {
    flush();
    const int index = int(rows_.size());
    beginInsertRows({}, index, index);
    rows_.append(row);
    updateBlocks(rows_.last(), true);
    endInsertRows();
    if (index > 0) changed(index - 1, {IsLastRole});
    emit countChanged();
    return index;
}

void ChatMessageModel::appendText(int row, const QString& chunk) {
    if (row < 0 || row >= rows_.size() || chunk.isEmpty()) return;
    rows_[row].content += chunk;
    // Tokens arrive hundreds of times a second on small models; views get them at kFrameMs.
    dirtyRows_.insert(row);
    if (!frame_.isActive()) frame_.start();
}

void ChatMessageModel::setContent(int row, const QString& content) {
    if (row < 0 || row >= rows_.size()) return;
    dirtyRows_.remove(row);
    rows_[row].content = content;
    updateBlocks(rows_[row], true);
    ++textNotifications_;
    changed(row, {ContentRole, SegmentsRole, Qt::DisplayRole, SettledBlocksRole, TailBlockRole, ThinkingRole,
                  HasThinkingRole, ThinkingOpenRole, AnswerRole});
}

void ChatMessageModel::setStreaming(int row, bool streaming) {
    if (!streaming) flush(); // the finished answer shows all its text at once
    if (row < 0 || row >= rows_.size() || rows_[row].streaming == streaming) return;
    rows_[row].streaming = streaming;
    // A held-back "<thi" is shown as text once the answer is complete.
    if (updateThinking(rows_[row])) {
        updateBlocks(rows_[row], true);
        changed(row, {StreamingRole, SettledBlocksRole, TailBlockRole, ThinkingRole, HasThinkingRole,
                      ThinkingOpenRole, AnswerRole, SegmentsRole});
        return;
    }
    changed(row, {StreamingRole, ThinkingOpenRole});
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
    flush();
    if (row < 0 || row >= rows_.size()) return;
    beginRemoveRows({}, row, int(rows_.size()) - 1);
    rows_.erase(rows_.begin() + row, rows_.end());
    endRemoveRows();
    if (row > 0) changed(row - 1, {IsLastRole});
    emit countChanged();
}

void ChatMessageModel::removeAt(int row) {
    flush();
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
