#include "summarize/ui/worker_llm_backend.h"

#include "summarize/summary_pipeline.h"

namespace sosoik::summarize {

WorkerLlmBackend::WorkerLlmBackend(app::EngineWorker* worker, int contextLength, QString family)
    : worker_(worker), context_(contextLength), family_(std::move(family)) {
    // Direct connections: the handlers run on the worker thread while the pipeline thread waits.
    connect(
        worker_, &app::EngineWorker::tokensCounted, this,
        [this](int id, int count) {
            QMutexLocker lock(&mutex_);
            counts_.insert(id, count);
            changed_.wakeAll();
        },
        Qt::DirectConnection);
    connect(
        worker_, &app::EngineWorker::textGenerated, this,
        [this](int id, const QString& text, const app::GenerationStats&) {
            std::function<void(const QString&)> sink;
            {
                QMutexLocker lock(&mutex_);
                if (id != currentId_) return;
                text_ += text;
                sink = onToken_;
            }
            if (sink) sink(text);
        },
        Qt::DirectConnection);
    auto finish = [this](int id, const QString& failure) {
        QMutexLocker lock(&mutex_);
        if (id != currentId_) return;
        done_ = true;
        failure_ = failure;
        changed_.wakeAll();
    };
    connect(
        worker_, &app::EngineWorker::generationFinished, this,
        [finish](int id, const app::GenerationStats&) { finish(id, QString()); }, Qt::DirectConnection);
    connect(worker_, &app::EngineWorker::generationFailed, this, finish, Qt::DirectConnection);
}

WorkerLlmBackend::~WorkerLlmBackend() {
    disconnect(worker_, nullptr, this, nullptr);
}

int WorkerLlmBackend::countTokens(const QString& text) const {
    const int id = worker_->countTokens(text);
    QMutexLocker lock(&mutex_);
    while (!counts_.contains(id))
        changed_.wait(&mutex_);
    const int count = counts_.take(id);
    if (count < 0) throw SummaryError(tr("No model is loaded; open a model first.").toStdString());
    return count;
}

int WorkerLlmBackend::countPromptTokens(const QList<LlmMessage>& messages) const {
    // The worker renders the chat template itself; each turn's markup costs a handful of tokens.
    QStringList contents;
    for (const LlmMessage& m : messages)
        contents << m.content;
    return countTokens(contents.join(QLatin1Char('\n'))) + 8 * int(messages.size()) + 4;
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
    // Holding the lock across generate() means no signal of the new request can be handled
    // before currentId_ names it (the worker emits without holding its own lock).
    QMutexLocker lock(&mutex_);
    done_ = false;
    failure_.clear();
    text_.clear();
    onToken_ = onToken;
    currentId_ = worker_->generate(request);
    const int id = currentId_;
    if (cancel.load()) worker_->cancel(id); // Cancel pressed while the request was being queued
    while (!done_)
        changed_.wait(&mutex_, 100);
    onToken_ = nullptr;
    currentId_ = 0;
    if (!failure_.isEmpty()) throw SummaryError(failure_.toStdString());
    return text_;
}

void WorkerLlmBackend::interrupt() {
    int id;
    {
        QMutexLocker lock(&mutex_);
        id = currentId_;
    }
    if (id > 0) worker_->cancel(id);
}

} // namespace sosoik::summarize
