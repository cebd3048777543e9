#include "storage/streaming_writer.h"

#include "storage/storage.h"

namespace sosoik::storage {

StreamingMessageWriter::StreamingMessageWriter(Storage* storage, qint64 messageId, int intervalMs,
                                               int maxPendingPieces)
    : storage_(storage), messageId_(messageId), intervalMs_(intervalMs), maxPendingPieces_(maxPendingPieces) {
    if (const auto existing = storage_->message(messageId)) text_ = existing->content;
    sinceSave_.start();
}

StreamingMessageWriter::~StreamingMessageWriter() {
    if (pendingPieces_ > 0) flush();
}

bool StreamingMessageWriter::append(const QString& piece) {
    text_ += piece;
    ++pendingPieces_;
    if (sinceSave_.elapsed() >= intervalMs_ || pendingPieces_ >= maxPendingPieces_) return flush();
    return true;
}

bool StreamingMessageWriter::replace(const QString& text) {
    text_ = text;
    ++pendingPieces_;
    return flush();
}

bool StreamingMessageWriter::flush() {
    // The whole text is written (not just the new part) so that a failed save is repaired by the next one.
    const bool ok = storage_->updateMessageContent(messageId_, text_);
    if (ok) pendingPieces_ = 0;
    sinceSave_.restart();
    return ok;
}

bool StreamingMessageWriter::finish(int promptTokens, int completionTokens, const QString& stopReason) {
    if (!flush()) return false;
    return storage_->finishMessage(messageId_, promptTokens, completionTokens, stopReason);
}

} // namespace sosoik::storage
