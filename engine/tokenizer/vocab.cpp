#include "tokenizer/vocab.h"

#include "gguf/gguf_file.h"
#include "sosoik/error.h"

#include <string_view>
#include <unordered_set>

namespace sosoik::tok {
namespace {

[[noreturn]] void invalid(const std::string& message) {
    throw Error(Error::Kind::InvalidModel, message);
}

const gguf::Array& stringArray(const gguf::File& file, std::string_view key, bool required) {
    static const gguf::Array empty;
    const gguf::Array* array = file.getArray(key);
    if (!array) {
        if (required) invalid("The model has no tokenizer vocabulary (" + std::string(key) + " is missing).");
        return empty;
    }
    for (size_t i = 0; i < array->size(); ++i)
        if (!(*array)[i].asString())
            invalid("The tokenizer metadata is malformed: " + std::string(key) + "[" + std::to_string(i) +
                    "] is not a string.");
    return *array;
}

// Special token ids are optional; an id outside the vocabulary (converters write UINT32_MAX for
// "none") disables the token instead of failing the load, as llama.cpp does.
int32_t tokenId(const gguf::File& file, std::string_view key, int32_t fallback, int vocabSize) {
    std::optional<int64_t> id = file.getInt(key);
    int64_t value = id ? *id : fallback;
    return value >= 0 && value < vocabSize ? static_cast<int32_t>(value) : -1;
}

} // namespace

Vocab readVocab(const gguf::File& file) {
    Vocab v;
    v.model = file.getString("tokenizer.ggml.model").value_or("");
    if (v.model.empty()) invalid("The model has no tokenizer (tokenizer.ggml.model is missing).");
    // llama.cpp's spelling of "no vocabulary" (synthetic benchmark files write it, see
    // app/cli/synthetic_gguf.cpp).
    if (v.model == "none" || v.model == "no_vocab")
        invalid("The model has no tokenizer (tokenizer.ggml.model is \"" + v.model + "\").");
    if (v.model != "llama" && v.model != "gpt2" && v.model != "bert")
        throw Error(Error::Kind::Unsupported, "Tokenizer type '" + v.model +
                                                  "' is not supported (supported: 'llama' SentencePiece, "
                                                  "'gpt2' byte-level BPE, 'bert' WordPiece).");
    v.pre = file.getString("tokenizer.ggml.pre").value_or("");

    const gguf::Array& tokens = stringArray(file, "tokenizer.ggml.tokens", true);
    v.tokens.reserve(tokens.size());
    for (const auto& value : tokens)
        v.tokens.push_back(*value.asString());
    const int n = v.size();
    if (n == 0) invalid("The tokenizer vocabulary (tokenizer.ggml.tokens) is empty.");

    std::unordered_set<std::string_view> seen;
    seen.reserve(n);
    for (int i = 0; i < n; ++i) {
        if (v.tokens[i].empty()) v.tokens[i] = "[EMPTY_" + std::to_string(i) + "]"; // never matchable
        if (!seen.insert(v.tokens[i]).second)
            invalid("The tokenizer vocabulary is malformed: token '" + v.tokens[i] + "' (id " +
                    std::to_string(i) + ") appears twice.");
    }

    v.types.assign(n, TokenType::Normal);
    if (const gguf::Array* types = file.getArray("tokenizer.ggml.token_type")) {
        if (static_cast<int>(types->size()) < n)
            invalid("tokenizer.ggml.token_type is shorter than the vocabulary.");
        for (int i = 0; i < n; ++i) {
            std::optional<int64_t> t = (*types)[i].asInt();
            if (!t) invalid("tokenizer.ggml.token_type[" + std::to_string(i) + "] is not an integer.");
            v.types[i] = *t >= 0 && *t <= 6 ? static_cast<TokenType>(*t) : TokenType::Undefined;
        }
    }
    if (const gguf::Array* scores = file.getArray("tokenizer.ggml.scores")) {
        if (static_cast<int>(scores->size()) < n)
            invalid("tokenizer.ggml.scores is shorter than the vocabulary.");
        v.scores.resize(n);
        for (int i = 0; i < n; ++i) {
            std::optional<double> s = (*scores)[i].asFloat();
            if (!s) invalid("tokenizer.ggml.scores[" + std::to_string(i) + "] is not a number.");
            v.scores[i] = static_cast<float>(*s);
        }
    }

    const bool spm = v.model == "llama";
    if (spm) {
        v.bos = tokenId(file, "tokenizer.ggml.bos_token_id", 1, n);
        v.eos = tokenId(file, "tokenizer.ggml.eos_token_id", 2, n);
        v.unk = tokenId(file, "tokenizer.ggml.unknown_token_id", 0, n);
        v.addBos = true;
        v.addSpacePrefix = true;
        if (v.scores.empty()) invalid("The SentencePiece vocabulary has no scores (tokenizer.ggml.scores).");
    } else if (v.model == "bert") {
        // BERT inputs start with [CLS] and end with [SEP]; llama.cpp's defaults are BERT's ids.
        v.bos = tokenId(file, "tokenizer.ggml.cls_token_id", 101, n);
        v.eos = tokenId(file, "tokenizer.ggml.seperator_token_id", 102, n);
        v.unk = tokenId(file, "tokenizer.ggml.unknown_token_id", 100, n);
        v.addBos = true;
        v.lowercase = file.getBool("tokenizer.ggml.normalizer.lowercase").value_or(true);
        v.stripAccents = file.getBool("tokenizer.ggml.normalizer.strip_accents").value_or(v.lowercase);
    } else {
        const gguf::Array& merges = stringArray(file, "tokenizer.ggml.merges", true);
        v.merges.reserve(merges.size());
        for (const auto& value : merges)
            v.merges.push_back(*value.asString());
        v.bos = tokenId(file, "tokenizer.ggml.bos_token_id", 11, n);
        v.eos = tokenId(file, "tokenizer.ggml.eos_token_id", 11, n);
        v.unk = tokenId(file, "tokenizer.ggml.unknown_token_id", -1, n);
        // llama.cpp: the Llama 3 family adds BOS unless the file says otherwise.
        v.addBos = v.pre == "llama3" || v.pre == "llama-v3" || v.pre == "llama-bpe" || v.pre == "falcon3";
    }
    v.eot = tokenId(file, "tokenizer.ggml.eot_token_id", -1, n);
    v.eom = tokenId(file, "tokenizer.ggml.eom_token_id", -1, n);
    v.pad = tokenId(file, "tokenizer.ggml.padding_token_id", -1, n);
    v.addBos = file.getBool("tokenizer.ggml.add_bos_token").value_or(v.addBos);
    v.addEos = file.getBool("tokenizer.ggml.add_eos_token").value_or(false);
    v.addSpacePrefix = file.getBool("tokenizer.ggml.add_space_prefix").value_or(v.addSpacePrefix);
    v.removeExtraWhitespaces = file.getBool("tokenizer.ggml.remove_extra_whitespaces").value_or(false);
    if (v.addBos && v.bos < 0) v.addBos = false; // nothing to add; not worth failing the load
    if (v.addEos && v.eos < 0) v.addEos = false;
    v.chatTemplate = file.getString("tokenizer.chat_template").value_or("");
    return v;
}

} // namespace sosoik::tok
