#pragma once
// Byte-level BPE tokenizer (tokenizer.ggml.model = "gpt2": Llama 3, Qwen2, EXAONE, SmolLM, GPT-2,
// DeepSeek, StarCoder, ...): pre-tokenize, map bytes to GPT-2 characters, merge by rank.
#include "tokenizer/pre_tokenizer.h"
#include "tokenizer/vocab_tokenizer.h"

#include <unordered_map>

namespace sosoik::tok {

class BpeTokenizer final : public VocabTokenizer {
public:
    explicit BpeTokenizer(Vocab vocab); // throws Error for an unsupported pre-tokenizer

    const PreTokenizer& preTokenizer() const { return pre_; }

protected:
    void encodeText(std::string_view text, bool atTextStart, std::vector<int32_t>& out) const override;
    std::string normalBytes(int32_t id) const override { return bytes_[id]; }

private:
    void encodeWord(const std::string& word, std::vector<int32_t>& out) const;
    int rank(std::string_view left, std::string_view right, std::string& scratch) const;

    PreTokenizer pre_;
    std::unordered_map<std::string_view, int> ranks_; // "left right" (into vocab().merges) -> rank
    std::vector<std::string> bytes_;
};

} // namespace sosoik::tok
