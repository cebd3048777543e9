#pragma once
// WordPiece tokenizer (tokenizer.ggml.model = "bert": BERT-style embedding models such as BGE).
// BERT's normalizer (lowercase, accents stripped after NFD, punctuation and CJK isolated), then
// greedy longest-match per word. GGUF spells word-initial pieces with "▁" (BERT's "##x" is "x").
#include "tokenizer/vocab_tokenizer.h"

namespace sosoik::tok {

class WpmTokenizer final : public VocabTokenizer {
public:
    explicit WpmTokenizer(Vocab vocab);

protected:
    void encodeText(std::string_view text, bool atTextStart, std::vector<int32_t>& out) const override;
    std::string normalBytes(int32_t id) const override;
    bool stripsLeadingSpace() const override { return true; }

private:
    std::vector<std::string> words(std::string_view text) const;
    size_t longestToken_ = 0;
};

} // namespace sosoik::tok
