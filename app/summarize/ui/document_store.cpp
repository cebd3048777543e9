#include "summarize/ui/document_store.h"

#include "storage/search_text.h"
#include "summarize/query_terms.h"

#include <QFileInfo>
#include <QHash>
#include <QSqlQuery>
#include <algorithm>

namespace sosoik::summarize {
namespace {

constexpr int kCandidates = 50;
constexpr double kFusionK = 60; // reciprocal rank fusion constant (Cormack et al.)
const QString kChunkColumns = QStringLiteral("c.id, c.document_id, c.ordinal, c.page, c.section, c.text");

storage::DocumentChunk readChunk(const QSqlQuery& q) {
    return {q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toInt(),
            q.value(3).toInt(),      q.value(4).toString(),   q.value(5).toString()};
}

QString quotedFtsTerm(QString term) {
    return QLatin1Char('"') + term.replace('"', "\"\"") + QLatin1Char('"');
}

} // namespace

QString RetrievedChunk::location() const {
    if (chunk.page > 0) return QStringLiteral("p. %1").arg(chunk.page);
    if (!chunk.section.isEmpty()) return QStringLiteral("§ %1").arg(chunk.section);
    return QStringLiteral("part %1").arg(chunk.ordinal + 1);
}

qint64 saveDocument(storage::Storage& store, qint64 conversationId, const QString& path, int pages,
                    const documents::ChunkSource& chunks) {
    storage::Document doc;
    doc.conversationId = conversationId;
    doc.fileName = QFileInfo(path).fileName();
    doc.path = path;
    doc.pages = pages;
    const qint64 id = store.addDocument(doc);
    if (id == 0) return 0;
    QList<storage::DocumentChunk> batch;
    for (int i = 0; i < chunks.count(); ++i) {
        const documents::Chunk c = chunks.chunk(i);
        batch << storage::DocumentChunk{0, id, c.index, c.firstPage, c.section, c.text};
        // Batches keep memory bounded for huge documents; each is one transaction.
        if (batch.size() == 200 || i + 1 == chunks.count()) {
            if (!store.addDocumentChunks(id, batch)) return 0;
            batch.clear();
        }
    }
    return id;
}

QList<RetrievedChunk> retrieveChunks(const storage::Storage& store, qint64 conversationId,
                                     const QString& question, int limit) {
    QHash<qint64, RetrievedChunk> found;
    auto fuse = [&](const QList<storage::DocumentChunk>& ranked) {
        for (int rank = 0; rank < ranked.size(); ++rank) {
            RetrievedChunk& r = found[ranked[rank].id];
            r.chunk = ranked[rank];
            r.score += 1.0 / (kFusionK + rank);
        }
    };
    const QueryTerms terms = questionTerms(question);
    const QString fromDocs =
        QStringLiteral(" JOIN documents d ON d.id = c.document_id WHERE d.conversation_id = ?");

    if (!terms.indexable.isEmpty()) {
        QStringList match;
        for (const QString& t : terms.indexable)
            match << quotedFtsTerm(t);
        QSqlQuery q(store.database());
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT %1 FROM document_chunks_fts JOIN document_chunks c ON c.id = "
                                 "document_chunks_fts.rowid%2 AND document_chunks_fts MATCH ? "
                                 "ORDER BY bm25(document_chunks_fts) LIMIT ?")
                      .arg(kChunkColumns, fromDocs));
        q.addBindValue(conversationId);
        q.addBindValue(match.join(QStringLiteral(" OR ")));
        q.addBindValue(kCandidates);
        QList<storage::DocumentChunk> ranked;
        if (q.exec())
            while (q.next())
                ranked << readChunk(q);
        fuse(ranked);
    }
    if (!terms.shortTerms.isEmpty()) {
        // The trigram index cannot see two-letter words; count their occurrences instead.
        QStringList likes;
        for (int i = 0; i < terms.shortTerms.size(); ++i)
            likes << QStringLiteral("c.text LIKE ? ESCAPE '\\'");
        QSqlQuery q(store.database());
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT %1 FROM document_chunks c%2 AND (%3)")
                      .arg(kChunkColumns, fromDocs, likes.join(QStringLiteral(" OR "))));
        q.addBindValue(conversationId);
        for (const QString& t : terms.shortTerms)
            q.addBindValue(storage::searchtext::likePattern(t));
        QList<QPair<int, storage::DocumentChunk>> scored;
        if (q.exec()) {
            while (q.next()) {
                const storage::DocumentChunk c = readChunk(q);
                int hits = 0;
                const QString lower = c.text.toLower();
                for (const QString& t : terms.shortTerms)
                    hits += std::min<int>(5, int(lower.count(t)));
                scored << qMakePair(hits, c);
            }
        }
        std::stable_sort(scored.begin(), scored.end(),
                         [](const auto& a, const auto& b) { return a.first > b.first; });
        QList<storage::DocumentChunk> ranked;
        for (int i = 0; i < scored.size() && i < kCandidates; ++i)
            ranked << scored[i].second;
        fuse(ranked);
    }
    QList<RetrievedChunk> result = found.values();
    if (result.isEmpty()) { // nothing to match on: the beginning of the documents
        QSqlQuery q(store.database());
        q.setForwardOnly(true);
        q.prepare(
            QStringLiteral("SELECT %1 FROM document_chunks c%2 ORDER BY c.document_id, c.ordinal LIMIT ?")
                .arg(kChunkColumns, fromDocs));
        q.addBindValue(conversationId);
        q.addBindValue(limit);
        if (q.exec())
            while (q.next())
                result << RetrievedChunk{readChunk(q), 0};
        return result;
    }
    std::sort(result.begin(), result.end(), [](const RetrievedChunk& a, const RetrievedChunk& b) {
        return a.score != b.score ? a.score > b.score : a.chunk.id < b.chunk.id;
    });
    if (result.size() > limit) result.resize(limit);
    return result;
}

QList<Excerpt> excerptsWithinBudget(const QList<RetrievedChunk>& chunks, int tokenBudget,
                                    const std::function<int(const QString&)>& countTokens) {
    QList<Excerpt> out;
    int used = 0;
    for (const RetrievedChunk& r : chunks) {
        QString text = r.chunk.text;
        int tokens = countTokens(text) + 8; // the "[location]" line around it
        if (used + tokens > tokenBudget) {
            if (!out.isEmpty()) break;
            // Even the best chunk is too long: keep its share that fits.
            const double keep = double(tokenBudget - 8) / std::max(1, tokens - 8);
            text = text.left(qsizetype(text.size() * std::clamp(keep, 0.0, 1.0) * 0.95));
            tokens = countTokens(text) + 8;
        }
        out << Excerpt{r.location(), text};
        used += tokens;
    }
    return out;
}

} // namespace sosoik::summarize
