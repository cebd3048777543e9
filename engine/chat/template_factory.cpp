#include "chat/template_factory.h"

#include "chat/chat_templates.h"
#include "chat/template_detection.h"

namespace sosoik {

std::unique_ptr<ChatTemplate> createChatTemplate(const gguf::File& file, const std::string& architecture) {
    const std::string jinja = file.getString("tokenizer.chat_template").value_or("");
    std::vector<std::string> tokens;
    if (jinja.empty())
        if (const gguf::Array* list = file.getArray("tokenizer.ggml.tokens"))
            for (const gguf::Value& v : *list)
                if (const std::string* s = v.asString()) tokens.push_back(*s);
    const chat::Detection d = chat::detectTemplate(jinja, architecture, tokens);
    auto tmpl = chat::makeFamilyTemplate(d.family, d.defaultSystem);
    tmpl->setFallback(d.fallback);
    return tmpl;
}

} // namespace sosoik
