// EXAONE 4.0 (LG AI Research; 1.2B on-device and 32B; Korean, English, Spanish). Where each fact
// comes from (HF transformers models/exaone4/modeling_exaone4.py and configuration_exaone4.py;
// llama.cpp src/models/exaone4.cpp and llama-model.cpp):
//  - No norm before attention or the FFN: the layer reads the residual stream directly, and an
//    RMSNorm follows each block instead ("QK-Reorder-Norm"): x += post_attention_norm(attn(x));
//    x += post_ffw_norm(mlp(x)) (Exaone4DecoderLayer.forward; exaone4.cpp).
//  - RMSNorm of each query and key head right after the projections, before RoPE
//    (Exaone4Attention q_norm/k_norm; attn_q_norm/attn_k_norm in the GGUF).
//  - Hybrid attention when exaone4.attention.sliding_window is set (the 32B): three local layers
//    per global one, layer l global when (l + 1) % 4 == 0 (Exaone4Config layer_types from
//    sliding_window_pattern 4; llama.cpp set_swa_pattern(4)); local layers slide over the window,
//    and global layers use no RoPE ("We use global NoPE for hybrid attention model",
//    Exaone4Attention.forward; exaone4.cpp use_rope). Without a window (the 1.2B) every layer is
//    global and rotated.
//  - SwiGLU FFN, NEOX RoPE (llama.cpp rope type NEOX for LLM_ARCH_EXAONE4) with the llama3-style
//    scaling the converter stores as rope_freqs, scale 1/sqrt(head_dim), RMSNorm eps from the file;
//    output tied to the embedding when output.weight is absent.
#include "model/arch_common.h"
#include "model/architecture.h"

#include "sosoik/error.h"

#include <cmath>

namespace sosoik::model {
namespace {

constexpr int kPattern = 4; // every 4th layer is global in hybrid models

void readHParams(const gguf::File& f, HParams& hp) {
    readStandardHParams(f, "exaone4", 1e-5f, hp);
    hp.ropeLayout = RopeLayout::Neox;
    hp.hasQkNorm = true;
    if (const auto window = f.getInt("exaone4.attention.sliding_window")) {
        if (*window < 0 || *window > (1 << 24))
            throw Error(Error::Kind::InvalidModel,
                        "metadata exaone4.attention.sliding_window is out of range");
        hp.slidingWindow = static_cast<int>(*window);
    }
}

void bindWeights(const gguf::File& f, const HParams& hp, Weights& w) {
    const uint64_t e = hp.nEmbd, ff = hp.nFf, hd = hp.headDim;
    const uint64_t q = uint64_t(hp.nHead) * hd, kv = uint64_t(hp.nHeadKv) * hd;
    w.tokenEmbd = requireTensor(f, "token_embd.weight", {e, uint64_t(hp.nVocab)});
    w.outputNorm = requireTensor(f, "output_norm.weight", {e});
    w.output = optionalTensor(f, "output.weight", {e, uint64_t(hp.nVocab)});
    if (!w.output) w.output = w.tokenEmbd;
    w.ropeFreqs = optionalTensor(f, "rope_freqs.weight", {hd / 2});
    w.layers.assign(hp.nLayer, {});
    for (int l = 0; l < hp.nLayer; ++l) {
        const std::string p = "blk." + std::to_string(l) + ".";
        LayerWeights& L = w.layers[l];
        L.wq = requireTensor(f, p + "attn_q.weight", {e, q});
        L.wk = requireTensor(f, p + "attn_k.weight", {e, kv});
        L.wv = requireTensor(f, p + "attn_v.weight", {e, kv});
        L.qNorm = requireTensor(f, p + "attn_q_norm.weight", {hd});
        L.kNorm = requireTensor(f, p + "attn_k_norm.weight", {hd});
        L.wo = requireTensor(f, p + "attn_output.weight", {q, e});
        L.attnPostNorm = requireTensor(f, p + "post_attention_norm.weight", {e});
        L.wGate = requireTensor(f, p + "ffn_gate.weight", {e, ff});
        L.wUp = requireTensor(f, p + "ffn_up.weight", {e, ff});
        L.wDown = requireTensor(f, p + "ffn_down.weight", {ff, e});
        L.ffnPostNorm = requireTensor(f, p + "post_ffw_norm.weight", {e});
    }
}

LayerPlan buildPlan(const HParams& hp, const Weights& w) {
    const bool hybrid = hp.slidingWindow > 0;
    const RopeSpec rope{hp.ropeFreqBase, hp.ropeFreqScale, 1.f, hp.ropeLayout, w.ropeFreqs};
    PlanBuilder b(hp);
    b.embed(w.tokenEmbd);
    for (int l = 0; l < hp.nLayer; ++l) {
        const LayerWeights& L = w.layers[l];
        const bool sliding = hybrid && (l + 1) % kPattern != 0;
        b.layer(l);
        b.matMul(Buf::X, Buf::Qkv, {L.wq, L.wk, L.wv});
        b.headRmsNorm(L.qNorm, L.kNorm);
        if (!hybrid || sliding) b.rope(rope);
        b.attention({1.f / std::sqrt(float(hp.headDim)), 0.f, sliding ? hp.slidingWindow : 0});
        b.matMul(Buf::Att, Buf::Proj, {L.wo});
        b.rmsNorm(Buf::Proj, Buf::Proj, L.attnPostNorm);
        b.add(Buf::Proj, Buf::X);
        b.matMul(Buf::X, Buf::GateUp, {L.wGate, L.wUp});
        b.glu(Activation::Silu);
        b.matMul(Buf::Act, Buf::Proj, {L.wDown});
        b.rmsNorm(Buf::Proj, Buf::Proj, L.ffnPostNorm);
        b.add(Buf::Proj, Buf::X);
    }
    b.beginOutput();
    b.rmsNorm(Buf::X, Buf::Norm, w.outputNorm);
    b.matMul(Buf::Norm, Buf::Logits, {w.output});
    return b.take();
}

} // namespace

extern const ArchitectureUnit kExaone4Architecture{"exaone4", readHParams, bindWeights, buildPlan};

} // namespace sosoik::model
