#pragma once
// Text <-> token ids, as the model's own GGUF vocabulary defines it.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sosoik {

class Tokenizer {
public:
    virtual ~Tokenizer() = default;

    // parseSpecial: match control/user-defined tokens (<|im_start|>, [INST]...) as whole tokens.
    // Only chat-formatted text sets it; user-typed text never does.
    // addBos: prepend BOS if the model's metadata asks for one (addBosByDefault()); EOS is never added.
    virtual std::vector<int32_t> encode(std::string_view text, bool addBos,
                                        bool parseSpecial = false) const = 0;
    // Concatenated bytes of the pieces (special tokens rendered only if renderSpecial).
    virtual std::string decode(const std::vector<int32_t>& ids, bool renderSpecial = false) const = 0;
    // One token's raw bytes (may be an incomplete UTF-8 sequence).
    virtual std::string tokenBytes(int32_t id) const = 0;
    virtual std::string piece(int32_t id) const = 0; // the vocabulary entry as stored

    virtual int vocabSize() const = 0;
    virtual int32_t bos() const = 0; // -1 if none
    virtual int32_t eos() const = 0;
    virtual bool addBosByDefault() const = 0;
    virtual bool isEndOfGeneration(int32_t id) const = 0; // EOS, EOT, end-of-turn tokens
    virtual std::string
    kind() const = 0; // "llama" (SentencePiece), "gpt2" (byte-level BPE), "bert" (WordPiece)
};

// Emits only complete UTF-8 while tokens arrive one by one; the concatenation of all
// push() results plus flush() equals Tokenizer::decode of the whole sequence.
class StreamDecoder {
public:
    explicit StreamDecoder(const Tokenizer& tokenizer, bool renderSpecial = false)
        : tokenizer_(tokenizer), renderSpecial_(renderSpecial) {}
    std::string push(int32_t id);
    std::string flush();

private:
    const Tokenizer& tokenizer_;
    bool renderSpecial_;
    std::vector<int32_t> ids_;
    size_t emittedBytes_ = 0;
};

} // namespace sosoik
