#include "inference/engine_worker.h"

#include "sosoik/error.h"

#include <QElapsedTimer>
#include <QFile>
#include <QMutexLocker>
#include <QRandomGenerator>

#include <algorithm>
#include <exception>

namespace sosoik::app {
namespace {

std::vector<sosoik::ChatMessage> toEngineMessages(const QList<ChatTurn>& turns) {
    std::vector<sosoik::ChatMessage> out;
    out.reserve(turns.size());
    for (const auto& t : turns)
        if (!(t.role == QLatin1String("system") && t.content.trimmed().isEmpty()))
            out.push_back({t.role.toStdString(), t.content.toStdString()});
    return out;
}

// The worker's human messages are built here so that they are translated once, in one place.
QString tooLongMessage(int promptTokens, int contextLength) {
    return EngineWorker::tr("Your message is too long for the context: it needs %1 tokens but the context "
                            "holds %2. Shorten it or raise the context length in the conversation settings.")
        .arg(promptTokens)
        .arg(contextLength);
}

// Runs f(job) on the job's own thread, from its event loop (see GenerationJob).
template <typename F> void postTo(const GenerationJobPtr& job, F f) {
    QMetaObject::invokeMethod(
        job.get(), [job, f = std::move(f)] { f(*job); }, Qt::QueuedConnection);
}

} // namespace

EngineWorker::EngineWorker(std::unique_ptr<InferenceBackend> backend, QObject* parent)
    : QObject(parent), backend_(std::move(backend)) {
    qRegisterMetaType<sosoik::app::ModelDetails>();
    qRegisterMetaType<sosoik::app::GenerationStats>();
    qRegisterMetaType<sosoik::app::GenerationRequest>();
    qRegisterMetaType<sosoik::app::LoadRequest>();
    link_ = std::make_shared<GenerationJob::WorkerLink>();
    link_->worker = this;
    thread_.setObjectName(QStringLiteral("sosoik-engine"));
    threadContext_ = new QObject;
    threadContext_->moveToThread(&thread_);
    thread_.start();
}

EngineWorker::~EngineWorker() {
    {
        QMutexLocker lock(&link_->mutex);
        link_->worker = nullptr;
    }
    cancelAll();
    thread_.quit();
    thread_.wait();
    delete threadContext_;
}

int EngineWorker::loadModel(const LoadRequest& request) {
    const int id = nextId_++;
    ++busyCount_;
    markQueued(id);
    QMetaObject::invokeMethod(
        threadContext_, [this, id, request] { runLoad(id, request); }, Qt::QueuedConnection);
    return id;
}

int EngineWorker::unloadModel() {
    const int id = nextId_++;
    ++busyCount_;
    markQueued(id);
    QMetaObject::invokeMethod(
        threadContext_, [this, id] { runUnload(id); }, Qt::QueuedConnection);
    return id;
}

GenerationJobPtr EngineWorker::generate(const GenerationRequest& request) {
    const int id = nextId_++;
    const int ahead = busyCount_++;
    markQueued(id);
    // The last reference goes either with a delivered (or, at exit, discarded) posted signal on the job's
    // own thread, where nothing else is pending for it, or elsewhere (the engine thread), from where the
    // job's thread is asked to delete it.
    GenerationJobPtr job(new GenerationJob(link_, id, request), [](GenerationJob* j) {
        if (QThread::currentThread() == j->thread())
            delete j;
        else
            j->deleteLater();
    });
    if (ahead > 0) postTo(job, [ahead](GenerationJob& j) { emit j.queued(ahead); });
    QMetaObject::invokeMethod(
        threadContext_, [this, job] { runGenerate(job); }, Qt::QueuedConnection);
    return job;
}

QFuture<int> EngineWorker::countTokens(const QString& text) {
    CountRequest count{std::make_shared<QPromise<int>>(), false, text, {}};
    QFuture<int> future = count.promise->future();
    count.promise->start();
    {
        QMutexLocker lock(&mutex_);
        pendingCounts_.append(std::move(count));
    }
    QMetaObject::invokeMethod(
        threadContext_, [this] { drainCounts(); }, Qt::QueuedConnection);
    return future;
}

QFuture<int> EngineWorker::countPromptTokens(const QList<ChatTurn>& messages) {
    CountRequest count{std::make_shared<QPromise<int>>(), true, {}, messages};
    QFuture<int> future = count.promise->future();
    count.promise->start();
    {
        QMutexLocker lock(&mutex_);
        pendingCounts_.append(std::move(count));
    }
    QMetaObject::invokeMethod(
        threadContext_, [this] { drainCounts(); }, Qt::QueuedConnection);
    return future;
}

void EngineWorker::cancel(int requestId) {
    QMutexLocker lock(&mutex_);
    if (requestId == currentId_) {
        currentCancelled_.store(true);
        backend_->cancel(); // the one cross-thread call into the engine (Session::cancel)
    } else if (queuedIds_.contains(requestId)) {
        cancelledIds_.insert(requestId);
    }
}

void EngineWorker::markQueued(int requestId) {
    QMutexLocker lock(&mutex_);
    queuedIds_.insert(requestId);
}

void EngineWorker::cancelAll() {
    QMutexLocker lock(&mutex_);
    cancelledIds_.unite(queuedIds_);
    if (currentId_ != 0) {
        currentCancelled_.store(true);
        backend_->cancel();
    }
}

bool EngineWorker::beginRequest(int requestId) {
    QMutexLocker lock(&mutex_);
    queuedIds_.remove(requestId);
    if (cancelledIds_.remove(requestId)) return false;
    currentId_ = requestId;
    currentCancelled_.store(false);
    backend_->resetCancel();
    return true;
}

void EngineWorker::endRequest() {
    {
        QMutexLocker lock(&mutex_);
        currentId_ = 0;
    }
    --busyCount_;
}

void EngineWorker::drainCounts() {
    QList<CountRequest> work;
    {
        QMutexLocker lock(&mutex_);
        work.swap(pendingCounts_);
    }
    for (CountRequest& request : work) {
        int count = -1;
        if (backend_->isLoaded()) {
            try {
                count = request.asPrompt ? int(backend_->renderChat(toEngineMessages(request.turns)).size())
                                         : backend_->countTokens(request.text.toStdString());
            } catch (const std::exception&) {
                count = -1;
            }
        }
        request.promise->addResult(count);
        request.promise->finish();
    }
}

void EngineWorker::runLoad(int requestId, const LoadRequest& request) {
    if (!beginRequest(requestId)) {
        endRequest();
        // The caller waits for an answer to every load it asked for.
        emit modelLoadFailed(requestId, request.path, tr("Loading was cancelled."));
        return;
    }
    emit modelLoadStarted(requestId, request.path);
    try {
        const ModelDetails details = backend_->load(request, [this, requestId](float f) {
            // A cancel (cancelAll) stops the load at its next step: the Vulkan backend reports after each
            // tensor it uploads, and the engine frees what it allocated when this unwinds.
            if (currentCancelled_.load())
                throw sosoik::Error(sosoik::Error::Kind::Cancelled,
                                    tr("Loading was cancelled.").toStdString());
            emit modelLoadProgress(requestId, f);
        });
        endRequest();
        emit modelLoaded(requestId, details);
    } catch (const std::exception& e) {
        endRequest();
        emit modelLoadFailed(requestId, request.path, describeModelError(e, request.path));
    }
}

QString EngineWorker::describeModelError(const std::exception& error, const QString& path) {
    const QString words = QString::fromUtf8(error.what());
    const auto* engineError = dynamic_cast<const sosoik::Error*>(&error);
    if (!engineError || engineError->kind() != sosoik::Error::Kind::InvalidModel) return words;
    // A file that is not GGUF at all already gets a plain sentence from the engine ("... is not a GGUF
    // file").
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.read(4) != "GGUF") return words;
    // Found under Xvfb: a model cut to 1 MB was refused with "metadata tokenizer.ggml.merges: array of 48900
    // string values does not fit in the 39805 bytes that remain ...", which tells a user nothing to do.
    return tr("The file is damaged or incomplete (a download that stopped early looks like this). Download "
              "it "
              "again or choose another file. Details: %1")
        .arg(words);
}

void EngineWorker::runUnload(int requestId) {
    const bool run = beginRequest(requestId);
    if (run) backend_->unload();
    endRequest();
    if (run) emit modelUnloaded(requestId);
}

void EngineWorker::runGenerate(const GenerationJobPtr& job) {
    GenerationStats stats;
    if (!beginRequest(job->id())) {
        stats.stopReason = QStringLiteral("cancelled");
        endRequest();
        postTo(job, [stats](GenerationJob& j) { j.finish(stats); });
        return;
    }
    const GenerationRequest& request = job->request();
    try {
        if (!backend_->isLoaded()) {
            endRequest();
            postTo(job, [](GenerationJob& j) {
                j.fail(tr("No model is loaded. Open a model file first."), GenerationJob::Failure::NoModel);
            });
            return;
        }
        backend_->prepareSession(request.settings.contextLength);
        const int context = backend_->sessionContextLength();
        stats.contextLength = context;

        // Fit the prompt: drop the oldest turns after the system prompt, keeping room to answer.
        auto messages = toEngineMessages(request.messages);
        const size_t firstDroppable = (!messages.empty() && messages.front().role == "system") ? 1 : 0;
        const int reserve = std::max(1, std::min(request.settings.maxNewTokens, context / 2));
        std::vector<int32_t> prompt = request.rawCompletion
                                          ? backend_->renderText(request.prompt.toStdString())
                                          : backend_->renderChat(messages);
        while (int(prompt.size()) + reserve > context) {
            // A plain completion has no turns to drop.
            if (request.rawCompletion || messages.size() - firstDroppable <= 1) {
                endRequest();
                const QString message = tooLongMessage(int(prompt.size()) + reserve, context);
                postTo(job, [message](GenerationJob& j) {
                    j.fail(message, GenerationJob::Failure::PromptTooLong);
                });
                return;
            }
            messages.erase(messages.begin() + firstDroppable);
            ++stats.droppedMessages;
            // A conversation resumes with a user turn, never with an orphaned answer.
            while (messages.size() - firstDroppable > 1 && messages[firstDroppable].role != "user") {
                messages.erase(messages.begin() + firstDroppable);
                ++stats.droppedMessages;
            }
            prompt = backend_->renderChat(messages);
        }

        sosoik::GenerateOptions options;
        options.sampler.temperature = float(request.settings.temperature);
        options.sampler.topP = float(request.settings.topP);
        options.sampler.topK = request.settings.topK;
        // Issue #13: the engine's default seed is a constant, so every Regenerate gave the same answer.
        options.sampler.seed =
            request.settings.seed != 0 ? request.settings.seed : QRandomGenerator::system()->generate64();
        options.maxNewTokens = std::min(request.settings.maxNewTokens, context - int(prompt.size()));
        if (!request.rawCompletion) options.stopStrings = backend_->stopStrings();
        for (const QString& stop : request.stopStrings)
            if (!stop.isEmpty()) options.stopStrings.push_back(stop.toStdString());
        if (request.seed >= 0) options.sampler.seed = quint64(request.seed);
        options.onPromptProgress = [&job](int done, int total) {
            postTo(job, [done, total](GenerationJob& j) { emit j.promptProgress(done, total); });
        };

        stats.promptTokens = int(prompt.size());
        stats.contextUsed = stats.promptTokens;
        postTo(job, [stats](GenerationJob& j) { emit j.started(stats); });

        QElapsedTimer sinceFirstToken;
        const auto onText = [&](const std::string& text, int32_t) {
            if (!sinceFirstToken.isValid()) sinceFirstToken.start();
            ++stats.generatedTokens;
            stats.contextUsed = stats.promptTokens + stats.generatedTokens;
            const qint64 ms = sinceFirstToken.elapsed();
            if (stats.generatedTokens > 1 && ms > 0)
                stats.tokensPerSecond = (stats.generatedTokens - 1) * 1000.0 / ms;
            if (!text.empty())
                postTo(job, [piece = QString::fromStdString(text), stats](GenerationJob& j) {
                    emit j.textGenerated(piece, stats);
                });
            drainCounts(); // token counts for the input box stay live while answering
            return !currentCancelled_.load();
        };
        const bool remote = backend_->answersMessages() && !request.rawCompletion;
        const auto result = remote ? backend_->generateChat(messages, options, onText)
                                   : backend_->generate(prompt, options, onText);
        if (remote && result.promptTokens > 0) stats.promptTokens = result.promptTokens; // the server's count
        stats.reusedTokens = result.reusedTokens;
        stats.generatedTokens = result.generatedTokens;
        stats.contextUsed = stats.promptTokens + stats.generatedTokens;
        if (result.generateSeconds > 0)
            stats.tokensPerSecond = result.generatedTokens / result.generateSeconds;
        stats.stopReason = currentCancelled_.load() ? QStringLiteral("cancelled")
                                                    : QString::fromStdString(result.stopReason);
        endRequest();
        postTo(job, [stats](GenerationJob& j) { j.finish(stats); });
    } catch (const sosoik::Error& e) {
        endRequest();
        if (e.kind() == sosoik::Error::Kind::Cancelled) {
            stats.stopReason = QStringLiteral("cancelled");
            postTo(job, [stats](GenerationJob& j) { j.finish(stats); });
        } else {
            postTo(job, [message = QString::fromUtf8(e.what())](GenerationJob& j) { j.fail(message); });
        }
    } catch (const std::exception& e) {
        endRequest();
        postTo(job, [message = QString::fromUtf8(e.what())](GenerationJob& j) { j.fail(message); });
    }
}

} // namespace sosoik::app
