// Storage: messages, including answers that are written while they stream.
#include "storage/storage.h"
#include "storage/storage_sql.h"

#include <QJsonDocument>

namespace sosoik::storage {

qint64 Storage::addMessage(qint64 conversationId, const QString& role, const QString& content) {
    Message m;
    m.conversationId = conversationId;
    m.role = role;
    m.content = content;
    return addMessage(m);
}

namespace {

const char* const kInsertMessage =
    "INSERT INTO messages (conversation_id, role, content, created, model, prompt_tokens, completion_tokens, "
    "settings, finished, stop_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

void bindMessage(QSqlQuery& q, qint64 conversationId, const Message& m) {
    q.addBindValue(conversationId);
    q.addBindValue(m.role);
    q.addBindValue(sql::text(m.content));
    q.addBindValue(m.created.isValid() ? m.created.toMSecsSinceEpoch() : sql::nowMs());
    q.addBindValue(sql::text(m.model));
    q.addBindValue(m.promptTokens);
    q.addBindValue(m.completionTokens);
    q.addBindValue(QJsonDocument(m.settings.toJson()).toJson(QJsonDocument::Compact));
    q.addBindValue(m.finished ? 1 : 0);
    q.addBindValue(sql::text(m.stopReason));
}

} // namespace

bool Storage::autoTitleLocked(qint64 conversationId, const QString& firstUserMessage) {
    // Auto-title: only an untitled conversation takes its first user message as its name.
    QSqlQuery title(database());
    title.prepare(QStringLiteral("UPDATE conversations SET title = ? WHERE id = ? AND title = ''"));
    title.addBindValue(sql::text(autoTitle(firstUserMessage)));
    title.addBindValue(conversationId);
    return exec(title);
}

qint64 Storage::addMessage(const Message& m) {
    if (m.role.isEmpty()) return fail(tr("A message needs a role.")), 0;
    if (!begin()) return 0;
    QSqlQuery q(database());
    q.prepare(QLatin1String(kInsertMessage));
    bindMessage(q, m.conversationId, m);
    bool ok = exec(q);
    const qint64 id = ok ? q.lastInsertId().toLongLong() : 0;
    if (ok) ok = touchLocked(m.conversationId);
    if (ok && m.role == QLatin1String("user")) ok = autoTitleLocked(m.conversationId, m.content);
    if (!commitOrRollback(ok)) return 0;
    emit messagesChanged(m.conversationId);
    emit conversationChanged(m.conversationId);
    return id;
}

bool Storage::addMessages(qint64 conversationId, const QList<Message>& messages,
                          const std::function<void(double)>& progress) {
    for (const Message& m : messages)
        if (m.role.isEmpty()) return fail(tr("A message needs a role."));
    if (!begin()) return false;
    // One prepared statement and one signal for the lot: per-message signals made every listener reload
    // once per message (an import of 20,000 messages took 29 s on the UI thread).
    QSqlQuery q(database());
    bool ok = q.prepare(QLatin1String(kInsertMessage));
    const Message* firstUser = nullptr;
    for (qsizetype i = 0; ok && i < messages.size(); ++i) {
        const Message& m = messages.at(i);
        bindMessage(q, conversationId, m);
        ok = exec(q);
        if (!firstUser && m.role == QLatin1String("user")) firstUser = &m;
        if (progress && i % 64 == 0) progress(double(i) / double(messages.size()));
    }
    if (ok) ok = touchLocked(conversationId);
    if (ok && firstUser) ok = autoTitleLocked(conversationId, firstUser->content);
    if (!commitOrRollback(ok)) return false;
    emit messagesChanged(conversationId);
    emit conversationChanged(conversationId);
    return true;
}

qint64 Storage::beginMessage(qint64 conversationId, const QString& role, const QString& model,
                             const GenerationSettings& settings) {
    Message m;
    m.conversationId = conversationId;
    m.role = role;
    m.model = model;
    m.settings = settings;
    m.finished = false;
    return addMessage(m);
}

bool Storage::updateMessageContent(qint64 messageId, const QString& content) {
    if (!isOpen()) return fail(tr("The conversation database is not open."));
    QSqlQuery q(database());
    q.prepare(QStringLiteral("UPDATE messages SET content = ? WHERE id = ?"));
    q.addBindValue(sql::text(content));
    q.addBindValue(messageId);
    if (!exec(q)) return false;
    if (q.numRowsAffected() == 0) return fail(tr("Message %1 does not exist.").arg(messageId));
    return true;
}

bool Storage::appendToMessage(qint64 messageId, const QString& chunk) {
    if (!isOpen()) return fail(tr("The conversation database is not open."));
    QSqlQuery q(database());
    q.prepare(QStringLiteral("UPDATE messages SET content = content || ? WHERE id = ?"));
    q.addBindValue(sql::text(chunk));
    q.addBindValue(messageId);
    if (!exec(q)) return false;
    if (q.numRowsAffected() == 0) return fail(tr("Message %1 does not exist.").arg(messageId));
    return true;
}

bool Storage::setMessageTokens(qint64 messageId, int promptTokens, int completionTokens) {
    if (!isOpen()) return fail(tr("The conversation database is not open."));
    QSqlQuery q(database());
    q.prepare(
        QStringLiteral("UPDATE messages SET prompt_tokens = CASE WHEN ? < 0 THEN prompt_tokens ELSE ? END, "
                       "completion_tokens = CASE WHEN ? < 0 THEN completion_tokens ELSE ? END WHERE id = ?"));
    q.addBindValue(promptTokens);
    q.addBindValue(promptTokens);
    q.addBindValue(completionTokens);
    q.addBindValue(completionTokens);
    q.addBindValue(messageId);
    if (!exec(q)) return false;
    if (q.numRowsAffected() == 0) return fail(tr("Message %1 does not exist.").arg(messageId));
    return true;
}

bool Storage::finishMessage(qint64 messageId, int promptTokens, int completionTokens,
                            const QString& stopReason) {
    const std::optional<Message> m = message(messageId);
    if (!m) return fail(tr("Message %1 does not exist.").arg(messageId));
    if (!begin()) return false;
    bool ok = setMessageTokens(messageId, promptTokens, completionTokens);
    if (ok) {
        QSqlQuery q(database());
        q.prepare(QStringLiteral("UPDATE messages SET finished = 1, stop_reason = ? WHERE id = ?"));
        q.addBindValue(sql::text(stopReason));
        q.addBindValue(messageId);
        ok = exec(q);
    }
    if (ok) ok = touchLocked(m->conversationId);
    if (!commitOrRollback(ok)) return false;
    emit messagesChanged(m->conversationId);
    emit conversationChanged(m->conversationId);
    return true;
}

std::optional<Message> Storage::message(qint64 id) const {
    if (!isOpen()) return std::nullopt;
    QSqlQuery q(database());
    q.prepare(
        QStringLiteral("SELECT %1 FROM messages WHERE id = ?").arg(QLatin1String(sql::kMessageColumns)));
    q.addBindValue(id);
    if (!exec(q) || !q.next()) return std::nullopt;
    return sql::readMessage(q);
}

QList<Message> Storage::messages(qint64 conversationId) const {
    QList<Message> list;
    if (!isOpen()) return list;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM messages WHERE conversation_id = ? ORDER BY id")
                  .arg(QLatin1String(sql::kMessageColumns)));
    q.addBindValue(conversationId);
    if (!exec(q)) return list;
    while (q.next())
        list.append(sql::readMessage(q));
    return list;
}

int Storage::messageCount(qint64 conversationId) const {
    if (!isOpen()) return -1;
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM messages WHERE conversation_id = ?"));
    q.addBindValue(conversationId);
    if (!exec(q) || !q.next()) return -1;
    return q.value(0).toInt();
}

bool Storage::deleteMessagesWhere(qint64 conversationId, const char* op, qint64 messageId) {
    if (!begin()) return false;
    QSqlQuery q(database());
    q.prepare(
        QStringLiteral("DELETE FROM messages WHERE conversation_id = ? AND id %1 ?").arg(QLatin1String(op)));
    q.addBindValue(conversationId);
    q.addBindValue(messageId);
    if (!commitOrRollback(exec(q))) return false;
    emit messagesChanged(conversationId);
    return true;
}

bool Storage::deleteMessage(qint64 messageId) {
    const std::optional<Message> m = message(messageId);
    if (!m) return fail(tr("Message %1 does not exist.").arg(messageId));
    return deleteMessagesWhere(m->conversationId, "=", messageId);
}

bool Storage::deleteMessagesFrom(qint64 conversationId, qint64 fromMessageId) {
    return deleteMessagesWhere(conversationId, ">=", fromMessageId);
}

bool Storage::deleteMessagesAfter(qint64 conversationId, qint64 afterMessageId) {
    return deleteMessagesWhere(conversationId, ">", afterMessageId);
}

} // namespace sosoik::storage
