#pragma once
// A summarized document's chunks kept with its conversation (storage's documents and
// document_chunks tables), and retrieval of the chunks most relevant to a follow-up question:
// BM25 over the FTS5 trigram index (Korean-safe), plus substring matches for two-letter Korean
// nouns the trigram index cannot see, merged by reciprocal rank fusion.
#include "documents/chunk_spool.h"
#include "storage/storage.h"
#include "summarize/prompts.h"

namespace sosoik::summarize {

// Stores the document and all its chunks (batched transactions). Returns the document id, 0 on failure.
qint64 saveDocument(storage::Storage& store, qint64 conversationId, const QString& path, int pages,
                    const documents::ChunkSource& chunks);

struct RetrievedChunk {
    storage::DocumentChunk chunk;
    double score = 0;         // higher is more relevant
    QString location() const; // "p. 3", "§ Terms" or "part 4", as cited in answers
};

// The limit most relevant chunks of the conversation's documents for question, best first.
// A question without usable terms gets the documents' first chunks.
QList<RetrievedChunk> retrieveChunks(const storage::Storage& store, qint64 conversationId,
                                     const QString& question, int limit = 6);

// Excerpts in best-first order that together stay within tokenBudget.
QList<Excerpt> excerptsWithinBudget(const QList<RetrievedChunk>& chunks, int tokenBudget,
                                    const std::function<int(const QString&)>& countTokens);

} // namespace sosoik::summarize
