#pragma once
// EngineWorker: the one thread that owns the engine.
//
// Every feature that wants the model (chat, tray quick-query, document summaries) talks to
// the engine only through this object:
//
//   int id = worker->generate(request);   // any thread; returns at once with a request id
//   connect(worker, &EngineWorker::textGenerated, ...);     // chunks keyed by request id
//   connect(worker, &EngineWorker::generationFinished, ...); // or generationFailed
//   worker->cancel(id);                    // any thread; stops within one token
//
// A request is self-contained: conversation id (informational, for the caller), the full
// message list (system prompt first, last one the user's) and its sampling settings. The
// worker renders it with the model's chat template and hands it to sosoik::generate, which
// reuses the KV cache for the prefix shared with the previous request, so continuing a
// conversation only decodes the new turn. When the prompt does not fit the context, the
// oldest turns after the system prompt are dropped (GenerationStats::droppedMessages says
// how many) so callers can tell the user.
//
// Requests run one at a time in submission order; while one runs, later ones wait and
// generationQueued() reports their queue position. Loading a model is queued the same way.
// All signals are emitted from the worker thread; connect with the default (auto) connection
// from QObjects living on the UI thread and they arrive queued, so the UI never blocks.
#include "inference/inference_backend.h"

#include <QList>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QThread>

#include <atomic>
#include <memory>

namespace sosoik::app {

// Per-conversation sampling and context settings (app-wide defaults live in Settings).
struct GenerationSettings {
    QString systemPrompt; // informational; the system message is part of GenerationRequest::messages
    double temperature = 0.7;
    double topP = 0.95;
    int topK = 40;
    int maxNewTokens = 512;
    int contextLength = 2048;
};

struct ChatTurn {
    QString role; // "system", "user", "assistant"
    QString content;
};

struct GenerationRequest {
    qint64 conversationId = -1;
    QList<ChatTurn> messages;
    GenerationSettings settings;
};

struct GenerationStats {
    int promptTokens = 0; // tokens of the rendered prompt (after dropping old turns)
    int reusedTokens = 0; // of which came from the KV cache
    int generatedTokens = 0;
    int contextUsed = 0; // prompt + generated
    int contextLength = 0;
    int droppedMessages = 0; // oldest messages left out so the prompt fits
    double tokensPerSecond = 0;
    QString stopReason; // "eos", "length", "stop-string", "cancelled", "context-full"
};

class EngineWorker : public QObject {
    Q_OBJECT
public:
    explicit EngineWorker(std::unique_ptr<InferenceBackend> backend, QObject* parent = nullptr);
    ~EngineWorker() override; // stops the current request and joins the thread

    // All of these return immediately and may be called from any thread.
    int loadModel(const LoadRequest& request);
    int unloadModel(); // frees the model (queued like a load); answered by modelUnloaded
    int generate(const GenerationRequest& request);
    int countTokens(const QString& text); // answered by tokensCounted
    void cancel(int requestId); // a running request stops within one token; a queued one never starts
    void cancelAll();

    bool isBusy() const { return busyCount_.load() > 0; }

signals:
    void modelLoadStarted(int requestId, const QString& path);
    void modelLoadProgress(int requestId, double fraction);
    void modelLoaded(int requestId, const sosoik::app::ModelDetails& details);
    void modelLoadFailed(int requestId, const QString& path, const QString& message);
    void modelUnloaded(int requestId);

    void generationQueued(int requestId, int position); // position 1 = next after the running one
    void generationStarted(int requestId, const sosoik::app::GenerationStats& stats);
    void textGenerated(int requestId, const QString& text, const sosoik::app::GenerationStats& stats);
    void generationFinished(int requestId, const sosoik::app::GenerationStats& stats);
    void generationFailed(int requestId, const QString& message);

    void tokensCounted(int requestId, int count);

private:
    // These run on the worker thread.
    void runLoad(int requestId, const LoadRequest& request);
    void runUnload(int requestId);
    void runGenerate(int requestId, const GenerationRequest& request);
    void drainCounts();
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
    QList<QPair<int, QString>> pendingCounts_;
};

} // namespace sosoik::app

Q_DECLARE_METATYPE(sosoik::app::GenerationRequest)
Q_DECLARE_METATYPE(sosoik::app::GenerationStats)
