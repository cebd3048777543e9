#pragma once
// GenerationJob: one generation request, as its caller sees it. EngineWorker::generate() returns it at
// once; its signals then tell this request's story and no other's, so nobody filters by id:
//
//   auto job = worker->generate(request);
//   connect(job.get(), &GenerationJob::textGenerated, this, ...);  // queued to this (UI) thread
//   connect(job.get(), &GenerationJob::finished, this, ...);       // or failed(); exactly one of the two
//   job->cancel();                                                 // any thread; stops within one token
//
// Like QNetworkReply, the job lives on the thread that called generate() and emits every signal there,
// from that thread's event loop (the worker posts them), so nothing is missed between generate()
// returning and the caller connecting, and receivers on that thread run directly. A thread without an
// event loop of its own runs a QEventLoop while it waits (WorkerLlmBackend). queued(position) comes
// first when the worker was busy; then started, promptProgress..., textGenerated..., and exactly one of
// finished/failed.
// A job cancelled before it starts finishes with stopReason "cancelled" and no text.
//
// Ownership is shared: the caller holds the handle, the worker's posted signals hold it until they are
// delivered; the last one out deletes it on its own thread (see EngineWorker::generate).
#include "inference/generation_types.h"

#include <QMutex>
#include <QObject>

#include <atomic>
#include <memory>

namespace sosoik::app {

class EngineWorker;

class GenerationJob : public QObject {
    Q_OBJECT
public:
    ~GenerationJob() override;

    int id() const { return id_; }
    const GenerationRequest& request() const { return request_; }
    // Thread-safe: a running request stops within one token; a queued one never starts.
    void cancel();
    // True once finished() or failed() was emitted.
    bool isDone() const { return done_.load(); }
    // Why failed() was emitted, for callers that answer with status codes (the local server).
    enum class Failure { None, NoModel, PromptTooLong, Engine };
    Failure failure() const { return failure_.load(); }

signals:
    void queued(int position); // 1 = next after the running request
    void started(const sosoik::app::GenerationStats& stats);
    // Prompt processing before the first token: tokens decoded of those to decode (0..total).
    void promptProgress(int done, int total);
    void textGenerated(const QString& text, const sosoik::app::GenerationStats& stats);
    void finished(const sosoik::app::GenerationStats& stats);
    void failed(const QString& message);

public:
    // The worker side of cancel(): cleared when the worker goes, so a job outliving it cancels nothing.
    struct WorkerLink {
        QMutex mutex;
        EngineWorker* worker = nullptr;
    };

private:
    friend class EngineWorker;
    GenerationJob(std::shared_ptr<WorkerLink> link, int id, GenerationRequest request);
    void finish(const GenerationStats& stats);
    void fail(const QString& message, Failure why = Failure::Engine);

    std::shared_ptr<WorkerLink> link_;
    const int id_;
    const GenerationRequest request_;
    std::atomic<bool> done_{false};
    std::atomic<Failure> failure_{Failure::None};
};

using GenerationJobPtr = std::shared_ptr<GenerationJob>;

} // namespace sosoik::app
