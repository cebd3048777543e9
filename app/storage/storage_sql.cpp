#include "storage/storage_sql.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <cmath>
#include <limits>

namespace sosoik::storage::sql {

Conversation readConversation(const QSqlQuery& q) {
    Conversation c;
    c.id = q.value(0).toLongLong();
    c.title = q.value(1).toString();
    c.created = fromMs(q.value(2));
    c.updated = fromMs(q.value(3));
    c.systemPrompt = q.value(4).toString();
    c.modelPath = q.value(5).toString();
    c.kind = kindFromString(q.value(6).toString());
    c.settings.temperature = optional<double>(q.value(7));
    c.settings.topP = optional<double>(q.value(8));
    c.settings.topK = optional<int>(q.value(9));
    c.settings.maxNewTokens = optional<int>(q.value(10));
    c.settings.contextLength = optional<int>(q.value(11));
    c.deleted = q.value(12).toLongLong() != 0;
    return c;
}

Message readMessage(const QSqlQuery& q) {
    Message m;
    m.id = q.value(0).toLongLong();
    m.conversationId = q.value(1).toLongLong();
    m.role = q.value(2).toString();
    m.content = q.value(3).toString();
    m.created = fromMs(q.value(4));
    m.model = q.value(5).toString();
    m.promptTokens = q.value(6).toInt();
    m.completionTokens = q.value(7).toInt();
    m.settings = GenerationSettings::fromJson(QJsonDocument::fromJson(q.value(8).toByteArray()).object());
    m.finished = q.value(9).toInt() != 0;
    m.stopReason = q.value(10).toString();
    return m;
}

QString describe(const QSqlError& error) {
    // Qt reports SQLite's result code as text; the low byte is the primary code.
    bool numeric = false;
    const int code = error.nativeErrorCode().toInt(&numeric) & 0xff;
    const QString detail = error.text();
    if (!numeric) return QCoreApplication::translate("Storage", "Database error: %1").arg(detail);
    switch (code) {
    case 13: // SQLITE_FULL
        return QCoreApplication::translate("Storage",
                                           "The disk is full, so the conversation could not be saved. "
                                           "Free some space and try again. (%1)")
            .arg(detail);
    case 8: // SQLITE_READONLY
        return QCoreApplication::translate("Storage",
                                           "The conversation database is read-only, so changes cannot be "
                                           "saved. Check the file's permissions. (%1)")
            .arg(detail);
    case 11: // SQLITE_CORRUPT
    case 26: // SQLITE_NOTADB
        return QCoreApplication::translate("Storage",
                                           "The conversation database is damaged. Restart Sosoik to move it "
                                           "aside and start a new one. (%1)")
            .arg(detail);
    case 5: // SQLITE_BUSY
    case 6: // SQLITE_LOCKED
        return QCoreApplication::translate("Storage",
                                           "The conversation database is in use by another program. (%1)")
            .arg(detail);
    case 10: // SQLITE_IOERR
        return QCoreApplication::translate("Storage", "The disk could not be read or written. (%1)")
            .arg(detail);
    default:
        return QCoreApplication::translate("Storage", "Database error: %1").arg(detail);
    }
}

} // namespace sosoik::storage::sql

namespace sosoik::storage {

QString kindToString(ConversationKind kind) {
    switch (kind) {
    case ConversationKind::Quick:
        return QStringLiteral("quick");
    case ConversationKind::Document:
        return QStringLiteral("document");
    case ConversationKind::Chat:
        break;
    }
    return QStringLiteral("chat");
}

ConversationKind kindFromString(const QString& text) {
    if (text == QLatin1String("quick")) return ConversationKind::Quick;
    if (text == QLatin1String("document")) return ConversationKind::Document;
    return ConversationKind::Chat;
}

bool GenerationSettings::isEmpty() const {
    return *this == GenerationSettings{};
}

QVariantMap GenerationSettings::toVariantMap() const {
    QVariantMap map;
    if (temperature) map.insert(QStringLiteral("temperature"), *temperature);
    if (topP) map.insert(QStringLiteral("topP"), *topP);
    if (topK) map.insert(QStringLiteral("topK"), *topK);
    if (maxNewTokens) map.insert(QStringLiteral("maxNewTokens"), *maxNewTokens);
    if (contextLength) map.insert(QStringLiteral("contextLength"), *contextLength);
    return map;
}

GenerationSettings GenerationSettings::fromVariantMap(const QVariantMap& map) {
    GenerationSettings s;
    auto number = [&](const char* key) -> std::optional<double> {
        const QVariant v = map.value(QLatin1String(key));
        bool ok = false;
        const double d = v.toDouble(&ok);
        if (!v.isValid() || v.isNull() || !ok || !std::isfinite(d)) return std::nullopt;
        return d;
    };
    // A whole number out of int's range (an imported file may say 4e77; the fuzzer found it) is
    // dropped like a missing one: converting it would be undefined behaviour.
    auto whole = [&](const char* key) -> std::optional<int> {
        const auto d = number(key);
        if (!d || *d < double(std::numeric_limits<int>::min()) ||
            *d > double(std::numeric_limits<int>::max()))
            return std::nullopt;
        return int(*d);
    };
    s.temperature = number("temperature");
    s.topP = number("topP");
    s.topK = whole("topK");
    s.maxNewTokens = whole("maxNewTokens");
    s.contextLength = whole("contextLength");
    return s;
}

QJsonObject GenerationSettings::toJson() const {
    return QJsonObject::fromVariantMap(toVariantMap());
}

GenerationSettings GenerationSettings::fromJson(const QJsonObject& json) {
    return fromVariantMap(json.toVariantMap());
}

} // namespace sosoik::storage
