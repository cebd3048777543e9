#include "inference/generation_job.h"

#include "inference/engine_worker.h"

namespace sosoik::app {

GenerationJob::GenerationJob(std::shared_ptr<WorkerLink> link, int id, GenerationRequest request)
    : link_(std::move(link)), id_(id), request_(std::move(request)) {}

GenerationJob::~GenerationJob() = default;

void GenerationJob::cancel() {
    QMutexLocker lock(&link_->mutex);
    if (link_->worker) link_->worker->cancel(id_);
}

void GenerationJob::finish(const GenerationStats& stats) {
    done_.store(true);
    emit finished(stats);
}

void GenerationJob::fail(const QString& message, Failure why) {
    failure_.store(why);
    done_.store(true);
    emit failed(message);
}

} // namespace sosoik::app
