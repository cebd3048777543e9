#pragma once
// The tokenizer section of a GGUF file (tokenizer.ggml.*), read once and validated, so the
// tokenizers themselves never deal with missing or malformed metadata.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sosoik::gguf {
class File;
}

namespace sosoik::tok {

// Values of tokenizer.ggml.token_type (llama.cpp's llama_token_type).
enum class TokenType : int32_t {
    Undefined = 0,
    Normal = 1,
    Unknown = 2,
    Control = 3,
    UserDefined = 4,
    Unused = 5,
    Byte = 6
};

struct Vocab {
    std::string model; // tokenizer.ggml.model: "llama" (SentencePiece) or "gpt2" (byte-level BPE)
    std::string pre;   // tokenizer.ggml.pre; empty when the file has none
    std::vector<std::string> tokens;
    std::vector<float> scores;       // SentencePiece merge priorities; empty for BPE
    std::vector<TokenType> types;    // same length as tokens (Normal when the file has none)
    std::vector<std::string> merges; // BPE merges, "left right", rank = index

    int32_t bos = -1, eos = -1, eot = -1, eom = -1, unk = -1, pad = -1;
    bool addBos = false;
    bool addEos = false;
    bool addSpacePrefix = false; // SentencePiece dummy prefix ("▁" before the text)
    bool removeExtraWhitespaces = false;
    bool lowercase = true;    // WordPiece (BERT) normalizer: lowercase the text...
    bool stripAccents = true; // ...and drop combining marks after NFD
    std::string chatTemplate; // tokenizer.chat_template, empty when absent

    int size() const { return static_cast<int>(tokens.size()); }
    bool valid(int32_t id) const { return id >= 0 && id < size(); }
};

// Reads and validates the vocabulary; throws sosoik::Error(InvalidModel/Unsupported) naming the key.
// Defaults follow llama.cpp so that files converted by it behave the same here.
Vocab readVocab(const gguf::File& file);

} // namespace sosoik::tok
