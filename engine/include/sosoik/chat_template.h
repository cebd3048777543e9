#pragma once
// Chat-template families: render a conversation the way the model was trained to read it.
#include <cstdint>
#include <string>
#include <vector>

namespace sosoik {

struct ChatMessage {
    std::string role; // "system", "user", "assistant"
    std::string content;
};

class ChatTemplate {
public:
    virtual ~ChatTemplate() = default;
    virtual std::string
    family() const = 0; // "llama2", "llama3", "chatml", "gemma", "phi3", "mistral", "exaone3"
    virtual bool isFallback() const = 0; // true when the template was not recognized (ChatML used)
    // Renders messages; with addAssistantPrefix, ends with the opening of an assistant turn.
    // The result is tokenized with parseSpecial = true; user content must not inject special
    // tokens, so implementations tokenize per segment (see renderTokens).
    virtual std::string render(const std::vector<ChatMessage>& messages, bool addAssistantPrefix) const = 0;
    // Stop strings that end an assistant turn (in addition to the tokenizer's end-of-generation ids).
    virtual std::vector<std::string> stopStrings() const = 0;
};

class Tokenizer;
// Tokenizes a rendered conversation so that special tokens are recognized only in the
// template's own markup, never inside message contents.
std::vector<int32_t> renderTokens(const ChatTemplate& tmpl, const Tokenizer& tokenizer,
                                  const std::vector<ChatMessage>& messages, bool addAssistantPrefix);

} // namespace sosoik
