#include "storage/conversation_export.h"

#include "storage/storage.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace sosoik::storage {

namespace {

const char* const kFormat = "sosoik.conversation";
constexpr int kFormatVersion = 1;

QString tr(const char* text) {
    return QCoreApplication::translate("ConversationExport", text);
}

QString roleHeading(const QString& role) {
    if (role == QLatin1String("user")) return tr("User");
    if (role == QLatin1String("assistant")) return tr("Assistant");
    if (role == QLatin1String("system")) return tr("System");
    return role;
}

QString iso(const QDateTime& t) {
    return t.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

QString exportMarkdown(const Storage& storage, qint64 conversationId) {
    const auto conversation = storage.conversation(conversationId);
    if (!conversation) return {};
    const QString title = conversation->title.isEmpty() ? tr("New chat") : conversation->title;
    QString md = QStringLiteral("# %1\n\n").arg(title);
    md += QStringLiteral("_%1_\n\n").arg(conversation->created.toString(Qt::ISODate));
    if (!conversation->systemPrompt.isEmpty())
        md += QStringLiteral("**%1:** %2\n\n").arg(tr("System prompt"), conversation->systemPrompt);
    for (const Message& m : storage.messages(conversationId)) {
        md += QStringLiteral("## %1\n\n%2\n\n").arg(roleHeading(m.role), m.content);
        if (!m.finished) md += QStringLiteral("_(%1)_\n\n").arg(tr("answer interrupted"));
    }
    return md;
}

QByteArray exportJson(const Storage& storage, qint64 conversationId) {
    const auto c = storage.conversation(conversationId);
    if (!c) return {};
    QJsonArray messages;
    for (const Message& m : storage.messages(conversationId)) {
        messages.append(QJsonObject{{"role", m.role},
                                    {"content", m.content},
                                    {"created", iso(m.created)},
                                    {"model", m.model},
                                    {"promptTokens", m.promptTokens},
                                    {"completionTokens", m.completionTokens},
                                    {"settings", m.settings.toJson()},
                                    {"finished", m.finished}});
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
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = tr("The file is not valid JSON: %1").arg(parseError.errorString());
        return 0;
    }
    const QJsonObject root = doc.object();
    if (!doc.isObject() || root.value("format").toString() != QLatin1String(kFormat)) {
        *error = tr("The file is not a Sosoik conversation export.");
        return 0;
    }
    if (root.value("version").toInt() > kFormatVersion) {
        *error = tr("The file was exported by a newer version of Sosoik.");
        return 0;
    }
    const QJsonArray messages = root.value("messages").toArray();
    for (const QJsonValue& v : messages) {
        if (!v.isObject() || v.toObject().value("role").toString().isEmpty() ||
            !v.toObject().value("content").isString()) {
            *error = tr("The file contains a message without a role or text.");
            return 0;
        }
    }
    Storage::Transaction transaction(storage);
    const qint64 id = storage.createConversation(
        kindFromString(root.value("kind").toString()), root.value("title").toString(),
        root.value("systemPrompt").toString(),
        GenerationSettings::fromJson(root.value("settings").toObject()), root.value("modelPath").toString());
    bool ok = id > 0;
    for (qsizetype i = 0; ok && i < messages.size(); ++i) {
        const QJsonObject o = messages.at(i).toObject();
        Message m;
        m.conversationId = id;
        m.role = o.value("role").toString();
        m.content = o.value("content").toString();
        m.created = QDateTime::fromString(o.value("created").toString(), Qt::ISODateWithMs);
        m.model = o.value("model").toString();
        m.promptTokens = o.value("promptTokens").toInt();
        m.completionTokens = o.value("completionTokens").toInt();
        m.settings = GenerationSettings::fromJson(o.value("settings").toObject());
        m.finished = o.value("finished").toBool(true);
        ok = storage.addMessage(m) > 0;
    }
    if (!ok || !transaction.commit()) {
        *error = storage.errorString();
        return 0;
    }
    return id;
}

bool writeFileAtomically(const QString& path, const QByteArray& data, QString* error) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    if (file.write(data) != data.size() || !file.commit()) {
        *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

} // namespace sosoik::storage
