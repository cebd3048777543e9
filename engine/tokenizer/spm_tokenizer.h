#pragma once
// SentencePiece tokenizer (tokenizer.ggml.model = "llama": Llama 2, TinyLlama, Mistral, Phi-3, ...)
// backed by libsentencepiece, loaded from a ModelProto rebuilt from the GGUF vocabulary.
#include "tokenizer/vocab_tokenizer.h"

#include <array>
#include <memory>

namespace sentencepiece {
class SentencePieceProcessor;
}

namespace sosoik::tok {

class SpmTokenizer final : public VocabTokenizer {
public:
    explicit SpmTokenizer(Vocab vocab); // throws Error when sentencepiece rejects the vocabulary
    ~SpmTokenizer() override;

protected:
    void encodeText(std::string_view text, bool atTextStart, std::vector<int32_t>& out) const override;
    std::string normalBytes(int32_t id) const override { return bytes_[id]; }
    bool stripsLeadingSpace() const override { return vocab().addSpacePrefix; }

private:
    void encodeValid(std::string_view text, bool atTextStart, std::vector<int32_t>& out) const;
    void encodeChunk(std::string_view text, bool atTextStart, std::vector<int32_t>& out) const;

    std::unique_ptr<sentencepiece::SentencePieceProcessor> processor_;
    bool prefixBySentencepiece_ = false;
    bool newlineBarrier_ = false;         // no piece contains '\n': text may be encoded line by line
    std::vector<std::string> bytes_;      // decoded bytes of every normal/byte token
    std::array<int32_t, 256> byteTokens_; // <0xNN> token of each byte, -1 if absent
};

} // namespace sosoik::tok
