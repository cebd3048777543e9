// PLACEHOLDER until the chat-template unit (branch `tokenizers`) lands: it replaces this file.
#include "chat/template_factory.h"

#include "sosoik/error.h"

namespace sosoik {

std::unique_ptr<ChatTemplate> createChatTemplate(const gguf::File&, const std::string&) {
    throw Error(Error::Kind::Unsupported, "this build has no chat template support yet");
}

} // namespace sosoik
