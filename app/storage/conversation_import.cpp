#include "storage/conversation_import.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sosoik::storage {
namespace {

const char* const kFormat = "sosoik.conversation";
constexpr int kFormatVersion = 1;

// The catalogue context of this file's strings, declared the way lupdate reads it. A free tr() helper
// calling translate("ConversationImport", ...) was filed by lupdate under the enclosing namespace or class
// ("sosoik::storage"), so the strings the app looked up under ConversationImport were not the ones
// translated.
class ConversationImport {
    Q_DECLARE_TR_FUNCTIONS(ConversationImport)
};

// Checks one optional field's type and size; false with *error set.
class FieldCheck {
public:
    FieldCheck(const QJsonObject& object, QString where, QString* error)
        : object_(object), where_(std::move(where)), error_(error) {}

    bool string(const char* key, qsizetype maxChars, QString* out, bool required = false) {
        const QJsonValue v = object_.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return !required || fail(key, ConversationImport::tr("is missing"));
        if (!v.isString()) return fail(key, ConversationImport::tr("should be text"));
        *out = v.toString();
        if (out->size() > maxChars)
            return fail(key,
                        ConversationImport::tr("is longer than %1 characters (the limit)").arg(maxChars));
        return true;
    }
    bool integer(const char* key, int* out) {
        const QJsonValue v = object_.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull()) return true;
        if (!v.isDouble() || v.toDouble() < 0 || v.toDouble() > 1e9 ||
            v.toDouble() != double(qint64(v.toDouble())))
            return fail(key, ConversationImport::tr("should be a whole number"));
        *out = int(v.toDouble());
        return true;
    }
    bool boolean(const char* key, bool* out) {
        const QJsonValue v = object_.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull()) return true;
        if (!v.isBool()) return fail(key, ConversationImport::tr("should be true or false"));
        *out = v.toBool();
        return true;
    }
    bool settings(const char* key, GenerationSettings* out) {
        const QJsonValue v = object_.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull()) return true;
        if (!v.isObject()) return fail(key, ConversationImport::tr("should be an object"));
        const QJsonObject object = v.toObject(); // one object: begin() and end() of the same one
        for (auto it = object.begin(); it != object.end(); ++it)
            if (!it.value().isDouble() && !it.value().isString() && !it.value().isBool() &&
                !it.value().isNull())
                return fail(key, ConversationImport::tr("holds a value that is not a number or text"));
        *out = GenerationSettings::fromJson(object);
        return true;
    }
    bool date(const char* key, QDateTime* out) {
        QString text;
        if (!string(key, 64, &text)) return false;
        if (text.isEmpty()) return true;
        *out = QDateTime::fromString(text, Qt::ISODateWithMs);
        return out->isValid() || fail(key, ConversationImport::tr("is not a date"));
    }

private:
    bool fail(const char* key, const QString& problem) {
        *error_ = ConversationImport::tr("The file is not a valid Sosoik conversation: %1 \"%2\" %3.")
                      .arg(where_, QString::fromLatin1(key), problem);
        return false;
    }
    const QJsonObject& object_;
    QString where_;
    QString* error_;
};

} // namespace

bool parseConversationExport(const QByteArray& json, ImportedConversation* out, QString* error,
                             const ImportLimits& limits, const std::function<void(double)>& progress) {
    if (json.size() > limits.maxFileBytes) {
        *error = ConversationImport::tr("The file is %1 MB; Sosoik imports conversations up to %2 MB.")
                     .arg(json.size() >> 20)
                     .arg(limits.maxFileBytes >> 20);
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = ConversationImport::tr("The file is not valid JSON: %1").arg(parseError.errorString());
        return false;
    }
    const QJsonObject root = doc.object();
    if (!doc.isObject() || root.value("format").toString() != QLatin1String(kFormat)) {
        *error = ConversationImport::tr("The file is not a Sosoik conversation export.");
        return false;
    }
    if (!root.value("version").isDouble() || root.value("version").toDouble() > kFormatVersion) {
        *error = ConversationImport::tr("The file was exported by a newer version of Sosoik.");
        return false;
    }
    ImportedConversation result;
    Conversation& c = result.conversation;
    FieldCheck top(root, ConversationImport::tr("the conversation's"), error);
    QString kind;
    if (!top.string("title", limits.maxShortChars, &c.title) || !top.string("kind", 32, &kind) ||
        !top.string("systemPrompt", limits.maxTextChars, &c.systemPrompt) ||
        !top.string("modelPath", limits.maxShortChars, &c.modelPath) ||
        !top.settings("settings", &c.settings) || !top.date("created", &c.created) ||
        !top.date("updated", &c.updated))
        return false;
    c.kind = kindFromString(kind);
    const QJsonValue messagesValue = root.value("messages");
    if (!messagesValue.isArray()) {
        *error = ConversationImport::tr(
            "The file is not a valid Sosoik conversation: it has no list of messages.");
        return false;
    }
    const QJsonArray messages = messagesValue.toArray();
    if (messages.size() > limits.maxMessages) {
        *error = ConversationImport::tr("The conversation has %1 messages; Sosoik imports up to %2.")
                     .arg(messages.size())
                     .arg(limits.maxMessages);
        return false;
    }
    result.messages.reserve(messages.size());
    for (qsizetype i = 0; i < messages.size(); ++i) {
        if (progress && i % 256 == 0) progress(double(i) / double(messages.size()));
        const QString where = ConversationImport::tr("message %1's").arg(i + 1);
        if (!messages.at(i).isObject()) {
            *error = ConversationImport::tr(
                         "The file is not a valid Sosoik conversation: message %1 is not an object.")
                         .arg(i + 1);
            return false;
        }
        const QJsonObject o = messages.at(i).toObject();
        FieldCheck field(o, where, error);
        Message m;
        if (!field.string("role", 16, &m.role, true) ||
            !field.string("content", limits.maxTextChars, &m.content, true) ||
            !field.date("created", &m.created) || !field.string("model", limits.maxShortChars, &m.model) ||
            !field.integer("promptTokens", &m.promptTokens) ||
            !field.integer("completionTokens", &m.completionTokens) ||
            !field.settings("settings", &m.settings) || !field.boolean("finished", &m.finished) ||
            !field.string("stopReason", 16, &m.stopReason))
            return false;
        if (m.role != QLatin1String("user") && m.role != QLatin1String("assistant") &&
            m.role != QLatin1String("system")) {
            *error = ConversationImport::tr(
                         "The file is not a valid Sosoik conversation: message %1 has the role \"%2\" (user, "
                         "assistant or system).")
                         .arg(i + 1)
                         .arg(m.role.left(32));
            return false;
        }
        result.messages << m;
    }
    if (progress) progress(1.0);
    *out = std::move(result);
    return true;
}

} // namespace sosoik::storage
