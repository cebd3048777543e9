#pragma once
// ChatController: the chat screen's behaviour. It keeps the open conversation's messages
// (ChatMessageModel) in step with storage and with the EngineWorker: send, stream, stop,
// regenerate, edit-and-resend, delete, and the live statistics the view shows.
// Every answer streams through AnswerStreams (written to storage at most ~250 ms behind, so a
// crash or quit loses at most the last fraction of a second of text).
#include "chat/chat_message_model.h"
#include "inference/engine_worker.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QVariantMap>

#include <functional>

namespace sosoik::storage {
class Storage;
}

namespace sosoik::app {

class AnswerStream;
class AnswerStreams;
class AppSettings;

class ChatController : public QObject {
    Q_OBJECT
    Q_PROPERTY(sosoik::app::ChatMessageModel* messages READ messages CONSTANT)
    Q_PROPERTY(qint64 conversationId READ conversationId NOTIFY conversationChanged)
    Q_PROPERTY(QString title READ title NOTIFY conversationChanged)
    // A document's conversation (its first answer is the document's summary, not a chat answer).
    Q_PROPERTY(bool documentConversation READ documentConversation NOTIFY conversationChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(bool queued READ queued NOTIFY busyChanged)
    Q_PROPERTY(double tokensPerSecond READ tokensPerSecond NOTIFY statsChanged)
    Q_PROPERTY(int contextUsed READ contextUsed NOTIFY statsChanged)
    Q_PROPERTY(int contextLength READ contextLength NOTIFY statsChanged)
    Q_PROPERTY(int reusedTokens READ reusedTokens NOTIFY statsChanged)
    Q_PROPERTY(int inputTokenCount READ inputTokenCount NOTIFY inputTokenCountChanged)
    // While the prompt is being read, before the first token: tokens done of promptTotal (0 otherwise).
    Q_PROPERTY(int promptDone READ promptDone NOTIFY promptProgressChanged)
    Q_PROPERTY(int promptTotal READ promptTotal NOTIFY promptProgressChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    Q_PROPERTY(QString noticeText READ noticeText NOTIFY noticeTextChanged)
    // Effective per-conversation settings: the conversation's overrides over the app defaults.
    Q_PROPERTY(QVariantMap settings READ settings NOTIFY settingsChanged)
    Q_PROPERTY(QVariantMap overrides READ overrides NOTIFY settingsChanged)
public:
    // answers: where every answer streams (this chat's, and summaries' and the tray's that the open
    // conversation shows).
    ChatController(EngineWorker* worker, storage::Storage* storage, AnswerStreams* answers,
                   AppSettings* settings, QObject* parent = nullptr);
    ~ChatController() override;

    // The note under an answer that ended early ("Stopped."), from the engine's stop reason; "" otherwise.
    static QString stopNote(const QString& stopReason);

    ChatMessageModel* messages() { return &model_; }
    qint64 conversationId() const { return conversationId_; }
    QString title() const;
    bool documentConversation() const;
    // An answer is being written into the open conversation, by this chat or by another feature.
    bool busy() const;
    bool queued() const { return queued_; }
    double tokensPerSecond() const { return stats_.tokensPerSecond; }
    int contextUsed() const { return stats_.contextUsed; }
    int contextLength() const { return stats_.contextLength; }
    int reusedTokens() const { return stats_.reusedTokens; }
    int inputTokenCount() const { return inputTokens_; }
    int promptDone() const { return promptDone_; }
    int promptTotal() const { return promptTotal_; }
    QString errorText() const { return error_; }
    QString noticeText() const { return notice_; }
    QVariantMap settings() const;
    QVariantMap overrides() const;

    // The model path recorded with new conversations and answers.
    void setModelPath(const QString& path) { modelPath_ = path; }
    QString modelPath() const { return modelPath_; }

    Q_INVOKABLE bool send(const QString& text);
    Q_INVOKABLE void stop();
    Q_INVOKABLE bool regenerate();
    Q_INVOKABLE bool editAndResend(int row, const QString& text);
    Q_INVOKABLE bool deleteMessage(int row);
    Q_INVOKABLE void copyToClipboard(const QString& text);
    Q_INVOKABLE void countInputTokens(const QString& text);
    Q_INVOKABLE void newConversation();
    Q_INVOKABLE bool openConversation(qint64 id);
    // name: systemPrompt, temperature, topP, topK, maxNewTokens, contextLength; an invalid
    // value (undefined) removes the override.
    Q_INVOKABLE void setConversationSetting(const QString& name, const QVariant& value);
    Q_INVOKABLE void resetConversationSettings();
    Q_INVOKABLE void dismissError();
    void showError(const QString& text) { setError(text); }
    void showNotice(const QString& text) { setNotice(text); }
    Q_INVOKABLE void dismissNotice();

    GenerationRequest buildRequest() const; // the open conversation as an engine request
    // Lets another feature rewrite a request before it is sent (document follow-up questions
    // get the document's relevant excerpts).
    using RequestAugmenter = std::function<void(qint64 conversationId, GenerationRequest& request)>;
    void setRequestAugmenter(RequestAugmenter augmenter) { augmenter_ = std::move(augmenter); }

signals:
    void conversationChanged();
    void busyChanged();
    void statsChanged();
    void inputTokenCountChanged();
    void promptProgressChanged();
    void errorTextChanged();
    void noticeTextChanged();
    void settingsChanged();
    void answerFinished(const QString& stopReason); // for tests and accessibility announcements

private:
    bool ensureConversation(const QString& firstUserText);
    bool startAnswer();
    void setError(const QString& text);
    void setNotice(const QString& text);
    void show(AnswerStream* stream); // mirrors an answer streaming into the open conversation
    void endAnswer();
    void onStarted(const GenerationStats& stats);
    void onText(const QString& text, const GenerationStats& stats);
    void setPromptProgress(int done, int total);
    void onFinished(const GenerationStats& stats);
    void onFailed(const QString& message);
    void publishStats(); // statsChanged now (a pending per-token update is folded into it)

    QPointer<EngineWorker> worker_;
    AnswerStreams* answers_;
    RequestAugmenter augmenter_;
    storage::Storage* storage_;
    AppSettings* appSettings_;
    ChatMessageModel model_;
    qint64 conversationId_ = 0;
    QString modelPath_;

    GenerationJobPtr job_;          // this chat's answer: the request...
    QPointer<AnswerStream> answer_; // ...and where it is written
    QPointer<AnswerStream> shown_;  // the answer streaming into the open conversation, whoever writes it
    int countGeneration_ = 0;
    bool queued_ = false;
    GenerationStats stats_;
    // Per-token figures reach the stats bar at the view's frame rate (ChatMessageModel::kFrameMs), not per
    // token: issue #13, every changed label is a text layout and a repaint on the UI thread.
    QTimer statsFrame_;
    int inputTokens_ = -1;
    int promptDone_ = 0;
    int promptTotal_ = 0;
    QString error_;
    QString notice_;
};

} // namespace sosoik::app
