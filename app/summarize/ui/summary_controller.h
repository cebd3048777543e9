#pragma once
// SummaryController: documents dropped on the window (or opened with "Open document…") become
// summaries, one new conversation per file, streamed into the chat while the map-reduce
// pipeline runs on its own thread; progress, time estimates and Cancel for the view; and
// follow-up questions in those conversations answered from the stored chunks.
#include "inference/engine_worker.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QThread>
#include <QTimer>
#include <QUrl>
#include <atomic>
#include <memory>

namespace sosoik::storage {
class Storage;
}
namespace sosoik::app {
class AnswerStream;
class AnswerStreams;
class AppSettings;
} // namespace sosoik::app

namespace sosoik::summarize {

class SummarizerBackend;

class SummaryController : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool busy READ busy NOTIFY stateChanged)
    Q_PROPERTY(QString currentFile READ currentFile NOTIFY stateChanged)
    Q_PROPERTY(qint64 conversationId READ conversationId NOTIFY stateChanged)
    Q_PROPERTY(int queued READ queued NOTIFY stateChanged)
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)          // 0..1
    Q_PROPERTY(QString progressText READ progressText NOTIFY progressChanged) // "Summarizing chunk 3 of 12"
    Q_PROPERTY(QString timeText READ timeText NOTIFY progressChanged) // "0:42 elapsed · about 2:10 left"
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    // "*.txt *.md ... *.odt": the documents it reads, for a file dialog's filter. The file dialog's labels
    // around them are qsTr() in Main.qml, so they follow a language switch (a translated C++ property here
    // was read once).
    Q_PROPERTY(QString documentPatterns READ documentPatterns CONSTANT)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY settingsChanged) // "auto", "ko", "en"
    Q_PROPERTY(int targetWords READ targetWords WRITE setTargetWords NOTIFY settingsChanged)
    // The most text read from one document, in millions of characters (#19: a bound for hostile files).
    Q_PROPERTY(int maxTextMillions READ maxTextMillions WRITE setMaxTextMillions NOTIFY settingsChanged)
public:
    // settings (may be null): where the summary language and length are remembered.
    // answers: where the summary streams (so the chat shows it, and knows its conversation is busy).
    SummaryController(app::EngineWorker* worker, storage::Storage* storage, app::AnswerStreams* answers,
                      app::AppSettings* settings, QObject* parent = nullptr);
    ~SummaryController() override; // cancels a running summary and waits for its thread

    bool busy() const { return thread_ != nullptr; }
    QString currentFile() const { return currentPath_; }
    qint64 conversationId() const { return conversationId_; }
    int queued() const { return int(queue_.size()); }
    double progress() const { return progress_; }
    QString progressText() const { return progressText_; }
    QString timeText() const { return timeText_; }
    QString errorText() const { return error_; }
    static QString documentPatterns();
    QString language() const { return language_; }
    void setLanguage(const QString& language);
    int targetWords() const { return targetWords_; }
    void setTargetWords(int words);
    int maxTextMillions() const { return maxTextMillions_; }
    void setMaxTextMillions(int millions);

    // Local files among urls are summarized one after another; returns how many were queued.
    Q_INVOKABLE int summarizeUrls(const QVariant& urls);
    Q_INVOKABLE bool summarizeFile(const QString& path);
    Q_INVOKABLE void cancel(); // stops the running summary within one token, keeps what is done
    Q_INVOKABLE void dismissError();

    // Rewrites a chat request in a document conversation so the model answers the last
    // question from the document's most relevant chunks (installed on the chat by AppContext).
    void augmentFollowUp(qint64 conversationId, app::GenerationRequest& request) const;

signals:
    void stateChanged();
    void progressChanged();
    void errorTextChanged();
    void settingsChanged();
    void summaryStarted(qint64 conversationId); // a new document conversation: the main window shows it
    void summaryFinished(qint64 conversationId, bool cancelled); // for tests and announcements
    void summaryFailed(qint64 conversationId, const QString& message);

private:
    void startNext();
    void onReading(double fraction);
    void onProgress(int call, int total, const QString& text, double eta);
    void showTime(); // timeText_ from started_ and the last estimate
    void onText(const QString& piece);
    void onDone(const QString& summary, bool cancelled, const QString& failure);
    void setError(const QString& text);

    QPointer<app::EngineWorker> worker_;
    storage::Storage* storage_;
    app::AnswerStreams* answers_;
    app::AppSettings* settings_;
    app::ModelDetails model_;
    bool modelLoaded_ = false;
    QString language_ = QStringLiteral("auto");
    int targetWords_ = 200;
    int maxTextMillions_ = 50;

    QStringList queue_;
    QString currentPath_;
    qint64 conversationId_ = 0;
    QPointer<app::AnswerStream> answer_;
    QThread* thread_ = nullptr;
    std::atomic<bool> cancel_{false};
    std::shared_ptr<SummarizerBackend> backend_;
    double progress_ = 0;
    // The time shown ticks every second on its own: one chunk can take minutes on a CPU, and a clock that
    // moved only between chunks read "0:00 elapsed" all through the first one, as if the app had hung.
    QElapsedTimer started_;
    QTimer tick_;
    double eta_ = -1, etaAt_ = 0; // the pipeline's last estimate of the time left, and when it came
    QString progressText_, timeText_, error_;
};

} // namespace sosoik::summarize
