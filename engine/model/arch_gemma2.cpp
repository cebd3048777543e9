// Gemma 2 (Google; 2B / 9B / 27B). Differences from llama, and where each fact comes from:
//  - Embeddings are multiplied by sqrt(n_embd) (HF transformers modeling_gemma2.py Gemma2Model:
//    `normalizer = hidden_size**0.5`; llama.cpp src/models/gemma2-iswa.cpp `ggml_scale(inpL,
//    sqrtf(n_embd))`).
//  - Four RMSNorms per layer: attn_norm before attention, attn_post_norm on its output before the
//    residual add, ffn_norm before the FFN, ffn_post_norm on its output (Gemma2DecoderLayer;
//    gemma2-iswa.cpp). Gemma's norm multiplies by (1 + w); llama.cpp's convert_hf_to_gguf.py adds
//    the 1 when converting ("ref code in Gemma3RMSNorm", norm_shift), so the GGUF weights are used
//    as plain RMSNorm weights.
//  - GeGLU FFN: gelu_pytorch_tanh(gate)·up (config hidden_activation; LLM_FFN_GELU in llama.cpp).
//  - Query scaling query_pre_attn_scalar^-0.5: head_dim for 2B/9B, n_embd / n_head for 27B
//    (46 layers) (llama.cpp llama-model.cpp llama_load_hparams_gemma2, after gemma_pytorch
//    config.py).
//  - Attention scores soft-capped at gemma2.attn_logit_softcapping (default 50), logits at
//    gemma2.final_logit_softcapping (default 30): x = cap·tanh(x / cap) (Gemma2Config defaults;
//    llama.cpp gemma2-iswa.cpp and hparams).
//  - Sliding window gemma2.attention.sliding_window (4096) on even layers, global attention on
//    odd ones (HF Gemma2Attention `is_sliding = not bool(layer_idx % 2)`; llama.cpp
//    set_swa_pattern(2)).
//  - NEOX RoPE, rope.freq_base for every layer; output tied to the embedding.
#include "model/arch_common.h"
#include "model/architecture.h"

#include "sosoik/error.h"

#include <cmath>

namespace sosoik::model {
namespace {

float readSoftCap(const gguf::File& f, const std::string& key, float fallback) {
    const double cap = f.getFloat(key).value_or(fallback);
    if (!(cap >= 0.0 && cap < 1e6))
        throw Error(Error::Kind::InvalidModel, "metadata " + key + " is out of range");
    return static_cast<float>(cap);
}

void readHParams(const gguf::File& f, HParams& hp) {
    readStandardHParams(f, "gemma2", 1e-6f, hp);
    hp.ropeLayout = RopeLayout::Neox;
    hp.slidingWindow = static_cast<int>(f.getInt("gemma2.attention.sliding_window").value_or(4096));
    if (hp.slidingWindow < 0)
        throw Error(Error::Kind::InvalidModel, "metadata gemma2.attention.sliding_window is negative");
    hp.attnSoftCap = readSoftCap(f, "gemma2.attn_logit_softcapping", 50.f);
    hp.finalSoftCap = readSoftCap(f, "gemma2.final_logit_softcapping", 30.f);
}

void bindWeights(const gguf::File& f, const HParams& hp, Weights& w) {
    bindLlamaFamilyWeights(f, hp, w);
    const uint64_t e = hp.nEmbd;
    for (int l = 0; l < hp.nLayer; ++l) {
        const std::string p = "blk." + std::to_string(l) + ".";
        w.layers[l].attnPostNorm = requireTensor(f, p + "post_attention_norm.weight", {e});
        w.layers[l].ffnPostNorm = requireTensor(f, p + "post_ffw_norm.weight", {e});
    }
}

LayerPlan buildPlan(const HParams& hp, const Weights& w) {
    const bool is27B = hp.nLayer == 46;
    const float queryScale = 1.f / std::sqrt(is27B ? float(hp.nEmbd / hp.nHead) : float(hp.headDim));
    std::vector<AttentionSpec> attention(hp.nLayer);
    std::vector<RopeSpec> rope(hp.nLayer,
                               RopeSpec{hp.ropeFreqBase, hp.ropeFreqScale, 1.f, hp.ropeLayout, w.ropeFreqs});
    for (int l = 0; l < hp.nLayer; ++l) {
        attention[l].scale = queryScale;
        attention[l].softCap = hp.attnSoftCap;
        attention[l].window = l % 2 == 0 ? hp.slidingWindow : 0;
    }
    return gemmaPlan(hp, w, attention, rope);
}

} // namespace

extern const ArchitectureUnit kGemma2Architecture{"gemma2", readHParams, bindWeights, buildPlan};

} // namespace sosoik::model
