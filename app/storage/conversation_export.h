#pragma once
// Exporting a conversation as Markdown (for reading/sharing) or JSON (lossless, re-importable).
#include <QByteArray>
#include <QString>

namespace sosoik::storage {

class Storage;

// Empty when the conversation does not exist.
QString exportMarkdown(const Storage& storage, qint64 conversationId);
QByteArray exportJson(const Storage& storage, qint64 conversationId);
// Adds the conversation in json (as written by exportJson) as a new conversation, in one transaction.
// Returns its id, or 0 with a human-readable *error.
qint64 importJson(Storage& storage, const QByteArray& json, QString* error);

// Writes data atomically (QSaveFile), owner-only. False with a human-readable *error.
bool writeFileAtomically(const QString& path, const QByteArray& data, QString* error);

} // namespace sosoik::storage
