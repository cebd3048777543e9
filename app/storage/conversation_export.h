#pragma once
// Exporting a conversation as Markdown (for reading/sharing) or JSON (lossless, re-importable).
#include <QByteArray>
#include <QString>

#include <functional>

namespace sosoik::storage {

class Storage;

// Empty when the conversation does not exist.
QString exportMarkdown(const Storage& storage, qint64 conversationId);
QByteArray exportJson(const Storage& storage, qint64 conversationId);
struct ImportedConversation;

// Adds the conversation in json (as written by exportJson) as a new conversation, in one transaction,
// after parseConversationExport validated it (storage/conversation_import.h). Returns its id, or 0 with a
// human-readable *error.
qint64 importJson(Storage& storage, const QByteArray& json, QString* error);
// The storing half, for a conversation parsed elsewhere (on a worker thread). progress (optional) is
// called with 0..1 every few hundred messages, inside the transaction.
qint64 storeImported(Storage& storage, const ImportedConversation& parsed, QString* error,
                     const std::function<void(double)>& progress = {});

// Writes data atomically (QSaveFile), owner-only. False with a human-readable *error.
bool writeFileAtomically(const QString& path, const QByteArray& data, QString* error);

} // namespace sosoik::storage
