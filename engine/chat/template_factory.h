#pragma once
// Recognizes the chat template a GGUF file carries (tokenizer.chat_template) and returns the
// matching family; unrecognized or absent templates give the ChatML fallback (isFallback()).
#include "gguf/gguf_file.h"
#include "sosoik/chat_template.h"

#include <memory>
#include <string>

namespace sosoik {

std::unique_ptr<ChatTemplate> createChatTemplate(const gguf::File& file, const std::string& architecture);

} // namespace sosoik
