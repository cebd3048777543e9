#pragma once
// The chat-template families the engine renders natively (no Jinja): each one reproduces its
// model family's documented format. Rendering produces parts, so that renderTokens can let
// special tokens count only in the template's own markup, never inside message contents.
#include "sosoik/chat_template.h"

#include <memory>
#include <string>
#include <vector>

namespace sosoik::chat {

struct Part {
    std::string text;
    bool content = false; // a message's text (user-controlled): special tokens are not parsed in it
};

class FamilyTemplate : public ChatTemplate {
public:
    std::string render(const std::vector<ChatMessage>& messages, bool addAssistantPrefix) const override;
    bool isFallback() const override { return fallback_; }
    void setFallback(bool fallback) { fallback_ = fallback; }

    // The conversation as markup and content parts. The model's BOS token is not included:
    // the tokenizer adds it when the model's metadata asks for it (renderTokens does).
    virtual std::vector<Part> parts(const std::vector<ChatMessage>& messages,
                                    bool addAssistantPrefix) const = 0;

private:
    bool fallback_ = false;
};

// Families: "chatml", "llama2", "llama3", "gemma", "phi3", "mistral", "exaone3", "exaone4", "zephyr".
// defaultSystem: a system prompt the model's template inserts when the conversation has none
// (Qwen's "You are a helpful assistant"); only ChatML uses it.
std::unique_ptr<FamilyTemplate> makeFamilyTemplate(const std::string& family,
                                                   const std::string& defaultSystem = {});
std::vector<std::string> familyNames();

} // namespace sosoik::chat
