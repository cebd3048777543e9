#include "chat/chat_controller.h"

#include "chat/answer_stream.h"
#include "chat/thinking.h"
#include "settings/app_settings.h"
#include "storage/storage.h"

#include <QClipboard>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLoggingCategory>

namespace sosoik::app {

Q_LOGGING_CATEGORY(lcStats, "sosoik.stats", QtWarningMsg)
namespace {

ChatRow toRow(const storage::Message& m) {
    ChatRow r;
    r.id = m.id;
    r.role = m.role;
    r.content = m.content;
    r.created = m.created;
    r.completionTokens = m.completionTokens;
    // An answer the app never finished (crash, quit while streaming) is kept and marked; one that was
    // stopped or cut short says so again when the conversation is reopened.
    if (!m.finished && m.role == QLatin1String("assistant"))
        r.note = ChatController::tr("This answer was interrupted.");
    else if (m.role == QLatin1String("assistant"))
        r.note = ChatController::stopNote(m.stopReason);
    return r;
}

} // namespace

ChatController::ChatController(EngineWorker* worker, storage::Storage* storage, AnswerStreams* answers,
                               AppSettings* settings, QObject* parent)
    : QObject(parent), worker_(worker), answers_(answers), storage_(storage), appSettings_(settings),
      model_(this) {
    statsFrame_.setSingleShot(true);
    statsFrame_.setInterval(ChatMessageModel::kFrameMs);
    connect(&statsFrame_, &QTimer::timeout, this, &ChatController::statsChanged);
    // Whoever streams into the open conversation (this chat, a summary, the tray), the view shows it
    // and the conversation is busy until it ends.
    connect(answers_, &AnswerStreams::streamStarted, this, [this](AnswerStream* stream) {
        if (conversationId_ != 0 && stream->conversationId() == conversationId_) show(stream);
    });
    connect(answers_, &AnswerStreams::streamEnded, this, [this](qint64 id) {
        if (id == conversationId_) emit busyChanged();
    });
    connect(settings, &AppSettings::changed, this, &ChatController::settingsChanged);
    // Renames from the sidebar and auto-titles reach the window title.
    connect(storage, &storage::Storage::conversationChanged, this, [this](qint64 id) {
        if (id == conversationId_) emit conversationChanged();
    });
}

ChatController::~ChatController() {
    // What streamed so far is kept (AnswerStreams commits it); the worker may still be running.
    if (job_) {
        job_->disconnect(this);
        job_->cancel();
    }
}

QString ChatController::title() const {
    if (conversationId_ == 0) return {};
    const auto c = storage_->conversation(conversationId_);
    return c ? c->title : QString();
}

QVariantMap ChatController::overrides() const {
    QVariantMap map;
    if (conversationId_ == 0) return map;
    const auto c = storage_->conversation(conversationId_);
    if (!c) return map;
    map = c->settings.toVariantMap();
    if (!c->systemPrompt.isEmpty()) map.insert(QStringLiteral("systemPrompt"), c->systemPrompt);
    return map;
}

QVariantMap ChatController::settings() const {
    QVariantMap map{{QStringLiteral("systemPrompt"), appSettings_->systemPrompt()},
                    {QStringLiteral("temperature"), appSettings_->temperature()},
                    {QStringLiteral("topP"), appSettings_->topP()},
                    {QStringLiteral("topK"), appSettings_->topK()},
                    {QStringLiteral("maxNewTokens"), appSettings_->maxNewTokens()},
                    {QStringLiteral("contextLength"), appSettings_->contextLength()}};
    map.insert(overrides());
    return map;
}

void ChatController::setConversationSetting(const QString& name, const QVariant& value) {
    if (!ensureConversation(QString())) return;
    const auto c = storage_->conversation(conversationId_);
    if (!c) return;
    if (name == QLatin1String("systemPrompt")) {
        storage_->setSystemPrompt(conversationId_, value.isValid() ? value.toString() : QString());
    } else {
        QVariantMap map = c->settings.toVariantMap();
        if (value.isValid() && !value.isNull())
            map.insert(name, value);
        else
            map.remove(name);
        storage_->setSettings(conversationId_, storage::GenerationSettings::fromVariantMap(map));
    }
    emit settingsChanged();
}

void ChatController::resetConversationSettings() {
    if (conversationId_ == 0) return;
    storage_->setSystemPrompt(conversationId_, QString());
    storage_->setSettings(conversationId_, {});
    emit settingsChanged();
}

GenerationRequest ChatController::buildRequest() const {
    const QVariantMap s = settings();
    GenerationRequest r;
    r.conversationId = conversationId_;
    r.settings.systemPrompt = s.value(QStringLiteral("systemPrompt")).toString();
    r.settings.temperature = s.value(QStringLiteral("temperature")).toDouble();
    r.settings.topP = s.value(QStringLiteral("topP")).toDouble();
    r.settings.topK = s.value(QStringLiteral("topK")).toInt();
    r.settings.maxNewTokens = s.value(QStringLiteral("maxNewTokens")).toInt();
    r.settings.contextLength = s.value(QStringLiteral("contextLength")).toInt();
    r.settings.seed = quint64(std::max(0, appSettings_->seed()));
    if (!r.settings.systemPrompt.trimmed().isEmpty())
        r.messages.append({QStringLiteral("system"), r.settings.systemPrompt});
    for (int i = 0; i < model_.rowCount(); ++i) {
        const ChatRow& row = model_.at(i);
        if (row.streaming || row.role == QLatin1String("system")) continue;
        // An earlier answer's reasoning is not sent again (chat/thinking.h says why).
        const QString content =
            row.role == QLatin1String("assistant") ? withoutThinking(row.content) : row.content;
        if (row.role == QLatin1String("assistant") && content.trimmed().isEmpty()) continue;
        r.messages.append({row.role, content});
    }
    if (augmenter_) augmenter_(conversationId_, r);
    return r;
}

bool ChatController::ensureConversation(const QString& firstUserText) {
    if (conversationId_ != 0) return true;
    Q_UNUSED(firstUserText); // storage titles the conversation from its first user message
    const qint64 id = storage_->createConversation(storage::ConversationKind::Chat, {}, {}, {}, modelPath_);
    if (id == 0) {
        setError(tr("Could not save the conversation: %1").arg(storage_->errorString()));
        return false;
    }
    conversationId_ = id;
    emit conversationChanged();
    emit settingsChanged();
    return true;
}

bool ChatController::send(const QString& text) {
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) return false;
    if (busy()) {
        setNotice(tr("Still answering. Press Stop first, or wait for the answer to finish."));
        return false;
    }
    if (!ensureConversation(trimmed)) return false;
    const qint64 id = storage_->addMessage(conversationId_, QStringLiteral("user"), trimmed);
    if (id == 0) {
        setError(tr("Could not save your message: %1").arg(storage_->errorString()));
        return false;
    }
    ChatRow row;
    row.id = id;
    row.role = QStringLiteral("user");
    row.content = trimmed;
    row.created = QDateTime::currentDateTime();
    model_.append(row);
    emit conversationChanged(); // the first message titles the conversation
    return startAnswer();
}

bool ChatController::busy() const {
    return job_ != nullptr || (conversationId_ != 0 && answers_->isStreaming(conversationId_));
}

bool ChatController::startAnswer() {
    dismissError();
    const GenerationRequest request = buildRequest();
    storage::GenerationSettings used = storage::GenerationSettings::fromVariantMap(settings());
    // The new answer's row appears through streamStarted -> show().
    answer_ = answers_->begin(conversationId_, QFileInfo(modelPath_).fileName(), used);
    if (!answer_) {
        setError(tr("Could not save the answer: %1").arg(storage_->errorString()));
        return false;
    }
    stats_ = {};
    publishStats();
    job_ = worker_->generate(request);
    connect(job_.get(), &GenerationJob::queued, this, [this] {
        queued_ = true;
        emit busyChanged();
    });
    connect(job_.get(), &GenerationJob::started, this, &ChatController::onStarted);
    connect(job_.get(), &GenerationJob::promptProgress, this, &ChatController::setPromptProgress);
    connect(job_.get(), &GenerationJob::textGenerated, this, &ChatController::onText);
    connect(job_.get(), &GenerationJob::finished, this, &ChatController::onFinished);
    connect(job_.get(), &GenerationJob::failed, this, &ChatController::onFailed);
    emit busyChanged();
    return true;
}

void ChatController::stop() {
    if (job_)
        job_->cancel();
    else if (shown_)
        shown_->requestStop(); // a summary or a quick answer streaming into this conversation
}

bool ChatController::documentConversation() const {
    if (conversationId_ == 0) return false;
    const auto c = storage_->conversation(conversationId_);
    return c && c->kind == storage::ConversationKind::Document;
}

bool ChatController::regenerate() {
    if (busy() || model_.rowCount() == 0) return false;
    const int last = model_.rowCount() - 1;
    // A document conversation's first answer is the summary the document's pipeline wrote (or why it could
    // not). Asked again here, the model got only "Summarize notes.txt" and made a summary up (under Xvfb,
    // for a binary file it never read).
    if (last == 1 && documentConversation()) {
        setNotice(tr("This summary was made from the document: to summarize it again, open the document "
                     "again (Open document…)."));
        return false;
    }
    if (model_.at(last).role == QLatin1String("assistant")) {
        if (!storage_->deleteMessagesFrom(conversationId_, model_.at(last).id)) {
            setError(tr("Could not remove the old answer: %1").arg(storage_->errorString()));
            return false;
        }
        model_.removeFrom(last);
    }
    if (model_.rowCount() == 0 || model_.at(model_.rowCount() - 1).role != QLatin1String("user"))
        return false;
    return startAnswer();
}

bool ChatController::editAndResend(int row, const QString& text) {
    if (busy() || row < 0 || row >= model_.rowCount() || model_.at(row).role != QLatin1String("user"))
        return false;
    if (text.trimmed().isEmpty()) return false;
    if (!storage_->deleteMessagesFrom(conversationId_, model_.at(row).id)) {
        setError(tr("Could not change the conversation: %1").arg(storage_->errorString()));
        return false;
    }
    model_.removeFrom(row);
    return send(text);
}

bool ChatController::deleteMessage(int row) {
    if (row < 0 || row >= model_.rowCount()) return false;
    if (model_.at(row).streaming) {
        setNotice(tr("Stop the answer before deleting it."));
        return false;
    }
    if (!storage_->deleteMessage(model_.at(row).id)) {
        setError(tr("Could not delete the message: %1").arg(storage_->errorString()));
        return false;
    }
    model_.removeAt(row);
    return true;
}

void ChatController::copyToClipboard(const QString& text) {
    if (auto* clipboard = QGuiApplication::clipboard()) clipboard->setText(text);
}

void ChatController::countInputTokens(const QString& text) {
    ++countGeneration_; // a count still on its way is for older text
    if (text.isEmpty()) {
        inputTokens_ = 0;
        emit inputTokenCountChanged();
        return;
    }
    if (!worker_) return;
    whenCounted(worker_->countTokens(text), this, [this, generation = countGeneration_](int count) {
        if (generation != countGeneration_) return;
        inputTokens_ = count;
        emit inputTokenCountChanged();
    });
}

void ChatController::newConversation() {
    if (job_) {
        // Leaving while this chat's answer streams: keep what arrived, marked finished, not "interrupted".
        job_->disconnect(this);
        job_->cancel();
        if (answer_) answer_->finish(stats_.promptTokens, stats_.generatedTokens);
    }
    job_.reset();
    answer_ = nullptr;
    queued_ = false;
    if (shown_) shown_->disconnect(this); // another feature's answer goes on without this view
    shown_ = nullptr;
    conversationId_ = 0;
    model_.setRows({});
    stats_ = {};
    dismissError();
    dismissNotice();
    emit busyChanged();
    publishStats();
    emit conversationChanged();
    emit settingsChanged();
}

bool ChatController::openConversation(qint64 id) {
    if (id == conversationId_) return true;
    const auto c = storage_->conversation(id);
    if (!c) {
        setError(tr("That conversation no longer exists."));
        return false;
    }
    newConversation();
    conversationId_ = id;
    QList<ChatRow> rows;
    for (const auto& m : storage_->messages(id))
        rows.append(toRow(m));
    model_.setRows(rows);
    if (AnswerStream* stream = answers_->streamFor(id)) show(stream);
    emit conversationChanged();
    emit settingsChanged();
    emit busyChanged();
    return true;
}

void ChatController::dismissError() {
    setError(QString());
}
void ChatController::dismissNotice() {
    setNotice(QString());
}

void ChatController::setError(const QString& text) {
    if (error_ == text) return;
    error_ = text;
    emit errorTextChanged();
}

void ChatController::setNotice(const QString& text) {
    if (notice_ == text) return;
    notice_ = text;
    emit noticeTextChanged();
}

void ChatController::show(AnswerStream* stream) {
    if (shown_) shown_->disconnect(this);
    shown_ = stream;
    const qint64 id = stream->messageId();
    int row = model_.rowOfId(id);
    if (row < 0) {
        ChatRow added;
        added.id = id;
        added.role = QStringLiteral("assistant");
        added.created = QDateTime::currentDateTime();
        row = model_.append(added);
    }
    model_.setContent(row, stream->text());
    model_.setNote(row, QString()); // not "interrupted": it is being written right now
    model_.setStreaming(row, true);
    connect(stream, &AnswerStream::textAppended, this, [this, id](const QString& piece) {
        if (const int r = model_.rowOfId(id); r >= 0) model_.appendText(r, piece);
    });
    connect(stream, &AnswerStream::textReplaced, this, [this, id](const QString& text) {
        if (const int r = model_.rowOfId(id); r >= 0) model_.setContent(r, text);
    });
    connect(stream, &AnswerStream::ended, this, [this, id](int tokens, const QString& note, bool removed) {
        shown_ = nullptr;
        const int r = model_.rowOfId(id);
        if (r >= 0 && removed) {
            model_.removeAt(r);
        } else if (r >= 0) {
            model_.setStreaming(r, false);
            if (tokens >= 0) model_.setTokens(r, tokens);
            model_.setNote(r, note);
        }
        emit busyChanged();
    });
    emit busyChanged();
}

void ChatController::onStarted(const GenerationStats& stats) {
    queued_ = false;
    stats_ = stats;
    emit busyChanged();
    publishStats();
    if (stats.droppedMessages > 0)
        setNotice(tr("%n older message(s) were left out so the conversation fits the model's context.",
                     nullptr, stats.droppedMessages));
}

// Issue #13: a 177M model showed only "…" for more than 6 s before the first token.
void ChatController::setPromptProgress(int done, int total) {
    // The whole prompt read: the answer itself (the "…" and then text) takes over.
    if (done >= total) done = total = 0;
    if (done == promptDone_ && total == promptTotal_) return;
    promptDone_ = done;
    promptTotal_ = total;
    emit promptProgressChanged();
}

void ChatController::onText(const QString& text, const GenerationStats& stats) {
    setPromptProgress(0, 0);
    if (answer_) answer_->append(text);
    stats_ = stats;
    if (!statsFrame_.isActive()) statsFrame_.start();
}

void ChatController::publishStats() {
    statsFrame_.stop();
    emit statsChanged();
}

void ChatController::endAnswer() {
    setPromptProgress(0, 0);
    job_.reset();
    answer_ = nullptr;
    queued_ = false;
    emit busyChanged();
}

QString ChatController::stopNote(const QString& stopReason) {
    if (stopReason == QLatin1String("cancelled")) return tr("Stopped.");
    if (stopReason == QLatin1String("length")) return tr("Reached the answer length limit.");
    if (stopReason == QLatin1String("context-full")) return tr("The context is full.");
    return {};
}

void ChatController::onFinished(const GenerationStats& stats) {
    stats_.generatedTokens = stats.generatedTokens;
    stats_.tokensPerSecond = stats.tokensPerSecond;
    stats_.contextUsed = stats.contextUsed;
    stats_.reusedTokens = stats.reusedTokens;
    stats_.stopReason = stats.stopReason;
    if (stats.contextLength > 0) stats_.contextLength = stats.contextLength;
    publishStats();
    // For tools/bench/gui_vs_cli.sh (QT_LOGGING_RULES="sosoik.stats.info=true"): the same numbers
    // `sosoik-cli run` prints, measured by the engine while the window renders the answer.
    qCInfo(lcStats, "answer: prompt %d tokens; generated %d tokens (%.1f tok/s); stop: %s",
           stats.promptTokens, stats.generatedTokens, stats.tokensPerSecond, qPrintable(stats.stopReason));
    const QString note = stopNote(stats.stopReason);
    if (answer_)
        answer_->finish(stats.promptTokens, stats.generatedTokens, note,
                        note.isEmpty() ? QString() : stats.stopReason);
    endAnswer();
    emit answerFinished(stats.stopReason);
}

void ChatController::onFailed(const QString& message) {
    setError(message);
    // An empty answer is noise; text that did arrive is kept.
    if (answer_) answer_->fail(tr("Failed."), stats_.promptTokens, stats_.generatedTokens);
    endAnswer();
    emit answerFinished(QStringLiteral("error"));
}

} // namespace sosoik::app
