#pragma once
// Reading a conversation export (exportJson's format) is reading an untrusted file: it is validated and
// bounded before anything reaches the database (issue #19 item 8: 100k messages froze the UI for 20 s at
// 1.2 GB, a 100 MB field took 2.3 GB, wrong types were accepted silently). Qt Core only, no storage: the
// history feature parses on a worker thread, and fuzz_import runs it on arbitrary bytes.
#include "storage/storage_types.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

namespace sosoik::storage {

struct ImportLimits {
    qint64 maxFileBytes = 32ll << 20;   // the file (JSON parsing holds a few times this)
    int maxMessages = 20'000;           // a very long conversation has a few thousand
    qsizetype maxTextChars = 2'000'000; // one message's text or the system prompt
    qsizetype maxShortChars = 4096;     // title, model, dates, role
};

struct ImportedConversation {
    Conversation conversation; // id 0: not stored yet
    QList<Message> messages;   // conversationId 0
};

// False with a human-readable *error naming what is wrong (and which message) when the bytes are not a
// valid, bounded export. progress (optional) is called with 0..1 while messages are checked.
bool parseConversationExport(const QByteArray& json, ImportedConversation* out, QString* error,
                             const ImportLimits& limits = {},
                             const std::function<void(double)>& progress = {});

} // namespace sosoik::storage
