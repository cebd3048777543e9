// Storage: full-text search over messages and titles (trigram FTS5 with a LIKE fallback for terms
// of 1-2 characters, which a trigram index cannot answer — e.g. Korean words like "서울").
#include "storage/search_text.h"
#include "storage/storage.h"
#include "storage/storage_sql.h"

namespace sosoik::storage {

namespace {

// Conditions requiring every short term in column; the indexable ones are already required by MATCH.
QString shortTermConditions(const QStringList& terms, const QString& column, QStringList* patterns) {
    QString where;
    for (const QString& term : terms) {
        if (searchtext::isIndexable(term)) continue;
        where += QStringLiteral(" AND %1 LIKE ? ESCAPE '\\'").arg(column);
        patterns->append(searchtext::likePattern(term));
    }
    return where;
}

} // namespace

QList<SearchHit> Storage::search(const QString& query, int limit) const {
    QList<SearchHit> hits;
    const QStringList terms = searchtext::terms(query);
    if (terms.isEmpty() || !isOpen() || limit <= 0) return hits;

    // Titles first: a conversation named after the query is the most likely target.
    {
        QString where;
        QStringList patterns;
        for (const QString& term : terms) {
            where += QStringLiteral(" AND title LIKE ? ESCAPE '\\'");
            patterns.append(searchtext::likePattern(term));
        }
        QSqlQuery q(database());
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT id, title, updated FROM conversations WHERE deleted = 0%1 "
                                 "ORDER BY updated DESC LIMIT ?")
                      .arg(where));
        for (const QString& p : patterns)
            q.addBindValue(p);
        q.addBindValue(limit);
        if (!exec(q)) return hits;
        while (q.next()) {
            SearchHit hit;
            hit.conversationId = q.value(0).toLongLong();
            hit.conversationTitle = q.value(1).toString();
            hit.snippetHtml = searchtext::snippetHtml(hit.conversationTitle, terms);
            hit.created = sql::fromMs(q.value(2));
            hits.append(hit);
        }
    }
    if (hits.size() >= limit) return hits;

    const QString match = searchtext::ftsMatchExpression(terms);
    QStringList patterns;
    QString sqlText;
    if (!match.isEmpty()) {
        const QString extra = shortTermConditions(terms, QStringLiteral("m.content"), &patterns);
        sqlText =
            QStringLiteral("SELECT m.id, m.conversation_id, m.role, m.content, m.created, c.title "
                           "FROM messages_fts f JOIN messages m ON m.id = f.rowid "
                           "JOIN conversations c ON c.id = m.conversation_id "
                           "WHERE messages_fts MATCH ? AND c.deleted = 0%1 ORDER BY f.rowid DESC LIMIT ?")
                .arg(extra);
    } else {
        const QString extra = shortTermConditions(terms, QStringLiteral("m.content"), &patterns);
        sqlText = QStringLiteral("SELECT m.id, m.conversation_id, m.role, m.content, m.created, c.title "
                                 "FROM messages m JOIN conversations c ON c.id = m.conversation_id "
                                 "WHERE c.deleted = 0%1 ORDER BY m.id DESC LIMIT ?")
                      .arg(extra);
    }
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(sqlText);
    if (!match.isEmpty()) q.addBindValue(match);
    for (const QString& p : patterns)
        q.addBindValue(p);
    q.addBindValue(limit - int(hits.size()));
    if (!exec(q)) return hits;
    while (q.next()) {
        SearchHit hit;
        hit.messageId = q.value(0).toLongLong();
        hit.conversationId = q.value(1).toLongLong();
        hit.role = q.value(2).toString();
        hit.snippetHtml = searchtext::snippetHtml(q.value(3).toString(), terms);
        hit.created = sql::fromMs(q.value(4));
        hit.conversationTitle = q.value(5).toString();
        hits.append(hit);
    }
    return hits;
}

qint64 Storage::addDocument(const Document& d) {
    if (!isOpen()) return fail(tr("The conversation database is not open.")), 0;
    QSqlQuery q(database());
    q.prepare(QStringLiteral(
        "INSERT INTO documents (conversation_id, file_name, path, pages, created) VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(d.conversationId > 0 ? QVariant(d.conversationId)
                                        : QVariant(QMetaType::fromType<qint64>()));
    q.addBindValue(sql::text(d.fileName));
    q.addBindValue(sql::text(d.path));
    q.addBindValue(d.pages);
    q.addBindValue(d.created.isValid() ? d.created.toMSecsSinceEpoch() : sql::nowMs());
    if (!exec(q)) return 0;
    return q.lastInsertId().toLongLong();
}

bool Storage::addDocumentChunks(qint64 documentId, const QList<DocumentChunk>& chunks) {
    if (!begin()) return false;
    QSqlQuery q(database());
    q.prepare(QStringLiteral(
        "INSERT INTO document_chunks (document_id, ordinal, page, section, text) VALUES (?, ?, ?, ?, ?)"));
    bool ok = true;
    for (const DocumentChunk& c : chunks) {
        q.addBindValue(documentId);
        q.addBindValue(c.ordinal);
        q.addBindValue(c.page);
        q.addBindValue(sql::text(c.section));
        q.addBindValue(sql::text(c.text));
        if (!(ok = exec(q))) break;
    }
    return commitOrRollback(ok);
}

QList<Document> Storage::documents(qint64 conversationId) const {
    QList<Document> list;
    if (!isOpen()) return list;
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT id, conversation_id, file_name, path, pages, created FROM documents "
                             "WHERE conversation_id = ? ORDER BY id"));
    q.addBindValue(conversationId);
    if (!exec(q)) return list;
    while (q.next())
        list.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                     q.value(3).toString(), q.value(4).toInt(), sql::fromMs(q.value(5))});
    return list;
}

namespace {
DocumentChunk readChunk(const QSqlQuery& q) {
    return {q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toInt(),
            q.value(3).toInt(),      q.value(4).toString(),   q.value(5).toString()};
}
} // namespace

QList<DocumentChunk> Storage::documentChunks(qint64 documentId) const {
    QList<DocumentChunk> list;
    if (!isOpen()) return list;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, document_id, ordinal, page, section, text FROM document_chunks "
                             "WHERE document_id = ? ORDER BY ordinal"));
    q.addBindValue(documentId);
    if (!exec(q)) return list;
    while (q.next())
        list.append(readChunk(q));
    return list;
}

QList<DocumentChunk> Storage::searchDocumentChunks(qint64 documentId, const QString& query, int limit) const {
    QList<DocumentChunk> list;
    const QStringList terms = searchtext::terms(query);
    if (terms.isEmpty() || !isOpen()) return list;
    const QString match = searchtext::ftsMatchExpression(terms);
    QStringList patterns;
    const QString extra = shortTermConditions(terms, QStringLiteral("c.text"), &patterns);
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!match.isEmpty())
        q.prepare(QStringLiteral(
                      "SELECT c.id, c.document_id, c.ordinal, c.page, c.section, c.text "
                      "FROM document_chunks_fts f JOIN document_chunks c ON c.id = f.rowid "
                      "WHERE document_chunks_fts MATCH ? AND c.document_id = ?%1 ORDER BY c.ordinal LIMIT ?")
                      .arg(extra));
    else
        q.prepare(
            QStringLiteral("SELECT c.id, c.document_id, c.ordinal, c.page, c.section, c.text "
                           "FROM document_chunks c WHERE c.document_id = ?%1 ORDER BY c.ordinal LIMIT ?")
                .arg(extra));
    if (!match.isEmpty()) q.addBindValue(match);
    q.addBindValue(documentId);
    for (const QString& p : patterns)
        q.addBindValue(p);
    q.addBindValue(limit);
    if (!exec(q)) return list;
    while (q.next())
        list.append(readChunk(q));
    return list;
}

bool Storage::deleteDocument(qint64 documentId) {
    if (!begin()) return false;
    QSqlQuery q(database());
    q.prepare(QStringLiteral("DELETE FROM documents WHERE id = ?"));
    q.addBindValue(documentId);
    return commitOrRollback(exec(q));
}

} // namespace sosoik::storage
