#include "summarize/ui/summary_controller.h"

#include "chat/answer_stream.h"
#include "documents/chunk_spool.h"
#include "documents/document_error.h"
#include "documents/document_extractor.h"
#include "settings/app_settings.h"
#include "storage/storage.h"
#include "summarize/language.h"
#include "summarize/summary_pipeline.h"
#include "summarize/ui/document_store.h"
#include "summarize/ui/worker_llm_backend.h"

#include <QFileInfo>

namespace sosoik::summarize {
namespace {

QString clock(double seconds) {
    const int s = int(seconds + 0.5);
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

constexpr int kMaxSummaryContext = 8192; // KV cache memory grows with it; 8k fits small GPUs

} // namespace

SummaryController::SummaryController(app::EngineWorker* worker, storage::Storage* storage,
                                     app::AnswerStreams* answers, app::AppSettings* settings, QObject* parent)
    : QObject(parent), worker_(worker), storage_(storage), answers_(answers), settings_(settings) {
    if (settings_) {
        language_ = settings_->store().value(QStringLiteral("summary/language"), language_).toString();
        targetWords_ = settings_->store().value(QStringLiteral("summary/words"), targetWords_).toInt();
        maxTextMillions_ = std::clamp(
            settings_->store().value(QStringLiteral("summary/maxTextMillions"), maxTextMillions_).toInt(), 1,
            500);
    }
    connect(worker_, &app::EngineWorker::modelLoaded, this, [this](int, const app::ModelDetails& details) {
        model_ = details;
        modelLoaded_ = true;
        startNext();
    });
    tick_.setInterval(1000);
    connect(&tick_, &QTimer::timeout, this, [this] {
        showTime();
        emit progressChanged();
    });
}

SummaryController::~SummaryController() {
    queue_.clear();
    if (thread_) {
        cancel();
        thread_->wait();
        delete thread_;
    }
}

QString SummaryController::documentPatterns() {
    QStringList patterns;
    for (const QString& suffix : documents::supportedSuffixes())
        patterns << QStringLiteral("*.") + suffix;
    return patterns.join(QLatin1Char(' '));
}

void SummaryController::setLanguage(const QString& language) {
    if (language == language_ || (language != "auto" && language != "ko" && language != "en")) return;
    language_ = language;
    if (settings_) settings_->store().setValue(QStringLiteral("summary/language"), language_);
    emit settingsChanged();
}

void SummaryController::setTargetWords(int words) {
    words = std::clamp(words, 20, 2000);
    if (words == targetWords_) return;
    targetWords_ = words;
    if (settings_) settings_->store().setValue(QStringLiteral("summary/words"), targetWords_);
    emit settingsChanged();
}

void SummaryController::setMaxTextMillions(int millions) {
    millions = std::clamp(millions, 1, 500);
    if (millions == maxTextMillions_) return;
    maxTextMillions_ = millions;
    if (settings_) settings_->store().setValue(QStringLiteral("summary/maxTextMillions"), maxTextMillions_);
    emit settingsChanged();
}

int SummaryController::summarizeUrls(const QVariant& urls) {
    // QML hands over a list of urls (drop.urls, FileDialog.selectedFiles) or a single url.
    QList<QUrl> list;
    if (urls.metaType() == QMetaType::fromType<QList<QUrl>>())
        list = urls.value<QList<QUrl>>();
    else if (urls.metaType() == QMetaType::fromType<QUrl>())
        list << urls.toUrl();
    else
        for (const QVariant& v : urls.toList())
            list << v.toUrl();
    int queued = 0;
    for (const QUrl& url : list) {
        if (!url.isLocalFile()) continue;
        queued += summarizeFile(url.toLocalFile()) ? 1 : 0;
    }
    if (queued == 0 && !list.isEmpty()) setError(tr("Only files on this computer can be summarized."));
    return queued;
}

bool SummaryController::summarizeFile(const QString& path) {
    if (!QFileInfo(path).isFile()) {
        setError(tr("%1 is not a file.").arg(path));
        return false;
    }
    queue_ << path;
    emit stateChanged();
    startNext();
    return true;
}

void SummaryController::cancel() {
    cancel_.store(true);
    if (backend_) backend_->interrupt();
}

void SummaryController::dismissError() {
    setError(QString());
}

void SummaryController::setError(const QString& text) {
    if (text == error_) return;
    error_ = text;
    emit errorTextChanged();
}

void SummaryController::startNext() {
    if (thread_ || queue_.isEmpty() || !worker_) return;
    if (!modelLoaded_) {
        setError(tr("Open a model first; the document will be summarized once it is loaded."));
        return;
    }
    const QString path = queue_.takeFirst();
    const QString fileName = QFileInfo(path).fileName();
    currentPath_ = path;
    conversationId_ =
        storage_->createConversation(storage::ConversationKind::Document, fileName, {}, {}, model_.path);
    storage_->addMessage(conversationId_, QStringLiteral("user"), tr("Summarize %1").arg(fileName));
    answer_ = answers_->begin(conversationId_, model_.name);
    if (answer_) connect(answer_.data(), &app::AnswerStream::stopRequested, this, &SummaryController::cancel);
    emit summaryStarted(conversationId_); // the main window shows it (AppContext opens it in the chat)
    cancel_.store(false);
    progress_ = 0;
    progressText_ = tr("Reading %1…").arg(fileName);
    timeText_.clear();
    eta_ = -1;
    started_.start();
    tick_.start();
    setError(QString());

    // The user's chat context says what this machine handles; summaries want at least 4k (fewer,
    // larger chunks) but stay within kMaxSummaryContext and the model's trained context.
    int context = std::clamp(settings_ ? settings_->contextLength() : 4096, 4096, kMaxSummaryContext);
    if (model_.trainedContext > 0) context = std::min(context, model_.trainedContext);
    auto backend = std::make_shared<WorkerLlmBackend>(worker_, context, model_.chatTemplate);
    backend_ = backend;
    const SummaryOptions options{language_, targetWords_, fileName};
    const QString dataDir = storage_->dataDir();
    const qint64 conversation = conversationId_;
    const qint64 maxTextChars = qint64(maxTextMillions_) * 1'000'000;
    thread_ = QThread::create([this, backend, options, path, dataDir, conversation, maxTextChars] {
        SummaryResult result;
        QString failure;
        try {
            SummaryPipeline pipeline(*backend, options);
            pipeline.onProgress = [this](const SummaryProgress& p) {
                const QString text = p.text();
                QMetaObject::invokeMethod(
                    this, [=, this] { onProgress(p.call, p.totalCalls, text, p.etaSeconds); },
                    Qt::QueuedConnection);
            };
            pipeline.onSummaryText = [this](const QString& piece) {
                QMetaObject::invokeMethod(
                    this, [=, this] { onText(piece); }, Qt::QueuedConnection);
            };
            documents::ChunkSpool spool;
            documents::ExtractOptions extract;
            extract.cancel = &cancel_;
            extract.maxTextChars = maxTextChars;
            extract.progress = [this, last = -1](double fraction) mutable {
                const int percent = int(fraction * 100);
                if (percent == last) return; // one update per percent is plenty
                last = percent;
                QMetaObject::invokeMethod(
                    this, [=, this] { onReading(fraction); }, Qt::QueuedConnection);
            };
            const documents::ExtractInfo info = pipeline.prepare(path, spool, extract);
            {
                // This thread's own connection; the UI thread's Storage stays on the UI thread.
                storage::Storage store;
                if (store.open(dataDir)) saveDocument(store, conversation, path, info.pages, spool);
            }
            result = pipeline.run(spool, cancel_);
        } catch (const documents::DocumentError& e) {
            if (e.kind() == documents::DocumentError::Kind::Cancelled)
                result.cancelled = true;
            else
                failure = e.message();
        } catch (const std::exception& e) {
            if (cancel_.load())
                result.cancelled = true;
            else
                failure = QString::fromUtf8(e.what());
        }
        QMetaObject::invokeMethod(
            this, [=, this] { onDone(result.summary, result.cancelled, failure); }, Qt::QueuedConnection);
    });
    thread_->start();
    emit stateChanged();
    emit progressChanged();
}

void SummaryController::onReading(double fraction) {
    if (!busy()) return;
    progressText_ = tr("Reading %1… %2%").arg(QFileInfo(currentPath_).fileName()).arg(int(fraction * 100));
    emit progressChanged();
}

void SummaryController::onProgress(int call, int total, const QString& text, double eta) {
    progress_ = total > 0 ? double(call - 1) / total : 0;
    progressText_ = text;
    eta_ = eta;
    etaAt_ = started_.elapsed() / 1000.0;
    showTime();
    emit progressChanged();
}

void SummaryController::showTime() {
    const double elapsed = started_.elapsed() / 1000.0;
    timeText_ = tr("%1 elapsed").arg(clock(elapsed));
    // The estimate counts down between chunks; once it has run out, only the next chunk can say more.
    const double left = eta_ - (elapsed - etaAt_);
    if (eta_ >= 0 && left >= 1) timeText_ += tr(" · about %1 left").arg(clock(left));
}

void SummaryController::onText(const QString& piece) {
    if (answer_) answer_->append(piece);
}

void SummaryController::onDone(const QString& summary, bool cancelled, const QString& failure) {
    tick_.stop();
    if (thread_) {
        thread_->wait();
        delete thread_;
        thread_ = nullptr;
    }
    backend_.reset();
    const QString fileName = QFileInfo(currentPath_).fileName();
    QString content = summary.trimmed();
    if (!failure.isEmpty()) {
        // Said once, naming the file once: the reason usually names it already ("notes.txt is not a text
        // document ..."), and the answer under "Summarize notes.txt" (the conversation the chat shows) is
        // where it is read; the banner above the chat only when there is no answer to hold it.
        content =
            failure.contains(fileName) ? failure : tr("Could not summarize %1: %2").arg(fileName, failure);
        if (!answer_) setError(content);
    } else if (cancelled) {
        content = content.isEmpty()
                      ? tr("The summary was cancelled before any part was done.")
                      : content + QStringLiteral("\n\n") + tr("(Summary cancelled; this is what was done.)");
    }
    if (answer_) {
        answer_->replaceText(content);
        answer_->finish();
    }
    answer_ = nullptr;
    const qint64 finished = conversationId_;
    currentPath_.clear();
    progress_ = failure.isEmpty() && !cancelled ? 1.0 : progress_;
    emit stateChanged();
    emit progressChanged();
    if (failure.isEmpty())
        emit summaryFinished(finished, cancelled);
    else
        emit summaryFailed(finished, failure);
    startNext();
}

void SummaryController::augmentFollowUp(qint64 conversationId, app::GenerationRequest& request) const {
    if (conversationId == 0 || request.messages.isEmpty() ||
        request.messages.last().role != QLatin1String("user"))
        return;
    if (storage_->documents(conversationId).isEmpty()) return;
    const QString question = request.messages.last().content;
    // Room for excerpts: what the conversation and the answer leave of the context. Token
    // counts are estimated (the UI thread cannot ask the engine synchronously): Korean can
    // take about one token per character.
    const auto estimate = [](const QString& s) { return int(s.size()) + 8; };
    int used = request.settings.maxNewTokens + 200;
    for (const auto& m : request.messages)
        used += estimate(m.content);
    const int budget = std::max(256, request.settings.contextLength - used);
    const auto chunks = retrieveChunks(*storage_, conversationId, question, 6);
    if (chunks.isEmpty()) return;
    PromptContext pc;
    pc.language = resolveLanguage(language_, question);
    pc.family = model_.chatTemplate;
    const auto docs = storage_->documents(conversationId);
    pc.title = docs.first().fileName;
    const QList<LlmMessage> prompt =
        followUpPrompt(pc, question, excerptsWithinBudget(chunks, budget, estimate));
    request.messages.last().content = prompt.last().content;
    if (prompt.size() > 1) { // instructions as (part of) the system message
        if (request.messages.first().role == QLatin1String("system"))
            request.messages.first().content =
                prompt.first().content + QStringLiteral("\n\n") + request.messages.first().content;
        else
            request.messages.prepend({QStringLiteral("system"), prompt.first().content});
    }
}

} // namespace sosoik::summarize
