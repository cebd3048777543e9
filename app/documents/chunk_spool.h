#pragma once
// Chunks of a document, held on disk rather than in memory, so a 200 MB file costs a temp file
// and a few bytes of bookkeeping per chunk. ChunkList is the in-memory variant for short texts.
#include "documents/chunker.h"

#include <QFile>
#include <QTemporaryFile>
#include <memory>

namespace sosoik::documents {

class ChunkSource {
public:
    virtual ~ChunkSource() = default;
    virtual int count() const = 0;
    virtual Chunk chunk(int index) const = 0;
};

class ChunkList : public ChunkSource {
public:
    ChunkList() = default;
    explicit ChunkList(QList<Chunk> chunks) : chunks_(std::move(chunks)) {}
    void append(Chunk chunk) { chunks_ << std::move(chunk); }
    int count() const override { return int(chunks_.size()); }
    Chunk chunk(int index) const override { return chunks_.at(index); }

private:
    QList<Chunk> chunks_;
};

class ChunkSpool : public ChunkSource {
public:
    ChunkSpool();
    void append(const Chunk& chunk); // throws DocumentError when the temp file cannot be written
    int count() const override { return int(entries_.size()); }
    Chunk chunk(int index) const override;
    qint64 totalTokens() const { return totalTokens_; }

private:
    struct Entry {
        qint64 offset = 0;
        qint64 bytes = 0;
        Chunk meta; // text left empty; it lives in the file
    };
    std::unique_ptr<QTemporaryFile> file_;
    QList<Entry> entries_;
    qint64 totalTokens_ = 0;
};

// Extracts and chunks a document in one streaming pass into spool.
ExtractInfo chunkDocument(const QString& path, int maxTokens, const TokenCounter& countTokens,
                          ChunkSpool& spool, const ExtractOptions& options = {});

} // namespace sosoik::documents
