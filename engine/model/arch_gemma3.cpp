// Gemma 3 text models (Google; 270M / 1B / 4B / 12B / 27B; the GGUF's text part). The Gemma 2
// layer (model/layer_plan.cpp gemmaPlan: sqrt(n_embd) embedding scale, pre- and post-norms with the
// converter's +1 folded into the weights, GeGLU, NEOX RoPE, tied output) with these changes, and
// where each fact comes from:
//  - Per-head RMSNorm of queries and keys before RoPE, attn_q_norm / attn_k_norm (HF transformers
//    modeling_gemma3.py Gemma3Attention q_norm/k_norm; llama.cpp src/models/gemma3.cpp).
//  - No soft-capping of scores or logits (Gemma3TextConfig: attn_logit_softcapping and
//    final_logit_softcapping None; llama.cpp applies the final cap only without sliding windows).
//  - Five local layers per global one: layer l slides over gemma3.attention.sliding_window
//    positions unless (l + 1) % 6 == 0 (HF Gemma3TextConfig layer_types from
//    sliding_window_pattern 6; llama.cpp llama_load_hparams_gemma3 set_swa_pattern(6)).
//  - Two RoPE bases: local layers 10000 without scaling (rope_local_base_freq; llama.cpp
//    rope_freq_base_train_swa = 10000, rope_freq_scale_train_swa = 1), global layers
//    gemma3.rope.freq_base (1e6) with the file's linear rope scaling (factor 8 on 4B and up).
//  - Query scale query_pre_attn_scalar^-0.5 = head_dim^-0.5, or (n_embd / n_head)^-0.5 for the 27B
//    (62 layers) (llama.cpp llama_load_hparams_gemma3, after gemma_pytorch config.py).
#include "model/arch_common.h"
#include "model/architecture.h"

#include "sosoik/error.h"

#include <cmath>

namespace sosoik::model {
namespace {

constexpr int kPattern = 6;               // every 6th layer attends globally
constexpr float kLocalRopeBase = 10000.f; // rope_local_base_freq

void readHParams(const gguf::File& f, HParams& hp) {
    readStandardHParams(f, "gemma3", 1e-6f, hp);
    hp.ropeLayout = RopeLayout::Neox;
    hp.hasQkNorm = true;
    const auto window = f.getInt("gemma3.attention.sliding_window");
    if (!window)
        throw Error(Error::Kind::InvalidModel, "metadata gemma3.attention.sliding_window is missing");
    if (*window <= 0 || *window > (1 << 24))
        throw Error(Error::Kind::InvalidModel, "metadata gemma3.attention.sliding_window is out of range");
    hp.slidingWindow = static_cast<int>(*window);
    const double cap = f.getFloat("gemma3.final_logit_softcapping").value_or(0.0);
    if (!(cap >= 0.0 && cap < 1e6))
        throw Error(Error::Kind::InvalidModel, "metadata gemma3.final_logit_softcapping is out of range");
    hp.finalSoftCap = static_cast<float>(cap);
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
    const bool is27B = hp.nLayer == 62;
    const float queryScale = 1.f / std::sqrt(is27B ? float(hp.nEmbd / hp.nHead) : float(hp.headDim));
    std::vector<AttentionSpec> attention(hp.nLayer);
    std::vector<RopeSpec> rope(hp.nLayer);
    for (int l = 0; l < hp.nLayer; ++l) {
        const bool global = (l + 1) % kPattern == 0;
        attention[l].scale = queryScale;
        attention[l].window = global ? 0 : hp.slidingWindow;
        rope[l] = global ? RopeSpec{hp.ropeFreqBase, hp.ropeFreqScale, 1.f, hp.ropeLayout, w.ropeFreqs}
                         : RopeSpec{kLocalRopeBase, 1.f, 1.f, hp.ropeLayout, nullptr};
    }
    return gemmaPlan(hp, w, attention, rope);
}

} // namespace

extern const ArchitectureUnit kGemma3Architecture{"gemma3", readHParams, bindWeights, buildPlan};

} // namespace sosoik::model
