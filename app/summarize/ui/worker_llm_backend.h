#pragma once
// SummarizerBackend over the app's EngineWorker, so summaries share the one engine thread (and
// its queue) with chat. Its methods block the calling thread (complete() runs a local event loop for
// its GenerationJob), which must therefore not be the UI thread nor the worker's: the summary
// pipeline runs on its own thread.
#include "inference/engine_worker.h"
#include "summarize/llm_backend.h"

#include <QMutex>

namespace sosoik::summarize {

class WorkerLlmBackend : public QObject, public SummarizerBackend {
    Q_OBJECT
public:
    WorkerLlmBackend(app::EngineWorker* worker, int contextLength, QString family);
    ~WorkerLlmBackend() override;

    int contextLength() const override { return context_; }
    int countTokens(const QString& text) const override;
    QString chatFamily() const override { return family_; }
    int countPromptTokens(const QList<LlmMessage>& messages) const override;
    QString complete(const QList<LlmMessage>& messages, int maxTokens,
                     const std::function<void(const QString&)>& onToken,
                     const std::atomic<bool>& cancel) override;
    void interrupt() override;

private:
    app::EngineWorker* worker_;
    int context_;
    QString family_;

    mutable QMutex mutex_;  // guards job_: interrupt() comes from the UI thread
    app::GenerationJobPtr job_; // the model call in progress
};

} // namespace sosoik::summarize
