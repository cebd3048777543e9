#pragma once
// AnswerStream: one assistant message while it is being written, end to end. Its storage row is begun
// at once (the history shows it, a crash keeps it); the text so far is committed at most ~250 ms behind
// (storage::StreamingMessageWriter) and on finish; the chat view mirrors it through the signals.
//
// AnswerStreams (one per app, built by the shell) is the only way to stream an answer: the chat's own
// answers, document summaries and the tray's quick answers all begin theirs here, so the service knows
// which conversation is being written to, and that conversation is busy whoever streams into it.
//
//   AnswerStream* answer = streams->begin(conversationId, modelName);   // null: storage refused
//   answer->append(piece); ...                                          // as text arrives
//   answer->finish(promptTokens, generatedTokens, note);                // or fail(note)
#include "storage/storage_types.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace sosoik::storage {
class Storage;
class StreamingMessageWriter;
} // namespace sosoik::storage

namespace sosoik::app {

class AnswerStream : public QObject {
    Q_OBJECT
public:
    ~AnswerStream() override; // commits what is pending (the message stays unfinished: "interrupted")

    qint64 conversationId() const { return conversationId_; }
    qint64 messageId() const { return messageId_; }
    QString text() const;
    bool isOpen() const { return open_; }

    void append(const QString& piece);
    // Replaces the whole text (a summary's final form differs from what streamed).
    void replaceText(const QString& text);
    // Commits the text, marks the message finished and ends the stream. stopReason (stored with the
    // message: storage::Message::stopReason) says why it ended early, so a reopened answer keeps its note.
    void finish(int promptTokens = -1, int completionTokens = -1, const QString& note = {},
                const QString& stopReason = {});
    // Ends a stream that failed: an answer with no text is removed, text that arrived is kept.
    void fail(const QString& note, int promptTokens = -1, int completionTokens = -1);
    // Someone watching (the chat's Stop button) asks whoever writes this answer to stop.
    void requestStop() { emit stopRequested(); }

signals:
    void stopRequested(); // the writer connects this to its own cancel
    void textAppended(const QString& piece);
    void textReplaced(const QString& text);
    // removed: the message was deleted (it failed before any text arrived).
    void ended(int completionTokens, const QString& note, bool removed);

private:
    friend class AnswerStreams;
    AnswerStream(storage::Storage* storage, qint64 conversationId, qint64 messageId, QObject* parent);
    void end(int completionTokens, const QString& note, bool removed);

    storage::Storage* storage_;
    qint64 conversationId_;
    qint64 messageId_;
    std::unique_ptr<storage::StreamingMessageWriter> writer_;
    QTimer flushTimer_; // commits the tail when pieces stop coming
    bool open_ = true;
};

class AnswerStreams : public QObject {
    Q_OBJECT
public:
    explicit AnswerStreams(storage::Storage* storage, QObject* parent = nullptr);
    ~AnswerStreams() override;

    // Begins an assistant message in the conversation; null when storage refused (see
    // Storage::errorString) or another answer is still streaming into that conversation.
    AnswerStream* begin(qint64 conversationId, const QString& modelName,
                        const storage::GenerationSettings& used = {});
    // The answer being written into this conversation, if any.
    AnswerStream* streamFor(qint64 conversationId) const;
    bool isStreaming(qint64 conversationId) const { return streamFor(conversationId) != nullptr; }

signals:
    void streamStarted(sosoik::app::AnswerStream* stream);
    void streamEnded(qint64 conversationId);

private:
    storage::Storage* storage_;
    QHash<qint64, QPointer<AnswerStream>> open_; // conversation -> its streaming answer
};

} // namespace sosoik::app
