#include "summarize/ui/worker_llm_backend.h"

#include "chat/thinking.h"
#include "summarize/summary_pipeline.h"

#include <QEventLoop>

namespace sosoik::summarize {

WorkerLlmBackend::WorkerLlmBackend(app::EngineWorker* worker, int contextLength, QString family)
    : worker_(worker), context_(contextLength), family_(std::move(family)) {}

WorkerLlmBackend::~WorkerLlmBackend() = default;

namespace {
int checked(int count) {
    if (count < 0)
        throw SummaryError(WorkerLlmBackend::tr("No model is loaded; open a model first.").toStdString());
    return count;
}
} // namespace

int WorkerLlmBackend::countTokens(const QString& text) const {
    return checked(worker_->countTokens(text).result()); // blocks this (pipeline) thread only
}

int WorkerLlmBackend::countPromptTokens(const QList<LlmMessage>& messages) const {
    QList<app::ChatTurn> turns;
    for (const LlmMessage& m : messages)
        turns.append({m.role, m.content});
    return checked(worker_->countPromptTokens(turns).result()); // the rendered chat template, exactly
}

QString WorkerLlmBackend::complete(const QList<LlmMessage>& messages, int maxTokens,
                                   const std::function<void(const QString&)>& onToken,
                                   const std::atomic<bool>& cancel) {
    if (cancel.load()) return {};
    app::GenerationRequest request;
    for (const LlmMessage& m : messages)
        request.messages.append({m.role, m.content});
    request.settings.temperature = 0.2; // faithful rather than creative
    request.settings.topP = 0.9;
    request.settings.maxNewTokens = maxTokens;
    request.settings.contextLength = context_;

    const app::GenerationJobPtr job = worker_->generate(request);
    {
        QMutexLocker lock(&mutex_);
        job_ = job;
    }
    if (cancel.load()) job->cancel(); // Cancel pressed while the request was being queued
    // The job lives on this thread and delivers its signals from this thread's event loop.
    QString text, failure;
    QEventLoop loop;
    connect(job.get(), &app::GenerationJob::textGenerated, &loop,
            [&](const QString& piece, const app::GenerationStats&) {
                text += piece;
                if (onToken) onToken(piece);
            });
    connect(job.get(), &app::GenerationJob::finished, &loop, &QEventLoop::quit);
    connect(job.get(), &app::GenerationJob::failed, &loop, [&](const QString& message) {
        failure = message;
        loop.quit();
    });
    loop.exec();
    {
        QMutexLocker lock(&mutex_);
        job_.reset();
    }
    if (!failure.isEmpty()) throw SummaryError(failure.toStdString());
    // A reasoning model's thinking is not part of a section's summary: the reduce step and the
    // follow-up excerpts get only the answer (chat/thinking.h).
    return app::withoutThinking(text);
}

void WorkerLlmBackend::interrupt() {
    app::GenerationJobPtr job;
    {
        QMutexLocker lock(&mutex_);
        job = job_;
    }
    if (job) job->cancel();
}

} // namespace sosoik::summarize
