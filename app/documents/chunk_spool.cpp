#include "documents/chunk_spool.h"

#include "documents/document_extractor.h"

#include <QDir>

namespace sosoik::documents {

ChunkSpool::ChunkSpool()
    : file_(std::make_unique<QTemporaryFile>(QDir::tempPath() + "/sosoik-chunks-XXXXXX")) {}

void ChunkSpool::append(const Chunk& chunk) {
    if (!file_->isOpen() && !file_->open())
        throw DocumentError(DocumentError::Kind::Corrupt,
                            QObject::tr("Cannot create a temporary file: %1").arg(file_->errorString()));
    const QByteArray bytes = chunk.text.toUtf8();
    Entry entry{file_->size(), bytes.size(), chunk};
    entry.meta.text.clear();
    file_->seek(entry.offset);
    if (file_->write(bytes) != bytes.size())
        throw DocumentError(
            DocumentError::Kind::Corrupt,
            QObject::tr("Cannot write a temporary file (is the disk full?): %1").arg(file_->errorString()));
    entries_ << entry;
    totalTokens_ += chunk.tokens;
}

Chunk ChunkSpool::chunk(int index) const {
    const Entry& entry = entries_.at(index);
    Chunk c = entry.meta;
    file_->seek(entry.offset);
    c.text = QString::fromUtf8(file_->read(entry.bytes));
    return c;
}

ExtractInfo chunkDocument(const QString& path, int maxTokens, const TokenCounter& countTokens,
                          ChunkSpool& spool, const ExtractOptions& options) {
    Chunker chunker(maxTokens, countTokens, [&](Chunk&& c) { spool.append(c); });
    ExtractInfo info = extractDocument(
        path,
        [&](const TextBlock& block) {
            chunker.add(block);
            return true;
        },
        options);
    chunker.finish();
    return info;
}

} // namespace sosoik::documents
