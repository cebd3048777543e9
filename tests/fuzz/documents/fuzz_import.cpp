// libFuzzer target: arbitrary bytes as a conversation export through parseConversationExport (JSON
// parsing, type and size checks). Any outcome but a parsed conversation within the limits or an error
// sentence is a bug.
#include "storage/conversation_import.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace sosoik::storage;
    ImportLimits limits;
    limits.maxMessages = 64;
    limits.maxTextChars = 4096;
    ImportedConversation parsed;
    QString error;
    const QByteArray json = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    if (parseConversationExport(json, &parsed, &error, limits)) {
        if (parsed.messages.size() > limits.maxMessages) std::abort();
        for (const Message& m : parsed.messages)
            if (m.content.size() > limits.maxTextChars ||
                (m.role != QLatin1String("user") && m.role != QLatin1String("assistant") &&
                 m.role != QLatin1String("system")))
                std::abort();
    } else if (error.isEmpty()) {
        std::abort();
    }
    return 0;
}
