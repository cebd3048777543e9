#pragma once
// EngineWorker: the one thread that owns the engine.
//
// Every feature that wants the model (chat, tray quick-query, document summaries) talks to
// the engine only through this object:
//
//   GenerationJobPtr job = worker->generate(request); // any thread; returns at once with the handle
//   connect(job.get(), &GenerationJob::textGenerated, ...); // this request's text, and nobody else's
//   connect(job.get(), &GenerationJob::finished, ...);      // or failed
//   job->cancel();                                          // any thread; stops within one token
//   whenCounted(worker->countPromptTokens(messages), this, ...); // exact size of the rendered prompt
//
// A request is self-contained: conversation id (informational, for the caller), the full
// message list (system prompt first, last one the user's) and its sampling settings. The
// worker renders it with the model's chat template and hands it to sosoik::generate, which
// reuses the KV cache for the prefix shared with the previous request, so continuing a
// conversation only decodes the new turn. When the prompt does not fit the context, the
// oldest turns after the system prompt are dropped (GenerationStats::droppedMessages says
// how many) so callers can tell the user.
//
// Requests run one at a time in submission order; while one runs, later ones wait and their
// job reports its queue position. Loading a model is queued the same way. Token counts are
// answered between requests and between the tokens of a running one. Signals are emitted from
// the worker thread; connect with the default (auto) connection from QObjects living on the UI
// thread and they arrive queued, so the UI never blocks.
#include "inference/generation_job.h"
#include "inference/generation_types.h"
#include "inference/inference_backend.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QMutex>
#include <QObject>
#include <QPromise>
#include <QSet>
#include <QThread>

#include <atomic>
#include <memory>

namespace sosoik::app {

// Calls done(count) on context's thread once a count from the worker is ready; never after
// context is gone. Not QFuture::then(context, ...): with Qt 6.4 its continuation was lost now
// and then when the engine thread finished the future while then() attached it (CI run of
// tst_chat_controller: no call within 5 s). A QFutureWatcher replays a finish that came first.
template <typename Done> void whenCounted(const QFuture<int>& future, QObject* context, Done done) {
    auto* watcher = new QFutureWatcher<int>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done]() mutable {
        const QFuture<int> f = watcher->future();
        const int count = f.resultCount() > 0 ? f.result() : -1;
        watcher->deleteLater();
        done(count);
    });
    watcher->setFuture(future);
}

class EngineWorker : public QObject {
    Q_OBJECT
public:
    explicit EngineWorker(std::unique_ptr<InferenceBackend> backend, QObject* parent = nullptr);
    ~EngineWorker() override; // stops the current request and joins the thread

    // All of these return immediately and may be called from any thread.
    int loadModel(const LoadRequest& request);
    int unloadModel(); // frees the model (queued like a load); answered by modelUnloaded
    GenerationJobPtr generate(const GenerationRequest& request);
    // Tokens of text, and of these messages rendered as a prompt with the model's chat template
    // (exactly what generate() would feed the model before dropping turns); -1 without a model.
    QFuture<int> countTokens(const QString& text);
    QFuture<int> countPromptTokens(const QList<ChatTurn>& messages);
    void cancelAll(); // every queued and the running request

    bool isBusy() const { return busyCount_.load() > 0; }

    // Why the model file at path cannot be used, for a user: the engine's words, led by what to do where
    // they only describe the file's insides (a file that starts like a GGUF model but does not parse is
    // damaged or was cut short, e.g. a download that stopped).
    static QString describeModelError(const std::exception& error, const QString& path);

signals:
    void modelLoadStarted(int requestId, const QString& path);
    void modelLoadProgress(int requestId, double fraction);
    void modelLoaded(int requestId, const sosoik::app::ModelDetails& details);
    void modelLoadFailed(int requestId, const QString& path, const QString& message);
    void modelUnloaded(int requestId);

private:
    // These run on the worker thread.
    void runLoad(int requestId, const LoadRequest& request);
    void runUnload(int requestId);
    void runGenerate(const GenerationJobPtr& job);
    void drainCounts();
    friend class GenerationJob;
    void cancel(int requestId);       // GenerationJob::cancel
    bool beginRequest(int requestId); // false when it was cancelled while queued
    void endRequest();
    void markQueued(int requestId);

    std::unique_ptr<InferenceBackend> backend_;
    QThread thread_;
    QObject* threadContext_ = nullptr; // lives on thread_; queued calls are posted to it

    std::atomic<int> nextId_{1};
    std::atomic<int> busyCount_{0};
    QMutex mutex_; // guards currentId_, cancelledIds_ and the cancel call into the backend
    int currentId_ = 0;
    QSet<int> queuedIds_;
    QSet<int> cancelledIds_;
    std::atomic<bool> currentCancelled_{false};
    struct CountRequest {
        std::shared_ptr<QPromise<int>> promise;
        bool asPrompt = false; // render turns with the chat template, or count text as it is
        QString text;
        QList<ChatTurn> turns;
    };
    QList<CountRequest> pendingCounts_;
    std::shared_ptr<GenerationJob::WorkerLink> link_; // lets jobs cancel while this worker lives
};

} // namespace sosoik::app
