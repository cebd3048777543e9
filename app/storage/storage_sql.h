#pragma once
// Internal helpers shared by the storage_*.cpp files: row decoding, time and error wording.
#include "storage/storage_types.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace sosoik::storage::sql {

inline qint64 nowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}
inline QDateTime fromMs(const QVariant& v) {
    return QDateTime::fromMSecsSinceEpoch(v.toLongLong());
}

// Qt binds a null QString as SQL NULL; text columns are NOT NULL, so absent text is stored as ''.
inline QVariant text(const QString& s) {
    return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s);
}

template <typename T> QVariant orNull(const std::optional<T>& v) {
    return v ? QVariant::fromValue(*v) : QVariant(QMetaType::fromType<T>());
}
template <typename T> std::optional<T> optional(const QVariant& v) {
    if (v.isNull()) return std::nullopt;
    return v.value<T>();
}

// Column list matching readConversation / readMessage.
inline constexpr const char* kConversationColumns =
    "id, title, created, updated, system_prompt, model_path, kind, temperature, top_p, top_k, "
    "max_new_tokens, context_length, deleted";
inline constexpr const char* kMessageColumns =
    "id, conversation_id, role, content, created, model, "
    "prompt_tokens, completion_tokens, settings, finished, stop_reason";

Conversation readConversation(const QSqlQuery& q);
Message readMessage(const QSqlQuery& q);

// A sentence a user can act on for a failed statement (disk full, read-only, corrupt, ...).
QString describe(const QSqlError& error);

} // namespace sosoik::storage::sql
