#include "synthetic_model.h"

#include <cmath>
#include <cstdio>
#include <random>
#include <set>
#include <stdexcept>

namespace sosoik::test {
namespace {

constexpr int kFirstByteToken = 3, kFirstPiece = kFirstByteToken + 256;
// SentencePiece token types, as llama.cpp stores them in tokenizer.ggml.token_type.
constexpr int32_t kNormal = 1, kUnknown = 2, kControl = 3, kByte = 6;

std::string arch(const SyntheticModelSpec& s, const char* key) {
    return s.architecture + "." + key;
}

class Weights {
public:
    Weights(GgufWriter& w, const SyntheticModelSpec& s) : w_(w), rng_(s.seed), types_(s.tensorTypes) {}

    // Matrix with ggml dims {cols, rows}; values ~ N(0, 1/sqrt(cols)) keep activations bounded.
    void matrix(const std::string& name, int cols, int rows, gguf::TensorType type, float scale = 0) {
        if (auto it = types_.find(name); it != types_.end()) type = it->second;
        check(name, cols, type);
        std::normal_distribution<float> d(0.f, scale > 0 ? scale : 1.f / std::sqrt(static_cast<float>(cols)));
        std::vector<float> v(static_cast<size_t>(cols) * rows);
        for (auto& x : v)
            x = d(rng_);
        w_.addTensor(name, {uint64_t(cols), uint64_t(rows)}, type, v);
    }
    void vector(const std::string& name, int n, gguf::TensorType type, float mean, float spread) {
        check(name, n, type);
        std::uniform_real_distribution<float> d(mean - spread, mean + spread);
        std::vector<float> v(n);
        for (auto& x : v)
            x = d(rng_);
        w_.addTensor(name, {uint64_t(n)}, type, v);
    }

private:
    static void check(const std::string& name, int cols, gguf::TensorType type) {
        const auto tr = gguf::traits(type);
        if (cols % static_cast<int>(tr.blockElements) != 0)
            throw std::runtime_error("synthetic model: " + name + " has rows of " + std::to_string(cols) +
                                     " elements, not a multiple of " + std::string(tr.name) +
                                     "'s block size");
    }
    GgufWriter& w_;
    std::mt19937_64 rng_;
    std::map<std::string, gguf::TensorType> types_;
};

} // namespace

std::vector<std::string> syntheticVocabulary(int nVocab) {
    std::vector<std::string> pieces = {"<unk>", "<s>", "</s>"};
    char buf[8];
    for (int b = 0; b < 256; ++b) {
        std::snprintf(buf, sizeof buf, "<0x%02X>", b);
        pieces.emplace_back(buf);
    }
    static const char* words[] = {
        "▁",     "e",     "t",      "a",       "o",      "n",    "i",    "s",    "h",     "r",     "d",
        "l",     "u",     "▁the",   "▁a",      "▁and",   "▁to",  "▁was", "▁he",  "▁she",  "▁it",   "▁is",
        "▁in",   "▁on",   "▁day",   "▁cat",    "▁dog",   "▁big", "▁sun", "▁run", "▁play", "▁tree", "▁Once",
        "▁upon", "▁time", "▁there", "▁little", "▁happy", ".",    ",",    "!",    "?",     "▁Tim",  "▁Lily"};
    for (const char* w : words)
        if (static_cast<int>(pieces.size()) < nVocab) pieces.emplace_back(w);
    for (int i = 0; static_cast<int>(pieces.size()) < nVocab; ++i)
        pieces.push_back("▁w" + std::to_string(i));
    return pieces;
}

GgufWriter buildSyntheticModel(const SyntheticModelSpec& s) {
    static const std::set<std::string> known = {"llama", "qwen2",  "qwen3",  "exaone",
                                                "phi3",  "gemma2", "gemma3", "exaone4"};
    if (!known.count(s.architecture))
        throw std::runtime_error("synthetic model: unknown architecture " + s.architecture);
    const bool gemma = s.architecture.rfind("gemma", 0) == 0, exaone4 = s.architecture == "exaone4";
    if (s.nVocab < kFirstPiece) throw std::runtime_error("synthetic model: nVocab must be at least 259");
    if (s.nHead % s.nHeadKv != 0)
        throw std::runtime_error("synthetic model: nHead must be a multiple of nHeadKv");
    const int headDim = s.headDim > 0 ? s.headDim : s.nEmbd / s.nHead;
    const int qDim = s.nHead * headDim, kvDim = s.nHeadKv * headDim;

    GgufWriter w(s.ggufVersion);
    if (s.alignment != 32) w.setAlignment(s.alignment);
    w.setString("general.architecture", s.architecture);
    w.setString("general.name", "synthetic-" + s.architecture);
    w.setU32(arch(s, "context_length"), s.contextLength);
    w.setU32(arch(s, "embedding_length"), s.nEmbd);
    w.setU32(arch(s, "feed_forward_length"), s.nFf);
    w.setU32(arch(s, "block_count"), s.nLayer);
    w.setU32(arch(s, "attention.head_count"), s.nHead);
    w.setU32(arch(s, "attention.head_count_kv"), s.nHeadKv);
    w.setU32(arch(s, "rope.dimension_count"), headDim);
    if (s.headDim > 0) {
        w.setU32(arch(s, "attention.key_length"), headDim);
        w.setU32(arch(s, "attention.value_length"), headDim);
    }
    w.setF32(arch(s, "rope.freq_base"), s.ropeFreqBase);
    const bool phi3 = s.architecture == "phi3";
    if (phi3 && s.longRopeAttnFactor > 0) {
        w.setF32(arch(s, "rope.scaling.attn_factor"), s.longRopeAttnFactor);
        w.setU32(arch(s, "rope.scaling.original_context_length"), s.contextLength);
    }
    if (s.ropeLinearFactor > 0) {
        w.setString(arch(s, "rope.scaling.type"), "linear");
        w.setF32(arch(s, "rope.scaling.factor"), s.ropeLinearFactor);
    }
    w.setF32(arch(s, "attention.layer_norm_rms_epsilon"), s.rmsNormEps);
    if (s.slidingWindow > 0 || s.architecture == "gemma3") // gemma3 files always carry it
        w.setU32(arch(s, "attention.sliding_window"), s.slidingWindow > 0 ? s.slidingWindow : 4096);
    if (s.attnSoftCap > 0) w.setF32(arch(s, "attn_logit_softcapping"), s.attnSoftCap);
    if (s.finalSoftCap > 0) w.setF32(arch(s, "final_logit_softcapping"), s.finalSoftCap);

    const auto pieces = syntheticVocabulary(s.nVocab);
    std::vector<float> scores(s.nVocab);
    std::vector<int32_t> types(s.nVocab, kNormal);
    types[0] = kUnknown;
    types[1] = types[2] = kControl;
    for (int i = 0; i < s.nVocab; ++i) {
        if (i >= kFirstByteToken && i < kFirstPiece) types[i] = kByte;
        scores[i] = i >= kFirstPiece ? -static_cast<float>(i - kFirstPiece) : 0.f;
    }
    w.setString("tokenizer.ggml.model", "llama");
    w.setStringArray("tokenizer.ggml.tokens", pieces);
    w.setF32Array("tokenizer.ggml.scores", scores);
    w.setI32Array("tokenizer.ggml.token_type", types);
    w.setU32("tokenizer.ggml.unknown_token_id", 0);
    w.setU32("tokenizer.ggml.bos_token_id", 1);
    w.setU32("tokenizer.ggml.eos_token_id", 2);
    w.setBool("tokenizer.ggml.add_bos_token", true);
    w.setBool("tokenizer.ggml.add_eos_token", false);
    if (!s.chatTemplate.empty()) w.setString("tokenizer.chat_template", s.chatTemplate);

    Weights gen(w, s);
    gen.matrix("token_embd.weight", s.nEmbd, s.nVocab, s.embeddingType, 1.0f);
    gen.vector("output_norm.weight", s.nEmbd, s.normType, 1.f, 0.2f);
    if (!s.tiedOutput) gen.matrix("output.weight", s.nEmbd, s.nVocab, s.outputType.value_or(s.weightType));
    if (s.ropeFreqs) gen.vector("rope_freqs.weight", headDim / 2, gguf::TensorType::F32, 2.f, 1.5f);
    if (phi3 && s.longRopeAttnFactor > 0) {
        gen.vector("rope_factors_short.weight", headDim / 2, gguf::TensorType::F32, 2.f, 1.5f);
        gen.vector("rope_factors_long.weight", headDim / 2, gguf::TensorType::F32, 8.f, 4.f);
    }
    for (int l = 0; l < s.nLayer; ++l) {
        const std::string p = "blk." + std::to_string(l) + ".";
        if (!exaone4) gen.vector(p + "attn_norm.weight", s.nEmbd, s.normType, 1.f, 0.2f);
        if (phi3) {
            gen.matrix(p + "attn_qkv.weight", s.nEmbd, qDim + 2 * kvDim, s.weightType);
        } else {
            gen.matrix(p + "attn_q.weight", s.nEmbd, qDim, s.weightType);
            gen.matrix(p + "attn_k.weight", s.nEmbd, kvDim, s.weightType);
            gen.matrix(p + "attn_v.weight", s.nEmbd, kvDim, s.weightType);
        }
        if (s.architecture == "qwen2") {
            gen.vector(p + "attn_q.bias", qDim, gguf::TensorType::F32, 0.f, 0.5f);
            gen.vector(p + "attn_k.bias", kvDim, gguf::TensorType::F32, 0.f, 0.5f);
            gen.vector(p + "attn_v.bias", kvDim, gguf::TensorType::F32, 0.f, 0.5f);
        }
        if (s.architecture == "qwen3" || s.architecture == "gemma3" || exaone4) {
            gen.vector(p + "attn_q_norm.weight", headDim, s.normType, 1.f, 0.3f);
            gen.vector(p + "attn_k_norm.weight", headDim, s.normType, 1.f, 0.3f);
        }
        gen.matrix(p + "attn_output.weight", qDim, s.nEmbd, s.weightType);
        if (gemma || exaone4) gen.vector(p + "post_attention_norm.weight", s.nEmbd, s.normType, 1.f, 0.2f);
        if (!exaone4) gen.vector(p + "ffn_norm.weight", s.nEmbd, s.normType, 1.f, 0.2f);
        if (phi3) {
            gen.matrix(p + "ffn_up.weight", s.nEmbd, 2 * s.nFf, s.weightType); // gate | up
        } else {
            gen.matrix(p + "ffn_gate.weight", s.nEmbd, s.nFf, s.weightType);
            gen.matrix(p + "ffn_up.weight", s.nEmbd, s.nFf, s.weightType);
        }
        gen.matrix(p + "ffn_down.weight", s.nFf, s.nEmbd, s.weightType);
        if (gemma || exaone4) gen.vector(p + "post_ffw_norm.weight", s.nEmbd, s.normType, 1.f, 0.2f);
    }
    return w;
}

void writeSyntheticModel(const SyntheticModelSpec& spec, const std::string& path) {
    buildSyntheticModel(spec).save(path);
}

} // namespace sosoik::test
