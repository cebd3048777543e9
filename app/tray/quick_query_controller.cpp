#include "tray/quick_query_controller.h"

#include "chat/answer_stream.h"
#include "chat/safe_markdown.h"
#include "settings/app_settings.h"
#include "storage/storage.h"

#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>
#include <QUrl>

namespace sosoik::app {

namespace {
// Plain-text fallback for dropped files until the documents feature's extractor is wired in.
QString readPlainText(const QString& path, QString* error) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (!QStringList{"txt", "md", "markdown", "csv", "log", "json", "xml", "html", "htm"}.contains(suffix)) {
        *error = QuickQueryController::tr("%1: only plain-text files can be summarized here.")
                     .arg(QFileInfo(path).fileName());
        return {};
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QuickQueryController::tr("Cannot read %1: %2")
                     .arg(QFileInfo(path).fileName(), file.errorString());
        return {};
    }
    QStringDecoder decoder(QStringDecoder::Utf8);
    // One character beyond the limit tells whether the file is longer than one prompt.
    const QString text = decoder.decode(file.read((QuickQueryController::kMaxSummaryChars + 1) * 4));
    if (decoder.hasError()) {
        *error = QuickQueryController::tr("%1 is not UTF-8 text.").arg(QFileInfo(path).fileName());
        return {};
    }
    return text;
}

QString summaryPrompt(const QString& text) {
    QString body = text.trimmed();
    const bool cut = body.size() > QuickQueryController::kMaxSummaryChars;
    if (cut) body.truncate(QuickQueryController::kMaxSummaryChars);
    return QuickQueryController::tr("Summarize the following text in a few short bullet points, in the "
                                    "language it is written in.%1\n\n%2")
        .arg(cut ? QuickQueryController::tr(" (Only its beginning is included.)") : QString(), body);
}
} // namespace

QuickQueryController::QuickQueryController(EngineWorker* worker, storage::Storage* storage,
                                           AnswerStreams* answers, AppSettings* settings, QObject* parent)
    : QObject(parent), m_worker(worker), m_storage(storage), m_answers(answers), m_settings(settings) {
    connect(m_worker, &EngineWorker::modelLoaded, this,
            [this](int, const ModelDetails& details) { m_modelName = details.name; });
}

QuickQueryController::~QuickQueryController() {
    if (m_job) m_job->cancel();
}

bool QuickQueryController::ask(const QString& text) {
    const QString question = text.trimmed();
    if (question.isEmpty()) return false;
    return start(question, question, {});
}

bool QuickQueryController::summarizeText(const QString& text) {
    if (text.trimmed().isEmpty()) {
        if (!busy()) setState("error", tr("The clipboard holds no text to summarize."));
        return false;
    }
    const QString firstLine = text.trimmed().section('\n', 0, 0).left(40);
    return start(tr("Summarize: %1…").arg(firstLine), summaryPrompt(text), tr("Summary: %1").arg(firstLine));
}

bool QuickQueryController::summarizeFile(const QString& pathOrUrl) {
    if (busy()) return false;
    const QUrl url(pathOrUrl);
    const QString path = url.isLocalFile() ? url.toLocalFile() : pathOrUrl;
    const QString name = QFileInfo(path).fileName();
    QString error;
    const QString text = m_extractor ? m_extractor(path, &error) : readPlainText(path, &error);
    if (!error.isEmpty() || text.trimmed().isEmpty()) {
        setState("error", error.isEmpty() ? tr("%1 contains no text to summarize.").arg(name) : error);
        return false;
    }
    if (m_handOffLong && text.trimmed().size() > kMaxSummaryChars) {
        setState("handedOff", tr("%1 is longer than one answer can cover: the main window is summarizing "
                                 "all of it in a new conversation.")
                                  .arg(name));
        emit longDocumentDropped(path);
        return true;
    }
    return start(tr("Summarize %1").arg(name), summaryPrompt(text), tr("Summary: %1").arg(name));
}

bool QuickQueryController::start(const QString& shownQuestion, const QString& prompt, const QString& title) {
    if (busy()) return false;
    m_question = shownQuestion;
    m_answer.clear();
    m_stream = nullptr;
    m_conversationId = 0;
    emit answerChanged();

    // Saved before the answer starts, so the history shows the question even if the app dies meanwhile.
    const GenerationRequest request = buildRequest(prompt);
    if (m_storage && m_storage->isOpen()) {
        m_conversationId = m_storage->createConversation(storage::ConversationKind::Quick, title,
                                                         request.messages.first().content);
        if (m_conversationId && m_storage->addMessage(m_conversationId, "user", prompt) && m_answers)
            m_stream = m_answers->begin(m_conversationId, m_modelName);
        if (m_stream)
            connect(m_stream.data(), &AnswerStream::stopRequested, this, &QuickQueryController::stop);
    }

    const bool waiting = m_worker->isBusy();
    m_job = m_worker->generate(request);
    GenerationJob* job = m_job.get();
    connect(job, &GenerationJob::queued, this, &QuickQueryController::onQueued);
    connect(job, &GenerationJob::started, this, &QuickQueryController::onStarted);
    connect(job, &GenerationJob::textGenerated, this, &QuickQueryController::onText);
    connect(job, &GenerationJob::finished, this, &QuickQueryController::onFinished);
    connect(job, &GenerationJob::failed, this, &QuickQueryController::onFailed);
    if (waiting)
        setState("queued", tr("Queued: the model is busy with another answer…"));
    else
        setState("generating", tr("Thinking…"));
    if (m_conversationId == 0 && m_storage)
        m_status +=
            QStringLiteral(" ") + tr("(This exchange cannot be saved: %1)").arg(m_storage->errorString());
    return true;
}

GenerationRequest QuickQueryController::buildRequest(const QString& prompt) const {
    GenerationRequest request;
    request.conversationId = m_conversationId;
    const QString system = m_settings ? m_settings->systemPrompt() : AppSettings::defaultSystemPrompt();
    request.messages.append({QStringLiteral("system"), system});
    request.messages.append({QStringLiteral("user"), prompt});
    if (m_settings) {
        request.settings.temperature = m_settings->temperature();
        request.settings.topP = m_settings->topP();
        request.settings.topK = m_settings->topK();
        request.settings.maxNewTokens = m_settings->maxNewTokens();
        request.settings.contextLength = m_settings->contextLength();
    }
    return request;
}

void QuickQueryController::stop() {
    if (m_job) m_job->cancel();
}

void QuickQueryController::continueInChat() {
    if (m_conversationId) emit continueInChatRequested(m_conversationId);
}

void QuickQueryController::setState(const QString& state, const QString& status) {
    m_state = state;
    m_status = status;
    emit changed();
}

void QuickQueryController::onQueued(int position) {
    if (m_state == "queued" && position > 1)
        setState("queued", tr("Queued (%1 ahead): the model is busy with other answers…").arg(position));
}

void QuickQueryController::onStarted() {
    setState("generating", tr("Thinking…"));
}

void QuickQueryController::onText(const QString& text) {
    if (m_state == "queued") setState("generating", tr("Thinking…"));
    m_answer += text;
    if (m_stream) m_stream->append(text);
    emit answerChanged();
}

void QuickQueryController::onFinished(const GenerationStats& stats) {
    m_job.reset();
    if (m_stream) m_stream->finish(stats.promptTokens, stats.generatedTokens);
    m_stream = nullptr;
    if (stats.stopReason == QLatin1String("cancelled"))
        setState("stopped", tr("Stopped."));
    else
        setState("done", {});
    if (m_conversationId && m_storage) m_storage->touch(m_conversationId);
    emit finished();
}

void QuickQueryController::onFailed(const QString& message) {
    m_job.reset();
    // An answer that never came is not kept; the question stays in the history.
    if (m_stream) m_stream->fail(message);
    m_stream = nullptr;
    setState("error", message);
    emit finished();
}

QString QuickQueryController::answerMarkdown() const {
    return safeMarkdown(m_answer);
}

} // namespace sosoik::app
