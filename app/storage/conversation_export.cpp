#include "storage/conversation_export.h"

#include "storage/conversation_import.h"
#include "storage/storage.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace sosoik::storage {

namespace {

const char* const kFormat = "sosoik.conversation"; // conversation_import.cpp reads it
constexpr int kFormatVersion = 1;

// The catalogue context of this file's strings, declared the way lupdate reads it. A free tr() helper
// calling translate("ConversationExport", ...) was filed by lupdate under the enclosing namespace or class
// ("sosoik::storage"), so the strings the app looked up under ConversationExport were not the ones
// translated.
class ConversationExport {
    Q_DECLARE_TR_FUNCTIONS(ConversationExport)
};

QString roleHeading(const QString& role) {
    if (role == QLatin1String("user")) return ConversationExport::tr("User");
    if (role == QLatin1String("assistant")) return ConversationExport::tr("Assistant");
    if (role == QLatin1String("system")) return ConversationExport::tr("System");
    return role;
}

// The note the chat shows under an answer that ended early (ChatController::stopNote, same words so the
// catalogue's translations match; storage may not depend on chat). Empty when the model ended it.
QString stopNote(const QString& stopReason) {
    if (stopReason == QLatin1String("cancelled")) return ConversationExport::tr("Stopped.");
    if (stopReason == QLatin1String("length"))
        return ConversationExport::tr("Reached the answer length limit.");
    if (stopReason == QLatin1String("context-full")) return ConversationExport::tr("The context is full.");
    return {};
}

QString iso(const QDateTime& t) {
    return t.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

QString exportMarkdown(const Storage& storage, qint64 conversationId) {
    const auto conversation = storage.conversation(conversationId);
    if (!conversation) return {};
    const QString title =
        conversation->title.isEmpty() ? ConversationExport::tr("New chat") : conversation->title;
    QString md = QStringLiteral("# %1\n\n").arg(title);
    md += QStringLiteral("_%1_\n\n").arg(conversation->created.toString(Qt::ISODate));
    if (!conversation->systemPrompt.isEmpty())
        md += QStringLiteral("**%1:** %2\n\n")
                  .arg(ConversationExport::tr("System prompt"), conversation->systemPrompt);
    for (const Message& m : storage.messages(conversationId)) {
        md += QStringLiteral("## %1\n\n%2\n\n").arg(roleHeading(m.role), m.content);
        if (!m.finished)
            md += QStringLiteral("_(%1)_\n\n").arg(ConversationExport::tr("answer interrupted"));
        else if (const QString note = stopNote(m.stopReason); !note.isEmpty())
            md += QStringLiteral("_(%1)_\n\n").arg(note);
    }
    return md;
}

QByteArray exportJson(const Storage& storage, qint64 conversationId) {
    const auto c = storage.conversation(conversationId);
    if (!c) return {};
    QJsonArray messages;
    for (const Message& m : storage.messages(conversationId)) {
        QJsonObject message{{"role", m.role},
                            {"content", m.content},
                            {"created", iso(m.created)},
                            {"model", m.model},
                            {"promptTokens", m.promptTokens},
                            {"completionTokens", m.completionTokens},
                            {"settings", m.settings.toJson()},
                            {"finished", m.finished}};
        // Why an answer ended early ("cancelled": it reads "Stopped." again after an import).
        if (!m.stopReason.isEmpty()) message.insert("stopReason", m.stopReason);
        messages.append(message);
    }
    const QJsonObject root{{"format", kFormat},
                           {"version", kFormatVersion},
                           {"title", c->title},
                           {"created", iso(c->created)},
                           {"updated", iso(c->updated)},
                           {"kind", kindToString(c->kind)},
                           {"systemPrompt", c->systemPrompt},
                           {"modelPath", c->modelPath},
                           {"settings", c->settings.toJson()},
                           {"messages", messages}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

qint64 importJson(Storage& storage, const QByteArray& json, QString* error) {
    ImportedConversation parsed;
    if (!parseConversationExport(json, &parsed, error)) return 0;
    return storeImported(storage, parsed, error);
}

qint64 storeImported(Storage& storage, const ImportedConversation& parsed, QString* error,
                     const std::function<void(double)>& progress) {
    const Conversation& c = parsed.conversation;
    Storage::Transaction transaction(storage);
    const qint64 id = storage.createConversation(c.kind, c.title, c.systemPrompt, c.settings, c.modelPath);
    if (id <= 0 || !storage.addMessages(id, parsed.messages, progress) || !transaction.commit()) {
        *error = storage.errorString();
        return 0;
    }
    return id;
}

bool writeFileAtomically(const QString& path, const QByteArray& data, QString* error) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = ConversationExport::tr("Cannot write %1: %2")
                     .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    if (file.write(data) != data.size() || !file.commit()) {
        *error = ConversationExport::tr("Cannot write %1: %2")
                     .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

} // namespace sosoik::storage
