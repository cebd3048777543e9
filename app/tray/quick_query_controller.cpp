#include "tray/quick_query_controller.h"

#include "chat/answer_stream.h"
#include "chat/safe_markdown.h"
#include "chat/thinking.h"
#include "settings/app_settings.h"
#include "storage/storage.h"

#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>
#include <QUrl>

#include <algorithm>

namespace sosoik::app {

namespace {
// Plain-text fallback for dropped files until the documents feature's extractor is wired in.
QString readPlainText(const QString& path, qsizetype maxChars, QString* error) {
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
    const QString text = QString(decoder.decode(file.read(maxChars * 4))).left(maxChars);
    if (decoder.hasError()) {
        *error = QuickQueryController::tr("%1 is not UTF-8 text.").arg(QFileInfo(path).fileName());
        return {};
    }
    return text;
}

QString summaryPrompt(const QString& body, bool cut) {
    return QuickQueryController::tr("Summarize the following text in a few short bullet points, in the "
                                    "language it is written in.%1\n\n%2")
        .arg(cut ? QuickQueryController::tr(" (Only its beginning is included.)") : QString(),
             body.trimmed());
}
} // namespace

QuickQueryController::QuickQueryController(EngineWorker* worker, storage::Storage* storage,
                                           AnswerStreams* answers, AppSettings* settings, QObject* parent)
    : QObject(parent), m_worker(worker), m_storage(storage), m_answers(answers), m_settings(settings) {
    // Quick conversations record the model like chats do: its path, and its file name on each answer.
    connect(m_worker, &EngineWorker::modelLoaded, this,
            [this](int, const ModelDetails& details) { m_modelPath = details.path; });
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
    if (busy()) return false;
    const QString firstLine = text.trimmed().section('\n', 0, 0).left(40);
    const qsizetype cap = maxPromptChars();
    const bool cut = text.size() > cap;
    prepare(tr("Summarize: %1…").arg(firstLine), text.left(cap), cut, tr("Summary: %1").arg(firstLine), {});
    return true;
}

int QuickQueryController::contextLength() const {
    return m_settings ? m_settings->contextLength() : GenerationSettings().contextLength;
}

qsizetype QuickQueryController::maxPromptChars() const {
    return qsizetype(contextLength()) * kMaxCharsPerToken;
}

// Issue #13: the popup decided by characters (12,000) and an 11,220-character Korean file needed 27,725
// tokens of a 2,048-token context. Now the loaded model's tokenizer counts the rendered prompt on the
// engine thread; a text too long for one answer goes to the main window (file) or is cut (clipboard).
void QuickQueryController::prepare(const QString& shownQuestion, const QString& body, bool cut,
                                   const QString& title, const QString& handOffPath) {
    const int ticket = ++m_prepareTicket;
    m_question = shownQuestion;
    m_answer.clear();
    m_conversationId = 0;
    emit answerChanged();
    setState("generating", tr("Reading…"));
    const GenerationRequest request = buildRequest(summaryPrompt(body, cut));
    whenCounted(
        m_worker->countPromptTokens(request.messages), this,
        [this, ticket, shownQuestion, body, cut, title, handOffPath](int tokens) {
            if (ticket != m_prepareTicket) return; // stopped, or something else started meanwhile
            if (tokens < 0) {
                setState("error", tr("No model is loaded. Open a model file first."));
                emit finished();
                return;
            }
            const int context = contextLength();
            const int reserve =
                std::max(1, std::min(m_settings ? m_settings->maxNewTokens() : 512, context / 2));
            if (tokens + reserve <= context) {
                m_state = QStringLiteral("idle");
                start(shownQuestion, summaryPrompt(body, cut), title);
                return;
            }
            if (!handOffPath.isEmpty()) {
                handOff(handOffPath);
                return;
            }
            // Cut in proportion to what fits, with a margin for the tokenizer's unevenness.
            const qsizetype keep = qsizetype(double(body.size()) * (context - reserve) / tokens * 0.85);
            if (keep < 16) {
                setState("error", tr("This text is too long for the context of %n token(s).", "", context));
                emit finished();
                return;
            }
            m_state = QStringLiteral("idle");
            prepare(shownQuestion, body.left(keep), true, title, {});
        });
}

void QuickQueryController::handOff(const QString& path) {
    setState("handedOff", tr("%1 is longer than one answer can cover: the main window is summarizing "
                             "all of it in a new conversation.")
                              .arg(QFileInfo(path).fileName()));
    emit longDocumentDropped(path);
}

bool QuickQueryController::summarizeFile(const QString& pathOrUrl) {
    if (busy()) return false;
    const QUrl url(pathOrUrl);
    const QString path = url.isLocalFile() ? url.toLocalFile() : pathOrUrl;
    const QString name = QFileInfo(path).fileName();
    // More characters than any prompt of this context holds (no tokenizer averages kMaxCharsPerToken
    // characters per token on prose); one more tells that the file is longer still. Measured on the
    // text as read: issue #13's trimmed() dropped a whitespace 12,001st character and no hand-off happened.
    const qsizetype cap = maxPromptChars();
    QString error;
    const QString text =
        m_extractor ? m_extractor(path, cap + 1, &error) : readPlainText(path, cap + 1, &error);
    if (!error.isEmpty() || text.trimmed().isEmpty()) {
        setState("error", error.isEmpty() ? tr("%1 contains no text to summarize.").arg(name) : error);
        return false;
    }
    if (m_handOffLong && text.size() > cap) {
        handOff(path);
        return true;
    }
    prepare(tr("Summarize %1").arg(name), text.left(cap), text.size() > cap, tr("Summary: %1").arg(name),
            m_handOffLong ? path : QString());
    return true;
}

bool QuickQueryController::start(const QString& shownQuestion, const QString& prompt, const QString& title) {
    if (busy()) return false;
    ++m_prepareTicket; // a summary still being measured is superseded
    m_question = shownQuestion;
    m_answer.clear();
    m_stream = nullptr;
    m_conversationId = 0;
    emit answerChanged();

    // Saved before the answer starts, so the history shows the question even if the app dies meanwhile.
    const GenerationRequest request = buildRequest(prompt);
    if (m_storage && m_storage->isOpen()) {
        m_conversationId = m_storage->createConversation(storage::ConversationKind::Quick, title,
                                                         request.messages.first().content, {}, m_modelPath);
        if (m_conversationId && m_storage->addMessage(m_conversationId, "user", prompt) && m_answers)
            m_stream = m_answers->begin(m_conversationId, QFileInfo(m_modelPath).fileName());
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
    if (m_job) {
        m_job->cancel();
    } else if (busy()) { // still measuring a summary: nothing was saved yet
        ++m_prepareTicket;
        setState("stopped", tr("Stopped."));
        emit finished();
    }
}

void QuickQueryController::reset() {
    if (busy()) return;
    ++m_prepareTicket;
    m_question.clear();
    m_answer.clear();
    m_conversationId = 0;
    emit answerChanged();
    setState("idle", {});
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
    emit answerChanged(); // no longer streaming: a held-back "<thi" is text after all (chat/thinking.h)
    if (m_conversationId && m_storage) m_storage->touch(m_conversationId);
    emit finished();
}

void QuickQueryController::onFailed(const QString& message) {
    m_job.reset();
    // An answer that never came is not kept, nor a conversation holding only the question (issue #13:
    // every failed attempt left an empty "Summary: …" in the history).
    const bool noAnswer = m_answer.isEmpty();
    if (m_stream) m_stream->fail(message);
    m_stream = nullptr;
    if (noAnswer && m_conversationId && m_storage) {
        m_storage->deleteConversationPermanently(m_conversationId);
        m_conversationId = 0;
    }
    setState("error", message);
    emit answerChanged(); // no longer streaming (see onFinished)
    emit finished();
}

QString QuickQueryController::answerMarkdown() const {
    const ThinkingSplit split = splitThinking(m_answer, busy());
    return safeMarkdown(split.hasThinking ? m_answer.mid(split.answerStart) : m_answer);
}

QString QuickQueryController::thinking() const {
    return splitThinking(m_answer, busy()).thinking;
}

bool QuickQueryController::hasThinking() const {
    return splitThinking(m_answer, busy()).hasThinking;
}

bool QuickQueryController::thinkingNow() const {
    const ThinkingSplit split = splitThinking(m_answer, busy());
    return split.hasThinking && split.open && busy();
}

} // namespace sosoik::app
