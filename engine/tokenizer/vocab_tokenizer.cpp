#include "tokenizer/vocab_tokenizer.h"

#include "sosoik/error.h"

namespace sosoik::tok {
namespace {

// Turn-ending tokens of chat models that older conversions do not list as EOS/EOT ids.
constexpr std::string_view kEndOfTurnTexts[] = {
    "<|eot_id|>",      "<|eom_id|>", "<|im_end|>", "<|end|>",       "<end_of_turn>",         "<|endoftext|>",
    "<|end_of_text|>", "<EOT>",      "<|EOT|>",    "[|endofturn|]", "<｜end▁of▁sentence｜>",
};

} // namespace

VocabTokenizer::VocabTokenizer(Vocab vocab, bool matchPlainAddedTokens) : vocab_(std::move(vocab)) {
    const int n = vocab_.size();
    ids_.reserve(n);
    special_.assign(n, false);
    std::vector<int32_t> markup, plain;
    for (int32_t id = 0; id < n; ++id) {
        const std::string& text = vocab_.tokens[id];
        ids_.emplace(text, id);
        switch (vocab_.types[id]) {
        case TokenType::Control:
        case TokenType::Unknown:
            special_[id] = true;
            markup.push_back(id);
            break;
        case TokenType::UserDefined:
            if (looksLikeMarkup(text)) {
                special_[id] = true;
                markup.push_back(id);
            } else if (matchPlainAddedTokens) {
                plain.push_back(id);
            }
            break;
        default:
            break;
        }
    }
    matcher_ = SpecialTokenMatcher(vocab_.tokens, markup, plain);

    for (int32_t id : {vocab_.eos, vocab_.eot, vocab_.eom})
        if (id >= 0) endOfGeneration_.insert(id);
    for (std::string_view text : kEndOfTurnTexts) {
        const int32_t id = findToken(text);
        if (id >= 0 && special_[id]) endOfGeneration_.insert(id);
    }
}

int32_t VocabTokenizer::findToken(std::string_view piece) const {
    auto it = ids_.find(piece);
    return it == ids_.end() ? -1 : it->second;
}

bool VocabTokenizer::isSpecial(int32_t id) const {
    return vocab_.valid(id) && special_[id];
}

std::vector<int32_t> VocabTokenizer::encode(std::string_view text, bool addBos, bool parseSpecial) const {
    return encodeSegments({{text, parseSpecial}}, addBos);
}

std::vector<int32_t> VocabTokenizer::encodeSegments(const std::vector<Segment>& segments, bool addBos) const {
    std::vector<Fragment> fragments;
    for (const Segment& s : segments)
        if (!s.text.empty()) fragments.push_back({s.text, -1, s.allowSpecial});
    if (!matcher_.empty()) fragments = matcher_.partition(std::move(fragments));

    std::vector<int32_t> out;
    // EOS is never appended, even when the file asks for it (add_eos_token): every caller
    // here builds a prompt the model must continue, and an EOS would end it.
    if (addBos && vocab_.addBos) out.push_back(vocab_.bos);
    bool atTextStart = true;
    std::string pending;
    auto flush = [&] {
        if (pending.empty()) return;
        encodeText(pending, atTextStart, out);
        pending.clear();
        atTextStart = false;
    };
    for (const Fragment& f : fragments) {
        if (f.token < 0) {
            pending.append(f.text);
            continue;
        }
        flush();
        out.push_back(f.token);
        atTextStart = true;
    }
    flush();
    return out;
}

std::string VocabTokenizer::piece(int32_t id) const {
    if (!vocab_.valid(id))
        throw Error(Error::Kind::InvalidArgument, "Token id " + std::to_string(id) +
                                                      " is outside the vocabulary (0.." +
                                                      std::to_string(vocab_.size() - 1) + ").");
    return vocab_.tokens[id];
}

std::string VocabTokenizer::tokenBytes(int32_t id) const {
    std::string text = piece(id); // validates the id
    switch (vocab_.types[id]) {
    case TokenType::Control:
        return text;
    case TokenType::Unknown:
        return id == vocab_.unk ? std::string(" \xE2\x81\x87 ") : text; // sentencepiece's " ⁇ "
    default:
        return normalBytes(id);
    }
}

std::string VocabTokenizer::decode(const std::vector<int32_t>& ids, bool renderSpecial) const {
    std::string out;
    bool firstText = true;
    for (int32_t id : ids) {
        if (isSpecial(id)) {
            if (renderSpecial) out += tokenBytes(id);
            continue;
        }
        std::string bytes = tokenBytes(id);
        // Only the first text piece loses its dummy-prefix space (as sentencepiece decodes), so
        // what a prefix of the ids decodes to is always a prefix of the whole decode.
        if (firstText && stripsLeadingSpace() && vocab_.types[id] == TokenType::Normal && !bytes.empty() &&
            bytes[0] == ' ')
            bytes.erase(0, 1);
        firstText = false;
        out += bytes;
    }
    return out;
}

} // namespace sosoik::tok
