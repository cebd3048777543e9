#pragma once
// Saves an answer while it streams: collects pieces and commits the text so far every interval (or
// every N pieces), so a crash or kill mid-answer keeps what the user already saw.
//   qint64 id = storage.beginMessage(chat, "assistant", model, settings);
//   StreamingMessageWriter writer(&storage, id);
//   onPiece: writer.append(piece);   done: writer.finish(promptTokens, generatedTokens);
// Use it on the Storage's thread (forward the engine worker's pieces with a queued signal).
#include <QElapsedTimer>
#include <QString>

namespace sosoik::storage {

class Storage;

class StreamingMessageWriter {
public:
    StreamingMessageWriter(Storage* storage, qint64 messageId, int intervalMs = 250,
                           int maxPendingPieces = 32);
    ~StreamingMessageWriter(); // flushes what is pending (does not mark the message finished)

    qint64 messageId() const { return messageId_; }
    const QString& text() const { return text_; }
    bool append(const QString& piece); // false when a due save failed (see Storage::errorString)
    bool replace(const QString& text); // the whole text, saved now
    bool pending() const { return pendingPieces_ > 0; }
    bool flush(); // saves the text so far now
    // flush + mark finished (stopReason: Message::stopReason)
    bool finish(int promptTokens = -1, int completionTokens = -1, const QString& stopReason = {});

private:
    Storage* storage_;
    qint64 messageId_;
    int intervalMs_;
    int maxPendingPieces_;
    int pendingPieces_ = 0;
    QString text_;
    QElapsedTimer sinceSave_;
};

} // namespace sosoik::storage
