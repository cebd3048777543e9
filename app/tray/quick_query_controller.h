#pragma once
// The quick-query popup's brain: one question, one streamed answer, saved as a "quick" conversation so it
// shows in the history. It shares the app's EngineWorker (and so the loaded model) with the main window:
// while the worker is busy the question waits in its queue and the popup says so; Stop works from here and,
// through the worker, from the main window too.
#include "inference/engine_worker.h"

#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>

namespace sosoik::storage {
class Storage;
} // namespace sosoik::storage

namespace sosoik::app {

class AnswerStream;
class AnswerStreams;
class AppSettings;

class QuickQueryController : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString question READ question NOTIFY changed)
    Q_PROPERTY(QString answer READ answer NOTIFY answerChanged)
    // The answer as the popup shows it: Markdown with nothing that would be fetched (chat/safe_markdown.h),
    // without a reasoning model's thinking, which the popup folds like the chat window (chat/thinking.h).
    Q_PROPERTY(QString answerMarkdown READ answerMarkdown NOTIFY answerChanged)
    Q_PROPERTY(QString thinking READ thinking NOTIFY answerChanged)
    Q_PROPERTY(bool hasThinking READ hasThinking NOTIFY answerChanged)
    Q_PROPERTY(bool thinkingNow READ thinkingNow NOTIFY answerChanged) // still thinking, answer not begun
    // "idle", "queued", "generating", "done", "stopped", "error"
    Q_PROPERTY(QString state READ state NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(QString statusText READ statusText NOTIFY changed)
    Q_PROPERTY(qint64 conversationId READ conversationId NOTIFY changed)
public:
    // settings may be null (built-in generation defaults); worker, storage and answers (where the answer
    // streams; null = not saved) must outlive the controller.
    QuickQueryController(EngineWorker* worker, storage::Storage* storage, AnswerStreams* answers,
                         AppSettings* settings, QObject* parent = nullptr);
    ~QuickQueryController() override;

    QString question() const { return m_question; }
    QString answer() const { return m_answer; }
    QString answerMarkdown() const;
    QString thinking() const;
    bool hasThinking() const;
    bool thinkingNow() const;
    QString state() const { return m_state; }
    bool busy() const { return m_state == "queued" || m_state == "generating"; }
    QString statusText() const { return m_status; }
    qint64 conversationId() const { return m_conversationId; }

    // Starts a new quick conversation with this question. False (and nothing happens) when it is blank or
    // an answer is still running.
    Q_INVOKABLE bool ask(const QString& text);
    Q_INVOKABLE void stop();
    // Asks the app to open the main window on this exchange (Ctrl+Enter / "Continue in chat").
    Q_INVOKABLE void continueInChat();
    // Summaries: the clipboard's text, or a dropped / handed-over file.
    Q_INVOKABLE bool summarizeText(const QString& text);
    Q_INVOKABLE bool summarizeFile(const QString& pathOrUrl);

    // Dropped files are summarized right here from their leading text; the extractor (the documents
    // feature's, set by TrayIntegration) returns it or sets *error. Default: plain-text files only.
    // maxChars: the extractor may stop after that many characters.
    using TextExtractor = std::function<QString(const QString& path, qsizetype maxChars, QString* error)>;
    void setTextExtractor(TextExtractor extractor) { m_extractor = std::move(extractor); }

    // Whether a text fits one answer is decided in tokens of the loaded model; this many characters per
    // token of the context bounds how much is read before counting (no tokenizer averages more on prose).
    static constexpr int kMaxCharsPerToken = 8;
    // Files longer than one prompt go to the main window's full summary (chunked map-reduce in a new
    // conversation) through longDocumentDropped, when something is connected to it (TrayIntegration).
    void setLongDocumentHandOff(bool enabled) { m_handOffLong = enabled; }
    // Back to the empty popup (after a hand-off to the main window); nothing while an answer runs.
    Q_INVOKABLE void reset();

signals:
    void changed();
    void answerChanged();
    void continueInChatRequested(qint64 conversationId);
    void longDocumentDropped(const QString& path);
    void finished(); // an exchange ended (done, stopped or error)

private:
    bool start(const QString& shownQuestion, const QString& prompt, const QString& title);
    // Counts a summary prompt in the model's tokens, then starts it, hands the file (handOffPath) to
    // the main window, or cuts the text to fit.
    void prepare(const QString& shownQuestion, const QString& body, bool cut, const QString& title,
                 const QString& handOffPath);
    void handOff(const QString& path);
    int contextLength() const;
    qsizetype maxPromptChars() const;
    void setState(const QString& state, const QString& status);
    void onQueued(int position);
    void onStarted();
    void onText(const QString& text);
    void onFinished(const GenerationStats& stats);
    void onFailed(const QString& message);
    GenerationRequest buildRequest(const QString& prompt) const;

    EngineWorker* m_worker;
    storage::Storage* m_storage;
    AppSettings* m_settings;
    TextExtractor m_extractor;
    bool m_handOffLong = false;
    QString m_question;
    QString m_answer;
    QString m_state = QStringLiteral("idle");
    QString m_status;
    qint64 m_conversationId = 0;
    GenerationJobPtr m_job;  // the exchange's request while it runs
    QString m_modelPath;     // the loaded model's file
    int m_prepareTicket = 0; // the summary being measured; bumped to drop a stale count
    AnswerStreams* m_answers;
    QPointer<AnswerStream> m_stream; // where the answer is saved while it streams
};

} // namespace sosoik::app
