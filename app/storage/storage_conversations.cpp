// Storage: conversations (create, list, rename, settings, soft delete / restore / purge).
#include "storage/storage.h"
#include "storage/storage_sql.h"

namespace sosoik::storage {

namespace {
// "Last activity" must order strictly even when two writes land in the same millisecond or the clock
// steps back, so the activity clock never goes below the newest stored value.
const char* const kNextActivity = "MAX(:now, (SELECT IFNULL(MAX(updated), 0) + 1 FROM conversations))";
} // namespace

qint64 Storage::createConversation(ConversationKind kind, const QString& title, const QString& systemPrompt,
                                   const GenerationSettings& settings, const QString& modelPath) {
    if (!isOpen()) return fail(tr("The conversation database is not open.")), 0;
    QSqlQuery q(database());
    q.prepare(
        QStringLiteral("INSERT INTO conversations (title, created, updated, system_prompt, model_path, kind, "
                       "temperature, top_p, top_k, max_new_tokens, context_length) VALUES (:title, :now, %1, "
                       ":system, :model, :kind, :t, :p, :k, :n, :c)")
            .arg(QLatin1String(kNextActivity)));
    q.bindValue(QStringLiteral(":title"), sql::text(title.trimmed()));
    q.bindValue(QStringLiteral(":now"), sql::nowMs());
    q.bindValue(QStringLiteral(":system"), sql::text(systemPrompt));
    q.bindValue(QStringLiteral(":model"), sql::text(modelPath));
    q.bindValue(QStringLiteral(":kind"), kindToString(kind));
    q.bindValue(QStringLiteral(":t"), sql::orNull(settings.temperature));
    q.bindValue(QStringLiteral(":p"), sql::orNull(settings.topP));
    q.bindValue(QStringLiteral(":k"), sql::orNull(settings.topK));
    q.bindValue(QStringLiteral(":n"), sql::orNull(settings.maxNewTokens));
    q.bindValue(QStringLiteral(":c"), sql::orNull(settings.contextLength));
    if (!exec(q)) return 0;
    const qint64 id = q.lastInsertId().toLongLong();
    emit conversationAdded(id);
    return id;
}

QList<Conversation> Storage::queryConversations(const QString& where, int limit) const {
    QList<Conversation> list;
    if (!isOpen()) return list;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT %1 FROM conversations WHERE %2 ORDER BY updated DESC, id DESC LIMIT :limit")
            .arg(QLatin1String(sql::kConversationColumns), where));
    q.bindValue(QStringLiteral(":limit"), limit);
    if (!exec(q)) return list;
    while (q.next())
        list.append(sql::readConversation(q));
    return list;
}

QList<Conversation> Storage::conversations(int limit) const {
    return queryConversations("deleted = 0", limit);
}
QList<Conversation> Storage::deletedConversations() const {
    return queryConversations("deleted != 0", -1);
}

std::optional<Conversation> Storage::conversation(qint64 id) const {
    if (!isOpen()) return std::nullopt;
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT %1 FROM conversations WHERE id = ?")
                  .arg(QLatin1String(sql::kConversationColumns)));
    q.addBindValue(id);
    if (!exec(q) || !q.next()) return std::nullopt;
    return sql::readConversation(q);
}

bool Storage::touchLocked(qint64 id) {
    QSqlQuery q(database());
    q.prepare(QStringLiteral("UPDATE conversations SET updated = %1 WHERE id = :id")
                  .arg(QLatin1String(kNextActivity)));
    q.bindValue(QStringLiteral(":now"), sql::nowMs());
    q.bindValue(QStringLiteral(":id"), id);
    return exec(q);
}

bool Storage::setConversationField(qint64 id, const char* column, const QVariant& value, bool touchIt) {
    if (!begin()) return false;
    QSqlQuery q(database());
    q.prepare(QStringLiteral("UPDATE conversations SET %1 = ? WHERE id = ?").arg(QLatin1String(column)));
    q.addBindValue(value);
    q.addBindValue(id);
    bool ok = exec(q);
    if (ok && q.numRowsAffected() == 0) ok = fail(tr("Conversation %1 does not exist.").arg(id));
    if (ok && touchIt) ok = touchLocked(id);
    if (!commitOrRollback(ok)) return false;
    emit conversationChanged(id);
    return true;
}

bool Storage::setTitle(qint64 id, const QString& title) {
    return setConversationField(id, "title", sql::text(title.simplified()), false);
}
bool Storage::setSystemPrompt(qint64 id, const QString& systemPrompt) {
    return setConversationField(id, "system_prompt", sql::text(systemPrompt), false);
}
bool Storage::setModelPath(qint64 id, const QString& modelPath) {
    return setConversationField(id, "model_path", sql::text(modelPath), false);
}

bool Storage::setSettings(qint64 id, const GenerationSettings& s) {
    if (!begin()) return false;
    QSqlQuery q(database());
    q.prepare(
        QStringLiteral("UPDATE conversations SET temperature = ?, top_p = ?, top_k = ?, max_new_tokens = ?, "
                       "context_length = ? WHERE id = ?"));
    q.addBindValue(sql::orNull(s.temperature));
    q.addBindValue(sql::orNull(s.topP));
    q.addBindValue(sql::orNull(s.topK));
    q.addBindValue(sql::orNull(s.maxNewTokens));
    q.addBindValue(sql::orNull(s.contextLength));
    q.addBindValue(id);
    bool ok = exec(q);
    if (ok && q.numRowsAffected() == 0) ok = fail(tr("Conversation %1 does not exist.").arg(id));
    if (!commitOrRollback(ok)) return false;
    emit conversationChanged(id);
    return true;
}

bool Storage::touch(qint64 id) {
    if (!begin()) return false;
    if (!commitOrRollback(touchLocked(id))) return false;
    emit conversationChanged(id);
    return true;
}

bool Storage::deleteConversation(qint64 id) {
    if (!setConversationField(id, "deleted", sql::nowMs(), false)) return false;
    emit conversationRemoved(id);
    return true;
}

bool Storage::restoreConversation(qint64 id) {
    if (!setConversationField(id, "deleted", 0, false)) return false;
    emit conversationRestored(id);
    return true;
}

bool Storage::deleteConversationPermanently(qint64 id) {
    if (!begin()) return false;
    QSqlQuery q(database());
    q.prepare(QStringLiteral("DELETE FROM conversations WHERE id = ?"));
    q.addBindValue(id);
    const bool removed = exec(q) && q.numRowsAffected() > 0;
    if (!commitOrRollback(removed)) return false;
    emit conversationRemoved(id);
    return true;
}

int Storage::purgeDeletedConversations() {
    const QList<Conversation> doomed = deletedConversations();
    if (doomed.isEmpty()) return 0;
    if (!begin()) return -1;
    QSqlQuery q(database());
    q.prepare(QStringLiteral("DELETE FROM conversations WHERE deleted != 0"));
    if (!commitOrRollback(exec(q))) return -1;
    return int(doomed.size());
}

QString Storage::autoTitle(const QString& firstUserMessage) {
    constexpr int kMaxLength = 48;
    QString line;
    for (const QString& candidate : firstUserMessage.split(QLatin1Char('\n'))) {
        line = candidate.simplified();
        if (!line.isEmpty()) break;
    }
    if (line.size() <= kMaxLength) return line;
    // Cut at a word boundary when one is near, and never inside a surrogate pair.
    int cut = kMaxLength;
    const int space = line.lastIndexOf(QLatin1Char(' '), kMaxLength);
    if (space > kMaxLength / 2) cut = space;
    if (line.at(cut - 1).isHighSurrogate()) --cut;
    return line.left(cut).trimmed() + QChar(0x2026);
}

} // namespace sosoik::storage
