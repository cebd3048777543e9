// renderTokens (declared in sosoik/chat_template.h).
#include "chat/chat_templates.h"
#include "sosoik/chat_template.h"
#include "sosoik/tokenizer.h"
#include "tokenizer/vocab_tokenizer.h"

namespace sosoik {
namespace {

// Templates from elsewhere only offer render(): find each message's content in the output by
// rendering with unique placeholders, so contents can still be kept apart from markup.
std::vector<chat::Part> partsByPlaceholders(const ChatTemplate& tmpl,
                                            const std::vector<ChatMessage>& messages,
                                            bool addAssistantPrefix) {
    std::vector<ChatMessage> marked = messages;
    auto marker = [](size_t i) { return "\x1e" + std::to_string(i) + "\x1f"; };
    for (size_t i = 0; i < marked.size(); ++i)
        marked[i].content = marker(i);
    const std::string rendered = tmpl.render(marked, addAssistantPrefix);
    std::vector<chat::Part> parts;
    size_t pos = 0;
    while (pos < rendered.size()) {
        const size_t open = rendered.find('\x1e', pos);
        const size_t close = open == std::string::npos ? open : rendered.find('\x1f', open);
        if (close == std::string::npos) {
            parts.push_back({rendered.substr(pos), false});
            break;
        }
        parts.push_back({rendered.substr(pos, open - pos), false});
        const size_t index = std::stoul(rendered.substr(open + 1, close - open - 1));
        parts.push_back({index < messages.size() ? messages[index].content : std::string(), true});
        pos = close + 1;
    }
    return parts;
}

} // namespace

std::vector<int32_t> renderTokens(const ChatTemplate& tmpl, const Tokenizer& tokenizer,
                                  const std::vector<ChatMessage>& messages, bool addAssistantPrefix) {
    const auto* family = dynamic_cast<const chat::FamilyTemplate*>(&tmpl);
    const std::vector<chat::Part> parts = family ? family->parts(messages, addAssistantPrefix)
                                                 : partsByPlaceholders(tmpl, messages, addAssistantPrefix);

    // The conversation is tokenized as one text (so tokens may span a markup/content boundary,
    // exactly as when the model was trained); only markup may produce special tokens.
    if (const auto* vocab = dynamic_cast<const tok::VocabTokenizer*>(&tokenizer)) {
        std::vector<tok::VocabTokenizer::Segment> segments;
        for (const chat::Part& p : parts)
            segments.push_back({p.text, !p.content});
        return vocab->encodeSegments(segments, /*addBos=*/true);
    }
    std::vector<int32_t> ids;
    bool first = true;
    for (const chat::Part& p : parts) {
        const auto part = tokenizer.encode(p.text, first && tokenizer.addBosByDefault(), !p.content);
        ids.insert(ids.end(), part.begin(), part.end());
        first = false;
    }
    return ids;
}

} // namespace sosoik
