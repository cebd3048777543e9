#pragma once
// Plain value types stored by sosoik::storage::Storage (see storage.h for the API).
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QVariantMap>

#include <optional>

namespace sosoik::storage {

enum class ConversationKind { Chat, Quick, Document };
QString kindToString(ConversationKind kind);          // "chat", "quick", "document"
ConversationKind kindFromString(const QString& text); // unknown text -> Chat

// Per-conversation / per-message generation settings. An empty optional means "use the app default",
// so changing a default later still applies to conversations that never overrode it.
struct GenerationSettings {
    std::optional<double> temperature;
    std::optional<double> topP;
    std::optional<int> topK;
    std::optional<int> maxNewTokens;
    std::optional<int> contextLength;

    bool isEmpty() const;
    // Keys: temperature, topP, topK, maxNewTokens, contextLength (absent = default).
    QVariantMap toVariantMap() const;
    static GenerationSettings fromVariantMap(const QVariantMap& map);
    QJsonObject toJson() const;
    static GenerationSettings fromJson(const QJsonObject& json);
    bool operator==(const GenerationSettings&) const = default;
};

struct Conversation {
    qint64 id = 0;
    QString title; // empty until auto-titled from the first user message or renamed
    QDateTime created;
    QDateTime updated; // last activity; the sidebar is ordered by it
    QString systemPrompt;
    GenerationSettings settings;
    QString modelPath;
    ConversationKind kind = ConversationKind::Chat;
    bool deleted = false; // soft-deleted (restorable until purged)
};

struct Message {
    qint64 id = 0;
    qint64 conversationId = 0;
    QString role; // "system", "user", "assistant"
    QString content;
    QDateTime created;
    QString model; // model file name/path that produced an assistant message
    int promptTokens = 0;
    int completionTokens = 0;
    GenerationSettings settings; // the settings the answer was generated with
    bool finished = true;        // false while streaming, or when the app died mid-answer
    QString stopReason;          // why a finished answer ended early: "cancelled", "length", "context-full"
};

// One search result. messageId == 0 means the conversation title matched.
struct SearchHit {
    qint64 conversationId = 0;
    qint64 messageId = 0;
    QString conversationTitle;
    QString role;
    QString snippetHtml; // HTML-escaped excerpt with every match wrapped in <b>...</b>
    QDateTime created;
};

struct Document {
    qint64 id = 0;
    qint64 conversationId = 0;
    QString fileName;
    QString path;
    int pages = 0;
    QDateTime created;
};

struct DocumentChunk {
    qint64 id = 0;
    qint64 documentId = 0;
    int ordinal = 0; // order within the document, from 0
    int page = 0;    // 1-based page the chunk starts on (0 = unknown)
    QString section; // heading the chunk belongs to, may be empty
    QString text;
};

} // namespace sosoik::storage
