#include "chat/answer_stream.h"

#include "storage/storage.h"
#include "storage/streaming_writer.h"

namespace sosoik::app {
namespace {
constexpr int kFlushIntervalMs = 250; // what a crash may lose, at most
}

AnswerStream::AnswerStream(storage::Storage* storage, qint64 conversationId, qint64 messageId,
                           QObject* parent)
    : QObject(parent), storage_(storage), conversationId_(conversationId), messageId_(messageId),
      writer_(std::make_unique<storage::StreamingMessageWriter>(storage, messageId, kFlushIntervalMs)) {
    flushTimer_.setInterval(kFlushIntervalMs);
    connect(&flushTimer_, &QTimer::timeout, this, [this] {
        if (writer_->pending()) writer_->flush();
    });
    flushTimer_.start();
}

AnswerStream::~AnswerStream() = default; // the writer commits what is pending

QString AnswerStream::text() const {
    return writer_->text();
}

void AnswerStream::append(const QString& piece) {
    if (!open_ || piece.isEmpty()) return;
    writer_->append(piece);
    emit textAppended(piece);
}

void AnswerStream::replaceText(const QString& text) {
    if (!open_) return;
    writer_->replace(text);
    emit textReplaced(text);
}

void AnswerStream::finish(int promptTokens, int completionTokens, const QString& note,
                          const QString& stopReason) {
    if (!open_) return;
    writer_->finish(promptTokens, completionTokens, stopReason);
    end(completionTokens, note, false);
}

void AnswerStream::fail(const QString& note, int promptTokens, int completionTokens) {
    if (!open_) return;
    if (writer_->text().isEmpty()) {
        storage_->deleteMessage(messageId_); // an empty answer is noise
        end(0, note, true);
    } else {
        writer_->finish(promptTokens, completionTokens);
        end(completionTokens, note, false);
    }
}

void AnswerStream::end(int completionTokens, const QString& note, bool removed) {
    open_ = false;
    flushTimer_.stop();
    emit ended(completionTokens, note, removed);
    deleteLater();
}

AnswerStreams::AnswerStreams(storage::Storage* storage, QObject* parent)
    : QObject(parent), storage_(storage) {}

AnswerStreams::~AnswerStreams() {
    // Answers still streaming are committed as they are and stay unfinished ("interrupted").
    for (const QPointer<AnswerStream>& stream : std::as_const(open_))
        delete stream.data();
}

AnswerStream* AnswerStreams::begin(qint64 conversationId, const QString& modelName,
                                   const storage::GenerationSettings& used) {
    if (conversationId == 0 || isStreaming(conversationId)) return nullptr;
    const qint64 messageId =
        storage_->beginMessage(conversationId, QStringLiteral("assistant"), modelName, used);
    if (messageId == 0) return nullptr;
    auto* stream = new AnswerStream(storage_, conversationId, messageId, this);
    open_.insert(conversationId, stream);
    connect(stream, &AnswerStream::ended, this, [this, conversationId] {
        open_.remove(conversationId);
        emit streamEnded(conversationId);
    });
    emit streamStarted(stream);
    return stream;
}

AnswerStream* AnswerStreams::streamFor(qint64 conversationId) const {
    const QPointer<AnswerStream> stream = open_.value(conversationId);
    return stream && stream->isOpen() ? stream.data() : nullptr;
}

} // namespace sosoik::app
